"""The dashboard's figures as the page and the CSV downloads show them: each figure is one table
of numbers (formatted in the page's language for the page, plain for the CSV, the same rows in
the same order), the charts drawn from it (app.web.ops.charts), and a sentence that describes
each chart to those who do not see it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from babel.dates import format_skeleton
from flask_babel import gettext as _
from markupsafe import Markup

from app.domain import spreadsheet
from app.domain.money import Money
from app.services import reference
from app.services.analytics import Dashboard
from app.web import formatting
from app.web.context import category_name, display_locale, market_name
from app.web.i18n import current_language
from app.web.ops import charts

# -- values: one kind per column, shown on the page and written to the CSV ---------------------


def _locale() -> str:
    return current_language().babel


def _number(value: int) -> str:
    return formatting.format_number(value, _locale())


def _twd(value: int) -> str:
    return formatting.format_money(Money.from_major(value, "TWD"), display_locale())


def _share(value: Decimal | None) -> str:
    return "—" if value is None else formatting.format_rate_percent(value, display_locale())


def _day(value: date) -> str:
    return formatting.format_day(value, _locale())


def _short_day(value: date) -> str:
    return format_skeleton("MMMd", value, locale=_locale())


def _money(value: Money) -> str:
    return formatting.format_money(value, display_locale())


def _plain(value) -> str:
    """A cell of the CSV: numbers as digits, days as ISO dates, amounts in major units; text
    a spreadsheet would run as a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, Money):
        return f"{value.major:f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}"
    return spreadsheet.cell(value)


@dataclass(frozen=True)
class Column:
    #: the CSV's header (stable, in English)
    key: str
    #: the table's header, in the page's language
    label: str
    shown: Callable = str


@dataclass
class Figure:
    slug: str
    title: str
    columns: list[Column]
    #: the values, one list per row, as the CSV writes them
    rows: list[list] = field(default_factory=list)
    charts: list[Markup] = field(default_factory=list)
    #: what the numbers mean (GMV, conversion), under the title
    note: str = ""

    def cells(self) -> list[list[str]]:
        return [[c.shown(v) for c, v in zip(self.columns, row, strict=True)] for row in self.rows]

    @property
    def table(self) -> Markup:
        return charts.table(
            _("The numbers: %(title)s", title=self.title),
            [c.label for c in self.columns],
            self.cells(),
            _("Nothing in this period."),
        )

    def csv(self) -> bytes:
        return spreadsheet.csv_bytes(
            [c.key for c in self.columns], ([_plain(v) for v in row] for row in self.rows)
        )


def _describe(title: str, points: list[tuple[str, object]], shown: Callable) -> str:
    """A sentence for the chart's <desc>: how many values, and the highest."""
    if not points:
        return _("%(title)s: nothing in this period.", title=title)
    label, value = max(points, key=lambda p: p[1])
    return _(
        "%(title)s, %(count)s values. The highest is %(label)s: %(value)s. "
        "Every value is in the table after the chart.",
        title=title,
        count=_number(len(points)),
        label=label,
        value=shown(value),
    )


def _bars(chart_id: str, title: str, points, shown) -> Markup:
    return charts.bars(
        chart_id,
        title,
        _describe(title, points, shown),
        points,
        shown,
        _("Nothing in this period."),
    )


# -- the figures ------------------------------------------------------------------------------


def _daily(d: Dashboard) -> Figure:
    figure = Figure(
        "daily",
        _("GMV and orders per day"),
        [
            Column("day", _("Day"), _day),
            Column("orders", _("Orders"), _number),
            Column("gmv_twd", _("GMV (NT$)"), _twd),
        ],
        [[day.day, day.orders, day.gmv_twd] for day in d.days],
    )
    for chart_id, title, index, shown in (
        ("chart-gmv-per-day", _("GMV per day"), 2, _twd),
        ("chart-orders-per-day", _("Orders per day"), 1, _number),
    ):
        points = [(_short_day(row[0]), row[index]) for row in figure.rows]
        long_points = [(_day(row[0]), row[index]) for row in figure.rows]
        figure.charts.append(
            charts.columns(
                chart_id,
                title,
                _describe(title, long_points, shown),
                points if any(v for _label, v in points) else [],
                shown,
                _("Nothing in this period."),
            )
        )
    return figure


