"""Orders after payment, as the store's services move them (tests/paid_orders.py pays them):
delivered parcels, returns asked for, refunds Stripe refused, parcels whose earnings are
payable. Each step runs in its own unit of work, as the routes do."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta
from types import SimpleNamespace

from sqlalchemy import select

from app.domain import cooling_off
from app.domain.order_states import Actor
from app.extensions import db
from app.integrations import stripe_payments
from app.models import Order, OrderLine, Refund, ReturnRequest, Variant
from app.services.orders import fulfilment, returns
from app.transaction import unit_of_work
from tests.paid_orders import paid_order, parcel_of

#: what a shopper's photo of a return is stored as (the files need not exist for a page)
PHOTO = SimpleNamespace(key="p/5a/5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a", width=800, height=600)


def delivered_order(variant: Variant, units: int, **kwargs) -> Order:
    """Paid, accepted, shipped with a tracking number and delivered."""
    order = paid_order([(variant, units)], **kwargs)
    parcel = parcel_of(order)
    with unit_of_work():
        fulfilment.accept(parcel, None)
        fulfilment.ship(parcel, "dhl", "1234567890", None)
        fulfilment.deliver(parcel, None, Actor.SHOPPER)
    return order


def line_of(order: Order) -> OrderLine:
    """The order's one line (these orders buy one variant)."""
    return db.session.scalar(select(OrderLine).where(OrderLine.order_id == order.id))


def ask_return(
    order: Order, units: int, reason: str = "The tin arrived dented", photos=(), days_ago: int = 0
) -> ReturnRequest:
    """The shopper asks to return `units` of the order's line, `days_ago` days ago."""
    with unit_of_work():
        requested = returns.request(order, {line_of(order).id: units}, reason, photos=list(photos))
        requested.requested_at -= timedelta(days=days_ago)
    return requested


def approved_return(order: Order, units: int, **kwargs) -> ReturnRequest:
    requested = ask_return(order, units, **kwargs)
    with unit_of_work():
        returns.decide(requested, True, None, Actor.VENDOR)
    return requested


@contextmanager
def stripe_refuses_refunds(times: int | None = 1, error: Exception | None = None):
    """Within the block Stripe refuses the next `times` refunds (every one when None) with
    `error` (a refused refund by default), then refunds as usual. Yields the intents refused."""
    real = stripe_payments.refund
    refused: list[str] = []

    def refund(intent_id: str, amount: int, key: str) -> str:
        if times is None or len(refused) < times:
            refused.append(intent_id)
            raise error or stripe_payments.StripeFailure(
                "Your card's issuer refused the refund.", code="charge_disputed"
            )
        return real(intent_id, amount, key)

    stripe_payments.refund = refund
    try:
        yield refused
    finally:
        stripe_payments.refund = real


def stuck_refund(order: Order, units: int = 1) -> Refund:
    """A return received whose refund Stripe refused: pending, with Stripe's error."""
    requested = approved_return(order, units)
    with stripe_refuses_refunds(times=1) as refused, unit_of_work():
        returns.receive(requested, None, Actor.VENDOR)
    assert refused == [order.payment_intent_id]
    db.session.expire_all()
    refund = db.session.get(Refund, db.session.get(ReturnRequest, requested.id).refund_id)
    assert refund.status == "pending"
    assert refund.error
    return refund


def settle(order: Order) -> None:
    """The parcel's cooling-off window closes with no return open: its earnings are payable."""
    parcel = parcel_of(order)
    with unit_of_work():
        fulfilment.complete_due(now=parcel.delivered_at + cooling_off.WINDOW + timedelta(hours=1))
    db.session.expire_all()
