"""The checks on what operators enter about markets and the store (app.domain.market_data,
app.domain.store_settings): rates, tax rules and their overlaps, shipping, commission, halal
bodies, and what a stored setting means."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.domain import market_data, store_settings
from app.domain.market_data import RuleSpan, TaxRuleDraft

TODAY = date(2026, 12, 1)


def codes(problems) -> list[tuple]:
    return [(p.path, p.code) for p in problems]


# -- exchange rates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("currency", "rate", "as_of", "expected"),
    [
        ("THB", Decimal("1.0321"), TODAY, []),
        ("SGD", Decimal("0.0410512345"), TODAY + timedelta(days=31), []),
        ("TWD", Decimal(1), TODAY, [(("currency",), "currency.unknown")]),
        ("EUR", Decimal(1), TODAY, [(("currency",), "currency.unknown")]),
        ("THB", None, TODAY, [(("rate",), "rate.required")]),
        ("THB", Decimal(0), TODAY, [(("rate",), "rate.positive")]),
        ("THB", Decimal("-1.2"), TODAY, [(("rate",), "rate.positive")]),
        ("THB", Decimal("NaN"), TODAY, [(("rate",), "rate.positive")]),
        ("THB", Decimal("1.00000000001"), TODAY, [(("rate",), "rate.places")]),
        ("THB", Decimal("1.10000000000"), TODAY, []),  # trailing zeros are no precision
        ("THB", Decimal(1_000_001), TODAY, [(("rate",), "rate.too_big")]),
        ("THB", Decimal(1), None, [(("as_of",), "as_of.required")]),
        ("THB", Decimal(1), TODAY + timedelta(days=32), [(("as_of",), "as_of.ahead")]),
        (
            "XXX",
            Decimal(-1),
            None,
            [
                (("currency",), "currency.unknown"),
                (("rate",), "rate.positive"),
                (("as_of",), "as_of.required"),
            ],
        ),
    ],
)
def test_exchange_rate_checks(currency, rate, as_of, expected):
    known = {"THB", "MYR", "SGD", "PHP"}
    assert codes(market_data.check_exchange_rate(currency, rate, as_of, known, TODAY)) == expected


@pytest.mark.parametrize(
    ("days_old", "stale"), [(0, False), (7, False), (8, True), (30, True), (-3, False)]
)
def test_a_rate_older_than_seven_days_is_stale(days_old, stale):
    assert market_data.is_stale(TODAY - timedelta(days=days_old), TODAY) is stale


def test_no_rate_at_all_is_stale():
    assert market_data.is_stale(None, TODAY) is True


# -- tax rules ----------------------------------------------------------------------------------


def draft(**changes) -> TaxRuleDraft:
    values = {
        "market": "TH",
        "name": "VAT",
        "label": "vat",
        "kind": "tax",
        "rate": Decimal("0.07"),
        "applies": "always",
        "threshold_minor": None,
        "shipping_in_base": True,
        "prior_in_base": True,
        "uses_category_rate": False,
        "position": 20,
        "valid_from": date(2026, 1, 1),
        "valid_to": None,
    }
    values.update(changes)
    return TaxRuleDraft(**values)


MARKETS = {"TH", "MY", "SG", "PH", "TW"}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        ({"rate": Decimal(0)}, []),
        ({"rate": Decimal("9.5")}, []),  # 950%: some duties pass 100%
        ({"market": "JP"}, [(("market",), "market.unknown")]),
        ({"name": "  "}, [(("name",), "name.required")]),
        ({"name": "x" * 81}, [(("name",), "name.length")]),
        ({"label": "excise"}, [(("label",), "label.unknown")]),
        ({"kind": "fee"}, [(("kind",), "kind.unknown")]),
        ({"applies": "sometimes"}, [(("applies",), "applies.unknown")]),
        ({"rate": None}, [(("rate",), "percent.required")]),
        ({"rate": Decimal("-0.01")}, [(("rate",), "percent.negative")]),
        ({"rate": Decimal("0.0000001")}, [(("rate",), "percent.places")]),
        ({"rate": Decimal("10.01")}, [(("rate",), "percent.too_big")]),
        ({"applies": "over"}, [(("threshold",), "threshold.required")]),
        (
            {"applies": "at_or_under", "threshold_minor": -1},
            [(("threshold",), "threshold.negative")],
        ),
        ({"uses_category_rate": True}, [(("uses_category_rate",), "category_rate.not_duty")]),
        ({"valid_from": None}, [(("valid_from",), "valid_from.required")]),
        (
            {"valid_from": date(2027, 3, 1), "valid_to": date(2027, 2, 28)},
            [(("valid_to",), "valid_to.before_start")],
        ),
        ({"valid_from": date(2027, 3, 1), "valid_to": date(2027, 3, 1)}, []),  # one day
    ],
)
def test_tax_rule_checks(changes, expected):
    assert codes(market_data.check_tax_rule(draft(**changes), MARKETS)) == expected


def span(**changes) -> RuleSpan:
    values = {
        "id": None,
        "market": "MY",
        "name": "Sales tax",
        "kind": "tax",
        "applies": "always",
        "threshold_minor": None,
        "valid_from": date(2026, 1, 1),
        "valid_to": None,
    }
    values.update(changes)
    return RuleSpan(**values)


JAN, JUN, DEC = date(2026, 1, 1), date(2026, 6, 30), date(2026, 12, 31)


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ({}, {}, True),
        ({}, {"market": "SG"}, False),
        ({}, {"kind": "duty"}, False),
        ({}, {"name": "Import duty"}, False),
        ({}, {"name": "  sales   TAX "}, True),  # case and spaces aside
        # days
        ({"valid_to": JUN}, {"valid_from": JUN + timedelta(days=1)}, False),
        ({"valid_to": JUN}, {"valid_from": JUN}, True),  # the last day is shared
        ({"valid_from": JUN, "valid_to": DEC}, {"valid_from": JAN, "valid_to": JUN}, True),
        ({"valid_from": DEC}, {"valid_from": JAN, "valid_to": JUN}, False),
        # goods values (RM 500 = 50000 sen)
        (
            {"applies": "at_or_under", "threshold_minor": 50000},
            {"applies": "over", "threshold_minor": 50000},
            False,
        ),
        (
            {"applies": "over", "threshold_minor": 50000},
            {"applies": "over", "threshold_minor": 100000},
            True,
        ),
        (
            {"applies": "at_or_under", "threshold_minor": 50000},
            {"applies": "over", "threshold_minor": 40000},
            True,
        ),
        (
            {"applies": "at_or_under", "threshold_minor": 40000},
            {"applies": "over", "threshold_minor": 40000},
            False,
        ),
        (
            {"applies": "at_or_under", "threshold_minor": 40000},
            {"applies": "over", "threshold_minor": 39999},
            True,
        ),
        ({}, {"applies": "over", "threshold_minor": 50000}, True),
        # the smallest values: a parcel of 1 sen is "at or under 1" and "over 0"
        (
            {"applies": "at_or_under", "threshold_minor": 1},
            {"applies": "over", "threshold_minor": 0},
            True,
        ),
        ({"applies": "at_or_under", "threshold_minor": 1}, {}, True),
    ],
)
def test_two_rules_overlap_when_they_would_tax_one_parcel_twice(a, b, overlap):
    assert market_data.spans_overlap(span(**a), span(**b)) is overlap
    assert market_data.spans_overlap(span(**b), span(**a)) is overlap


def test_a_rule_does_not_overlap_itself():
    rule = span(id=7)
    assert market_data.overlapping(rule, [rule, span(id=8, market="SG")]) == []
    assert market_data.overlapping(span(id=None), [rule]) == [rule]


def test_ending_a_rule_needs_a_day_not_before_it_starts():
    assert codes(market_data.end_problems(JUN, None)) == [(("valid_to",), "valid_to.required")]
    assert codes(market_data.end_problems(JUN, JAN)) == [(("valid_to",), "valid_to.before_start")]
    assert market_data.end_problems(JUN, JUN) == []


# -- shipping, commission, halal bodies ---------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "extra", "expected"),
    [
        (350, 90, []),
        (1, 0, []),
        (0, 90, [(("first_kg_twd",), "first_kg.positive")]),
        (-5, 90, [(("first_kg_twd",), "first_kg.positive")]),
        (350, -1, [(("extra_kg_twd",), "extra_kg.negative")]),
        (
            None,
            None,
            [(("first_kg_twd",), "first_kg.required"), (("extra_kg_twd",), "extra_kg.required")],
        ),
        (
            100_001,
            100_001,
            [(("first_kg_twd",), "first_kg.too_big"), (("extra_kg_twd",), "extra_kg.too_big")],
        ),
    ],
)
def test_shipping_checks(first, extra, expected):
    assert codes(market_data.check_shipping(first, extra)) == expected


@pytest.mark.parametrize(
    ("percent", "bp", "code"),
    [
        (Decimal(15), 1500, None),
        (Decimal("12.5"), 1250, None),
        (Decimal("0"), 0, None),
        (Decimal("100"), 10_000, None),
        (Decimal("7.25"), 725, None),
        (None, None, "commission.required"),
        (Decimal("-0.5"), None, "commission.range"),
        (Decimal("100.01"), None, "commission.range"),
        (Decimal("12.345"), None, "commission.places"),
    ],
)
def test_commission_in_percent_becomes_basis_points(percent, bp, code):
    value, problems = market_data.commission_bp(percent)
    assert value == bp
    assert [p.code for p in problems] == ([code] if code else [])


@pytest.mark.parametrize(
    ("code", "name", "country", "expected"),
    [
        ("JAKIM", "Jabatan Kemajuan Islam Malaysia", "MY", []),
        ("MUI-LPPOM", "LPPOM MUI", "ID", []),
        ("jakim", "x", "MY", [("code",)]),
        ("", "x", "MY", [("code",)]),
        ("BAD CODE", "x", "MY", [("code",)]),
        ("THIDA", " ", "TW", [("name",)]),
        ("THIDA", "x", "Taiwan", [("country",)]),
    ],
)
def test_halal_body_checks(code, name, country, expected):
    assert [p.path for p in market_data.check_halal_body(code, name, country)] == expected


# -- store settings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "value", "expected"),
    [
        (store_settings.HOLD_NEW_LISTINGS, True, []),
        (store_settings.HOLD_NEW_LISTINGS, 1, ["setting.type"]),
        (store_settings.HOLD_NEW_LISTINGS, "yes", ["setting.type"]),
        (store_settings.DEFAULT_COMMISSION_BP, 1500, []),
        (store_settings.DEFAULT_COMMISSION_BP, True, ["setting.type"]),
        (store_settings.DEFAULT_COMMISSION_BP, 15.0, ["setting.type"]),
        (store_settings.DEFAULT_COMMISSION_BP, -1, ["setting.range"]),
        (store_settings.DEFAULT_COMMISSION_BP, 10_001, ["setting.range"]),
    ],
)
def test_a_setting_takes_only_values_of_its_type_and_range(setting, value, expected):
    assert [p.code for p in store_settings.check(setting, value)] == expected


def test_a_missing_or_broken_stored_value_means_the_default():
    assert store_settings.read(store_settings.HOLD_NEW_LISTINGS, None) is False
    assert store_settings.read(store_settings.HOLD_NEW_LISTINGS, "true") is False
    assert store_settings.read(store_settings.HOLD_NEW_LISTINGS, True) is True
    assert store_settings.read(store_settings.DEFAULT_COMMISSION_BP, 99_999) == 1500
    assert store_settings.read(store_settings.DEFAULT_COMMISSION_BP, 1250) == 1250


@pytest.mark.parametrize(
    ("code", "name", "country", "expected"),
    [
        ("J" + "A" * 31, "n" * 200, "MY", []),  # 32 characters of code, 200 of name
        ("J" + "A" * 32, "n", "MY", [("code.format", {})]),
        ("1.2-3", "n", "MY", []),
        (".JAKIM", "n", "MY", [("code.format", {})]),
        ("-JAKIM", "n", "MY", [("code.format", {})]),
        ("JAKIM\n", "n", "MY", [("code.format", {})]),
        ("JAKIM", "", "MY", [("name.required", {})]),
        ("JAKIM", " " + "n" * 200 + " ", "MY", []),  # spaces around do not count
        ("JAKIM", "n" * 201, "MY", [("name.length", {"max": 200})]),
        ("JAKIM", "n", "my", [("country.format", {})]),
        ("JAKIM", "n", "MYS", [("country.format", {})]),
        ("JAKIM", "n", "M", [("country.format", {})]),
        (
            "bad code",
            "",
            "",
            [("code.format", {}), ("name.required", {}), ("country.format", {})],
        ),
    ],
)
def test_halal_body_problems_say_what_and_where_at_their_edges(code, name, country, expected):
    found = market_data.check_halal_body(code, name, country)
    assert [(p.code, p.kwargs) for p in found] == expected
    assert all(p.path == (p.code.split(".")[0],) for p in found)


def test_exchange_rate_problems_carry_the_limits_they_name():
    known = {"THB"}

    def only(rate, as_of=TODAY):
        [found] = market_data.check_exchange_rate("THB", rate, as_of, known, TODAY)
        return found.code, found.kwargs

    assert only(Decimal("1.00000000001")) == ("rate.places", {"places": 10})
    assert only(Decimal("1000000.1")) == ("rate.too_big", {"maximum": Decimal(1_000_000)})
    assert only(Decimal("Infinity")) == ("rate.positive", {})
    assert only(Decimal(1), TODAY + timedelta(days=32)) == ("as_of.ahead", {"days": 31})
    # at the limits, and a rate dated in the past, are fine
    for rate in (Decimal(1_000_000), Decimal("0.0000000001")):
        assert market_data.check_exchange_rate("THB", rate, TODAY, known, TODAY) == []
    assert market_data.check_exchange_rate("THB", Decimal(1), date(2020, 1, 1), known, TODAY) == []


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        (Decimal("0.07"), []),
        (Decimal(0), []),
        (Decimal(10), []),  # 1,000%: some duties pass 100%
        (Decimal("0.123456"), []),
        (None, [("percent.required", {})]),
        (Decimal("-0.000001"), [("percent.negative", {})]),
        (Decimal("NaN"), [("percent.negative", {})]),
        (Decimal("0.1234567"), [("percent.places", {"places": 4})]),
        (Decimal("10.000001"), [("percent.too_big", {"maximum": 1000})]),
    ],
)
def test_a_rate_fraction_at_its_edges(rate, expected):
    found = market_data.check_rate_fraction(("rate",), rate)
    assert [(p.code, p.kwargs) for p in found] == expected
    assert all(p.path == ("rate",) for p in found)


def test_a_settings_range_holds_at_its_edges_and_is_named():
    commission = store_settings.DEFAULT_COMMISSION_BP
    assert store_settings.check(commission, 0) == []
    assert store_settings.check(commission, 10_000) == []
    for value in (-1, 10_001):
        [found] = store_settings.check(commission, value)
        assert (found.path, found.code, found.kwargs) == (
            ("default_commission_bp",),
            "setting.range",
            {"minimum": 0, "maximum": 10_000},
        )
    [wrong] = store_settings.check(store_settings.HOLD_NEW_LISTINGS, "true")
    assert (wrong.path, wrong.code) == (("hold_new_listings",), "setting.type")
    assert store_settings.read(commission, 0) == 0
    assert store_settings.read(commission, 10_000) == 10_000
    assert store_settings.read(commission, -1) == 1500
    assert store_settings.read(store_settings.HOLD_NEW_LISTINGS, False) is False


def test_shipping_commission_and_rule_limits_at_their_edges():
    assert market_data.check_shipping(100_000, 100_000) == []
    first, extra = market_data.check_shipping(100_001, 100_001)
    assert first.kwargs == extra.kwargs == {"maximum": 100_000}
    for percent in (None, Decimal(-1), Decimal("1.234")):
        _value, [found] = market_data.commission_bp(percent)
        assert found.path == ("commission",), percent
    assert market_data.check_tax_rule(draft(name="x" * 80), MARKETS) == []
    [long] = market_data.check_tax_rule(draft(name="x" * 81), MARKETS)
    assert long.kwargs == {"max": 80}
    # a threshold of nothing is a threshold (a rule "over 0" taxes every parcel with goods)
    assert market_data.check_tax_rule(draft(applies="over", threshold_minor=0), MARKETS) == []


def test_decimal_places_as_written():
    assert market_data.places(Decimal("12.50")) == 2
    assert market_data.places(Decimal("1E+3")) == 0
    assert market_data.places(Decimal("NaN")) == 0
    assert market_data.places(Decimal("Infinity")) == 0
