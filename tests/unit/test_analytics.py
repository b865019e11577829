"""The dashboard's arithmetic (domain.analytics) and its charts (app/web/ops/charts.py), pure.

Amounts charged in several currencies come to NT$ at each order's own frozen rate, exactly,
and are rounded once when shown; shares and averages round half-up; the charts' scales hold
the largest value in round steps; every chart is an image named and described for assistive
technology, with its numbers in a table.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from markupsafe import Markup

from app.domain import analytics
from app.domain.analytics import Charged
from app.web.ops import charts

# -- money across currencies --------------------------------------------------------------------


def test_an_amount_in_baht_is_divided_by_its_own_rate():
    # ฿1,032.10 at ฿1.0321 per NT$ is exactly NT$1,000
    micro = analytics.twd_micro(Charged("THB", Decimal("1.0321"), 103_210))
    assert micro == 1_000 * analytics.MICRO
    assert analytics.whole_twd(micro) == 1_000


def test_currencies_without_minor_units_and_several_rates_add_up_exactly():
    parts = [
        Charged("TWD", Decimal(1), 68_000),  # NT$680.00 (ISO 4217 gives TWD cents)
        Charged("MYR", Decimal("0.145"), 9_860),  # RM98.60 / 0.145 = NT$680
        Charged("MYR", Decimal("0.150"), 10_200),  # RM102.00 / 0.150 = NT$680
    ]
    assert sum(analytics.twd_micro(p) for p in parts) == 3 * 680 * analytics.MICRO


def test_a_currency_without_minor_units_is_not_read_as_hundredths():
    # ¥4,500 (the yen has no minor unit) at ¥4.5 per NT$ is NT$1,000, not NT$10
    micro = analytics.twd_micro(Charged("JPY", Decimal("4.5"), 4_500))
    assert micro == 1_000 * analytics.MICRO


def test_thirds_of_a_dollar_round_half_up_once_when_shown():
    third = analytics.twd_micro(Charged("TWD", Decimal(3), 100))  # NT$1 at 3 per NT$
    assert third == 333_333
    assert analytics.whole_twd(third * 3) == 1
    assert analytics.whole_twd(500_000) == 1  # half a dollar rounds up
    assert analytics.whole_twd(499_999) == 0


def test_a_missing_rate_is_an_error_not_a_division_by_zero():
    with pytest.raises(ValueError, match="THB"):
        analytics.twd_micro(Charged("THB", Decimal(0), 100))


def test_averages_and_shares_round_half_up_and_say_nothing_for_nothing():
    assert analytics.average_minor(10, 4) == 3  # 2.5 → 3
    assert analytics.average_minor(9, 4) == 2  # 2.25 → 2
    assert analytics.average_minor(100, 0) is None
    assert analytics.average_twd(3 * analytics.MICRO, 2) == 2  # 1.5 → 2
    assert analytics.share(1, 8) == Decimal("0.125")
    assert analytics.share(1, 3) == Decimal("0.333")
    assert analytics.share(2, 3) == Decimal("0.667")
    assert analytics.share(0, 5) == Decimal("0.000")
    assert analytics.share(3, 0) is None
    assert analytics.share(1, 1) == Decimal("1.000")  # one view, one order: all of them


def test_one_order_is_its_own_average_and_no_order_has_none():
    assert analytics.average_minor(45_050, 1) == 45_050  # one order of ฿450.50
    assert analytics.average_twd(680 * analytics.MICRO, 1) == 680
    assert analytics.average_twd(0, 0) is None  # not a division by zero


def test_a_period_is_the_days_that_end_today():
    first, last = analytics.period(date(2026, 3, 2), 3)
    assert (first, last) == (date(2026, 2, 28), date(2026, 3, 2))
    assert analytics.days(first, last) == [date(2026, 2, 28), date(2026, 3, 1), date(2026, 3, 2)]
    assert analytics.period(date(2026, 3, 2), 1) == (date(2026, 3, 2), date(2026, 3, 2))
    with pytest.raises(ValueError, match=r"^a period has at least one day$"):
        analytics.period(date(2026, 3, 2), 0)


# -- scales -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("largest", "top", "step"),
    [
        (0, 1, 1),  # nothing to show: a frame, not a division by zero
        (1, 1, 1),
        (3, 3, 1),  # whole orders: no step of half an order
        (7, 8, 2),
        (95, 100, 50),
        (101, 150, 50),
        (4_750, 6_000, 2_000),
        (1_000_000, 1_000_000, 500_000),
    ],
)
def test_a_scale_holds_the_largest_value_in_round_steps(largest, top, step):
    scale = charts.nice_scale(largest)
    assert (scale.top, scale.step) == (top, step)
    assert scale.top >= largest
    assert len(scale.ticks) <= 5 + 1


def test_shares_get_fractional_steps():
    scale = charts.nice_scale(Decimal("0.2"))
    assert scale.top >= Decimal("0.2")
    assert scale.step < 1
    assert scale.fraction(Decimal("0.2")) <= 1


def test_a_scale_refuses_negative_values():
    with pytest.raises(ValueError, match="never below zero"):
        charts.nice_scale(-1)


# -- charts -------------------------------------------------------------------------------------


def _heights(svg: str) -> list[float]:
    return [
        float(h)
        for h in re.findall(r'<rect x="[^"]+" y="[^"]+" width="[^"]+" height="([^"]+)"', svg)
    ]


def test_a_chart_is_an_image_named_and_described():
    svg = charts.columns("gmv", "GMV per day", "Three days.", [("1 Mar", 10), ("2 Mar", 20)])
    assert svg.startswith(
        '<svg class="chart" id="gmv" role="img" aria-labelledby="gmv-title gmv-desc"'
    )
    assert '<title id="gmv-title">GMV per day</title>' in svg
    assert '<desc id="gmv-desc">Three days.</desc>' in svg


def test_columns_are_as_tall_as_their_values():
    svg = charts.columns("c", "t", "d", [("a", 10), ("b", 20), ("c", 0)])
    first, second, third = _heights(svg)
    assert second == pytest.approx(2 * first)
    assert third == 0


def test_one_point_fills_the_scale_and_no_point_says_so():
    one = charts.columns("c", "t", "d", [("1 Mar", 5)])
    assert len(_heights(one)) == 1
    assert "1 Mar" in one
    empty = charts.columns("c", "t", "d", [], empty_text="Nothing in this period.")
    assert "Nothing in this period." in empty
    assert 'role="img"' in empty


def test_bars_write_each_label_and_value():
    svg = charts.bars(
        "b", "By market", "d", [("Thailand", 4_750), ("Malaysia", 1_360)], "NT${:,}".format
    )
    for written in (">Thailand<", ">NT$4,750<", ">Malaysia<", ">NT$1,360<"):
        assert written in svg
    thailand, malaysia = _heights(svg)  # bars are as thick as each other
    assert thailand == malaysia


def test_text_is_escaped():
    svg = charts.bars("b", "<script>", "a & b", [("<b>Tea</b>", 1)])
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert "&lt;b&gt;Tea&lt;/b&gt;" in svg
    assert "a &amp; b" in svg


def test_the_numbers_table_heads_each_row_and_says_when_empty():
    table = charts.table("The numbers", ["Market", "GMV"], [["Thailand", "NT$4,750"]])
    assert isinstance(table, Markup)
    assert "<caption>The numbers</caption>" in table
    assert '<th scope="col">Market</th><th scope="col">GMV</th>' in table
    assert '<tr><th scope="row">Thailand</th><td class="num">NT$4,750</td></tr>' in table
    empty = charts.table("The numbers", ["Market", "GMV"], [], "Nothing in this period.")
    assert '<td colspan="2">Nothing in this period.</td>' in empty
