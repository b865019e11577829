"""The storefront in a real browser, used as a person would: by role, name and label.

Each test builds the products, shops and zones it visits with the test factories, under names
of its own, on the live store's database. Expected UI text is read from the .po catalogs
(`live_server.text`), so a missing or fuzzy translation fails the test instead of showing
English. Screenshots of every step go to tests/artifacts/.
"""

from __future__ import annotations

import gc
import re
import uuid
import warnings
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import AXE_FILE, missing_requirements
from tests.tools import require_tool

_reason = missing_requirements()
if _reason:
    require_tool(_reason, module=True)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
HTMX_VERSION = "2.0.11"
#: A price in Malaysian ringgit as CLDR writes it: "RM 12.34" (en_MY) or "MYR 12.34" (th), a
#: no-break space between the lettered symbol and the digits.
RINGGIT = re.compile(r"(RM|MYR)\s\d")
MARKER = "window.__sameDocument"
#: cards on one page of a listing
PAGE = 24


@dataclass(frozen=True)
class Option:
    id: int
    label: str


@dataclass(frozen=True)
class BuiltProduct:
    #: path after the language prefix: /products/<vendor>/<handle>
    path: str
    names: dict[str, str]
    options: list[Option]


def unique() -> str:
    return uuid.uuid4().hex[:8]


def two_option_product(server) -> BuiltProduct:
    """A tea with two options in stock at different prices, in a shop of its own."""
    tag = unique()
    names = {"en": f"Dong Ding oolong {tag}", "th": f"ชาอู่หลงตงติ่ง {tag}"}
    with server.build() as make:
        vendor = make.vendor(slug=f"dong-ding-{tag}", name_en=f"Dong Ding Tea {tag}")
        product = make.product(
            vendor=vendor,
            handle=f"dong-ding-oolong-{tag}",
            names=names,
            variants=[
                {"price_twd": 450, "stock": 8, "weight_g": 180, "labels": {"en": "75 g pouch"}},
                {"price_twd": 1150, "stock": 3, "weight_g": 320, "labels": {"en": "150 g tin"}},
            ],
        )
        options = [Option(v.id, v.translations[0].label) for v in product.variants]
        return BuiltProduct(f"/products/{vendor.slug}/{product.handle}", names, options)


def shop_with_products(server, count: int) -> tuple[str, set[str]]:
    """A shop with `count` products; its path after the language prefix and their names."""
    tag = unique()
    names = {f"Pineapple cake {tag} no. {n:02d}" for n in range(1, count + 1)}
    with server.build() as make:
        vendor = make.vendor(
            slug=f"bakery-{tag}", name_en=f"Bakery {tag}", city_en="Taipei", city_zh_hant="臺北"
        )
        for n, name in enumerate(sorted(names), start=1):
            make.product(
                vendor=vendor,
                category="snacks",
                handle=f"cake-{n}",
                names={"en": name},
                variants=[{"price_twd": 200 + n * 10, "stock": 5, "weight_g": 400}],
            )
        return f"/shops/{vendor.slug}", names


def open_preferences(page: Page, server, lang: str) -> None:
    """Opens the language and market disclosure (a <details>) in the header."""
    name = server.text(lang, "Language and market")
    page.get_by_role("group").filter(has_text=name).click()
    expect(page.get_by_label(server.text(lang, "Ship to"), exact=True)).to_be_visible()


def choose_market(page: Page, server, lang: str, code: str, currency: str) -> None:
    open_preferences(page, server, lang)
    page.get_by_label(server.text(lang, "Ship to"), exact=True).select_option(
        label=f"{server.country(lang, code)} ({currency})"
    )
    page.get_by_role("button", name=server.text(lang, "Update"), exact=True).click()


def html_lang(page: Page) -> str:
    return page.evaluate("document.documentElement.lang")


def set_marker(page: Page) -> None:
    page.evaluate(f"{MARKER} = 'kept'")


def assert_same_document(page: Page) -> None:
    assert page.evaluate(MARKER) == "kept", "the page was reloaded instead of swapped by htmx"


