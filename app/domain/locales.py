"""Languages the store speaks, and how URL prefixes, Babel locales and content rows relate."""

from __future__ import annotations

from dataclasses import dataclass


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
CONTENT_LOCALES = ("en", "zh_Hant", "th", "ms")
#: Catalog text shown when the shopper's own language is missing, in this order.
CONTENT_FALLBACKS = ("en", "zh_Hant")


def fallback_chain(content_locale: str) -> tuple[str, ...]:
    """exact → en → zh_Hant, without repeats."""
    chain = [content_locale]
    chain.extend(loc for loc in CONTENT_FALLBACKS if loc not in chain)
    return tuple(chain)


def language_for_content(content_locale: str) -> Language:
    for lang in LANGUAGES.values():
        if lang.content == content_locale:
            return lang
    raise KeyError(content_locale)


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
