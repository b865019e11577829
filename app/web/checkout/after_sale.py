"""What the order page says about each parcel after payment: its timeline (from the order's
event rows), the 7-day return window with its rule, the lines that cannot go back and why,
and the returns asked for with where they stand. The services give the rows; this module
puts them in the shopper's words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.domain import carriers
from app.domain.money import Money
from app.domain.order_states import ReturnStatus, VendorOrderStatus
from app.services.checkout import refunds
from app.services.orders import fulfilment, returns
from app.web.labels import EXEMPTIONS

RETURN_STATUSES = {
    ReturnStatus.REQUESTED: _l("Waiting for the shop's answer"),
    ReturnStatus.APPROVED: _l("Approved: please send the items back to the shop"),
    ReturnStatus.REJECTED: _l("Not accepted by the shop"),
    ReturnStatus.RECEIVED: _l("The shop has the items back: your refund is on its way"),
    ReturnStatus.REFUNDED: _l("Refunded"),
}

#: why a line cannot be asked back now (services.orders.returns.Returnable.refusal)
REFUSALS = {
    "not_delivered": _l("Not delivered yet"),
    "window_closed": _l("The 7-day return period has ended"),
    "all_returned": _l("Already being returned"),
}


@dataclass(frozen=True)
class Step:
    at: datetime
    text: str
    #: the carrier's tracking page, on the shipped step
    link: str | None = None


@dataclass(frozen=True)
class ReturnedLine:
    name: str
    quantity: int


@dataclass(frozen=True)
class ReturnView:
    request: object
    status: str
    status_label: str
    lines: list[ReturnedLine]
    refund: Money
    #: the shop's reason when it did not accept the return
    note: str | None


@dataclass(frozen=True)
class ParcelProgress:
    vendor_order: object
    vendor_name: str
    steps: list[Step]
    #: before (not delivered yet), open, closed, or none (cancelled)
    window: str
    deadline: datetime | None
    #: (line name, why it cannot be returned) for lines disclosed as exempt
    exempt: list[tuple[str, str]]
    #: units of this parcel the shopper may still ask back now
    returnable_units: int
    returns: list[ReturnView]

    @property
    def shipped(self) -> bool:
        return self.vendor_order.status == VendorOrderStatus.SHIPPED


@dataclass(frozen=True)
class AfterSale:
    parcels: list[ParcelProgress]
    #: refunded (or on the way back) to the shopper's card so far
    refunded: Money
    #: what the shopper paid, less those refunds
    net: Money

    @property
    def returnable_units(self) -> int:
        return sum(parcel.returnable_units for parcel in self.parcels)


def line_name(line) -> str:
    return line.product_name + (f" · {line.variant_label}" if line.variant_label else "")


def _status_step(event, parcel) -> str | None:
    to = event.to_status
    if to == VendorOrderStatus.PAID:
        return _("Paid")
    if to == VendorOrderStatus.ACCEPTED:
        return _("The shop accepted the order and is packing it")
    if to == VendorOrderStatus.SHIPPED:
        number = parcel.tracking_number or ""
        carrier = carriers.CARRIERS.get(parcel.carrier or "")
        if carrier is None or carrier.code == carriers.OTHER:
            return _("Shipped, tracking number %(number)s", number=number)
        return _(
            "Shipped with %(carrier)s, tracking number %(number)s",
            carrier=carrier.name,
            number=number,
        )
    if to == VendorOrderStatus.DELIVERED:
        return _("Delivered")
    if to == VendorOrderStatus.COMPLETED:
        return _("The 7-day return period ended")
    if to == VendorOrderStatus.CANCELLED:
        if event.note:
            return _(
                "Cancelled: %(reason)s. The money for this parcel goes back to your card.",
                reason=event.note,
            )
        return _("Cancelled")
    return None


def _step_text(event, parcel) -> str | None:
    if event.kind == "status":
        return _status_step(event, parcel)
    if event.kind == "return_requested":
        return _("You asked to return items")
    if event.kind == "return_approved":
        return _("The shop approved your return: please send the items back")
    if event.kind == "return_rejected":
        return _("The shop did not accept your return: %(reason)s", reason=event.note)
    if event.kind == "return_received":
        return _("The shop received the returned items")
    if event.kind == "return_refunded":
        return _("Your refund was sent to your card")
    return None


def _steps(order, parcel, events) -> list[Step]:
    steps = [Step(order.created_at, _("Order placed"))]
    for event in events:
        if event.vendor_order_id != parcel.id:
            continue
        text = _step_text(event, parcel)
        if text is None:
            continue
        link = None
        if event.kind == "status" and event.to_status == VendorOrderStatus.SHIPPED:
            link = carriers.tracking_link(parcel.carrier, parcel.tracking_number)
        steps.append(Step(event.created_at, text, link))
    return steps


def _window(parcel, entries) -> tuple[str, datetime | None]:
    if parcel.status == VendorOrderStatus.CANCELLED:
        return "none", None
    if parcel.delivered_at is None:
        return "before", None
    deadline = next((e.deadline for e in entries if e.deadline), None)
    closed = any(e.refusal == "window_closed" for e in entries) or (
        parcel.status == VendorOrderStatus.COMPLETED
    )
    return ("closed" if closed else "open"), deadline


def _return_view(requested, lines_by_id, currency) -> ReturnView:
    return ReturnView(
        request=requested,
        status=requested.status,
        status_label=str(RETURN_STATUSES.get(requested.status, requested.status)),
        lines=[
            ReturnedLine(line_name(lines_by_id[rl.order_line_id]), rl.quantity)
            for rl in requested.lines
        ],
        refund=Money(requested.refund_minor, currency),
        note=requested.decision_note if requested.status == ReturnStatus.REJECTED else None,
    )


def for_order(order, receipt) -> AfterSale:
    """The order page's parcels, from the receipt's parcels and events."""
    entries = returns.returnable(order)
    asked = returns.of_order(order)
    lines_by_id = {line.id: line for parcel in receipt.parcels for line in parcel.lines}
    shown = []
    for parcel in receipt.parcels:
        vendor_order = parcel.vendor_order
        mine = [e for e in entries if e.line.vendor_order_id == vendor_order.id]
        window, deadline = _window(vendor_order, mine)
        shown.append(
            ParcelProgress(
                vendor_order=vendor_order,
                vendor_name=parcel.vendor_name,
                steps=_steps(order, vendor_order, receipt.events),
                window=window,
                deadline=deadline,
                exempt=[
                    (line_name(line), str(EXEMPTIONS.get(line.exemption, line.exemption)))
                    for line in parcel.lines
                    if line.exemption
                ],
                returnable_units=sum(e.units for e in mine),
                returns=[
                    _return_view(r, lines_by_id, order.currency)
                    for r in asked
                    if r.vendor_order_id == vendor_order.id
                ],
            )
        )
    payment = fulfilment.paid_payment(order)
    refunded = refunds.refunded(payment) if payment is not None else 0
    return AfterSale(
        shown, Money(refunded, order.currency), Money(order.total_minor - refunded, order.currency)
    )
