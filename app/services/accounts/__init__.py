"""Accounts: creating them, passwords, e-mail verification, and what ends their sessions.

Signing in (with its throttling and records) is in `signing_in`, passwords' strength in
`passwords`, mailed links in `tokens`, two-step sign-in in `two_factor`, the person's own data
(export, deletion, retention) in `privacy`, and the record of sign-ins in `sign_ins`.
"""

from __future__ import annotations

import hashlib
import hmac

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from app.domain import plain_text
from app.extensions import db
from app.models import User
from app.models.user import Role
from app.services import claims, clock
from app.services.accounts.passwords import PASSWORD_MIN, check_password
from app.services.errors import EmailTaken, InvalidCredentials, InvalidEmail

__all__ = [
    "PASSWORD_MIN",
    "change_password",
    "check_email",
    "check_password",
    "create_user",
    "email_hash",
    "end_sessions",
    "find_by_email",
    "mark_verified",
    "normalise_email",
    "set_password",
]

#: A real hash to compare against when there is no account, so a wrong address takes as long
#: as a wrong password and nothing reveals who has an account.
_DUMMY_HASH = generate_password_hash("not-a-real-password")

#: the longest name an account may have (the column's size)
NAME_MAX = 120


def check_email(email: str) -> str:
    """The address as stored. Raises InvalidEmail. The same library and settings as the
    forms' Email validator, so the command line accepts exactly what the pages accept."""
    try:
        validate_email((email or "").strip(), check_deliverability=False)
    except EmailNotValidError:
        raise InvalidEmail(field="email") from None
    return normalise_email(email)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def email_hash(email: str) -> str:
    """A keyed hash of the normalised address: names an account in rate limits and sign-in
    records, whether or not it exists, without storing the address."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, normalise_email(email or "").encode(), hashlib.sha256).hexdigest()


def find_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def spend_a_hash(password: str) -> None:
    """The work of hashing a password, for paths that save none (an address that already has
    an account answers as slowly as a new one)."""
    generate_password_hash(password or "-")


def create_user(
    email: str,
    password: str,
    name: str,
    role: Role = Role.SHOPPER,
    preferred_language: str | None = None,
    vendor_id: int | None = None,
    is_vendor_owner: bool = False,
    verified: bool = False,
) -> User:
    """Create an account. Raises InvalidEmail, WeakPassword or EmailTaken (in that order, so
    a refused password says nothing about the address). Passwords are hashed with scrypt
    (Werkzeug). `verified`: the address is known to be theirs (an invitation link, the
    command line)."""
    check_email(email)
    name = plain_text.single_line(name)[:NAME_MAX]
    check_password(password, email=email, name=name)
    if find_by_email(email) is not None:
        raise EmailTaken(field="email")
    user = User(
        email=normalise_email(email),
        password_hash=generate_password_hash(password),
        name=name,
        role=Role(role).value,
        preferred_language=preferred_language,
        vendor_id=vendor_id,
        is_vendor_owner=is_vendor_owner,
        email_verified_at=clock.now() if verified else None,
    )
    # the same address signed up by another request at the same moment (services.claims)
    with claims.claiming({"users.email": lambda: EmailTaken(field="email")}):
        db.session.add(user)
    return user


def password_matches(user: User | None, password: str) -> bool:
    """Checks the password in the same time whether or not there is an account."""
    if user is None or not user.is_active:
        check_password_hash(_DUMMY_HASH, password or "")
        return False
    return check_password_hash(user.password_hash, password or "")


def end_sessions(user: User) -> None:
    """Every session and remember cookie of this account stops working (app.web.sessions
    compares the version on each request)."""
    user.session_version = (user.session_version or 1) + 1


def set_password(user: User, password: str) -> None:
    """A new password (from a mailed link or the account page). Raises WeakPassword. Ends
    every session: the caller signs the current one in again."""
    check_password(password, email=user.email, name=user.name)
    user.password_hash = generate_password_hash(password)
    end_sessions(user)


def change_password(user: User, current: str, new: str) -> None:
    """Raises InvalidCredentials (the current password is wrong) or WeakPassword."""
    if not password_matches(user, current):
        raise InvalidCredentials(field="current")
    set_password(user, new)


def mark_verified(user: User) -> None:
    if user.email_verified_at is None:
        user.email_verified_at = clock.now()
