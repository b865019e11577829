"""A zone's products as operators curate them: found with the store's own search, added,
put in order (one place at a time, or the whole order at once after a drag and drop) and
removed. Products shoppers cannot see now stay in the zone, flagged with why, and come back
on their own when they can be bought again (the storefront asks services.zones.shown()).

Every change is audited in the caller's unit of work. Raises CurationRefused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from app.domain import zone_rules
from app.extensions import db
from app.models import Product, User, Zone, ZoneProduct
from app.models.catalog import ProductStatus
from app.models.vendor import VendorStatus
from app.services import audit, cache_versions, claims
from app.services.catalog.storefront import Card
from app.services.errors import CurationRefused
from app.services.i18n import Text, resolve
from app.services.search import service as search_service
from app.services.shopper import Shopper

#: search results offered under the search box
CANDIDATES = 10
#: products that can never come back to the storefront: not offered, not added
GONE = (ProductStatus.ARCHIVED.value, ProductStatus.REMOVED.value)


@dataclass(frozen=True)
class Curated:
    """A product of the zone, in the zone's order."""

    product_id: int
    name: Text | None
    vendor_name: str
    #: why shoppers do not see it now (None: they do): unlisted, shop_closed, out_of_stock
    hidden: str | None


def hidden_reason(product: Product) -> str | None:
    """Why the storefront leaves the product out of zones (the rule of zones.shown())."""
    if product.status != ProductStatus.ACTIVE:
        return "unlisted"
    if product.vendor.status != VendorStatus.APPROVED:
        return "shop_closed"
    if not product.in_stock:
        return "out_of_stock"
    return None


def products(zone: Zone, content_locale: str) -> list[Curated]:
    """The zone's products in order, each with why shoppers do not see it, if they do not."""
    rows = db.session.scalars(
        select(Product)
        .join(ZoneProduct, ZoneProduct.product_id == Product.id)
        .where(ZoneProduct.zone_id == zone.id)
        .options(joinedload(Product.vendor), selectinload(Product.translations))
        .order_by(ZoneProduct.position, ZoneProduct.id)
    ).all()
    return [
        Curated(
            product_id=product.id,
            name=resolve(product.translations, "name", content_locale),
            vendor_name=product.vendor.name_en,
            hidden=hidden_reason(product),
        )
        for product in rows
    ]


def candidates(zone: Zone, query: str, shopper: Shopper) -> list[Card]:
    """What the store's search finds for `query`, as a shopper of the zone's market would see
    it, without the products the zone already has."""
    if not query.strip():
        return []
    result = search_service.search(search_service.Params(q=query), shopper, size=CANDIDATES)
    have = set(_order(zone))
    return [card for card in result.cards if card.id not in have]


def _order(zone: Zone) -> list[int]:
    return list(
        db.session.scalars(
            select(ZoneProduct.product_id)
            .where(ZoneProduct.zone_id == zone.id)
            .order_by(ZoneProduct.position, ZoneProduct.id)
        )
    )


def _shown_differently(zone: Zone) -> None:
    """The zone's products or their order changed: pages showing the zone (kept by
    app.web.page_cache) are emptied in every app process with the commit."""
    cache_versions.bump("catalog")


def _renumber(zone: Zone, order: Sequence[int]) -> None:
    rows = {
        row.product_id: row
        for row in db.session.scalars(select(ZoneProduct).where(ZoneProduct.zone_id == zone.id))
    }
    for position, product_id in enumerate(order):
        rows[product_id].position = position
    db.session.flush()


def add(zone: Zone, product_id: int, actor: User | None) -> ZoneProduct:
    """Put the product last in the zone."""
    product = db.session.get(Product, product_id)
    if product is None or product.status in GONE:
        raise CurationRefused("product.unknown")
    if product_id in _order(zone):
        raise CurationRefused("product.in_zone")
    last = db.session.scalar(
        select(func.max(ZoneProduct.position)).where(ZoneProduct.zone_id == zone.id)
    )
    row = ZoneProduct(
        zone_id=zone.id, product_id=product_id, position=0 if last is None else last + 1
    )
    # added by a double click, or by two operators at the same moment (services.claims)
    with claims.claiming({"zone_products.product_id": lambda: CurationRefused("product.in_zone")}):
        db.session.add(row)
    audit.record(actor, "zone.product_added", zone, {"product": product_id, "after": _order(zone)})
    _shown_differently(zone)
    return row


def move(zone: Zone, product_id: int, offset: int, actor: User | None) -> None:
    """One place up (-1) or down (+1); at either end nothing changes."""
    before = _order(zone)
    if product_id not in before:
        raise CurationRefused("product.not_in_zone")
    after = zone_rules.moved(before, product_id, offset)
    if after == before:
        return
    _renumber(zone, after)
    _shown_differently(zone)
    audit.record(
        actor,
        "zone.product_moved",
        zone,
        {"product": product_id, "before": before, "after": after},
    )


def reorder(zone: Zone, wanted: Sequence[int], actor: User | None) -> None:
    """The whole order at once (a drag and drop). It must name exactly the zone's products."""
    before = _order(zone)
    after = zone_rules.rearranged(before, wanted)
    if after is None:
        raise CurationRefused("order.stale")
    if after == before:
        return
    _renumber(zone, after)
    _shown_differently(zone)
    audit.record(actor, "zone.products_reordered", zone, {"before": before, "after": after})


def remove(zone: Zone, product_id: int, actor: User | None) -> None:
    before = _order(zone)
    if product_id not in before:
        raise CurationRefused("product.not_in_zone")
    row = db.session.scalar(
        select(ZoneProduct).where(
            ZoneProduct.zone_id == zone.id, ZoneProduct.product_id == product_id
        )
    )
    db.session.delete(row)
    db.session.flush()
    _shown_differently(zone)
    audit.record(
        actor,
        "zone.product_removed",
        zone,
        {"product": product_id, "before": before, "after": _order(zone)},
    )
