"""The vendor portal's pages stay a constant number of queries as a catalog grows, and the
product list is paged (a 10,000-row import must not make a 5,000-form page)."""

import re

from app.services import cache
from tests.factories import PASSWORD


def add_products(make, vendor, count, start=0):
    for n in range(start, start + count):
        make.product(
            vendor,
            handle=f"tea-{n}",
            names={"en": f"Tea {n}", "zh_Hant": f"茶 {n}"},  # no Thai or Malay: a gap
            variants=[
                {"sku": f"T-{n}-a", "price_twd": 100, "stock": 1, "labels": {"en": "Small"}},
                {"sku": f"T-{n}-b", "price_twd": 200, "stock": 0, "labels": {"en": "Large"}},
            ],
        )


def measure(browser, count_queries, url):
    cache.invalidate_all()
    browser.get(url)  # warm: the signed-in user and reference data, as on any request
    with count_queries() as statements:
        response = browser.get(url)
    assert response.status_code == 200
    return len(statements), response.get_data(as_text=True)


def test_dashboard_and_product_list_do_not_grow_with_the_catalog(browser, make, count_queries):
    vendor = make.vendor(slug="big-shop")
    make.user(role="vendor", vendor=vendor, email="owner@big.example.com")
    browser.sign_in("owner@big.example.com", PASSWORD)
    add_products(make, vendor, 3)
    small = {
        url: measure(browser, count_queries, url)[0]
        for url in ("/en/vendor/", "/en/vendor/products")
    }
    add_products(make, vendor, 40, start=3)
    for url, before in small.items():
        after, page = measure(browser, count_queries, url)
        assert after == before, f"{url}: {before} → {after} queries"
        assert after <= 12, f"{url}: {after} queries"
    dashboard = measure(browser, count_queries, "/en/vendor/")[1]
    assert dashboard.count("no name in") == 20  # the first twenty gaps are listed
    # low stock: the sold-out options first (43 of them; the list shows 20), then the rest
    assert "T-0-b" in dashboard
    assert "T-0-a" not in dashboard


def test_product_list_is_paged(browser, make):
    vendor = make.vendor(slug="big-shop")
    make.user(role="vendor", vendor=vendor, email="owner@big.example.com")
    browser.sign_in("owner@big.example.com", PASSWORD)
    add_products(make, vendor, 60)
    first = browser.get("/en/vendor/products").get_data(as_text=True)
    assert first.count('class="product-row"') == 50
    assert "Tea 59" in first  # newest first
    more = re.search(r'href="(/en/vendor/products\?after=\d+)"', first).group(1)
    second = browser.get(more).get_data(as_text=True)
    assert second.count('class="product-row"') == 10
    assert "Tea 0<" in second
    assert 'rel="next"' not in second  # the last page
