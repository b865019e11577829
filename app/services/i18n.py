"""The one resolver of catalog text: exact locale → en → zh_Hant.

Templates never pick fallbacks themselves; they get a `Text` that knows which language it is
in, so pages can mark text shown in another language (and set its `lang` attribute).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.domain import taiwan_places
from app.domain.locales import CONTENT, fallback_chain


@dataclass(frozen=True)
class Text:
    value: str
    locale: str
    #: shown in another language than the page's
    is_fallback: bool

    @property
    def html_lang(self) -> str:
        return CONTENT[self.locale].html_lang

    def __str__(self) -> str:
        return self.value


def resolve_map(values: Mapping[str, str | None], content_locale: str) -> Text | None:
    """The best non-empty text in `values` (locale → text) for a reader of content_locale."""
    for locale in fallback_chain(content_locale):
        value = values.get(locale)
        if value and value.strip():
            return Text(value, locale, locale != content_locale)
    return None


def resolve(rows: Iterable, field: str, content_locale: str) -> Text | None:
    """Like resolve_map, over translation rows that have `locale` and `field` attributes."""
    return resolve_map({row.locale: getattr(row, field) for row in rows}, content_locale)


def resolve_city(city_en: str | None, city_zh_hant: str | None, content_locale: str) -> Text | None:
    """A vendor's city for a reader of content_locale: in the reader's language when it is one
    of Taiwan's cities and counties (domain.taiwan_places: "Chiayi", "嘉義市" → "เจียอี้"),
    else as the vendor typed it, English or Chinese, whichever the resolver prefers."""
    place = taiwan_places.find(city_en, city_zh_hant)
    if place is not None:
        return Text(place.name(content_locale), content_locale, False)
    return resolve_map({"en": city_en, "zh_Hant": city_zh_hant}, content_locale)
