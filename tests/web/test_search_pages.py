"""The search page and suggestions over HTTP: with and without htmx, hostile queries."""

import re

import pytest

from app.services import reference


def html(response):
    return response.get_data(as_text=True)


def showing_in_thai(app, first, last, total):
    """The pager's "Showing 1–24 of 30", as a Thai page says it."""
    from flask_babel import force_locale, gettext

    with app.test_request_context("/th/"), force_locale("th"):
        return gettext(
            "Showing %(first)s–%(last)s of %(total)s", first=first, last=last, total=total
        )


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


def test_thai_search_page_finds_and_pages(app, client, teas):
    page = html(client.get("/th/search?q=อู่หลง"))
    assert page.count('class="card"') == 24
    assert "ชาอู่หลง 0" in page
    assert '<meta name="robots" content="noindex, follow">' in page
    assert showing_in_thai(app, 1, 24, 30) in page
    following = re.search(r'<a class="button" href="([^"]+)" rel="next"', page).group(1)
    second = html(client.get(following.replace("&amp;", "&")))  # a whole page, as without JS
    assert "<html" in second
    assert second.count('class="card"') == 6
    assert showing_in_thai(app, 25, 30, 30) in second
    assert 'rel="next"' not in second
    back = re.search(r'<a class="button" href="([^"]+)" rel="prev"', second).group(1)
    assert html(client.get(back.replace("&amp;", "&"))).count('class="card"') == 24


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
    # the first search of a process also loads its copy of the ranking rows
    assert len(statements) <= 10, "\n".join(statements)
    assert any("FROM search_documents" in s for s in statements)
    with count_queries() as again:
        assert client.get("/th/search?q=black+tea").status_code == 200
    # the next one reads only the index version with its lookups: nothing changed
    assert not any("FROM search_documents" in s for s in again), "\n".join(again)


def test_partial_matches_and_corrections_say_what_they_show(client, teas):
    # nothing is oolong with grapes: the oolongs, saying which words the results are for
    page = html(client.get("/en/search?q=ชาอู่หลงองุ่น"))
    assert "showing results for “ชาอู่หลง”" in page
    assert page.count('class="card"') == 24
    page = html(client.get("/en/search?q=oolnog"))
    assert "No results for “oolnog”, so here are results for “oolong”." in page
    # an English word matching nothing is not dropped silently: the rest is offered as a link
    page = html(client.get("/en/search?q=oolong+zzyzx"))
    assert 'class="card"' not in page
    assert re.search(r'Did you mean: <a href="/en/search\?q=oolong">oolong</a>', page)
    body = html(client.get("/en/search/suggest?q=oolnog", headers={"HX-Request": "true"}))
    assert "Did you mean:" in body
