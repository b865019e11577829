"""What customs in each market charge and ask of the store's goods: duty rates by HS code,
the headings those codes name, and notices or stops per market and category (DESIGN.md,
Landed cost). Operators keep them (app/web/ops/duty.py)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.types import ScaledDecimal, UTCDateTime, utcnow


class HsHeading(db.Model):
    """A tariff chapter, heading or subheading the store's goods often fall under: its name
    per language (a duty line names it) and the store category its goods are sold in (the
    fallback for goods without a code; the list vendors pick their code from)."""

    __tablename__ = "hs_headings"

    #: digits only: "09", "0902", "090230"
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("categories.id", ondelete="SET NULL"), index=True
    )
    #: {content locale: name}: {"en": "tea", "zh_Hant": "茶", "th": "ชา", "ms": "teh"}
    names: Mapped[dict] = mapped_column(JSON)


class DutyRate(db.Model):
    """A market's import duty on goods whose HS code starts with `hs_prefix` (the longest
    matching prefix wins; domain.duty_rates)."""

    __tablename__ = "duty_rates"
    __table_args__ = (
        CheckConstraint("rate >= 0", name="rate_not_negative"),
        CheckConstraint("tax_rate IS NULL OR tax_rate >= 0", name="tax_rate_not_negative"),
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="valid_range"),
        Index("ix_duty_rates_market_code_hs_prefix", "market_code", "hs_prefix"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    market_code: Mapped[str] = mapped_column(ForeignKey("markets.code"))
    #: digits only: a chapter (2), heading (4) or subheading / national line (6 to 10)
    hs_prefix: Mapped[str] = mapped_column(String(10))
    #: fraction: 0.90 for 90%
    rate: Mapped[Decimal] = mapped_column(ScaledDecimal(6))
    #: the heading's rate for a tax rule that goes by heading (Malaysia's sales tax: 0 exempt,
    #: 0.05, 0.10); None: the rule's own rate
    tax_rate: Mapped[Decimal | None] = mapped_column(ScaledDecimal(6))
    #: an operator checked it in the market's official tariff; False: to be confirmed
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    #: where the figure comes from and how sure it is
    note: Mapped[str] = mapped_column(Text, default="")
    valid_from: Mapped[date] = mapped_column(Date)
    #: last day the rate applies (inclusive); None = open-ended
    valid_to: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class CategoryRestriction(db.Model):
    """What a market asks of one category's goods: a notice shoppers read before they pay
    (an import licence, a quota, parcels held at customs), and whether the store ships the
    category there at all."""

    __tablename__ = "category_restrictions"
    __table_args__ = (UniqueConstraint("market_code", "category_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    market_code: Mapped[str] = mapped_column(ForeignKey("markets.code"))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"))
    #: {content locale: notice}; empty: no notice
    notice: Mapped[dict] = mapped_column(JSON, default=dict)
    #: the category does not ship to this market: add to cart and checkout refuse it
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
