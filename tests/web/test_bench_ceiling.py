"""The load benchmark's ceiling page (app/web/ceiling.py): served only by the app `make bench`
runs, and rendering the storefront's own product grid, so the ratio to it compares like with
like."""

import re

import pytest

from app import create_app


@pytest.fixture(scope="module")
def bench_app(app, test_settings):
    return create_app("testing", **test_settings, BENCH_CEILING=True)


def test_the_store_does_not_serve_the_ceiling_page(client):
    assert client.get("/th/_bench/ceiling").status_code == 404


def test_the_ceiling_renders_24_cards_of_the_product_grid_with_prices_in_the_page_language(
    bench_app, db
):
    response = bench_app.test_client().get("/th/_bench/ceiling")

    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<ul class="grid">' in html
    products = set(re.findall(r'href="/th/products/taiwan-maker-\d+/(ceiling-product-\d+)"', html))
    assert len(products) == 24
    assert "฿123.45" in html  # the first card's 12,345 satang, formatted for Thai
