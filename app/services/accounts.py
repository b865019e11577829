"""Sign-up and sign-in."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from app.extensions import db
from app.models import User
from app.models.user import Role
from app.services import clock
from app.services.errors import EmailTaken, InvalidCredentials, InvalidEmail, WeakPassword

#: A real hash to compare against when the e-mail is unknown, so a wrong address takes as long
#: as a wrong password and sign-in does not reveal who has an account.
_DUMMY_HASH = generate_password_hash("not-a-real-password")


#: the shortest password an account may have (forms and commands say the same)
PASSWORD_MIN = 10


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


def find_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def create_user(
    email: str,
    password: str,
    name: str,
    role: Role = Role.SHOPPER,
    preferred_language: str | None = None,
    vendor_id: int | None = None,
    is_vendor_owner: bool = False,
) -> User:
    """Create an account. Raises InvalidEmail, EmailTaken or WeakPassword. Passwords are hashed
    with scrypt (Werkzeug)."""
    check_email(email)
    if len(password) < PASSWORD_MIN:
        raise WeakPassword(field="password")
    if find_by_email(email) is not None:
        raise EmailTaken(field="email")
    user = User(
        email=normalise_email(email),
        password_hash=generate_password_hash(password),
        name=name.strip(),
        role=Role(role).value,
        preferred_language=preferred_language,
        vendor_id=vendor_id,
        is_vendor_owner=is_vendor_owner,
    )
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(email: str, password: str) -> User:
    """The account with these credentials. Raises InvalidCredentials, saying no more."""
    user = find_by_email(email)
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        raise InvalidCredentials()
    if not check_password_hash(user.password_hash, password) or not user.is_active:
        raise InvalidCredentials()
    user.last_sign_in_at = clock.now()
    return user
