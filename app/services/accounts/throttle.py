"""Counting failures per account (not only per address), shared by every app process.

The counts live in Flask-Limiter's storage: Redis when `REDIS_URL` is set (every app server
sees the same numbers), memory otherwise (one process: development and tests). An account is
named by the keyed hash of the e-mail typed, so an address with no account is throttled
exactly like one that has one, and nothing here tells them apart.

Past RATELIMIT_SIGN_IN_ACCOUNT failures the account is locked until the window ends (minutes,
not hours): a stranger guessing from many addresses is stopped, and cannot keep the owner out
for long. A browser that signed in to the account before (its signed device cookie says so)
counts on its own allowance instead, so the owner at home is not locked out by a stranger at
all (OWASP's "device cookies" against online guessing).
"""

from __future__ import annotations

import time

from flask import current_app
from limits import RateLimitItem, parse_many

from app.extensions import limiter

ACCOUNT = "sign-in-account"
DEVICE = "sign-in-device"


def _items(setting: str) -> list[RateLimitItem]:
    return parse_many(current_app.config[setting])


def _identifiers(key: str, device: str | None) -> tuple[str, ...]:
    return (DEVICE, key, device) if device else (ACCOUNT, key)


def _seconds_blocked(setting: str, identifiers: tuple[str, ...]) -> int | None:
    strategy = limiter.limiter
    blocked = None
    for item in _items(setting):
        if not strategy.test(item, *identifiers):
            reset_at, _remaining = strategy.get_window_stats(item, *identifiers)
            left = max(1, int(reset_at - time.time()) + 1)
            blocked = max(blocked or 0, left)
    return blocked


def locked_for(key: str, device: str | None = None) -> int | None:
    """Seconds until this account may try again (from this device, when it is a trusted
    one), or None when it may now."""
    return _seconds_blocked("RATELIMIT_SIGN_IN_ACCOUNT", _identifiers(key, device))


def count_failure(key: str, device: str | None = None) -> None:
    for item in _items("RATELIMIT_SIGN_IN_ACCOUNT"):
        limiter.limiter.hit(item, *_identifiers(key, device))


def allow(setting: str, *identifiers: str) -> bool:
    """Take one from the allowance `setting` names for `identifiers`; False when it is spent
    (nothing is taken then)."""
    items = _items(setting)
    strategy = limiter.limiter
    if not all(strategy.test(item, setting, *identifiers) for item in items):
        return False
    for item in items:
        strategy.hit(item, setting, *identifiers)
    return True
