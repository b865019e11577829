"""Links mailed to an account: confirm the address, reset the password, set the first one.

Each is signed (itsdangerous, with the app's secret and a salt per purpose, so one kind is
never accepted as another) and short-lived. A password link also carries a fingerprint of the
password hash and session version: the moment it is used the password changes, so it is good
once, and signing out everywhere or changing the password kills any link still unused.
"""

from __future__ import annotations

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from app.extensions import db
from app.models import User
from app.services.errors import TokenInvalid

VERIFY = "verify"
RESET = "reset"
#: the first password of an account made on the command line (`flask vendors add`)
SET = "set"


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"account-{purpose}")


def _max_age(purpose: str) -> int:
    config = current_app.config
    if purpose == VERIFY:
        return int(config["EMAIL_VERIFY_DAYS"] * 86400)
    if purpose == SET:
        return int(config["SET_PASSWORD_DAYS"] * 86400)
    return int(config["PASSWORD_RESET_MINUTES"] * 60)


def _fingerprint(user: User, purpose: str) -> str:
    # a password link dies with the password (and with "sign out everywhere"); a
    # confirmation link with the address it was sent to
    state = user.email if purpose == VERIFY else f"{user.password_hash}:{user.session_version}"
    return hashlib.sha256(f"{purpose}:{state}".encode()).hexdigest()[:24]


def make(user: User, purpose: str) -> str:
    return _serializer(purpose).dumps({"id": user.id, "f": _fingerprint(user, purpose)})


def read(token: str, purpose: str) -> User:
    """The account a link stands for. Raises TokenInvalid (forged, expired, used, gone)."""
    try:
        data = _serializer(purpose).loads(token or "", max_age=_max_age(purpose))
    except (BadSignature, SignatureExpired):
        raise TokenInvalid() from None
    if not isinstance(data, dict) or not isinstance(data.get("id"), int):
        raise TokenInvalid()
    user = db.session.get(User, data["id"])
    if user is None or not user.is_active or data.get("f") != _fingerprint(user, purpose):
        raise TokenInvalid()
    return user


def read_password_link(token: str) -> tuple[User, str]:
    """A reset link or a first-password link: (account, purpose). Raises TokenInvalid."""
    for purpose in (RESET, SET):
        try:
            return read(token, purpose), purpose
        except TokenInvalid:
            continue
    raise TokenInvalid()
