"""The search page and suggestions over HTTP: with and without htmx, hostile queries."""

import re

import pytest

from app.services import reference


def html(response):
    return response.get_data(as_text=True)


@pytest.fixture
def teas(make):
    vendor = make.vendor(slug="alishan", name_en="Alishan Leaf Tea Co.")
    return [
        make.product(
            vendor,
            handle=f"oolong-{n}",
            category="tea",
            names={"en": f"Oolong No. {n}", "th": f"ชาอู่หลง {n}", "zh_Hant": f"烏龍茶 {n}"},
            variants=[{"price_twd": 300 + n, "stock": 1}],
        )
        for n in range(30)
    ]


def test_thai_search_page_finds_and_pages(client, teas):
    page = html(client.get("/th/search?q=อู่หลง"))
    assert page.count('class="card"') == 24
    assert "ชาอู่หลง 0" in page
    assert '<meta name="robots" content="noindex, follow">' in page
    more = re.search(r'<a class="button button--wide" href="([^"]+)"', page).group(1)
    fragment = client.get(
        more.replace("&amp;", "&"), headers={"HX-Request": "true", "HX-Target": "load-more"}
    )
    assert "<html" not in html(fragment)
    assert html(fragment).count('class="card"') == 6


def test_results_update_as_a_fragment_for_htmx(client, teas):
    response = client.get(
        "/en/search?q=oolong&sort=price_desc",
        headers={"HX-Request": "true", "HX-Target": "results"},
    )
    body = html(response)
    assert body.lstrip().startswith('<div id="results"')
    assert body.index("Oolong No. 29") < body.index("Oolong No. 28")
    assert "HX-Request" in response.headers["Vary"]
    full = client.get("/en/search?q=oolong&sort=price_desc")  # the pushed URL opened directly
    assert "<html" in html(full)
    assert 'value="price_desc" selected' in html(full)


def test_filters_live_in_the_url(client, teas, make):
    make.product(
        make.vendor(slug="bakery"),
        category="snacks",
        handle="cake",
        names={"en": "Oolong pineapple cake"},
    )
    body = html(client.get("/en/search?q=oolong&category=snacks"))
    assert "Oolong pineapple cake" in body
    assert "Oolong No. 1<" not in body
    assert 'name="category" value="snacks" checked' in body


def test_no_results_offers_categories_and_the_flagship_zone(client, teas):
    body = html(client.get("/ms/search?q=zzzzqqqq"))
    assert "zzzzqqqq" in body
    assert 'href="/ms/zones/taipei-good-goods"' in body
    assert 'href="/ms/c/tea"' in body


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "NEAR(a b)",
        "' OR 1=1 --",
        "%%%",
        "x" * 5000,
        "\x01\x02",
        "a\u0000b",
        "🍍🍍",
        "<script>alert(1)</script>",
        "%E0%B8",
        "\\",
    ],
)
def test_hostile_queries_never_break_the_page(client, teas, query):
    response = client.get("/th/search", query_string={"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html(response)


def test_invalid_utf8_in_the_url_is_handled(client, teas):
    assert client.get("/th/search?q=%ED%A0%80%FF").status_code == 200


def test_suggestions(client, teas):
    response = client.get("/th/search/suggest?q=烏", headers={"HX-Request": "true"})
    body = html(response)
    assert "<html" not in body
    assert "ชาอู่หลง" in body
    assert html(client.get("/en/search/suggest?q=o")) == ""  # one Latin letter: nothing yet
    assert "Oolong No." in html(client.get("/en/search/suggest?q=oo"))


def test_search_page_queries_are_bounded(client, teas, count_queries):
    reference.get()
    with count_queries() as statements:
        assert client.get("/th/search?q=oolong").status_code == 200
    assert len(statements) <= 9, "\n".join(statements)
