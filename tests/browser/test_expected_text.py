"""The browser tests' expected UI text comes from the .po catalogs and refuses to stand in for a
missing translation (the app's own gettext would quietly show English instead)."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog

from tests.browser import conftest
from tests.browser.conftest import MissingTranslation, ui_text


@pytest.fixture
def catalogs(monkeypatch):
    made = {}
    for lang, locale in conftest.CATALOG_DIRS.items():
        catalog = Catalog(locale=locale)
        catalog.add("Delivered to %(country)s", "ส่งถึง %(country)s")
        catalog.add(("%(num)d product", "%(num)d products"), ("%(num)d produk", "%(num)d produk"))
        catalog.add("Only English so far", "")
        catalog.add("Guessed by a tool", "คาดเดา", flags=["fuzzy"])
        made[lang] = catalog
    monkeypatch.setattr(conftest, "_catalog", made.__getitem__)
    return made


def test_translated_text_is_read_from_the_catalog_and_filled_in(catalogs):
    assert ui_text("th", "Delivered to %(country)s", country="Malaysia") == "ส่งถึง Malaysia"
    assert ui_text("en", "Delivered to %(country)s", country="Malaysia") == "Delivered to Malaysia"
    assert ui_text("ms", "%(num)d product", "%(num)d products", 3) == "3 produk"
    assert ui_text("en", "%(num)d product", "%(num)d products", 1) == "1 product"
    assert ui_text("en", "%(num)d product", "%(num)d products", 2) == "2 products"


@pytest.mark.parametrize(
    ("lang", "msgid", "why"),
    [
        ("th", "Only English so far", "untranslated"),
        ("th", "Guessed by a tool", "fuzzy"),
        ("th", "Not a message of the app", "not in the th catalog"),
        ("en", "Not a message of the app", "not in the"),
        ("en", "%(num)d product", "the test asks for"),
    ],
)
def test_missing_untranslated_or_fuzzy_text_fails(catalogs, lang, msgid, why):
    with pytest.raises(MissingTranslation, match=why):
        ui_text(lang, msgid)
