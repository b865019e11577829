"""What a password must not be: short, common, or made of the person's own e-mail or name.

zxcvbn (Dropbox's estimator, the Python port) rather than a bare list of common passwords: it
carries the top 30,000 leaked passwords and common words and names, and also sees what a list
cannot (keyboard walks, repeats, sequences, dates, l33t spellings of any of them) and the
person's own e-mail and name given as `user_inputs`. A password must take at least 10^8
guesses by its estimate (score 3 of 4), far beyond what the sign-in throttle allows online.
"""

from __future__ import annotations

import re

from zxcvbn import zxcvbn

from app.services.errors import WeakPassword

#: the shortest password an account may have (forms and commands say the same)
PASSWORD_MIN = 10
PASSWORD_MAX = 200
#: zxcvbn's score: 3 is "safely unguessable" (at least 10^8 guesses)
MIN_SCORE = 3
#: zxcvbn's own limit; a password this long is judged by its beginning
_ESTIMATE_CHARS = 72


def _personal_words(email: str | None, name: str | None) -> list[str]:
    words = []
    if email:
        local, _, domain = email.strip().lower().partition("@")
        words += [email.strip().lower(), local, domain.split(".")[0]]
        words += re.split(r"[^\w]+", local)
    if name:
        words += [name.strip().lower(), "".join(name.lower().split()), *name.lower().split()]
    return [w for w in dict.fromkeys(words) if len(w) >= 3]


def check_password(password: str, email: str | None = None, name: str | None = None) -> None:
    """Raises WeakPassword: password.short (params min), password.personal (it is mostly the
    e-mail or the name), password.common (common or easily guessed)."""
    password = password or ""
    if len(password) < PASSWORD_MIN:
        raise WeakPassword("password.short", field="password", min=PASSWORD_MIN)
    if len(password) > PASSWORD_MAX:
        raise WeakPassword("password.long", field="password", max=PASSWORD_MAX)
    personal = _personal_words(email, name)
    squeezed = re.sub(r"[\W_\d]+", "", password.lower())
    if any(
        word == password.lower()
        or (len(word) >= 4 and word in squeezed and len(squeezed) < len(word) + 4)
        for word in personal
    ):
        raise WeakPassword("password.personal", field="password")
    estimate = zxcvbn(password[:_ESTIMATE_CHARS], user_inputs=personal)
    if estimate["score"] < MIN_SCORE:
        raise WeakPassword("password.common", field="password")
