"""The operators' dashboard in figures: gross merchandise value (GMV) and orders per day, per
market, per vendor (the top 10), per category and per featured zone; the average order per
market; the return rate; zone page views against orders.

GMV is the value of the goods of paid orders (without shipping and import tax, before any
refund), in NT$: each order's goods as charged in its market's currency, divided by the
exchange rate frozen on that order (domain.analytics). Every breakdown adds up to the same
total (zones: only the goods bought from a zone). Orders count on the Taipei day they were
paid. Closed days come from the daily roll-up, the rest (today) from the orders: a fixed
number of statements, each reading a day's orders at most, however many orders there are.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from app.domain import analytics
from app.extensions import db
from app.models import Vendor, ZoneDailyStat, ZoneTranslation
from app.services import reference
from app.services.analytics import queries, rollup
from app.services.analytics.queries import Window
from app.services.analytics.rollup import KeyTotal, MarketDay
from app.services.i18n import Text, resolve_map

TOP_VENDORS = 10


@dataclass(frozen=True)
class Day:
    day: date
    orders: int
    gmv_twd: int


@dataclass(frozen=True)
class MarketFigures:
    market: str
    currency: str
    orders: int
    gmv_twd: int
    #: the average order's goods, in the market's currency (minor units) and in NT$
    average_minor: int
    average_twd: int
    #: orders with a return asked for (and not turned down), and their share of orders
    returned: int
    return_rate: Decimal


@dataclass(frozen=True)
class Ranked:
    """A vendor, category or zone and the paid orders with its goods."""

    key: int
    orders: int
    gmv_twd: int


@dataclass(frozen=True)
class VendorFigures(Ranked):
    name: Text | None = None


@dataclass(frozen=True)
class ZoneFigures(Ranked):
    title: Text | None = None
    #: views of the zone's page (counted in batches: services.zone_stats)
    views: int = 0
    #: orders with a product found in the zone, per zone page view (None before a view)
    conversion: Decimal | None = None


@dataclass(frozen=True)
class Dashboard:
    first: date
    last: date
    days: list[Day]
    markets: list[MarketFigures]
    vendors: list[VendorFigures]
    categories: list[Ranked]
    zones: list[ZoneFigures]
    orders: int
    gmv_twd: int
    returned: int
    return_rate: Decimal | None
    #: days of the period read from the orders rather than the roll-up (today, normally)
    live_from: date


def _days(first: date, last: date, rows: list[MarketDay]) -> list[Day]:
    orders: dict[date, int] = defaultdict(int)
    micro: dict[date, int] = defaultdict(int)
    for row in rows:
        orders[row.day] += row.orders
        micro[row.day] += row.gmv_twd_micro
    return [
        Day(day, orders[day], analytics.whole_twd(micro[day]))
        for day in analytics.days(first, last)
    ]


def _markets(rows: list[MarketDay], returned: dict[str, int]) -> list[MarketFigures]:
    ref = reference.get()
    position = {code: n for n, code in enumerate(ref.markets)}
    found = []
    for code in sorted({r.market for r in rows}, key=lambda c: (position.get(c, 99), c)):
        mine = [r for r in rows if r.market == code]
        orders = sum(r.orders for r in mine)
        micro = sum(r.gmv_twd_micro for r in mine)
        # a market charges in its one currency (each order froze it)
        currencies = {r.currency for r in mine}
        currency = currencies.pop() if len(currencies) == 1 else ref.markets[code].currency
        charged = [r for r in mine if r.currency == currency]
        back = returned.get(code, 0)
        found.append(
            MarketFigures(
                market=code,
                currency=currency,
                orders=orders,
                gmv_twd=analytics.whole_twd(micro),
                average_minor=analytics.average_minor(
                    sum(r.goods_minor for r in charged), sum(r.orders for r in charged)
                ),
                average_twd=analytics.average_twd(micro, orders),
                returned=back,
                return_rate=analytics.share(back, orders),
            )
        )
    return found


def _ranked(totals: list[KeyTotal], dimension: str) -> list[Ranked]:
    orders: dict[int, int] = defaultdict(int)
    micro: dict[int, int] = defaultdict(int)
    for total in totals:
        if total.dimension == dimension:
            orders[total.key] += total.orders
            micro[total.key] += total.gmv_twd_micro
    found = [Ranked(key, orders[key], analytics.whole_twd(micro[key])) for key in orders]
    return sorted(found, key=lambda r: (-micro[r.key], r.key))


def _vendors(totals: list[KeyTotal], content_locale: str) -> list[VendorFigures]:
    top = _ranked(totals, "vendor")[:TOP_VENDORS]
    if not top:
        return []
    names = {
        vendor_id: resolve_map({"en": name_en, "zh_Hant": name_zh}, content_locale)
        for vendor_id, name_en, name_zh in db.session.execute(
            select(Vendor.id, Vendor.name_en, Vendor.name_zh_hant).where(
                Vendor.id.in_([r.key for r in top])
            )
        )
    }
    return [VendorFigures(r.key, r.orders, r.gmv_twd, name=names.get(r.key)) for r in top]


def _views(first: date, last: date) -> dict[int, int]:
    """Zone page views of the days first..last, per zone (the batched counts of
    services.zone_stats: a few rows per zone and day, whatever the number of orders)."""
    rows = db.session.execute(
        select(ZoneDailyStat.zone_id, func.sum(ZoneDailyStat.views))
        .where(ZoneDailyStat.day >= first, ZoneDailyStat.day <= last)
        .group_by(ZoneDailyStat.zone_id)
    )
    return {zone_id: int(views or 0) for zone_id, views in rows}


def _zones(totals: list[KeyTotal], first: date, last: date, content_locale: str):
    bought = {r.key: r for r in _ranked(totals, "zone")}
    views = _views(first, last)
    ids = bought.keys() | {k for k, n in views.items() if n}
    if not ids:
        return []
    titles: dict[int, dict[str, str]] = defaultdict(dict)
    for zone_id, locale, title in db.session.execute(
        select(ZoneTranslation.zone_id, ZoneTranslation.locale, ZoneTranslation.title).where(
            ZoneTranslation.zone_id.in_(ids)
        )
    ):
        titles[zone_id][locale] = title
    found = []
    for zone_id in ids:
        sold = bought.get(zone_id)
        orders = sold.orders if sold else 0
        seen = views.get(zone_id, 0)
        found.append(
            ZoneFigures(
                key=zone_id,
                # paid orders with goods from the zone, counted as the zones page counts them
                orders=orders,
                gmv_twd=sold.gmv_twd if sold else 0,
                title=resolve_map(titles.get(zone_id, {}), content_locale),
                views=seen,
                conversion=analytics.share(orders, seen) if seen else None,
            )
        )
    return sorted(found, key=lambda z: (-z.gmv_twd, -z.views, z.key))


def dashboard(first: date, last: date, content_locale: str = "en") -> Dashboard:
    """Every figure of the Taipei days first..last (both included)."""
    live_from = rollup.first_open_day(first, last)
    live = Window(live_from, last)
    markets = rollup.rolled_markets(first, live_from - timedelta(days=1))
    totals = rollup.rolled_keys(first, live_from - timedelta(days=1))
    if not live.empty:
        markets += rollup.live_markets(live)
        totals += rollup.live_keys(live)
    returned = queries.returned_orders(Window(first, last))
    orders = sum(r.orders for r in markets)
    back = sum(returned.values())
    return Dashboard(
        first=first,
        last=last,
        days=_days(first, last, markets),
        markets=_markets(markets, returned),
        vendors=_vendors(totals, content_locale),
        categories=_ranked(totals, "category"),
        zones=_zones(totals, first, last, content_locale),
        orders=orders,
        gmv_twd=analytics.whole_twd(sum(r.gmv_twd_micro for r in markets)),
        returned=back,
        return_rate=analytics.share(back, orders),
        live_from=live_from,
    )
