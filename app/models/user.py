from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.base import enum_check
from app.models.types import UTCDateTime, utcnow


class Role(StrEnum):
    SHOPPER = "shopper"
    VENDOR = "vendor"
    OPERATOR = "operator"


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (enum_check("role", [r.value for r in Role]),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: stored lower-cased, so addresses are unique whatever their case
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16), default=Role.SHOPPER.value)
    #: vendor staff belong to exactly one vendor
    vendor_id: Mapped[int | None] = mapped_column(
        ForeignKey("vendors.id", ondelete="RESTRICT"), index=True
    )
    is_vendor_owner: Mapped[bool] = mapped_column(Boolean, default=False)
    #: URL language code the user last chose (en, th, ms, zh-hant)
    preferred_language: Mapped[str | None] = mapped_column(String(8))
    is_active_account: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: every session and remember cookie carries the version it was signed in under; signing
    #: out, changing the password or deleting the account moves it on, ending them all
    session_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: when a link mailed to `email` was opened (None: not yet confirmed)
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: base32 TOTP secret once two-step sign-in is turned on (operators only)
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    #: the last TOTP time step accepted: a code is good once
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)
    #: set when the person deleted the account: the row stays (orders and audit refer to it),
    #: emptied of personal data
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    vendor = relationship("Vendor", back_populates="staff", foreign_keys=[vendor_id])

    #: the signed-in session's token (app.web.sessions), set when signing in or loading the
    #: user from a cookie; Flask-Login stores get_id() in the session and remember cookie
    sign_in_token = None

    def get_id(self) -> str:
        if not self.sign_in_token:
            raise RuntimeError("sign in through app.web.sessions.sign_in()")
        return self.sign_in_token

    # the same account is the same user, whichever session it was loaded for
    __hash__ = object.__hash__

    def __eq__(self, other):
        if isinstance(other, User):
            return self.id == other.id if self.id is not None else self is other
        return NotImplemented

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    @property
    def is_active(self) -> bool:  # Flask-Login refuses sign-in to inactive accounts
        return self.is_active_account and self.deleted_at is None

    @property
    def is_operator(self) -> bool:
        return self.role == Role.OPERATOR

    @property
    def is_vendor_staff(self) -> bool:
        return self.role == Role.VENDOR and self.vendor_id is not None

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    @property
    def two_factor_enabled(self) -> bool:
        return bool(self.totp_secret)


class SignInOutcome(StrEnum):
    SIGNED_IN = "signed_in"
    #: the password was right and a second step (TOTP) was asked for
    CODE_ASKED = "code_asked"
    WRONG_PASSWORD = "wrong_password"  # noqa: S105 - an outcome, not a password
    UNKNOWN_ACCOUNT = "unknown_account"
    WRONG_CODE = "wrong_code"
    #: refused without checking anything: too many failures for this account just now
    LOCKED = "locked"
    INACTIVE = "inactive"


class SignInAttempt(db.Model):
    """One try at signing in, kept for operators (retention: SIGN_IN_RETENTION_DAYS)."""

    __tablename__ = "sign_in_attempts"
    __table_args__ = (
        enum_check("outcome", [o.value for o in SignInOutcome]),
        Index("ix_sign_in_attempts_user_created", "user_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: None when the e-mail has no account
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    #: keyed hash of the e-mail typed (never the address itself): finds attempts on an
    #: address that has no account without storing it
    email_hash: Mapped[str] = mapped_column(String(64), index=True)
    #: the client's address as the app sees it (after PROXY_FIX)
    address: Mapped[str] = mapped_column(String(45))
    outcome: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
