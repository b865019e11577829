"""Browsing as a shopper without JavaScript: category filters with counts, pages of a listing
with where they sit and a way back, cursors typed by hand, names shown in another language on
every card, and shops' cities in the reader's language (issue 15, browsing)."""

from __future__ import annotations

import base64
import html as html_module
import json
import re
from urllib.parse import urlencode

import pytest

from app.services.search import engine
from tests.factories import halal

#: a facet of the filters form: (type, name, value, checked, label, count)
FACET = re.compile(
    r'<input form="[^"]+" id="[^"]+" type="(radio|checkbox)" name="(\w+)" value="([^"]*)"'
    r"( checked)?> "
    r'([^<]*)<span class="facet__count">\(([\d,]+)\)</span>'
)
POSITION = re.compile(r"Showing (\d+)–(\d+) of (\d+)")
NEXT = re.compile(r'<a class="button" href="([^"]+)" rel="next"')
PREVIOUS = re.compile(r'<a class="button" href="([^"]+)" rel="prev"')
CARD_NAME = re.compile(r'<span(?: lang="([^"]*)")? class="card__name">([^<]*)</span>')
#: glossary.md: "Shop (a vendor's page)"; UI text of the .po catalogs
SHOP = {"en": "Shop", "th": "ร้านค้า", "ms": "Kedai", "zh-hant": "商店"}
NAMES_NOTE = {"en": "Some names are shown in another language.", "th": "ชื่อบางรายการแสดงเป็นภาษาอื่น"}


