"""Filters with counts, the same on search results and category pages: price band, in stock,
halal certified, shop (and category, on search).

Both pages list the search index's narrow rows, as each app process holds them
(services.search.memory): one row per visible product with its category, shop, stock, lowest
price and halal certificate. services.search.ranking selects the rows (`ranked` for a query,
`listed` for a category or a shop) and counts them with the page (`page_with_counts`), so the
counts are of exactly the products the filters would show, by one set of rules.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from decimal import Decimal

from sqlalchemy import select

from app.extensions import db
from app.models import Vendor
from app.models.vendor import SLUG as VENDOR_SLUG
from app.services import paging
from app.services.i18n import Text, resolve_map
from app.services.reference import CategoryInfo
from app.services.search import engine, ranking
from app.services.shopper import Shopper

#: price bands shown as a facet, in the market currency's major units
PRICE_EDGES = {
    "THB": [300, 1000, 3000],
    "MYR": [40, 120, 400],
    "SGD": [10, 40, 120],
    "PHP": [500, 2000, 6000],
    "TWD": [300, 1000, 3000],
}
#: shops listed in the shop facet, most products first
MAX_VENDORS = 20
#: the count columns: what the facets count products by. Shops are counted apart (SHOPS): a
#: broad search matches products of hundreds of shops, and counting by shop with the rest
#: made a thousand and more count rows, read and added up in Python on every search.
COUNTED = ("category_id", "stock_rank", "halal", "band")
#: the tag of the shop facet's count rows (services.paging.Top)
SHOPS = "v"


@dataclass(frozen=True)
class Choice:
    """The filters a shopper chose (query string values, not yet checked)."""

    category: str | None = None
    vendor: str | None = None
    halal: bool = False
    in_stock: bool = False
    price: str | None = None

    @property
    def active(self) -> int:
        """How many filters are on (the category of a category page is not one)."""
        return sum(bool(v) for v in (self.vendor, self.halal, self.in_stock, self.price))


@dataclass(frozen=True)
class Band:
    key: str
    low: int | None  # market currency, major units
    high: int | None
    count: int


@dataclass
class Facets:
    total: int = 0
    in_stock: int = 0
    halal: int = 0
    bands: list[Band] = field(default_factory=list)
    categories: list[tuple[CategoryInfo, Text, int]] = field(default_factory=list)
    vendors: list[tuple[str, str, int]] = field(default_factory=list)


def band_keys(currency: str) -> list[tuple[str, int | None, int | None]]:
    edges = PRICE_EDGES.get(currency, [])
    keys = []
    for index in range(len(edges) + 1):
        low = edges[index - 1] if index else None
        high = edges[index] if index < len(edges) else None
        keys.append((f"{low or 0}-{high or ''}", low, high))
    return keys


def price_edges_twd(shopper: Shopper) -> list[int]:
    """The band edges in TWD at the rate in force (the index holds TWD prices)."""
    market = shopper.market
    rate = shopper.ref.rate_for(market.currency).rate
    return [math.ceil(Decimal(edge) / rate) for edge in PRICE_EDGES.get(market.currency, [])]


def context(shopper: Shopper) -> engine.Context:
    market = shopper.market
    return engine.Context(
        dialect=db.session.get_bind().dialect.name,
        today=shopper.today,
        halal_bodies=market.halal_accepted,
        price_edges_twd=price_edges_twd(shopper),
    )


@dataclass(frozen=True)
class Narrowing:
    """The one-of-several filters (category, shop, price band) as values of a listing's
    columns; None: not filtered. -1 names nothing (an unknown slug)."""

    category_id: int | None = None
    vendor_id: int | None = None
    band: int | None = None

    def shows(self, row) -> bool:
        """Whether a count row's products are shown (the shop filter is already applied to
        the count rows: services.search.ranking.page_with_counts)."""
        return all(getattr(row, n) == v for n, v in self.chosen() if n != "vendor_id")

    def chosen(self) -> tuple[tuple[str, int], ...]:
        """(column, value) of each filter chosen (also read by services.search.ranking)."""
        return tuple(
            (name, value)
            for name, value in (
                ("category_id", self.category_id),
                ("vendor_id", self.vendor_id),
                ("band", self.band),
            )
            if value is not None
        )


def filters(choice: Choice, shopper: Shopper) -> tuple[engine.Filters, Narrowing]:
    """The chosen filters as the index sees them: the ones every count respects (in stock,
    halal) and the one-of-several ones (category, shop, price band), which the page
    respects but each one's own counts do not: "฿300 – ฿1,000 (12)" says how many products
    choosing that band shows, whichever band is chosen now."""
    category_id = vendor_id = band = None
    if choice.category:
        info = shopper.ref.category_by_slug(choice.category)
        category_id = info.id if info else -1
    if choice.vendor:
        found = None
        if VENDOR_SLUG.fullmatch(choice.vendor):
            found = db.session.scalar(select(Vendor.id).where(Vendor.slug == choice.vendor))
        vendor_id = found if found is not None else -1
    if choice.price:
        keys = [key for key, _low, _high in band_keys(shopper.market.currency)]
        # the index of a band in ctx.price_edges_twd (services.search.ranking._columns)
        band = keys.index(choice.price) if choice.price in keys else None
    every = engine.Filters(halal=choice.halal, in_stock=choice.in_stock)
    return every, Narrowing(category_id, vendor_id, band)


def page_and_facets(listing, order, position, size, narrowing, shopper: Shopper, counted=True):
    """(the page's rows, where it sits, the facets) of a listing of services.search.ranking
    (`ranked` or `listed`): the page and every count in one pass over its rows. counted
    False: only what "showing 25–48 of 120" needs (a shop's page shows no filters)."""
    found = ranking.page_with_counts(
        listing,
        order,
        position,
        size,
        narrowing,
        group_by=COUNTED if counted else (),
        top_tag=SHOPS,
        top_limit=MAX_VENDORS if counted else 0,
    )
    page, counts, window = paging.read(found, order, position, size, narrowing.shows)
    return page, window, tally(counts, narrowing, shopper) if counted else Facets()


def tally(rows, narrowing: Narrowing, shopper: Shopper) -> Facets:
    """Facets from the count rows of a listing counted as `Narrowing.counting` says (one
    row per combination of COUNTED among the chosen shop's products, and the largest shops):
    each value's count is the number of products choosing it would show."""
    found = Facets()
    categories: dict[int, int] = {}
    vendors: dict[int, int] = {}
    bands: dict[int, int] = {}
    category_id, band = narrowing.category_id, narrowing.band
    for row in rows:
        n = row.n
        if row.kind == SHOPS:
            vendors[row.vendor_id] = n
            continue
        in_category = category_id is None or row.category_id == category_id
        in_band = band is None or row.band == band
        if in_band:
            categories[row.category_id] = categories.get(row.category_id, 0) + n
        if in_category:
            bands[int(row.band)] = bands.get(int(row.band), 0) + n
            if in_band:
                found.total += n
                found.in_stock += n if row.stock_rank == 0 else 0
                found.halal += n if row.halal else 0
    found.bands = [
        Band(key, low, high, bands.get(index, 0))
        for index, (key, low, high) in enumerate(band_keys(shopper.market.currency))
    ]
    infos = shopper.ref.categories
    found.categories = sorted(
        (
            (infos[cid], resolve_map(infos[cid].names, shopper.content_locale), n)
            for cid, n in categories.items()
            if cid in infos
        ),
        key=lambda item: (-item[2], item[0].position),
    )
    shown = dict(sorted(vendors.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_VENDORS])
    if shown:
        names = db.session.execute(
            select(Vendor.id, Vendor.slug, Vendor.name_en, Vendor.name_zh_hant).where(
                Vendor.id.in_(list(shown))
            )
        ).all()
        chinese = shopper.content_locale == "zh_Hant"
        found.vendors = sorted(
            ((slug, zh if chinese else en, shown[vid]) for vid, slug, en, zh in names),
            key=lambda item: (-item[2], item[1]),
        )
    return found


def as_filters(every: engine.Filters, narrowing: Narrowing, ctx: engine.Context) -> engine.Filters:
    """Every chosen filter as one engine.Filters: what the listing shows."""
    found = replace(every, category_id=narrowing.category_id, vendor_id=narrowing.vendor_id)
    if narrowing.band is not None:
        edges, band = ctx.price_edges_twd, narrowing.band
        found.price_twd_min = edges[band - 1] if band else None
        found.price_twd_max = edges[band] - 1 if band < len(edges) else None
    return found
