"""Import-tax rules per market and duty rates per category, as operators keep them
(DESIGN.md, Landed cost): list, add, edit, end-date.

A change holds for carts priced after it (the reference data's cache stamp is raised in the
same transaction, so every app server reloads the rules within a second) and never for placed
orders, which keep the tax lines they were charged. Two rules of the same name and kind that
would both apply to one parcel on one day are refused. Every change is audited with the
rule's values before and after.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.domain import market_data
from app.domain.market_data import RuleSpan, TaxRuleDraft
from app.domain.problems import problem
from app.extensions import db
from app.models import Category, CategoryDutyRate, Market, TaxRule, User
from app.services import audit, cache_versions
from app.services.errors import RulesRefused


def markets() -> list[Market]:
    return list(
        db.session.scalars(
            select(Market).where(Market.is_active.is_(True)).order_by(Market.position)
        )
    )


def rules_by_market() -> dict[str, list[TaxRule]]:
    """Every rule, per market in the order they apply (one statement)."""
    found: dict[str, list[TaxRule]] = {m.code: [] for m in markets()}
    for rule in db.session.scalars(
        select(TaxRule).order_by(TaxRule.market_code, TaxRule.position, TaxRule.valid_from)
    ):
        found.setdefault(rule.market_code, []).append(rule)
    return found


def values(rule: TaxRule) -> dict:
    """A rule as the audit trail keeps it."""
    return {
        "market": rule.market_code,
        "name": rule.name,
        "label": rule.label,
        "kind": rule.kind,
        "rate": str(rule.rate),
        "applies": rule.applies,
        "threshold_minor": rule.threshold_minor,
        "shipping_in_base": rule.shipping_in_base,
        "prior_in_base": rule.prior_in_base,
        "threshold_per_order": rule.threshold_per_order,
        "uses_category_rate": rule.uses_category_rate,
        "position": rule.position,
        "valid_from": rule.valid_from.isoformat(),
        "valid_to": rule.valid_to.isoformat() if rule.valid_to else None,
    }


def _span(rule: TaxRule) -> RuleSpan:
    return RuleSpan(
        rule.id,
        rule.market_code,
        rule.name,
        rule.kind,
        rule.applies,
        rule.threshold_minor,
        rule.valid_from,
        rule.valid_to,
    )


def _overlaps(span: RuleSpan) -> list[TaxRule]:
    same_market = db.session.scalars(select(TaxRule).where(TaxRule.market_code == span.market))
    rules = {rule.id: rule for rule in same_market}
    return [rules[o.id] for o in market_data.overlapping(span, [_span(r) for r in rules.values()])]


def _refuse_overlap(span: RuleSpan) -> None:
    clashes = _overlaps(span)
    if clashes:
        raise RulesRefused(
            [
                problem(
                    ("valid_from",),
                    "rule.overlap",
                    rules=", ".join(
                        f"{r.name} ({r.valid_from.isoformat()} – "
                        f"{r.valid_to.isoformat() if r.valid_to else '…'})"
                        for r in clashes
                    ),
                )
            ]
        )


def save(draft: TaxRuleDraft, rule: TaxRule | None, actor: User) -> TaxRule:
    """Add a rule (rule None) or change one. Raises RulesRefused with every problem of the
    draft (domain.market_data.check_tax_rule), or rule.overlap (params rules: the rules it
    would overlap) once the draft is right on its own."""
    found = market_data.check_tax_rule(draft, {m.code for m in markets()})
    if found:
        raise RulesRefused(found)
    _refuse_overlap(
        RuleSpan(
            rule.id if rule else None,
            draft.market,
            draft.name.strip(),
            draft.kind,
            draft.applies,
            draft.threshold_minor,
            draft.valid_from,
            draft.valid_to,
        )
    )
    before = values(rule) if rule is not None else None
    if rule is None:
        rule = TaxRule()
        db.session.add(rule)
    rule.market_code = draft.market
    rule.name = draft.name.strip()
    rule.label = draft.label
    rule.kind = draft.kind
    rule.rate = draft.rate
    rule.applies = draft.applies
    rule.threshold_minor = draft.threshold_minor if draft.applies != "always" else None
    rule.threshold_per_order = draft.threshold_per_order and draft.applies != "always"
    rule.shipping_in_base = draft.shipping_in_base
    rule.prior_in_base = draft.prior_in_base
    rule.uses_category_rate = draft.uses_category_rate
    rule.position = draft.position
    rule.valid_from = draft.valid_from
    rule.valid_to = draft.valid_to
    db.session.flush()
    after = values(rule)
    if before == after:
        return rule
    audit.record(
        actor,
        "tax_rule.created" if before is None else "tax_rule.updated",
        rule,
        {"before": before, "after": after},
    )
    cache_versions.bump("reference")
    return rule


def end(rule: TaxRule, last_day: date | None, actor: User) -> None:
    """The rule stops applying after `last_day` (carts priced later go without it). Raises
    RulesRefused (valid_to.required, valid_to.before_start)."""
    found = market_data.end_problems(rule.valid_from, last_day)
    if found:
        raise RulesRefused(found)
    before = values(rule)
    rule.valid_to = last_day
    db.session.flush()
    audit.record(actor, "tax_rule.ended", rule, {"before": before, "after": values(rule)})
    cache_versions.bump("reference")


# -- duty rates per category ------------------------------------------------------------------


@dataclass(frozen=True)
class DutyRow:
    category: Category
    #: per market code: the rate (a fraction), or None when none is set
    rates: dict[str, Decimal | None]


def duty_table() -> tuple[list[str], list[DutyRow]]:
    """(market codes, a row per category with its duty rate in each market)."""
    codes = [m.code for m in markets()]
    rates = {
        (row.market_code, row.category_id): row.rate
        for row in db.session.scalars(select(CategoryDutyRate))
    }
    categories = db.session.scalars(select(Category).order_by(Category.position, Category.slug))
    return codes, [
        DutyRow(category, {code: rates.get((code, category.id)) for code in codes})
        for category in categories
    ]


def set_duty_rate(market: str, category_id: int, rate: Decimal | None, actor: User) -> bool:
    """A category's duty rate in a market (a fraction). Returns whether it changed. Raises
    RulesRefused (market.unknown, category.unknown and the rate's problems)."""
    found = []
    if market not in {m.code for m in markets()}:
        found.append(problem(("market",), "market.unknown"))
    category = db.session.get(Category, category_id) if category_id else None
    if category is None:
        found.append(problem(("category",), "category.unknown"))
    found += market_data.check_rate_fraction(("rate",), rate)
    if found:
        raise RulesRefused(found)
    row = db.session.scalar(
        select(CategoryDutyRate).where(
            CategoryDutyRate.market_code == market, CategoryDutyRate.category_id == category_id
        )
    )
    before = str(row.rate) if row is not None else None
    if row is not None and row.rate == rate:
        return False
    if row is None:
        row = CategoryDutyRate(market_code=market, category_id=category_id, rate=rate)
        db.session.add(row)
    else:
        row.rate = rate
    db.session.flush()
    audit.record(
        actor,
        "duty_rate.set",
        row,
        {
            "market": market,
            "category": category.slug,
            "before": {"rate": before},
            "after": {"rate": str(rate)},
        },
    )
    cache_versions.bump("reference")
    return True
