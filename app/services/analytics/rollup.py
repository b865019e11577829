"""The daily roll-up of paid orders (models.analytics): closed Taipei days summed once, by the
scheduled sweep (app.jobs) or `flask analytics roll-up`, never by a page (a GET writes
nothing). A paid order keeps its day, market, rate, parcels, goods and zones for ever, so a
day closed for good is summed once; returns, which come later, are read live (queries).

Sums are stored per day and key in millionths of a NT$, each (currency, rate) sum converted
exactly (domain.analytics): the dashboard adds the rolled days and the live ones alike.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite

from app.domain import analytics
from app.domain.analytics import Charged
from app.extensions import db
from app.models import SalesDay, SalesDayKey, SalesDayMarket
from app.services import clock
from app.services.analytics import queries
from app.services.analytics.queries import Sums, Window
from app.services.bulk_insert import insert_rows

#: how far back the roll-up reaches (the dashboard's longest period)
SPAN_DAYS = 90
#: a day is rolled up only once it has been over for this long (a payment being handled at
#: midnight commits a moment later)
SETTLE = timedelta(hours=1)
#: days one sweep rolls up at most: each holds SQLite's write lock for a fraction of a second
#: (measured ~0.3 s a day on 100,000 orders in 90 days), so a store that starts with a backlog
#: catches up over a few sweeps instead of making buyers wait behind one long transaction
DAYS_PER_SWEEP = 3
#: the live statements per dimension of SalesDayKey
KEYED = {
    "vendor": queries.vendor_sums,
    "category": queries.category_sums,
    "zone": queries.zone_sums,
}


@dataclass(frozen=True)
class MarketDay:
    """Paid orders of one day and market (rolled up or live)."""

    day: date
    market: str
    currency: str
    orders: int
    goods_minor: int
    gmv_twd_micro: int


@dataclass(frozen=True)
class KeyTotal:
    """Paid orders of a period with goods of one vendor, category or zone."""

    dimension: str
    key: int
    orders: int
    gmv_twd_micro: int


def _micro(row: Sums) -> int:
    return analytics.twd_micro(Charged(row.currency, row.fx_rate, row.goods_minor))


def live_markets(window: Window) -> list[MarketDay]:
    return [
        MarketDay(r.day, r.key, r.currency, r.orders, r.goods_minor, _micro(r))
        for r in queries.market_sums(window)
    ]


def live_keys(window: Window) -> list[KeyTotal]:
    found: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
    for dimension, sums in KEYED.items():
        for row in sums(window):
            total = found[(dimension, row.key)]
            total[0] += row.orders  # one order is paid on one day at one rate
            total[1] += _micro(row)
    return [KeyTotal(dim, key, n, micro) for (dim, key), (n, micro) in found.items()]


# -- reading ----------------------------------------------------------------------------------


def first_open_day(first: date, last: date) -> date:
    """The first day of first..last that is not rolled up (last + 1 day when all are)."""
    rolled = set(db.session.scalars(select(SalesDay.day).where(SalesDay.day.between(first, last))))
    for day in analytics.days(first, last):
        if day not in rolled:
            return day
    return last + timedelta(days=1)


def rolled_markets(first: date, last: date) -> list[MarketDay]:
    if last < first:
        return []
    rows = db.session.execute(
        select(
            SalesDayMarket.day,
            SalesDayMarket.market_code,
            SalesDayMarket.currency,
            func.sum(SalesDayMarket.orders),
            func.sum(SalesDayMarket.goods_minor),
            func.sum(SalesDayMarket.gmv_twd_micro),
        )
        .where(SalesDayMarket.day.between(first, last))
        .group_by(SalesDayMarket.day, SalesDayMarket.market_code, SalesDayMarket.currency)
    )
    return [
        MarketDay(queries._as_date(day), market, currency, int(n), int(goods), int(micro))
        for day, market, currency, n, goods, micro in rows
    ]


def rolled_keys(first: date, last: date) -> list[KeyTotal]:
    if last < first:
        return []
    rows = db.session.execute(
        select(
            SalesDayKey.dimension,
            SalesDayKey.key_id,
            func.sum(SalesDayKey.orders),
            func.sum(SalesDayKey.gmv_twd_micro),
        )
        .where(SalesDayKey.day.between(first, last))
        .group_by(SalesDayKey.dimension, SalesDayKey.key_id)
    )
    return [KeyTotal(dim, key, int(n), int(micro)) for dim, key, n, micro in rows]


# -- writing ----------------------------------------------------------------------------------


def due(now: datetime | None = None) -> list[date]:
    """Closed days of the last SPAN_DAYS not rolled up yet, oldest first."""
    now = now or clock.now()
    last = clock.local(now - SETTLE).date() - timedelta(days=1)
    first = last - timedelta(days=SPAN_DAYS - 1)
    rolled = set(db.session.scalars(select(SalesDay.day).where(SalesDay.day.between(first, last))))
    return [day for day in analytics.days(first, last) if day not in rolled]


def _claim(days: list[date]) -> set[date]:
    """Mark the days as rolled up; returns those this transaction marked (another process
    rolling up at the same moment keeps the others)."""
    dialect = db.session.get_bind().dialect.name
    insert = (postgresql if dialect == "postgresql" else sqlite).insert
    now = clock.now()
    stmt = (
        insert(SalesDay)
        .values([{"day": day, "rolled_at": now} for day in days])
        .on_conflict_do_nothing(index_elements=[SalesDay.day])
        .returning(SalesDay.day)
    )
    return {queries._as_date(day) for day in db.session.execute(stmt).scalars()}


def roll_up(days: list[date]) -> int:
    """Sum the paid orders of these closed days into the roll-up (flush only). Returns how
    many days it rolled up (a day already rolled up is left as it is)."""
    if not days:
        return 0
    mine = _claim(sorted(set(days)))
    if not mine:
        return 0
    window = Window(min(mine), max(mine))
    markets: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in queries.market_sums(window):
        if row.day in mine:
            total = markets[(row.day, row.key, row.currency, row.fx_rate)]
            total[0] += row.orders
            total[1] += row.goods_minor
            total[2] += _micro(row)
    insert_rows(
        SalesDayMarket.__table__,
        [
            {
                "day": day,
                "market_code": market,
                "currency": currency,
                "fx_rate": fx,
                "orders": n,
                "goods_minor": goods,
                "gmv_twd_micro": micro,
            }
            for (day, market, currency, fx), (n, goods, micro) in sorted(markets.items())
        ],
    )
    keyed: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for dimension, sums in KEYED.items():
        for row in sums(window):
            if row.day in mine:
                total = keyed[(row.day, dimension, row.key)]
                total[0] += row.orders
                total[1] += _micro(row)
    insert_rows(
        SalesDayKey.__table__,
        [
            {"day": day, "dimension": dim, "key_id": key, "orders": n, "gmv_twd_micro": micro}
            for (day, dim, key), (n, micro) in sorted(keyed.items())
        ],
    )
    db.session.flush()
    return len(mine)
