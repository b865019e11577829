"""The store's notion of 'today': business dates are Taipei dates."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

STORE_TZ = ZoneInfo("Asia/Taipei")


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return now().astimezone(STORE_TZ).date()


def local(moment: datetime) -> datetime:
    """A moment as the store's clocks in Taipei show it."""
    return moment.astimezone(STORE_TZ)
