"""Landed cost: DESIGN.md's 2026 table, at, under and over every threshold, with rounding."""

from datetime import date
from decimal import Decimal

import pytest

from app.domain.duty_rates import DutyRate, DutyTable
from app.domain.landed_cost import Applies, Goods, Kind, TaxRule, price_basis, quote
from app.domain.money import Money

ON = date(2026, 11, 22)
D = Decimal


def rule(market_currency, name, label, kind, rate, applies="always", threshold=None, **kw):
    return TaxRule(
        name=name,
        label=label,
        kind=Kind(kind),
        rate=D(rate),
        applies=Applies(applies),
        threshold=Money.from_major(threshold, market_currency) if threshold else None,
        **kw,
    )


# The rules exactly as DESIGN.md states them (the migration's base data must match: see
# tests/services/test_tax_quote_cli.py, which runs the same cases against the database).
RULES = {
    "TH": [
        rule("THB", "Import duty", "duty", "duty", "0", uses_category_rate=True, position=10),
        rule("THB", "VAT", "vat", "tax", "0.07", prior_in_base=True, position=20),
    ],
    "MY": [
        rule(
            "MYR",
            "Sales tax (low-value goods)",
            "sales_tax",
            "tax",
            "0.10",
            "at_or_under",
            "500",
            shipping_in_base=False,
            position=10,
        ),
        rule(
            "MYR",
            "Import duty",
            "duty",
            "duty",
            "0",
            "over",
            "500",
            uses_category_rate=True,
            position=20,
        ),
        rule(
            "MYR",
            "Sales tax",
            "sales_tax",
            "tax",
            "0.10",
            "over",
            "500",
            prior_in_base=True,
            position=30,
        ),
    ],
    "SG": [
        rule("SGD", "GST", "gst", "tax", "0.09", "at_or_under", "400", position=10),
        rule(
            "SGD",
            "Import duty",
            "duty",
            "duty",
            "0",
            "over",
            "400",
            uses_category_rate=True,
            position=20,
        ),
        rule("SGD", "GST", "gst", "tax", "0.09", "over", "400", prior_in_base=True, position=30),
    ],
    "PH": [
        rule(
            "PHP",
            "Import duty",
            "duty",
            "duty",
            "0",
            "over",
            "10000",
            uses_category_rate=True,
            threshold_per_order=True,
            position=10,
        ),
        rule(
            "PHP",
            "VAT",
            "vat",
            "tax",
            "0.12",
            "over",
            "10000",
            prior_in_base=True,
            threshold_per_order=True,
            position=20,
        ),
    ],
    "TW": [
        rule(
            "TWD",
            "Business tax",
            "business_tax",
            "included",
            "0.05",
            shipping_in_base=False,
            position=10,
        ),
    ],
}
CURRENCY = {"TH": "THB", "MY": "MYR", "SG": "SGD", "PH": "PHP", "TW": "TWD"}


#: categories of these tests: each with its own duty rate (no heading rates)
TEN, FIVE, OTHER = 1, 2, 3


def rates(**by_category) -> DutyTable:
    """A market's duty table of categories' own rates only: rates(**{"1": "0.10"})."""
    return DutyTable(category_rates={int(k): D(v) for k, v in by_category.items()})


#: a table where category TEN pays 10% and FIVE 5%
TABLE = rates(**{str(TEN): "0.10", str(FIVE): "0.05"})


def run(market, goods, shipping, duty=None):
    """One category's goods, that category paying `duty` in the market (None: no rate)."""
    currency = CURRENCY[market]
    table = rates(**{str(OTHER): duty}) if duty else DutyTable()
    return quote(
        RULES[market],
        [Goods(Money.from_major(goods, currency), category=OTHER)],
        Money.from_major(shipping, currency),
        ON,
        table,
    )


