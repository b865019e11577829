"""Stripe, through the official client: the only module that imports `stripe`.

In development and tests the API base is a localstripe server on 127.0.0.1 (config
STRIPE_API_BASE); in production api.stripe.com. Only what both do the same is used (see
../shared/notes/stripe-offline.md): the card is collected in the browser with a SetupIntent,
then the server puts its payment method on the order's PaymentIntent and confirms it; a card
that needs 3-D Secure is finished in the browser with confirmCardPayment.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import stripe
from flask import current_app

#: currencies Stripe counts without a minor unit, whatever ISO says
ZERO_DECIMAL = frozenset({"JPY", "KRW", "VND", "CLP", "PYG", "XAF", "XOF", "UGX", "RWF"})


class StripeFailure(Exception):
    """Stripe refused or could not be reached. `code` is Stripe's error code when there is
    one (card_declined, expired_card, ...); `declined` says a card was refused."""

    def __init__(self, message: str, code: str | None = None, declined: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.declined = declined


@dataclass(frozen=True)
class Intent:
    id: str
    status: str
    amount: int
    currency: str
    client_secret: str


def stripe_amount(amount_minor: int, currency: str, store_decimals: int) -> int:
    """The store's minor units (ISO/CLDR: TWD has none) in Stripe's (TWD in cents; payouts
    in TWD are whole dollars, which whole-dollar prices always are)."""
    stripe_decimals = 0 if currency.upper() in ZERO_DECIMAL else 2
    return amount_minor * 10 ** (stripe_decimals - store_decimals)


def _is_local(base: str) -> bool:
    return urlsplit(base).hostname in ("127.0.0.1", "localhost", "::1")


def _client() -> stripe.StripeClient:
    config = current_app.config
    base = config["STRIPE_API_BASE"]
    return stripe.StripeClient(
        config["STRIPE_SECRET_KEY"],
        base_addresses={"api": base},
        # localstripe answers some requests with a 500 that a retry would only repeat
        max_network_retries=0 if _is_local(base) else 2,
    )


def _intent(obj) -> Intent:
    return Intent(obj.id, obj.status, obj.amount, obj.currency.upper(), obj.client_secret)


def _failure(error: stripe.StripeError) -> StripeFailure:
    code = getattr(error, "code", None)
    return StripeFailure(
        str(error.user_message or error) if hasattr(error, "user_message") else str(error),
        code=code,
        declined=isinstance(error, stripe.CardError),
    )


def create_intent(
    amount: int,
    currency: str,
    metadata: dict,
    idempotency_key: str,
    methods: list[str] | None = None,
) -> Intent:
    """A PaymentIntent for exactly `amount` (Stripe's units) in `currency`; card unless the
    market lists other methods."""
    try:
        obj = _client().v1.payment_intents.create(
            params={
                "amount": amount,
                "currency": currency.lower(),
                "payment_method_types": methods or ["card"],
                "metadata": metadata,
            },
            options={"idempotency_key": idempotency_key},
        )
    except stripe.StripeError as error:
        raise _failure(error) from None
    return _intent(obj)


def retrieve_intent(intent_id: str) -> Intent:
    try:
        return _intent(_client().v1.payment_intents.retrieve(intent_id))
    except stripe.StripeError as error:
        raise _failure(error) from None


def create_setup() -> str:
    """A SetupIntent's client secret: the browser collects the card with it."""
    try:
        obj = _client().v1.setup_intents.create(params={"payment_method_types": ["card"]})
    except stripe.StripeError as error:
        raise _failure(error) from None
    return obj.client_secret


def confirm_with(intent_id: str, payment_method: str) -> Intent:
    """Put the card on the intent, then confirm (localstripe cannot do both in one call).
    Raises StripeFailure (declined=True for a refused card)."""
    client = _client()
    try:
        client.v1.payment_intents.update(intent_id, params={"payment_method": payment_method})
        return _intent(client.v1.payment_intents.confirm(intent_id))
    except stripe.StripeError as error:
        raise _failure(error) from None


def cancel_intent(intent_id: str) -> None:
    """Best effort: an intent that can no longer be cancelled (succeeded, already cancelled)
    is left as it is."""
    try:
        _client().v1.payment_intents.cancel(intent_id)
    except stripe.InvalidRequestError:
        pass
    except stripe.StripeError as error:
        raise _failure(error) from None


def refund(intent_id: str, amount: int, key: str) -> str:
    """Refund `amount` (Stripe's units) of an intent once per `key`: a refund made earlier
    with the same key (found by its metadata, since localstripe ignores idempotency keys) is
    returned instead of refunding again. Returns the refund's id."""
    client = _client()
    try:
        earlier = client.v1.refunds.list(params={"payment_intent": intent_id, "limit": 100})
        for found in earlier.data:
            metadata = found.metadata.to_dict() if found.metadata else {}
            if metadata.get("tgg_refund") == key:
                return found.id
        obj = client.v1.refunds.create(
            params={"payment_intent": intent_id, "amount": amount, "metadata": {"tgg_refund": key}},
            options={"idempotency_key": key},
        )
    except stripe.StripeError as error:
        raise _failure(error) from None
    return obj.id


class WebhookInvalid(Exception):
    pass


def verify_webhook(payload: bytes, signature: str | None) -> dict:
    """The event, when Stripe signed it with our secret. Raises WebhookInvalid."""
    secret = current_app.config["STRIPE_WEBHOOK_SECRET"]
    if not secret or not signature:
        raise WebhookInvalid("no signature")
    try:
        event = stripe.Webhook.construct_event(payload, signature, secret)
    except (ValueError, stripe.SignatureVerificationError) as error:
        raise WebhookInvalid(str(error)) from None
    return event.to_dict()
