"""What an operator may save as a duty rate by HS code (app.domain.duty_rates.check_draft,
prefix_problems, overlapping): each refusal names its field, as the console shows it under that
field, and two rates for one code on one day are found before customs' figure becomes a guess."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from app.domain.duty_rates import NOTE_MAX, DutyRateDraft, RateSpan, check_draft, overlapping
from app.domain.duty_rates import prefix_problems as prefix_problems_of

MARKETS = ("TH", "MY", "SG", "PH")
JAN, JUN, DEC = date(2026, 1, 1), date(2026, 6, 30), date(2026, 12, 31)
TEA = DutyRateDraft(
    market="TH",
    hs_prefix="0902",
    rate=Decimal("0.90"),
    tax_rate=None,
    valid_from=JAN,
    valid_to=None,
    note="WTO quota held by licensed importers",
)


def codes(problems) -> list[tuple]:
    return [(p.path, p.code) for p in problems]


@pytest.mark.parametrize("prefix", ["09", "0902", "090230", "0902301", "09023010", "0902301000"])
def test_a_chapter_heading_subheading_or_national_line_is_a_prefix(prefix):
    assert prefix_problems_of(prefix) == []


@pytest.mark.parametrize(
    ("prefix", "code"),
    [
        (None, "hs_prefix.required"),
        ("", "hs_prefix.required"),
        ("9", "hs_prefix.format"),
        ("090", "hs_prefix.format"),  # neither a chapter nor a heading
        ("09023", "hs_prefix.format"),  # between a heading and a subheading
        ("09023010001", "hs_prefix.format"),  # longer than any national line
        ("09x2", "hs_prefix.format"),
        ("０９０２", "hs_prefix.format"),  # full-width digits are not what customs file
    ],
)
def test_a_prefix_that_is_missing_or_no_hs_level_is_refused(prefix, code):
    assert codes(prefix_problems_of(prefix)) == [(("hs_prefix",), code)]
    # a CSV row or a form names its own field
    assert codes(prefix_problems_of(prefix, (4, "prefix"))) == [((4, "prefix"), code)]


def test_a_complete_rate_has_no_problems():
    assert check_draft(TEA, MARKETS) == []
    # a tax class of its own (Malaysia's exempt, 5% or 10%), ending on a day, a note at its limit
    classed = replace(TEA, market="MY", tax_rate=Decimal("0.05"), valid_to=DEC, note="x" * NOTE_MAX)
    assert check_draft(classed, MARKETS) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"market": "TW"}, [(("market",), "market.unknown")]),
        ({"hs_prefix": "090"}, [(("hs_prefix",), "hs_prefix.format")]),
        ({"hs_prefix": ""}, [(("hs_prefix",), "hs_prefix.required")]),
        ({"rate": None}, [(("rate",), "percent.required")]),
        ({"rate": Decimal("-0.1")}, [(("rate",), "percent.negative")]),
        ({"tax_rate": Decimal("-0.05")}, [(("tax_rate",), "percent.negative")]),
        ({"tax_rate": Decimal("10.01")}, [(("tax_rate",), "percent.too_big")]),
        ({"valid_from": None}, [(("valid_from",), "valid_from.required")]),
        # without a first day there is nothing for the last day to come before
        ({"valid_from": None, "valid_to": JAN}, [(("valid_from",), "valid_from.required")]),
        ({"valid_to": date(2025, 12, 31)}, [(("valid_to",), "valid_to.before_start")]),
        ({"valid_to": JAN}, []),  # a rate for one day
        ({"note": "x" * (NOTE_MAX + 1)}, [(("note",), "note.length")]),
    ],
)
def test_each_problem_of_a_rate_names_its_field(changes, expected):
    assert codes(check_draft(replace(TEA, **changes), MARKETS)) == expected


def test_every_problem_of_a_rate_is_reported_at_once():
    draft = DutyRateDraft("EUR", "9", None, Decimal(-1), JUN, JAN, note="x" * 501)
    assert codes(check_draft(draft, MARKETS)) == [
        (("market",), "market.unknown"),
        (("hs_prefix",), "hs_prefix.format"),
        (("rate",), "percent.required"),
        (("tax_rate",), "percent.negative"),
        (("valid_to",), "valid_to.before_start"),
        (("note",), "note.length"),
    ]


def test_a_note_too_long_says_how_long_one_may_be():
    [too_long] = check_draft(replace(TEA, note="茶" * 501), MARKETS)
    assert too_long.kwargs == {"max": 500}


def span(id=1, market="TH", hs_prefix="0902", valid_from=JAN, valid_to=None):
    return RateSpan(id, market, hs_prefix, valid_from, valid_to)


def test_two_rates_for_one_code_on_a_common_day_overlap():
    first_half = span(id=1, valid_to=JUN)
    assert overlapping(span(id=None), [first_half]) == [first_half]
    # sharing only their last and first day is still a day with two rates
    from_june = span(id=None, valid_from=JUN)
    assert overlapping(from_june, [first_half]) == [first_half]
    until_june = span(id=None, valid_to=JUN)
    assert overlapping(until_june, [span(id=2, valid_from=JUN)]) == [span(id=2, valid_from=JUN)]
    # a new rate ending before an open-ended one starts does not overlap it
    later = span(id=2, valid_from=date(2026, 7, 1))
    assert overlapping(span(id=None, valid_to=JUN), [first_half, later]) == [first_half]
    # an open-ended rate overlaps one that starts years later
    far = span(id=3, valid_from=date(2040, 1, 1), valid_to=date(2040, 1, 1))
    assert overlapping(span(id=None), [far]) == [far]


def test_rates_on_days_apart_or_for_another_market_or_code_do_not_overlap():
    first_half = span(id=1, valid_to=JUN)
    others = [
        first_half,
        span(id=2, market="MY"),
        span(id=3, hs_prefix="090230"),  # a longer prefix is a rate of its own
        span(id=4, hs_prefix="09"),
    ]
    second_half = span(id=None, valid_from=date(2026, 7, 1), valid_to=DEC)
    assert overlapping(second_half, others) == []
    before = span(id=None, valid_from=date(2025, 1, 1), valid_to=date(2025, 12, 31))
    assert overlapping(before, others) == []


def test_a_rate_being_changed_does_not_overlap_its_own_saved_row():
    saved = span(id=7, valid_to=JUN)
    other = span(id=8, valid_from=JUN)
    assert overlapping(span(id=7, valid_to=DEC), [saved, other]) == [other]
