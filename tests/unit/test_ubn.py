"""Taiwan's unified business number checksum, as amended in 2023 (divisible by 5)."""

import pytest

from app.domain.ubn import check_digit_candidates, is_valid


@pytest.mark.parametrize(
    "number",
    [
        "04595257",  # valid under the old rule (sum divisible by 10) too
        "22099131",
        "10458575",  # seventh digit 7: valid with 28 → 1+0 counted as 1
        "12345675",  # seventh digit 7: the sum with 0 is divisible by 5
        "04595252",  # valid only under the 2023 rule (sum 35)
        "34466379",
    ],
)
def test_valid_numbers(number):
    assert is_valid(number)


@pytest.mark.parametrize(
    "number",
    [
        "04595256",  # wrong check digit
        "12345678",
        "1234567",  # seven digits
        "123456789",
        "1234567a",
        "",
        "１２３４５６７５",  # full-width digits are normalised by the service, not here
        "0459525 ",
    ],
)
def test_invalid_numbers(number):
    assert not is_valid(number)


def test_new_rule_accepts_numbers_the_old_rule_refused():
    # weighted digit sum 35: divisible by 5, not by 10
    assert is_valid("04595252")
    old_rule = (
        sum(
            (d * w) // 10 + (d * w) % 10
            for d, w in zip(map(int, "04595252"), (1, 2, 1, 2, 1, 2, 4, 1), strict=True)
        )
        % 10
        == 0
    )
    assert not old_rule


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        # digits 1,0,4,5,8,5 weigh in at 15; the 7 in seventh place gives 28 → 10 → 1 or 0
        ("10458574", True),  # 15 + 1 + 4 = 20: valid only by reading 10 as 1
        ("10458575", True),  # 15 + 0 + 5 = 20: valid by reading 10 as 0
        ("10458573", False),  # 19 or 18
        # the either-way rule is only for a 7: seventh digit 2 (8) gives 15 + 8 + 6 = 29, which
        # the "minus nine" reading would wrongly accept
        ("10458526", False),
    ],
)
def test_seventh_digit_seven_counts_either_way(number, valid):
    assert is_valid(number) is valid


def test_check_digit_candidates_are_valid():
    assert all(is_valid("0459525" + d) for d in check_digit_candidates("0459525"))
    assert set(check_digit_candidates("0459525")) >= {"2", "7"}


# Prefixes of six digits; with any seventh digit, the ten possible check digits cover every
# remainder of the weighted sum twice (the last weight is 1).
PREFIXES = ["104585", "045952", "220991", "123456", "000000", "987654"]


@pytest.mark.parametrize("seventh", range(10))
@pytest.mark.parametrize("prefix", PREFIXES)
def test_only_a_seventh_digit_7_widens_the_valid_check_digits(prefix, seventh):
    """Without the exception two check digits fit (d and d + 5); a 7 in seventh place lets the
    sum be read two ways, so four fit. Any other seventh digit given the exception would let
    invalid numbers through."""
    candidates = check_digit_candidates(prefix + str(seventh))
    if seventh == 7:
        assert len(candidates) == 4, candidates
    else:
        assert len(candidates) == 2, candidates
        low, high = sorted(int(d) for d in candidates)
        assert high - low == 5


@pytest.mark.parametrize(
    "number",
    [
        # digits 1,0,4,5,8,5 weigh in at 15; the seventh digit's product is 32 → 5 for an 8 and
        # 36 → 9 for a 9. 15 + 5 + 4 = 24 and 15 + 9 + 0 = 24 are not divisible by 5, but
        # "minus nine" (the 7's second reading) would make them 15
        "10458584",
        "10458589",
        "10458590",
        "10458595",
    ],
)
def test_seventh_digit_8_or_9_gets_no_second_reading(number):
    assert not is_valid(number)
