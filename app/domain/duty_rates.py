"""Import duty by HS code: which rate a market charges on goods.

Customs charge the tariff rate of the goods' HS code. A market's rates are data keyed by a
code prefix (a chapter of 2 digits, a heading of 4, a subheading of 6, a national line of 8
to 10): the longest prefix that matches the goods' code wins, among the rates in force on the
day. Goods without a code, or with a code no rate covers, pay the highest rate among their
category's headings in that market (the store must never collect less than customs may ask),
or, for a category without heading rates, the category's own rate.

Pure: the services load the rates; this module only matches them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from app.domain.problems import Problem, problem

#: what a code may look like before it is normalised: digits, dots, spaces and hyphens
_SEPARATORS = re.compile(r"[\s.\-]+")
_DIGITS = re.compile(r"[0-9]+")
#: the longest note an operator may keep on a rate
NOTE_MAX = 500


def normalise_hs(text: str | None) -> str | None:
    """A code as stored: "0902.30", "0902 30" and " 090230 " are all "090230"; blank is
    None. Nothing is checked here (see prefix_problems)."""
    if text is None:
        return None
    cleaned = _SEPARATORS.sub("", text)
    return cleaned or None


def prefix_problems(prefix: str | None, path: tuple = ("hs_prefix",)) -> list[Problem]:
    """A rate's prefix: digits only, and a chapter (2), a heading (4) or a subheading or
    national line (6 to 10)."""
    if not prefix:
        return [problem(path, "hs_prefix.required")]
    if not _DIGITS.fullmatch(prefix) or not (len(prefix) in (2, 4) or 6 <= len(prefix) <= 10):
        return [problem(path, "hs_prefix.format")]
    return []


def display_hs(code: str) -> str:
    """A code as customs print it: 09, 0902, 0902.30, 0902.30.10, 0902.30.10.00."""
    if len(code) <= 4:
        return code
    rest = code[4:]
    return ".".join([code[:4], *(rest[i : i + 2] for i in range(0, len(rest), 2))])


@dataclass(frozen=True)
class DutyRate:
    """One market's rate for the goods whose code starts with `prefix`."""

    prefix: str
    #: fraction: 0.90 for 90%
    rate: Decimal
    #: the rate a tax rule that goes by heading charges on these goods (Malaysia's sales tax:
    #: 0 exempt, 0.05 or 0.10); None: that rule's own rate
    tax_rate: Decimal | None = None
    #: the heading's name per content locale ("tea", "茶"), for the line that charges it
    names: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    #: the store category whose goods the heading holds (the fallback for goods without a code)
    category: int | None = None
    confirmed: bool = True
    valid_from: date = date.min
    #: last day the rate applies (inclusive); None = open-ended
    valid_to: date | None = None
    id: int | None = None

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True)
class DutyTable:
    """A market's duty rates: by code prefix, and per category for categories that have no
    heading rates there."""

    rates: tuple[DutyRate, ...] = ()
    #: category id → its own rate (used only when the category has no heading rate in force)
    category_rates: Mapping[int, Decimal] = field(default_factory=dict)
    #: category id → its name per content locale (for a line charged at the category's rate)
    category_names: Mapping[int, Mapping[str, str]] = field(default_factory=dict)


EMPTY = DutyTable()


class Basis(StrEnum):
    #: the goods' code matched a rate
    HS = "hs"
    #: no code (or no rate for it): the highest rate among the category's headings
    CATEGORY_HIGHEST = "category_highest"
    #: no heading rates for the category here: the category's own rate
    CATEGORY = "category"
    #: no rate at all: a duty rule charges its own rate (0 in the shipped rules)
    NONE = "none"


@dataclass(frozen=True)
class Classified:
    """Which rate applies to some goods, and why."""

    basis: Basis
    #: the duty rate; None: the duty rule's own rate
    rate: Decimal | None
    #: the heading's rate for a tax rule that goes by heading; None: the rule's own rate
    tax_rate: Decimal | None = None
    #: the rate row that applies (HS or CATEGORY_HIGHEST)
    matched: DutyRate | None = None
    category: int | None = None
    #: the goods had a code that no rate covers (CATEGORY_HIGHEST, CATEGORY or NONE)
    unmatched_code: str | None = None

    @property
    def group(self) -> tuple:
        """Goods with the same group pay duty on one line: one per heading, one per category
        priced at its highest or its own rate (the line names the category, not a heading the
        goods may not be in)."""
        if self.basis is Basis.HS and self.matched is not None:
            return ("hs", self.matched.prefix)
        if self.basis in (Basis.CATEGORY_HIGHEST, Basis.CATEGORY):
            return (self.basis.value, self.category)
        return ("none",)


