"""Placing and paying orders through the services, against the session's localstripe: the
order snapshots what the shopper saw, reserves the stock, and carries a PaymentIntent of
exactly its total in its currency; only a signed event marks it paid."""

from __future__ import annotations

from datetime import timedelta

import pytest
import stripe
from sqlalchemy import func, select

from app.domain.addresses import Address
from app.models import Order, OrderLine, OrderTaxLine, Payment, StockMovement, Variant, VendorOrder
from app.services import cart, clock, reference
from app.services.checkout import lifecycle, payments, placing
from app.services.errors import CheckoutRefused, Invalid, PriceChanged
from app.services.shopper import Shopper
from app.transaction import unit_of_work

ADDRESSES = {
    "TH": Address(
        "Somchai Jaidee",
        "99/1 Sukhumvit 23",
        "",
        "Khlong Toei Nuea",
        "Bangkok",
        "10110",
        "TH",
        "081 234 5678",
    ),
    "MY": Address(
        "Aisyah Rahman",
        "12 Jalan Ampang",
        "",
        "Kuala Lumpur",
        "Wilayah Persekutuan",
        "50450",
        "MY",
        "012-345 6789",
    ),
    "SG": Address(
        "Tan Wei Ling",
        "Blk 123 Ang Mo Kio Ave 3",
        "#05-67",
        "Singapore",
        "",
        "560123",
        "SG",
        "9123 4567",
    ),
    "PH": Address(
        "Maria Santos",
        "1234 Ayala Avenue",
        "",
        "Makati",
        "Metro Manila",
        "1226",
        "PH",
        "0917 123 4567",
    ),
    "TW": Address("王小明", "信義路五段7號", "", "信義區", "臺北市", "110", "TW", "0912-345-678"),
}


def shopper(market: str, language: str = "th") -> Shopper:
    ref = reference.get()
    return Shopper(
        content_locale={"th": "th", "en": "en", "ms": "ms", "zh-hant": "zh_Hant"}[language],
        market=ref.markets[market],
        ref=ref,
        today=clock.today(),
    )


@pytest.fixture
def goods(db, make):
    tea_shop = make.vendor(slug="tea-shop")
    cake_shop = make.vendor(slug="cake-shop")
    oolong = make.product(
        tea_shop,
        names={"en": "Oolong", "th": "ชาอู่หลง"},
        variants=[{"sku": "OOL-1", "price_twd": 680, "stock": 10, "weight_g": 300}],
    )
    cake = make.product(
        cake_shop,
        category="snacks",
        names={"en": "Pineapple cake"},
        exemption="perishable",
        variants=[{"sku": "CAKE-10", "price_twd": 450, "stock": 3, "weight_g": 600}],
    )
    db.session.commit()  # a refused order rolls back to here, as a request's would
    return oolong.variants[0], cake.variants[0]


def _place(who, items, email="buyer@example.com", address=None):
    priced = cart.price(items, who)
    with unit_of_work():
        order = placing.place(
            who,
            items,
            placing.Buyer(email, "th"),
            address or ADDRESSES[who.market.code],
            priced.fingerprint,
        )
    return order


def test_an_order_is_what_the_shopper_saw_with_stock_held_and_a_matching_intent(
    db, goods, localstripe
):
    oolong, cake = goods
    who = shopper("TH")
    items = [cart.Item(oolong.id, 2), cart.Item(cake.id, 1)]
    priced = cart.price(items, who)
    order = _place(who, items)

    assert order.status == "awaiting_payment"
    assert (order.currency, order.market_code) == ("THB", "TH")
    assert order.total_minor == priced.total.amount_minor
    assert order.total_minor == order.goods_minor + order.shipping_minor + order.tax_minor
    parcels = db.session.scalars(select(VendorOrder).where(VendorOrder.order_id == order.id)).all()
    assert len(parcels) == 2
    assert sum(p.total_minor for p in parcels) == order.total_minor
    for parcel in parcels:
        lines = db.session.scalars(
            select(OrderLine).where(OrderLine.vendor_order_id == parcel.id)
        ).all()
        assert sum(line.goods_minor for line in lines) == parcel.goods_minor
        assert sum(line.tax_minor for line in lines) == parcel.tax_minor
        taxes = db.session.scalars(
            select(OrderTaxLine).where(
                OrderTaxLine.vendor_order_id == parcel.id, OrderTaxLine.kind != "included"
            )
        ).all()
        assert sum(t.amount_minor for t in taxes) == parcel.tax_minor
    cake_line = db.session.scalar(select(OrderLine).where(OrderLine.variant_id == cake.id))
    assert (cake_line.product_name, cake_line.exemption) == ("Pineapple cake", "perishable")
    db.session.expire_all()
    assert db.session.get(Variant, oolong.id).reserved == 2
    assert db.session.get(Variant, cake.id).reserved == 1
    intent = stripe.StripeClient(
        "sk_test_localstripe", base_addresses={"api": localstripe.url}, max_network_retries=0
    ).v1.payment_intents.retrieve(order.payment_intent_id)
    assert (intent.amount, intent.currency) == (order.total_minor, "thb")


def test_twd_goes_to_stripe_in_cents_of_whole_dollars(db, goods):
    """Stripe counts TWD in cents, as ISO does; vendors price in whole dollars and Taiwan's
    business tax is inside the price, so a domestic order is whole dollars too."""
    oolong, _cake = goods
    order = _place(shopper("TW", "zh-hant"), [cart.Item(oolong.id, 1)])
    payment = db.session.scalar(select(Payment).where(Payment.order_id == order.id))
    assert order.currency == "TWD"
    assert order.total_minor % 100 == 0
    assert payments.stripe_amount(order) == order.total_minor
    assert payment.amount_minor == order.total_minor


