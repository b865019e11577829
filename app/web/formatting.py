"""Locale-aware formatting through Babel only: money, numbers, dates, percentages.

Rendering dominates a page's cost and Babel's currency formatting is a large part of it, so
each (amount, currency, locale) is formatted once per process.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from babel import Locale, localedata
from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime
from babel.lists import format_list as babel_format_list
from babel.numbers import (
    NumberPattern,
    format_currency,
    format_decimal,
    format_percent,
    get_currency_symbol,
    parse_pattern,
)

from app.domain.locales import LANGUAGES
from app.domain.money import Money, minor_unit
from app.services.clock import STORE_TZ

#: currencies shown without minor units whatever ISO says (cash has no cents)
WHOLE_UNIT_CURRENCIES = frozenset({"TWD"})
#: symbols the store always spells out, in every language: CLDR writes a bare "$" for SGD in
#: en_SG and ms_SG and for TWD in zh_Hant_TW, which a page showing the other dollar (or a
#: shopper comparing markets) would read wrongly (DESIGN.md: `NT$450`)
FIXED_SYMBOLS = {"TWD": "NT$", "SGD": "S$"}
#: CLDR's currencySpacing (root data; Babel does not apply it): what goes between a symbol
#: and the digits when the pattern puts nothing there
CURRENCY_SPACE = "\xa0"


@lru_cache(maxsize=64)
def money_locale(lang: str, market_code: str) -> str:
    """`<language>_<market country>` where Babel has it (en_SG, en_MY shows RM), else the
    language's own locale."""
    babel_locale = Locale.parse(LANGUAGES[lang].babel)
    base = babel_locale.language + (f"_{babel_locale.script}" if babel_locale.script else "")
    candidate = f"{base}_{market_code}"
    return candidate if localedata.exists(candidate) else str(babel_locale)


def _stands_apart(char: str) -> bool:
    """CLDR's currencyMatch `[[:^S:]&[:^Z:]]`: a letter (or digit, or punctuation) next to the
    digits needs a space; a currency sign ($, ฿, ₱) or an existing space does not."""
    return unicodedata.category(char)[0] not in "SZ"


def _place_symbol(affix: str, symbol: str, fixed: bool, *, before_number: bool) -> str:
    """One prefix or suffix of a currency pattern with CLDR's currency spacing applied.

    The rule (afterCurrency / beforeCurrency, surroundingMatch `[:digit:]`): where the symbol
    touches the number (the prefix ends with ¤, or the suffix starts with it) and its character
    on that side stands apart, a no-break space goes between them. The number's own side always
    starts and ends with a digit here (Latin digits; any sign belongs to the affix).
    """
    if "¤" not in affix:
        return affix
    if before_number and affix.endswith("¤") and _stands_apart(symbol[-1]):
        affix += CURRENCY_SPACE
    elif not before_number and affix.startswith("¤") and _stands_apart(symbol[0]):
        affix = CURRENCY_SPACE + affix
    # Babel writes CLDR's own symbol in place of ¤; ours go in as quoted pattern text
    return affix.replace("¤", f"'{symbol}'") if fixed else affix


@lru_cache(maxsize=256)
def _currency_pattern(locale: str, currency: str, whole: bool) -> NumberPattern:
    """The locale's standard currency pattern for one currency, with its symbol and spacing
    settled (and without the fraction when `whole`)."""
    base = Locale.parse(locale).currency_formats["standard"]
    fixed = currency in FIXED_SYMBOLS
    symbol = FIXED_SYMBOLS[currency] if fixed else get_currency_symbol(currency, locale)
    number = base.number_pattern.split(".")[0] if whole else base.number_pattern
    halves = [
        _place_symbol(prefix, symbol, fixed, before_number=True)
        + number
        + _place_symbol(suffix, symbol, fixed, before_number=False)
        for prefix, suffix in zip(base.prefix, base.suffix, strict=True)
    ]
    return parse_pattern(";".join(halves))


def _currency(value: Decimal, currency: str, locale: str, whole: bool) -> str:
    return format_currency(
        value,
        currency,
        format=_currency_pattern(locale, currency, whole),
        locale=locale,
        currency_digits=not whole,
    )


@lru_cache(maxsize=50_000)
def _format(amount_minor: int, currency: str, locale: str) -> str:
    value = Decimal(amount_minor).scaleb(-minor_unit(currency))
    return _currency(value, currency, locale, whole=currency in WHOLE_UNIT_CURRENCIES)


def format_money(money: Money, locale: str) -> str:
    """An amount as shoppers in `locale` read it: "S$27.91", "฿701.83", "MYR\xa091.94" (th),
    "RM\xa091.94" (ms_MY), "NT$680"."""
    return _format(money.amount_minor, money.currency, locale)


@lru_cache(maxsize=2_000)
def format_whole_money(major: int, currency: str, locale: str) -> str:
    """A round amount without its minor unit (price bands: "฿300", not "฿300.00")."""
    return _currency(Decimal(major), currency, locale, whole=True)


def format_list(values: list[str], locale: str) -> str:
    """ "a, b and c" as the language writes a list (CLDR: 甲、乙和丙)."""
    return babel_format_list(values, locale=locale) if values else ""


def format_rate_percent(rate: Decimal, locale: str) -> str:
    return format_percent(rate, locale=locale, decimal_quantization=False)


def format_number(value, locale: str) -> str:
    """All significant digits (an exchange rate of 0.04105 must not show as 0.041)."""
    return format_decimal(value, format="#,##0.##########", locale=locale)


def format_day(value: date, locale: str, fmt: str = "medium") -> str:
    return babel_format_date(value, format=fmt, locale=locale)


def format_moment(value: datetime, locale: str, fmt: str = "medium") -> str:
    return babel_format_datetime(value, format=fmt, locale=locale, tzinfo=STORE_TZ)