# market, goods, shipping, category duty, expected [(name, base, amount)], total
CASES = [
    # Thailand: no threshold; duty (category rate) then VAT 7% on goods + shipping + duty
    ("TH", "1500.00", "120.00", None, [("VAT", "1620.00", "113.40")], "113.40"),
    (
        "TH",
        "1500.00",
        "120.00",
        "0.30",
        [("Import duty", "1620.00", "486.00"), ("VAT", "2106.00", "147.42")],
        "633.42",
    ),
    ("TH", "1.50", "0", None, [("VAT", "1.50", "0.11")], "0.11"),  # 10.5 satang rounds up
    ("TH", "0.50", "0", None, [("VAT", "0.50", "0.04")], "0.04"),
    ("TH", "0.07", "0", None, [("VAT", "0.07", "0.00")], "0.00"),  # 0.49 satang rounds down
    ("TH", "0.08", "0", None, [("VAT", "0.08", "0.01")], "0.01"),  # 0.56 satang rounds up
    # Malaysia: RM 500 threshold
    ("MY", "500.00", "25.00", None, [("Sales tax (low-value goods)", "500.00", "50.00")], "50.00"),
    ("MY", "499.99", "25.00", None, [("Sales tax (low-value goods)", "499.99", "50.00")], "50.00"),
    ("MY", "500.01", "25.00", None, [("Sales tax", "525.01", "52.50")], "52.50"),
    (
        "MY",
        "500.01",
        "25.00",
        "0.05",
        [("Import duty", "525.01", "26.25"), ("Sales tax", "551.26", "55.13")],
        "81.38",
    ),
    (
        "MY",
        "499.99",
        "25.00",
        "0.05",
        [("Sales tax (low-value goods)", "499.99", "50.00")],
        "50.00",
    ),
    # Singapore: S$400 threshold, GST 9% on goods + shipping either way
    ("SG", "400.00", "8.90", None, [("GST", "408.90", "36.80")], "36.80"),
    ("SG", "399.99", "8.90", None, [("GST", "408.89", "36.80")], "36.80"),
    ("SG", "400.01", "8.90", None, [("GST", "408.91", "36.80")], "36.80"),
    (
        "SG",
        "400.01",
        "8.90",
        "0.10",
        [("Import duty", "408.91", "40.89"), ("GST", "449.80", "40.48")],
        "81.37",
    ),
    # Philippines: nothing at or under ₱10,000
    ("PH", "10000.00", "420.00", None, [], "0.00"),
    ("PH", "9999.99", "420.00", "0.15", [], "0.00"),
    ("PH", "10000.01", "420.00", None, [("VAT", "10420.01", "1250.40")], "1250.40"),
    (
        "PH",
        "10000.01",
        "420.00",
        "0.15",
        [("Import duty", "10420.01", "1563.00"), ("VAT", "11983.01", "1437.96")],
        "3000.96",
    ),
    # Taiwan: nothing added (business tax is inside the price)
    ("TW", "450", "100", None, [], "0.00"),
]


@pytest.mark.parametrize(("market", "goods", "shipping", "duty", "lines", "total"), CASES)
def test_design_table(market, goods, shipping, duty, lines, total):
    result = run(market, goods, shipping, duty)
    got = [(line.name, str(line.base.major), str(line.amount.major)) for line in result.lines]
    assert got == lines
    assert str(result.total_tax.major) == total
    expected_landed = D(goods) + D(shipping) + D(total)
    assert result.landed_total.major == expected_landed


def ph_parcel(goods: str, order: str | None = None, duty: str = "0.15"):
    """One shop's parcel to the Philippines (₱420 shipping), in an order whose goods come to
    `order` over all its parcels (None: the parcel alone)."""
    return quote(
        RULES["PH"],
        [Goods(Money.from_major(goods, "PHP"), category=OTHER)],
        Money.from_major("420.00", "PHP"),
        ON,
        rates(**{str(OTHER): duty}),
        Money.from_major(order, "PHP") if order else None,
    )


def test_philippine_parcels_of_one_order_pass_the_de_minimis_together():
    # two shops' parcels of ₱6,000 arrive the same day: ₱12,000 is over ₱10,000, so each
    # pays duty on its CIF (6,000 + 420 at 15% = 963) and VAT on CIF + duty (7,383 at 12%)
    alone, together = ph_parcel("6000.00"), ph_parcel("6000.00", order="12000.00")

    assert (alone.lines, alone.decided_by_order) == ((), False)
    lines = [(line.name, str(line.base.major), str(line.amount.major)) for line in together.lines]
    assert lines == [("Import duty", "6420.00", "963.00"), ("VAT", "7383.00", "885.96")]
    assert together.decided_by_order


def test_an_order_at_the_de_minimis_adds_nothing_to_its_parcels():
    # ₱10,000 in all is not over ₱10,000
    assert ph_parcel("4000.00", order="10000.00").lines == ()
    assert not ph_parcel("4000.00", order="10000.00").decided_by_order
    # a parcel over it on its own pays whatever the order: the order changed nothing
    over = ph_parcel("10000.01", order="10000.01")
    assert over.lines
    assert not over.decided_by_order


