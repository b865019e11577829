"""Taiwan's unified business number (統一編號): eight digits with a checksum.

Ministry of Finance rule as amended in 2023 (numbers ran short, so the divisor went from 10 to
5): multiply the digits by 1,2,1,2,1,2,4,1, add the digits of each product, and the sum must
be divisible by 5. When the seventh digit is 7, its product 28 gives 2+8 = 10, which counts as
either 1 or 0: the number is valid if either sum is divisible by 5.
"""

from __future__ import annotations

import string

WEIGHTS = (1, 2, 1, 2, 1, 2, 4, 1)
DIVISOR = 5


def _digit_sum(value: int) -> int:
    return value // 10 + value % 10


def is_valid(ubn: str) -> bool:
    if len(ubn) != 8 or not ubn.isascii() or not ubn.isdigit():
        return False
    # eight ASCII digits (checked above), one weight each
    total = sum(_digit_sum(int(ch) * WEIGHTS[i]) for i, ch in enumerate(ubn))
    if total % DIVISOR == 0:
        return True
    if ubn[6] == "7":
        # 7 × 4 = 28 → 2 + 8 = 10 is in `total` above. Counting that 10 as 0 instead changes
        # nothing modulo 5 (10 is a multiple of 5), so that reading was just checked; counting it
        # as 1 + 0 = 1 makes the sum 9 less.
        return (total - 9) % DIVISOR == 0
    return False


def check_digit_candidates(first_seven: str) -> list[str]:
    """The last digits that make a valid number (used to generate demo numbers)."""
    return [d for d in string.digits if is_valid(first_seven + d)]
