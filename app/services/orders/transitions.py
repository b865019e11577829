"""The one writer of vendor order statuses. Every move is checked against the transition
table (domain.order_states) for who makes it, made with a conditional UPDATE on the status it
starts from (two people acting at once: one wins, the other is told), recorded as an event,
and told to the shopper by mail in their language."""

from __future__ import annotations

from sqlalchemy import update

from app.domain.order_states import Actor, VendorOrderStatus, vendor_order_move_allowed
from app.extensions import db
from app.models import Order, VendorOrder
from app.services import clock, outbox
from app.services.checkout import events, queries
from app.services.errors import InvalidTransition

#: when each status is reached, stamped on the vendor order
STAMPS = {
    VendorOrderStatus.ACCEPTED: "accepted_at",
    VendorOrderStatus.SHIPPED: "shipped_at",
    VendorOrderStatus.DELIVERED: "delivered_at",
    VendorOrderStatus.COMPLETED: "completed_at",
}
#: the shopper hears about these (paid has its own confirmation mail)
MAILED = frozenset(
    {
        VendorOrderStatus.ACCEPTED,
        VendorOrderStatus.SHIPPED,
        VendorOrderStatus.DELIVERED,
        VendorOrderStatus.CANCELLED,
    }
)


def move(
    vendor_order: VendorOrder,
    to: str,
    actor=None,
    role: str = Actor.SYSTEM,
    note: str = "",
    **fields,
) -> None:
    """Move a vendor order to `to`, setting `fields` with it. Raises InvalidTransition
    (code transition.refused when the table does not allow it for `role`, transition.stale
    when someone else moved it first); nothing changes then."""
    current = vendor_order.status
    if not vendor_order_move_allowed(current, to, role):
        raise InvalidTransition("transition.refused", status=current, wanted=to)
    now = clock.now()
    values = {"status": to, "updated_at": now, **fields}
    if to in STAMPS:
        values[STAMPS[to]] = now
    moved = db.session.execute(
        update(VendorOrder)
        .where(VendorOrder.id == vendor_order.id, VendorOrder.status == current)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(vendor_order)
    if moved.rowcount != 1:
        raise InvalidTransition("transition.stale", status=vendor_order.status, wanted=to)
    order = db.session.get(Order, vendor_order.order_id)
    events.record(
        order,
        "status",
        vendor_order=vendor_order,
        from_status=current,
        to_status=to,
        actor=actor,
        note=note,
    )
    if to in MAILED and order.email:
        outbox.mail(
            order.email,
            f"mail/parcel_{to}.txt",
            order.language,
            order=order,
            vendor_order=vendor_order,
            vendor_name=vendor_order.vendor.display_name(
                "zh_Hant" if order.language == "zh-hant" else "en"
            ),
            tracking=_tracking(vendor_order),
            note=note,
            link=queries.link(order),
        )


def _tracking(vendor_order: VendorOrder) -> str | None:
    from app.domain import carriers

    return carriers.tracking_link(vendor_order.carrier, vendor_order.tracking_number)