def test_rules_that_weigh_their_own_parcel_ignore_the_order():
    # Malaysia's low-value sales tax goes by each parcel: RM300 of goods pays 10% on the goods
    # alone (RM30.00), though the order's parcels come to RM900 (over RM500 each would pay
    # sales tax on goods + shipping instead)
    args = (RULES["MY"], [Goods(Money.from_major("300.00", "MYR"))], Money.from_major("20", "MYR"))
    alone = quote(*args, ON)
    in_order = quote(*args, ON, DutyTable(), Money.from_major("900.00", "MYR"))
    assert in_order == alone
    lines = [(line.name, str(line.base.major), str(line.amount.major)) for line in in_order.lines]
    assert lines == [("Sales tax (low-value goods)", "300.00", "30.00")]
    assert not in_order.decided_by_order


@pytest.mark.parametrize("order", [Money.from_major("5999.99", "PHP"), Money.zero("THB")])
def test_the_order_holds_the_parcel_in_its_currency(order):
    with pytest.raises(ValueError, match=r"^the order's goods are this parcel's and the others'$"):
        quote(
            RULES["PH"],
            [Goods(Money.from_major("6000.00", "PHP"))],
            Money.from_major("420.00", "PHP"),
            ON,
            DutyTable(),
            order,
        )


def test_taiwan_business_tax_is_shown_as_included_not_added():
    result = run("TW", "450", "100")
    assert result.total_tax == Money(0, "TWD")
    [included] = result.included
    assert included.name == "Business tax"
    # 450 × 5/105 = 21.428… → NT$21.43, on the price only (shipping is not in its base)
    assert included.amount == Money.from_major("21.43", "TWD")
    assert result.landed_total == Money.from_major("550", "TWD")


def test_duty_with_rate_zero_adds_no_line():
    result = run("TH", "100.00", "0", duty="0")
    assert [line.name for line in result.lines] == ["VAT"]


def test_goods_of_different_duty_rates_share_shipping_by_value():
    goods = [
        Goods(Money.from_major("1000.00", "THB"), category=TEN),
        Goods(Money.from_major("500.00", "THB"), category=OTHER),
    ]
    result = quote(RULES["TH"], goods, Money.from_major("150.00", "THB"), ON, TABLE)
    duty, vat = result.lines
    # the 10% goods carry 1000/1500 of the shipping: (1000 + 100) × 10% = 110.00; the goods
    # without a rate pay no duty, so no line for them (issue 13: a duty line per rate)
    assert (duty.base, duty.amount, duty.rate) == (
        Money.from_major("1100.00", "THB"),
        Money.from_major("110.00", "THB"),
        D("0.10"),
    )
    assert vat.amount == Money.from_major("123.20", "THB")  # 7% of 1650 + 110
    # each item carries its own duty and its share of the VAT on it
    assert result.item_taxes[0] > result.item_taxes[1]
    assert sum(result.item_taxes, Money(0, "THB")) == result.total_tax


def test_goods_of_two_duty_rates_pay_both():
    goods = [
        Goods(Money.from_major("1000.00", "THB"), category=TEN),
        Goods(Money.from_major("500.00", "THB"), category=FIVE),
    ]
    result = quote(RULES["TH"], goods, Money.from_major("150.00", "THB"), ON, TABLE)
    ten, five, vat = result.lines
    # shipping shared by value: 10% of (1000 + 100) = 110.00, and 5% of (500 + 50) = 27.50,
    # each on its own line (issue 13: the duty line names its rate)
    assert [(line.base, line.amount, line.rate) for line in (ten, five)] == [
        (Money.from_major("1100.00", "THB"), Money.from_major("110.00", "THB"), D("0.10")),
        (Money.from_major("550.00", "THB"), Money.from_major("27.50", "THB"), D("0.05")),
    ]
    # 7% of 1500 + 150 + 137.50 = 1787.50 is 125.125 → 125.13
    assert (vat.base, vat.amount) == (
        Money.from_major("1787.50", "THB"),
        Money.from_major("125.13", "THB"),
    )
    assert result.total_tax == Money.from_major("262.63", "THB")


def test_goods_worth_nothing_share_shipping_equally_between_duty_rates():
    """Free samples still travel: with no value to share shipping by, each rate takes half."""
    goods = [Goods(Money(0, "THB"), category=TEN), Goods(Money(0, "THB"), category=FIVE)]
    result = quote(RULES["TH"], goods, Money.from_major("100.00", "THB"), ON, TABLE)
    got = [(line.name, str(line.base.major), str(line.amount.major)) for line in result.lines]
    # duty: 10% of 50 and 5% of 50; VAT: 7% of 100 + 7.50 = 7.525 → 7.53
    assert got == [
        ("Import duty", "50.00", "5.00"),
        ("Import duty", "50.00", "2.50"),
        ("VAT", "107.50", "7.53"),
    ]
    assert result.landed_total == Money.from_major("115.03", "THB")


