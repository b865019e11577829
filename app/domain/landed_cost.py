"""Landed cost: the import taxes added to one vendor parcel, computed from rule rows.

Rules are data that operators edit (see DESIGN.md); this module only knows how to apply them.
It is the single place every page, the cart and `flask tax quote` get their figures from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from app.domain.money import Money


class Kind(StrEnum):
    DUTY = "duty"
    TAX = "tax"
    #: a tax already inside the price (Taiwan's business tax): shown, never added
    INCLUDED = "included"


class Applies(StrEnum):
    ALWAYS = "always"
    AT_OR_UNDER = "at_or_under"
    OVER = "over"


@dataclass(frozen=True)
class TaxRule:
    name: str
    label: str
    kind: Kind
    rate: Decimal
    applies: Applies = Applies.ALWAYS
    threshold: Money | None = None
    shipping_in_base: bool = True
    #: whether the lines computed before this one (duty) are part of its base
    prior_in_base: bool = False
    #: the rate comes from the goods' category in this market when one is set
    uses_category_rate: bool = False
    position: int = 0
    valid_from: date = date.min
    #: last day the rule applies (inclusive); None = open-ended
    valid_to: date | None = None

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    def applies_to(self, goods: Money) -> bool:
        if self.applies is Applies.ALWAYS:
            return True
        if self.threshold is None:
            raise ValueError(f"rule {self.name!r} needs a threshold")
        if self.threshold.currency != goods.currency:
            raise ValueError(f"rule {self.name!r} threshold is in {self.threshold.currency}")
        if self.applies is Applies.AT_OR_UNDER:
            return goods <= self.threshold
        return goods > self.threshold


@dataclass(frozen=True)
class Goods:
    """Goods of one category in a parcel, with that category's duty rate in the market."""

    value: Money
    duty_rate: Decimal | None = None


@dataclass(frozen=True)
class TaxLine:
    name: str
    label: str
    kind: Kind
    #: None when goods of different duty rates share the line
    rate: Decimal | None
    base: Money
    amount: Money


@dataclass(frozen=True)
class TaxQuote:
    goods: Money
    shipping: Money
    #: taxes added on top of goods and shipping, in order
    lines: tuple[TaxLine, ...]
    #: taxes already inside the price (shown on receipts, not added)
    included: tuple[TaxLine, ...] = field(default=())

    @property
    def currency(self) -> str:
        return self.goods.currency

    @property
    def total_tax(self) -> Money:
        total = Money.zero(self.currency)
        for line in self.lines:
            total += line.amount
        return total

    @property
    def landed_total(self) -> Money:
        return self.goods + self.shipping + self.total_tax


def _fraction_half_up(value: Fraction) -> int:
    """Round an exact fraction half up to a whole number of minor units.

    Amounts here are never negative (quote refuses negative goods and shipping, and the
    tax_rules and category_duty_rates tables allow no negative rate), so half up is the same as
    half away from zero.
    """
    whole, remainder = divmod(value.numerator, value.denominator)
    if remainder * 2 >= value.denominator:
        whole += 1
    return whole


def quote(
    rules: Iterable[TaxRule],
    goods: Sequence[Goods],
    shipping: Money,
    on: date,
) -> TaxQuote:
    """The taxes on one parcel: `goods` (FOB value per category) plus `shipping`.

    Each line rounds half-up to the currency's minor unit, and later lines that include earlier
    ones in their base use the rounded amounts, as a customs declaration does.
    """
    if not goods:
        raise ValueError("a parcel holds goods")
    currency = shipping.currency
    goods_total = Money.zero(currency)
    for item in goods:
        goods_total += item.value
    # each item, not only the total: a negative item beside a dearer one at another duty rate
    # would make a negative tax line
    if any(item.value.amount_minor < 0 for item in goods) or shipping.amount_minor < 0:
        raise ValueError("goods and shipping cannot be negative")

    applicable = sorted(
        (rule for rule in rules if rule.in_force(on) and rule.applies_to(goods_total)),
        key=lambda rule: rule.position,
    )
    added: list[TaxLine] = []
    included: list[TaxLine] = []
    for rule in applicable:
        prior = sum(line.amount.amount_minor for line in added) if rule.prior_in_base else 0
        ship = shipping.amount_minor if rule.shipping_in_base else 0
        base_minor = goods_total.amount_minor + ship + prior
        rates = _rates_by_goods(rule, goods)
        if all(rate == 0 for rate, _ in rates):
            continue
        amount = _amount(rule.kind, rates, goods_total.amount_minor, ship, prior)
        uniform = {rate for rate, _ in rates}
        line = TaxLine(
            name=rule.name,
            label=rule.label,
            kind=rule.kind,
            rate=uniform.pop() if len(uniform) == 1 else None,
            base=Money(base_minor, currency),
            amount=Money(amount, currency),
        )
        (included if rule.kind is Kind.INCLUDED else added).append(line)
    return TaxQuote(goods_total, shipping, tuple(added), tuple(included))


def _rates_by_goods(rule: TaxRule, goods: Sequence[Goods]) -> list[tuple[Decimal, int]]:
    """(rate, goods value in minor units) per rate that this rule charges."""
    by_rate: dict[Decimal, int] = defaultdict(int)
    for item in goods:
        rate = rule.rate
        if rule.uses_category_rate and item.duty_rate is not None:
            rate = item.duty_rate
        by_rate[rate] += item.value.amount_minor
    return sorted(by_rate.items())


def _amount(kind: Kind, rates: list[tuple[Decimal, int]], goods: int, ship: int, prior: int) -> int:
    """Shipping and earlier lines are shared among rates in proportion to goods value, so a
    parcel with one rate is simply (goods + shipping + prior) × rate, computed exactly."""
    total = Fraction(0)
    for rate, value in rates:
        share = Fraction(value, goods) if goods else Fraction(1, len(rates))
        base = value + (ship + prior) * share
        rate_f = Fraction(rate)
        if kind is Kind.INCLUDED:
            # the tax inside a price that includes it: price × rate / (1 + rate)
            rate_f = rate_f / (1 + rate_f)
        total += base * rate_f
    return _fraction_half_up(total)


def price_basis(rules: Iterable[TaxRule], on: date) -> str:
    """What a shown price leaves out in a market, by its rules in force: "added" (import tax
    may come on top), "included" (the only tax is inside the price, as Taiwan's business
    tax) or "none" (no tax rules)."""
    kinds = {rule.kind for rule in rules if rule.in_force(on)}
    if kinds - {Kind.INCLUDED}:
        return "added"
    return "included" if kinds else "none"
