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


def test_category_duty_rate_comes_from_the_database(app, db, make):
    from decimal import Decimal

    tea = make.category("tea")
    db.session.add(CategoryDutyRate(market_code="TH", category_id=tea.id, rate=Decimal("0.30")))
    db.session.flush()
    result = quote(
        app,
        "--market",
        "TH",
        "--goods",
        "1500.00",
        "--shipping",
        "120.00",
        "--category",
        "tea",
        "--json",
    )
    data = json.loads(result.output)
    assert [(line["name"], line["rate"], line["amount_minor"]) for line in data["lines"]] == [
        ("Import duty", 0.3, 48600),
        ("VAT", 0.07, 14742),
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