def test_each_line_carries_its_rules_label_and_kind():
    """The label picks the translated name shoppers read; the kind decides added or included."""
    th = run("TH", "1500.00", "120.00", duty="0.30")
    assert [(line.label, line.kind) for line in th.lines] == [
        ("duty", Kind.DUTY),
        ("vat", Kind.TAX),
    ]
    tw = run("TW", "450", "100")
    assert [(line.label, line.kind) for line in tw.included] == [("business_tax", Kind.INCLUDED)]


def test_a_rule_is_in_force_from_its_first_day_through_its_last():
    starts = TaxRule("New VAT", "vat", Kind.TAX, D("0.08"), valid_from=ON)
    ends = TaxRule("Old duty", "duty", Kind.DUTY, D("0.10"), valid_to=ON)
    parcel = [Goods(Money(10000, "THB"))]
    on_the_day = quote([starts, ends], parcel, Money(0, "THB"), ON)
    assert [line.name for line in on_the_day.lines] == ["New VAT", "Old duty"]
    day_before = quote([starts, ends], parcel, Money(0, "THB"), date(2026, 11, 21))
    assert [line.name for line in day_before.lines] == ["Old duty"]
    day_after = quote([starts, ends], parcel, Money(0, "THB"), date(2026, 11, 23))
    assert [line.name for line in day_after.lines] == ["New VAT"]


def test_rules_out_of_force_are_ignored():
    expired = TaxRule("Old VAT", "vat", Kind.TAX, D("0.10"), valid_to=date(2026, 11, 21))
    future = TaxRule("New VAT", "vat", Kind.TAX, D("0.08"), valid_from=date(2026, 11, 23))
    current = TaxRule(
        "VAT", "vat", Kind.TAX, D("0.07"), valid_from=date(2026, 1, 1), valid_to=date(2026, 11, 22)
    )
    result = quote([expired, future, current], [Goods(Money(10000, "THB"))], Money(0, "THB"), ON)
    assert [line.name for line in result.lines] == ["VAT"]


def test_rules_apply_in_position_order_not_list_order():
    rules = list(reversed(RULES["TH"]))
    result = quote(rules, [Goods(Money(100000, "THB"), category=TEN)], Money(0, "THB"), ON, TABLE)
    assert [line.name for line in result.lines] == ["Import duty", "VAT"]
    assert result.lines[1].base == Money(110000, "THB")


def test_threshold_rule_without_threshold_is_refused():
    broken = TaxRule("GST", "gst", Kind.TAX, D("0.09"), applies=Applies.OVER)
    with pytest.raises(ValueError, match="threshold"):
        quote([broken], [Goods(Money(100, "SGD"))], Money(0, "SGD"), ON)


def test_threshold_in_another_currency_is_refused():
    """A Singapore rule in a Malaysian parcel would compare S$ with RM: refused, not guessed."""
    sg_gst = rule("SGD", "GST", "gst", "tax", "0.09", "over", "400")
    with pytest.raises(ValueError, match=r"^rule 'GST' threshold is in SGD$"):
        quote([sg_gst], [Goods(Money(50000, "MYR"))], Money(0, "MYR"), ON)


def test_currencies_must_match():
    with pytest.raises(ValueError, match="cannot combine"):
        quote(RULES["TH"], [Goods(Money(100, "SGD"))], Money(0, "THB"), ON)


def test_negative_amounts_are_refused():
    with pytest.raises(ValueError, match="negative"):
        quote(RULES["TH"], [Goods(Money(-100, "THB"))], Money(0, "THB"), ON)


def test_negative_goods_or_shipping_are_refused_by_name():
    message = r"^goods and shipping cannot be negative$"
    with pytest.raises(ValueError, match=message):
        quote(RULES["TH"], [Goods(Money(10000, "THB"))], Money(-1, "THB"), ON)
    # a negative item is refused even when dearer goods make the parcel's total positive
    mixed = [Goods(Money(-10000, "THB"), category=TEN), Goods(Money(50000, "THB"))]
    with pytest.raises(ValueError, match=message):
        quote(RULES["TH"], mixed, Money(0, "THB"), ON)


def test_a_parcel_without_goods_is_refused():
    with pytest.raises(ValueError, match=r"^a parcel holds goods$"):
        quote(RULES["TH"], [], Money(0, "THB"), ON)


