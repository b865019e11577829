"""An order's timeline: one small function writes a row per event (after Saleor's order
events); the order page and support read them."""

from __future__ import annotations

from app.extensions import db
from app.models import Order, OrderEvent, VendorOrder


def record(
    order: Order,
    kind: str,
    *,
    vendor_order: VendorOrder | None = None,
    from_status: str | None = None,
    to_status: str | None = None,
    actor=None,
    note: str = "",
) -> OrderEvent:
    event = OrderEvent(
        order_id=order.id,
        vendor_order_id=vendor_order.id if vendor_order else None,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        actor_id=getattr(actor, "id", None),
        note=note[:2000],
    )
    db.session.add(event)
    return event
