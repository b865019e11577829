import random
from decimal import Decimal
from fractions import Fraction

import pytest

from app.domain.money import (
    Money,
    allocate,
    convert,
    fraction_half_up,
    round_half_up,
    split_evenly,
    twd,
)


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


# -- allocate: a parcel's import tax shared among its lines ---------------------------------


def test_allocate_splits_in_proportion_when_the_shares_are_whole():
    assert allocate(1000, [1, 3]) == [250, 750]
    assert allocate(9_00, [450_00, 225_00, 225_00]) == [450, 225, 225]


def test_allocate_gives_the_leftover_units_to_the_largest_remainders():
    # 10 by 1:2 is 3.33 and 6.67: the unit left over goes to the second part
    assert allocate(10, [1, 2]) == [3, 7]
    # 100 by 1:1:4 is 16.67, 16.67, 66.67: two units left, to the earlier two of three ties
    assert allocate(100, [1, 1, 4]) == [17, 17, 66]


def test_allocate_breaks_ties_towards_the_earlier_part():
    assert allocate(1, [1, 1]) == [1, 0]
    assert allocate(100, [1, 1, 1]) == [34, 33, 33]
    assert allocate(2, [5, 5, 5]) == [1, 1, 0]
    assert allocate(5, [3, 3]) == [3, 2]


def test_allocate_with_zero_weights():
    assert allocate(0, [0, 0]) == [0, 0]
    assert allocate(0, []) == []
    assert allocate(0, [7, 3]) == [0, 0]
    # a line that weighs nothing never gets a share, even of a remainder
    assert allocate(1, [0, 1, 1]) == [0, 1, 0]
    assert allocate(7, [0, 2, 0, 1]) == [0, 5, 0, 2]
    with pytest.raises(ValueError, match=r"^nothing to share by$"):
        allocate(5, [0, 0])
    with pytest.raises(ValueError, match=r"^nothing to share by$"):
        allocate(5, [])


def test_split_evenly_gives_the_units_left_over_to_the_first_parts():
    # shipping shared by goods that are all free: as equal as whole units allow
    assert split_evenly(10, 3) == [4, 3, 3]
    assert split_evenly(11, 3) == [4, 4, 3]
    assert split_evenly(9, 3) == [3, 3, 3]
    assert split_evenly(2, 4) == [1, 1, 0, 0]
    assert split_evenly(0, 2) == [0, 0]
    assert split_evenly(7, 1) == [7]
    # the same parts allocate() gives to equal weights
    assert split_evenly(101, 4) == allocate(101, [1, 1, 1, 1])


def test_split_evenly_refuses_negative_amounts_and_no_parts():
    for total, count in ((-1, 2), (5, 0)):
        with pytest.raises(
            ValueError, match=r"^split a non-negative amount into at least one part$"
        ):
            split_evenly(total, count)


def test_round_half_up_rounds_to_the_places_asked():
    assert round_half_up(Decimal("2.5"), 0) == Decimal("3")
    assert round_half_up(Decimal("-2.5"), 0) == Decimal("-3")
    assert round_half_up(Decimal("1.005"), 2) == Decimal("1.01")
    assert str(round_half_up(Decimal("7"), 2)) == "7.00"


def test_allocate_refuses_negative_amounts_and_weights():
    for total, weights in ((-1, [1]), (1, [1, -1])):
        with pytest.raises(
            ValueError,
            match=r"^allocate shares of a non-negative amount by non-negative weights$",
        ):
            allocate(total, weights)


def test_allocate_always_sums_exactly_and_each_part_is_its_share_rounded_down_or_up():
    draw = random.Random(20260101)
    for _ in range(2000):
        weights = [
            draw.choice([0, 1, 2, 3, draw.randint(1, 10**6)]) for _ in range(draw.randint(1, 7))
        ]
        if not any(weights):
            weights[draw.randrange(len(weights))] = 1
        total = draw.choice([0, 1, draw.randint(0, 50), draw.randint(0, 10**9)])
        parts = allocate(total, weights)
        assert sum(parts) == total, (total, weights, parts)
        exact = [Fraction(total * w, sum(weights)) for w in weights]
        for part, share in zip(parts, exact, strict=True):
            assert share - 1 < part < share + 1, (total, weights, parts)
        # a larger remainder never loses to a smaller one; equal ones go to the earlier part
        ups = [i for i, (p, s) in enumerate(zip(parts, exact, strict=True)) if p > s]
        downs = [i for i, (p, s) in enumerate(zip(parts, exact, strict=True)) if p < s]
        for up in ups:
            for down in downs:
                up_rest, down_rest = exact[up] % 1, exact[down] % 1
                assert up_rest > down_rest or (up_rest == down_rest and up < down)


@pytest.mark.parametrize(
    ("value", "rounded"),
    [
        (Fraction(5, 2), 3),
        (Fraction(7, 3), 2),
        (Fraction(8, 3), 3),
        (Fraction(4), 4),
        (Fraction(0), 0),
        (Fraction(-5, 2), -2),  # halves go up, not away from zero
        (Fraction(-8, 3), -3),
    ],
)
def test_fraction_half_up(value, rounded):
    assert fraction_half_up(value) == rounded
