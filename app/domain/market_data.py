"""Checks on what operators enter about markets: exchange rates, import-tax rules, duty rates
per category, shipping rates, halal certifying bodies and commission rates.

Pure rules: each check returns every problem at once as `Problem(path, code, params)`; the
console's forms and `flask rates import` turn the codes into their own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from app.domain.landed_cost import Applies, Kind
from app.domain.money import BASE_CURRENCY
from app.domain.problems import Problem, problem

# -- exchange rates -----------------------------------------------------------------------------

#: decimal places an exchange rate keeps (exchange_rates.rate is ScaledDecimal(10))
RATE_PLACES = 10
#: no currency the store sells in is worth a millionth of a New Taiwan dollar
MAX_RATE = Decimal(1_000_000)
#: a rate in force for longer than this is flagged for operators
STALE_AFTER_DAYS = 7
#: how far ahead a rate may be dated (set on Friday for Monday, or a month-end rate)
MAX_DAYS_AHEAD = 31


def places(value: Decimal) -> int:
    """Decimal places written (0.0413 has 4; 12.50 has 2, trailing zeros count as written)."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def check_exchange_rate(
    currency: str, rate: Decimal | None, as_of: date | None, currencies, today: date
) -> list[Problem]:
    """Problems with a new rate (units of `currency` for one New Taiwan dollar):
    currency.unknown, rate.required, rate.positive, rate.places (params places),
    rate.too_big (params maximum), as_of.required, as_of.ahead (params days)."""
    found = []
    if currency == BASE_CURRENCY or currency not in currencies:
        found.append(problem(("currency",), "currency.unknown"))
    if rate is None:
        found.append(problem(("rate",), "rate.required"))
    elif not rate.is_finite() or rate <= 0:
        found.append(problem(("rate",), "rate.positive"))
    elif places(rate.normalize()) > RATE_PLACES:
        found.append(problem(("rate",), "rate.places", places=RATE_PLACES))
    elif rate > MAX_RATE:
        found.append(problem(("rate",), "rate.too_big", maximum=MAX_RATE))
    if as_of is None:
        found.append(problem(("as_of",), "as_of.required"))
    elif as_of > today + timedelta(days=MAX_DAYS_AHEAD):
        found.append(problem(("as_of",), "as_of.ahead", days=MAX_DAYS_AHEAD))
    return found


def is_stale(as_of: date | None, today: date) -> bool:
    """A rate in force set more than STALE_AFTER_DAYS days ago (or none at all)."""
    return as_of is None or (today - as_of).days > STALE_AFTER_DAYS


# -- import-tax rules ---------------------------------------------------------------------------

#: what shoppers see a rule called (app.web.labels.TAX_LABELS translates them)
TAX_LABELS = ("duty", "vat", "sales_tax", "gst", "business_tax")
#: the highest rate a rule or duty may have, as a fraction (some duties pass 100%)
MAX_TAX_RATE = Decimal(10)
#: decimal places of a rate as a fraction (tax_rules.rate is ScaledDecimal(6))
TAX_RATE_PLACES = 6
NAME_MAX = 80


@dataclass(frozen=True)
class TaxRuleDraft:
    """A rule as an operator typed it (see DESIGN.md, Landed cost). `rate` is a fraction
    (0.07 for 7%); `threshold_minor` is in the market currency's minor units."""

    market: str
    name: str
    label: str
    kind: str
    rate: Decimal | None
    applies: str
    threshold_minor: int | None
    shipping_in_base: bool
    prior_in_base: bool
    uses_category_rate: bool
    position: int
    valid_from: date | None
    valid_to: date | None
    #: the rule being edited (None for a new one), so it does not overlap itself
    id: int | None = None
    #: the threshold weighs every parcel of the order together (landed_cost.TaxRule)
    threshold_per_order: bool = False


def check_rate_fraction(path: tuple, rate: Decimal | None) -> list[Problem]:
    """A tax or duty rate (a fraction; operators type it in percent): percent.required,
    percent.negative, percent.places (params places, of the percentage), percent.too_big
    (params maximum, in percent)."""
    if rate is None:
        return [problem(path, "percent.required")]
    if not rate.is_finite() or rate < 0:
        return [problem(path, "percent.negative")]
    if places(rate.normalize()) > TAX_RATE_PLACES:
        return [problem(path, "percent.places", places=TAX_RATE_PLACES - 2)]
    if rate > MAX_TAX_RATE:
        return [problem(path, "percent.too_big", maximum=int(MAX_TAX_RATE * 100))]
    return []


