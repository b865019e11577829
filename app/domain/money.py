"""Money: integer minor units plus an ISO 4217 currency code. Never a float."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache

from babel.numbers import get_currency_precision

#: The store's base currency: vendors price in whole New Taiwan dollars.
BASE_CURRENCY = "TWD"


@lru_cache(maxsize=64)
def minor_unit(currency: str) -> int:
    """Decimal places of the currency's minor unit (ISO 4217, from Babel's CLDR data)."""
    return get_currency_precision(currency)


def round_half_up(value: Decimal, places: int) -> Decimal:
    """To `places` decimal places, halves away from zero (-2.5 is -3)."""
    # quantize keeps only the exponent of its argument: 10 ** -places is 1, 0.1, 0.01, …
    return value.quantize(Decimal(10) ** -places, rounding=ROUND_HALF_UP)


def fraction_half_up(value: Fraction) -> int:
    """An exact fraction to a whole number, halves up (2.5 is 3; -2.5 is -2: the amounts
    rounded here are not negative, where this is the same as halves away from zero)."""
    whole, remainder = divmod(value.numerator, value.denominator)
    return whole + (1 if 2 * remainder >= value.denominator else 0)


@dataclass(frozen=True, order=True)
class Money:
    amount_minor: int
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount_minor, int) or isinstance(self.amount_minor, bool):
            raise TypeError("amount_minor must be an int")
        if len(self.currency) != 3 or not self.currency.isupper():
            raise ValueError(f"not an ISO 4217 code: {self.currency!r}")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @classmethod
    def from_major(cls, amount: Decimal | int | str, currency: str) -> Money:
        """From an amount in major units (e.g. '1500.00'), rounded half-up to the minor unit."""
        value = Decimal(amount)
        if not value.is_finite():
            raise ValueError("amount must be a finite number")
        places = minor_unit(currency)
        return cls(int(round_half_up(value, places).scaleb(places)), currency)

    @property
    def major(self) -> Decimal:
        """The exact amount in major units (for formatting and JSON only)."""
        return Decimal(self.amount_minor).scaleb(-minor_unit(self.currency))

    def _check(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError("can only combine Money with Money")
        if other.currency != self.currency:
            raise ValueError(f"cannot combine {self.currency} with {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.amount_minor + other.amount_minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._check(other)
        return Money(self.amount_minor - other.amount_minor, self.currency)

    def __mul__(self, factor: int) -> Money:
        if not isinstance(factor, int):
            raise TypeError("multiply Money by whole quantities only")
        return Money(self.amount_minor * factor, self.currency)


def twd(whole_dollars: int) -> Money:
    """A vendor's price: whole New Taiwan dollars."""
    return Money.from_major(whole_dollars, BASE_CURRENCY)


def convert(amount: Money, rate: Decimal, currency: str) -> Money:
    """Convert with `rate` (units of `currency` per one unit of amount's currency).

    Rounded half-up to the target currency's minor unit. Converting to the same currency
    requires rate 1 and changes nothing.
    """
    if amount.currency == currency:
        if rate != 1:
            raise ValueError("same-currency conversion needs rate 1")
        return amount
    return Money.from_major(amount.major * rate, currency)


def split_evenly(total: int, count: int) -> list[int]:
    """`total` minor units in `count` parts as equal as whole units allow, the larger parts
    first (as allocate() gives ties to the earlier part)."""
    if total < 0 or count < 1:
        raise ValueError("split a non-negative amount into at least one part")
    each, left = divmod(total, count)
    return [each + 1 if index < left else each for index in range(count)]


def allocate(total: int, weights: list[int]) -> list[int]:
    """Split a whole number of minor units in proportion to `weights` so the parts add up to
    exactly `total` (largest remainder; ties go to the earlier part). A parcel's import tax is
    shared among its lines this way, so refunding a line refunds its own share."""
    if total < 0 or any(w < 0 for w in weights):
        raise ValueError("allocate shares of a non-negative amount by non-negative weights")
    whole = sum(weights)
    if whole == 0:  # no parts, or parts that all weigh nothing
        if total:
            raise ValueError("nothing to share by")
        return [0] * len(weights)
    parts = [total * w // whole for w in weights]
    remainders = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in remainders[: total - sum(parts)]:
        parts[i] += 1
    return parts
