"""Payments end to end with real signed webhooks: the store runs on a real HTTP server over a
database of its own (tests/live_store.py), localstripe sends its signed events there about a
second after each payment, and the tests look at what the shopper would notice: the order's
status, the stock held for it, the mail in the SMTP sink, the money at Stripe.

Orders are placed and paid through the store's own services (`placing.place`,
`payments.pay`); only the webhook marks an order paid.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from unittest import mock

import pytest
import requests
from sqlalchemy import func, select

from app.models import Order, OrderEvent, Payment, Refund, StripeEvent, Variant
from app.models.outbox import OutboxMessage
from app.services import cart, clock, reference
from app.services import outbox as deliveries
from app.services.checkout import payments, placing, queries
from app.services.errors import NotPayable
from app.services.shopper import Shopper
from app.transaction import unit_of_work
from tests.live_store import eventually, migrated_app, serve, stripe_signature, throwaway_database
from tests.services.test_checkout import ADDRESSES

SUCCEEDED = "payment_intent.succeeded"
FAILED = "payment_intent.payment_failed"


@pytest.fixture(scope="module")
def store(tmp_path_factory, test_settings):
    with (
        throwaway_database(tmp_path_factory, "payments-store") as url,
        serve(migrated_app(test_settings, url)) as live,
    ):
        yield live


@pytest.fixture
def live(store, localstripe, outbox):
    """The live store, with localstripe's webhooks going to it (signed with its secret)."""
    localstripe.register_webhook(store.webhook_url, store.app.config["STRIPE_WEBHOOK_SECRET"])
    store.tap.holding = False
    yield store
    store.tap.holding = False
    localstripe.forget_webhooks()


# -- the shopper's side, through the services ---------------------------------------------------


def stocked(store, units: int, price_twd: int = 680) -> int:
    """A product of a vendor of its own with `units` on hand; its variant's id."""
    with store.build() as make:
        product = make.product(
            make.vendor(), variants=[{"price_twd": price_twd, "stock": units, "weight_g": 300}]
        )
        return product.variants[0].id


def place(store, variant_id: int, quantity: int, market: str = "TH", email="buyer@example.com"):
    """Place an order as a shopper in `market` would; its reference."""
    with store.session():
        ref = reference.get()
        who = Shopper("en", ref.markets[market], ref, clock.today())
        items = [cart.Item(variant_id, quantity)]
        shown = cart.price(items, who).fingerprint
        with unit_of_work():
            order = placing.place(who, items, placing.Buyer(email, "en"), ADDRESSES[market], shown)
        return order.ref


def pay(store, ref: str, payment_method: str) -> payments.Attempt:
    with store.session():
        order = queries.by_ref(ref)
        with unit_of_work():
            return payments.pay(order, payment_method)


# -- looking at the store -----------------------------------------------------------------------


def order_of(store, ref: str) -> dict:
    with store.session() as session:
        order = session.scalar(select(Order).where(Order.ref == ref))
        return {
            "status": order.status,
            "intent": order.payment_intent_id,
            "total_minor": order.total_minor,
            "currency": order.currency,
            "email": order.email,
            "paid_events": session.scalar(
                select(func.count())
                .select_from(OrderEvent)
                .where(
                    OrderEvent.order_id == order.id,
                    OrderEvent.vendor_order_id.is_(None),
                    OrderEvent.to_status == "paid",
                )
            ),
            "parcels": sorted(vo.status for vo in order.vendor_orders),
        }


def reserved(store, variant_id: int) -> int:
    with store.session() as session:
        return session.get(Variant, variant_id).reserved


def stripe_events(store, event_id: str) -> list[tuple[str, str]]:
    with store.session() as session:
        return [
            (row.type, row.outcome)
            for row in session.scalars(select(StripeEvent).where(StripeEvent.id == event_id))
        ]


def mails_about(outbox, ref: str) -> list:
    return [m for m in outbox if ref in m["Subject"]]


def delivered(store, event_type: str, intent_id: str):
    """localstripe's delivery of that event (handled, or held when the tap holds)."""
    return eventually(
        lambda: store.tap.find(event_type, intent_id), f"{event_type} for {intent_id}"
    )


