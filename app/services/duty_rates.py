"""Duty rates by HS code per market, as operators keep them (DESIGN.md, Landed cost): listed
with the unconfirmed ones first, added, edited, confirmed and end-dated, each change audited.
A change holds for carts priced after it; placed orders keep the tax lines they were charged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.domain import duty_rates
from app.domain.duty_rates import DutyRateDraft, RateSpan
from app.domain.problems import problem
from app.extensions import db
from app.models import Category, CategoryRestriction, DutyRate, HsHeading, Market, User
from app.services import audit, cache_versions
from app.services.errors import RulesRefused


@dataclass(frozen=True)
class RateRow:
    rate: DutyRate
    #: the heading the prefix falls under (its names per content locale), or None
    heading: HsHeading | None


def _heading_of(prefix: str, headings: dict[str, HsHeading]) -> HsHeading | None:
    for length in range(len(prefix), 1, -1):
        found = headings.get(prefix[:length])
        if found is not None:
            return found
    return None


def listing() -> list[RateRow]:
    """Every rate: the ones still to be confirmed first, then by market and prefix."""
    headings = {h.code: h for h in db.session.scalars(select(HsHeading))}
    rows = db.session.scalars(
        select(DutyRate).order_by(
            DutyRate.confirmed,
            DutyRate.market_code,
            DutyRate.hs_prefix,
            DutyRate.valid_from,
            DutyRate.id,
        )
    )
    return [RateRow(row, _heading_of(row.hs_prefix, headings)) for row in rows]


def market_codes() -> list[str]:
    return list(db.session.scalars(select(Market.code).order_by(Market.code)))


def values(row: DutyRate) -> dict:
    """A rate as the audit log keeps it (rates as exact decimal strings)."""
    return {
        "market": row.market_code,
        "hs_prefix": row.hs_prefix,
        "rate": str(row.rate) if row.rate is not None else None,
        "tax_rate": str(row.tax_rate) if row.tax_rate is not None else None,
        "confirmed": bool(row.confirmed),
        "valid_from": row.valid_from.isoformat() if row.valid_from else None,
        "valid_to": row.valid_to.isoformat() if row.valid_to else None,
        "note": row.note,
    }


def _days(span: RateSpan) -> str:
    end = span.valid_to.isoformat() if span.valid_to else "…"
    return f"{span.valid_from.isoformat()}–{end}"


def _check(draft: DutyRateDraft, rate_id: int | None) -> None:
    found = duty_rates.check_draft(draft, market_codes())
    if not found:
        span = RateSpan(rate_id, draft.market, draft.hs_prefix, draft.valid_from, draft.valid_to)
        others = [
            RateSpan(row.id, row.market_code, row.hs_prefix, row.valid_from, row.valid_to)
            for row in db.session.scalars(
                select(DutyRate).where(
                    DutyRate.market_code == draft.market, DutyRate.hs_prefix == draft.hs_prefix
                )
            )
        ]
        clash = duty_rates.overlapping(span, others)
        if clash:
            found.append(
                problem(
                    ("valid_from",),
                    "duty_rate.overlap",
                    days=", ".join(_days(other) for other in clash),
                )
            )
    if found:
        raise RulesRefused(found)


def save(draft: DutyRateDraft, row: DutyRate | None, actor: User) -> DutyRate:
    """Add a rate (row None) or change one. Raises RulesRefused with every problem at once
    (duty_rates.check_draft's, and duty_rate.overlap: the same market and prefix would have
    two rates on one day)."""
    draft = DutyRateDraft(
        market=draft.market,
        hs_prefix=duty_rates.normalise_hs(draft.hs_prefix) or "",
        rate=draft.rate,
        tax_rate=draft.tax_rate,
        valid_from=draft.valid_from,
        valid_to=draft.valid_to,
        confirmed=draft.confirmed,
        note=(draft.note or "").strip(),
    )
    _check(draft, row.id if row is not None else None)
    before = values(row) if row is not None else None
    if row is None:
        row = DutyRate(market_code=draft.market)
        db.session.add(row)
    row.market_code = draft.market
    row.hs_prefix = draft.hs_prefix
    row.rate = draft.rate
    row.tax_rate = draft.tax_rate
    row.valid_from = draft.valid_from
    row.valid_to = draft.valid_to
    row.confirmed = draft.confirmed
    row.note = draft.note
    db.session.flush()
    action = "hs_duty_rate.added" if before is None else "hs_duty_rate.updated"
    audit.record(actor, action, row, {"before": before, "after": values(row)})
    cache_versions.bump("reference")
    return row


def confirm(row: DutyRate, actor: User) -> bool:
    """An operator checked the rate in the market's official tariff. Returns whether it
    changed."""
    if row.confirmed:
        return False
    before = values(row)
    row.confirmed = True
    db.session.flush()
    audit.record(actor, "hs_duty_rate.confirmed", row, {"before": before, "after": values(row)})
    cache_versions.bump("reference")
    return True


def end(row: DutyRate, last_day: date | None, actor: User) -> None:
    """The rate stops applying after `last_day`. Raises RulesRefused (valid_to.required,
    valid_to.before_start)."""
    if last_day is None:
        raise RulesRefused([problem(("valid_to",), "valid_to.required")])
    if last_day < row.valid_from:
        raise RulesRefused([problem(("valid_to",), "valid_to.before_start")])
    before = values(row)
    row.valid_to = last_day
    db.session.flush()
    audit.record(actor, "hs_duty_rate.ended", row, {"before": before, "after": values(row)})
    cache_versions.bump("reference")


# -- notices and stops per market and category --------------------------------------------------


def restrictions() -> list[CategoryRestriction]:
    return list(
        db.session.scalars(
            select(CategoryRestriction).order_by(
                CategoryRestriction.market_code, CategoryRestriction.category_id
            )
        )
    )


def set_restriction(
    market: str, category_id: int | None, notice: dict[str, str], blocked: bool, actor: User
) -> bool:
    """What a market asks of a category: a notice shoppers read before paying (per content
    locale; all empty: none) and whether the category ships there at all. Returns whether it
    changed. Raises RulesRefused (market.unknown, category.unknown, note.length)."""
    found = []
    if market not in market_codes():
        found.append(problem(("market",), "market.unknown"))
    category = db.session.get(Category, category_id) if category_id else None
    if category is None:
        found.append(problem(("category",), "category.unknown"))
    notice = {locale: text.strip() for locale, text in notice.items() if text and text.strip()}
    for locale, text in notice.items():
        if len(text) > duty_rates.NOTE_MAX:
            found.append(problem((f"notice_{locale}",), "note.length", max=duty_rates.NOTE_MAX))
    if found:
        raise RulesRefused(found)
    row = db.session.scalar(
        select(CategoryRestriction).where(
            CategoryRestriction.market_code == market,
            CategoryRestriction.category_id == category_id,
        )
    )
    before = {"notice": dict(row.notice or {}), "blocked": row.blocked} if row else None
    after = {"notice": notice, "blocked": bool(blocked)}
    if before == after or (row is None and after == {"notice": {}, "blocked": False}):
        return False
    if row is None:
        row = CategoryRestriction(market_code=market, category_id=category_id)
        db.session.add(row)
    row.notice = notice
    row.blocked = bool(blocked)
    db.session.flush()
    audit.record(
        actor,
        "category_restriction.set",
        row,
        {"market": market, "category": category.slug, "before": before, "after": after},
    )
    cache_versions.bump("reference")
    return True
