"""Sums of paid orders straight from the orders: per Taipei day and per (currency, frozen rate),
by market, vendor, category or featured zone. The roll-up (rollup.py) stores them for closed
days; the dashboard reads them live for the days not rolled up (today, normally).

A paid order counts on the Taipei day it was paid. Every statement selects the window's orders
by (status, paid_at) (index ix_orders_status_paid) and groups in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import Date, Interval, and_, cast, func, literal, select

from app.domain.order_states import OrderStatus, ReturnStatus
from app.extensions import db
from app.models import Order, OrderLine, Product, ReturnRequest, VendorOrder
from app.services import clock

#: Taipei has kept UTC+8 without daylight saving time since 1980: a Taipei day is the UTC
#: moment moved by this much (one expression on SQLite and PostgreSQL)
TAIPEI_OFFSET = clock.STORE_TZ.utcoffset(datetime(2026, 1, 1))
#: the rate column (ScaledDecimal: stored as an integer, read back as the rate)
_FX = Order.__table__.c.fx_rate


@dataclass(frozen=True)
class Window:
    """Paid orders of the Taipei days first..last (both included)."""

    first: date
    last: date

    @property
    def start(self) -> datetime:
        return clock.day_start(self.first)

    @property
    def end(self) -> datetime:
        return clock.day_start(self.last + timedelta(days=1))

    @property
    def empty(self) -> bool:
        return self.last < self.first

    def paid(self):
        return and_(
            Order.status == OrderStatus.PAID.value,
            Order.paid_at >= self.start,
            Order.paid_at < self.end,
        )


def _taipei_day(column):
    if db.session.get_bind().dialect.name == "postgresql":
        return cast(column + literal(TAIPEI_OFFSET, Interval()), Date)
    hours = int(TAIPEI_OFFSET.total_seconds() // 3600)
    return func.date(column, f"{hours:+d} hours")


def _as_date(value) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _rate(value) -> Decimal:
    """A rate as the statements return it, in units per NT$1: the column's type turns the
    stored integer into the rate already, except where a driver hands over the bare integer."""
    if isinstance(value, Decimal):
        return value
    return _FX.type.process_result_value(value, None)


@dataclass(frozen=True)
class Sums:
    """Paid orders of one day with goods of one key (a market code, or a vendor's, category's
    or zone's id), at one frozen rate."""

    day: date
    key: int | str
    currency: str
    fx_rate: Decimal
    #: orders with goods of this key (an order counts once per key)
    orders: int
    #: those goods, in `currency` (minor units)
    goods_minor: int


def _sums(key, goods, joined, window: Window, *where, distinct: bool = True) -> list[Sums]:
    day = _taipei_day(Order.paid_at).label("day")
    orders = func.count(func.distinct(Order.id)) if distinct else func.count()
    stmt = (
        select(day, key, Order.currency, _FX, orders, func.sum(goods))
        .select_from(joined)
        .where(window.paid(), *where)
        .group_by(day, key, Order.currency, _FX)
    )
    return [
        Sums(_as_date(d), k, currency, _rate(fx), int(n), int(total))
        for d, k, currency, fx, n, total in db.session.execute(stmt)
    ]


def market_sums(window: Window) -> list[Sums]:
    return _sums(Order.market_code, Order.goods_minor, Order.__table__, window, distinct=False)


def vendor_sums(window: Window) -> list[Sums]:
    # one parcel per vendor and order: each row is one order
    return _sums(
        VendorOrder.vendor_id,
        VendorOrder.goods_minor,
        VendorOrder.__table__.join(Order, Order.id == VendorOrder.order_id),
        window,
        distinct=False,
    )


def category_sums(window: Window) -> list[Sums]:
    joined = OrderLine.__table__.join(Order, Order.id == OrderLine.order_id).join(
        Product, Product.id == OrderLine.product_id
    )
    return _sums(Product.category_id, OrderLine.goods_minor, joined, window)


def zone_sums(window: Window) -> list[Sums]:
    """Goods bought from a featured zone (the zone the order line carries)."""
    joined = OrderLine.__table__.join(Order, Order.id == OrderLine.order_id)
    return _sums(
        OrderLine.zone_id, OrderLine.goods_minor, joined, window, OrderLine.zone_id.is_not(None)
    )


def returned_orders(window: Window) -> dict[str, int]:
    """Per market: the window's paid orders with a return asked for and not turned down
    (read from the returns, a small table, whatever the number of orders)."""
    rows = db.session.execute(
        select(Order.market_code, func.count(func.distinct(Order.id)))
        .select_from(ReturnRequest.__table__.join(Order, Order.id == ReturnRequest.order_id))
        .where(window.paid(), ReturnRequest.status != ReturnStatus.REJECTED.value)
        .group_by(Order.market_code)
    )
    return {market: int(count) for market, count in rows}
