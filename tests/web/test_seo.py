"""robots.txt and sitemaps."""

import xml.etree.ElementTree as ET

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_robots_points_to_the_sitemap_and_keeps_private_areas_out(client):
    text = client.get("/robots.txt").get_data(as_text=True)
    assert "Sitemap: http://localhost/sitemap.xml" in text
    assert "Disallow: /th/account/" in text
    assert "Disallow: /zh-hant/vendor/" in text


def test_sitemap_index_lists_pages_and_product_chunks(client, make):
    make.product(make.vendor(slug="shop"), handle="cake")
    index = ET.fromstring(client.get("/sitemap.xml").data)
    locs = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert locs == [
        "http://localhost/sitemaps/pages.xml",
        "http://localhost/sitemaps/products-0.xml",
    ]


def test_product_sitemap_has_every_language_with_alternates(client, make):
    vendor = make.vendor(slug="shop")
    make.product(vendor, handle="cake")
    make.product(vendor, handle="hidden", status="draft")
    urlset = ET.fromstring(client.get("/sitemaps/products-0.xml").data)
    urls = urlset.findall("s:url", NS)
    assert [u.find("s:loc", NS).text for u in urls] == [
        f"http://localhost/{lang}/products/shop/cake" for lang in ("en", "th", "ms", "zh-hant")
    ]
    alternates = {a.get("hreflang") for a in urls[0].findall("x:link", NS)}
    assert alternates == {"en", "th", "ms", "zh-Hant", "x-default"}
    assert client.get("/sitemaps/products-9.xml").status_code == 404


def test_pages_sitemap_lists_categories_shops_and_live_zones(client, make):
    make.vendor(slug="approved-shop")
    make.vendor(slug="pending-shop", status="pending")
    body = client.get("/sitemaps/pages.xml").get_data(as_text=True)
    assert "/th/c/tea" in body
    assert "/en/shops/approved-shop" in body
    assert "pending-shop" not in body
    assert "/ms/zones/taipei-good-goods" in body
