"""SQL statements per page stay bounded and constant as the catalog grows (N+1 guard).

Every paged listing (category in each sort and with filters, vendor shop, search, zone) is
walked page by page through its "Next" link, as a shopper without JavaScript would: each page
must show exactly the products it should, in the listing's order, and cost no more statements
than the first.
"""

import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app.models import ZoneProduct
from app.services import cache, cache_versions, clock, reference, zones
from app.services.catalog import storefront as catalog
from app.web import page_cache

PER_PAGE = catalog.PAGE_SIZE
#: the shop's tea products in the grown catalog: three pages of a listing (24, 24, 2)
GROWN = 2 * PER_PAGE + 2
BASE = datetime(2026, 3, 1, tzinfo=UTC)

#: upper bounds per page (measured counts are listed in the closing note of the issue)
LIMITS = {
    "home": 6,
    "product": 6,
    "sitemap": 1,
    # the index version (with the page and its filters' counts: services.search.ranking),
    # the shops named in the shop filter, the cards, and on a cold page the process's copy
    # of the ranking rows (services.search.memory), kept afterwards
    "category": 6,
    "category_price_asc": 6,
    "category_price_desc": 6,
    # and the chosen shop's id; the shop, found by its address
    "category_filtered": 7,
    "vendor": 7,
    # and, on a cold page, the synonyms (two statements), the shops' names the words may
    # name and the process's copy of the ranking rows (services.search.memory), kept
    # afterwards (issue 15's search work)
    "search": 9,
    "zone": 6,
}

#: the pages that are not paged
PAGES = {
    "home": "/en/",
    "product": "/en/products/shop/product-0",
    "sitemap": "/sitemaps/products-0.xml",
}

CARD_NAME = re.compile(r'<span(?: lang="[^"]*")? class="card__name">([^<]*)</span>')
NEXT_LINK = re.compile(r'<a [^>]*href="([^"]+)"[^>]*rel="next"')
POSITION = re.compile(r"Showing (\d+)–(\d+) of (\d+)")


@dataclass
class Listed:
    """A product as the listings should show it."""

    product: object
    name: str
    shop: bool  # sold by the shop the vendor page lists
    tea: bool  # in the tea category
    visible: bool  # active, from an approved vendor
    zone_position: int | None = None

    @property
    def price(self):
        return self.product.min_price_twd

    @property
    def newest_key(self):
        return (self.product.published_at, self.product.id)


def add_shop_teas(make, shop, start, stop):
    """The shop's tea products start..stop-1: newest last, prices and zone places shuffled
    (17 and 31 are prime to GROWN: every tea has its own place, and its own price among the
    teas; a tie with another product falls back to the id, in the app as here)."""
    listed = []
    for n in range(start, stop):
        product = make.product(
            shop,
            handle=f"product-{n}",
            names={"en": f"Tea {n}", "th": f"ชา {n}"},
            published_at=BASE + timedelta(minutes=n),
            variants=[
                {"price_twd": 100 + (n * 17) % GROWN, "stock": n % 3, "labels": {"en": "Small"}},
                {"price_twd": 400 + n, "stock": 1, "labels": {"en": "Large"}},
            ],
            image=(f"p/aa/{n:032d}", 800, 800),
        )
        listed.append(Listed(product, f"Tea {n}", True, True, True, (n * 31) % GROWN))
    return listed


