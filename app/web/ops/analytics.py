"""The analytics dashboard: charts with their numbers, and each figure as CSV."""

from __future__ import annotations

from datetime import date

from flask import abort, render_template, request

from app.domain.analytics import period
from app.services import analytics, clock
from app.web.access import operator
from app.web.downloads import csv_attachment
from app.web.i18n import current_language
from app.web.ops import figures
from app.web.ops.routes import bp

#: days a period may span (the dashboard's and the zone stats')
PERIODS = (7, 30, 90)


def period_asked(default: int) -> tuple[int, date, date]:
    """The period the page's `days` asks for (one of PERIODS, else `default`): its length
    and its first and last Taipei days, the last being today."""
    days = request.args.get("days", type=int)
    if days not in PERIODS:
        days = default
    return days, *period(clock.today(), days)


def _dashboard(only: str | None = None):
    # the dashboard opens on the longest period
    days, first, last = period_asked(default=PERIODS[-1])
    found = analytics.dashboard(first, last, current_language().content)
    return days, found, figures.build(found, only)


@bp.get("/analytics")
@operator
def analytics_page():
    days, found, built = _dashboard()
    return render_template(
        "ops/analytics.html", days=days, periods=PERIODS, dashboard=found, figures=built
    )


@bp.get("/analytics/<slug>.csv")
@operator
def analytics_csv(slug: str):
    if slug not in figures.BUILDERS:
        abort(404)
    _days, found, (figure,) = _dashboard(slug)
    name = f"analytics-{slug}-{found.first.isoformat()}-{found.last.isoformat()}.csv"
    return csv_attachment(figure.csv(), name)
