"""The record of sign-in attempts: who (account, or the keyed hash of an e-mail with none),
when, from which address, and how it ended. Operators read it; the person downloads their
own; `flask privacy purge` forgets rows older than SIGN_IN_RETENTION_DAYS."""

from __future__ import annotations

from datetime import datetime

from flask import current_app
from sqlalchemy import delete, select

from app.extensions import db
from app.models import SignInAttempt, User
from app.models.user import SignInOutcome
from app.services import accounts

#: rows an operator's page shows at most
PAGE = 200


def record(user_id: int | None, email: str, address: str | None, outcome: str) -> None:
    db.session.add(
        SignInAttempt(
            user_id=user_id,
            email_hash=accounts.email_hash(email),
            address=(address or "unknown")[:45],
            outcome=SignInOutcome(outcome).value,
        )
    )
    db.session.flush()


def recent(email: str | None = None, outcome: str | None = None, limit: int = PAGE):
    """The latest attempts, newest first, with the account when there is one; `email` finds
    attempts on that address whether or not it has an account."""
    stmt = (
        select(SignInAttempt, User)
        .outerjoin(User, User.id == SignInAttempt.user_id)
        .order_by(SignInAttempt.created_at.desc(), SignInAttempt.id.desc())
        .limit(limit)
    )
    if email:
        stmt = stmt.where(SignInAttempt.email_hash == accounts.email_hash(email))
    if outcome:
        stmt = stmt.where(SignInAttempt.outcome == outcome)
    return db.session.execute(stmt).all()


def of_user(user: User) -> list[SignInAttempt]:
    return list(
        db.session.scalars(
            select(SignInAttempt)
            .where(SignInAttempt.user_id == user.id)
            .order_by(SignInAttempt.created_at.desc(), SignInAttempt.id.desc())
        )
    )


def forget_user(user: User, email: str) -> None:
    """The person's attempts, and those on their address while it had no account."""
    db.session.execute(
        delete(SignInAttempt).where(
            (SignInAttempt.user_id == user.id)
            | (SignInAttempt.email_hash == accounts.email_hash(email))
        )
    )


def retention_days() -> int:
    return int(current_app.config["SIGN_IN_RETENTION_DAYS"])


def purge(before: datetime) -> int:
    result = db.session.execute(delete(SignInAttempt).where(SignInAttempt.created_at < before))
    return result.rowcount or 0
