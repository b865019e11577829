"""Stripe's signed webhook: the only way an order becomes paid."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request
from sqlalchemy.exc import IntegrityError

from app.extensions import csrf, limiter
from app.integrations import stripe_payments
from app.services.checkout import payments
from app.transaction import unit_of_work

bp = Blueprint("webhooks", __name__)


def _bad_signature_limit() -> str:
    return current_app.config["RATELIMIT_WEBHOOK_BAD"]


@bp.post("/webhooks/stripe")
@csrf.exempt
@limiter.limit(_bad_signature_limit, deduct_when=lambda response: response.status_code == 400)
def stripe_webhook():
    try:
        event = stripe_payments.verify_webhook(
            request.get_data(), request.headers.get("Stripe-Signature")
        )
    except stripe_payments.WebhookInvalid:
        return jsonify(error="invalid signature"), 400
    try:
        with unit_of_work():
            outcome = payments.handle(event)
    except IntegrityError:
        # the same event delivered twice at once: the other delivery handled it
        outcome = "duplicate"
    current_app.logger.info("Stripe event %s %s: %s", event.get("id"), event.get("type"), outcome)
    return jsonify(received=True, outcome=outcome)
