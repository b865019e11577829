"""Returns in Taiwan's 7-day cooling-off period.

Within 7 days of delivery the shopper asks to return lines not disclosed as exempt (which
lines, how many, why, optional photos). The vendor approves or rejects (operators decide when
the vendor has not within 3 days); the shopper sends the goods back; the vendor confirms
receipt; the refund goes through Stripe for the returned lines and their share of import tax
(and the parcel's shipping when the whole parcel comes back); the units go back on sale and the
vendor's earning on them is taken back. Several partial returns on one order keep every total
right: each line's goods and tax are shared by whole units, and the ledger never refunds more
than was paid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import selectinload

from app.domain import cooling_off
from app.domain.earnings import share_of_units
from app.domain.order_states import OPEN_RETURNS, Actor, ReturnStatus, return_move_allowed
from app.domain.plain_text import clean
from app.extensions import db
from app.models import (
    Order,
    OrderLine,
    ReturnLine,
    ReturnPhoto,
    ReturnRequest,
    Vendor,
    VendorOrder,
)
from app.services import claims, clock, inventory, outbox
from app.services.checkout import events, queries, refunds
from app.services.errors import InvalidTransition, NotFound, ReturnRefused
from app.services.orders import earnings
from app.services.orders.fulfilment import paid_payment

#: operators step in when a vendor has not decided within this long
VENDOR_DECIDES_WITHIN = timedelta(days=3)
REASON_MAX = 2000
MAX_PHOTOS = 4


def _returned_by_line(line_ids: list[int], exclude_return: int | None = None) -> dict[int, int]:
    """Units asked back (returns not rejected) per order line, in one statement."""
    stmt = (
        select(ReturnLine.order_line_id, func.sum(ReturnLine.quantity))
        .join(ReturnRequest, ReturnRequest.id == ReturnLine.return_id)
        .where(
            ReturnLine.order_line_id.in_(line_ids),
            ReturnRequest.status != ReturnStatus.REJECTED,
        )
        .group_by(ReturnLine.order_line_id)
    )
    if exclude_return is not None:
        stmt = stmt.where(ReturnRequest.id != exclude_return)
    # int(): PostgreSQL sums a bigint column as numeric (a Decimal in Python)
    return {line_id: int(units or 0) for line_id, units in db.session.execute(stmt)}


@dataclass(frozen=True)
class Returnable:
    line: OrderLine
    #: units that may still be asked back now (0 when none)
    units: int
    #: why none can (exempt, not_delivered, window_closed, all_returned), else None
    refusal: str | None
    deadline: datetime | None


def returnable(order: Order, now: datetime | None = None) -> list[Returnable]:
    """Each line of the order and what the shopper may still return of it."""
    now = now or clock.now()
    returned = _returned_by_line([line.id for p in order.vendor_orders for line in p.lines])
    found = []
    for parcel in order.vendor_orders:
        for line in parcel.lines:
            refusal = cooling_off.refusal(line.exemption, parcel.delivered_at, now)
            left = line.quantity - returned.get(line.id, 0)
            if refusal is None and left <= 0:
                refusal = "all_returned"
            deadline = cooling_off.deadline(parcel.delivered_at) if parcel.delivered_at else None
            found.append(Returnable(line, 0 if refusal else left, refusal, deadline))
    return found


def _earlier(line: OrderLine) -> tuple[int, int]:
    """(units, tax) of the line in returns already asked for and not rejected."""
    units, tax = db.session.execute(
        select(
            func.coalesce(func.sum(ReturnLine.quantity), 0),
            func.coalesce(func.sum(ReturnLine.tax_minor), 0),
        )
        .join(ReturnRequest, ReturnRequest.id == ReturnLine.return_id)
        .where(
            ReturnLine.order_line_id == line.id,
            ReturnRequest.status != ReturnStatus.REJECTED,
        )
    ).one()
    # int(): PostgreSQL sums a bigint column as numeric (a Decimal in Python)
    return int(units), int(tax)


def _shares(line: OrderLine, units: int) -> tuple[int, int]:
    """(goods, tax) in minor units for `units` more of a line: goods at the unit price, tax as
    the line's share for all units asked back so far less what earlier returns carry (so the
    returns of a line add up to exactly its tax)."""
    earlier_units, earlier_tax = _earlier(line)
    goods = line.unit_price_minor * units
    tax = share_of_units(line.tax_minor, line.quantity, earlier_units + units) - earlier_tax
    return goods, tax


def check_photo_count(count: int) -> None:
    """A return shows the shop at most MAX_PHOTOS photos (asked before any is stored).
    Raises ReturnRefused (return.photos, params max)."""
    if count > MAX_PHOTOS:
        raise ReturnRefused("return.photos", field="photos", max=MAX_PHOTOS)


def request(
    order: Order,
    wanted: dict[int, int],
    reason: str,
    shopper=None,
    photos: list | None = None,
) -> ReturnRequest:
    """Ask to return `wanted` (order line id → units) of one parcel. Raises ReturnRefused
    (return.empty, return.reason, return.quantity, return.exempt, return.not_delivered,
    return.window_closed, return.parcels, return.photos) with the line it is about; nothing
    is saved then."""
    check_photo_count(len(photos or []))
    reason = clean(reason or "").strip()
    wanted = {line_id: units for line_id, units in wanted.items() if units}
    if not wanted:
        raise ReturnRefused("return.empty", field="lines")
    if not reason:
        raise ReturnRefused("return.reason", field="reason")
    # one return request of an order at a time: two sent at the same moment (a double click)
    # would each count the units left before the other asked for them, and ask for them twice
    # (SQLite's writers queue anyway)
    claims.one_at_a_time(order)
    lines = {r.line.id: r for r in returnable(order)}
    parcels = set()
    for line_id, units in wanted.items():
        entry = lines.get(line_id)
        if entry is None or type(units) is not int or units < 0:
            raise ReturnRefused("return.quantity", field="lines")
        if entry.refusal:
            raise ReturnRefused(
                f"return.{entry.refusal}", field="lines", name=entry.line.product_name
            )
        if units > entry.units:
            raise ReturnRefused(
                "return.quantity", field="lines", name=entry.line.product_name, max=entry.units
            )
        parcels.add(entry.line.vendor_order_id)
    if len(parcels) != 1:
        raise ReturnRefused("return.parcels", field="lines")
    parcel = db.session.get(VendorOrder, parcels.pop())
    requested = ReturnRequest(
        order_id=order.id,
        vendor_order_id=parcel.id,
        reason=reason[:REASON_MAX],
        refund_minor=0,
        status=ReturnStatus.REQUESTED.value,
    )
    total = 0
    for line_id, units in wanted.items():
        line = lines[line_id].line
        goods, tax = _shares(line, units)
        requested.lines.append(
            ReturnLine(order_line_id=line.id, quantity=units, goods_minor=goods, tax_minor=tax)
        )
        total += goods + tax
    for photo in photos or []:
        requested.photos.append(ReturnPhoto(key=photo.key, width=photo.width, height=photo.height))
    db.session.add(requested)
    db.session.flush()
    if _whole_parcel_back(parcel, requested):
        total += parcel.shipping_minor
    requested.refund_minor = total
    events.record(order, "return_requested", vendor_order=parcel, actor=shopper, note=reason)
    _tell_vendor(parcel, requested)
    return requested


def _whole_parcel_back(parcel: VendorOrder, this: ReturnRequest) -> bool:
    """This return brings back the last units of the parcel (its shipping is refunded too)."""
    earlier = _returned_by_line([line.id for line in parcel.lines], exclude_return=this.id)
    for line in parcel.lines:
        asked = sum(rl.quantity for rl in this.lines if rl.order_line_id == line.id)
        if earlier.get(line.id, 0) + asked < line.quantity:
            return False
    return True


def _tell_vendor(parcel: VendorOrder, requested: ReturnRequest) -> None:
    from app.services import vendors

    vendor = db.session.get(Vendor, parcel.vendor_id)
    owner = vendors.owner_of(vendor)
    if owner is not None:
        outbox.mail(
            owner.email,
            "mail/return_requested.txt",
            owner.preferred_language or "zh-hant",
            vendor=vendor,
            order=db.session.get(Order, parcel.order_id),
            request=requested,
        )


def for_vendor(vendor: Vendor, return_id: int) -> ReturnRequest:
    found = db.session.scalar(
        select(ReturnRequest)
        .join(VendorOrder, VendorOrder.id == ReturnRequest.vendor_order_id)
        .where(ReturnRequest.id == return_id, VendorOrder.vendor_id == vendor.id)
    )
    if found is None:
        raise NotFound()
    return found


def _move(requested: ReturnRequest, to: str, actor, role: str, note: str = "") -> None:
    """Raises InvalidTransition: transition.refused (not from this status, or not by this
    person), transition.stale (someone else moved it first; nothing changes then)."""
    current = requested.status
    if not return_move_allowed(current, to, role):
        raise InvalidTransition("transition.refused", status=current, wanted=to)
    # a conditional UPDATE on the status it starts from, as for parcels: two people confirming
    # receipt at once must not restock and refund twice
    moved = db.session.execute(
        update(ReturnRequest)
        .where(ReturnRequest.id == requested.id, ReturnRequest.status == current)
        .values(status=to)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(requested)
    if moved.rowcount != 1:
        raise InvalidTransition("transition.stale", status=requested.status, wanted=to)
    order = db.session.get(Order, requested.order_id)
    parcel = db.session.get(VendorOrder, requested.vendor_order_id)
    events.record(
        order,
        f"return_{to}",
        vendor_order=parcel,
        from_status=current,
        to_status=to,
        actor=actor,
        note=note,
    )
    if to in (ReturnStatus.APPROVED, ReturnStatus.REJECTED):
        requested.decided_at = clock.now()
        requested.decided_by_id = getattr(actor, "id", None)
        requested.decision_note = note or None
    outbox.mail(
        order.email,
        f"mail/return_{to}.txt",
        order.language,
        order=order,
        request=requested,
        note=note,
        link=queries.link(order),
    )


def decide(requested: ReturnRequest, approve: bool, actor, role: str, note: str = "") -> None:
    """The vendor's (or, after 3 days, an operator's) decision. A rejection says why."""
    note = clean(note or "").strip()[:REASON_MAX]
    if not approve and not note:
        raise ReturnRefused("return.decision_reason", field="note")
    _move(requested, ReturnStatus.APPROVED if approve else ReturnStatus.REJECTED, actor, role, note)


def receive(requested: ReturnRequest, actor, role: str = Actor.VENDOR) -> None:
    """The vendor has the goods back: the refund is asked for (carried out after the commit,
    once), the units go back on sale and the earning on them is taken back."""
    _move(requested, ReturnStatus.RECEIVED, actor, role)
    requested.received_at = clock.now()
    order = db.session.get(Order, requested.order_id)
    for returned in requested.lines:
        line = db.session.get(OrderLine, returned.order_line_id)
        inventory.restock(line.variant_id, returned.quantity, actor, order.ref)
        earnings.reverse_returned(line, returned.quantity, requested.id)
    payment = paid_payment(order)
    refund = refunds.request(
        order, payment, requested.refund_minor, "return", key=f"return-{requested.id}"
    )
    requested.refund_id = refund.id if refund else None


def refund_done(refund_id: int) -> None:
    """Called when a refund succeeded at Stripe: its return is refunded."""
    requested = db.session.scalar(select(ReturnRequest).where(ReturnRequest.refund_id == refund_id))
    if requested is not None and requested.status == ReturnStatus.RECEIVED:
        _move(requested, ReturnStatus.REFUNDED, None, Actor.SYSTEM)
        requested.refunded_at = clock.now()


def overdue(now: datetime | None = None) -> list[ReturnRequest]:
    """Returns waiting for a vendor's decision for more than 3 days: operators decide them."""
    now = now or clock.now()
    return list(
        db.session.scalars(
            select(ReturnRequest)
            .where(
                ReturnRequest.status == ReturnStatus.REQUESTED,
                ReturnRequest.requested_at < now - VENDOR_DECIDES_WITHIN,
            )
            .order_by(ReturnRequest.requested_at)
            .options(selectinload(ReturnRequest.lines))
        )
    )


def of_order(order: Order) -> list[ReturnRequest]:
    return list(
        db.session.scalars(
            select(ReturnRequest)
            .where(ReturnRequest.order_id == order.id)
            .order_by(ReturnRequest.id)
            .options(selectinload(ReturnRequest.lines), selectinload(ReturnRequest.photos))
        )
    )


def open_for_vendor(vendor: Vendor) -> list[ReturnRequest]:
    return list(
        db.session.scalars(
            select(ReturnRequest)
            .join(VendorOrder, VendorOrder.id == ReturnRequest.vendor_order_id)
            .where(VendorOrder.vendor_id == vendor.id, ReturnRequest.status.in_(OPEN_RETURNS))
            .order_by(ReturnRequest.requested_at)
            .options(selectinload(ReturnRequest.lines))
        )
    )
