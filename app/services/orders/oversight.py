"""What operators look after once orders are paid: returns that vendors leave waiting (and
every open return), refunds Stripe refused, and what the store owes each vendor.

Operators act through the same services vendors use, with the operator's role, and each of
their actions here leaves an audit row (a payout's is written by earnings.record_payout).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from app.domain.order_states import OPEN_RETURNS, Actor
from app.extensions import db
from app.models import Order, OrderLine, Refund, ReturnRequest, Vendor, VendorOrder
from app.models.outbox import OutboxMessage, OutboxStatus
from app.models.payment import RefundStatus
from app.services import audit, clock, outbox
from app.services.errors import InvalidTransition
from app.services.orders import earnings, returns

#: rows a page shows at most (these lists are short when the store runs well)
LIMIT = 200

# -- returns ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReturnRow:
    request: ReturnRequest
    order: Order
    vendor: Vendor
    #: (order line, units asked back) per line of the return
    lines: list[tuple[OrderLine, int]]
    #: waiting for the vendor's decision for longer than returns.VENDOR_DECIDES_WITHIN
    overdue: bool
    #: how long since the shopper asked
    age: timedelta


def open_returns(now: datetime | None = None) -> list[ReturnRow]:
    """Every open return, oldest first, with what a page shows of it (constant queries)."""
    now = now or clock.now()
    found = list(
        db.session.scalars(
            select(ReturnRequest)
            .where(ReturnRequest.status.in_(OPEN_RETURNS))
            .order_by(ReturnRequest.requested_at, ReturnRequest.id)
            .options(selectinload(ReturnRequest.lines), selectinload(ReturnRequest.photos))
            .limit(LIMIT)
        )
    )
    if not found:
        return []
    late = {r.id for r in returns.overdue(now)}
    orders = {
        o.id: o
        for o in db.session.scalars(select(Order).where(Order.id.in_({r.order_id for r in found})))
    }
    vendor_of = dict(
        db.session.execute(
            select(VendorOrder.id, Vendor)
            .join(Vendor, Vendor.id == VendorOrder.vendor_id)
            .where(VendorOrder.id.in_({r.vendor_order_id for r in found}))
        ).all()
    )
    line_ids = {rl.order_line_id for r in found for rl in r.lines}
    lines = {
        line.id: line
        for line in db.session.scalars(select(OrderLine).where(OrderLine.id.in_(line_ids)))
    }
    return [
        ReturnRow(
            request=r,
            order=orders[r.order_id],
            vendor=vendor_of[r.vendor_order_id],
            lines=[(lines[rl.order_line_id], rl.quantity) for rl in r.lines],
            overdue=r.id in late,
            age=now - r.requested_at,
        )
        for r in found
    ]


def decide_return(requested: ReturnRequest, approve: bool, operator, note: str = "") -> None:
    """An operator approves or rejects a return in the vendor's place. Raises ReturnRefused
    (return.decision_reason: a rejection needs a reason) and InvalidTransition."""
    returns.decide(requested, approve, operator, Actor.OPERATOR, note)
    audit.record(
        operator,
        "return.approved" if approve else "return.rejected",
        requested,
        {"order_id": requested.order_id, "note": requested.decision_note or ""},
    )


def receive_return(requested: ReturnRequest, operator) -> None:
    """An operator confirms the goods are back (the refund follows after the commit).
    Raises InvalidTransition."""
    returns.receive(requested, operator, Actor.OPERATOR)
    audit.record(
        operator,
        "return.received",
        requested,
        {"order_id": requested.order_id, "refund_id": requested.refund_id},
    )


# -- refunds ----------------------------------------------------------------------------------


def _refund_id():
    return OutboxMessage.payload["refund_id"].as_integer()


@dataclass(frozen=True)
class RefundRow:
    refund: Refund
    order_ref: str
    #: its delivery (the outbox row that asks Stripe), None when there is none
    message: OutboxMessage | None

    @property
    def error(self) -> str:
        """Stripe's answer when it refused, else the delivery's last error."""
        return self.refund.error or (self.message.last_error if self.message else "") or ""

    @property
    def delivery_failed(self) -> bool:
        return self.message is not None and self.message.status == OutboxStatus.FAILED


def _messages(refund_ids) -> dict[int, OutboxMessage]:
    """The latest delivery of each refund."""
    found: dict[int, OutboxMessage] = {}
    for message in db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.kind == "refund", _refund_id().in_(list(refund_ids)))
        .order_by(OutboxMessage.id)
    ):
        found[message.payload["refund_id"]] = message
    return found


def refunds_in_trouble() -> list[RefundRow]:
    """Refunds still pending after Stripe refused them (with the error), or whose delivery
    gave up after its last attempt; oldest first."""
    failed_delivery = select(_refund_id()).where(
        OutboxMessage.kind == "refund", OutboxMessage.status == OutboxStatus.FAILED.value
    )
    rows = db.session.execute(
        select(Refund, Order.ref)
        .join(Order, Order.id == Refund.order_id)
        .where(
            Refund.status == RefundStatus.PENDING.value,
            or_(Refund.error.is_not(None), Refund.id.in_(failed_delivery)),
        )
        .order_by(Refund.id)
        .limit(LIMIT)
    ).all()
    messages = _messages(refund.id for refund, _ref in rows) if rows else {}
    return [RefundRow(refund, ref, messages.get(refund.id)) for refund, ref in rows]


def retry_refund(refund: Refund, operator) -> OutboxMessage:
    """Ask Stripe again, after the commit. Safe to repeat: the delivery refunds only a refund
    still pending, and Stripe is asked with the refund's own key (an earlier refund with it is
    found instead of refunding twice). Raises InvalidTransition: transition.stale when the
    refund is no longer pending, or its delivery is running right now."""
    if refund.status != RefundStatus.PENDING:
        raise InvalidTransition("transition.stale", status=refund.status, wanted="retry")
    message = _messages([refund.id]).get(refund.id)
    if (
        message is not None
        and message.status == OutboxStatus.SENDING
        and message.claimed_until is not None
        and message.claimed_until > clock.now()
    ):
        raise InvalidTransition("transition.stale", status=OutboxStatus.SENDING, wanted="retry")
    if message is None:
        message = outbox.add("refund", {"refund_id": refund.id})
    else:
        outbox.retry(message)
    audit.record(
        operator,
        "refund.retried",
        refund,
        {"order_id": refund.order_id, "error": refund.error or message.last_error or ""},
    )
    return message


# -- payouts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class VendorBalance:
    vendor: Vendor
    balance: earnings.Balance


def vendor_balances() -> list[VendorBalance]:
    """Every vendor with a ledger, by name, with what is pending, payable and the balance."""
    found = earnings.balances()
    if not found:
        return []
    vendors = db.session.scalars(
        select(Vendor).where(Vendor.id.in_(list(found))).order_by(Vendor.name_en, Vendor.id)
    )
    return [VendorBalance(vendor, found[vendor.id]) for vendor in vendors]
