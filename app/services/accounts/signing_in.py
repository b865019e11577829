"""Checking who signs in: the per-account throttle first, then the password (in the same time
whether or not the account exists), then, for accounts that turned it on, the one-time code.

Each step raises AccountLocked or InvalidCredentials (their params say which outcome to record
and whose account it was); the caller records every attempt, success or not, in a transaction
of its own (`sign_ins.record`), so a refused attempt is kept even though its own work rolls
back.
"""

from __future__ import annotations

from app.models import User
from app.models.user import SignInOutcome
from app.services import accounts, clock
from app.services.accounts import throttle, two_factor
from app.services.errors import AccountLocked, InvalidCredentials


def _refuse_if_locked(key: str, device: str | None, user: User | None) -> None:
    seconds = throttle.locked_for(key, device)
    if seconds:
        raise AccountLocked(seconds=seconds, user_id=user.id if user else None)


def check_password(email: str, password: str, device: str | None = None) -> User:
    """The account these credentials open. `device`: the id of a browser this account signed
    in on before (it has an allowance of its own). Raises AccountLocked or InvalidCredentials
    (params: outcome, user_id)."""
    key = accounts.email_hash(email)
    user = accounts.find_by_email(email)
    _refuse_if_locked(key, device, user)
    if not accounts.password_matches(user, password):
        throttle.count_failure(key, device)
        if user is None:
            outcome = SignInOutcome.UNKNOWN_ACCOUNT
        elif not user.is_active:
            outcome = SignInOutcome.INACTIVE
        else:
            outcome = SignInOutcome.WRONG_PASSWORD
        raise InvalidCredentials(outcome=outcome.value, user_id=user.id if user else None)
    return user


def check_code(user: User, code: str, device: str | None = None) -> None:
    """The second step. Raises AccountLocked or InvalidCredentials (outcome wrong_code)."""
    key = accounts.email_hash(user.email)
    _refuse_if_locked(key, device, user)
    if not two_factor.code_is_good(user, code):
        throttle.count_failure(key, device)
        raise InvalidCredentials(
            field="code", outcome=SignInOutcome.WRONG_CODE.value, user_id=user.id
        )


def signed_in(user: User) -> None:
    user.last_sign_in_at = clock.now()
