"""Featured zones on the storefront: which run now in a market, and what they show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select

from app.extensions import db
from app.models import Product, Zone, ZoneMarket, ZoneProduct
from app.services.catalog import storefront as catalog
from app.services.catalog.storefront import Card
from app.services.i18n import Text, resolve
from app.services.shopper import Shopper

HOME_CARDS_PER_ZONE = 8


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


def _live(now: datetime):
    return [Zone.starts_at <= now, or_(Zone.ends_at.is_(None), Zone.ends_at > now)]


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
        .where(ZoneProduct.zone_id.in_([z.id for z in zones]), *catalog.visible())
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


def zone_by_slug(slug: str, shopper: Shopper, now: datetime) -> Zone | None:
    """A zone that runs now in the shopper's market."""
    return db.session.scalar(
        select(Zone)
        .join(ZoneMarket, ZoneMarket.zone_id == Zone.id)
        .where(Zone.slug == slug, ZoneMarket.market_code == shopper.market.code, *_live(now))
    )


def zone_page(zone: Zone, shopper: Shopper, after: int | None, size: int = catalog.PAGE_SIZE):
    """A zone's products in curated order, keyset-paged on (position, id) of the zone row.

    Returns the zone view and the cursor of the next page (None on the last page).
    """
    stmt = (
        select(ZoneProduct.id, ZoneProduct.product_id, ZoneProduct.position)
        .join(Product, Product.id == ZoneProduct.product_id)
        .where(ZoneProduct.zone_id == zone.id, *catalog.visible())
        .order_by(ZoneProduct.position, ZoneProduct.id)
        .limit(size + 1)
    )
    if after is not None:
        anchor = db.session.get(ZoneProduct, after)
        if anchor is not None and anchor.zone_id == zone.id:
            stmt = stmt.where(
                (ZoneProduct.position > anchor.position)
                | ((ZoneProduct.position == anchor.position) & (ZoneProduct.id > anchor.id))
            )
    rows = db.session.execute(stmt).all()
    more = len(rows) > size
    rows = rows[:size]
    cards = catalog.cards_for([r.product_id for r in rows], shopper)
    view = _view(zone, [cards[r.product_id] for r in rows if r.product_id in cards], shopper)
    return view, (rows[-1].id if more and rows else None)


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
