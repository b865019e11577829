from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import Boolean, ForeignKey, String
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

    vendor = relationship("Vendor", back_populates="staff", foreign_keys=[vendor_id])

    @property
    def is_active(self) -> bool:  # Flask-Login refuses sign-in to inactive accounts
        return self.is_active_account

    @property
    def is_operator(self) -> bool:
        return self.role == Role.OPERATOR

    @property
    def is_vendor_staff(self) -> bool:
        return self.role == Role.VENDOR and self.vendor_id is not None
