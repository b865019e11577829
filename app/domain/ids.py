"""Whole numbers that can reach an INTEGER column.

Ids, prices and cursor values read from a URL are compared with 32-bit columns: PostgreSQL
refuses a larger number ("integer out of range") and SQLite one above 2**63, so a number
outside the range names nothing and is dropped before it reaches a query.
"""

from __future__ import annotations

INT_MIN = -(2**31)
INT_MAX = 2**31 - 1


def fits_integer(value: int) -> bool:
    return INT_MIN <= value <= INT_MAX


def parse_id(text: str | None) -> int | None:
    """A positive id written in ASCII digits, or None ("²" and "١" are digits to Python)."""
    if not text or not text.isascii() or not text.isdigit():
        return None
    number = int(text)
    return number if 0 < number <= INT_MAX else None
