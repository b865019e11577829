"""Prices in the shopper's market and the landed-cost estimate, from reference data."""

from __future__ import annotations

from datetime import date

from app.domain import landed_cost
from app.domain.money import Money, convert, twd
from app.domain.shipping import parcel_fee
from app.services.reference import MarketInfo, Reference


def market_price(price_twd: int, market: MarketInfo, ref: Reference) -> Money:
    """A vendor's TWD price in the market currency at the rate in force."""
    rate = ref.rate_for(market.currency)
    return convert(twd(price_twd), rate.rate, market.currency)


def shipping_fee(weight_g: int, market: MarketInfo) -> Money:
    return parcel_fee(weight_g, market.bands, market.extra_per_kg)


def duty_rate(ref: Reference, market_code: str, category_id: int | None):
    if category_id is None:
        return None
    return ref.duty_rates.get((market_code, category_id))


def quote_parcel(
    ref: Reference,
    market: MarketInfo,
    goods: list[tuple[Money, int | None]],
    shipping: Money,
    on: date,
) -> landed_cost.TaxQuote:
    """Import taxes on one vendor parcel: goods as (value, category id) in market currency."""
    items = [
        landed_cost.Goods(value, duty_rate(ref, market.code, category_id))
        for value, category_id in goods
    ]
    return landed_cost.quote(ref.tax_rules.get(market.code, ()), items, shipping, on)


def estimate_one_item(
    ref: Reference, market: MarketInfo, price_twd: int, weight_g: int, category_id: int, on: date
) -> landed_cost.TaxQuote:
    """The product page estimate: one item shipped alone to the market."""
    price = market_price(price_twd, market, ref)
    return quote_parcel(ref, market, [(price, category_id)], shipping_fee(weight_g, market), on)
