from decimal import Decimal

import pytest

from app.domain.money import Money, convert, twd


def test_from_major_rounds_half_up_to_the_minor_unit():
    assert Money.from_major("1.005", "THB") == Money(101, "THB")
    assert Money.from_major("1.004", "THB") == Money(100, "THB")
    assert Money.from_major("2.5", "TWD") == Money(250, "TWD")


def test_amounts_are_integers_never_floats():
    with pytest.raises(TypeError):
        Money(1.5, "THB")
    with pytest.raises(TypeError):
        Money(True, "THB")


def test_currency_codes_are_checked():
    with pytest.raises(ValueError, match="ISO 4217"):
        Money(100, "thb")


def test_adding_different_currencies_is_refused():
    with pytest.raises(ValueError, match="cannot combine"):
        Money(100, "THB") + Money(100, "MYR")
    with pytest.raises(TypeError):
        Money(100, "THB") + 5


def test_whole_taiwan_dollar_prices_convert_at_the_rate():
    # NT$450 at 1.0321 THB per TWD = 464.445 → ฿464.45 (half-up)
    assert convert(twd(450), Decimal("1.0321"), "THB") == Money(46445, "THB")
    # NT$680 at 0.04105 SGD per TWD = 27.914 → S$27.91
    assert convert(twd(680), Decimal("0.04105"), "SGD") == Money(2791, "SGD")


def test_same_currency_needs_rate_one():
    assert convert(twd(450), Decimal(1), "TWD") == twd(450)
    with pytest.raises(ValueError, match="rate 1"):
        convert(twd(450), Decimal("1.1"), "TWD")


def test_major_is_exact():
    assert Money(46445, "THB").major == Decimal("464.45")


def test_subtraction_keeps_the_currency_and_refuses_another():
    assert Money(46445, "THB") - Money(445, "THB") == Money(46000, "THB")
    assert Money(100, "THB") - Money(250, "THB") == Money(-150, "THB")  # a refund can exceed
    with pytest.raises(ValueError, match=r"^cannot combine THB with MYR$"):
        Money(100, "THB") - Money(100, "MYR")
    with pytest.raises(TypeError, match=r"^can only combine Money with Money$"):
        Money(100, "THB") - 5


def test_multiplying_by_a_quantity_and_never_by_a_fraction():
    assert Money(46445, "THB") * 3 == Money(139335, "THB")
    with pytest.raises(TypeError, match=r"^multiply Money by whole quantities only$"):
        Money(100, "THB") * 1.5
    with pytest.raises(TypeError, match=r"^multiply Money by whole quantities only$"):
        Money(100, "THB") * Decimal("2")


def test_minor_units_follow_the_currency():
    # no store currency has other than two places, but the rule is the currency's own
    assert Money.from_major("1500", "JPY") == Money(1500, "JPY")
    assert Money.from_major("2.5", "JPY") == Money(3, "JPY")
    assert Money.from_major("1.0005", "KWD") == Money(1001, "KWD")
    assert Money(1001, "KWD").major == Decimal("1.001")


def test_error_messages_say_what_is_wrong():
    with pytest.raises(TypeError, match=r"^amount_minor must be an int$"):
        Money(1.5, "THB")
    with pytest.raises(ValueError, match=r"^not an ISO 4217 code: 'thb'$"):
        Money(100, "thb")
    for amount in ("NaN", "Infinity", "-Infinity"):
        with pytest.raises(ValueError, match=r"^amount must be a finite number$"):
            Money.from_major(amount, "THB")
    with pytest.raises(ValueError, match=r"^same-currency conversion needs rate 1$"):
        convert(twd(450), Decimal("0.99"), "TWD")
