"""Featured zones on the storefront: which run now in a market, and what they show.

A zone runs from its start to its end time, asked of the clock at query time: nothing is
cached, so a zone appears at its start and disappears at its end without anyone acting. A zone
shows only products shoppers can buy now: listed, from an approved shop, and in stock (the
console flags the others: services.zone_curation)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select

from app.extensions import db
from app.models import Product, Zone, ZoneMarket, ZoneProduct
from app.services import paging
from app.services.cache import TimedValue
from app.services.catalog import storefront as catalog
from app.services.catalog.storefront import Card
from app.services.i18n import Text, resolve
from app.services.shopper import Shopper

#: cards a zone shows on the home page: one row of the widest grid (six columns); narrower
#: screens show the first ones that fit (store.css) and every zone has its "See all" link
HOME_CARDS_PER_ZONE = 6


@dataclass(frozen=True)
class ZoneView:
    id: int
    slug: str
    title: Text
    blurb: Text | None
    accent: str
    is_flagship: bool
    ends_at: datetime | None
    cards: list[Card]
    #: the banner photo's key (media renditions) and the size of its largest rendition
    banner_key: str | None = None
    banner_width: int | None = None
    banner_height: int | None = None


@dataclass(frozen=True)
class _Schedule:
    """When a zone runs and where."""

    id: int
    slug: str
    markets: frozenset[str]
    starts_at: datetime
    ends_at: datetime | None

    def runs(self, now: datetime) -> bool:
        # _live's rule, on a row already read
        return self.starts_at <= now and (self.ends_at is None or self.ends_at > now)


@dataclass(frozen=True)
class _Schedules:
    by_slug: dict[str, _Schedule]
    #: every zone's start and end, in order
    boundaries: tuple[datetime, ...]


def _load_schedules() -> _Schedules:
    rows = db.session.execute(
        select(Zone.id, Zone.slug, Zone.starts_at, Zone.ends_at, ZoneMarket.market_code).outerjoin(
            ZoneMarket, ZoneMarket.zone_id == Zone.id
        )
    ).all()
    markets: dict[int, set[str]] = {}
    for row in rows:
        markets.setdefault(row.id, set()).update([row.market_code] if row.market_code else [])
    by_slug = {
        r.slug: _Schedule(r.id, r.slug, frozenset(markets[r.id]), r.starts_at, r.ends_at)
        for r in rows
    }
    moments = {m for s in by_slug.values() for m in (s.starts_at, s.ends_at) if m is not None}
    return _Schedules(by_slug, tuple(sorted(moments)))


#: every zone's schedule (a few rows): a zone edit raises the catalog stamp, which empties it
#: in every process; the hour is a safety net
_schedules = TimedValue(_load_schedules, ttl=3600.0, areas=("catalog",))


def schedule_epoch(now: datetime) -> int:
    """How many zone starts and ends have passed by `now`: the zones running change exactly
    when this number does (a kept page showing zones is kept under it, app.web.page_cache)."""
    return bisect_right(_schedules.get().boundaries, now)


def running_zone_id(slug: str, market_code: str, now: datetime) -> int | None:
    """The id of the zone `slug` if it runs now in the market (read from the schedules kept in
    memory: a kept zone page asks the database nothing)."""
    found = _schedules.get().by_slug.get(slug)
    if found is None or market_code not in found.markets or not found.runs(now):
        return None
    return found.id


def _live(now: datetime):
    return [Zone.starts_at <= now, or_(Zone.ends_at.is_(None), Zone.ends_at > now)]


def shown() -> list:
    """The products a zone shows shoppers: what the storefront lists, and only in stock (a
    showcase of things that cannot be bought disappoints)."""
    return [*catalog.visible(), Product.in_stock.is_(True)]


def _view(zone: Zone, cards: list[Card], shopper: Shopper) -> ZoneView:
    title = resolve(zone.translations, "title", shopper.content_locale)
    return ZoneView(
        id=zone.id,
        slug=zone.slug,
        title=title or Text(zone.slug, "en", True),
        blurb=resolve(zone.translations, "blurb", shopper.content_locale),
        accent=zone.accent,
        is_flagship=zone.is_flagship,
        ends_at=zone.ends_at,
        cards=cards,
        banner_key=zone.banner_key,
        banner_width=zone.banner_width,
        banner_height=zone.banner_height,
    )


def live_zones(
    shopper: Shopper, now: datetime, per_zone: int = HOME_CARDS_PER_ZONE
) -> list[ZoneView]:
    """Zones running now in the shopper's market, flagship first, with their first products."""
    zones = db.session.scalars(
        select(Zone)
        .join(ZoneMarket, ZoneMarket.zone_id == Zone.id)
        .where(ZoneMarket.market_code == shopper.market.code, *_live(now))
        .order_by(Zone.is_flagship.desc(), Zone.position, Zone.id)
    ).all()
    if not zones:
        return []
    # The first `per_zone` visible products of every zone in one query.
    rank = (
        func.row_number()
        .over(partition_by=ZoneProduct.zone_id, order_by=(ZoneProduct.position, ZoneProduct.id))
        .label("rank")
    )
    ranked = (
        select(ZoneProduct.zone_id, ZoneProduct.product_id, rank)
        .join(Product, Product.id == ZoneProduct.product_id)
        .where(ZoneProduct.zone_id.in_([z.id for z in zones]), *shown())
        .subquery()
    )
    rows = db.session.execute(
        select(ranked.c.zone_id, ranked.c.product_id)
        .where(ranked.c.rank <= per_zone)
        .order_by(ranked.c.zone_id, ranked.c.rank)
    ).all()
    cards = catalog.cards_for([r.product_id for r in rows], shopper)
    by_zone: dict[int, list[Card]] = {}
    for row in rows:
        if row.product_id in cards:
            by_zone.setdefault(row.zone_id, []).append(cards[row.product_id])
    return [_view(z, by_zone.get(z.id, []), shopper) for z in zones]


#: a zone's curated order: the zone rows' position, then their id
ZONE_ORDER = paging.keys(("position", False), ("row", False))


def zone_page(
    zone_id: int,
    shopper: Shopper,
    after: str | None = None,
    before: str | None = None,
    size: int = catalog.PAGE_SIZE,
) -> tuple[ZoneView, paging.Window]:
    """A page of a zone's products in curated order, keyset-paged on (position, id) of the
    zone rows, and where the page sits among them."""
    zone = db.session.get(Zone, zone_id)
    position = paging.Position.parse(after, before, ZONE_ORDER)
    rows = (
        select(
            ZoneProduct.product_id.label("id"),
            ZoneProduct.position.label("position"),
            ZoneProduct.id.label("row"),
        )
        .join(Product, Product.id == ZoneProduct.product_id)
        .where(ZoneProduct.zone_id == zone.id, *shown())
        .cte("zone_rows")
    )
    stmt = paging.page_with_counts(rows, ZONE_ORDER, position, size)
    page, _counts, window = paging.read(db.session.execute(stmt), ZONE_ORDER, position, size)
    cards = catalog.cards_for([r.id for r in page], shopper)
    view = _view(zone, [cards[r.id] for r in page if r.id in cards], shopper)
    return view, window


def flagship(shopper: Shopper, now: datetime) -> ZoneView | None:
    """The "Taipei Good Goods" zone when it runs in the shopper's market (no products)."""
    zone = db.session.scalar(
        select(Zone)
        .join(ZoneMarket, ZoneMarket.zone_id == Zone.id)
        .where(
            Zone.is_flagship.is_(True), ZoneMarket.market_code == shopper.market.code, *_live(now)
        )
    )
    return _view(zone, [], shopper) if zone else None
