from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.base import enum_check, locale_check
from app.models.types import UTCDateTime, utcnow

#: the product categories a vendor said it sells when applying
vendor_categories = Table(
    "vendor_categories",
    db.metadata,
    Column("vendor_id", ForeignKey("vendors.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", ForeignKey("categories.id", ondelete="CASCADE"), primary_key=True),
)


class VendorStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    SUSPENDED = "suspended"


#: a vendor's slug in URLs: lower-case letters, digits and inner hyphens, at most 64
SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")


def brand_name(name_en: str, name_zh_hant: str, content_locale: str) -> str:
    """A vendor's name for a reader: brand names stay as they are, Chinese for Chinese
    readers, English for the rest."""
    return name_zh_hant if content_locale == "zh_Hant" else name_en


class Vendor(db.Model):
    __tablename__ = "vendors"
    __table_args__ = (
        enum_check("status", [s.value for s in VendorStatus]),
        CheckConstraint(
            "commission_bp IS NULL OR commission_bp BETWEEN 0 AND 10000", name="commission_range"
        ),
    )

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
    #: store commission on each sale, in basis points (1500 = 15%); None: the store's default
    #: (the store setting default_commission_bp), as for most vendors
    commission_bp: Mapped[int | None] = mapped_column(Integer)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", use_alter=True))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    staff = relationship("User", back_populates="vendor", foreign_keys="User.vendor_id")
    translations = relationship("VendorTranslation", cascade="all, delete-orphan")
    categories = relationship("Category", secondary=vendor_categories)

    @property
    def is_approved(self) -> bool:
        return self.status == VendorStatus.APPROVED

    def display_name(self, content_locale: str) -> str:
        return brand_name(self.name_en, self.name_zh_hant, content_locale)


class VendorTranslation(db.Model):
    __tablename__ = "vendor_translations"
    __table_args__ = (UniqueConstraint("vendor_id", "locale"), locale_check())

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(8))
    tagline: Mapped[str] = mapped_column(String(200), default="")
    story: Mapped[str] = mapped_column(Text, default="")


class VendorInvitation(db.Model):
    """An owner's invitation for a staff member; the e-mailed link carries a signed token."""

    __tablename__ = "vendor_invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"), index=True)
    #: (indexed: invitations to one address are counted across vendors)
    email: Mapped[str] = mapped_column(String(254), index=True)
    invited_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    #: language of the invitation e-mail and of the join page
    language: Mapped[str] = mapped_column(String(8), default="zh-hant")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    vendor = relationship("Vendor")

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None


class CatalogImport(db.Model):
    """A bulk-listing upload: kept from preview to confirmation, then as a record."""

    __tablename__ = "catalog_imports"
    __table_args__ = (enum_check("status", ["previewed", "applied", "failed"]),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    filename: Mapped[str] = mapped_column(String(255))
    #: the uploaded file itself (at most 5 MB), so confirming works on any app server
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="previewed")
    products_created: Mapped[int] = mapped_column(Integer, default=0)
    products_updated: Mapped[int] = mapped_column(Integer, default=0)
    variants_created: Mapped[int] = mapped_column(Integer, default=0)
    variants_updated: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
