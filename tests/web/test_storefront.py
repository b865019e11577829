"""Storefront pages as a shopper sees them."""

import base64
import json
import re
from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import halal


@pytest.fixture
def oolong(make):
    vendor = make.vendor(
        slug="alishan-leaf", name_en="Alishan Leaf Tea Co.", name_zh_hant="阿里山葉茶坊"
    )
    return make.product(
        vendor,
        handle="high-mountain-oolong",
        names={"en": "High Mountain Oolong", "th": "ชาอู่หลงเขาสูง", "zh_Hant": "高山烏龍茶"},
        descriptions={"en": "Rolled by hand.\nBrew at 95°C.", "zh_Hant": "手工揉捻。"},
        variants=[
            {
                "sku": "ALS-150",
                "price_twd": 680,
                "stock": 4,
                "weight_g": 260,
                "labels": {"en": "150 g can", "th": "กระป๋อง 150 กรัม"},
            },
            {
                "sku": "ALS-300",
                "price_twd": 1300,
                "stock": 0,
                "weight_g": 480,
                "labels": {"en": "300 g can"},
            },
        ],
    )


def html(response):
    return response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("accept", "target"),
    [
        ("th-TH,th;q=0.9,en;q=0.8", "/th/"),
        ("zh-TW,zh;q=0.9", "/zh-hant/"),
        ("ms-MY", "/ms/"),
        ("fr-FR", "/en/"),
        (None, "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept, target):
    headers = {"Accept-Language": accept} if accept else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(target)
    assert "Accept-Language" in response.headers["Vary"]


@pytest.mark.parametrize(
    ("prefix", "lang"), [("en", "en"), ("th", "th"), ("ms", "ms"), ("zh-hant", "zh-Hant")]
)
def test_every_language_has_its_html_lang_and_alternates(client, oolong, prefix, lang):
    page = html(client.get(f"/{prefix}/products/alishan-leaf/high-mountain-oolong"))
    assert f'<html lang="{lang}">' in page
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page))
    assert set(alternates) == {"en", "th", "ms", "zh-Hant", "x-default"}
    assert alternates["th"].endswith("/th/products/alishan-leaf/high-mountain-oolong")
    assert alternates["x-default"].endswith("/en/products/alishan-leaf/high-mountain-oolong")
    assert page.count("<main") == 1


def test_unknown_language_prefix_is_404(client):
    assert client.get("/fr/").status_code == 404


def test_language_switcher_keeps_the_page_and_its_query(client, oolong):
    variant = oolong.variants[1].id
    page = html(client.get(f"/en/products/alishan-leaf/high-mountain-oolong?variant={variant}"))
    assert (
        f'href="/th/products/alishan-leaf/high-mountain-oolong?variant={variant}" hreflang="th"'
    ) in page


def test_market_defaults_from_language(client, oolong):
    url = "/{}/products/alishan-leaf/high-mountain-oolong"
    assert "฿701.83" in html(client.get(url.format("th")))  # NT$680 × 1.0321 = 701.8280
    # 680 × 0.1352 = 91.936; CLDR's currency spacing keeps a lettered symbol off the digits
    assert "RM\xa091.94" in html(client.get(url.format("ms")))
    assert "S$27.91" in html(client.get(url.format("en")))  # en → Singapore, never a bare $
    taiwan = html(client.get(url.format("zh-hant")))
    # TWD in whole dollars and always as NT$, even where Babel's zh_Hant_TW writes a bare $
    assert "NT$680" in taiwan
    assert re.search(r"(?<!NT)\$680", taiwan) is None


def test_market_switcher_changes_currency_without_javascript(browser, oolong):
    product = "/th/products/alishan-leaf/high-mountain-oolong"
    response = browser.submit(product, {"market": "MY", "next": product}, action="/th/market")
    assert response.status_code == 303
    assert response.headers["Location"] == product
    page = html(browser.get(product))
    assert "MYR\xa091.94" in page  # CLDR's Thai has no ringgit symbol: the code, spaced
    assert 'lang="th"' in page  # language stays Thai: market and language are independent


def test_market_switcher_refuses_foreign_redirects_and_unknown_markets(browser, oolong):
    response = browser.submit(
        "/en/", {"market": "MY", "next": "https://evil.example/"}, action="/en/market"
    )
    assert response.headers["Location"] == "/en/"
    response = browser.submit("/en/", {"market": "XX", "next": "/en/"}, action="/en/market")
    assert response.status_code == 303
    # the unknown code was ignored: the earlier choice (Malaysia) still holds
    assert "RM\xa091.94" in html(browser.get("/en/products/alishan-leaf/high-mountain-oolong"))


