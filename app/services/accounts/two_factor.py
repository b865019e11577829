"""Two-step sign-in for operators: a time-based one-time code (TOTP, RFC 6238) from an
authenticator app, with pyotp (the PyAuth project's library, small and well kept).

A code is good once: the time step it was made in is stored, and a code from that step or an
earlier one is refused, so a code seen over someone's shoulder cannot be used again.
"""

from __future__ import annotations

from datetime import datetime

import pyotp

from app.models import User
from app.services import clock
from app.services.errors import TwoFactorRefused

ISSUER = "Taipei Good Goods"
#: codes of the step before and after are accepted too (clocks drift, people type slowly)
WINDOW = 1


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def _matching_step(secret: str, code: str, now: datetime) -> int | None:
    code = "".join((code or "").split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    step = totp.timecode(now)
    for candidate in range(step - WINDOW, step + WINDOW + 1):
        if pyotp.utils.strings_equal(totp.generate_otp(candidate), code):
            return candidate
    return None


def code_is_good(user: User, code: str) -> bool:
    """True (and the code is used up) when `code` is this account's current code."""
    if not user.totp_secret:
        return False
    step = _matching_step(user.totp_secret, code, clock.now())
    if step is None or (user.totp_last_step is not None and step <= user.totp_last_step):
        return False
    user.totp_last_step = step
    return True


def enable(user: User, secret: str, code: str) -> None:
    """Turn two-step sign-in on with the secret the person's app was given. Raises
    TwoFactorRefused (two_factor.operators_only, code.invalid)."""
    if not user.is_operator:
        raise TwoFactorRefused("two_factor.operators_only")
    step = _matching_step(secret, code, clock.now())
    if step is None:
        raise TwoFactorRefused("code.invalid", field="code")
    user.totp_secret = secret
    user.totp_last_step = step


def disable(user: User, code: str) -> None:
    """Raises TwoFactorRefused (code.invalid)."""
    if not code_is_good(user, code):
        raise TwoFactorRefused("code.invalid", field="code")
    user.totp_secret = None
    user.totp_last_step = None
