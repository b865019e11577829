"""Query parameters a visitor adds cannot steer how the store builds its own links (each was a
500 before): url_for's keywords (_external, _scheme, _anchor, _method) and path parameters are
never taken from the query; a keyset cursor with a time that has no time zone shows the first
page."""

from __future__ import annotations

import base64
import json

import pytest

EVIL = [
    "_external=1",
    "_external=1&_scheme=javascript",
    "_scheme=ftp",
    "_anchor=x",
    "_method=POST",
    "_external=1&_anchor=x&_method=GET&_scheme=https",
]


@pytest.fixture
def store(make):
    vendor = make.vendor(slug="tea-shop")
    product = make.product(vendor, handle="oolong", names={"en": "Oolong"})
    return vendor, product


@pytest.mark.parametrize("query", EVIL)
@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/en/c/tea",
        "/en/shops/tea-shop",
        "/en/products/tea-shop/oolong",
        "/en/search?q=oolong",
        "/en/cart",
        "/en/account/sign-in",
    ],
)
def test_url_for_keywords_in_the_query_change_nothing(client, store, path, query):
    joiner = "&" if "?" in path else "?"
    response = client.get(f"{path}{joiner}{query}")
    assert response.status_code == 200, response.status_code
    html = response.get_data(as_text=True)
    assert "javascript:" not in html
    assert "ftp://" not in html
    # the language switcher keeps the page, not the visitor's url_for keywords
    assert f'href="/th{path[3:].split("?")[0]}' in html


def test_a_query_parameter_cannot_replace_a_part_of_the_path(client, store):
    html = client.get("/en/c/tea?slug=snacks&sort=price_asc").get_data(as_text=True)
    assert 'href="/th/c/tea?' in html
    assert "/th/c/snacks" not in html
    assert "sort=price_asc" in html


def cursor(*values) -> str:
    """A cursor as the listings write them (base64 of the key values as JSON)."""
    raw = json.dumps(list(values), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


NAIVE = cursor("2026-01-01T00:00:00", 5)


@pytest.mark.parametrize(
    "path",
    [
        f"/en/c/tea?sort=newest&after={NAIVE}",
        f"/en/c/tea?sort=newest&before={NAIVE}",
        f"/en/shops/tea-shop?sort=newest&after={NAIVE}",
        f"/en/search?q=oolong&sort=newest&after={NAIVE}",
        "/en/c/tea?after=" + cursor("2026-01-01T00:00:00"),
        "/en/c/tea?after=" + cursor(["nested"], 5),
    ],
)
def test_a_cursor_with_a_naive_time_shows_the_first_page(client, store, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "Oolong" in response.get_data(as_text=True)
