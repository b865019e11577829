"""Taiwan's 7-day cooling-off period for distance sales (Consumer Protection Act art. 19): a
shopper may return goods within 7 days of receiving them, without a reason, unless the goods
were disclosed before payment as perishable, hygiene-sealed or made to order."""

from __future__ import annotations

from datetime import datetime, timedelta

WINDOW = timedelta(days=7)


def deadline(delivered_at: datetime) -> datetime:
    """The last moment a return may be asked for: 7 days after the goods arrived."""
    return delivered_at + WINDOW


def refusal(exemption: str | None, delivered_at: datetime | None, now: datetime) -> str | None:
    """Why a line cannot be returned now (None when it can): exempt (disclosed before payment),
    not_delivered, window_closed."""
    if exemption:
        return "exempt"
    if delivered_at is None:
        return "not_delivered"
    if now > deadline(delivered_at):
        return "window_closed"
    return None


def window_closed(delivered_at: datetime | None, now: datetime) -> bool:
    return delivered_at is not None and now > deadline(delivered_at)
