"""Signed-in sessions: what a session or remember cookie stands for, and when it ends.

A sign-in is a token "<user id>:<session version>:<random>:<signed in at>" kept in the signed
session cookie and, with "keep me signed in", in Flask-Login's remember cookie (it stores
`User.get_id()`). Every request that carries one loads the account and compares the version:
signing out, changing the password, resetting it or deleting the account moves the version on
(services.accounts.end_sessions), so a cookie saved before that and replayed after opens
nothing. The random part makes each sign-in's remember cookie different.

Lifetimes depend on the role (SESSION_LIFETIMES): a session not remembered ends after a while
without requests (operators: 30 minutes), every sign-in ends after its absolute lifetime, and
operators are never remembered. Pages of a signed-in person are sent with
`Cache-Control: no-store`; anonymous pages keep their caching.

A browser that signed in to an account gets a signed "device" cookie naming it: its failed
sign-ins to that account count on their own allowance (services.accounts.throttle), so a
stranger who locks the account does not lock its owner out on their own browser.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from datetime import timedelta

from flask import Flask, current_app, flash, g, request, session
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from itsdangerous import BadSignature, URLSafeSerializer

from app.extensions import db, login_manager
from app.models import User
from app.models.user import Role
from app.services import accounts

#: session key of the sign-in's times: at (signed in, epoch seconds), seen (last request,
#: rounded to a minute) and remember
AUTH = "_auth"
DEVICE_COOKIE = "tgg_device"
#: accounts one browser's device cookie remembers
DEVICE_ACCOUNTS = 5
#: requests not tracked (files)
_UNTRACKED = {"static", "media"}


@dataclass(frozen=True)
class Lifetime:
    idle: timedelta
    absolute: timedelta
    #: None: never remembered
    remember: timedelta | None


def lifetime(user: User) -> Lifetime:
    if user.role == Role.OPERATOR:
        kind = "operator"
    elif user.role == Role.VENDOR:
        kind = "vendor"
    else:
        kind = "shopper"
    spec = current_app.config["SESSION_LIFETIMES"][kind]
    remember_days = spec.get("remember_days") or 0
    return Lifetime(
        idle=timedelta(minutes=spec["idle_minutes"]),
        absolute=timedelta(days=spec["absolute_days"]),
        remember=timedelta(days=remember_days) if remember_days else None,
    )


def _token(user: User, since: int) -> str:
    return f"{user.id}:{user.session_version}:{secrets.token_urlsafe(12)}:{since}"


def _parse(token: str) -> tuple[int, int, int] | None:
    """(user id, version, signed in at) from a token, or None."""
    parts = (token or "").split(":")
    if len(parts) != 4 or not (parts[0].isdigit() and parts[1].isdigit() and parts[3].isdigit()):
        return None
    return int(parts[0]), int(parts[1]), int(parts[3])


def sign_in(user: User, remember: bool = False) -> None:
    """Start a session for `user` (the password, and code when asked, were checked)."""
    life = lifetime(user)
    now = int(time.time())
    user.sign_in_token = _token(user, now)
    keep = bool(remember and life.remember)
    login_user(user, remember=keep, duration=life.remember if keep else None, fresh=True)
    session[AUTH] = {"at": now, "seen": now, "remember": keep}
    g.signed_in = True
    g.trust_device = accounts.email_hash(user.email)


def resume(user: User) -> None:
    """Keep the current browser signed in after the account's version moved on (a password
    change here ends the other sessions, not this one)."""
    auth = session.get(AUTH) or {}
    sign_in(user, remember=bool(auth.get("remember")))


def sign_out() -> None:
    logout_user()
    session.pop(AUTH, None)


def _load(token: str) -> User | None:
    parsed = _parse(token)
    if parsed is None:
        return None
    user_id, version, since = parsed
    user = db.session.get(User, user_id)
    if user is None or not user.is_active or user.session_version != version:
        return None
    if time.time() - since > lifetime(user).absolute.total_seconds():
        return None
    user.sign_in_token = token
    return user


def _ended(message: str | None) -> None:
    sign_out()
    if message:
        flash(message, "info")


def _enforce_lifetimes() -> None:
    if request.endpoint in _UNTRACKED:
        return
    cookie = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token")
    if "_user_id" not in session and cookie not in request.cookies:
        return
    user = current_user._get_current_object()
    if not user.is_authenticated:
        # a session or remember cookie that opens nothing any more: forget both
        _ended(None)
        return
    since = _parse(user.get_id())[2]
    now = int(time.time())
    life = lifetime(user)
    auth = session.get(AUTH)
    if not auth or auth.get("at") != since:
        # restored from the remember cookie (a new browser session)
        auth = {"at": since, "seen": now, "remember": True}
    if now - since > life.absolute.total_seconds() or (
        not auth.get("remember") and now - auth.get("seen", 0) > life.idle.total_seconds()
    ):
        _ended(_("Your session ended. Please sign in again."))
        return
    if now - auth.get("seen", 0) >= 60 or session.get(AUTH) != auth:
        auth["seen"] = now
        session[AUTH] = auth
    g.signed_in = True


def _private_pages(response):
    if g.get("signed_in") and request.endpoint not in _UNTRACKED:
        response.cache_control.no_store = True
        response.cache_control.private = True
        response.cache_control.public = False
        response.cache_control.max_age = None
        response.cache_control.immutable = False
    trusted = g.get("trust_device")
    if trusted:
        _set_device_cookie(response, trusted)
    return response


# -- trusted browsers -------------------------------------------------------------------------


def _devices() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="sign-in-device")


def _device() -> dict:
    raw = request.cookies.get(DEVICE_COOKIE)
    if not raw:
        return {}
    try:
        data = _devices().loads(raw)
    except BadSignature:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("a"), list):
        return {}
    return data


def device_for(email: str) -> str | None:
    """This browser's id when it signed in to the account `email` names before, else None."""
    data = _device()
    key = accounts.email_hash(email)[:32]
    return str(data.get("n")) if data.get("n") and key in data["a"] else None


def _set_device_cookie(response, email_hash: str) -> None:
    data = _device()
    nonce = data.get("n") or secrets.token_urlsafe(16)
    known = [key for key in data.get("a", []) if key != email_hash[:32]]
    value = _devices().dumps({"n": nonce, "a": [email_hash[:32], *known][:DEVICE_ACCOUNTS]})
    config = current_app.config
    response.set_cookie(
        DEVICE_COOKIE,
        value,
        max_age=int(timedelta(days=365).total_seconds()),
        httponly=True,
        secure=config.get("SESSION_COOKIE_SECURE", False),
        samesite="Lax",
    )


def install(app: Flask) -> None:
    from app.web import log_filters

    log_filters.install()
    login_manager.user_loader(_load)
    app.before_request(_enforce_lifetimes)
    app.after_request(_private_pages)
