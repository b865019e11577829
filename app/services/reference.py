"""Reference data every page needs (markets, rates in force, tax rules, categories), loaded
in a few queries and cached per process (see services.cache)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.domain import halal
from app.domain.duty_rates import DutyRate as DutyRateRule
from app.domain.duty_rates import DutyTable
from app.domain.landed_cost import Applies, Kind
from app.domain.landed_cost import TaxRule as TaxRuleRule
from app.domain.money import BASE_CURRENCY, Money
from app.domain.shipping import ShippingRate as ShippingRateRule
from app.extensions import db
from app.models import (
    Category,
    CategoryDutyRate,
    CategoryRestriction,
    DutyRate,
    ExchangeRate,
    HalalBody,
    HsHeading,
    Market,
    ShippingRate,
    TaxRule,
)
from app.services import clock
from app.services.cache import TimedValue


@dataclass(frozen=True)
class MarketInfo:
    code: str
    currency: str
    default_language: str
    #: None: the market has no shipping rate yet (nothing can be sent there)
    shipping: ShippingRateRule | None
    #: halal bodies whose certificates count here; None: any valid certificate (domain.halal)
    halal_accepted: frozenset[str] | None = None


@dataclass(frozen=True)
class RateInfo:
    currency: str
    #: units of `currency` per one New Taiwan dollar
    rate: Decimal
    as_of: date | None


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    slug: str
    position: int
    names: dict[str, str] = field(hash=False)
    descriptions: dict[str, str] = field(hash=False)


@dataclass(frozen=True)
class Restriction:
    """What a market asks of one category's goods (models.customs.CategoryRestriction)."""

    blocked: bool
    #: {content locale: notice}; empty: none
    notice: dict[str, str] = field(hash=False)


@dataclass(frozen=True)
class Heading:
    code: str
    category_id: int | None
    names: dict[str, str] = field(hash=False)


@dataclass(frozen=True)
class Reference:
    markets: dict[str, MarketInfo]
    rates: dict[str, RateInfo]
    tax_rules: dict[str, tuple[TaxRuleRule, ...]]
    #: per market: duty rates by HS prefix and per category (domain.duty_rates)
    duty_tables: dict[str, DutyTable]
    #: (market, category id) → its notice and whether it ships there
    restrictions: dict[tuple[str, int], Restriction]
    #: the HS headings vendors choose from and duty lines name, by code
    headings: dict[str, Heading]
    categories: dict[int, CategoryInfo]
    category_slugs: dict[str, int]
    #: codes of the recognised halal bodies (JAKIM and the foreign bodies it recognises)
    recognised_halal_bodies: frozenset[str]
    loaded_on: date

    def market(self, code: str) -> MarketInfo:
        return self.markets[code]

    def rate_for(self, currency: str) -> RateInfo:
        return self.rates[currency]

    @property
    def category_slug_of(self) -> dict[int, str]:
        return {info.id: info.slug for info in self.categories.values()}

    def category_by_slug(self, slug: str) -> CategoryInfo | None:
        category_id = self.category_slugs.get(slug)
        return self.categories.get(category_id) if category_id is not None else None

    def categories_in_order(self) -> list[CategoryInfo]:
        return sorted(self.categories.values(), key=lambda c: (c.position, c.slug))

    def duty_table(self, market_code: str) -> DutyTable:
        return self.duty_tables.get(market_code, DutyTable())

    def restriction(self, market_code: str, category_id: int | None) -> Restriction | None:
        if category_id is None:
            return None
        return self.restrictions.get((market_code, category_id))

    def ships(self, market_code: str, category_id: int | None) -> bool:
        found = self.restriction(market_code, category_id)
        return found is None or not found.blocked


