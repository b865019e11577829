"""The store's notion of 'today': business dates are Taipei dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

STORE_TZ = ZoneInfo("Asia/Taipei")


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return now().astimezone(STORE_TZ).date()


def local(moment: datetime) -> datetime:
    """A moment as the store's clocks in Taipei show it."""
    return moment.astimezone(STORE_TZ)


def day_start(day: date) -> datetime:
    """The first moment of a Taipei day (aware, in Asia/Taipei)."""
    return datetime.combine(day, time(0), tzinfo=STORE_TZ)
