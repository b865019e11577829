"""Landed cost: the import taxes added to one vendor parcel, computed from rule rows.

Rules are data that operators edit (see DESIGN.md); this module only knows how to apply them.
It is the single place every page, the cart and `flask tax quote` get their figures from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from app.domain import duty_rates
from app.domain.duty_rates import DutyTable, classify
from app.domain.money import Money, allocate, fraction_half_up, split_evenly


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
    #: a duty at each item's own rate in this market: by its HS code, else its category's
    #: (domain.duty_rates); the rule's own rate for goods with neither
    uses_category_rate: bool = False
    #: a tax whose rate goes by the goods' heading where the heading has one (Malaysia's sales
    #: tax: exempt, 5% or 10%), the rule's own rate elsewhere
    rate_by_heading: bool = False
    #: the threshold weighs the goods of every parcel of the order together: the
    #: Philippines adds up same-day shipments to one consignee (since May 2025), and a
    #: shopper's parcels from several shops are sent within the same day or two
    threshold_per_order: bool = False
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
    """One line of a parcel: its goods value (FOB), HS code and category. The duty rate comes
    from the market's DutyTable: by the code's longest matching prefix, else the category's."""

    value: Money
    hs_code: str | None = None
    category: int | None = None


@dataclass(frozen=True)
class TaxLine:
    name: str
    label: str
    kind: Kind
    #: None only on lines placed before rates went by heading (order snapshots)
    rate: Decimal | None
    base: Money
    amount: Money
    #: the HS prefix whose rate this line charges (a duty line per heading), else None
    heading: str | None = None
    #: what goods the line charges, per content locale: the heading's name, or the category's
    #: when the goods pay their category's rate; empty for a line on the whole parcel
    goods_names: Mapping[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class TaxQuote:
    goods: Money
    shipping: Money
    #: taxes added on top of goods and shipping, in order
    lines: tuple[TaxLine, ...]
    #: taxes already inside the price (shown on receipts, not added)
    included: tuple[TaxLine, ...] = field(default=())
    #: each goods line's share of the added taxes, in the order the goods were given (its
    #: heading's duty and the taxes on it), so refunding a line refunds its own tax
    item_taxes: tuple[Money, ...] = field(default=())
    #: how each goods line's duty rate was found, in the order the goods were given
    classified: tuple[duty_rates.Classified, ...] = field(default=())
    #: a rule applies (or not) because the whole order's goods, not this parcel's, passed
    #: its threshold (TaxRule.threshold_per_order): the cart says why
    decided_by_order: bool = False

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


@dataclass
class _Group:
    """Goods of one parcel that pay duty at one rate (one heading, or one category)."""

    classified: duty_rates.Classified
    items: list[int]
    value: int = 0
    shipping: int = 0
    #: this group's part of the added lines so far
    taxed: int = 0


def _share(total: int, weights: list[int]) -> list[int]:
    """allocate(), with parts that weigh nothing sharing equally."""
    if weights and not any(weights):
        return split_evenly(total, len(weights))
    return allocate(total, weights)


def _groups(goods: Sequence[Goods], table: DutyTable, shipping: int, on: date):
    classified = []
    groups: dict[tuple, _Group] = {}
    for index, item in enumerate(goods):
        found = classify(table, item.hs_code, item.category, on)
        classified.append(found)
        group = groups.setdefault(found.group, _Group(found, []))
        group.items.append(index)
        group.value += item.value.amount_minor
    ordered = list(groups.values())
    # shipping is shared among the groups by goods value, in whole minor units, as a customs
    # declaration shares freight among its lines
    parts = _share(shipping, [g.value for g in ordered])
    for index, group in enumerate(ordered):
        group.shipping = parts[index]
    return tuple(classified), ordered


def quote(
    rules: Iterable[TaxRule],
    goods: Sequence[Goods],
    shipping: Money,
    on: date,
    duties: DutyTable = duty_rates.EMPTY,
    order_goods: Money | None = None,
) -> TaxQuote:
    """The taxes on one parcel: `goods` (FOB value, HS code, category per line) plus
    `shipping`, under the market's `rules` and duty rates (`duties`).

    A duty rule that takes each item's rate (uses_category_rate) makes one line per heading
    (goods of one HS rate, or of one category's rate): "Import duty, tea (0902)" at 90%, on
    those goods and their share of the shipping. A tax rule that goes by heading
    (rate_by_heading: Malaysia's sales tax classes) makes one line per rate. Any other rule
    makes one line on the whole parcel. Each line rounds half-up to the currency's minor unit,
    and later lines that include earlier ones in their base use the rounded amounts, as a
    customs declaration does.

    `order_goods`: the goods of every parcel of the order (this one included), for the rules
    whose threshold weighs the order (threshold_per_order); None for a parcel alone (the
    product page's estimate), which is then its own order.
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

    if order_goods is not None and (order_goods.currency != currency or order_goods < goods_total):
        raise ValueError("the order's goods are this parcel's and the others'")
    order = order_goods if order_goods is not None else goods_total
    in_force = [rule for rule in rules if rule.in_force(on)]
    applicable = sorted(
        (r for r in in_force if r.applies_to(order if r.threshold_per_order else goods_total)),
        key=lambda rule: rule.position,
    )
    by_order = any(
        rule.applies_to(order) != rule.applies_to(goods_total)
        for rule in in_force
        if rule.threshold_per_order
    )
    classified, groups = _groups(goods, duties, shipping.amount_minor, on)
    added: list[TaxLine] = []
    included: list[TaxLine] = []
    for rule in applicable:
        bases = [
            group.value
            + (group.shipping if rule.shipping_in_base else 0)
            + (group.taxed if rule.prior_in_base else 0)
            for group in groups
        ]
        for line, parts in _lines(rule, groups, bases, duties, currency):
            if rule.kind is Kind.INCLUDED:
                included.append(line)
                continue
            added.append(line)
            for index, part in parts.items():
                groups[index].taxed += part
    # each item is in one group: its part of the group's added tax, by goods value
    item_taxes: dict[int, int] = {}
    for group in groups:
        parts = _share(group.taxed, [goods[i].value.amount_minor for i in group.items])
        item_taxes.update(_by_index(group.items, parts))
    return TaxQuote(
        goods_total,
        shipping,
        tuple(added),
        tuple(included),
        tuple(Money(item_taxes[index], currency) for index in range(len(goods))),
        classified,
        by_order,
    )


def _lines(rule: TaxRule, groups: list[_Group], bases: list[int], duties, currency):
    """(line, {group index: part of its amount}) for each line `rule` makes."""
    if rule.kind is Kind.DUTY and rule.uses_category_rate:
        for index, group in enumerate(groups):
            found = group.classified
            rate = found.rate if found.rate is not None else rule.rate
            if rate == 0:
                continue
            base = bases[index]
            amount = _added(rate, base)
            heading, names = _goods_named(found, duties)
            yield (
                TaxLine(
                    name=_name(rule.name, heading, names),
                    label=rule.label,
                    kind=rule.kind,
                    rate=rate,
                    base=Money(base, currency),
                    amount=Money(amount, currency),
                    heading=heading,
                    goods_names=names,
                ),
                {index: amount},
            )
        return
    by_rate: dict[Decimal, list[int]] = {}
    for index, group in enumerate(groups):
        rate = rule.rate
        if rule.rate_by_heading and group.classified.tax_rate is not None:
            rate = group.classified.tax_rate
        by_rate.setdefault(rate, []).append(index)
    for rate, indexes in by_rate.items():
        if rate == 0:
            continue
        base = sum(bases[i] for i in indexes)
        amount = _amount(rule.kind, rate, base)
        parts = _share(amount, [bases[i] for i in indexes])
        yield (
            TaxLine(
                name=rule.name,
                label=rule.label,
                kind=rule.kind,
                rate=rate,
                base=Money(base, currency),
                amount=Money(amount, currency),
            ),
            _by_index(indexes, parts),
        )


def _by_index(indexes: list[int], parts: list[int]) -> dict[int, int]:
    """{index: its part}, for parts made in the order of `indexes`."""
    return {index: parts[position] for position, index in enumerate(indexes)}


def _goods_named(found: duty_rates.Classified, duties: DutyTable):
    """(HS prefix, names per locale) of what a duty line charges."""
    if found.basis is duty_rates.Basis.HS and found.matched is not None:
        return found.matched.prefix, dict(found.matched.names)
    if found.category is not None and found.basis in (
        duty_rates.Basis.CATEGORY_HIGHEST,
        duty_rates.Basis.CATEGORY,
    ):
        return None, dict(duties.category_names.get(found.category, {}))
    return None, {}


def _name(rule_name: str, heading: str | None, names: Mapping[str, str]) -> str:
    """The line's English name, as quotes print it: "Import duty, tea (0902)"."""
    parts = [rule_name]
    what = names.get("en")
    if what and heading:
        parts.append(f"{what} ({duty_rates.display_hs(heading)})")
    elif heading:
        parts.append(duty_rates.display_hs(heading))
    elif what:
        parts.append(what)
    return ", ".join(parts)


def _amount(kind: Kind, rate: Decimal, base: int) -> int:
    if kind is Kind.INCLUDED:
        # the tax inside a price that includes it: price × rate / (1 + rate)
        rate_f = Fraction(rate)
        return fraction_half_up(base * rate_f / (1 + rate_f))
    return _added(rate, base)


def _added(rate: Decimal, base: int) -> int:
    """A tax added on `base` at `rate`, rounded half-up to the minor unit. Never negative:
    quote refuses negative goods and shipping, and the tax_rules and duty_rates tables allow
    no negative rate."""
    return fraction_half_up(base * Fraction(rate))


def price_basis(rules: Iterable[TaxRule], on: date) -> str:
    """What a shown price leaves out in a market, by its rules in force: "added" (import tax
    may come on top), "included" (the only tax is inside the price, as Taiwan's business
    tax) or "none" (no tax rules)."""
    kinds = {rule.kind for rule in rules if rule.in_force(on)}
    if kinds - {Kind.INCLUDED}:
        return "added"
    return "included" if kinds else "none"