def paid(store, ref: str) -> dict:
    return eventually(lambda: (o := order_of(store, ref))["status"] == "paid" and o, f"{ref} paid")


def post_webhook(store, body: bytes, signature: str | None) -> requests.Response:
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["Stripe-Signature"] = signature
    return requests.post(store.webhook_url, data=body, headers=headers, timeout=30)


# -- the tests ----------------------------------------------------------------------------------


def test_the_signed_webhook_pays_the_order_and_a_replay_changes_nothing(live, outbox):
    variant = stocked(live, 5)
    ref = place(live, variant, 2, email="replay@example.com")
    before = order_of(live, ref)
    assert before["status"] == "awaiting_payment"

    attempt = pay(live, ref, "pm_card_visa")
    assert attempt.status == "succeeded"
    # the card went through, but only the webhook says so to the store
    first = delivered(live, SUCCEEDED, before["intent"])
    assert (first.status, first.answer["outcome"]) == (200, "paid")
    after = paid(live, ref)
    assert after["paid_events"] == 1
    assert after["parcels"] == ["paid"]
    eventually(lambda: mails_about(outbox, ref), "the confirmation mail")

    # Stripe delivers the same event again (exactly the same bytes and signature)
    again = post_webhook(live, first.body, first.signature)
    assert (again.status_code, again.json()["outcome"]) == (200, "duplicate")

    event_id = first.event["id"]
    assert stripe_events(live, event_id) == [(SUCCEEDED, "paid")]
    assert order_of(live, ref)["paid_events"] == 1
    assert [m["To"] for m in mails_about(outbox, ref)] == ["replay@example.com"]
    assert reserved(live, variant) == 2


