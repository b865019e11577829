"""The one resolver of catalog text: exact locale → en → zh_Hant.

Templates never pick fallbacks themselves; they get a `Text` that knows which language it is
in, so pages can mark text shown in another language (and set its `lang` attribute).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

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
