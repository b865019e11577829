"""Shipping fee of one vendor parcel to a market, by weight."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.money import Money


@dataclass(frozen=True)
class WeightBand:
    up_to_g: int
    fee: Money


def parcel_fee(weight_g: int, bands: Sequence[WeightBand], extra_per_kg: Money) -> Money:
    """The first band that holds the weight; past the heaviest band, each started kilogram
    over it costs `extra_per_kg`."""
    if weight_g <= 0:
        raise ValueError("a parcel weighs something")
    if not bands:
        raise ValueError("the market has no shipping rates")
    ordered = sorted(bands, key=lambda band: band.up_to_g)
    for band in ordered:
        if weight_g <= band.up_to_g:
            return band.fee
    heaviest = ordered[-1]
    extra_kg = -(-(weight_g - heaviest.up_to_g) // 1000)
    return heaviest.fee + extra_per_kg * extra_kg
