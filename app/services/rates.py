"""Exchange rates operators keep: units of a market's currency for one New Taiwan dollar, each
from its as-of date. A new rate is a new row (history is never overwritten); the rate in force
is the latest dated today or before (services.reference); one in force for more than 7 days is
flagged on the console's first page. Every rate added is audited with the rate it replaces and
raises the reference data's cache stamp, so every app server prices with it within a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select, tuple_

from app.domain import market_data
from app.domain.money import BASE_CURRENCY
from app.domain.problems import Problem, problem
from app.extensions import db
from app.models import ExchangeRate, Market, User
from app.services import audit, cache_versions, claims, clock
from app.services.errors import RulesRefused

#: earlier rates shown per currency
HISTORY = 10


@dataclass(frozen=True)
class RateDraft:
    currency: str
    rate: Decimal | None
    as_of: date | None
    #: where it came from: the file's line (imports), None from the form
    line: int | None = None


@dataclass(frozen=True)
class CurrencyRates:
    currency: str
    markets: list[str]
    in_force: ExchangeRate | None
    #: dated after today, soonest first
    upcoming: list[ExchangeRate]
    #: earlier rates, newest first (HISTORY of them)
    earlier: list[ExchangeRate]
    stale: bool


def currencies() -> dict[str, list[str]]:
    """The currencies markets sell in (New Taiwan dollars aside), with their markets."""
    found: dict[str, list[str]] = {}
    rows = db.session.execute(
        select(Market.currency_code, Market.code)
        .where(Market.is_active.is_(True), Market.currency_code != BASE_CURRENCY)
        .order_by(Market.position, Market.code)
    )
    for currency, market in rows:
        found.setdefault(currency, []).append(market)
    return found


def overview(today: date | None = None) -> list[CurrencyRates]:
    """Per currency: the rate in force, rates dated ahead, and the latest earlier ones (three
    statements whatever the history's length)."""
    today = today or clock.today()
    markets = currencies()
    ranked = (
        select(
            ExchangeRate.id,
            func.row_number()
            .over(partition_by=ExchangeRate.currency_code, order_by=ExchangeRate.as_of.desc())
            .label("n"),
        )
        .where(ExchangeRate.as_of <= today, ExchangeRate.currency_code.in_(list(markets)))
        .subquery()
    )
    past = db.session.scalars(
        select(ExchangeRate)
        .join(ranked, ranked.c.id == ExchangeRate.id)
        .where(ranked.c.n <= HISTORY + 1)
        .order_by(ExchangeRate.currency_code, ExchangeRate.as_of.desc())
    ).all()
    ahead = db.session.scalars(
        select(ExchangeRate)
        .where(ExchangeRate.as_of > today, ExchangeRate.currency_code.in_(list(markets)))
        .order_by(ExchangeRate.currency_code, ExchangeRate.as_of)
    ).all()
    result = []
    for currency, codes in markets.items():
        mine = [r for r in past if r.currency_code == currency]
        in_force = mine[0] if mine else None
        result.append(
            CurrencyRates(
                currency=currency,
                markets=codes,
                in_force=in_force,
                upcoming=[r for r in ahead if r.currency_code == currency],
                earlier=mine[1:],
                stale=market_data.is_stale(in_force.as_of if in_force else None, today),
            )
        )
    return result


def stale(today: date | None = None) -> list[tuple[str, date | None]]:
    """(currency, as-of date of the rate in force or None) for every currency whose rate in
    force is older than market_data.STALE_AFTER_DAYS days, in one statement."""
    today = today or clock.today()
    markets = currencies()
    latest = dict(
        db.session.execute(
            select(ExchangeRate.currency_code, func.max(ExchangeRate.as_of))
            .where(ExchangeRate.as_of <= today, ExchangeRate.currency_code.in_(list(markets)))
            .group_by(ExchangeRate.currency_code)
        ).all()
    )
    return [
        (currency, latest.get(currency))
        for currency in markets
        if market_data.is_stale(latest.get(currency), today)
    ]


def check(drafts: list[RateDraft], today: date | None = None) -> list[Problem]:
    """Every problem of every draft (see add_many); paths start with the file's line when
    there is one."""
    today = today or clock.today()
    known = set(currencies())
    found: list[Problem] = []

    def at(draft: RateDraft, item: Problem) -> Problem:
        path = (draft.line, *item.path) if draft.line is not None else item.path
        return Problem(path, item.code, item.params)

    seen: dict[tuple[str, date], RateDraft] = {}
    for draft in drafts:
        for item in market_data.check_exchange_rate(
            draft.currency, draft.rate, draft.as_of, known, today
        ):
            found.append(at(draft, item))
        if draft.as_of is None:
            continue
        key = (draft.currency, draft.as_of)
        if key in seen and seen[key].line is not None:
            found.append(at(draft, problem(("as_of",), "rate.repeated", line=seen[key].line)))
        seen.setdefault(key, draft)
    if seen:
        taken = set(
            db.session.execute(
                select(ExchangeRate.currency_code, ExchangeRate.as_of).where(
                    tuple_(ExchangeRate.currency_code, ExchangeRate.as_of).in_(list(seen))
                )
            ).all()
        )
        for key, draft in seen.items():
            if key in taken:
                found.append(at(draft, problem(("as_of",), "rate.exists")))
    return found


def _in_force(currency: str, on: date) -> ExchangeRate | None:
    return db.session.scalar(
        select(ExchangeRate)
        .where(ExchangeRate.currency_code == currency, ExchangeRate.as_of <= on)
        .order_by(ExchangeRate.as_of.desc())
        .limit(1)
    )


def add_many(drafts: list[RateDraft], actor: User | None, source: str = "form") -> list:
    """Add rates, all or none: every problem of every draft is reported at once (rate.exists:
    a rate for that currency and day is kept already, history is never overwritten;
    rate.repeated: twice in one file, params line). Raises RulesRefused."""
    today = clock.today()
    found = check(drafts, today)
    if found:
        raise RulesRefused(found)
    added = []

    def taken_meanwhile() -> RulesRefused:
        # a rate for a currency and day another request added after the check (a double
        # click, two operators): the check again, which sees it now
        return RulesRefused(check(drafts, today) or [problem(("as_of",), "rate.exists")])

    columns = ("exchange_rates.currency_code", "exchange_rates.as_of")
    with claims.claiming(dict.fromkeys(columns, taken_meanwhile)):
        for draft in drafts:
            replaced = _in_force(draft.currency, draft.as_of)
            rate = ExchangeRate(
                currency_code=draft.currency,
                rate=draft.rate,
                as_of=draft.as_of,
                created_by_id=getattr(actor, "id", None),
            )
            db.session.add(rate)
            db.session.flush()
            audit.record(
                actor,
                "exchange_rate.added",
                rate,
                {
                    "currency": draft.currency,
                    "source": source,
                    "before": (
                        {"rate": str(replaced.rate), "as_of": replaced.as_of.isoformat()}
                        if replaced is not None
                        else None
                    ),
                    "after": {"rate": str(draft.rate), "as_of": draft.as_of.isoformat()},
                },
            )
            added.append(rate)
    if added:
        cache_versions.bump("reference")
    return added


def add(currency: str, rate: Decimal | None, as_of: date | None, actor: User) -> ExchangeRate:
    """One rate from the console's form. Raises RulesRefused."""
    [added] = add_many([RateDraft(currency, rate, as_of)], actor)
    return added
