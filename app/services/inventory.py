"""Stock has one owner: this module is the only writer of a variant's on-hand and reserved
units (DESIGN.md, Orders).

On hand is what the vendor says it has (the product form and the CSV `stock` column set it);
reserved is held by orders not yet shipped; available = on hand − reserved. Reserve, release,
ship and restock are single conditional UPDATEs, never read-then-write, so two buyers racing
for the last unit cannot both get it; setting on hand locks the row for the moment it takes.
Every movement is a row in the stock ledger, and each product's in-stock flag (what listings
and search filter on) follows its variants' available units.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import exists, select, update
from sqlalchemy.orm.util import identity_key

from app.extensions import db
from app.models import Product, StockMovement, Variant
from app.models.inventory import StockReason as Reason
from app.services.errors import StockBelowReserved


def available(variant: Variant) -> int:
    return variant.on_hand - variant.reserved


def _record(variant_id: int, reason: Reason, on_hand: int, reserved: int, actor, reference):
    db.session.add(
        StockMovement(
            variant_id=variant_id,
            reason=reason.value,
            on_hand_delta=on_hand,
            reserved_delta=reserved,
            actor_id=getattr(actor, "id", None),
            reference=(reference or None) and str(reference)[:64],
        )
    )


def stock_new(variant: Variant, on_hand: int) -> None:
    """The units a variant starts with, before it is first saved (see record_new)."""
    if variant.id is not None:
        raise ValueError("stock_new is for variants not yet saved; use set_on_hand")
    variant.on_hand, variant.reserved = on_hand, 0


def record_new(variants: Iterable[Variant], reason: Reason, actor=None, reference=None) -> None:
    """Ledger rows for variants saved with `stock_new` (after the flush gave them ids)."""
    for variant in variants:
        if variant.on_hand:
            _record(variant.id, reason, variant.on_hand, 0, actor, reference)


def set_on_hand(
    variant: Variant, on_hand: int, reason: Reason, actor=None, reference: str | None = None
) -> int:
    """What the vendor has, as the form or the CSV says. Returns the change.

    Raises StockBelowReserved (naming the reserved units) when fewer than are held by orders.
    """
    row = db.session.execute(
        select(Variant.on_hand, Variant.reserved).where(Variant.id == variant.id).with_for_update()
    ).one()
    if on_hand < row.reserved:
        raise StockBelowReserved(reserved=row.reserved, field="stock")
    delta = on_hand - row.on_hand
    if delta:
        db.session.execute(update(Variant).where(Variant.id == variant.id).values(on_hand=on_hand))
        _record(variant.id, reason, delta, 0, actor, reference)
    db.session.refresh(variant, ["on_hand", "reserved"])
    return delta


def _lock_product(variant_id: int) -> int | None:
    """Lock the variant's product, before its variant row: every movement takes the two in
    this order, and callers moving several variants at once go in (product, variant) order,
    so two transactions never wait for each other in a circle (PostgreSQL would abort one
    with "deadlock detected"). FOR NO KEY UPDATE, not FOR UPDATE: an order being placed
    holds a KEY SHARE lock on the product (its order lines' foreign key) that FOR UPDATE
    would wait for."""
    return db.session.scalar(
        select(Product.id)
        .join(Variant, Variant.product_id == Product.id)
        .where(Variant.id == variant_id)
        .with_for_update(of=Product, key_share=True)
    )


def _conditional(variant_id: int, condition, values: dict) -> bool:
    _lock_product(variant_id)
    result = db.session.execute(
        update(Variant)
        .where(Variant.id == variant_id, condition)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def reserve(variant_id: int, quantity: int, actor=None, reference: str | None = None) -> bool:
    """Hold `quantity` units for an order. False (and nothing changed) when fewer are
    available."""
    _positive(quantity)
    ok = _conditional(
        variant_id,
        Variant.on_hand - Variant.reserved >= quantity,
        {"reserved": Variant.reserved + quantity},
    )
    if ok:
        _record(variant_id, Reason.RESERVE, 0, quantity, actor, reference)
        _moved(variant_id)
    return ok


def release(variant_id: int, quantity: int, actor=None, reference: str | None = None) -> bool:
    """Give back units an order held (expired, cancelled before shipping)."""
    _positive(quantity)
    ok = _conditional(
        variant_id, Variant.reserved >= quantity, {"reserved": Variant.reserved - quantity}
    )
    if ok:
        _record(variant_id, Reason.RELEASE, 0, -quantity, actor, reference)
        _moved(variant_id)
    return ok


def ship(variant_id: int, quantity: int, actor=None, reference: str | None = None) -> bool:
    """Reserved units leave the warehouse: both numbers go down together."""
    _positive(quantity)
    ok = _conditional(
        variant_id,
        (Variant.reserved >= quantity) & (Variant.on_hand >= quantity),
        {"reserved": Variant.reserved - quantity, "on_hand": Variant.on_hand - quantity},
    )
    if ok:
        _record(variant_id, Reason.SHIP, -quantity, -quantity, actor, reference)
        _moved(variant_id)
    return ok


def restock(variant_id: int, quantity: int, actor=None, reference: str | None = None) -> bool:
    """Returned goods back on the shelf. False when the variant no longer exists."""
    _positive(quantity)
    ok = _conditional(variant_id, Variant.on_hand >= 0, {"on_hand": Variant.on_hand + quantity})
    if ok:
        _record(variant_id, Reason.RETURN_RESTOCK, quantity, 0, actor, reference)
        _moved(variant_id)
    return ok


def _positive(quantity: int) -> None:
    if type(quantity) is not int or quantity <= 0:
        raise ValueError("quantities are whole numbers above 0")


def _moved(variant_id: int) -> None:
    """A movement may take a product's last available unit, or give one back: listings,
    cards and search then follow (only when the product's in-stock flag really flips)."""
    from app.services.catalog import events as product_events

    # The product is locked (since the movement began): two orders taking the last unit of
    # two of its variants would otherwise each still see the other's unit (PostgreSQL reads
    # what was committed when the statement began) and leave it "in stock"; queued, the
    # second sees the first's change.
    product_id = _lock_product(variant_id)
    variant = db.session.identity_map.get(identity_key(Variant, variant_id))
    if variant is not None:
        db.session.expire(variant, ["on_hand", "reserved"])
    flipped = refresh_in_stock([product_id])
    if flipped:
        product_events.changed(flipped)


def refresh_in_stock(product_ids: Iterable[int]) -> list[int]:
    """Each product is in stock while any of its variants has units available (the SQL form
    of catalog_rules.listing_summary). Returns the products whose flag changed."""
    ids = sorted(set(product_ids))
    any_available = exists().where(
        Variant.product_id == Product.id, Variant.on_hand - Variant.reserved > 0
    )
    flipped: list[int] = []
    for start in range(0, len(ids), 900):
        flipped += db.session.scalars(
            update(Product)
            .where(Product.id.in_(ids[start : start + 900]), Product.in_stock != any_available)
            .values(in_stock=any_available)
            .returning(Product.id)
            .execution_options(synchronize_session=False)
        ).all()
    for product_id in flipped:
        product = db.session.identity_map.get(identity_key(Product, product_id))
        if product is not None:
            db.session.expire(product, ["in_stock"])
    return flipped