def _duty_then_taxes(*taxes):
    """A 10% duty (position 10) followed by the given taxes, in THB."""
    duty = TaxRule("Import duty", "duty", Kind.DUTY, D("0.10"), position=10)
    return [duty, *taxes]


# goods, shipping, taxes after the duty, expected [(name, base, amount)]
PRIOR_IN_BASE_CASES = [
    # duty: (1000 + 100) × 10% = 110.00
    pytest.param(
        "1000.00",
        "100.00",
        [TaxRule("VAT", "vat", Kind.TAX, D("0.07"), prior_in_base=False, position=20)],
        [("Import duty", "1100.00", "110.00"), ("VAT", "1100.00", "77.00")],
        id="prior-off: VAT on goods + shipping only",
    ),
    pytest.param(
        "1000.00",
        "100.00",
        [TaxRule("VAT", "vat", Kind.TAX, D("0.07"), prior_in_base=True, position=20)],
        [("Import duty", "1100.00", "110.00"), ("VAT", "1210.00", "84.70")],
        id="prior-on: VAT on goods + shipping + duty",
    ),
    pytest.param(
        "1000.00",
        "100.00",
        [
            TaxRule(
                "VAT",
                "vat",
                Kind.TAX,
                D("0.07"),
                prior_in_base=False,
                shipping_in_base=False,
                position=20,
            )
        ],
        [("Import duty", "1100.00", "110.00"), ("VAT", "1000.00", "70.00")],
        id="prior-off, shipping-off: VAT on goods only",
    ),
    # duty: 343.33 × 10% = 34.333 → 34.33; 10% of 343.33 → 34.33, of 377.66 → 37.766 → 37.77
    pytest.param(
        "333.33",
        "10.00",
        [TaxRule("Sales tax", "sales_tax", Kind.TAX, D("0.10"), position=20)],
        [("Import duty", "343.33", "34.33"), ("Sales tax", "343.33", "34.33")],
        id="prior-off by default, with rounding",
    ),
    pytest.param(
        "333.33",
        "10.00",
        [TaxRule("Sales tax", "sales_tax", Kind.TAX, D("0.10"), prior_in_base=True, position=20)],
        [("Import duty", "343.33", "34.33"), ("Sales tax", "377.66", "37.77")],
        id="prior-on, with rounding",
    ),
    # duty 1000 × 10% = 100; excise 5% of 1000 = 50 (ignores the duty); VAT 7% of
    # 1000 + 100 + 50 = 80.50 (every earlier line, the excise included)
    pytest.param(
        "1000.00",
        "0",
        [
            TaxRule("Excise", "excise", Kind.TAX, D("0.05"), prior_in_base=False, position=20),
            TaxRule("VAT", "vat", Kind.TAX, D("0.07"), prior_in_base=True, position=30),
        ],
        [
            ("Import duty", "1000.00", "100.00"),
            ("Excise", "1000.00", "50.00"),
            ("VAT", "1150.00", "80.50"),
        ],
        id="prior-off between a duty and a prior-on tax",
    ),
]


@pytest.mark.parametrize(("goods", "shipping", "taxes", "lines"), PRIOR_IN_BASE_CASES)
def test_prior_in_base_decides_whether_earlier_lines_are_taxed(goods, shipping, taxes, lines):
    """Operators add rules; one with "earlier lines in the base" off must not tax the duty."""
    result = quote(
        _duty_then_taxes(*taxes),
        [Goods(Money.from_major(goods, "THB"))],
        Money.from_major(shipping, "THB"),
        ON,
    )
    got = [(line.name, str(line.base.major), str(line.amount.major)) for line in result.lines]
    assert got == lines
    total = sum((D(amount) for _name, _base, amount in lines), D(0))
    assert result.total_tax.major == total


# -- duty by HS code (issue 13) -----------------------------------------------------------------

TEA, FOOD = 10, 11
NAMES = {
    "09": {"en": "coffee, tea and spices"},
    "0902": {"en": "tea", "th": "ชา"},
    "090230": {"en": "black and oolong tea"},
    "1902": {"en": "noodles"},
    "0810": {"en": "other fresh fruit"},
}


def hs(prefix, rate, category=None, tax=None, **kw):
    return DutyRate(prefix, D(rate), D(tax) if tax else None, NAMES.get(prefix, {}), category, **kw)


