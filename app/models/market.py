"""Markets the store ships to, their money, shipping rates, exchange rates and import taxes."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    SmallInteger,
    String,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.landed_cost import Applies, Kind
from app.extensions import db
from app.models.base import enum_check
from app.models.types import ScaledDecimal, UTCDateTime, utcnow


class Currency(db.Model):
    __tablename__ = "currencies"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    #: decimal places of the minor unit (ISO 4217)
    minor_unit: Mapped[int] = mapped_column(SmallInteger)


class Market(db.Model):
    """A destination country the store ships to."""

    __tablename__ = "markets"

    #: ISO 3166-1 alpha-2 country code
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    currency_code: Mapped[str] = mapped_column(ForeignKey("currencies.code"))
    #: URL language code shoppers in this market read by default
    default_language: Mapped[str] = mapped_column(String(8))
    position: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: halal certificates count only from bodies on the recognised list (Malaysia: JAKIM's)
    halal_recognised_only: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=sa_false()
    )

    shipping_rate = relationship("ShippingRate", uselist=False, cascade="all, delete-orphan")


class ShippingRate(db.Model):
    """What one vendor parcel to a market costs: the first kilogram and each further started
    kilogram, in New Taiwan dollars (converted like any price)."""

    __tablename__ = "shipping_rates"
    __table_args__ = (
        CheckConstraint("first_kg_twd > 0", name="first_kg_positive"),
        CheckConstraint("extra_kg_twd >= 0", name="extra_kg_not_negative"),
    )

    market_code: Mapped[str] = mapped_column(
        ForeignKey("markets.code", ondelete="CASCADE"), primary_key=True
    )
    first_kg_twd: Mapped[int] = mapped_column(Integer)
    extra_kg_twd: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class ExchangeRate(db.Model):
    """Operator-maintained rate: units of `currency_code` for one New Taiwan dollar.

    The rate in force for a currency is the one with the latest `as_of` not after today.
    """

    __tablename__ = "exchange_rates"
    __table_args__ = (
        UniqueConstraint("currency_code", "as_of"),
        CheckConstraint("rate > 0", name="rate_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    currency_code: Mapped[str] = mapped_column(ForeignKey("currencies.code"))
    rate: Mapped[Decimal] = mapped_column(ScaledDecimal(10))
    as_of: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class TaxRule(db.Model):
    """One line of import tax in a market (see DESIGN.md, Landed cost)."""

    __tablename__ = "tax_rules"
    __table_args__ = (
        enum_check("kind", [k.value for k in Kind]),
        enum_check("applies", [a.value for a in Applies]),
        CheckConstraint("rate >= 0", name="rate_not_negative"),
        CheckConstraint(
            "applies = 'always' OR threshold_minor IS NOT NULL", name="threshold_given"
        ),
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="valid_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    market_code: Mapped[str] = mapped_column(ForeignKey("markets.code"), index=True)
    #: English name, as printed on quotes and receipts ("VAT", "Import duty")
    name: Mapped[str] = mapped_column(String(80))
    #: which translated label shoppers see: duty, vat, sales_tax, gst, business_tax
    label: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    #: fraction: 0.07 for 7%
    rate: Mapped[Decimal] = mapped_column(ScaledDecimal(6))
    applies: Mapped[str] = mapped_column(String(16), default=Applies.ALWAYS.value)
    #: goods-value threshold in the market currency's minor units
    threshold_minor: Mapped[int | None] = mapped_column(BigInteger)
    shipping_in_base: Mapped[bool] = mapped_column(Boolean, default=True)
    prior_in_base: Mapped[bool] = mapped_column(Boolean, default=False)
    #: a duty at each item's own rate: by its HS code (duty_rates), else its category's
    uses_category_rate: Mapped[bool] = mapped_column(Boolean, default=False)
    #: a tax at the rate of the goods' heading where it has one (Malaysia's sales tax classes)
    rate_by_heading: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    #: the threshold weighs the goods of every parcel of the order (domain.landed_cost)
    threshold_per_order: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=sa_false()
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class CategoryDutyRate(db.Model):
    """A category's import duty rate in one market, for goods without an HS code in a
    category that has no heading rates there (app/models/customs.py: DutyRate)."""

    __tablename__ = "category_duty_rates"
    __table_args__ = (
        UniqueConstraint("market_code", "category_id"),
        CheckConstraint("rate >= 0", name="rate_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    market_code: Mapped[str] = mapped_column(ForeignKey("markets.code"))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"))
    rate: Mapped[Decimal] = mapped_column(ScaledDecimal(6))

    category = relationship("Category")
