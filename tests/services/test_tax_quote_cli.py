"""`flask tax quote` runs the shipped base-data rules (from the migration) through the same
function as the pages: DESIGN.md's table must come out of a fresh database."""

import json

import pytest

from app.models import CategoryDutyRate, Market
from tests.unit.test_landed_cost import CASES


def quote(app, *args):
    result = app.test_cli_runner().invoke(args=["tax", "quote", *args])
    return result


@pytest.mark.parametrize(
    ("market", "goods", "shipping", "duty", "lines", "total"),
    [case for case in CASES if case[3] is None],
)
def test_shipped_rules_match_design(app, db, market, goods, shipping, duty, lines, total):
    result = quote(app, "--market", market, "--goods", goods, "--shipping", shipping, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    currency = {"TH": "THB", "MY": "MYR", "SG": "SGD", "PH": "PHP", "TW": "TWD"}[market]
    assert data["market"] == market
    assert data["currency"] == currency
    got = [(line["name"], line["base_minor"], line["amount_minor"]) for line in data["lines"]]
    expected = [(name, _minor(base), _minor(amount)) for name, base, amount in lines]
    assert got == expected
    assert data["total_tax_minor"] == _minor(total)


def _minor(value: str) -> int:
    whole, _, cents = value.partition(".")
    return int(whole) * 100 + int(cents.ljust(2, "0"))


def json_quote(app, *args) -> dict:
    result = quote(app, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_hs_code_picks_the_duty_rate_of_its_longest_prefix(app, db):
    """The issue's parcel: THB 1,200 of oolong (0902.30) and THB 120 shipping pay 90% duty on
    goods + shipping, then VAT 7% on goods + shipping + duty. Rates are exact strings."""
    args = ("--market", "TH", "--goods", "1200.00", "--shipping", "120.00")
    data = json_quote(app, *args, "--hs", "0902.30")
    assert [
        (line["name"], line["rate"], line["heading"], line["amount_minor"])
        for line in data["lines"]
    ] == [
        ("Import duty, tea (0902)", "0.9", "0902", 118800),
        ("VAT", "0.07", None, 17556),
    ]
    assert data["total_tax_minor"] == 136356
    # tea extracts (2101.20) pay their own 30%, not their chapter's or category's rate
    extracts = json_quote(app, *args, "--hs", "210120", "--category", "tea")
    assert extracts["lines"][0]["rate"] == "0.3"


def test_a_category_without_a_code_pays_its_highest_heading_rate(app, db):
    """No --hs: the category's dearest heading in the market (tea's headings hold coffee,
    0901, at 90% too); without --hs or --category the goods pay no duty, as before."""
    args = ("--market", "TH", "--goods", "1500.00", "--shipping", "120.00")
    data = json_quote(app, *args, "--category", "tea")
    assert [(line["name"], line["rate"], line["amount_minor"]) for line in data["lines"]] == [
        ("Import duty, Tea", "0.9", 145800),
        ("VAT", "0.07", 21546),
    ]
    plain = json_quote(app, *args)
    assert [line["name"] for line in plain["lines"]] == ["VAT"]


def test_a_category_without_heading_rates_uses_its_own_rate(app, db, make):
    from decimal import Decimal

    electronics = make.category("electronics")
    db.session.add(
        CategoryDutyRate(market_code="TH", category_id=electronics.id, rate=Decimal("0.30"))
    )
    db.session.flush()
    data = json_quote(
        app,
        "--market",
        "TH",
        "--goods",
        "1500.00",
        "--shipping",
        "120.00",
        "--category",
        "electronics",
    )
    assert [(line["rate"], line["amount_minor"]) for line in data["lines"]] == [
        ("0.3", 48600),
        ("0.07", 14742),
    ]
    assert data["total_tax_minor"] == 63342


def test_text_output_names_each_tax(app, db):
    result = quote(app, "--market", "MY", "--goods", "600", "--shipping", "30")
    assert result.exit_code == 0
    assert "Sales tax" in result.output
    assert "Total tax: 63.00 MYR" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--market", "XX", "--goods", "1"], "unknown market"),
        (["--market", "TH", "--goods", "abc"], "not an amount"),
        (["--market", "TH", "--goods", "-5"], "zero or more"),
        (["--market", "TH", "--goods", "1.005"], "decimal places"),
        (["--market", "TH", "--goods", "NaN"], "zero or more"),
        (["--market", "TH", "--goods", "10", "--category", "nope"], "unknown category"),
        (["--market", "TH", "--goods", "10", "--hs", "09x2"], "2 to 10 digits"),
        (["--market", "TH", "--goods", "10", "--hs", "0"], "2 to 10 digits"),
    ],
)
def test_bad_input_is_refused_with_a_message(app, db, args, message):
    result = quote(app, *args)
    assert result.exit_code != 0
    assert message in result.output


def test_market_codes_are_case_insensitive(app, db):
    assert db.session.get(Market, "SG") is not None
    result = quote(app, "--market", "sg", "--goods", "100", "--json")
    assert json.loads(result.output)["market"] == "SG"
