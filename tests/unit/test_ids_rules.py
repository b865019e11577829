"""Numbers read from a URL reach an INTEGER column only when it can hold them: PostgreSQL's
integer is -2,147,483,648 to 2,147,483,647, both ends included."""

from __future__ import annotations

import pytest

from app.domain.ids import fits_integer, parse_id


@pytest.mark.parametrize(
    ("value", "fits"),
    [
        (2_147_483_647, True),  # the largest integer a column holds
        (2_147_483_648, False),
        (-2_147_483_648, True),  # the smallest
        (-2_147_483_649, False),
        (0, True),
    ],
)
def test_the_ends_of_an_integer_column_are_numbers_it_holds(value, fits):
    assert fits_integer(value) is fits


@pytest.mark.parametrize(
    ("text", "id_"),
    [
        ("1", 1),  # the first row
        ("42", 42),
        ("2147483647", 2_147_483_647),  # the largest id a column holds
        ("2147483648", None),
        ("0", None),  # ids start at 1
        ("", None),
        (None, None),
        ("12a", None),
        ("-3", None),
        ("²", None),  # a digit to Python, not to a URL
        ("١٢", None),  # Arabic-Indic digits
    ],
)
def test_an_id_in_a_url_is_a_positive_number_in_ascii_digits(text, id_):
    assert parse_id(text) == id_
