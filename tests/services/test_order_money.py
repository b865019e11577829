"""An order's money adds up in every market: order total = its parcels' totals = goods +
shipping + tax; each parcel's import tax is what DESIGN.md's 2026 rules give, each line
rounded half up (prices below are chosen so that some lines land exactly on half a minor
unit); the lines' tax shares add up to their parcel's tax; and the PaymentIntent at Stripe
(localstripe) is for exactly the order's total in its currency.

The expected figures are worked out here, independently of app/domain/landed_cost.py, from
the rules as DESIGN.md states them, the base exchange rates and shipping rates of the
migrations, and the duty rates base data seeds per HS heading (issue 13).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from sqlalchemy import select

from app.domain.money import allocate
from app.models import OrderLine, OrderTaxLine, VendorOrder
from app.services import cache, cart, clock, reference
from app.services.checkout import payments, placing
from app.services.shopper import Shopper
from app.transaction import unit_of_work
from tests.services.test_checkout import ADDRESSES

#: migrations/versions/0002_base_data.py: units of the market currency per NT$1
RATES = {
    "TH": Decimal("1.0321"),
    "MY": Decimal("0.1352"),
    "SG": Decimal("0.04105"),
    "PH": Decimal("1.8310"),
    "TW": Decimal(1),
}
CURRENCY = {"TH": "THB", "MY": "MYR", "SG": "SGD", "PH": "PHP", "TW": "TWD"}
#: migrations/versions/0007_orders.py: first kilogram, each further started kilogram (NT$)
SHIPPING_TWD = {"TH": (250, 160), "MY": (270, 160), "SG": (310, 170), "PH": (330, 190)}
SHIPPING_TWD["TW"] = (100, 30)
#: products here have no HS code: they pay the highest duty among their category's headings in
#: the market (issue 13), from migrations/versions/0015_duty_by_hs.py's base data: tea (its
#: headings include coffee, 0901) and snacks (bakery 1905, sweets 1704). Singapore has none.
CATEGORY_DUTY = {
    "TH": {"tea": Fraction(90, 100), "snacks": Fraction(30, 100)},
    "MY": {"tea": Fraction(25, 100), "snacks": Fraction(25, 100)},
    "PH": {"tea": Fraction(40, 100), "snacks": Fraction(20, 100)},
}
#: a duty line names the category whose rate it charges
CATEGORY_NAMES = {"tea": "Tea", "snacks": "Snacks & pastries"}

#: case → market, parcels (one per vendor) of lines (category, price NT$, quantity, grams)
CASES = {
    # duty (90% of goods + shipping) lands on half a satang
    "TH-one-line": ("TH", [[("tea", 100, 2, 300)]]),
    # duty at two rates in the first parcel (tea 90%, snacks none); VAT on a half
    "TH-three-lines-two-vendors": (
        "TH",
        [[("tea", 1225, 2, 600), ("snacks", 1194, 2, 600)], [("tea", 2615, 3, 300)]],
    ),
    "TH-many-units": ("TH", [[("tea", 333, 7, 150), ("snacks", 97, 11, 100)]]),
    # low-value goods: sales tax 10% on goods only, on a half sen
    "MY-one-line": ("MY", [[("tea", 115, 1, 300)]]),
    # the first parcel is over RM500 (duty, then sales tax on goods + shipping + duty), the
    # second is not (sales tax on goods only)
    "MY-three-lines-two-vendors": (
        "MY",
        [[("tea", 2985, 4, 300), ("snacks", 1919, 3, 150)], [("tea", 2865, 1, 150)]],
    ),
    "MY-over-RM500": ("MY", [[("tea", 2644, 1, 300), ("snacks", 580, 2, 300)]]),
    "SG-one-line": ("SG", [[("tea", 165, 1, 300)]]),
    "SG-three-lines-two-vendors": (
        "SG",
        [[("tea", 1561, 3, 300), ("snacks", 2114, 2, 300)], [("tea", 2621, 3, 150)]],
    ),
    # 4 × S$100.00: exactly the threshold, still GST on goods + shipping only
    "SG-exactly-S$400": ("SG", [[("tea", 2436, 4, 300)]]),
    "SG-over-S$400": ("SG", [[("tea", 2436, 4, 300), ("snacks", 1000, 1, 100)]]),
    # at or under ₱10,000 nothing is added
    "PH-one-line": ("PH", [[("tea", 165, 1, 300)]]),
    "PH-two-vendors-under-P10000": ("PH", [[("tea", 1561, 2, 300)], [("tea", 621, 3, 150)]]),
    # each parcel under ₱10,000, ₱10,303 together: same-day parcels to one person are added
    # up by Philippine customs, so each pays duty and VAT
    "PH-three-lines-two-vendors": (
        "PH",
        [[("tea", 1561, 2, 300), ("snacks", 214, 3, 300)], [("tea", 621, 3, 150)]],
    ),
    # over ₱10,000: duty on goods + shipping, then VAT 12% on all three
    "PH-over-P10000": ("PH", [[("tea", 3063, 2, 300), ("snacks", 268, 3, 300)]]),
    "TW-one-line": ("TW", [[("tea", 450, 1, 300)]]),
    "TW-three-lines-two-vendors": (
        "TW",
        [[("tea", 680, 2, 300), ("snacks", 455, 3, 600)], [("tea", 1299, 1, 150)]],
    ),
}


# -- the expected figures, from the rules as written ------------------------------------------


def half_up(value: Fraction) -> int:
    whole, rest = divmod(value.numerator, value.denominator)
    return whole + (1 if 2 * rest >= value.denominator else 0)


def in_market(price_twd: int, market: str) -> int:
    """NT$ converted at the base rate, half up to the minor unit (cents, also of TWD)."""
    major = (Decimal(price_twd) * RATES[market]).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return int(major * 100)


def shipping_twd(grams: int, market: str) -> int:
    first, extra = SHIPPING_TWD[market]
    return first + (math.ceil(grams / 1000) - 1) * extra


def expected_taxes(
    market: str, lines, shipping: int, order_goods: int | None = None
) -> list[tuple[str, int, int, bool]]:
    """(name, base, amount, exactly on a half before rounding) per tax line of one parcel;
    included taxes last. `order_goods`: the goods of all the order's parcels (the
    Philippines weighs its threshold on them); None for a parcel alone."""
    goods = sum(in_market(price, market) * qty for _cat, price, qty, _g in lines)
    order_goods = goods if order_goods is None else order_goods
    taxes = []

    def add(name, base, exact):
        taxes.append((name, base, half_up(exact), exact.denominator == 2))
        return half_up(exact)

    def duty():
        """A line per category (in the order the cart lists them), each on its goods and its
        share of the shipping (shared by goods value in whole minor units, as a customs
        declaration shares freight)."""
        values: dict[str, int] = {}
        for category, price, qty, _g in lines:
            values[category] = values.get(category, 0) + in_market(price, market) * qty
        paid = 0
        for (category, value), ship in zip(
            values.items(), allocate(shipping, list(values.values())), strict=True
        ):
            rate = CATEGORY_DUTY.get(market, {}).get(category, 0)
            if rate:  # a duty of nothing is no line
                name = f"Import duty, {CATEGORY_NAMES[category]}"
                paid += add(name, value + ship, (value + ship) * rate)
        return paid

    if market == "TH":
        paid = duty()
        add("VAT", goods + shipping + paid, Fraction(goods + shipping + paid) * Fraction(7, 100))
    elif market == "MY" and goods <= 50000:
        add("Sales tax (low-value goods)", goods, Fraction(goods) / 10)
    elif market == "MY":
        paid = duty()
        add("Sales tax", goods + shipping + paid, Fraction(goods + shipping + paid) / 10)
    elif market == "SG" and goods <= 40000:
        add("GST", goods + shipping, Fraction(goods + shipping) * Fraction(9, 100))
    elif market == "SG":
        paid = duty()
        add("GST", goods + shipping + paid, Fraction(goods + shipping + paid) * Fraction(9, 100))
    elif market == "PH" and order_goods > 1_000_000:
        paid = duty()
        add("VAT", goods + shipping + paid, Fraction(goods + shipping + paid) * Fraction(12, 100))
    elif market == "TW":
        # inside the price, shown on the receipt: price × 5/105
        add("Business tax", goods, Fraction(goods * 5, 105))
    return taxes


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def fresh_reference(db):
    cache.invalidate_all()  # reference data (duty rates) is cached per process
    yield
    cache.invalidate_all()


def shopper_in(market: str) -> Shopper:
    ref = reference.get()
    return Shopper(content_locale="en", market=ref.markets[market], ref=ref, today=clock.today())


def build_cart(make, parcels) -> list[cart.Item]:
    items = []
    for lines in parcels:
        vendor = make.vendor()
        for category, price, quantity, grams in lines:
            product = make.product(
                vendor,
                category=category,
                variants=[{"price_twd": price, "stock": 50, "weight_g": grams}],
            )
            items.append(cart.Item(product.variants[0].id, quantity))
    return items


# -- the tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_an_order_adds_up_and_is_taxed_as_the_rules_say(
    db, make, fresh_reference, localstripe, case
):
    market, parcels = CASES[case]
    items = build_cart(make, parcels)
    who = shopper_in(market)
    shown = cart.price(items, who)
    with unit_of_work():
        order = placing.place(
            who,
            items,
            placing.Buyer("money@example.com", "en"),
            ADDRESSES[market],
            shown.fingerprint,
        )

    assert (order.market_code, order.currency) == (market, CURRENCY[market])
    assert order.fx_rate == RATES[market]
    vendor_orders = db.session.scalars(
        select(VendorOrder).where(VendorOrder.order_id == order.id).order_by(VendorOrder.id)
    ).all()
    assert len(vendor_orders) == len(parcels)
    # the order: what the shopper was shown, its parcels' sum, goods + shipping + tax
    assert order.total_minor == shown.total.amount_minor
    assert order.total_minor == sum(vo.total_minor for vo in vendor_orders)
    assert order.total_minor == order.goods_minor + order.shipping_minor + order.tax_minor
    assert order.goods_minor == sum(vo.goods_minor for vo in vendor_orders)
    assert order.shipping_minor == sum(vo.shipping_minor for vo in vendor_orders)
    assert order.tax_minor == sum(vo.tax_minor for vo in vendor_orders)

    for vendor_order, lines in zip(vendor_orders, parcels, strict=True):
        grams = sum(g * qty for _c, _p, qty, g in lines)
        assert vendor_order.shipping_twd == shipping_twd(grams, market)
        shipping = in_market(vendor_order.shipping_twd, market)
        goods = sum(in_market(price, market) * qty for _c, price, qty, _g in lines)
        assert (vendor_order.goods_minor, vendor_order.shipping_minor) == (goods, shipping)
        expected = expected_taxes(market, lines, shipping, order.goods_minor)
        added = [t for t in expected if t[0] != "Business tax"]
        assert vendor_order.tax_minor == sum(amount for _n, _b, amount, _h in added)
        assert vendor_order.total_minor == goods + shipping + vendor_order.tax_minor
        stored = db.session.scalars(
            select(OrderTaxLine)
            .where(OrderTaxLine.vendor_order_id == vendor_order.id)
            .order_by(OrderTaxLine.position)
        ).all()
        assert [(t.name, t.base_minor, t.amount_minor) for t in stored] == [
            (name, base, amount) for name, base, amount, _half in expected
        ]

        order_lines = db.session.scalars(
            select(OrderLine)
            .where(OrderLine.vendor_order_id == vendor_order.id)
            .order_by(OrderLine.id)
        ).all()
        for line, (_cat, price, quantity, _g) in zip(order_lines, lines, strict=True):
            assert (line.unit_price_twd, line.quantity) == (price, quantity)
            assert line.unit_price_minor == in_market(price, market)
            assert line.goods_minor == line.unit_price_minor * quantity
        # the parcel's tax shared among its lines to the last minor unit: each line carries
        # its own category's duty (so refunding it refunds what it paid), and within one
        # category the share goes by goods value
        assert sum(line.tax_minor for line in order_lines) == vendor_order.tax_minor
        by_category: dict[str, list] = {}
        for line, (category, *_rest) in zip(order_lines, lines, strict=True):
            by_category.setdefault(category, []).append(line)
        for category, same in by_category.items():
            tax = sum(line.tax_minor for line in same)
            value = sum(line.goods_minor for line in same)
            for line in same:
                share = Fraction(tax * line.goods_minor, value)
                assert share - 1 < line.tax_minor < share + 1
            duties = [
                amount
                for name, _b, amount, _h in expected
                if name == f"Import duty, {CATEGORY_NAMES[category]}"
            ]
            assert tax >= sum(duties)

    if market == "TW":
        # vendors price in whole NT$ and nothing is added: every charged amount is whole dollars
        assert order.tax_minor == 0
        for amount in (order.goods_minor, order.shipping_minor, order.total_minor):
            assert amount % 100 == 0
        for vendor_order in vendor_orders:
            assert vendor_order.total_minor % 100 == 0

    # the intent Stripe holds is for exactly this, in this currency (TWD counted in cents)
    intent = localstripe.get(f"/v1/payment_intents/{order.payment_intent_id}")
    assert (intent["amount"], intent["currency"]) == (order.total_minor, order.currency.lower())
    assert payments.stripe_amount(order) == order.total_minor


def test_the_cases_really_put_rounding_to_the_test():
    """Guards the data above: tax lines that land exactly on half a minor unit (where half up
    and half even differ) in every market whose rates allow one, both sides of each threshold."""
    halves = set()
    for market, parcels in CASES.values():
        everything = sum(in_market(p, market) * q for ls in parcels for _c, p, q, _g in ls)
        for lines in parcels:
            shipping = in_market(shipping_twd(sum(g * q for _c, _p, q, g in lines), market), market)
            taxes = expected_taxes(market, lines, shipping, everything)
            if any(half for _n, _b, _a, half in taxes):
                halves.add(market)
    # the Philippines' rates (duty 40% or 20%, VAT 12%) are fifths and 3/25ths of whole
    # centavos: no line there can land exactly on half a centavo
    assert halves == {"TH", "MY", "SG"}
    goods = {
        case: sum(in_market(p, market) * q for lines in parcels for _c, p, q, _g in lines)
        for case, (market, parcels) in CASES.items()
    }
    assert goods["MY-over-RM500"] > 50000
    assert goods["SG-exactly-S$400"] == 40000
    assert goods["SG-over-S$400"] > 40000
    assert goods["PH-over-P10000"] > 1_000_000
    assert goods["PH-two-vendors-under-P10000"] <= 1_000_000
    # over ₱10,000 only together
    assert goods["PH-three-lines-two-vendors"] > 1_000_000
    _market, parcels = CASES["PH-three-lines-two-vendors"]
    assert all(sum(in_market(p, "PH") * q for _c, p, q, _g in ls) <= 1_000_000 for ls in parcels)
