"""Two small rules shoppers meet on every page: when a product wears the halal badge in a
market, and how far a typed word may be from a known one to be corrected."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import halal
from app.domain.text_distance import allowed_typos, edit_distance

DAY = date(2026, 12, 1)
JAKIM = frozenset({"JAKIM"})


def test_a_body_is_a_code_in_any_case_and_spacing():
    assert halal.normalise_body(" jakim ") == "JAKIM"
    assert halal.normalise_body(None) == ""


@pytest.mark.parametrize(
    ("body", "number", "expires", "complete"),
    [
        ("JAKIM", "MS 1500", DAY, True),
        (" ", "MS 1500", DAY, False),
        (None, "MS 1500", DAY, False),
        ("JAKIM", "  ", DAY, False),
        ("JAKIM", None, DAY, False),
        ("JAKIM", "MS 1500", None, False),
    ],
)
def test_a_certificate_is_complete_with_body_number_and_expiry(body, number, expires, complete):
    assert halal.certificate_complete(body, number, expires) is complete


def test_a_certificate_counts_through_its_expiry_day():
    assert halal.certificate_valid("JAKIM", "MS 1", DAY, DAY) is True
    assert halal.certificate_valid("JAKIM", "MS 1", DAY, date(2026, 12, 2)) is False
    assert halal.certificate_valid("JAKIM", "", DAY, DAY) is False


def test_the_badge_in_markets_that_accept_any_body_or_only_recognised_ones():
    assert halal.accepted_bodies(False, JAKIM) is None
    assert halal.accepted_bodies(True, JAKIM) == JAKIM
    # Thailand: any valid certificate
    assert halal.badge_shown("THIDA", "TH-1", DAY, DAY, None) is True
    # Malaysia: only bodies JAKIM recognises, however the vendor wrote the code
    assert halal.badge_shown("jakim ", "MS 1", DAY, DAY, JAKIM) is True
    assert halal.badge_shown("THIDA", "TH-1", DAY, DAY, JAKIM) is False
    # never for an expired or incomplete certificate, whatever the body
    assert halal.badge_shown("JAKIM", "MS 1", date(2026, 11, 30), DAY, JAKIM) is False
    assert halal.badge_shown("JAKIM", "", DAY, DAY, None) is False


@pytest.mark.parametrize(
    ("a", "b", "limit", "distance"),
    [
        ("oolong", "oolong", 2, 0),
        ("tea", "tee", 1, 1),  # a letter wrong
        ("oolnog", "oolong", 1, 1),  # two neighbours swapped count once
        ("caek", "cake", 1, 1),
        ("pinaple", "pineapple", 2, 2),  # two letters left out
        ("pineapples", "pineapple", 1, 1),  # one too many
        ("sauce", "souse", 2, 2),
        ("abcdef", "uvwxyz", 2, 3),  # more than the limit: limit + 1
        ("a", "abcd", 1, 2),  # lengths alone say so
        ("ab", "ba", 0, 1),
        ("otfu", "tofu", 1, 1),  # the first two letters swapped count once too
        ("milk", "mint", 2, 2),  # two letters wrong, not swapped: two slips, not one
        ("zzz", "z", 2, 2),  # a letter typed three times: two too many
        ("", "ab", 2, 2),
    ],
)
def test_edit_distance(a, b, limit, distance):
    assert edit_distance(a, b, limit) == distance


@pytest.mark.parametrize(
    ("word", "typos"), [("tea", 0), ("cake", 1), ("pinaple", 1), ("pineappl", 2), ("", 0)]
)
def test_longer_words_may_have_more_slips(word, typos):
    assert allowed_typos(word) == typos
