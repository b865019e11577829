"""The arithmetic of the operators' dashboard, pure: amounts charged in several currencies brought
to New Taiwan dollars, shares, averages, and the Taipei days of a period.

Orders are charged in their market's currency at the exchange rate frozen on the order (units
of that currency per NT$1). A sum across markets is meaningful only in one currency, so each
amount is divided by its own order's rate. The database hands over sums per day and (currency,
rate): orders that share a rate share a divisor, so dividing their sum is dividing each order
and adding up. Each such sum is converted exactly and kept in millionths of a NT$ (integers,
so totals add up exactly); a figure is rounded half-up to whole NT$ once, when it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from app.domain.money import fraction_half_up, minor_unit, round_half_up

#: millionths of a NT$ per NT$
MICRO = 1_000_000


@dataclass(frozen=True)
class Charged:
    """What some orders were charged in one currency at one frozen rate."""

    currency: str
    #: units of `currency` per NT$1, as frozen on the orders
    fx_rate: Decimal
    amount_minor: int


def twd_micro(part: Charged) -> int:
    """The part in millionths of a NT$: its amount divided by its rate, rounded half-up."""
    if part.fx_rate <= 0:
        raise ValueError(f"no exchange rate for {part.currency}: {part.fx_rate}")
    major = Fraction(part.amount_minor, 10 ** minor_unit(part.currency))
    return fraction_half_up(major * MICRO / Fraction(part.fx_rate))


def whole_twd(micro: int) -> int:
    """Millionths of a NT$ as whole NT$, rounded half-up."""
    return fraction_half_up(Fraction(micro, MICRO))


def average_twd(micro: int, count: int) -> int | None:
    """The average of `count` amounts (a total in millionths) in whole NT$."""
    return fraction_half_up(Fraction(micro, MICRO * count)) if count > 0 else None


def average_minor(total_minor: int, count: int) -> int | None:
    """The average of `count` amounts in minor units, rounded half-up (None for no amount)."""
    return fraction_half_up(Fraction(total_minor, count)) if count > 0 else None


def share(part: int, of: int, places: int = 3) -> Decimal | None:
    """part / of as a decimal fraction to `places` places, rounded half-up (0.125 is 12.5%);
    None when there is nothing to divide by."""
    if of <= 0:
        return None
    return round_half_up(Decimal(part) / Decimal(of), places)


def days(first: date, last: date) -> list[date]:
    """Every day from first to last, both included."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def period(today: date, length: int) -> tuple[date, date]:
    """The `length` days that end today (both included)."""
    if length < 1:
        raise ValueError("a period has at least one day")
    return today - timedelta(days=length - 1), today