def landed_box(page: Page, server, lang: str, market: str):
    country = server.country(lang, market)
    return page.get_by_role(
        "region", name=server.text(lang, "Delivered to %(country)s", country=country)
    )


def price_row(page: Page, server, lang: str, market: str):
    """The "Price" row of the landed-cost table."""
    label = server.text(lang, "Price")
    return landed_box(page, server, lang, market).get_by_role(
        "row", name=re.compile(rf"^{re.escape(label)}\s")
    )


def option_radio(page: Page, label: str):
    return page.get_by_role("radio", name=re.compile(rf"^{re.escape(label)}\s"))


def option_price(page: Page, label: str) -> str:
    """The price printed next to an option of the variant picker."""
    text = page.locator("label").filter(has=option_radio(page, label)).inner_text()
    return " ".join(text.replace(label, "", 1).split())


def product_cards(page: Page, name: str):
    """The cards of the product list on a listing page that holds the product `name`."""
    link = page.get_by_role("link", name=name, exact=True)
    return page.get_by_role("main").get_by_role("list").filter(has=link).get_by_role("listitem")


def card_names(cards) -> list[str]:
    return [name.strip() for name in cards.get_by_role("link").all_inner_texts()]


def test_thai_shopper_on_a_phone_switches_market_then_language(visit, live_server):
    server = live_server
    tag = unique()
    zone_title = f"ของดีทดสอบ {tag}"
    names = {"en": f"Sun Moon Lake black tea {tag}", "th": f"ชาดำสุริยันจันทรา {tag}"}
    with server.build() as make:
        vendor = make.vendor(slug=f"sun-moon-{tag}", name_en=f"Sun Moon Tea {tag}")
        product = make.product(vendor=vendor, handle="black-tea", names=names)
        make.zone(
            slug=f"picks-{tag}", titles={"en": f"Picks {tag}", "th": zone_title}, products=[product]
        )
        product_path = f"/products/{vendor.slug}/{product.handle}"

    visit_ = visit(viewport=PHONE, is_mobile=True, has_touch=True)
    page = visit_.page
    visit_.goto("/th/")
    assert html_lang(page) == "th"
    assert page.evaluate("() => window.htmx && window.htmx.version") == HTMX_VERSION
    visit_.shot("home-th")

    choose_market(page, server, "th", "MY", "MYR")
    main = page.get_by_role("main")
    expect(page).to_have_url(re.compile(r"/th/\??$"))
    hero = server.text(
        "th", "Good goods from Taipei, delivered to %(country)s", country=server.country("th", "MY")
    )
    expect(main.get_by_role("heading", level=1, name=hero, exact=True)).to_be_visible()
    visit_.shot("home-th-prices-in-ringgit")

    zone = main.get_by_role("region", name=zone_title, exact=True)
    card = zone.get_by_role("listitem").filter(has=page.get_by_role("link", name=names["th"]))
    expect(card).to_contain_text(RINGGIT)
    card.get_by_role("link", name=names["th"], exact=True).click()

    # reached from a zone, the link carries it (the cart credits the zone)
    expect(page).to_have_url(
        re.compile(re.escape(server.url("/th" + product_path)) + r"\?zone=\d+$")
    )
    expect(page.get_by_role("heading", level=1, name=names["th"], exact=True)).to_be_visible()
    price_label = re.escape(server.text("th", "Price"))
    expect(page.get_by_text(re.compile(rf"^{price_label}\s*(RM|MYR)\s\d")).first).to_be_visible()
    landed = landed_box(page, server, "th", "MY")
    expect(landed).to_contain_text(RINGGIT)
    visit_.shot("product-th-in-ringgit")

    open_preferences(page, server, "th")
    languages = page.get_by_role("navigation", name=server.text("th", "Language"), exact=True)
    languages.get_by_role("link", name="English", exact=True).click()

    # reached from a zone, the link carries it (the cart credits the zone)
    expect(page).to_have_url(
        re.compile(re.escape(server.url("/en" + product_path)) + r"(\?zone=\d+)?$")
    )
    expect(page.get_by_role("heading", level=1, name=names["en"], exact=True)).to_be_visible()
    expect(landed_box(page, server, "en", "MY")).to_contain_text(RINGGIT)
    visit_.shot("product-en-still-in-ringgit")
    visit_.assert_clean()
    assert html_lang(page) == "en", "the English page must say so in <html lang> (screen readers)"


