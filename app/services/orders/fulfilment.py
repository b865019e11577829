"""Vendors fulfil their parcels: see them (new paid ones first), accept, ship with a carrier
and tracking number, mark delivered, or cancel before shipping (refunded at once, stock back on
sale). Every status change goes through orders.transitions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import selectinload

from app.domain import carriers
from app.domain.ids import parse_id
from app.domain.order_states import OPEN_RETURNS, Actor, VendorOrderStatus
from app.extensions import db
from app.models import (
    Order,
    OrderEvent,
    OrderLine,
    Payment,
    ReturnRequest,
    Vendor,
    VendorOrder,
)
from app.models.payment import PaymentStatus
from app.services import clock, inventory
from app.services.checkout import refunds
from app.services.errors import FulfilmentRefused, NotFound
from app.services.orders import earnings, transitions

PER_PAGE = 50
#: the order the portal lists parcels in: what needs the vendor first
URGENCY = [
    VendorOrderStatus.PAID,
    VendorOrderStatus.ACCEPTED,
    VendorOrderStatus.SHIPPED,
    VendorOrderStatus.DELIVERED,
    VendorOrderStatus.COMPLETED,
    VendorOrderStatus.CANCELLED,
]
#: statuses a vendor sees (an unpaid order is not theirs to act on yet)
VISIBLE = tuple(URGENCY)


def vendor_order(vendor: Vendor, vendor_order_id: int) -> VendorOrder:
    """One of the vendor's own paid parcels. Raises NotFound for anyone else's."""
    found = db.session.scalar(
        select(VendorOrder).where(
            VendorOrder.id == vendor_order_id,
            VendorOrder.vendor_id == vendor.id,
            VendorOrder.status.in_(VISIBLE),
        )
    )
    if found is None:
        raise NotFound()
    return found


@dataclass(frozen=True)
class Listed:
    vendor_order: VendorOrder
    order: Order


def _cursor(after: str | None) -> tuple[int, int] | None:
    """(rank, id) from a "rank-id" cursor in a URL; None when it is not one."""
    rank, _, last = (after or "").partition("-")
    if not (rank.isascii() and rank.isdigit() and int(rank) < len(URGENCY)):
        return None
    last_id = parse_id(last)
    return (int(rank), last_id) if last_id else None


def for_vendor(
    vendor: Vendor, status: str | None = None, ref: str | None = None, after: str | None = None
) -> tuple[list[Listed], str | None]:
    """The vendor's parcels, new paid ones first, then by status and newest; filtered by
    status and searched by order reference. Returns a page and the cursor of the next page
    ("rank-id": the keyset follows the listing's own order, status rank then id)."""
    rank = case({s.value: n for n, s in enumerate(URGENCY)}, value=VendorOrder.status)
    stmt = (
        select(VendorOrder, Order)
        .join(Order, Order.id == VendorOrder.order_id)
        .where(VendorOrder.vendor_id == vendor.id, VendorOrder.status.in_(VISIBLE))
        .order_by(rank, VendorOrder.id.desc())
        .options(selectinload(VendorOrder.lines))
    )
    if status in VISIBLE:
        stmt = stmt.where(VendorOrder.status == status)
    if ref and ref.strip():
        # autoescape: a "%" or "_" typed in the box is a character, not a wildcard
        stmt = stmt.where(func.upper(Order.ref).contains(ref.strip().upper()[:20], autoescape=True))
    cursor = _cursor(after)
    if cursor is not None:
        last_rank, last_id = cursor
        stmt = stmt.where(or_(rank > last_rank, and_(rank == last_rank, VendorOrder.id < last_id)))
    rows = db.session.execute(stmt.limit(PER_PAGE + 1)).all()
    listed = [Listed(vo, order) for vo, order in rows[:PER_PAGE]]
    if len(rows) <= PER_PAGE:
        return listed, None
    last = listed[-1].vendor_order
    return listed, f"{URGENCY.index(VendorOrderStatus(last.status))}-{last.id}"


def accept(parcel: VendorOrder, actor, role: str = Actor.VENDOR) -> None:
    transitions.move(parcel, VendorOrderStatus.ACCEPTED, actor, role)


def ship(parcel: VendorOrder, carrier: str, number: str, actor, role: str = Actor.VENDOR):
    """Raises FulfilmentRefused (carrier.unknown, tracking.required, tracking.format) or
    InvalidTransition. The reserved units leave the stock."""
    order = db.session.get(Order, parcel.order_id)
    refusal = carriers.check_tracking(carrier, number, order.market_code)
    if refusal:
        raise FulfilmentRefused(
            refusal, field="tracking_number" if "tracking" in refusal else "carrier"
        )
    transitions.move(
        parcel,
        VendorOrderStatus.SHIPPED,
        actor,
        role,
        carrier=carrier,
        tracking_number=carriers.normalise_number(number),
    )
    for line in parcel.lines:
        inventory.ship(line.variant_id, line.quantity, actor, order.ref)


def deliver(parcel: VendorOrder, actor, role: str) -> None:
    """The shopper has it (they, the vendor or an operator say so): the 7-day cooling-off
    period starts now."""
    transitions.move(parcel, VendorOrderStatus.DELIVERED, actor, role)


def cancel(parcel: VendorOrder, reason: str, actor, role: str = Actor.VENDOR) -> None:
    """Cancel before shipping: the parcel's money goes back through Stripe, its stock goes
    back on sale and its earnings are taken back. Raises FulfilmentRefused (cancel.reason) or
    InvalidTransition."""
    reason = (reason or "").strip()
    if not reason:
        raise FulfilmentRefused("cancel.reason", field="reason")
    order = db.session.get(Order, parcel.order_id)
    transitions.move(
        parcel, VendorOrderStatus.CANCELLED, actor, role, note=reason, cancel_reason=reason[:2000]
    )
    for line in parcel.lines:
        inventory.release(line.variant_id, line.quantity, actor, order.ref)
        earnings.reverse_all(line)
    payment = paid_payment(order)
    if payment is not None:
        refunds.request(
            order, payment, parcel.total_minor, "parcel_cancelled", key=f"vo-{parcel.id}-cancel"
        )


def paid_payment(order: Order) -> Payment | None:
    return db.session.scalar(
        select(Payment)
        .where(Payment.order_id == order.id, Payment.status == PaymentStatus.SUCCEEDED)
        .order_by(Payment.id)
    )


def complete_due(now: datetime | None = None, limit: int = 500) -> int:
    """Parcels delivered more than 7 days ago with no return open become completed: their
    earnings are payable. Safe from cron and the worker. Returns how many."""
    from app.domain import cooling_off

    now = now or clock.now()
    open_return = (
        select(ReturnRequest.id)
        .where(
            ReturnRequest.vendor_order_id == VendorOrder.id, ReturnRequest.status.in_(OPEN_RETURNS)
        )
        .exists()
    )
    due = db.session.scalars(
        select(VendorOrder)
        .where(
            VendorOrder.status == VendorOrderStatus.DELIVERED,
            VendorOrder.delivered_at < now - cooling_off.WINDOW,
            ~open_return,
        )
        .limit(limit)
    ).all()
    done = 0
    for parcel in due:
        transitions.move(parcel, VendorOrderStatus.COMPLETED)
        done += 1
    return done


def packing_lines(parcel: VendorOrder) -> list[OrderLine]:
    return list(parcel.lines)


def order_of(parcel: VendorOrder) -> Order:
    return db.session.get(Order, parcel.order_id)


def timeline(parcel: VendorOrder) -> list[OrderEvent]:
    """The parcel's events, oldest first: status changes and its returns."""
    return list(
        db.session.scalars(
            select(OrderEvent)
            .where(OrderEvent.vendor_order_id == parcel.id)
            .order_by(OrderEvent.id)
        )
    )


def waiting_count(vendor: Vendor) -> int:
    return (
        db.session.scalar(
            select(func.count())
            .select_from(VendorOrder)
            .where(VendorOrder.vendor_id == vendor.id, VendorOrder.status == VendorOrderStatus.PAID)
        )
        or 0
    )