#: the markets' rates as base data seeds them (an illustrative subset)
HS_TABLES = {
    "TH": DutyTable(
        (
            hs("0902", "0.90", TEA),
            hs("0901", "0.90", TEA),
            hs("210120", "0.30", TEA),
            hs("1902", "0.30", FOOD),
        )
    ),
    # duty above RM500; noodles are sales-tax exempt, fresh fruit pays 5%
    "MY": DutyTable(
        (
            hs("0902", "0.25", TEA),
            hs("1902", "0.25", FOOD, tax="0"),
            hs("0810", "0.25", FOOD, tax="0.05"),
        )
    ),
    "PH": DutyTable((hs("0901", "0.40", TEA), hs("0902", "0.20", TEA))),
    "SG": DutyTable(),
}
#: Malaysia's sales tax above RM500 goes by heading class
MY_BY_HEADING = [
    *RULES["MY"][:2],
    rule(
        "MYR",
        "Sales tax",
        "sales_tax",
        "tax",
        "0.10",
        "over",
        "500",
        prior_in_base=True,
        rate_by_heading=True,
        position=30,
    ),
]


def hs_quote(market, goods, shipping, *items, rules=None, on=ON):
    """`items`: (hs code, category, share of `goods`) or a single (hs, category)."""
    currency = CURRENCY[market]
    total = Money.from_major(goods, currency)
    parcel = [
        Goods(Money.from_major(value, currency) if value else total, code, category)
        for code, category, value in [(*item, None)[:3] for item in items]
    ]
    return quote(
        rules or RULES[market],
        parcel,
        Money.from_major(shipping, currency),
        on,
        HS_TABLES[market],
    )


def lines_of(result):
    return [
        (line.name, str(line.rate), str(line.base.major), str(line.amount.major))
        for line in result.lines
    ]


HS_CASES = [
    # Thailand, the parcel: THB 1,200 of oolong, THB 120 shipping: 90% duty on goods +
    # shipping (1,188.00), then VAT 7% on goods + shipping + duty (2,508.00 → 175.56)
    pytest.param(
        "TH",
        "1200.00",
        "120.00",
        [("0902.30.90", TEA)],
        [
            ("Import duty, tea (0902)", "0.90", "1320.00", "1188.00"),
            ("VAT", "0.07", "2508.00", "175.56"),
        ],
        id="TH tea 90% on goods + shipping, VAT on all three",
    ),
    # the longest matching prefix wins: 2101.20 (30%), not the tea category's 90%
    pytest.param(
        "TH",
        "100.00",
        "0",
        [("210120", TEA)],
        [("Import duty, 2101.20", "0.30", "100.00", "30.00"), ("VAT", "0.07", "130.00", "9.10")],
        id="TH longest prefix wins",
    ),
    # no code: the highest rate among the category's headings (tea: 90%), named by category
    pytest.param(
        "TH",
        "100.00",
        "0",
        [(None, TEA)],
        [("Import duty", "0.90", "100.00", "90.00"), ("VAT", "0.07", "190.00", "13.30")],
        id="TH no code: category's highest",
    ),
    # a code no rate covers: the category's highest too (never less than customs may ask)
    pytest.param(
        "TH",
        "100.00",
        "0",
        [("9999", FOOD)],
        [("Import duty", "0.30", "100.00", "30.00"), ("VAT", "0.07", "130.00", "9.10")],
        id="TH unknown code: category's highest",
    ),
    # Malaysia at or under RM500: LVG sales tax 10% on goods only, no duty
    pytest.param(
        "MY",
        "500.00",
        "25.00",
        [("1902", FOOD)],
        [("Sales tax (low-value goods)", "0.10", "500.00", "50.00")],
        id="MY at RM500: LVG only",
    ),
    # over RM500: duty on goods + shipping, then sales tax by heading: noodles exempt, tea 10%
    pytest.param(
        "MY",
        "600.00",
        "30.00",
        [("1902", FOOD, "300.00"), ("0902", TEA, "300.00")],
        [
            ("Import duty, noodles (1902)", "0.25", "315.00", "78.75"),
            ("Import duty, tea (0902)", "0.25", "315.00", "78.75"),
            ("Sales tax", "0.10", "393.75", "39.38"),
        ],
        id="MY over RM500: sales tax class per heading",
    ),
    pytest.param(
        "MY",
        "600.00",
        "30.00",
        [("0810", FOOD)],
        [
            ("Import duty, other fresh fruit (0810)", "0.25", "630.00", "157.50"),
            ("Sales tax", "0.05", "787.50", "39.38"),
        ],
        id="MY over RM500: fresh fruit 5%",
    ),
    # the Philippines: nothing at or under ₱10,000; above, duty per heading then VAT 12%
    pytest.param("PH", "10000.00", "420.00", [("0901", TEA)], [], id="PH at P10,000: nothing"),
    pytest.param(
        "PH",
        "10000.01",
        "420.00",
        [("0901", TEA)],
        [
            ("Import duty, 0901", "0.40", "10420.01", "4168.00"),
            ("VAT", "0.12", "14588.01", "1750.56"),
        ],
        id="PH over P10,000: duty then VAT on CIF + duty",
    ),
    # Singapore: no duty on these goods, GST 9% over S$400 too
    pytest.param(
        "SG",
        "400.01",
        "8.90",
        [("0902", TEA)],
        [("GST", "0.09", "408.91", "36.80")],
        id="SG: no duty",
    ),
]