def test_variant_picker_swaps_the_price_without_a_page_load(visit, live_server):
    server = live_server
    built = two_option_product(server)
    first, other = built.options
    visit_ = visit()
    page = visit_.page
    visit_.goto("/en" + built.path)
    expect(option_radio(page, first.label)).to_be_checked()
    before = price_row(page, server, "en", "SG").get_by_role("cell").inner_text()
    assert before == option_price(page, first.label)
    new_price = option_price(page, other.label)
    assert new_price != before
    visit_.shot("first-option")

    set_marker(page)
    option_radio(page, other.label).check()

    expect(page).to_have_url(re.compile(rf"[?&]variant={other.id}$"))
    expect(price_row(page, server, "en", "SG").get_by_role("cell")).to_have_text(new_price)
    price_label = server.text("en", "Price")
    expect(page.get_by_text(f"{price_label} {new_price}", exact=True)).to_be_visible()
    expect(option_radio(page, other.label)).to_be_checked()
    assert_same_document(page)
    visit_.shot("other-option-swapped-in")
    visit_.assert_clean()


def test_next_and_previous_pages_of_a_shop(visit, live_server):
    """With JavaScript the pager's links are boosted: the next page comes in without a reload,
    at the top of the window, and Previous goes back to the first page."""
    server = live_server
    shop_path, names = shop_with_products(server, PAGE + 6)
    visit_ = visit()
    page = visit_.page
    visit_.goto("/en" + shop_path)
    pages = page.get_by_role("navigation", name=server.text("en", "Pages"))
    position = server.text(
        "en",
        "Showing %(first)s–%(last)s of %(total)s",
        first="1",
        last=str(PAGE),
        total=str(PAGE + 6),
    )
    expect(pages).to_contain_text(position)
    following = pages.get_by_role("link", name=server.text("en", "Next"))
    cards = page.get_by_role("main").locator("ul.grid").get_by_role("listitem")
    expect(cards).to_have_count(PAGE)
    first_page = card_names(cards)
    assert set(first_page) <= names
    visit_.shot("first-page")

    set_marker(page)
    following.scroll_into_view_if_needed()
    following.click()
    page.wait_for_url(re.compile(r"\?.*after="))
    expect(pages).to_contain_text(
        server.text(
            "en",
            "Showing %(first)s–%(last)s of %(total)s",
            first=str(PAGE + 1),
            last=str(PAGE + 6),
            total=str(PAGE + 6),
        )
    )
    expect(cards).to_have_count(6)
    assert sorted(first_page + card_names(cards)) == sorted(names), "every product, each once"
    # htmx scrolls to the top as the new page settles, a moment after the cards arrive
    page.wait_for_function("window.scrollY === 0", timeout=5000)
    assert page.evaluate("window.scrollY") == 0, "the next page starts at its top"
    assert_same_document(page)
    expect(pages.get_by_role("link", name=server.text("en", "Next"))).to_have_count(0)
    visit_.shot("next-page")

    pages.get_by_role("link", name=server.text("en", "Previous")).click()
    page.wait_for_url(re.compile(rf"/en{re.escape(shop_path)}$"))
    expect(pages).to_contain_text(position)
    expect(cards).to_have_count(PAGE)
    assert card_names(cards) == first_page
    visit_.shot("back-to-first-page")
    visit_.assert_clean()


