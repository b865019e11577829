"""The dashboard's daily roll-up: paid orders of each closed Taipei day, summed once by the
scheduled sweep (services.analytics.rollup) so the dashboard reads a few hundred rows instead
of every order of the period. A paid order never changes its day, market, goods, parcels or
zones, so a closed day is summed once; the day still open (today) is read from the orders.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.base import enum_check
from app.models.types import ScaledDecimal, UTCDateTime, utcnow

#: what SalesDayKey rows sum by
DIMENSIONS = ("vendor", "category", "zone")


class SalesDay(db.Model):
    """A Taipei day whose orders are in the roll-up (written with its rows)."""

    __tablename__ = "sales_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    rolled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SalesDayMarket(db.Model):
    """Paid orders of one day in one market at one frozen exchange rate."""

    __tablename__ = "sales_day_markets"
    __table_args__ = (Index("ix_sales_day_markets_day", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    market_code: Mapped[str] = mapped_column(String(2))
    currency: Mapped[str] = mapped_column(String(3))
    #: units of `currency` per NT$1, as the orders froze it
    fx_rate: Mapped[Decimal] = mapped_column(ScaledDecimal(10))
    orders: Mapped[int] = mapped_column(Integer)
    #: the orders' goods in `currency` (minor units)
    goods_minor: Mapped[int] = mapped_column(BigInteger)
    #: the same in millionths of a NT$, divided by `fx_rate` and rounded half-up
    gmv_twd_micro: Mapped[int] = mapped_column(BigInteger)


class SalesDayKey(db.Model):
    """Paid orders of one day with goods of one vendor, category or featured zone."""

    __tablename__ = "sales_day_keys"
    __table_args__ = (
        enum_check("dimension", DIMENSIONS),
        Index("ix_sales_day_keys_dimension_day", "dimension", "day", "key_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    dimension: Mapped[str] = mapped_column(String(16))
    #: the vendor's, category's or zone's id (no foreign key: the history outlives them)
    key_id: Mapped[int] = mapped_column(Integer)
    #: orders with goods of this key that day (an order counts once per key)
    orders: Mapped[int] = mapped_column(Integer)
    #: their goods of this key in millionths of a NT$ (each order at its own rate)
    gmv_twd_micro: Mapped[int] = mapped_column(BigInteger)
