"""What a vendor earns on a sale, in New Taiwan dollars: the goods at the vendor's own prices,
less the store's commission, both frozen on the order line when it is paid (never worked out
again from today's rates), after Spree's marketplace commission lines."""

from __future__ import annotations

from fractions import Fraction

from app.domain.money import allocate, fraction_half_up


def commission_twd(goods_twd: int, commission_bp: int) -> int:
    """The commission in whole dollars, half up (basis points: 1500 = 15%)."""
    if goods_twd < 0 or not 0 <= commission_bp <= 10_000:
        raise ValueError("goods are not negative and a commission is between 0 and 100%")
    return fraction_half_up(Fraction(goods_twd * commission_bp, 10_000))


def line_earning_twd(unit_price_twd: int, quantity: int, commission_bp: int) -> int:
    goods = unit_price_twd * quantity
    return goods - commission_twd(goods, commission_bp)


def share_of_units(total: int, quantity: int, units: int) -> int:
    """The part of a line's `total` (tax, earning) that its first `units` units carry: each
    unit carries a whole share (shares differ by at most one), so when all units have gone back
    the parts add up to exactly the total. A return takes `share_of_units(..., units so far)`
    less what earlier returns took."""
    if not 0 <= units <= quantity:
        raise ValueError("between none and all of the units")
    return sum(allocate(total, [1] * quantity)[:units])