def build_catalog(make, size):
    """The shop's first `size` teas in zone "picks", and products only some listings show:
    another shop's tea, the shop's pastry, and two that none shows (a draft and a suspended
    shop's tea, both put in the zone)."""
    shop = make.vendor(slug="shop", name_en="Leaf Street", name_zh_hant="葉街")
    other = make.vendor(slug="other", name_en="Hill Farm", name_zh_hant="山農")
    suspended = make.vendor(
        slug="gone", name_en="Closed Farm", name_zh_hant="歇業", status="suspended"
    )
    listed = add_shop_teas(make, shop, 0, size)

    def extra(vendor, name, price, minutes, **kw):
        product = make.product(
            vendor,
            handle=name.lower().replace(" ", "-"),
            names={"en": name},
            published_at=BASE + timedelta(minutes=minutes),
            variants=[{"price_twd": price, "stock": 1}],
            **kw,
        )
        return product

    listed += [
        Listed(extra(other, "Other Farm Tea", 131, 7), "Other Farm Tea", False, True, True),
        Listed(
            extra(shop, "Pineapple Pastry", 139, 9, category="snacks"),
            "Pineapple Pastry",
            True,
            False,
            True,
        ),
        Listed(
            extra(shop, "Draft Tea", 111, 11, status="draft"), "Draft Tea", True, True, False, -1
        ),
        Listed(extra(suspended, "Hidden Tea", 121, 13), "Hidden Tea", False, True, False, GROWN),
    ]
    zone_products = sorted(
        (item for item in listed if item.zone_position is not None),
        key=lambda item: item.zone_position,
    )
    zone = make.zone(slug="picks", products=[item.product for item in zone_products])
    # the zone's rows take the shop teas' places, so that later products can slot in between
    for row, item in zip(zone.products, zone_products, strict=True):
        row.position = item.zone_position
    make.db.session.flush()
    return zone, shop, listed


def grow_catalog(make, zone, shop, listed, start, stop):
    added = add_shop_teas(make, shop, start, stop)
    for item in added:
        zone.products.append(ZoneProduct(product_id=item.product.id, position=item.zone_position))
    make.db.session.flush()
    return listed + added


def expected(listed):
    """listing → (first URL, every name it shows in order)."""
    shown = [item for item in listed if item.visible]
    tea = [item for item in shown if item.tea]

    def by_price(items, descending=False):
        ordered = sorted(items, key=lambda item: (item.price, item.product.id))
        return ordered[::-1] if descending else ordered

    def names(items):
        return [item.name for item in items]

    newest = sorted(tea, key=lambda item: item.newest_key, reverse=True)
    return {
        "category": ("/en/c/tea", names(newest)),
        "category_price_asc": ("/en/c/tea?sort=price_asc", names(by_price(tea))),
        "category_price_desc": ("/en/c/tea?sort=price_desc", names(by_price(tea, True))),
        # the other shop's tea filtered out
        "category_filtered": (
            "/en/c/tea?sort=price_asc&vendor=shop&in_stock=1",
            names(by_price([item for item in tea if item.shop])),
        ),
        "vendor": (
            "/en/shops/shop?sort=price_asc",
            names(by_price([item for item in shown if item.shop])),
        ),
        # "tea" is in the tea category's name: every visible tea, and no pastry
        "search": ("/en/search?q=tea&sort=price_desc", names(by_price(tea, True))),
        "zone": (
            "/en/zones/picks",
            names(
                sorted(
                    (item for item in shown if item.zone_position is not None),
                    key=lambda item: item.zone_position,
                )
            ),
        ),
    }


def get_cold(client, count_queries, url):
    """A cold page: no cached cards; reference data (markets, rates) and the zones' start and
    end times (the page cache's key) loaded already, as they are on every request but the
    first after a change, and the cache stamps looked at already (services.cache_versions: a
    process's first look empties every cache; forgotten first, as a look is skipped while the
    last is under a second old, and the next timed look put off: otherwise the page counted
    may be the one request in a second that finds a stamp the test's factories raised and
    refills what it empties, as CI once counted). Returns (statements, body)."""
    cache_versions.forget_seen()
    cache_versions.check(interval=3600)
    cache.invalidate_all()
    reference.get()
    zones.schedule_epoch(clock.now())
    with count_queries() as statements:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    RAN[url] = [statement[:100] for statement in statements]
    return len(statements), response.get_data(as_text=True)


#: the statements of each URL last counted (named when a count differs)
RAN: dict[str, list[str]] = {}