def _load() -> Reference:
    session = db.session
    today = clock.today()
    markets_rows = session.scalars(
        select(Market).where(Market.is_active.is_(True)).order_by(Market.position)
    ).all()
    shipping = {
        row.market_code: ShippingRateRule(row.first_kg_twd, row.extra_kg_twd)
        for row in session.scalars(select(ShippingRate))
    }
    recognised = frozenset(
        code.upper()
        for code in session.scalars(
            select(HalalBody.code).where(HalalBody.recognised_by_jakim.is_(True))
        )
    )
    markets = {
        m.code: MarketInfo(
            code=m.code,
            currency=m.currency_code,
            default_language=m.default_language,
            shipping=shipping.get(m.code),
            halal_accepted=halal.accepted_bodies(m.halal_recognised_only, recognised),
        )
        for m in markets_rows
    }

    rates: dict[str, RateInfo] = {BASE_CURRENCY: RateInfo(BASE_CURRENCY, Decimal(1), None)}
    in_force = (
        select(ExchangeRate)
        .where(ExchangeRate.as_of <= today)
        .order_by(ExchangeRate.currency_code, ExchangeRate.as_of.desc())
    )
    for row in session.scalars(in_force):
        rates.setdefault(row.currency_code, RateInfo(row.currency_code, row.rate, row.as_of))

    tax_rules: dict[str, list[TaxRuleRule]] = {code: [] for code in markets}
    for rule in session.scalars(select(TaxRule).order_by(TaxRule.position, TaxRule.id)):
        if rule.market_code not in markets:
            continue
        currency = markets[rule.market_code].currency
        tax_rules[rule.market_code].append(
            TaxRuleRule(
                name=rule.name,
                label=rule.label,
                kind=Kind(rule.kind),
                rate=rule.rate,
                applies=Applies(rule.applies),
                threshold=(
                    Money(rule.threshold_minor, currency)
                    if rule.threshold_minor is not None
                    else None
                ),
                shipping_in_base=rule.shipping_in_base,
                prior_in_base=rule.prior_in_base,
                uses_category_rate=rule.uses_category_rate,
                rate_by_heading=rule.rate_by_heading,
                threshold_per_order=rule.threshold_per_order,
                position=rule.position,
                valid_from=rule.valid_from,
                valid_to=rule.valid_to,
            )
        )
    categories = {}
    for cat in session.scalars(select(Category).order_by(Category.position)):
        categories[cat.id] = CategoryInfo(
            id=cat.id,
            slug=cat.slug,
            position=cat.position,
            names={t.locale: t.name for t in cat.translations},
            descriptions={t.locale: t.description for t in cat.translations},
        )
    headings = {
        row.code: Heading(row.code, row.category_id, dict(row.names or {}))
        for row in session.scalars(select(HsHeading))
    }
    return Reference(
        markets=markets,
        rates=rates,
        tax_rules={code: tuple(rules) for code, rules in tax_rules.items()},
        duty_tables=_duty_tables(session, markets, headings, categories),
        restrictions={
            (row.market_code, row.category_id): Restriction(row.blocked, dict(row.notice or {}))
            for row in session.scalars(select(CategoryRestriction))
        },
        headings=headings,
        categories=categories,
        category_slugs={c.slug: c.id for c in categories.values()},
        recognised_halal_bodies=recognised,
        loaded_on=today,
    )


def heading_of(prefix: str, headings: dict[str, Heading]) -> Heading | None:
    """The heading whose code is the longest prefix of `prefix` (itself first)."""
    for length in range(len(prefix), 1, -1):
        found = headings.get(prefix[:length])
        if found is not None:
            return found
    return None


def _duty_tables(session, markets, headings, categories) -> dict[str, DutyTable]:
    rates: dict[str, list[DutyRateRule]] = {code: [] for code in markets}
    for row in session.scalars(select(DutyRate).order_by(DutyRate.hs_prefix, DutyRate.id)):
        if row.market_code not in rates:
            continue
        heading = heading_of(row.hs_prefix, headings)
        rates[row.market_code].append(
            DutyRateRule(
                prefix=row.hs_prefix,
                rate=row.rate,
                tax_rate=row.tax_rate,
                names=heading.names if heading else {},
                category=heading.category_id if heading else None,
                confirmed=row.confirmed,
                valid_from=row.valid_from,
                valid_to=row.valid_to,
                id=row.id,
            )
        )
    own: dict[str, dict[int, Decimal]] = {code: {} for code in markets}
    for row in session.scalars(select(CategoryDutyRate)):
        if row.market_code in own:
            own[row.market_code][row.category_id] = row.rate
    names = {category.id: category.names for category in categories.values()}
    return {code: DutyTable(tuple(rates[code]), own[code], names) for code in markets}


_reference = TimedValue(_load, ttl=60.0, areas=("reference",))


def get() -> Reference:
    ref = _reference.get()
    if ref.loaded_on != clock.today():
        # a new day may bring a new exchange rate or tax rule into force
        _reference.invalidate()
        ref = _reference.get()
    return ref


def invalidate() -> None:
    _reference.invalidate()
