"""What the benchmark asks for: a Thai shopper in the TH market with a session (chosen the way
the market switcher chooses it) and one item in the cart, and the pages they would open, found
by following the store's own links (the deep listing page by its keyset "next" links)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from bench.client import Browser, csrf_token

LANG = "th"
MARKET = "TH"
SEARCHES = {"search th": "ชาอู่หลง", "search en": "oolong"}
#: the category listed first and deep, when the store has it
CATEGORY = "tea"


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    method: str = "GET"
    body: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Scenario:
    cookie: str
    token: str
    variant_id: str
    pages: list[Page]
    #: how many "next" links the deep page is from page 1
    deep_pages: int
    #: pages left out because preparing them failed: {name: why}
    broken: dict[str, str] = field(default_factory=dict)


def links(page: str, prefix: str) -> list[str]:
    """The page's link targets starting with `prefix`, in order, without repeats."""
    found = re.findall(r'href="(' + re.escape(prefix) + r'[^"]*)"', page)
    return list(dict.fromkeys(html.unescape(link) for link in found))


def next_link(page: str) -> str | None:
    found = re.search(
        r'<a[^>]*href="([^"]+)"[^>]*rel="next"|<a[^>]*rel="next"[^>]*href="([^"]+)"', page
    )
    if not found:
        return None
    return html.unescape(found.group(1) or found.group(2))


def _ok(response, what: str):
    if response.status >= 400:
        raise RuntimeError(f"{what}: HTTP {response.status}")
    return response


def prepare(browser: Browser, deep: int) -> Scenario:
    """Open a session as a Thai shopper choosing TH, find the pages, put one item in the cart."""
    home = _ok(browser.get(f"/{LANG}/"), "home").text
    token = csrf_token(home)
    _ok(
        browser.post(f"/{LANG}/market", {"csrf_token": token, "market": MARKET, "next": ""}),
        "choosing the market",
    )
    home = _ok(browser.get(f"/{LANG}/"), "home").text
    token = csrf_token(home)
    categories = links(home, f"/{LANG}/c/")
    category = f"/{LANG}/c/{CATEGORY}"
    if category not in categories:
        if not categories:
            raise RuntimeError("the home page links to no category")
        category = categories[0].split("?")[0]
    first = _ok(browser.get(category), "category").text
    products = [p for p in links(first, f"/{LANG}/products/") if "?" not in p]
    if not products:
        raise RuntimeError(f"{category} lists no product")
    variants = re.findall(r'name="variant" value="(\d+)"', first)
    if not variants:
        raise RuntimeError(f"{category} offers no product to add to the cart from the listing")
    deep_url, followed, page = category, 0, first
    while followed < deep:
        target = next_link(page)
        if target is None:
            break
        deep_url = target
        page = _ok(browser.get(target), "a later category page").text
        followed += 1
    product_page = _ok(browser.get(products[0]), "product").text
    shops = links(product_page, f"/{LANG}/shops/")
    zones = [z for z in links(home, f"/{LANG}/zones/") if "?" not in z]
    add_form = {"csrf_token": token, "variant": variants[0], "quantity": "1"}
    htmx = {"HX-Request": "true", "X-CSRFToken": token}
    broken: dict[str, str] = {}
    try:
        _ok(browser.post(f"/{LANG}/cart/add", add_form, headers=htmx), "adding to the cart")
        cart = _ok(browser.get(f"/{LANG}/cart"), "the cart page").text
        if f'value="{variants[0]}"' not in cart:
            raise RuntimeError("the item added is not in the cart")
    except RuntimeError as error:
        # a broken cart is a finding of the run, not a reason to measure nothing
        broken["add to cart (htmx)"] = broken["cart"] = str(error)

    pages = [
        Page("home", f"/{LANG}/"),
        Page("category", category),
        Page(f"category, page {followed + 1}", deep_url),
        Page("product", products[0]),
    ]
    for name, query in SEARCHES.items():
        pages.append(Page(name, f"/{LANG}/search?q={quote(query)}"))
    if zones:
        pages.append(Page("zone", zones[0]))
    if shops:
        pages.append(Page("vendor shop", shops[0].split("?")[0]))
    if not broken:
        pages.append(
            Page(
                "add to cart (htmx)",
                f"/{LANG}/cart/add",
                method="POST",
                body=urlencode(add_form),
                headers={**htmx, "Content-Type": "application/x-www-form-urlencoded"},
            )
        )
        pages.append(Page("cart", f"/{LANG}/cart"))
    return Scenario(browser.cookie_header(), token, variants[0], pages, followed, broken)