@pytest.mark.parametrize(("market", "goods", "shipping", "items", "lines"), HS_CASES)
def test_duty_by_hs_code_per_market(market, goods, shipping, items, lines):
    rules = MY_BY_HEADING if market == "MY" else None
    result = hs_quote(market, goods, shipping, *items, rules=rules)
    assert lines_of(result) == lines
    assert result.total_tax.major == sum((D(amount) for *_x, amount in lines), D(0))


def test_a_duty_line_names_its_heading_in_each_language():
    result = hs_quote("TH", "100.00", "0", ("0902", TEA))
    duty = result.lines[0]
    assert (duty.heading, duty.goods_names["th"]) == ("0902", "ชา")


def test_a_rate_applies_only_between_its_first_and_last_day():
    ends = DutyTable((hs("0902", "0.90", TEA, valid_to=ON), hs("09", "0.10", TEA)))
    starts = DutyTable((hs("0902", "0.50", TEA, valid_from=date(2026, 11, 23)),))
    parcel = [Goods(Money(10000, "THB"), "0902", TEA)]
    on_the_day = quote(RULES["TH"], parcel, Money(0, "THB"), ON, ends)
    assert on_the_day.lines[0].rate == D("0.90")
    # after its last day the chapter's rate (09) is the longest prefix in force
    after = quote(RULES["TH"], parcel, Money(0, "THB"), date(2026, 11, 23), ends)
    assert after.lines[0].rate == D("0.10")
    assert quote(RULES["TH"], parcel, Money(0, "THB"), ON, starts).lines[0].name == "VAT"
    later = quote(RULES["TH"], parcel, Money(0, "THB"), date(2026, 11, 23), starts)
    assert later.lines[0].rate == D("0.50")


def test_a_category_without_heading_rates_pays_its_own_rate():
    table = DutyTable(category_rates={FOOD: D("0.15")})
    result = quote(
        RULES["TH"], [Goods(Money(10000, "THB"), None, FOOD)], Money(0, "THB"), ON, table
    )
    assert (result.lines[0].rate, result.lines[0].amount) == (D("0.15"), Money(1500, "THB"))


def test_goods_of_one_heading_pay_duty_on_their_sum_and_each_its_share():
    # two tins of oolong (0902, 90%) worth ฿300 and ฿100, ฿40 shipping: one duty line
    parcel = [
        Goods(Money(30000, "THB"), "0902", TEA),
        Goods(Money(10000, "THB"), "090230", TEA),
    ]
    result = quote(RULES["TH"], parcel, Money(4000, "THB"), ON, HS_TABLES["TH"])
    duty, vat = result.lines
    assert (duty.base, duty.amount) == (Money(44000, "THB"), Money(39600, "THB"))
    # VAT on goods, shipping and duty: 7% of ฿836
    assert (vat.base, vat.amount) == (Money(83600, "THB"), Money(5852, "THB"))
    # each tin's part of the ฿454.52 of tax, by its value
    assert result.item_taxes == (Money(34089, "THB"), Money(11363, "THB"))
    assert [c.matched.prefix for c in result.classified] == ["0902", "0902"]


def test_a_duty_line_without_a_code_names_the_category_it_charges():
    table = DutyTable(
        (hs("1902", "0.30", FOOD),),
        category_rates={TEA: D("0.20")},
        category_names={TEA: {"en": "tea", "th": "ชา"}, FOOD: {"en": "food", "th": "อาหาร"}},
    )
    parcel = [
        Goods(Money(10000, "THB"), None, TEA),  # its category's own rate
        Goods(Money(10000, "THB"), None, FOOD),  # the dearest of its category's headings
        Goods(Money(10000, "THB"), "1902", FOOD),  # its heading
    ]
    result = quote(RULES["TH"], parcel, Money(0, "THB"), ON, table)
    duties = [line for line in result.lines if line.label == "duty"]
    named = [(d.name, d.heading, d.goods_names.get("th")) for d in duties]
    assert named == [
        ("Import duty, tea", None, "ชา"),
        ("Import duty, food", None, "อาหาร"),
        ("Import duty, noodles (1902)", "1902", None),
    ]
    assert [c.basis.value for c in result.classified] == ["category", "category_highest", "hs"]


