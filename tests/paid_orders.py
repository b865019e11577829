"""Orders paid as a shopper pays them (tests/services/test_after_payment.py's `paid` fixture):
placed, paid with pm_card_visa at the session's localstripe, and the signed succeeded event
handled as the webhook route would handle it."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import Order, Variant, VendorOrder
from app.services import cart
from app.services.checkout import payments, placing
from app.transaction import unit_of_work
from tests.services.test_checkout import ADDRESSES, _event, shopper


def paid_order(
    items: list[tuple[Variant, int]],
    market: str = "TH",
    email: str = "buyer@example.com",
    language: str = "en",
) -> Order:
    who = shopper(market, language)
    wanted = [cart.Item(variant.id, units) for variant, units in items]
    priced = cart.price(wanted, who)
    with unit_of_work():
        order = placing.place(
            who, wanted, placing.Buyer(email, language), ADDRESSES[market], priced.fingerprint
        )
    with unit_of_work():
        assert payments.pay(order, "pm_card_visa").status == "succeeded"
    with unit_of_work():
        assert payments.handle(_event("payment_intent.succeeded", order)) == "paid"
    db.session.expire_all()
    return db.session.get(Order, order.id)


def parcel_of(order: Order) -> VendorOrder:
    """The order's one parcel (the orders these tests make buy from one vendor)."""
    return db.session.scalar(select(VendorOrder).where(VendorOrder.order_id == order.id))
