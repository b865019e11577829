"""After payment, through the services against localstripe: a vendor accepts, ships with a
tracking number and the shopper receives; a return in the cooling-off window is approved,
received and refunded with its share of import tax; the vendor's earnings follow."""

from __future__ import annotations

from datetime import timedelta

import pytest
import stripe
from sqlalchemy import select

from app.domain.order_states import Actor
from app.models import Order, OrderLine, Refund, ReturnRequest, VendorLedgerEntry, VendorOrder
from app.services import cart, clock
from app.services.catalog.media import StoredImage
from app.services.checkout import payments
from app.services.errors import FulfilmentRefused, InvalidTransition, ReturnRefused
from app.services.orders import earnings, fulfilment, returns
from app.transaction import unit_of_work
from tests.services.test_checkout import _event, _place, shopper


@pytest.fixture
def paid(db, make):
    vendor = make.vendor(slug="tea-shop", commission_bp=1500)
    owner = make.user(role="vendor", vendor=vendor)
    oolong = make.product(
        vendor,
        names={"en": "Oolong"},
        variants=[{"sku": "OOL-1", "price_twd": 680, "stock": 10, "weight_g": 300}],
    )
    db.session.commit()
    order = _place(shopper("TH"), [cart.Item(oolong.variants[0].id, 3)])
    with unit_of_work():
        assert payments.pay(order, "pm_card_visa").status == "succeeded"
    # the signed event localstripe sends, handled as the webhook route would
    with unit_of_work():
        payments.handle(_event("payment_intent.succeeded", order))
    db.session.expire_all()
    parcel = db.session.scalar(select(VendorOrder).where(VendorOrder.order_id == order.id))
    return order, parcel, vendor, owner


def _stripe(localstripe):
    return stripe.StripeClient(
        "sk_test_localstripe", base_addresses={"api": localstripe.url}, max_network_retries=0
    )


def test_paid_lines_freeze_commission_and_earning(db, paid):
    order, parcel, vendor, _owner = paid
    line = db.session.scalar(select(OrderLine).where(OrderLine.order_id == order.id))
    assert (line.commission_bp, line.earning_twd) == (1500, 2040 - 306)
    assert line.fx_rate == order.fx_rate
    balance = earnings.balance(vendor)
    assert (balance.pending, balance.payable) == (1734, 0)


def test_ship_deliver_return_refund(db, paid, localstripe, outbox):
    order, parcel, vendor, owner = paid
    with unit_of_work():
        fulfilment.accept(parcel, owner)
    with pytest.raises(FulfilmentRefused), unit_of_work():
        fulfilment.ship(parcel, "dhl", "123", owner)
    with unit_of_work():
        fulfilment.ship(parcel, "dhl", "1234567890", owner)
    with pytest.raises(InvalidTransition), unit_of_work():
        fulfilment.accept(parcel, owner)
    with unit_of_work():
        fulfilment.deliver(parcel, None, Actor.SHOPPER)
    line = db.session.scalar(select(OrderLine).where(OrderLine.order_id == order.id))
    with unit_of_work():
        first = returns.request(order, {line.id: 1}, "Too bitter for me")
    with unit_of_work():
        returns.decide(first, True, owner, Actor.VENDOR)
    with unit_of_work():
        returns.receive(first, owner)
    db.session.expire_all()
    first = db.session.get(type(first), first.id)
    assert first.status == "refunded"
    refund = db.session.get(Refund, first.refund_id)
    assert refund.status == "succeeded"
    intent_refunds = _stripe(localstripe).v1.refunds.list(
        params={"payment_intent": order.payment_intent_id}
    )
    assert [r.amount for r in intent_refunds.data] == [first.refund_minor]
    assert first.refund_minor == line.unit_price_minor + first.lines[0].tax_minor
    # the rest comes back later: every total ends right
    with unit_of_work():
        second = returns.request(order, {line.id: 2}, "Also the rest")
        returns.decide(second, True, owner, Actor.VENDOR)
    with unit_of_work():
        returns.receive(second, owner)
    db.session.expire_all()
    order = db.session.get(Order, order.id)
    refunded = sum(r.amount_minor for r in db.session.scalars(select(Refund)))
    parcel = db.session.get(VendorOrder, parcel.id)
    assert refunded == parcel.total_minor  # goods + all tax + shipping (the whole parcel came back)
    reversals = db.session.scalars(
        select(VendorLedgerEntry.amount_twd).where(VendorLedgerEntry.kind == "reversal")
    ).all()
    assert -sum(reversals) == line.earning_twd
    assert earnings.balance(vendor).total == 0


def delivered(db, order, parcel, owner) -> OrderLine:
    """The parcel accepted, shipped and delivered by its shop; its order line."""
    with unit_of_work():
        fulfilment.accept(parcel, owner)
        fulfilment.ship(parcel, "dhl", "1234567890", owner)
        fulfilment.deliver(parcel, owner, Actor.VENDOR)
    return db.session.scalar(select(OrderLine).where(OrderLine.order_id == order.id))


def test_a_return_after_seven_days_is_refused(db, paid, monkeypatch):
    order, parcel, _vendor, owner = paid
    line = delivered(db, order, parcel, owner)
    later = parcel.delivered_at + timedelta(days=7, hours=1)
    monkeypatch.setattr(clock, "now", lambda: later)
    with pytest.raises(ReturnRefused) as refused, unit_of_work():
        returns.request(order, {line.id: 1}, "Changed my mind")
    assert refused.value.code == "return.window_closed"


def test_a_return_with_more_photos_than_the_shop_is_shown_is_refused_whole(db, paid):
    order, parcel, _vendor, owner = paid
    line = delivered(db, order, parcel, owner)
    photos = [StoredImage(f"p/0{n}/{str(n) * 32}", 800, 600) for n in range(returns.MAX_PHOTOS + 1)]
    with pytest.raises(ReturnRefused) as refused, unit_of_work():
        returns.request(order, {line.id: 1}, "The tin arrived dented", photos=photos)
    assert (refused.value.code, refused.value.params) == ("return.photos", {"max": 4})
    assert db.session.scalars(select(ReturnRequest)).all() == []
    with unit_of_work():
        kept = returns.request(order, {line.id: 1}, "The tin arrived dented", photos=photos[:4])
    assert len(kept.photos) == 4
