"""Prices as shoppers read them: every currency unambiguous, in every language's own spelling.

The expected strings are CLDR's (as ICU, which applies CLDR's currencySpacing, writes them),
with the store's two fixed symbols: S$ and NT$ (whole dollars).
"""

import pytest

from app.domain.money import Money
from app.web.formatting import format_money, format_whole_money, money_locale

NBSP = "\xa0"

# 118.98 of each currency (TWD: NT$119, whole dollars) in each locale money is shown in
PRICES = {
    "en_SG": ("THB\xa0118.98", "MYR\xa0118.98", "S$118.98", "₱118.98", "NT$119"),
    "en_MY": ("THB\xa0118.98", "RM\xa0118.98", "S$118.98", "₱118.98", "NT$119"),
    "en": ("THB\xa0118.98", "MYR\xa0118.98", "S$118.98", "₱118.98", "NT$119"),
    "th": ("฿118.98", "MYR\xa0118.98", "S$118.98", "PHP\xa0118.98", "NT$119"),
    "ms": ("THB\xa0118.98", "RM\xa0118.98", "S$118.98", "PHP\xa0118.98", "NT$119"),
    "ms_MY": ("THB\xa0118.98", "RM\xa0118.98", "S$118.98", "PHP\xa0118.98", "NT$119"),
    "zh_Hant_TW": ("THB\xa0118.98", "MYR\xa0118.98", "S$118.98", "PHP\xa0118.98", "NT$119"),
}
CURRENCIES = ("THB", "MYR", "SGD", "PHP", "TWD")


@pytest.mark.parametrize(
    ("currency", "locale", "expected"),
    [
        (currency, locale, row[i])
        for locale, row in PRICES.items()
        for i, currency in enumerate(CURRENCIES)
    ],
)
def test_each_currency_in_each_locale(currency, locale, expected):
    assert format_money(Money(11898, currency), locale) == expected


@pytest.mark.parametrize(
    ("amount", "currency", "locale", "expected"),
    [
        # digits grouped as the locale groups them, the space kept next to the symbol
        (123456798, "MYR", "th", "MYR\xa01,234,567.98"),
        (123456798, "THB", "th", "฿1,234,567.98"),
        (123456798, "PHP", "zh_Hant_TW", "PHP\xa01,234,567.98"),
        (1234500, "TWD", "zh_Hant_TW", "NT$12,345"),
        # a refund: the sign goes before the symbol, the space stays between symbol and digits
        (-150, "MYR", "ms_MY", "-RM\xa01.50"),
        (-150, "SGD", "en_SG", "-S$1.50"),
        (0, "THB", "en", "THB\xa00.00"),
    ],
)
def test_grouping_and_signs(amount, currency, locale, expected):
    assert format_money(Money(amount, currency), locale) == expected


@pytest.mark.parametrize("locale", ["en_SG", "ms_SG", "th", "zh_Hant_TW"])
def test_singapore_dollars_never_show_a_bare_dollar_sign(locale):
    # CLDR's en_SG and ms_SG write "$", as zh_Hant_TW does for TWD: beside NT$ that misleads
    assert format_money(Money(2791, "SGD"), locale) == "S$27.91"
    assert format_money(Money(68000, "TWD"), locale) == "NT$680"


@pytest.mark.parametrize(
    ("amount", "currency", "locale", "expected"),
    [
        # the symbol after the number, touching it in the pattern: a space goes in for letters
        (150, "MYR", "kab", "1,50\xa0MYR"),
        (-150, "MYR", "kab", "-1,50\xa0MYR"),
        (150, "EUR", "kab", "1,50€"),  # not for a currency sign
        # the pattern's own no-break space is not doubled
        (150, "MYR", "de_CH", "MYR\xa01.50"),
        # "¤-#,##0.00": the minus sign sits between symbol and digits, so no space
        (-150, "MYR", "de_CH", "MYR-1.50"),
        (-150, "MYR", "lo", "MYR-1,50"),
        (150, "MYR", "lo", "MYR\xa01,50"),
        # Indian grouping, with the rule applied the same way
        (123456750, "MYR", "en_IN", "MYR\xa012,34,567.50"),
        (123456750, "INR", "en_IN", "₹12,34,567.50"),
    ],
)
def test_the_spacing_rule_is_cldrs_not_a_list_of_currencies(amount, currency, locale, expected):
    assert format_money(Money(amount, currency), locale) == expected


@pytest.mark.parametrize(
    ("major", "currency", "locale", "expected"),
    [
        (300, "THB", "th", "฿300"),
        (3000, "THB", "en", "THB\xa03,000"),
        (500, "MYR", "ms_MY", "RM\xa0500"),
        (400, "SGD", "en_SG", "S$400"),
        (10000, "PHP", "th", "PHP\xa010,000"),
        (450, "TWD", "zh_Hant_TW", "NT$450"),
    ],
)
def test_round_amounts_keep_symbol_and_spacing(major, currency, locale, expected):
    assert format_whole_money(major, currency, locale) == expected


@pytest.mark.parametrize(
    ("lang", "market", "locale"),
    [
        ("en", "SG", "en_SG"),
        ("en", "MY", "en_MY"),
        ("en", "TH", "en"),  # CLDR has no English for Thailand
        ("ms", "MY", "ms_MY"),
        ("th", "TH", "th_TH"),
        ("zh-hant", "TW", "zh_Hant_TW"),
        ("zh-hant", "MY", "zh_Hant_MY"),
    ],
)
def test_money_is_written_in_the_language_of_the_market_country(lang, market, locale):
    assert money_locale(lang, market) == locale