def test_a_changed_price_is_shown_not_charged(db, goods):
    oolong, _cake = goods
    who = shopper("TH")
    items = [cart.Item(oolong.id, 1)]
    shown = cart.price(items, who).fingerprint
    oolong.price_twd = 700
    db.session.commit()
    with pytest.raises(PriceChanged), unit_of_work():
        placing.place(who, items, placing.Buyer("b@example.com", "th"), ADDRESSES["TH"], shown)
    assert db.session.scalar(select(func.count()).select_from(Order)) == 0
    assert db.session.get(Variant, oolong.id).reserved == 0


def test_a_bad_address_is_refused_with_every_problem_and_nothing_is_held(db, goods):
    oolong, _cake = goods
    who = shopper("TH")
    items = [cart.Item(oolong.id, 1)]
    bad = Address("", "", "", "", "", "ABC", "MY", "12")
    with pytest.raises(Invalid) as refused, unit_of_work():
        placing.place(
            who, items, placing.Buyer("not-an-email", "th"), bad, cart.price(items, who).fingerprint
        )
    codes = {(p.path[0], p.code) for p in refused.value.problems}
    assert {("name", "required"), ("postal_code", "postal_code.format")} <= codes
    assert ("country", "country.market") in codes
    assert ("email", "email.invalid") in codes
    assert db.session.get(Variant, oolong.id).reserved == 0


def test_an_account_orders_only_once_its_address_is_confirmed(db, make, goods):
    oolong, _cake = goods
    who = shopper("TH")
    items = [cart.Item(oolong.id, 1)]
    shown = cart.price(items, who).fingerprint
    user = make.user(email="new@example.com", verified=False)
    db.session.commit()
    buyer = placing.Buyer(user.email, "th", user)
    with pytest.raises(CheckoutRefused) as refused, unit_of_work():
        placing.place(who, items, buyer, ADDRESSES["TH"], shown)
    assert refused.value.code == "account.unverified"
    assert db.session.scalar(select(func.count()).select_from(Order)) == 0
    assert db.session.get(Variant, oolong.id).reserved == 0

    guest = placing.Buyer("new@example.com", "th")  # the same address, without the account
    with unit_of_work():
        order = placing.place(who, items, guest, ADDRESSES["TH"], shown)
    assert order.user_id is None


def test_the_last_units_go_to_one_order_only(db, goods):
    _oolong, cake = goods
    who = shopper("TH")
    first = [cart.Item(cake.id, 3)]
    shown = cart.price(first, who).fingerprint
    _place(who, first)
    with pytest.raises(CheckoutRefused) as refused, unit_of_work():
        # the second shopper saw the cake before the first one bought it all
        placing.place(who, first, placing.Buyer("late@example.com", "th"), ADDRESSES["TH"], shown)
    assert refused.value.code == "cart.unavailable"
    assert [line.problem for line in cart.price(first, who).lines] == ["sold_out"]
    db.session.expire_all()
    assert db.session.get(Variant, cake.id).reserved == 3


def test_an_unpaid_order_expires_and_gives_its_stock_back(db, goods):
    oolong, _cake = goods
    order = _place(shopper("TH"), [cart.Item(oolong.id, 4)])
    with unit_of_work():
        assert lifecycle.expire_due(clock.now()) == 0
        assert lifecycle.expire_due(order.expires_at + timedelta(seconds=1)) == 1
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "expired"
    assert db.session.get(Variant, oolong.id).reserved == 0
    reasons = db.session.scalars(
        select(StockMovement.reason).where(StockMovement.variant_id == oolong.id)
    ).all()
    assert sorted(reasons) == ["release", "reserve"]


def _event(kind: str, order: Order, amount=None, currency=None, event_id=None):
    return {
        "id": event_id or f"evt_{order.ref}_{kind}",
        "type": kind,
        "data": {
            "object": {
                "id": order.payment_intent_id,
                "amount": amount if amount is not None else payments.stripe_amount(order),
                "currency": (currency or order.currency).lower(),
                "last_payment_error": {"code": "card_declined"},
            }
        },
    }


def test_only_a_succeeded_event_pays_and_a_repeat_changes_nothing(db, goods, outbox):
    oolong, cake = goods
    order = _place(shopper("TH"), [cart.Item(oolong.id, 1), cart.Item(cake.id, 1)])
    with unit_of_work():
        assert payments.handle(_event("payment_intent.succeeded", order)) == "paid"
    with unit_of_work():
        assert payments.handle(_event("payment_intent.succeeded", order)) == "duplicate"
    db.session.expire_all()
    paid = db.session.get(Order, order.id)
    assert paid.status == "paid"
    assert {vo.status for vo in paid.vendor_orders} == {"paid"}
    assert [m["To"] for m in outbox] == ["buyer@example.com"]
    assert order.ref in outbox[0]["Subject"]


def test_a_declined_payment_leaves_the_order_payable(db, goods):
    oolong, _cake = goods
    order = _place(shopper("TH"), [cart.Item(oolong.id, 1)])
    with unit_of_work():
        assert payments.handle(_event("payment_intent.payment_failed", order)).startswith(
            "declined"
        )
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "awaiting_payment"
    assert db.session.get(Variant, oolong.id).reserved == 1