def test_a_heading_at_no_duty_does_not_stop_the_next_from_paying():
    table = DutyTable((hs("0902", "0", TEA), hs("1902", "0.30", FOOD)))
    parcel = [Goods(Money(10000, "THB"), "0902", TEA), Goods(Money(10000, "THB"), "1902", FOOD)]
    result = quote(RULES["TH"], parcel, Money(0, "THB"), ON, table)
    assert [(line.heading, line.amount) for line in result.lines if line.label == "duty"] == [
        ("1902", Money(3000, "THB"))
    ]


def test_only_a_duty_takes_each_headings_rate():
    # a tax rule marked to take the category rate still charges its own rate on the parcel
    tax = rule("THB", "VAT", "vat", "tax", "0.07", uses_category_rate=True, position=20)
    parcel = [Goods(Money(10000, "THB"), "0902", TEA)]
    result = quote([tax], parcel, Money(0, "THB"), ON, HS_TABLES["TH"])
    assert [(line.name, line.rate, line.amount) for line in result.lines] == [
        ("VAT", D("0.07"), Money(700, "THB"))
    ]


def test_a_tax_inside_the_price_by_heading_class_shows_a_line_per_class():
    inside = rule(
        "MYR", "Sales tax", "sales_tax", "included", "0.10", rate_by_heading=True, position=10
    )
    added = rule("MYR", "Service fee", "duty", "tax", "0.01", position=20)
    parcel = [
        Goods(Money(11000, "MYR"), "0902", TEA),  # the rule's own 10%
        Goods(Money(10500, "MYR"), "0810", FOOD),  # fresh fruit's 5% class
    ]
    result = quote([inside, added], parcel, Money(0, "MYR"), ON, HS_TABLES["MY"])
    assert [(line.rate, line.amount) for line in result.included] == [
        (D("0.10"), Money(1000, "MYR")),
        (D("0.05"), Money(500, "MYR")),
    ]
    assert [(line.name, line.amount) for line in result.lines] == [
        ("Service fee", Money(215, "MYR"))
    ]


def test_goods_no_rate_covers_pay_the_duty_rules_own_rate_under_its_own_name():
    flat = rule("THB", "Import duty", "duty", "duty", "0.05", uses_category_rate=True)
    table = DutyTable(category_names={TEA: {"en": "tea"}})
    result = quote([flat], [Goods(Money(10000, "THB"), None, TEA)], Money(0, "THB"), ON, table)
    [duty] = result.lines
    assert (duty.name, duty.rate, duty.amount, duty.goods_names) == (
        "Import duty",
        D("0.05"),
        Money(500, "THB"),
        {},
    )
    assert result.classified[0].basis.value == "none"


# What the note beside a price tells shoppers of a market: "added" (import tax may come on top,
# even where a threshold means this parcel pays none), "included" (the only tax is inside the
# price) or "none" (no tax rules at all).
@pytest.mark.parametrize(
    ("market", "basis"),
    [("TH", "added"), ("MY", "added"), ("SG", "added"), ("PH", "added"), ("TW", "included")],
)
def test_the_price_note_says_whether_tax_comes_on_top(market, basis):
    assert price_basis(RULES[market], ON) == basis


def test_a_market_without_tax_rules_says_no_tax_is_added_or_included():
    assert price_basis([], ON) == "none"


def test_an_added_tax_beside_an_included_one_still_comes_on_top():
    assert price_basis(RULES["TW"] + RULES["SG"], ON) == "added"


def test_the_price_note_follows_only_the_rules_in_force_that_day():
    vat_from_tomorrow = TaxRule("VAT", "vat", Kind.TAX, D("0.07"), valid_from=date(2026, 11, 23))
    vat_until_yesterday = TaxRule("VAT", "vat", Kind.TAX, D("0.07"), valid_to=date(2026, 11, 21))
    assert price_basis([vat_from_tomorrow, vat_until_yesterday], ON) == "none"
    assert price_basis([vat_from_tomorrow, *RULES["TW"]], ON) == "included"
    assert price_basis([vat_from_tomorrow], date(2026, 11, 23)) == "added"
