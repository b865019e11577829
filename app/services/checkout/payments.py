"""Paying an order through Stripe: its PaymentIntent, the card the shopper gives, and the
signed webhook events that alone mark an order paid."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from sqlalchemy import func, select

from app.domain.money import minor_unit
from app.domain.order_states import OrderStatus
from app.extensions import db
from app.integrations import stripe_payments as stripe
from app.models import Order, Payment, StripeEvent
from app.models.payment import PaymentStatus
from app.services import clock, outbox
from app.services.errors import NotPayable, PaymentUnavailable


def stripe_amount(order: Order) -> int:
    return stripe.stripe_amount(order.total_minor, order.currency, minor_unit(order.currency))


def open_payment(order: Order) -> Payment | None:
    return db.session.scalar(
        select(Payment).where(
            Payment.order_id == order.id,
            Payment.intent_id == order.payment_intent_id,
            Payment.status == PaymentStatus.OPEN,
        )
    )


def open_intent(order: Order) -> Payment:
    """A new PaymentIntent for exactly the order's total in its currency, stored on the order
    in the caller's transaction before anyone can confirm it. Earlier open intents of the
    order are cancelled (after the commit, through the outbox). Raises PaymentUnavailable."""
    for earlier in db.session.scalars(
        select(Payment).where(Payment.order_id == order.id, Payment.status == PaymentStatus.OPEN)
    ):
        cancel(earlier)
    attempt = (
        db.session.scalar(
            select(func.count()).select_from(Payment).where(Payment.order_id == order.id)
        )
        or 0
    ) + 1
    amount = stripe_amount(order)
    try:
        intent = stripe.create_intent(
            amount,
            order.currency,
            {"order_ref": order.ref},
            idempotency_key=f"{order.ref}-intent-{attempt}",
            methods=current_app.config["STRIPE_PAYMENT_METHODS"].get(order.market_code),
        )
    except stripe.StripeFailure as failure:
        raise PaymentUnavailable(detail=str(failure)) from None
    if (intent.amount, intent.currency) != (amount, order.currency):
        # never let the currency or amount drift between the order and the payment
        raise PaymentUnavailable(detail=f"intent {intent.id} is {intent.amount} {intent.currency}")
    payment = Payment(
        order_id=order.id,
        intent_id=intent.id,
        amount_minor=order.total_minor,
        currency=order.currency,
        status=PaymentStatus.OPEN.value,
    )
    db.session.add(payment)
    order.payment_intent_id = intent.id
    db.session.flush()
    return payment


def cancel(payment: Payment) -> None:
    """Stop an open intent: here at once, at Stripe after the commit."""
    if payment.status == PaymentStatus.OPEN:
        payment.status = PaymentStatus.CANCELLED.value
        outbox.add("stripe_cancel", {"intent_id": payment.intent_id})


def card_form_secret() -> str:
    """A SetupIntent's client secret for the payment page's card form."""
    try:
        return stripe.create_setup()
    except stripe.StripeFailure as failure:
        raise PaymentUnavailable(detail=str(failure)) from None


@dataclass(frozen=True)
class Attempt:
    #: succeeded, processing, requires_action (3-D Secure in the browser) or declined
    status: str
    #: for requires_action: what the browser confirms with
    client_secret: str | None = None
    #: for declined: Stripe's code (card_declined, expired_card, ...)
    code: str | None = None


def pay(order: Order, payment_method: str) -> Attempt:
    """Charge the card the shopper gave to the order's open intent. A declined card keeps the
    order (and its reservation) payable with another card: the intent is replaced. Only the
    webhook marks the order paid. Raises NotPayable, PaymentUnavailable."""
    if order.status != OrderStatus.AWAITING_PAYMENT or order.expires_at <= clock.now():
        raise NotPayable(status=order.status)
    payment = open_payment(order) or open_intent(order)
    try:
        intent = stripe.confirm_with(payment.intent_id, payment_method)
    except stripe.StripeFailure as failure:
        if not failure.declined:
            raise PaymentUnavailable(detail=str(failure)) from None
        payment.last_error = (failure.code or "card_declined")[:64]
        open_intent(order)
        return Attempt("declined", code=payment.last_error)
    if intent.status == "requires_payment_method":  # refused without an error (3DS failed)
        payment.last_error = "authentication_failed"
        open_intent(order)
        return Attempt("declined", code=payment.last_error)
    return Attempt(intent.status, client_secret=intent.client_secret)


# -- webhook events ------------------------------------------------------------------------------


def seen(event_id: str) -> bool:
    return db.session.get(StripeEvent, event_id) is not None


def handle(event: dict) -> str:
    """Handle a verified event once: its id is stored with what handling did, and an event
    seen before changes nothing. Returns the outcome."""
    from app.services.checkout import lifecycle

    if seen(event["id"]):
        return "duplicate"
    row = StripeEvent(id=event["id"], type=event.get("type", "")[:64])
    db.session.add(row)
    db.session.flush()
    intent = (event.get("data") or {}).get("object") or {}
    kind = event.get("type")
    if kind == "payment_intent.succeeded":
        outcome = lifecycle.payment_succeeded(
            intent.get("id", ""), intent.get("amount"), (intent.get("currency") or "").upper()
        )
    elif kind == "payment_intent.payment_failed":
        error = intent.get("last_payment_error") or {}
        outcome = lifecycle.payment_failed(intent.get("id", ""), error.get("code"))
    else:
        outcome = "ignored"
    row.outcome = outcome[:200]
    return outcome
