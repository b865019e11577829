"""Featured zones: curated, scheduled product collections per market."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
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
    #: the banner photo, stored as product photos are (services.catalog.media): the key of
    #: its renditions and the size of the largest
    banner_key: Mapped[str | None] = mapped_column(String(64))
    banner_width: Mapped[int | None] = mapped_column(Integer)
    banner_height: Mapped[int | None] = mapped_column(Integer)
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


class ZoneDailyStat(db.Model):
    """What shoppers did with a zone on one Taipei day, counted without a write per request:
    page views, product views reached from the zone and adds to cart are counted in memory or
    in Redis and added here in batches (services.zones.stats). Orders and revenue are not kept
    here: they come from order lines, which carry the zone."""

    __tablename__ = "zone_daily_stats"
    __table_args__ = (
        CheckConstraint("views >= 0 AND product_views >= 0 AND add_to_carts >= 0", name="counts"),
    )

    zone_id: Mapped[int] = mapped_column(
        ForeignKey("zones.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    #: the zone's own page opened
    views: Mapped[int] = mapped_column(Integer, default=0)
    #: a product page opened from one of the zone's cards
    product_views: Mapped[int] = mapped_column(Integer, default=0)
    add_to_carts: Mapped[int] = mapped_column(Integer, default=0)
