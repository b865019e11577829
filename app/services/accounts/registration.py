"""Mail about an account: signing up, confirming the address, forgetting the password.

Nothing here tells a stranger whether an address has an account. Signing up with an address
that has one creates nothing and writes to that address instead ("you already have an
account"); asking for a password link for an address with no account writes to it too ("there
is no account"). Either way the page says the same, the same work is done (a password hash,
a mail written to the outbox) and the mail is delivered the same way. Mail that a stranger can
cause to be sent to someone's address is limited per address (RATELIMIT_MAILS_PER_ADDRESS).
"""

from __future__ import annotations

from flask import current_app

from app.models import User
from app.services import accounts, links, outbox
from app.services.accounts import throttle, tokens
from app.services.errors import EmailTaken


def _mail_allowed(email: str) -> bool:
    return throttle.allow("RATELIMIT_MAILS_PER_ADDRESS", accounts.email_hash(email))


def register(email: str, password: str, name: str, language: str) -> User | None:
    """A new shopper account, waiting for its address to be confirmed (a link is mailed).
    None when the address already has an account: its holder is told by mail instead.
    Raises InvalidEmail or WeakPassword (before anything about the address is looked up)."""
    address = accounts.check_email(email)
    accounts.check_password(password, email=address, name=name)
    existing = accounts.find_by_email(address)
    if existing is not None:
        accounts.spend_a_hash(password)
        if _mail_allowed(address):
            lang = existing.preferred_language or language
            outbox.mail(
                existing.email,
                "mail/account_exists.txt",
                lang,
                name=existing.name,
                sign_in=links.absolute("account.sign_in", lang=lang),
                reset=links.absolute("account.forgot_password", lang=lang),
            )
        return None
    try:
        user = accounts.create_user(address, password, name, preferred_language=language)
    except EmailTaken:
        # signed up by another request a moment ago: that one mails the link; this page
        # says what it says for any address that has an account
        return None
    send_verification(user)
    return user


def send_verification(user: User) -> None:
    """Mail a link that confirms the account's address."""
    language = user.preferred_language or "en"
    outbox.mail(
        user.email,
        "mail/account_verify.txt",
        language,
        name=user.name,
        link=links.absolute(
            "account.verify_email", lang=language, token=tokens.make(user, tokens.VERIFY)
        ),
    )


def resend_verification(user: User) -> bool:
    """A new confirmation link, unless the address had its share of mail today (False)."""
    if user.email_verified or not _mail_allowed(user.email):
        return False
    send_verification(user)
    return True


def verification_user(token: str) -> User:
    """The account a confirmation link is for. Raises TokenInvalid."""
    return tokens.read(token, tokens.VERIFY)


def verify(token: str) -> User:
    """Confirm the address a link was mailed to. Raises TokenInvalid."""
    user = tokens.read(token, tokens.VERIFY)
    accounts.mark_verified(user)
    return user


def send_password_link(email: str, language: str) -> None:
    """A reset link for the account, or word that the address has none. Raises InvalidEmail."""
    address = accounts.check_email(email)
    user = accounts.find_by_email(address)
    if not _mail_allowed(address):
        return
    if user is None or not user.is_active:
        outbox.mail(
            address,
            "mail/password_no_account.txt",
            language,
            sign_up=links.absolute("account.sign_up", lang=language),
        )
        return
    lang = user.preferred_language or language
    outbox.mail(
        user.email,
        "mail/password_reset.txt",
        lang,
        name=user.name,
        minutes=int(current_app.config["PASSWORD_RESET_MINUTES"]),
        link=links.absolute(
            "account.reset_password", lang=lang, token=tokens.make(user, tokens.RESET)
        ),
    )


def password_link_user(token: str) -> User:
    """The account a reset or first-password link is for. Raises TokenInvalid."""
    user, _purpose = tokens.read_password_link(token)
    return user


def reset_password(token: str, password: str) -> User:
    """Set the password from a mailed link: good once (the password hash it was made for is
    gone), it confirms the address, and every session of the account ends. Raises
    TokenInvalid or WeakPassword."""
    user, _purpose = tokens.read_password_link(token)
    accounts.set_password(user, password)
    accounts.mark_verified(user)
    password_changed(user)
    return user


def password_changed(user: User) -> None:
    """Tell the account's holder (if it was not them, they should know at once)."""
    language = user.preferred_language or "en"
    outbox.mail(
        user.email,
        "mail/password_changed.txt",
        language,
        name=user.name,
        reset=links.absolute("account.forgot_password", lang=language),
    )
