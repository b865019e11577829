"""Language in the URL, Babel locale selection, and the shopper's market."""

from __future__ import annotations

from babel import support
from flask import Flask, after_this_request, current_app, g, has_app_context, request, session
from flask_babel import Babel, Domain, get_babel, get_locale
from werkzeug.routing import BaseConverter

from app.domain.locales import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Language,
    market_from_accept_language,
)


class LangConverter(BaseConverter):
    """Matches only the store's URL language prefixes."""

    regex = "|".join(sorted(LANGUAGES, key=len, reverse=True))


class StoreDomain(Domain):
    """Loads catalogs by language-and-script too.

    The Chinese UI runs in Babel locale zh_Hant_TW (DESIGN.md) while its catalog is
    translations/zh_Hant; gettext's own lookup would try only zh_Hant_TW and zh.
    """

    def get_translations(self):
        if not has_app_context():
            return support.NullTranslations()
        locale = get_locale()
        if locale is None:
            return support.NullTranslations()
        key = str(locale)
        try:
            return self.cache[key]
        except KeyError:
            pass
        names = [key]
        if locale.script:
            names.append(f"{locale.language}_{locale.script}")
        names.append(locale.language)
        translations = support.Translations()
        for dirname in get_babel().translation_directories:
            catalog = support.Translations.load(dirname, names, self.domain[0])
            translations.merge(catalog)
            if hasattr(catalog, "plural"):
                translations.plural = catalog.plural
        self.cache[key] = translations
        return translations


def current_language() -> Language:
    return LANGUAGES.get(g.get("lang") or DEFAULT_LANGUAGE, LANGUAGES[DEFAULT_LANGUAGE])


def select_locale() -> str:
    return current_language().babel


def install_babel(app: Flask, babel: Babel) -> None:
    app.url_map.converters["lang"] = LangConverter
    babel.init_app(app, locale_selector=select_locale)
    get_babel(app).instance.domain_instance = StoreDomain()

    @app.url_value_preprocessor
    def _pull_lang(_endpoint, values):
        if values and "lang" in values:
            g.lang = values.pop("lang")

    @app.url_defaults
    def _add_lang(endpoint, values):
        if "lang" in values or not g.get("lang"):
            return
        if current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
            values["lang"] = g.lang


def language_from_path(path: str) -> str:
    """The URL language of a path, for pages rendered outside a matched route (404s)."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in LANGUAGES else DEFAULT_LANGUAGE


def market_code_for_request(market_codes: set[str]) -> str:
    """The shopper's chosen market; else the one their browser's region points at (en-PH →
    PH, zh-MY → MY); else the market their language implies.

    A page whose market came from Accept-Language says so with `Vary: Accept-Language`; a
    chosen market comes from the session cookie (Flask adds `Vary: Cookie`).
    """
    chosen = session.get("market")
    if chosen in market_codes:
        return chosen
    after_this_request(_vary_on_accept_language)
    accept = [(tag, quality) for tag, quality in request.accept_languages]
    detected = market_from_accept_language(accept, market_codes)
    return detected or current_language().default_market


def _vary_on_accept_language(response):
    response.vary.add("Accept-Language")
    return response