def test_market_switcher_over_htmx_redirects_the_page(browser, oolong):
    page = html(browser.get("/en/"))
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = browser.client.post(
        "/en/market",
        data={"market": "PH", "next": "/en/c/tea", "csrf_token": token},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 204
    assert response.headers["HX-Redirect"] == "/en/c/tea"


def test_product_page_shows_price_landed_cost_and_rate_date(client, oolong):
    page = html(client.get("/en/products/alishan-leaf/high-mountain-oolong"))
    assert "High Mountain Oolong" in page
    assert "S$27.91" in page  # NT$680 in SGD
    assert "GST" in page
    assert "9%" in page
    assert "Nov 1, 2026" in page  # the rate's as-of date
    assert "Only 4 left" in page  # available units, from the inventory
    assert "Sold by" in page
    assert "Alishan Leaf Tea Co." in page
    assert "7-day cooling-off period" in page
    # description keeps its line breaks as paragraphs
    assert "<p>Rolled by hand.</p>" in page
    assert "<p>Brew at 95°C.</p>" in page


def test_variant_choice_changes_price_with_and_without_htmx(client, oolong):
    url = f"/en/products/alishan-leaf/high-mountain-oolong?variant={oolong.variants[1].id}"
    full = client.get(url)
    assert "<html" in html(full)
    assert "S$53.37" in html(full)  # NT$1,300 × 0.04105
    assert "Out of stock" in html(full)
    fragment = client.get(url, headers={"HX-Request": "true", "HX-Target": "buy-box"})
    body = html(fragment)
    assert "<html" not in body
    assert 'id="buy-box"' in body
    assert "S$53.37" in body
    assert "HX-Request" in fragment.headers["Vary"]
    boosted = client.get(url, headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert "<html" in html(boosted)


def test_thai_page_marks_text_shown_in_another_language(client, oolong):
    page = html(client.get("/th/products/alishan-leaf/high-mountain-oolong"))
    assert "ชาอู่หลงเขาสูง" in page
    # the description exists only in English and Chinese: shown in English, marked as such
    assert '<div class="prose" lang="en">' in page
    assert 'class="fallback-note"' in page


def test_structured_data_and_open_graph(client, oolong):
    page = html(client.get("/th/products/alishan-leaf/high-mountain-oolong"))
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "Product"
    assert data["name"] == "ชาอู่หลงเขาสูง"
    assert data["brand"]["name"] == "Alishan Leaf Tea Co."
    offers = {offer["sku"]: offer for offer in data["offers"]}
    assert offers["ALS-150"]["priceCurrency"] == "THB"
    assert offers["ALS-150"]["price"] == "701.83"
    assert offers["ALS-300"]["availability"] == "https://schema.org/OutOfStock"
    assert '<meta property="og:type" content="product">' in page
    assert '<meta property="og:title" content="ชาอู่หลงเขาสูง">' in page


def test_markup_in_descriptions_is_shown_as_text(client, make):
    make.product(
        make.vendor(slug="v"),
        handle="x",
        names={"en": "Soap"},
        descriptions={"en": "<script>alert(1)</script> <b>hand-made</b>"},
    )
    page = html(client.get("/en/products/v/x"))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;hand-made&lt;/b&gt;" in page


def test_cooling_off_exemption_is_disclosed(client, make):
    make.product(
        make.vendor(slug="farm"), handle="mango", names={"en": "Mango"}, exemption="perishable"
    )
    page = html(client.get("/en/products/farm/mango"))
    assert "No 7-day cooling-off period" in page
    assert "Perishable goods" in page


def test_halal_badge_depends_on_market(browser, make):
    make.product(
        make.vendor(slug="snacks"), handle="cake", names={"en": "Cake"}, **halal("TW-HALAL-NET")
    )
    assert "Halal certified" in html(browser.get("/en/products/snacks/cake"))  # SG
    browser.submit("/en/", {"market": "MY", "next": "/en/"}, action="/en/market")
    page = html(browser.get("/en/products/snacks/cake"))
    assert "Halal certified" not in page
    assert "not shown as certified in your market" in page


def test_hidden_products_and_vendors_are_404(client, make):
    make.product(make.vendor(slug="draft-shop"), handle="d", status="draft")
    make.product(make.vendor(slug="pending-shop", status="pending"), handle="p")
    assert client.get("/en/products/draft-shop/d").status_code == 404
    assert client.get("/en/products/pending-shop/p").status_code == 404
    assert client.get("/en/shops/pending-shop").status_code == 404
    assert client.get("/en/c/no-such-category").status_code == 404


def test_hand_typed_urls_never_break_a_page(client, oolong, make):
    """Cursors and ids past any database id, and NUL bytes, name nothing: 404 or the page."""
    zone = make.zone(slug="teatime", products=[oolong])
    huge = "9" * 25
    assert client.get(f"/en/zones/{zone.slug}?after={huge}").status_code == 200
    page = client.get(f"/en/products/alishan-leaf/high-mountain-oolong?variant={huge}")
    assert page.status_code == 200
    assert "High Mountain Oolong" in html(page)
    assert client.get("/en/c/tea?after=%00").status_code == 400  # no cursor holds a NUL
    for path in ("/en/zones/tea%00time", "/en/shops/alishan%00leaf", "/en/c/%00"):
        assert client.get(path).status_code == 404
    assert client.get("/en/products/alishan-leaf/high-mountain%00-oolong").status_code == 404
    assert client.get(f"/sitemaps/products-{huge}.xml").status_code == 404
    assert client.get("/sitemaps/products-500000.xml").status_code == 404  # ids past 2**31


def cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "path",
    [
        f"/en/c/tea?sort=price_asc&after={cursor('1|99999999999')}",
        f"/en/c/tea?sort=price_desc&after={cursor('680|' + '9' * 30)}",
        f"/en/shops/alishan-leaf?sort=price_asc&after={cursor('99999999999|1')}",
        f"/en/search?q=oolong&sort=price_asc&after={cursor('[99999999999, 1]')}",
        "/en/search?q=oolong&after="
        + cursor('[0, 0, "2026-01-01T00:00:00+00:00", 99999999999999999999999]'),
    ],
)
def test_forged_cursors_past_the_integer_range_show_the_first_page(client, oolong, path):
    page = client.get(path)
    assert page.status_code == 200
    assert "High Mountain Oolong" in html(page)


def test_nul_bytes_in_filters_are_a_bad_request_but_searched_text_is_cleaned(client, oolong):
    assert client.get("/en/search?q=oolong&vendor=%00").status_code == 400
    assert client.get("/en/c/tea?sort=price%00asc").status_code == 400
    found = client.get("/en/search?q=oolong%00")
    assert found.status_code == 200
    assert "High Mountain Oolong" in html(found)
    assert client.get("/en/search?q=oolong&vendor=Not%20A%20Slug!").status_code == 200


def test_category_listing_sorts_and_pages(client, make):
    vendor = make.vendor()
    for price in range(100, 100 + 30):
        make.product(
            vendor, variants=[{"price_twd": price, "stock": 1}], names={"en": f"Tea {price}"}
        )
    first = html(client.get("/en/c/tea?sort=price_asc"))
    assert first.count('class="card"') == 24
    assert first.index("Tea 100") < first.index("Tea 101")
    following = re.search(r'<a class="button" href="([^"]+)" rel="next"', first).group(1)
    page_two = html(client.get(following.replace("&amp;", "&")))  # a whole page, no JS needed
    assert "<html" in page_two
    assert page_two.count('class="card"') == 6
    assert "Tea 129" in page_two
    assert "Tea 100" not in page_two
    assert 'rel="next"' not in page_two  # last page
    assert 'rel="prev"' in page_two
    results = client.get(
        "/en/c/tea?sort=price_desc", headers={"HX-Request": "true", "HX-Target": "results"}
    )
    body = html(results)
    assert body.lstrip().startswith('<div id="results"')
    assert body.index("Tea 129") < body.index("Tea 128")


def test_home_shows_live_zones_for_the_market_flagship_first(client, make):
    product = make.product(names={"en": "Pineapple Cake"})
    now = datetime.now(UTC)
    make.zone(
        slug="sg-only",
        markets=["SG"],
        products=[product],
        titles={"en": "Singapore picks"},
        position=-5,
    )
    make.zone(slug="th-only", markets=["TH"], products=[product], titles={"en": "Thai picks"})
    make.zone(
        slug="later",
        products=[product],
        titles={"en": "Coming later"},
        starts_at=now + timedelta(days=3),
    )
    make.zone(
        slug="over",
        products=[product],
        titles={"en": "Finished"},
        ends_at=now - timedelta(minutes=1),
    )
    page = html(client.get("/en/"))  # English → Singapore
    assert "Singapore picks" in page
    assert "Thai picks" not in page
    assert "Coming later" not in page
    assert "Finished" not in page
    assert page.index("Taipei Good Goods</h2>") < page.index("Singapore picks")
    assert client.get("/en/zones/th-only").status_code == 404
    assert client.get("/en/zones/later").status_code == 404
    zone = html(client.get("/en/zones/sg-only"))
    assert "Pineapple Cake" in zone


def test_vendor_shop_page(client, make):
    vendor = make.vendor(slug="yingge", name_en="Yingge Clay Studio", name_zh_hant="鶯歌陶藝工坊")
    make.product(vendor, names={"en": "Celadon cup"})
    assert "Yingge Clay Studio" in html(client.get("/en/shops/yingge"))
    page = html(client.get("/zh-hant/shops/yingge"))
    assert "鶯歌陶藝工坊" in page
    assert "Celadon cup" in page


def test_not_found_page_is_localized(client):
    response = client.get("/th/products/nobody/nothing")
    assert response.status_code == 404
    assert '<html lang="th">' in html(response)


def test_unexpected_errors_show_a_friendly_500(app, client, monkeypatch):
    from app.services import zones

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(zones, "live_zones", broken)
    response = client.get("/ms/")
    assert response.status_code == 500
    page = html(response)
    assert '<html lang="ms">' in page
    assert "boom" not in page
    assert "Traceback" not in page