def _markets(d: Dashboard) -> Figure:
    figure = Figure(
        "markets",
        _("By market"),
        [
            Column("market", _("Market"), market_name),
            Column("currency", _("Currency")),
            Column("orders", _("Orders"), _number),
            Column("gmv_twd", _("GMV (NT$)"), _twd),
            Column("average_order", _("Average order"), _money),
            Column("average_order_twd", _("Average order (NT$)"), _twd),
        ],
        [
            [
                m.market,
                m.currency,
                m.orders,
                m.gmv_twd,
                Money(m.average_minor, m.currency),
                m.average_twd,
            ]
            for m in d.markets
        ],
        note=_("The average order is the goods of an order, in the market's currency and in NT$."),
    )
    gmv = [(market_name(m.market), m.gmv_twd) for m in d.markets]
    average = [(market_name(m.market), m.average_twd) for m in d.markets]
    figure.charts.append(_bars("chart-gmv-by-market", _("GMV by market"), gmv, _twd))
    figure.charts.append(
        _bars("chart-average-order", _("Average order by market (NT$)"), average, _twd)
    )
    return figure


def _ranked(slug: str, title: str, key: str, label: str, rows: list[tuple]) -> Figure:
    figure = Figure(
        slug,
        title,
        [
            Column(key, label),
            Column("orders", _("Orders"), _number),
            Column("gmv_twd", _("GMV (NT$)"), _twd),
        ],
        [list(row) for row in rows],
    )
    points = [(name, gmv) for name, _orders, gmv in rows]
    figure.charts.append(_bars(f"chart-{slug}", title, points, _twd))
    return figure


def _vendors(d: Dashboard) -> Figure:
    rows = [(str(v.name) if v.name else f"#{v.key}", v.orders, v.gmv_twd) for v in d.vendors]
    return _ranked("vendors", _("Top 10 vendors by GMV"), "vendor", _("Vendor"), rows)


def _categories(d: Dashboard) -> Figure:
    known = reference.get().categories
    rows = [
        (category_name(known[c.key]).value if c.key in known else f"#{c.key}", c.orders, c.gmv_twd)
        for c in d.categories
    ]
    return _ranked("categories", _("GMV by category"), "category", _("Category"), rows)


def _zones(d: Dashboard) -> Figure:
    figure = Figure(
        "zones",
        _("Featured zones"),
        [
            Column("zone", _("Zone")),
            Column("zone_page_views", _("Zone page views"), _number),
            Column("orders", _("Orders"), _number),
            Column("orders_per_view", _("Orders per view"), _share),
            Column("gmv_twd", _("GMV (NT$)"), _twd),
        ],
        [
            [str(z.title) if z.title else f"#{z.key}", z.views, z.orders, z.conversion, z.gmv_twd]
            for z in d.zones
        ],
        note=_(
            "Orders with a product the shopper found in the zone, and the goods bought from it."
            " Views are counted in batches and arrive within a minute or two."
        ),
    )
    gmv = [(row[0], row[4]) for row in figure.rows]
    conversion = [(row[0], row[3]) for row in figure.rows if row[3] is not None]
    figure.charts.append(_bars("chart-gmv-by-zone", _("GMV by zone"), gmv, _twd))
    figure.charts.append(
        _bars("chart-zone-conversion", _("Orders per zone page view"), conversion, _share)
    )
    return figure


def _returns(d: Dashboard) -> Figure:
    rows = [[m.market, m.orders, m.returned, m.return_rate] for m in d.markets]
    figure = Figure(
        "returns",
        _("Return rate"),
        [
            Column("market", _("Market"), lambda code: market_name(code) if code else _("All")),
            Column("orders", _("Orders"), _number),
            Column("orders_with_return", _("Orders with a return"), _number),
            Column("return_rate", _("Return rate"), _share),
        ],
        [*rows, ["", d.orders, d.returned, d.return_rate]] if rows else [],
        note=_(
            "Orders of the period for which the shopper asked to return something"
            " (returns turned down do not count)."
        ),
    )
    points = [(market_name(m.market), m.return_rate) for m in d.markets]
    figure.charts.append(_bars("chart-return-rate", _("Return rate by market"), points, _share))
    return figure


BUILDERS = {
    "daily": _daily,
    "markets": _markets,
    "vendors": _vendors,
    "categories": _categories,
    "zones": _zones,
    "returns": _returns,
}


def build(d: Dashboard, only: str | None = None) -> list[Figure]:
    """Every figure of the dashboard, in page order (or just the one named)."""
    return [builder(d) for slug, builder in BUILDERS.items() if only in (None, slug)]
