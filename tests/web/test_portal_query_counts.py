"""The vendor portal's pages stay a constant number of queries as a catalog grows, and the
product list is paged (a 10,000-row import must not make a 5,000-form page)."""

import html
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


ROW_NAME = re.compile(r'<h2 id="p-\d+"><a href="[^"]*">([^<]*)</a></h2>')
NEXT_PAGE = re.compile(r'<a [^>]*href="([^"]+)"[^>]*rel="next"')


def walk(browser, count_queries, url):
    """Every page of the product list from `url`: [(statements, product names shown)]."""
    pages = []
    while url is not None:
        assert len(pages) < 10, f"{url}: more pages than the catalog can fill"
        count, body = measure(browser, count_queries, url)
        pages.append((count, [html.unescape(name) for name in ROW_NAME.findall(body)]))
        link = NEXT_PAGE.search(body)
        url = html.unescape(link.group(1)) if link else None
    return pages


def test_product_list_is_paged_and_every_page_costs_the_same(browser, make, count_queries):
    vendor = make.vendor(slug="big-shop")
    make.user(role="vendor", vendor=vendor, email="owner@big.example.com")
    neighbour = make.vendor(slug="next-door")
    make.product(neighbour, handle="theirs", names={"en": "Next door's tea"})
    browser.sign_in("owner@big.example.com", PASSWORD)
    add_products(make, vendor, 3)
    [(small, names)] = walk(browser, count_queries, "/en/vendor/products")
    assert names == ["Tea 2", "Tea 1", "Tea 0"]  # newest first, only the vendor's own

    add_products(make, vendor, 107, start=3)  # 110 products: pages of 50, 50 and 10
    pages = walk(browser, count_queries, "/en/vendor/products")
    assert [len(names) for _count, names in pages] == [50, 50, 10]
    shown = [name for _count, names in pages for name in names]
    assert shown == [f"Tea {n}" for n in range(109, -1, -1)]
    for number, (count, _names) in enumerate(pages, start=1):
        assert count == small, f"page {number}: {count} queries, {small} with 3 products"
        assert count <= 12, f"page {number}: {count} queries"
