"""What a price on the storefront means, and which market's prices a shopper sees first."""

import html
import re

import pytest
from sqlalchemy import delete

from app.models import TaxRule
from app.services import cache

PRODUCT = "/{lang}/products/alishan-leaf/high-mountain-oolong"
LISTING_NOTE = "Prices are for the goods only: + shipping and any import tax, shown before you pay."
PRICE_NOTE = "+ shipping and any import tax, shown before you pay"


@pytest.fixture
def oolong(make):
    vendor = make.vendor(slug="alishan-leaf", name_en="Alishan Leaf Tea Co.")
    for handle, price in (("pouchong", 450), ("black-tea", 520)):
        make.product(
            vendor, handle=handle, names={"en": handle.title()}, variants=[{"price_twd": price}]
        )
    return make.product(
        vendor,
        handle="high-mountain-oolong",
        names={"en": "High Mountain Oolong"},
        variants=[{"sku": "ALS-150", "price_twd": 680, "stock": 4, "weight_g": 260}],
    )


def page_of(response) -> str:
    assert response.status_code == 200
    return response.get_data(as_text=True)


def text_of(response) -> str:
    """The page as read: tags gone, entities decoded, white space collapsed (not no-break
    spaces, which belong to the prices)."""
    without_tags = re.sub(r"<[^>]+>", " ", page_of(response))
    return re.sub(r"[ \t\n]+", " ", html.unescape(without_tags))


def choose_market(browser, lang: str, code: str) -> None:
    home = f"/{lang}/"
    response = browser.submit(home, {"market": code, "next": home}, action=f"/{lang}/market")
    assert response.status_code == 303


# NT$680 at the base data's rates: ฿701.83, RM 91.94, S$27.91, ₱1,245.08
@pytest.mark.parametrize(
    ("lang", "accept", "price"),
    [
        ("en", "en-PH,en;q=0.9", "₱1,245.08"),
        ("en", "en-TH", "THB\xa0701.83"),  # CLDR's English has no ฿ for baht: the code
        ("en", "en-US,en;q=0.9,ms;q=0.8", "RM\xa091.94"),  # Malay is written in Malaysia
        ("zh-hant", "zh-MY,zh;q=0.9", "MYR\xa091.94"),
        ("zh-hant", "zh-SG", "S$27.91"),
        ("en", "zh-TW,en;q=0.5", "NT$680"),
        ("th", "en-SG", "S$27.91"),
    ],
)
def test_the_browsers_region_picks_the_market(client, oolong, lang, accept, price):
    response = client.get(PRODUCT.format(lang=lang), headers={"Accept-Language": accept})
    assert price in page_of(response)
    # a cache must not hand this page to a browser of another region
    assert "Accept-Language" in response.headers["Vary"]


@pytest.mark.parametrize(
    ("lang", "accept", "price"),
    [
        ("en", None, "S$27.91"),
        ("en", "en-US,en;q=0.9", "S$27.91"),  # the United States is not a market
        ("en", "en-PH;q=0", "S$27.91"),  # a refused tag counts for nothing
        ("th", "th-TH", "฿701.83"),
        ("zh-hant", "zh-CN,zh;q=0.9", "NT$680"),
    ],
)
def test_without_a_region_of_ours_the_language_picks_the_market(
    client, oolong, lang, accept, price
):
    headers = {"Accept-Language": accept} if accept else {}
    assert price in page_of(client.get(PRODUCT.format(lang=lang), headers=headers))


def test_the_shoppers_choice_wins_over_the_browser_and_is_remembered(browser, oolong):
    philippines = {"Accept-Language": "en-PH"}
    assert "₱1,245.08" in page_of(browser.get(PRODUCT.format(lang="en"), headers=philippines))
    choose_market(browser, "en", "MY")
    for lang, price in (("en", "RM\xa091.94"), ("th", "MYR\xa091.94"), ("en", "RM\xa091.94")):
        page = page_of(browser.get(PRODUCT.format(lang=lang), headers=philippines))
        assert price in page
        assert "₱" not in page


def test_prices_are_for_the_goods_and_the_note_says_so_once_per_listing(client, oolong):
    listing = text_of(client.get("/en/c/tea"))
    assert listing.count("S$") >= 3  # three cards
    assert listing.count(LISTING_NOTE) == 1
    # the card's price is the goods alone: what the product page's estimate starts from
    assert "S$27.91" in listing
    product = text_of(client.get(PRODUCT.format(lang="en")))
    assert f"S$27.91 {PRICE_NOTE}" in product
    goods, shipping, total = re.search(
        r"Price (S\$[\d.]+) Shipping fee (S\$[\d.]+) .* Total (S\$[\d.]+)", product
    ).groups()
    assert goods == "S$27.91"
    assert total not in (goods, shipping)
    assert f"{total} incl. shipping and est. import tax" in product


@pytest.mark.parametrize(
    "path", ["/en/", "/en/shops/alishan-leaf", "/en/search?q=oolong", "/en/zones/{zone}"]
)
def test_every_listing_says_what_its_prices_include(client, make, oolong, path):
    zone = make.zone(slug="tea-week", products=[oolong])
    listing = text_of(client.get(path.format(zone=zone.slug)))
    assert "S$27.91" in listing
    assert listing.count(LISTING_NOTE) == 1


def test_in_taiwan_the_tax_is_inside_the_price(browser, oolong):
    choose_market(browser, "en", "TW")
    listing = text_of(browser.get("/en/c/tea"))
    assert "Prices include tax: + shipping, shown before you pay." in listing
    assert LISTING_NOTE not in listing
    product = text_of(browser.get(PRODUCT.format(lang="en")))
    assert "NT$680 Tax included; + shipping, shown before you pay" in product
    assert PRICE_NOTE not in product


def test_a_market_without_tax_rules_promises_only_shipping(browser, db, oolong):
    db.session.execute(delete(TaxRule).where(TaxRule.market_code == "TW"))
    db.session.flush()
    cache.invalidate_all()
    choose_market(browser, "en", "TW")
    assert "Prices are for the goods only: + shipping, shown before you pay." in text_of(
        browser.get("/en/c/tea")
    )
    assert "NT$680 + shipping, shown before you pay" in text_of(
        browser.get(PRODUCT.format(lang="en"))
    )


def test_the_note_beside_the_price_comes_with_the_buy_box_over_htmx(client, oolong):
    fragment = client.get(
        PRODUCT.format(lang="en"), headers={"HX-Request": "true", "HX-Target": "buy-box"}
    )
    body = page_of(fragment)
    assert "<html" not in body
    assert PRICE_NOTE in html.unescape(body)


@pytest.mark.parametrize("path", ["/en/", "/en/c/tea", PRODUCT.format(lang="en")])
def test_the_footer_does_not_say_prices_include_the_import_tax(client, oolong, path):
    footer = re.search(r"<footer.*?</footer>", html.unescape(page_of(client.get(path))), re.S)
    assert "Prices include" not in footer.group(0)
    assert "we collect the import tax at checkout, so nothing is due on delivery" in footer.group(0)


@pytest.mark.parametrize(
    ("path", "meta"),
    [
        ("/en/", r'<meta name="description" content="([^"]*)"'),
        ("/en/", r'<meta property="og:description" content="([^"]*)"'),
        ("/en/account/sign-in", r'<meta name="description" content="([^"]*)"'),
    ],
)
def test_the_store_description_does_not_say_taxes_are_included(client, path, meta):
    description = re.search(meta, html.unescape(page_of(client.get(path)))).group(1)
    assert "included" not in description
    assert description.endswith("Import tax is paid at checkout, so nothing is due on delivery.")
