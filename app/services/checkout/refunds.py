"""Refunds, decided by the store's own ledger and carried out after the commit.

`request` writes a pending refund row and an outbox delivery in the caller's transaction; the
delivery (`execute`) asks Stripe once, with the row's key as idempotency key and as metadata
(localstripe ignores idempotency keys, so an earlier refund with the key is looked up first).
A Stripe error leaves the row pending with the error, and the outbox retries it.
"""

from __future__ import annotations

from sqlalchemy import func, select

from app.domain.money import minor_unit
from app.extensions import db
from app.integrations import stripe_payments as stripe
from app.models import Order, Payment, Refund
from app.models.payment import RefundStatus
from app.services import outbox


def refunded(payment: Payment) -> int:
    """Minor units already refunded or on their way back for a payment."""
    # int(): PostgreSQL sums a bigint column as numeric (a Decimal in Python)
    return int(
        db.session.scalar(
            select(func.coalesce(func.sum(Refund.amount_minor), 0)).where(
                Refund.payment_id == payment.id,
                Refund.status != RefundStatus.FAILED,
            )
        )
        or 0
    )


def request(order: Order, payment: Payment, amount_minor: int, reason: str, key: str | None = None):
    """Decide a refund of `amount_minor` of a payment. Never more than is left of it: the
    ledger keeps the total of all refunds within what was paid. Returns the refund row."""
    left = payment.amount_minor - refunded(payment)
    amount = min(amount_minor, left)
    if amount <= 0:
        return None
    refund = Refund(
        order_id=order.id,
        payment_id=payment.id,
        amount_minor=amount,
        currency=payment.currency,
        reason=reason,
        idempotency_key=key or f"{payment.intent_id}-{reason}",
        status=RefundStatus.PENDING.value,
    )
    db.session.add(refund)
    db.session.flush()
    outbox.add("refund", {"refund_id": refund.id})
    return refund


def execute(payload: dict) -> None:
    """Outbox handler: carry out a pending refund at Stripe, once. Raises to be retried."""
    refund = db.session.get(Refund, payload["refund_id"])
    if refund is None or refund.status != RefundStatus.PENDING:
        return
    payment = db.session.get(Payment, refund.payment_id)
    amount = stripe.stripe_amount(refund.amount_minor, refund.currency, minor_unit(refund.currency))
    try:
        refund.stripe_refund_id = stripe.refund(payment.intent_id, amount, refund.idempotency_key)
    except stripe.StripeFailure as failure:
        refund.error = str(failure)[:2000]
        raise
    refund.status = RefundStatus.SUCCEEDED.value
    refund.error = None
    from app.services.orders import returns

    returns.refund_done(refund.id)
