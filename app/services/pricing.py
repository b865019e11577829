"""Prices in the shopper's market and the landed-cost estimate, from reference data."""

from __future__ import annotations

from datetime import date

from app.domain import landed_cost
from app.domain.money import Money, convert, twd
from app.domain.shipping import parcel_fee_twd
from app.services.reference import MarketInfo, Reference


def market_price(price_twd: int, market: MarketInfo, ref: Reference) -> Money:
    """A vendor's TWD price in the market currency at the rate in force."""
    rate = ref.rate_for(market.currency)
    return convert(twd(price_twd), rate.rate, market.currency)


def shipping_twd(weight_g: int, market: MarketInfo) -> int:
    """One vendor parcel's fee in TWD, as the market's rate table says."""
    if market.shipping is None:
        raise ValueError(f"no shipping rate for {market.code}")
    return parcel_fee_twd(weight_g, market.shipping)


def shipping_fee(weight_g: int, market: MarketInfo, ref: Reference) -> Money:
    """One vendor parcel's fee in the market's currency."""
    return market_price(shipping_twd(weight_g, market), market, ref)


def quote_parcel(
    ref: Reference,
    market: MarketInfo,
    goods: list[landed_cost.Goods],
    shipping: Money,
    on: date,
    order_goods: Money | None = None,
) -> landed_cost.TaxQuote:
    """Import taxes on one vendor parcel (goods valued in the market currency, each with its
    HS code and category), under the market's rules and duty rates; `order_goods`: the goods
    of all the order's parcels, for thresholds that weigh the order (None: a parcel alone)."""
    return landed_cost.quote(
        ref.tax_rules.get(market.code, ()),
        goods,
        shipping,
        on,
        ref.duty_table(market.code),
        order_goods,
    )


def estimate_one_item(
    ref: Reference,
    market: MarketInfo,
    price_twd: int,
    weight_g: int,
    category_id: int,
    hs_code: str | None,
    on: date,
) -> landed_cost.TaxQuote:
    """The product page estimate: one item shipped alone to the market. A cart of that one
    item is priced by the same call, so the two agree to the minor unit."""
    price = market_price(price_twd, market, ref)
    shipping = shipping_fee(weight_g, market, ref)
    return quote_parcel(ref, market, [landed_cost.Goods(price, hs_code, category_id)], shipping, on)