def walk(client, count_queries, url):
    """Every page of a listing from its first URL: [(statements, names on the page)]; each
    page says where it sits, of the same total."""
    pages, totals = [], set()
    while url is not None:
        assert len(pages) < 10, f"{url}: more pages than the catalog can fill"
        count, body = get_cold(client, count_queries, url)
        names = [html.unescape(name) for name in CARD_NAME.findall(body)]
        # "Showing 25–48 of 50": where the page sits, from the names on the pages before it
        shown_before = sum(len(page) for _count, page in pages)
        position = POSITION.search(body)
        assert position, f"{url}: no position"
        first, last, total = map(int, position.groups())
        assert (first, last) == (shown_before + 1, shown_before + len(names)), (
            f"{url}: {position.group(0)} after {shown_before} products"
        )
        pages.append((count, names))
        totals.add(total)
        link = NEXT_LINK.search(body)
        url = html.unescape(link.group(1)) if link else None
    assert totals == {sum(len(page) for _count, page in pages)}, f"totals {totals}"
    return pages


def measure(client, count_queries, listed):
    """Statements per page: {"home": n, ..., "category": [page 1, page 2, ...]}, and the
    statements of each listing's first page under "<listing> ran"."""
    counts = {name: get_cold(client, count_queries, url)[0] for name, url in PAGES.items()}
    for listing, (url, names) in expected(listed).items():
        pages = walk(client, count_queries, url)
        counts[f"{listing} ran"] = RAN[url]
        shown = [name for _count, page in pages for name in page]
        assert shown == names, f"{listing}: shows {shown}, expected {names}"
        sizes = [len(page) for _count, page in pages]
        assert sizes[:-1] == [PER_PAGE] * (len(pages) - 1), f"{listing}: page sizes {sizes}"
        counts[listing] = [count for count, _page in pages]
    return counts


def test_every_page_of_every_listing_is_bounded_and_does_not_grow(client, make, count_queries):
    zone, shop, listed = build_catalog(make, 3)
    small = measure(client, count_queries, listed)
    assert all(len(small[listing]) == 1 for listing in expected(listed))  # one page each

    listed = grow_catalog(make, zone, shop, listed, 3, GROWN)
    large = measure(client, count_queries, listed)
    for listing in expected(listed):
        pages = large[listing]
        # the category also lists the other shop's tea: one more product, the same pages
        assert len(pages) == 3, f"{listing}: {len(pages)} pages"
        assert pages[0] == small[listing][0], (
            f"{listing}: {small[listing][0]} → {pages[0]}",
            small[f"{listing} ran"],
            large[f"{listing} ran"],
        )
        # going deeper costs nothing more: page 3 runs what page 2 runs
        assert pages[1] == pages[2], f"{listing}: pages cost {pages} queries"
        for number, count in enumerate(pages, start=1):
            assert count <= LIMITS[listing], f"{listing} page {number}: {count} queries"
    for page in PAGES:
        assert large[page] <= LIMITS[page], f"{page}: {large[page]} queries"
        assert large[page] == small[page], f"{page}: {small[page]} → {large[page]} queries"


def test_a_listing_of_exactly_one_page_offers_no_more(client, make, count_queries):
    zone, shop, listed = build_catalog(make, 3)
    grow_catalog(make, zone, shop, listed, 3, PER_PAGE)  # the zone holds exactly one page
    assert [len(names) for _count, names in walk(client, count_queries, "/en/zones/picks")] == [
        PER_PAGE
    ]
    # the shop also sells the pastry: one card more, on a second page
    assert [len(names) for _count, names in walk(client, count_queries, "/en/shops/shop")] == [
        PER_PAGE,
        1,
    ]


def test_cached_cards_spare_their_queries(client, make, count_queries):
    build_catalog(make, 5)
    cache.invalidate_all()
    reference.get()
    with count_queries() as cold:
        client.get("/en/c/tea")
    page_cache.store.clear()  # the page rendered again (as for a shopper with a cart)
    with count_queries() as warm:
        client.get("/en/c/tea")
    # the page with its counts, and the shops' names for the shop filter; cards from the cache
    assert len(warm) == 2 < len(cold)
    # and the kept page costs none
    with count_queries() as kept:
        assert client.get("/en/c/tea").headers["X-Page-Cache"] == "hit"
    assert kept == []