def test_market_variants_and_next_page_work_without_javascript(visit, live_server):
    server = live_server
    built = two_option_product(server)
    shop_path, names = shop_with_products(server, PAGE + 6)
    visit_ = visit(java_script_enabled=False)
    page = visit_.page

    visit_.goto("/en/")
    choose_market(page, server, "en", "MY", "MYR")
    expect(page).to_have_url(re.compile(r"/en/\??$"))
    hero = server.text(
        "en", "Good goods from Taipei, delivered to %(country)s", country=server.country("en", "MY")
    )
    expect(page.get_by_role("heading", level=1, name=hero, exact=True)).to_be_visible()
    visit_.shot("market-switched-without-js")

    visit_.goto("/en" + built.path)
    other = built.options[1]
    new_price = option_price(page, other.label)
    assert RINGGIT.match(new_price), new_price
    option_radio(page, other.label).check()
    page.get_by_role("button", name=server.text("en", "Show this option"), exact=True).click()
    expect(page).to_have_url(re.compile(rf"[?&]variant={other.id}$"))
    expect(price_row(page, server, "en", "MY").get_by_role("cell")).to_have_text(new_price)
    expect(option_radio(page, other.label)).to_be_checked()
    visit_.shot("variant-chosen-without-js")

    visit_.goto("/en" + shop_path)
    pages = page.get_by_role("navigation", name=server.text("en", "Pages"))
    following = pages.get_by_role("link", name=server.text("en", "Next"))
    # the product grid is the last list in <main> before the pager's
    grid = page.get_by_role("main").locator("ul.grid")
    first_page = card_names(grid.get_by_role("listitem"))
    assert len(first_page) == PAGE
    following.click()
    expect(page).to_have_url(re.compile(rf"/en{re.escape(shop_path)}\?.*after="))
    expect(following).to_have_count(0)
    cards = grid.get_by_role("listitem")
    expect(cards).to_have_count(len(names) - PAGE)
    next_page = card_names(cards)
    assert not set(next_page) & set(first_page), "the next page repeats the first"
    assert sorted(first_page + next_page) == sorted(names)
    expect(pages.get_by_role("link", name=server.text("en", "Previous"))).to_be_visible()
    visit_.shot("next-page-without-js")
    visit_.assert_clean()


def test_skip_link_is_the_first_tab_stop_and_focuses_main(visit, live_server):
    visit_ = visit()
    page = visit_.page
    visit_.goto("/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name=live_server.text("en", "Skip to main content"))
    expect(skip).to_be_focused()
    visit_.shot("skip-link-focused")
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    visit_.shot("main-focused")
    visit_.assert_clean()


@pytest.mark.parametrize("lang", ["en", "th"])
@pytest.mark.parametrize("kind", ["home", "category", "product"])
def test_no_serious_accessibility_violations(visit, live_server, lang, kind):
    """The home page and the tea category are the demo store's (a full catalogue, with
    zones and pictures); the product page is one built here with two options."""
    if kind == "product":
        path = f"/{lang}{two_option_product(live_server).path}"
    else:
        path = {"home": f"/{lang}/", "category": f"/{lang}/c/tea"}[kind]
    visit_ = visit()
    page = visit_.page
    visit_.goto(path)
    expect(page.get_by_role("main").get_by_role("heading", level=1)).to_be_visible()
    visit_.shot(kind)
    page.evaluate(AXE_FILE.read_text(encoding="utf-8"))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    {node['target']}" for node in v["nodes"])
        for v in serious
    )
    assert not serious, f"axe found serious problems on {path}:\n{report}"
    visit_.assert_clean()


def test_compressed_stylesheet_does_not_leak_its_file(live_server):
    """Chromium accepts zstd and br, so Flask-Compress streams static files through a
    compressor; the file behind the response must still be closed."""
    from app.web.context import static_url

    app = live_server.app
    with app.test_request_context("/en/"):
        stylesheet = static_url("css/store.css")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        response = app.test_client().get(
            stylesheet, headers={"Accept-Encoding": "gzip, deflate, br, zstd"}
        )
        assert response.status_code == 200
        assert response.data
        response.close()
        del response
        gc.collect()
    leaks = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert not leaks, f"serving {stylesheet} leaks: {leaks}"
