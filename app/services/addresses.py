"""A signed-in shopper's saved delivery addresses."""

from __future__ import annotations

from sqlalchemy import select

from app.domain import addresses as rules
from app.domain.ids import parse_id
from app.extensions import db
from app.models import Address
from app.services import clock

#: the most addresses an account keeps (the oldest unused goes)
MAX_SAVED = 10
FIELDS = ("name", "line1", "line2", "city", "region", "postal_code", "country", "phone")


def for_user(user) -> list[Address]:
    return list(
        db.session.scalars(
            select(Address)
            .where(Address.user_id == user.id)
            .order_by(Address.last_used_at.desc(), Address.id.desc())
        )
    )


def choose(user, wanted: str | None, market: str) -> Address | None:
    """The saved address to fill the form with: the one asked for by id, else the last used
    in this market (never another shopper's)."""
    saved = [a for a in for_user(user) if a.country == market]
    wanted_id = parse_id(wanted)
    if wanted_id is not None:
        return next((a for a in saved if a.id == wanted_id), None)
    return saved[0] if saved else None


def remember(user, address: rules.Address) -> Address:
    """Keep a checked address (the same one again only moves to the top)."""
    clean = rules.normalised(address)
    for saved in for_user(user):
        if all(getattr(saved, f) == getattr(clean, f) for f in FIELDS):
            saved.last_used_at = clock.now()
            return saved
    row = Address(user_id=user.id, **{f: getattr(clean, f) for f in FIELDS})
    db.session.add(row)
    for old in for_user(user)[MAX_SAVED:]:  # the new row is among them (autoflush)
        db.session.delete(old)
    db.session.flush()
    return row


def forget(user, address_id: int) -> bool:
    address = db.session.get(Address, address_id)
    if address is None or address.user_id != user.id:
        return False
    db.session.delete(address)
    return True