def test_the_same_event_delivered_twice_at_once_pays_once(live, outbox):
    variant = stocked(live, 3)
    ref = place(live, variant, 1, email="twice@example.com")
    intent = order_of(live, ref)["intent"]
    live.tap.holding = True
    pay(live, ref, "pm_card_visa")
    held = delivered(live, SUCCEEDED, intent)
    live.tap.holding = False

    answers: list[str] = []
    start = threading.Barrier(4)

    def deliver():
        start.wait()
        response = post_webhook(live, held.body, held.signature)
        answers.append(f"{response.status_code} {response.json()['outcome']}")

    threads = [threading.Thread(target=deliver) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(answers) == ["200 duplicate"] * 3 + ["200 paid"]
    assert order_of(live, ref)["paid_events"] == 1
    assert stripe_events(live, held.event["id"]) == [(SUCCEEDED, "paid")]
    eventually(lambda: mails_about(outbox, ref), "the confirmation mail")
    assert len(mails_about(outbox, ref)) == 1


def test_a_bad_signature_is_refused_and_changes_nothing(live, outbox):
    variant = stocked(live, 2)
    ref = place(live, variant, 1, email="forged@example.com")
    intent = order_of(live, ref)["intent"]
    live.tap.holding = True
    pay(live, ref, "pm_card_visa")
    genuine = delivered(live, SUCCEEDED, intent)
    live.tap.holding = False
    forged_amount = genuine.body.replace(b'"amount": ', b'"amount": 1', 1)
    assert forged_amount != genuine.body

    refused = [
        # signed, but with someone else's secret
        post_webhook(live, genuine.body, stripe_signature(genuine.body, "whsec_someone_else")),
        # not signed at all
        post_webhook(live, genuine.body, None),
        # a genuine signature on other bytes
        post_webhook(live, forged_amount, genuine.signature),
        # a signature that is not one
        post_webhook(live, genuine.body, "t=1,v1=00"),
    ]

    assert [r.status_code for r in refused] == [400, 400, 400, 400]
    assert order_of(live, ref)["status"] == "awaiting_payment"
    assert stripe_events(live, genuine.event["id"]) == []
    assert mails_about(outbox, ref) == []

    # the genuine delivery still pays it: nothing above used up the event
    accepted = post_webhook(live, genuine.body, genuine.signature)
    assert (accepted.status_code, accepted.json()["outcome"]) == (200, "paid")
    assert order_of(live, ref)["status"] == "paid"


def test_a_declined_card_keeps_the_order_and_its_stock_and_another_card_pays(
    live, localstripe, outbox
):
    variant = stocked(live, 3)
    ref = place(live, variant, 3, email="declined@example.com")
    first_intent = order_of(live, ref)["intent"]

    attempt = pay(live, ref, "pm_card_chargeCustomerFail")  # card 4000000000000341

    assert (attempt.status, attempt.code) == ("declined", "card_declined")
    failed = delivered(live, FAILED, first_intent)
    assert (failed.status, failed.answer["outcome"]) == (200, "declined: card_declined")
    state = order_of(live, ref)
    assert state["status"] == "awaiting_payment"
    assert reserved(live, variant) == 3  # nobody else can take the stock meanwhile
    # the next card goes to a new intent for the same amount; the declined one is cancelled
    assert state["intent"] != first_intent
    replacement = localstripe.get(f"/v1/payment_intents/{state['intent']}")
    assert (replacement["amount"], replacement["currency"]) == (state["total_minor"], "thb")
    eventually(
        lambda: localstripe.get(f"/v1/payment_intents/{first_intent}")["status"] == "canceled",
        "the declined intent cancelled",
    )
    with live.session() as session:
        declined = session.scalar(select(Payment).where(Payment.intent_id == first_intent))
        assert (declined.status, declined.last_error) == ("cancelled", "card_declined")
    assert mails_about(outbox, ref) == []

    assert pay(live, ref, "pm_card_visa").status == "succeeded"
    succeeded = delivered(live, SUCCEEDED, state["intent"])
    assert succeeded.answer["outcome"] == "paid"
    assert paid(live, ref)["paid_events"] == 1
    assert reserved(live, variant) == 3
    eventually(lambda: mails_about(outbox, ref), "the confirmation mail")
    assert len(mails_about(outbox, ref)) == 1


def at(moment):
    """The store's clock at `moment` (the CLI runs in this process)."""
    return mock.patch.object(clock, "now", return_value=moment)


def test_an_unpaid_order_expires_after_its_30_minutes_and_gives_its_stock_back(live, localstripe):
    variant = stocked(live, 4)
    ref = place(live, variant, 4, email="slow@example.com")
    intent = order_of(live, ref)["intent"]
    assert reserved(live, variant) == 4

    with at(clock.now() + timedelta(minutes=29)):
        assert live.cli("orders", "expire").strip() == "0 unpaid order(s) expired."
    assert (order_of(live, ref)["status"], reserved(live, variant)) == ("awaiting_payment", 4)

    with at(clock.now() + timedelta(minutes=31)):
        assert live.cli("orders", "expire").strip() == "1 unpaid order(s) expired."
    state = order_of(live, ref)
    assert (state["status"], state["parcels"]) == ("expired", ["cancelled"])
    assert reserved(live, variant) == 0
    assert localstripe.get(f"/v1/payment_intents/{intent}")["status"] == "canceled"
    with pytest.raises(NotPayable):
        pay(live, ref, "pm_card_visa")


def _paid_while_the_sweep_runs(live, variant: int, quantity: int, email: str):
    """The shopper pays in time, Stripe's webhook is late, and the expiry sweep runs before it
    comes: the held delivery (not yet seen by the store) and the order's reference."""
    ref = place(live, variant, quantity, email=email)
    intent = order_of(live, ref)["intent"]
    live.tap.holding = True
    assert pay(live, ref, "pm_card_visa").status == "succeeded"
    late = delivered(live, SUCCEEDED, intent)
    live.tap.holding = False
    with at(clock.now() + timedelta(minutes=31)):
        live.cli("orders", "expire")
    assert order_of(live, ref)["status"] == "expired"
    return late, ref


def test_a_payment_after_expiry_takes_the_stock_again_when_it_is_still_there(
    live, localstripe, outbox
):
    variant = stocked(live, 2)
    late, ref = _paid_while_the_sweep_runs(live, variant, 2, "late@example.com")
    assert reserved(live, variant) == 0

    answer = post_webhook(live, late.body, late.signature)

    assert answer.json()["outcome"] == "paid late: stock held again"
    state = order_of(live, ref)
    assert (state["status"], state["parcels"], state["paid_events"]) == ("paid", ["paid"], 1)
    assert reserved(live, variant) == 2
    assert localstripe.get("/v1/refunds", payment_intent=state["intent"])["data"] == []
    eventually(lambda: mails_about(outbox, ref), "the confirmation mail")
    assert "is paid" in mails_about(outbox, ref)[0]["Subject"]


def test_a_payment_after_expiry_is_refunded_in_full_once_when_the_stock_is_gone(
    live, localstripe, outbox
):
    variant = stocked(live, 2)
    late, ref = _paid_while_the_sweep_runs(live, variant, 2, "toolate@example.com")
    # meanwhile another shopper buys what was given back
    other = place(live, variant, 2, email="quick@example.com")
    assert reserved(live, variant) == 2

    answer = post_webhook(live, late.body, late.signature)

    assert answer.json()["outcome"] == "refunded: the order had expired and the stock is gone"
    state = order_of(live, ref)
    assert state["status"] == "expired"
    assert order_of(live, other)["status"] == "awaiting_payment"
    assert reserved(live, variant) == 2  # still the other shopper's
    intent_id = state["intent"]
    charged = localstripe.get(f"/v1/payment_intents/{intent_id}")["amount"]
    assert charged == state["total_minor"]

    def refunds_at_stripe():
        return [
            (r["amount"], r["currency"], r["status"])
            for r in localstripe.get("/v1/refunds", payment_intent=intent_id)["data"]
        ]

    assert refunds_at_stripe() == [(charged, "thb", "succeeded")]
    mail = eventually(lambda: mails_about(outbox, ref), "the refund mail")
    assert [m["To"] for m in mail] == ["toolate@example.com"]
    assert "refunded" in mail[0]["Subject"]

    with live.session() as session:
        (refund,) = session.scalars(
            select(Refund).join(Order, Order.id == Refund.order_id).where(Order.ref == ref)
        ).all()
        assert (refund.status, refund.amount_minor) == ("succeeded", state["total_minor"])
        refund_id, stripe_refund_id = refund.id, refund.stripe_refund_id

    # the refund delivery runs again: by cron, by hand, by a second worker
    assert live.cli("outbox", "deliver").startswith("0 sent")
    with live.app.app_context():
        deliveries.HANDLERS["refund"]({"refund_id": refund_id})
    # ...or after a crash that lost its outcome: Stripe refunded, the store never heard back
    with live.session() as session:
        refund = session.get(Refund, refund_id)
        refund.status, refund.stripe_refund_id = "pending", None
        (delivery,) = [
            row
            for row in session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "refund"))
            if row.payload == {"refund_id": refund_id}
        ]
        delivery.status, delivery.next_attempt_at = "pending", clock.now()
    assert live.cli("outbox", "deliver").startswith("1 sent")

    assert refunds_at_stripe() == [(charged, "thb", "succeeded")]
    with live.session() as session:
        refund = session.get(Refund, refund_id)
        assert (refund.status, refund.stripe_refund_id) == ("succeeded", stripe_refund_id)
    # and Stripe's late event once more changes nothing
    assert post_webhook(live, late.body, late.signature).json()["outcome"] == "duplicate"
    assert len(refunds_at_stripe()) == 1
    assert len(mails_about(outbox, ref)) == 1


@pytest.mark.parametrize("market", ["TH", "MY", "SG", "PH", "TW"])
def test_the_intent_is_for_the_order_s_amount_and_currency_in_every_market(
    live, localstripe, market
):
    variant = stocked(live, 3, price_twd=1234)
    ref = place(live, variant, 3, market=market, email=f"{market.lower()}@example.com")
    state = order_of(live, ref)
    intent = localstripe.get(f"/v1/payment_intents/{state['intent']}")
    # Stripe counts all five currencies in cents (TWD too: whole dollars × 100)
    assert (intent["amount"], intent["currency"]) == (
        state["total_minor"],
        state["currency"].lower(),
    )

    pay(live, ref, "pm_card_visa")
    event = delivered(live, SUCCEEDED, state["intent"]).event["data"]["object"]
    assert (event["amount"], event["currency"]) == (state["total_minor"], state["currency"].lower())
    assert paid(live, ref)["status"] == "paid"
