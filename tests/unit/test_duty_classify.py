"""Which duty rate goods pay and why (app.domain.duty_rates.classify): the reason and the
row travel to the cart's duty line ("Import duty, tea (0902), 90%"), the vendor's "no code,
highest rate" notice and Malaysia's sales tax class, so each field is what a shopper or vendor
reads. Surviving mutants of `make mutation` showed nothing asserted them."""

from datetime import date
from decimal import Decimal

from app.domain.duty_rates import Basis, DutyRate, DutyTable, classify, display_hs, normalise_hs

TEA, SNACKS, CRAFTS = 1, 2, 3
DAY = date(2026, 12, 1)
GREEN = DutyRate("090210", Decimal("0.60"), Decimal("0.05"), category=TEA)
TEA_HEADING = DutyRate("0902", Decimal("0.90"), Decimal("0.10"), category=TEA)
BISCUITS = DutyRate("1905", Decimal("0.30"), None, category=SNACKS)
TABLE = DutyTable(
    rates=(GREEN, TEA_HEADING, BISCUITS),
    category_rates={CRAFTS: Decimal("0.20")},
)


def test_a_code_pays_its_longest_matching_heading_with_its_tax_class():
    found = classify(TABLE, "0902.10.00", TEA, DAY)
    assert (found.basis, found.rate, found.tax_rate, found.matched) == (
        Basis.HS,
        Decimal("0.60"),
        Decimal("0.05"),
        GREEN,
    )
    assert (found.category, found.unmatched_code) == (TEA, None)


def test_goods_without_a_code_pay_the_dearest_heading_of_their_category():
    found = classify(TABLE, None, TEA, DAY)
    assert (found.basis, found.rate, found.tax_rate, found.matched) == (
        Basis.CATEGORY_HIGHEST,
        Decimal("0.90"),
        Decimal("0.10"),
        TEA_HEADING,
    )
    assert (found.category, found.unmatched_code) == (TEA, None)


def test_a_code_no_rate_covers_is_named_so_the_vendor_can_be_told():
    found = classify(TABLE, "2101 20", TEA, DAY)
    assert (found.basis, found.rate, found.unmatched_code, found.category) == (
        Basis.CATEGORY_HIGHEST,
        Decimal("0.90"),
        "210120",
        TEA,
    )


def test_a_category_without_headings_pays_its_own_rate_and_else_none():
    own = classify(TABLE, "9999", CRAFTS, DAY)
    assert (own.basis, own.rate, own.tax_rate, own.matched, own.category, own.unmatched_code) == (
        Basis.CATEGORY,
        Decimal("0.20"),
        None,
        None,
        CRAFTS,
        "9999",
    )
    nothing = classify(TABLE, "", 99, DAY)
    assert (nothing.basis, nothing.rate, nothing.category, nothing.unmatched_code) == (
        Basis.NONE,
        None,
        99,
        None,
    )


def test_codes_are_stored_bare_and_printed_as_customs_print_them():
    assert normalise_hs(" 0902.30-10 ") == "09023010"
    assert normalise_hs("  ") is None
    assert [display_hs(c) for c in ("09", "0902", "090230", "0902301000")] == [
        "09",
        "0902",
        "0902.30",
        "0902.30.10.00",
    ]


def test_among_headings_of_one_duty_rate_the_dearest_tax_wins_then_the_shortest_code():
    def highest(*rates):
        return classify(DutyTable(rates=rates), None, SNACKS, DAY).matched

    exempt = DutyRate("1704", Decimal("0.30"), Decimal(0), category=SNACKS)
    five = DutyRate("1806", Decimal("0.30"), Decimal("0.05"), category=SNACKS)
    ten = DutyRate("1905", Decimal("0.30"), Decimal("0.10"), category=SNACKS)
    # no class of its own: the tax rule's full rate, dearer than any class
    full = DutyRate("2106", Decimal("0.30"), None, category=SNACKS)
    assert highest(exempt, five) == five
    assert highest(ten, five, exempt) == ten
    assert highest(ten, full, five) == full
    # a higher duty outweighs any tax
    dearer = DutyRate("2008", Decimal("0.31"), Decimal(0), category=SNACKS)
    assert highest(full, dearer) == dearer
    # a full tie: the shortest code, then the lowest
    long = DutyRate("190590", Decimal("0.30"), Decimal("0.10"), category=SNACKS)
    low = DutyRate("1901", Decimal("0.30"), Decimal("0.10"), category=SNACKS)
    assert highest(long, ten) == ten
    assert highest(ten, low, long) == low


def test_a_code_nothing_covers_in_a_category_without_rates_is_still_named():
    found = classify(TABLE, "9405.40", 99, DAY)
    assert (found.basis, found.rate, found.unmatched_code) == (Basis.NONE, None, "940540")
    assert display_hs("0902") == "0902"
    assert display_hs("090230") == "0902.30"
