"""The storefront in a real browser, used as a person would: by role, name and label.

Expected UI text comes from the app's own gettext, so these tests keep passing when the
catalogs are translated. Screenshots of every step go to tests/artifacts/.
"""

from __future__ import annotations

import gc
import re
import warnings

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import AXE_FILE, missing_requirements

_reason = missing_requirements()
if _reason:
    pytest.skip(_reason, allow_module_level=True)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
HTMX_VERSION = "2.0.11"
#: A price in Malaysian ringgit as Babel writes it: "RM12.34" (en_MY) or "MYR12.34" (th).
RINGGIT = re.compile(r"(RM|MYR)\s?\d")
MARKER = "window.__sameDocument"


def open_preferences(page: Page, server, lang: str) -> None:
    """Opens the language and market disclosure (a <details>) in the header."""
    name = server.gettext(lang, "Language and market")
    page.get_by_role("group").filter(has_text=name).click()
    expect(page.get_by_label(server.gettext(lang, "Ship to"), exact=True)).to_be_visible()


def set_marker(page: Page) -> None:
    page.evaluate(f"{MARKER} = 'kept'")


def assert_same_document(page: Page) -> None:
    assert page.evaluate(MARKER) == "kept", "the page was reloaded instead of swapped by htmx"


def landed_box(page: Page, server, lang: str, market: str):
    country = server.market_name(lang, market)
    return page.get_by_role(
        "region", name=server.gettext(lang, "Delivered to %(country)s", country=country)
    )


def price_row(page: Page, server, lang: str, market: str):
    """The "Price" row of the landed-cost table."""
    label = server.gettext(lang, "Price")
    return landed_box(page, server, lang, market).get_by_role(
        "row", name=re.compile(rf"^{re.escape(label)}\s")
    )


def option_radio(page: Page, label: str):
    return page.get_by_role("radio", name=re.compile(rf"^{re.escape(label)}\s"))


def option_price(page: Page, label: str) -> str:
    """The price printed next to an option of the variant picker."""
    text = page.locator("label").filter(has=option_radio(page, label)).inner_text()
    return " ".join(text.replace(label, "", 1).split())


def product_list(page: Page, first_product: str):
    """The list of product cards on a listing page: the one holding a product seen on it."""
    link = page.get_by_role("link", name=first_product, exact=True)
    return page.get_by_role("main").get_by_role("list").filter(has=link)


def test_thai_shopper_on_a_phone_switches_market_then_language(visit, live_server):
    server = live_server
    visit_ = visit(viewport=PHONE, is_mobile=True, has_touch=True)
    page = visit_.page

    visit_.goto("/th/")
    expect(page.locator("html")).to_have_attribute("lang", "th")
    assert page.evaluate("() => window.htmx && window.htmx.version") == HTMX_VERSION
    visit_.shot("home-th")

    open_preferences(page, server, "th")
    malaysia = f"{server.market_name('th', 'MY')} (MYR)"
    page.get_by_label(server.gettext("th", "Ship to"), exact=True).select_option(label=malaysia)
    visit_.shot("ship-to-malaysia-chosen")
    page.get_by_role("button", name=server.gettext("th", "Update"), exact=True).click()

    main = page.get_by_role("main")
    expect(main.get_by_text(RINGGIT).first).to_be_visible()
    expect(page).to_have_url(re.compile(r"/th/\??$"))
    visit_.shot("home-th-prices-in-ringgit")

    first_zone = (
        main.get_by_role("region")
        .filter(has=page.get_by_role("link", name=server.gettext("th", "See all")))
        .first
    )
    product_link = first_zone.get_by_role("listitem").first.get_by_role("link")
    product_name = product_link.inner_text().strip()
    product_link.click()

    expect(page).to_have_url(re.compile(r"/th/products/"))
    expect(page.get_by_role("heading", level=1, name=product_name)).to_be_visible()
    product_path = visit_.path()[len("/th") :]
    price_label = re.escape(server.gettext("th", "Price"))
    expect(page.get_by_text(re.compile(rf"^{price_label}\s*(RM|MYR)\s?\d")).first).to_be_visible()
    landed = landed_box(page, server, "th", "MY")
    expect(landed).to_be_visible()
    expect(landed).to_contain_text(RINGGIT)
    visit_.shot("product-th-in-ringgit")

    open_preferences(page, server, "th")
    languages = page.get_by_role("navigation", name=server.gettext("th", "Language"), exact=True)
    languages.get_by_role("link", name="English", exact=True).click()

    expect(page).to_have_url(server.url("/en" + product_path))
    expect(landed_box(page, server, "en", "MY")).to_contain_text(RINGGIT)
    visit_.shot("product-en-still-in-ringgit")
    visit_.assert_clean()
    expect(
        page.locator("html"), "the English page must say so in <html lang> (screen readers)"
    ).to_have_attribute("lang", "en")