def check_tax_rule(draft: TaxRuleDraft, markets) -> list[Problem]:
    """Problems with a rule on its own: market.unknown, name.required, name.length (params
    max), label.unknown, kind.unknown, applies.unknown, the rate's (check_rate_fraction),
    threshold.required, threshold.negative, valid_from.required, valid_to.before_start,
    category_rate.not_duty (only duty takes the category's rate)."""
    found = []
    if draft.market not in markets:
        found.append(problem(("market",), "market.unknown"))
    name = draft.name.strip()
    if not name:
        found.append(problem(("name",), "name.required"))
    elif len(name) > NAME_MAX:
        found.append(problem(("name",), "name.length", max=NAME_MAX))
    if draft.label not in TAX_LABELS:
        found.append(problem(("label",), "label.unknown"))
    if draft.kind not in {k.value for k in Kind}:
        found.append(problem(("kind",), "kind.unknown"))
    if draft.applies not in {a.value for a in Applies}:
        found.append(problem(("applies",), "applies.unknown"))
    found += check_rate_fraction(("rate",), draft.rate)
    if draft.applies in (Applies.AT_OR_UNDER, Applies.OVER) and draft.threshold_minor is None:
        found.append(problem(("threshold",), "threshold.required"))
    elif draft.threshold_minor is not None and draft.threshold_minor < 0:
        found.append(problem(("threshold",), "threshold.negative"))
    if draft.uses_category_rate and draft.kind != Kind.DUTY:
        found.append(problem(("uses_category_rate",), "category_rate.not_duty"))
    if draft.valid_from is None:
        found.append(problem(("valid_from",), "valid_from.required"))
    elif draft.valid_to is not None and draft.valid_to < draft.valid_from:
        found.append(problem(("valid_to",), "valid_to.before_start"))
    return found


@dataclass(frozen=True)
class RuleSpan:
    """Where a rule applies: its market, name and kind, the goods values and the days."""

    id: int | None
    market: str
    name: str
    kind: str
    applies: str
    threshold_minor: int | None
    valid_from: date
    valid_to: date | None


def _goods_range(span: RuleSpan) -> tuple[int, int | None]:
    """Goods values (minor units) the rule applies to, as (above, up to and including;
    None: without an upper bound)."""
    if span.applies == Applies.AT_OR_UNDER:
        return -1, span.threshold_minor
    if span.applies == Applies.OVER:
        return span.threshold_minor, None
    return -1, None


def spans_overlap(a: RuleSpan, b: RuleSpan) -> bool:
    """Two rules would both apply to one parcel on one day: same market, same name (case and
    spaces aside) and kind, goods values in common and days in common."""
    if (a.market, a.kind) != (b.market, b.kind):
        return False
    if " ".join(a.name.split()).casefold() != " ".join(b.name.split()).casefold():
        return False
    a_low, a_high = _goods_range(a)
    b_low, b_high = _goods_range(b)
    highs = [high for high in (a_high, b_high) if high is not None]
    if highs and max(a_low, b_low) >= min(highs):
        return False
    a_end, b_end = a.valid_to or date.max, b.valid_to or date.max
    return a.valid_from <= b_end and b.valid_from <= a_end


def overlapping(span: RuleSpan, others) -> list[RuleSpan]:
    """The other rules `span` overlaps (itself excluded by id)."""
    return [o for o in others if o.id != span.id and spans_overlap(span, o)]


def end_problems(valid_from: date, valid_to: date | None) -> list[Problem]:
    """Ending a rule: valid_to.required, valid_to.before_start."""
    if valid_to is None:
        return [problem(("valid_to",), "valid_to.required")]
    if valid_to < valid_from:
        return [problem(("valid_to",), "valid_to.before_start")]
    return []


# -- shipping, commission, halal bodies ---------------------------------------------------------

#: a parcel's fee for its first kilogram or each further one, in whole NT$
MAX_SHIPPING_TWD = 100_000


def check_shipping(first_kg_twd: int | None, extra_kg_twd: int | None) -> list[Problem]:
    """first_kg.required, first_kg.positive, extra_kg.required, extra_kg.negative, *.too_big
    (params maximum)."""
    found = []
    if first_kg_twd is None:
        found.append(problem(("first_kg_twd",), "first_kg.required"))
    elif first_kg_twd <= 0:
        found.append(problem(("first_kg_twd",), "first_kg.positive"))
    elif first_kg_twd > MAX_SHIPPING_TWD:
        found.append(problem(("first_kg_twd",), "first_kg.too_big", maximum=MAX_SHIPPING_TWD))
    if extra_kg_twd is None:
        found.append(problem(("extra_kg_twd",), "extra_kg.required"))
    elif extra_kg_twd < 0:
        found.append(problem(("extra_kg_twd",), "extra_kg.negative"))
    elif extra_kg_twd > MAX_SHIPPING_TWD:
        found.append(problem(("extra_kg_twd",), "extra_kg.too_big", maximum=MAX_SHIPPING_TWD))
    return found


def commission_bp(percent: Decimal | None) -> tuple[int | None, list[Problem]]:
    """A commission typed in percent (15, 12.5) as basis points: commission.required,
    commission.range (0 to 100), commission.places (at most 2 decimal places)."""
    path = ("commission",)
    if percent is None:
        return None, [problem(path, "commission.required")]
    if not percent.is_finite() or percent < 0 or percent > 100:
        return None, [problem(path, "commission.range")]
    if places(percent.normalize()) > 2:
        return None, [problem(path, "commission.places")]
    return int(percent * 100), []


#: how vendors write a body on their listings: letters, digits, dots and hyphens, upper case
HALAL_CODE = re.compile(r"[A-Z0-9][A-Z0-9.-]{0,31}")
COUNTRY = re.compile(r"[A-Z]{2}")


def check_halal_body(code: str, name: str, country: str) -> list[Problem]:
    """code.format, name.required, name.length (params max), country.format."""
    found = []
    if not HALAL_CODE.fullmatch(code):
        found.append(problem(("code",), "code.format"))
    if not name.strip():
        found.append(problem(("name",), "name.required"))
    elif len(name.strip()) > 200:
        found.append(problem(("name",), "name.length", max=200))
    if not COUNTRY.fullmatch(country):
        found.append(problem(("country",), "country.format"))
    return found