def _in_force(rates: Iterable[DutyRate], on: date) -> list[DutyRate]:
    return [rate for rate in rates if rate.in_force(on)]


def match(rates: Iterable[DutyRate], hs_code: str | None, on: date) -> DutyRate | None:
    """The rate in force whose prefix is the longest one `hs_code` starts with."""
    code = normalise_hs(hs_code)
    if not code:
        return None
    found = [rate for rate in _in_force(rates, on) if code.startswith(rate.prefix)]
    # the same prefix twice on one day is refused when operators save (overlaps); if it ever
    # happens, the higher rate is taken
    return max(found, key=lambda r: (len(r.prefix), r.rate), default=None)


def _dearest(rate: DutyRate) -> tuple:
    # a heading without its own tax rate pays the tax rule's full rate: dearer than any class
    tax = (1, Decimal(0)) if rate.tax_rate is None else (0, rate.tax_rate)
    return (rate.rate, *tax)


def highest_for_category(rates: Iterable[DutyRate], category: int | None, on: date):
    """The dearest rate in force among the category's headings (ties: the shortest, then
    lowest, prefix), or None."""
    if category is None:
        return None
    found = [rate for rate in _in_force(rates, on) if rate.category == category]
    if not found:
        return None
    best = max(_dearest(rate) for rate in found)
    return min(
        (rate for rate in found if _dearest(rate) == best),
        key=lambda r: (len(r.prefix), r.prefix),
    )


def classify(table: DutyTable, hs_code: str | None, category: int | None, on: date) -> Classified:
    """The rate for goods of `hs_code` (may be None) in `category`, on the day."""
    code = normalise_hs(hs_code)
    found = match(table.rates, code, on)
    if found is not None:
        return Classified(Basis.HS, found.rate, found.tax_rate, found, category)
    unmatched = code or None
    highest = highest_for_category(table.rates, category, on)
    if highest is not None:
        return Classified(
            Basis.CATEGORY_HIGHEST, highest.rate, highest.tax_rate, highest, category, unmatched
        )
    if category is not None and category in table.category_rates:
        return Classified(
            Basis.CATEGORY, table.category_rates[category], None, None, category, unmatched
        )
    return Classified(Basis.NONE, None, None, None, category, unmatched)


# -- operators' edits ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DutyRateDraft:
    """A rate as an operator typed it (rates already as fractions)."""

    market: str
    hs_prefix: str
    rate: Decimal | None
    tax_rate: Decimal | None
    valid_from: date | None
    valid_to: date | None
    confirmed: bool = False
    note: str = ""


def check_draft(draft: DutyRateDraft, markets: Iterable[str]) -> list[Problem]:
    """Every problem of a rate at once: market.unknown, hs_prefix.required, hs_prefix.format,
    the rates' (market_data.check_rate_fraction: percent.*), valid_from.required,
    valid_to.before_start, note.length (params max)."""
    from app.domain.market_data import check_rate_fraction

    found: list[Problem] = []
    if draft.market not in set(markets):
        found.append(problem(("market",), "market.unknown"))
    found += prefix_problems(draft.hs_prefix)
    found += check_rate_fraction(("rate",), draft.rate)
    if draft.tax_rate is not None:
        found += check_rate_fraction(("tax_rate",), draft.tax_rate)
    if draft.valid_from is None:
        found.append(problem(("valid_from",), "valid_from.required"))
    elif draft.valid_to is not None and draft.valid_to < draft.valid_from:
        found.append(problem(("valid_to",), "valid_to.before_start"))
    if len(draft.note) > NOTE_MAX:
        found.append(problem(("note",), "note.length", max=NOTE_MAX))
    return found


@dataclass(frozen=True)
class RateSpan:
    id: int | None
    market: str
    hs_prefix: str
    valid_from: date
    valid_to: date | None


def overlapping(span: RateSpan, others: Iterable[RateSpan]) -> list[RateSpan]:
    """Rates of the same market and prefix in force on a common day: on such a day nobody
    could say which one customs charge."""
    end = span.valid_to or date.max
    return [
        other
        for other in others
        if other.id != span.id
        and other.market == span.market
        and other.hs_prefix == span.hs_prefix
        and other.valid_from <= end
        and span.valid_from <= (other.valid_to or date.max)
    ]