def test_variant_picker_swaps_the_price_without_a_page_load(visit, live_server):
    server = live_server
    facts = server.facts
    visit_ = visit()
    page = visit_.page
    visit_.goto("/en" + facts.multi_variant_path)
    first, other = facts.variants[0], facts.variants[1]
    expect(option_radio(page, first.labels["en"])).to_be_checked()
    before = price_row(page, server, "en", "SG").get_by_role("cell").inner_text()
    new_price = option_price(page, other.labels["en"])
    assert new_price != before
    visit_.shot("first-option")

    set_marker(page)
    option_radio(page, other.labels["en"]).check()

    expect(page).to_have_url(re.compile(rf"[?&]variant={other.id}$"))
    expect(price_row(page, server, "en", "SG").get_by_role("cell")).to_have_text(new_price)
    price_label = server.gettext("en", "Price")
    expect(page.get_by_text(f"{price_label} {new_price}", exact=True)).to_be_visible()
    expect(option_radio(page, other.labels["en"])).to_be_checked()
    assert_same_document(page)
    visit_.shot("other-option-swapped-in")
    visit_.assert_clean()


def test_load_more_appends_the_next_page_of_a_category(visit, live_server):
    server = live_server
    visit_ = visit()
    page = visit_.page
    visit_.goto("/en/c/tea")
    load_more = page.get_by_role("link", name=server.gettext("en", "Load more"), exact=True)
    expect(load_more).to_be_visible()
    first_card = (
        page.get_by_role("main").get_by_role("list").filter(has=load_more).get_by_role("listitem")
    ).first
    first_name = first_card.get_by_role("link").inner_text().strip()
    cards = product_list(page, first_name).get_by_role("listitem").filter(has_not=load_more)
    expect(cards).to_have_count(24)
    visit_.shot("first-page")

    set_marker(page)
    load_more.click()

    expect(cards).to_have_count(server.listed_in("tea"))
    expect(load_more).to_have_count(0)
    assert visit_.path() == "/en/c/tea"
    assert_same_document(page)
    visit_.shot("after-load-more")
    visit_.assert_clean()


def test_market_variants_and_load_more_work_without_javascript(visit, live_server):
    server = live_server
    facts = server.facts
    visit_ = visit(java_script_enabled=False)
    page = visit_.page

    visit_.goto("/en/")
    open_preferences(page, server, "en")
    page.get_by_label(server.gettext("en", "Ship to"), exact=True).select_option(
        label=f"{server.market_name('en', 'MY')} (MYR)"
    )
    page.get_by_role("button", name=server.gettext("en", "Update"), exact=True).click()
    expect(page.get_by_role("main").get_by_text(RINGGIT).first).to_be_visible()
    expect(page).to_have_url(re.compile(r"/en/\??$"))
    visit_.shot("market-switched-without-js")

    visit_.goto("/en" + facts.multi_variant_path)
    other = facts.variants[1]
    new_price = option_price(page, other.labels["en"])
    option_radio(page, other.labels["en"]).check()
    page.get_by_role("button", name=server.gettext("en", "Show this option"), exact=True).click()
    expect(page).to_have_url(re.compile(rf"[?&]variant={other.id}$"))
    expect(price_row(page, server, "en", "MY").get_by_role("cell")).to_have_text(new_price)
    expect(option_radio(page, other.labels["en"])).to_be_checked()
    visit_.shot("variant-chosen-without-js")

    visit_.goto("/en/c/tea")
    page.get_by_role("link", name=server.gettext("en", "Load more"), exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/c/tea\?.*after="))
    # the product grid is the last list in <main> (the breadcrumb trail is the first)
    cards = page.get_by_role("main").get_by_role("list").last.get_by_role("listitem")
    expect(cards).to_have_count(server.listed_in("tea") - 24)
    visit_.shot("next-page-without-js")
    visit_.assert_clean()


def test_skip_link_is_the_first_tab_stop_and_focuses_main(visit, live_server):
    visit_ = visit()
    page = visit_.page
    visit_.goto("/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name=live_server.gettext("en", "Skip to main content"))
    expect(skip).to_be_focused()
    visit_.shot("skip-link-focused")
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    visit_.shot("main-focused")
    visit_.assert_clean()


@pytest.mark.parametrize("lang", ["en", "th"])
@pytest.mark.parametrize("kind", ["home", "category", "product"])
def test_no_serious_accessibility_violations(visit, live_server, lang, kind):
    path = {
        "home": f"/{lang}/",
        "category": f"/{lang}/c/tea",
        "product": f"/{lang}{live_server.facts.multi_variant_path}",
    }[kind]
    visit_ = visit()
    page = visit_.page
    visit_.goto(path)
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
