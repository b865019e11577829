"""Shipping fee of one vendor parcel to a market, by weight.

Operators keep per market the price of the first kilogram and of each further started
kilogram, in New Taiwan dollars (what the carrier charges the vendor); pages convert the fee
to the market's currency like any other price.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ShippingRate:
    first_kg_twd: int
    extra_kg_twd: int


def started_kilograms(weight_g: int) -> int:
    """A parcel is charged by each kilogram begun: 1 g to 1,000 g is one, 1,001 g two."""
    if weight_g <= 0:
        raise ValueError("a parcel weighs something")
    return -(-weight_g // 1000)


def parcel_fee_twd(weight_g: int, rate: ShippingRate) -> int:
    """The first kilogram, then each further started kilogram."""
    return rate.first_kg_twd + (started_kilograms(weight_g) - 1) * rate.extra_kg_twd
