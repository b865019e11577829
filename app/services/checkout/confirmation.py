"""The confirmation e-mail, in the shopper's language, with the tax breakdown."""

from __future__ import annotations

from app.domain.locales import LANGUAGES
from app.models import Order
from app.services import outbox
from app.services.checkout import queries


def send(order: Order) -> None:
    receipt = queries.receipt(order)
    language = order.language if order.language in LANGUAGES else "en"
    outbox.mail(
        order.email,
        "mail/order_confirmed.txt",
        language,
        order=order,
        receipt=receipt,
        link=queries.link(order),
    )
