"""Languages the store speaks, and how URL prefixes, Babel locales and content rows relate."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from babel.core import get_global


@dataclass(frozen=True)
class Language:
    #: the URL prefix, also the value of <html lang> and hreflang
    code: str
    #: the Babel locale used for UI text, dates and numbers
    babel: str
    #: the locale key of catalog translation rows (product names, ...)
    content: str
    #: the market a shopper reading this language most likely ships to
    default_market: str
    #: the language's own name, shown in the switcher
    native_name: str
    #: BCP 47 tag for <html lang> and hreflang
    html_lang: str


LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("en", "en", "en", "SG", "English", "en"),
        Language("th", "th", "th", "TH", "ไทย", "th"),
        Language("ms", "ms", "ms", "MY", "Bahasa Melayu", "ms"),
        Language("zh-hant", "zh_Hant_TW", "zh_Hant", "TW", "繁體中文", "zh-Hant"),
    )
}
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class ContentLocale:
    """How one language of catalog text is spelled in each place that names it."""

    #: the locale key of translation rows
    key: str
    #: the suffix of its columns in the catalog CSV (name_zh_hant)
    column: str
    #: BCP 47 tag for a `lang` attribute around text in this language
    html_lang: str
    #: the language's own name (a vendor reads which language a text is in)
    native_name: str


CONTENT: dict[str, ContentLocale] = {
    loc.key: loc
    for loc in (
        ContentLocale("en", "en", "en", "English"),
        ContentLocale("zh_Hant", "zh_hant", "zh-Hant", "繁體中文"),
        ContentLocale("th", "th", "th", "ไทย"),
        ContentLocale("ms", "ms", "ms", "Bahasa Melayu"),
    )
}
CONTENT_LOCALES = tuple(CONTENT)
#: the order the vendor portal shows them in (Chinese first: vendors write it first)
PORTAL_ORDER = ("zh_Hant", "en", "th", "ms")
#: Catalog text shown when the shopper's own language is missing, in this order.
CONTENT_FALLBACKS = ("en", "zh_Hant")


def fallback_chain(content_locale: str) -> tuple[str, ...]:
    """exact → en → zh_Hant, without repeats."""
    chain = [content_locale]
    chain.extend(loc for loc in CONTENT_FALLBACKS if loc not in chain)
    return tuple(chain)


def best_language(accept: list[tuple[str, float]]) -> str:
    """The URL language for an Accept-Language list of (tag, quality), best first.

    Any Chinese tag goes to Traditional Chinese, the only Chinese the store writes.
    """
    for tag, quality in sorted(accept, key=lambda item: -item[1]):
        if quality <= 0:
            continue
        primary = tag.replace("_", "-").split("-")[0].lower()
        if primary == "zh":
            return "zh-hant"
        if primary in LANGUAGES:
            return primary
    return DEFAULT_LANGUAGE


def _market_of_tag(tag: str, markets: Collection[str]) -> str | None:
    """The store market a BCP 47 tag points at: its region when it names one, else the region
    CLDR says the language (and script) is most likely written in (ms → MY, zh-Hant → TW)."""
    subtags = tag.replace("_", "-").split("-")
    language = subtags[0].lower()
    if not language.isalpha() or not 2 <= len(language) <= 8:
        return None  # "*", or a private-use tag ("x-...")
    script = None
    for subtag in subtags[1:]:
        if len(subtag) == 1:
            break  # an extension or private-use part follows
        if len(subtag) == 4 and subtag.isalpha() and script is None:
            script = subtag.title()
        elif (len(subtag) == 2 and subtag.isalpha()) or (len(subtag) == 3 and subtag.isdigit()):
            region = subtag.upper()
            return region if region in markets else None
    likely = get_global("likely_subtags")
    full = (script and likely.get(f"{language}_{script}")) or likely.get(language)
    if full is None:
        return None
    region = full.split("_")[-1]
    return region if region in markets else None


def market_from_accept_language(
    accept: list[tuple[str, float]], markets: Collection[str]
) -> str | None:
    """The market a browser's Accept-Language points at, or None when it names none of ours.

    Tags are read best quality first (the header's order among equals); the first whose region
    is one of the store's markets wins: en-PH → PH, zh-MY → MY, en-SG → SG. A tag without a
    region counts where its language is most likely written (ms → MY, th → TH; en → US and zh →
    CN name no market of ours). A tag of quality 0 is one the browser refuses.
    """
    for tag, quality in sorted(accept, key=lambda item: -item[1]):
        if quality <= 0:
            continue
        market = _market_of_tag(tag, markets)
        if market is not None:
            return market
    return None
