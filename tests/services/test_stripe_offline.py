"""The official stripe client against localstripe, as development and the tests run it: what
the payment code may rely on offline (../shared/notes/stripe-offline.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import stripe

from tests.servers import LOCALSTRIPE_KEY, ROOT, localstripe_server

WEBHOOK_SECRET = "whsec_test_offline"


@pytest.fixture
def client(localstripe):
    localstripe.clear()
    return stripe.StripeClient(
        LOCALSTRIPE_KEY, base_addresses={"api": localstripe.url}, max_network_retries=0
    )


def new_intent(client, amount: int, currency: str):
    return client.v1.payment_intents.create(
        params={"amount": amount, "currency": currency, "payment_method_types": ["card"]}
    )


def confirm(client, intent_id: str, payment_method: str):
    """Put the card on the intent, then confirm (localstripe cannot take the card in the
    confirm call itself)."""
    client.v1.payment_intents.update(intent_id, params={"payment_method": payment_method})
    return client.v1.payment_intents.confirm(intent_id)


def pay(client, amount: int, currency: str):
    return confirm(client, new_intent(client, amount, currency).id, "pm_card_visa")


def test_a_thb_payment_with_a_good_card_succeeds(client):
    intent = pay(client, 150_000, "thb")

    assert intent.status == "succeeded"
    assert client.v1.payment_intents.retrieve(intent.id).status == "succeeded"


def test_a_myr_payment_keeps_its_amount_in_minor_units_and_its_currency(client):
    intent = pay(client, 12_345, "myr")  # RM 123.45

    stored = client.v1.payment_intents.retrieve(intent.id)
    assert (stored.amount, stored.currency) == (12_345, "myr")
    charge = stored.latest_charge  # an embedded object in localstripe, an id in Stripe
    assert (charge.amount, charge.currency, charge.status) == (12_345, "myr", "succeeded")


def test_a_declined_card_raises_card_declined_and_the_intent_wants_another_card(client):
    # pm_card_chargeCustomerFail is card 4000000000000341: attaches, then fails to charge
    # (localstripe has no pm_card_chargeDeclined: 404)
    intent = new_intent(client, 50_000, "thb")

    with pytest.raises(stripe.CardError) as declined:
        confirm(client, intent.id, "pm_card_chargeCustomerFail")

    assert declined.value.code == "card_declined"
    intent = client.v1.payment_intents.retrieve(intent.id)
    assert intent.status == "requires_payment_method"
    assert intent.last_payment_error.code == "card_declined"


def test_a_partial_refund_returns_part_of_a_payment(client, localstripe):
    intent = pay(client, 10_000, "sgd")

    refund = client.v1.refunds.create(params={"payment_intent": intent.id, "amount": 2_500})

    assert (refund.status, refund.amount, refund.currency) == ("succeeded", 2_500, "sgd")
    refunds = localstripe.get("/v1/refunds", payment_intent=intent.id)["data"]
    assert [(r["id"], r["amount"]) for r in refunds] == [(refund.id, 2_500)]


def test_clear_forgets_every_object(client, localstripe):
    intent = pay(client, 10_000, "php")

    localstripe.clear()

    with pytest.raises(stripe.InvalidRequestError) as missing:
        client.v1.payment_intents.retrieve(intent.id)
    assert missing.value.http_status == 404


class WebhookSink(ThreadingHTTPServer):
    """A tiny HTTP server on loopback that keeps every POST (body, Stripe-Signature)."""

    def __init__(self) -> None:
        self.received: list[tuple[bytes, str]] = []
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                sink.received.append((body, self.headers.get("Stripe-Signature", "")))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_port}/webhooks/stripe"

    def wait_for(self, event_type: str, object_id: str, seconds: float = 15):
        """The first delivery of that event about that object (localstripe sends ~1 s late)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for body, signature in list(self.received):
                event = json.loads(body)
                if event["type"] == event_type and event["data"]["object"]["id"] == object_id:
                    return body, signature
            time.sleep(0.1)
        raise AssertionError(f"no {event_type} for {object_id} within {seconds} s")


@pytest.fixture
def webhook_sink(localstripe):
    sink = WebhookSink()
    thread = threading.Thread(target=sink.serve_forever, daemon=True)
    thread.start()
    localstripe.register_webhook(sink.url, WEBHOOK_SECRET)
    yield sink
    sink.shutdown()
    sink.server_close()
    thread.join()


def test_a_succeeded_payment_sends_a_signed_webhook_that_verifies(client, webhook_sink):
    intent = pay(client, 88_000, "twd")

    payload, signature = webhook_sink.wait_for("payment_intent.succeeded", intent.id)

    event = stripe.Webhook.construct_event(payload, signature, WEBHOOK_SECRET)
    assert event.type == "payment_intent.succeeded"
    assert event.data.object.id == intent.id
    assert (event.data.object.amount, event.data.object.currency) == (88_000, "twd")

    tampered = payload.replace(b"88000", b"1")
    assert tampered != payload
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(tampered, signature, WEBHOOK_SECRET)
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(payload, signature, "whsec_someone_else")


def test_the_launcher_keeps_data_across_restarts_unless_from_scratch(tmp_path):
    state = tmp_path / "dev" / "localstripe.pickle"
    with localstripe_server(state, from_scratch=False) as first:
        customer = first.http.post(f"{first.url}/v1/customers", data={"email": "a@example.com"})
        customer_id = customer.json()["id"]
    assert state.exists()

    with localstripe_server(state, from_scratch=False) as again:
        assert again.get(f"/v1/customers/{customer_id}")["email"] == "a@example.com"

    with localstripe_server(state, from_scratch=True) as fresh:
        assert fresh.get("/v1/customers")["data"] == []


def stripe_settings(env: dict, config_name: str = "Config") -> dict:
    """config.py's Stripe settings as a fresh process sees them with `env` (the settings are
    read when config.py is imported)."""
    script = (
        "import json, config; c = config." + config_name + "; print(json.dumps({k: getattr(c, k)"
        " for k in dir(c) if k.startswith('STRIPE_')}))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("STRIPE_")}
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**clean, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_development_needs_no_stripe_settings_and_never_uses_fake_keys_on_real_stripe():
    local = stripe_settings({})
    assert local == {
        "STRIPE_API_BASE": "http://127.0.0.1:8420",
        "STRIPE_SECRET_KEY": "sk_test_localstripe",
        "STRIPE_PUBLISHABLE_KEY": "pk_test_localstripe",
        "STRIPE_WEBHOOK_SECRET": "whsec_localstripe_dev",
        "STRIPE_JS_URL": "http://127.0.0.1:8420/js.stripe.com/v3/",
        "STRIPE_PAYMENT_METHODS": {},  # card only, the one method localstripe has
    }
    methods = stripe_settings({"STRIPE_PAYMENT_METHODS": '{"TH": ["card", "promptpay"]}'})
    assert methods["STRIPE_PAYMENT_METHODS"] == {"TH": ["card", "promptpay"]}

    real = stripe_settings({"STRIPE_API_BASE": "https://api.stripe.com"})
    assert real["STRIPE_JS_URL"] == "https://js.stripe.com/v3/"
    assert real["STRIPE_SECRET_KEY"] is None
    assert real["STRIPE_PUBLISHABLE_KEY"] is None
    assert real["STRIPE_WEBHOOK_SECRET"] is None

    production = stripe_settings({}, "ProductionConfig")
    assert production["STRIPE_API_BASE"] == "https://api.stripe.com"
    assert production["STRIPE_SECRET_KEY"] is None
    assert production["STRIPE_WEBHOOK_SECRET"] is None
