from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.base import enum_check, locale_check
from app.models.types import UTCDateTime, utcnow


class VendorStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    SUSPENDED = "suspended"


class Vendor(db.Model):
    __tablename__ = "vendors"
    __table_args__ = (enum_check("status", [s.value for s in VendorStatus]),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name_en: Mapped[str] = mapped_column(String(160))
    name_zh_hant: Mapped[str] = mapped_column(String(160))
    #: Taiwan unified business number (統一編號), 8 digits
    ubn: Mapped[str | None] = mapped_column(String(8), unique=True)
    status: Mapped[str] = mapped_column(String(16), default=VendorStatus.PENDING.value, index=True)
    contact_name: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    city_en: Mapped[str] = mapped_column(String(80), default="")
    city_zh_hant: Mapped[str] = mapped_column(String(80), default="")
    #: store commission on each sale, in basis points (1500 = 15%)
    commission_bp: Mapped[int] = mapped_column(Integer, default=1500)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", use_alter=True))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    staff = relationship("User", back_populates="vendor", foreign_keys="User.vendor_id")
    translations = relationship("VendorTranslation", cascade="all, delete-orphan")

    @property
    def is_approved(self) -> bool:
        return self.status == VendorStatus.APPROVED

    def display_name(self, content_locale: str) -> str:
        """Brand names stay as they are: Chinese for Chinese readers, English for the rest."""
        return self.name_zh_hant if content_locale == "zh_Hant" else self.name_en


class VendorTranslation(db.Model):
    __tablename__ = "vendor_translations"
    __table_args__ = (UniqueConstraint("vendor_id", "locale"), locale_check())

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(8))
    tagline: Mapped[str] = mapped_column(String(200), default="")
    story: Mapped[str] = mapped_column(Text, default="")