def body(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def href(match) -> str:
    return html_module.unescape(match.group(1))


def names(page: str) -> list[str]:
    return [html_module.unescape(name) for _lang, name in CARD_NAME.findall(page)]


def position(page: str) -> tuple[int, int, int]:
    found = POSITION.search(page)
    assert found, "the page does not say which products it shows"
    return tuple(int(n) for n in found.groups())


# -- filters with counts on category pages ------------------------------------------------------


@pytest.fixture
def teas(make):
    """Tea from two shops across the four SGD price bands (S$10/40/120 at 0.04105 SGD per
    TWD: NT$244, 975, 2924), some sold out, some halal; and what no tea filter may count."""
    leaf = make.vendor(slug="leaf-street", name_en="Leaf Street", name_zh_hant="葉街")
    hill = make.vendor(slug="hill-farm", name_en="Hill Farm", name_zh_hant="山農")
    for vendor, price, stock, certified in (
        (leaf, 150, 3, True),
        (leaf, 500, 3, False),
        (leaf, 1500, 0, False),
        (leaf, 5000, 2, True),
        (hill, 150, 0, False),
        (hill, 500, 4, True),
        (hill, 600, 1, False),
    ):
        make.product(
            vendor,
            names={"en": f"{vendor.name_en} tea NT${price}"},
            variants=[{"price_twd": price, "stock": stock}],
            **(halal() if certified else {}),
        )
    make.product(leaf, category="snacks", names={"en": "Leaf Street cookies"})
    make.product(hill, status="draft", names={"en": "Hill Farm draft tea"})
    return leaf, hill


def facets(page: str) -> list[tuple[str, str, str, bool, int]]:
    return [
        (kind, name, value, bool(checked), int(count.replace(",", "")))
        for kind, name, value, checked, _label, count in FACET.findall(page)
    ]


def shown_with(client, args: dict) -> int:
    """How many products the tea category shows with these filters (all on one page here)."""
    page = body(client.get("/en/c/tea?" + urlencode(args)))
    count = page.count('class="card"')
    if count:
        assert position(page) == (1, count, count)
    return count


@pytest.mark.parametrize(
    "chosen",
    [{}, {"in_stock": "1"}, {"vendor": "leaf-street"}, {"price": "10-40", "halal": "1"}],
)
def test_each_filter_count_is_what_choosing_it_shows(client, teas, chosen):
    page = body(client.get("/en/c/tea?" + urlencode(chosen)))
    found = facets(page)
    assert {name for _kind, name, *_ in found} >= {"price", "in_stock", "halal", "vendor"}
    assert all(name != "category" for _kind, name, *_ in found)  # the page is the category
    assert (
        '<form id="listing-form" class="listing-controls" method="get" action="/en/c/tea"' in page
    )
    for _kind, name, value, checked, count in found:
        # a radio replaces the group's choice; a checkbox adds itself to the others
        args = {**chosen, name: value}
        assert shown_with(client, args) == count, f"{name}={value} says {count} with {chosen}"
        if checked:
            assert count == page.count('class="card"')


def test_filter_counts_on_the_whole_category(client, teas):
    found = {
        (name, value): count
        for _kind, name, value, _c, count in facets(body(client.get("/en/c/tea")))
    }
    assert found[("in_stock", "1")] == 5
    assert found[("halal", "1")] == 3
    assert found[("vendor", "leaf-street")] == 4
    assert found[("vendor", "hill-farm")] == 3
    assert [found[("price", key)] for key in ("0-10", "10-40", "40-120", "120-")] == [2, 3, 1, 1]


def test_a_filter_matching_nothing_offers_to_clear_the_filters(client, teas):
    page = body(client.get("/en/c/tea?sort=price_asc&vendor=hill-farm&price=120-"))
    assert 'class="card"' not in page
    assert "Nothing in this category matches these filters." in page
    assert 'href="/en/c/tea?sort=price_asc">Clear filters</a>' in page
    assert '<meta name="robots" content="noindex, follow">' in page


def test_filters_come_back_open_when_htmx_asks_for_them(client, teas):
    fragment = client.get(
        "/en/c/tea?in_stock=1",
        headers={"HX-Request": "true", "HX-Target": "results", "HX-Trigger": "facets"},
    )
    part = body(fragment)
    assert part.lstrip().startswith('<div id="results"')
    assert '<details class="filters-box" open>' in part
    assert "1 chosen" in part
    # opened as a page (the URL htmx pushed), the filters start closed, as on first sight
    page = body(client.get("/en/c/tea?in_stock=1"))
    assert '<details class="filters-box">' in page
    assert "<html" in page


# -- pages of a listing -------------------------------------------------------------------------


@pytest.fixture
def sixty(make):
    vendor = make.vendor(slug="big-shop", name_en="Big Shop", city_en="Taipei")
    products = [
        make.product(
            vendor, names={"en": f"Tea {n:02d}"}, variants=[{"price_twd": 100 + n, "stock": 1}]
        )
        for n in range(60)
    ]
    zone = make.zone(slug="many", products=products, titles={"en": "Many teas"})
    return vendor, products, zone


def test_pages_say_where_they_are_and_lead_back(client, sixty):
    first = body(client.get("/en/c/tea?sort=price_asc"))
    assert position(first) == (1, 24, 60)
    assert names(first)[:2] == ["Tea 00", "Tea 01"]
    assert not PREVIOUS.search(first)
    second = body(client.get(href(NEXT.search(first))))
    assert position(second) == (25, 48, 60)
    assert names(second)[0] == "Tea 24"
    # the page before the second is the first: its plain URL, no cursor
    assert href(PREVIOUS.search(second)) == "/en/c/tea?sort=price_asc"
    third = body(client.get(href(NEXT.search(second))))
    assert position(third) == (49, 60, 60)
    assert names(third) == [f"Tea {n}" for n in range(48, 60)]
    assert not NEXT.search(third)
    back = href(PREVIOUS.search(third))
    assert "before=" in back
    again = body(client.get(back))  # a full page, as the link is without JavaScript
    assert "<html" in again
    assert position(again) == (25, 48, 60)
    assert names(again) == names(second)
    assert href(PREVIOUS.search(again)) == "/en/c/tea?sort=price_asc"


def test_pages_keep_the_filters(client, sixty, make):
    make.product(sixty[0], names={"en": "Sold out tea"}, variants=[{"price_twd": 99, "stock": 0}])
    first = body(client.get("/en/c/tea?sort=price_asc&in_stock=1"))
    assert position(first) == (1, 24, 60)
    following = href(NEXT.search(first))
    assert "in_stock=1" in following
    assert "Sold out tea" not in body(client.get(following))


@pytest.mark.parametrize(
    "url",
    ["/en/shops/big-shop?sort=price_asc", "/en/zones/many", "/en/search?q=tea&sort=price_asc"],
)
def test_shop_zone_and_search_pages_too(client, sixty, url):
    first = body(client.get(url))
    assert position(first) == (1, 24, 60)
    second = body(client.get(href(NEXT.search(first))))
    assert position(second) == (25, 48, 60)
    third = body(client.get(href(NEXT.search(second))))
    assert position(third) == (49, 60, 60)
    again = body(client.get(href(PREVIOUS.search(third))))
    assert names(again) == names(second)
    assert position(again) == (25, 48, 60)


# -- cursors typed by hand ----------------------------------------------------------------------


def forged(value) -> str:
    raw = value if isinstance(value, str) else json.dumps(value)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


SEARCH_KEYS = len(engine.SORTS["relevance"])
BAD_CURSORS = {
    "garbage": "not-a-cursor!!",
    "not base64": "%FF%FE",
    "empty": "",
    "naive date": forged(["2026-01-01T00:00:00", 5]),
    "text for an id": forged([5, "5"]),
    "an impossible date": forged(["2026-13-45T00:00:00+00:00", 5]),
    "text for the price": forged(["cheap", 5]),
    "true for an id": forged([True, 1]),
    "a fraction": forged([1.5, 2]),
    "null": forged([None, 1]),
    "an object": forged({"after": 1}),
    "too few keys": forged([1]),
    "too many keys": forged([1, 2, 3, 4, 5, 6, 7, 8]),
    "past the integer range": forged([10**20, 1]),
    "nested": forged([[[[[[[[1]]]]]]], 1]),
    "not JSON": forged("[1, 2"),
    "search, naive date": forged([0] * (SEARCH_KEYS - 2) + ["2026-01-01T00:00:00", 1]),
    "an old zone cursor": "12",
}


@pytest.mark.parametrize("cursor", list(BAD_CURSORS.values()), ids=list(BAD_CURSORS))
def test_a_cursor_not_ours_shows_the_first_page(client, sixty, cursor):
    for url in (
        "/en/c/tea?",
        "/en/c/tea?sort=price_desc&",
        "/en/shops/big-shop?",
        "/en/zones/many?",
        "/en/search?q=tea&",
        "/en/search?q=tea&sort=newest&",
    ):
        for direction in ("after", "before"):
            page = body(client.get(f"{url}{direction}={cursor}"))
            assert position(page)[:2] == (1, 24), f"{url}{direction}={cursor}"


def test_a_date_cursor_holds_its_offset(client, sixty):
    """The newest-first cursor of page 2, its date made naive: not ours, the first page."""
    first = body(client.get("/en/c/tea"))
    cursor = re.search(r"after=([\w-]+)", href(NEXT.search(first))).group(1)
    values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    assert position(body(client.get(f"/en/c/tea?after={forged(values)}"))) == (25, 48, 60)
    naive = [values[0].replace("+00:00", ""), values[1]]
    assert position(body(client.get(f"/en/c/tea?after={forged(naive)}"))) == (1, 24, 60)


# -- names in another language, on every card ---------------------------------------------------


def section(page: str, zone) -> str:
    start = page.index(f'aria-labelledby="zone-{zone.id}"')
    return page[start : page.index("</section>", start)]


def test_english_names_on_thai_home_and_zone_cards_are_marked(client, make):
    english = make.product(names={"en": "Oriental Beauty"})
    thai = make.product(names={"en": "Jasmine", "th": "ชามะลิ"})
    mixed = make.zone(slug="mixed", products=[english, thai], titles={"th": "ผสม"})
    all_thai = make.zone(slug="all-thai", products=[thai], titles={"th": "ไทยล้วน"})

    home = body(client.get("/th/"))
    assert NAMES_NOTE["th"] in section(home, mixed)
    assert NAMES_NOTE["th"] not in section(home, all_thai)
    assert ("en", "Oriental Beauty") in CARD_NAME.findall(section(home, mixed))
    assert ("", "ชามะลิ") in CARD_NAME.findall(section(home, mixed))

    for url in ("/th/zones/mixed", "/th/c/tea"):
        page = body(client.get(url))
        assert NAMES_NOTE["th"] in page, url
        assert ("en", "Oriental Beauty") in CARD_NAME.findall(page), url
    assert NAMES_NOTE["th"] not in body(client.get("/th/zones/all-thai"))


def test_search_results_mark_english_names_too(client, make):
    make.product(names={"en": "Oolong Reserve"})
    page = body(client.get("/th/search?q=oolong"))
    assert NAMES_NOTE["th"] in page
    assert ("en", "Oolong Reserve") in CARD_NAME.findall(page)


# -- shops' cities ------------------------------------------------------------------------------


def where(page: str) -> str:
    found = re.search(r'<p class="shop-hero__where">(.*?)</p>', page)
    assert found, "no line saying where the shop is"
    return found.group(1)


@pytest.mark.parametrize(
    ("city_en", "city_zh_hant", "expected"),
    [
        (
            "Chiayi",
            "嘉義",
            {"en": "Chiayi", "th": "เจียอี้", "ms": "Chiayi", "zh-hant": "嘉義"},
        ),
        (
            "Taipei City",
            "台北市",
            {"en": "Taipei", "th": "ไทเป", "ms": "Taipei", "zh-hant": "臺北"},
        ),
        (
            "",
            "花蓮縣",
            {"en": "Hualien", "th": "ฮวาเหลียน", "ms": "Hualien", "zh-hant": "花蓮"},
        ),
        (
            "hsinchu county",
            "",
            {
                "en": "Hsinchu County",
                "th": "เทศมณฑลซินจู๋",
                "ms": "Hsinchu County",
                "zh-hant": "新竹縣",
            },
        ),
    ],
)
def test_the_shop_page_names_its_city_in_the_readers_language(
    client, make, city_en, city_zh_hant, expected
):
    make.vendor(slug="somewhere", city_en=city_en, city_zh_hant=city_zh_hant)
    for lang, city in expected.items():
        assert where(body(client.get(f"/{lang}/shops/somewhere"))) == f"{SHOP[lang]} · {city}"


def test_a_city_not_in_the_gazetteer_is_shown_as_typed_and_marked(client, make):
    make.vendor(slug="lugu", city_en="Lugu Township", city_zh_hant="鹿谷鄉")
    assert where(body(client.get("/th/shops/lugu"))) == (
        f'{SHOP["th"]} · <span lang="en">Lugu Township</span>'
    )
    assert where(body(client.get("/zh-hant/shops/lugu"))) == f"{SHOP['zh-hant']} · 鹿谷鄉"
    make.vendor(slug="nowhere", city_en="", city_zh_hant="")
    assert where(body(client.get("/th/shops/nowhere"))) == SHOP["th"]
