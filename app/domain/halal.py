"""When a product may wear the halal badge in a market: one rule for pages, search and SQL.

A certificate counts while it is complete (body, number, expiry) and not past its expiry.
Some markets accept only certain bodies: Malaysia only those JAKIM recognises. Which markets
do, and which bodies are recognised, is data operators keep (markets.halal_recognised_only and
halal_bodies.recognised_by_jakim); this module only applies it.
"""

from __future__ import annotations

from datetime import date


def normalise_body(body: str | None) -> str:
    """Bodies are written as short codes in any case and spacing ("thida " = "THIDA")."""
    return (body or "").strip().upper()


def certificate_complete(body: str | None, number: str | None, expires: date | None) -> bool:
    return bool(normalise_body(body) and (number or "").strip() and expires)


def certificate_valid(body: str | None, number: str | None, expires: date | None, on: date) -> bool:
    return certificate_complete(body, number, expires) and expires >= on


def accepted_bodies(recognised_only: bool, recognised: frozenset[str]) -> frozenset[str] | None:
    """The bodies a market accepts: None when any valid certificate counts."""
    return recognised if recognised_only else None


def badge_shown(
    body: str | None,
    number: str | None,
    expires: date | None,
    on: date,
    accepted: frozenset[str] | None,
) -> bool:
    if not certificate_valid(body, number, expires, on):
        return False
    return accepted is None or normalise_body(body) in accepted
