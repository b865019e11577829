"""Locale-aware formatting through Babel only: money, numbers, dates, percentages.

Rendering dominates a page's cost and Babel's currency formatting is a large part of it, so
each (amount, currency, locale) is formatted once per process.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from babel import Locale, localedata
from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime
from babel.lists import format_list as babel_format_list
from babel.numbers import format_currency, format_decimal, format_percent

from app.domain.locales import LANGUAGES
from app.domain.money import Money, minor_unit
from app.services.clock import STORE_TZ

#: currencies shown without minor units whatever ISO says (cash has no cents)
WHOLE_UNIT_CURRENCIES = frozenset({"TWD"})
#: symbols the store always spells out: Babel writes a bare "$" for TWD in zh_Hant_TW, which a
#: page also showing Singapore dollars would make ambiguous (DESIGN.md: `NT$450`)
FIXED_SYMBOLS = {"TWD": "NT$"}


@lru_cache(maxsize=64)
def money_locale(lang: str, market_code: str) -> str:
    """`<language>_<market country>` where Babel has it (en_SG shows $, en_MY RM), else the
    language's own locale."""
    babel_locale = Locale.parse(LANGUAGES[lang].babel)
    base = babel_locale.language + (f"_{babel_locale.script}" if babel_locale.script else "")
    candidate = f"{base}_{market_code}"
    return candidate if localedata.exists(candidate) else str(babel_locale)


@lru_cache(maxsize=16)
def _whole_pattern(locale: str, currency: str = "") -> str:
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    return _with_symbol(pattern.replace(".00", ""), currency)


def _with_symbol(pattern: str, currency: str) -> str:
    symbol = FIXED_SYMBOLS.get(currency)
    return pattern.replace("¤", symbol) if symbol else pattern


@lru_cache(maxsize=50_000)
def _format(amount_minor: int, currency: str, locale: str) -> str:
    value = Decimal(amount_minor).scaleb(-minor_unit(currency))
    if currency in WHOLE_UNIT_CURRENCIES:
        return format_currency(
            value,
            currency,
            format=_whole_pattern(locale, currency),
            locale=locale,
            currency_digits=False,
        )
    return format_currency(value, currency, locale=locale)


def format_money(money: Money, locale: str) -> str:
    return _format(money.amount_minor, money.currency, locale)


@lru_cache(maxsize=2_000)
def format_whole_money(major: int, currency: str, locale: str) -> str:
    """A round amount without its minor unit (price bands: "฿300", not "฿300.00")."""
    return format_currency(
        Decimal(major),
        currency,
        format=_whole_pattern(locale, currency),
        locale=locale,
        currency_digits=False,
    )


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
