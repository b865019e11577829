"""Featured zones: curated, scheduled product collections per market."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.base import enum_check, locale_check
from app.models.types import UTCDateTime, utcnow

ACCENTS = ("red", "jade", "gold", "indigo", "plum")


class Zone(db.Model):
    __tablename__ = "zones"
    __table_args__ = (enum_check("accent", ACCENTS),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    #: the "Taipei Good Goods" zone, always shown first
    is_flagship: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: None: runs until an operator ends it
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: colour of the zone banner, one of the store palette's names (inline styles are
    #: refused by the CSP, so colours are classes)
    accent: Mapped[str] = mapped_column(String(16), default="red")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    translations = relationship("ZoneTranslation", cascade="all, delete-orphan", lazy="selectin")
    markets = relationship("ZoneMarket", cascade="all, delete-orphan")
    products = relationship(
        "ZoneProduct", cascade="all, delete-orphan", order_by="ZoneProduct.position"
    )


class ZoneTranslation(db.Model):
    __tablename__ = "zone_translations"
    __table_args__ = (UniqueConstraint("zone_id", "locale"), locale_check())

    id: Mapped[int] = mapped_column(primary_key=True)
    zone_id: Mapped[int] = mapped_column(ForeignKey("zones.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(String(120))
    blurb: Mapped[str] = mapped_column(Text, default="")


class ZoneMarket(db.Model):
    __tablename__ = "zone_markets"
    __table_args__ = (UniqueConstraint("zone_id", "market_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    zone_id: Mapped[int] = mapped_column(ForeignKey("zones.id", ondelete="CASCADE"))
    market_code: Mapped[str] = mapped_column(ForeignKey("markets.code"), index=True)


class ZoneProduct(db.Model):
    __tablename__ = "zone_products"
    __table_args__ = (UniqueConstraint("zone_id", "product_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    zone_id: Mapped[int] = mapped_column(ForeignKey("zones.id", ondelete="CASCADE"))
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
