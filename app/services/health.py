"""Operations health: what is stuck or waiting behind the storefront. Deliveries in the outbox
(pending, and failed ones kept with their error, which an operator may retry), Stripe webhooks
received and what handling them did, exchange rates older than 7 days, vendors waiting for a
decision and returns vendors have left for more than 3 days.

Each list is one statement (or two), whatever is in the tables, and shows at most LIMIT rows.
An operator's retry is audited with the delivery's state before and after.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice

from sqlalchemy import func, select

from app.extensions import db
from app.models import Order, ReturnRequest, Vendor, VendorOrder
from app.models.outbox import OutboxMessage, OutboxStatus
from app.models.payment import StripeEvent
from app.models.vendor import VendorStatus
from app.services import audit, clock, outbox, rates
from app.services.errors import InvalidTransition
from app.services.orders import returns

#: rows a list shows at most (they are short while the store runs well)
LIMIT = 50
#: webhooks are counted over this period
WEBHOOK_PERIOD = timedelta(days=1)


@dataclass(frozen=True)
class Summary:
    """What the console's first page says about health."""

    failed_deliveries: int
    overdue_returns: int


def summary(now: datetime | None = None) -> Summary:
    failed = db.session.scalar(
        select(func.count())
        .select_from(OutboxMessage)
        .where(OutboxMessage.status == OutboxStatus.FAILED.value)
    )
    # the rule of what is overdue is the returns service's; there are few such returns
    return Summary(failed_deliveries=failed, overdue_returns=len(returns.overdue(now)))


@dataclass(frozen=True)
class OverdueReturn:
    request: ReturnRequest
    order_ref: str
    vendor_name: str
    #: how long the vendor has left it
    waiting: timedelta


@dataclass(frozen=True)
class Health:
    #: deliveries per status (pending, sending, sent, failed)
    counts: dict[str, int]
    #: waiting to be sent, oldest first
    pending: list[OutboxMessage]
    #: given up after the last attempt, newest first
    failed: list[OutboxMessage]
    #: the latest webhooks, newest first
    webhooks: list[StripeEvent]
    #: webhooks received within WEBHOOK_PERIOD, per outcome
    webhook_outcomes: dict[str, int]
    #: (currency, as-of date of the rate in force or None) older than 7 days
    stale_rates: list
    #: vendors waiting for a decision, the longest waiting first, and how many in all
    applications: list[Vendor]
    applications_count: int
    overdue_returns: list[OverdueReturn]


def _pending() -> list[OutboxMessage]:
    return list(
        db.session.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.status.in_([OutboxStatus.PENDING.value, OutboxStatus.SENDING.value])
            )
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(LIMIT)
        )
    )


def _webhooks(now: datetime) -> tuple[list[StripeEvent], dict[str, int]]:
    latest = list(
        db.session.scalars(
            select(StripeEvent)
            .order_by(StripeEvent.received_at.desc(), StripeEvent.id)
            .limit(LIMIT)
        )
    )
    outcomes = dict(
        db.session.execute(
            select(StripeEvent.outcome, func.count())
            .where(StripeEvent.received_at >= now - WEBHOOK_PERIOD)
            .group_by(StripeEvent.outcome)
            .order_by(func.count().desc(), StripeEvent.outcome)
        ).all()
    )
    return latest, outcomes


def _applications() -> tuple[list[Vendor], int]:
    waiting = Vendor.status == VendorStatus.PENDING.value
    rows = list(
        db.session.scalars(
            select(Vendor).where(waiting).order_by(Vendor.created_at, Vendor.id).limit(LIMIT)
        )
    )
    count = len(rows)
    if count == LIMIT:
        count = db.session.scalar(select(func.count()).select_from(Vendor).where(waiting))
    return rows, count


def _overdue(now: datetime) -> list[OverdueReturn]:
    late = list(islice(returns.overdue(now), LIMIT))
    if not late:
        return []
    found = {
        request_id: (ref, name)
        for request_id, ref, name in db.session.execute(
            select(ReturnRequest.id, Order.ref, Vendor.name_en)
            .join(Order, Order.id == ReturnRequest.order_id)
            .join(VendorOrder, VendorOrder.id == ReturnRequest.vendor_order_id)
            .join(Vendor, Vendor.id == VendorOrder.vendor_id)
            .where(ReturnRequest.id.in_([r.id for r in late]))
        )
    }
    return [OverdueReturn(r, found[r.id][0], found[r.id][1], now - r.requested_at) for r in late]


def overview(now: datetime | None = None) -> Health:
    """Everything the health page shows (a fixed number of statements)."""
    now = now or clock.now()
    webhooks, outcomes = _webhooks(now)
    applications, applications_count = _applications()
    return Health(
        counts=outbox.counts(),
        pending=_pending(),
        failed=outbox.failures(LIMIT),
        webhooks=webhooks,
        webhook_outcomes=outcomes,
        stale_rates=rates.stale(),
        applications=applications,
        applications_count=applications_count,
        overdue_returns=_overdue(now),
    )


def retry_delivery(message: OutboxMessage, operator) -> None:
    """An operator sends a failed delivery again: due now, with a fresh set of attempts (it
    is delivered after the commit). Raises InvalidTransition (transition.stale) when the
    message is no longer failed (retried in another tab, or sent meanwhile)."""
    if message.status != OutboxStatus.FAILED.value:
        raise InvalidTransition("transition.stale", status=message.status, wanted="retry")
    before = {
        "status": message.status,
        "attempts": message.attempts,
        "last_error": message.last_error,
    }
    outbox.retry(message)
    audit.record(
        operator,
        "outbox.retried",
        message,
        {
            "kind": message.kind,
            "before": before,
            "after": {"status": message.status, "attempts": message.attempts},
        },
    )
