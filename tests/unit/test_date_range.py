"""The audit log's range of days: a last day before the first is refused, open ends are not."""

from datetime import date

import pytest

from app.domain import date_range
from app.domain.problems import problem


def test_a_range_that_ends_before_it_starts_is_refused_on_its_last_day():
    assert date_range.problems(date(2026, 11, 20), date(2026, 11, 10)) == [
        problem(("to",), "to.before_from")
    ]


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (date(2026, 11, 10), date(2026, 11, 20)),
        (date(2026, 11, 10), date(2026, 11, 10)),  # one day
        (None, date(2026, 11, 10)),
        (date(2026, 11, 10), None),
        (None, None),
    ],
)
def test_ranges_in_order_or_open_at_an_end_pass(first, last):
    assert date_range.problems(first, last) == []
