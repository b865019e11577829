"""Pages speak the shopper's language: Thai, Malay and Traditional Chinese UI text on screen.

The expected words are read from translations/<locale>/LC_MESSAGES/messages.po, while the app
reads the compiled .mo files; pages that show English here mean the catalogs were not compiled
(`make i18n-compile`) or the app did not find them (the Chinese UI runs in Babel locale
zh_Hant_TW and its catalog lives in zh_Hant: see StoreDomain in app/web/i18n.py).
"""

import html
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app.models.user import Role
from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
#: URL prefix → catalog directory
LANGUAGES = {"th": "th", "ms": "ms", "zh-hant": "zh_Hant"}
PRODUCT = "/{lang}/products/alishan-leaf/high-mountain-oolong"

# page → (path, UI messages that page shows); each is a msgid of the catalogs
PAGES = {
    "home": ("/{lang}/", ["Skip to main content", "Search", "Sign in", "Shop by category"]),
    "category": ("/{lang}/c/tea", ["Sort by", "Price: low to high", "Newest"]),
    "product": (PRODUCT, ["Estimated cost of one item", "Shipping fee", "Product description"]),
    "search": ("/{lang}/search?q=oolong", ["Best match", "Show only", "Apply filters"]),
    "sign-in": ("/{lang}/account/sign-in", ["Sign in", "Password", "Sign up"]),
}
PORTAL_MESSAGES = ["Vendor portal", "Bulk listing", "Add a product", "Translation gaps"]


@cache
def catalog(locale: str):
    with (ROOT / "translations" / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=locale)


def translation(locale: str, msgid: str, may_read_the_same: bool = False) -> str:
    message = catalog(locale).get(msgid)
    assert message is not None, f"{msgid!r} is not in the {locale} catalog"
    assert message.string, f"{msgid!r} is not translated in {locale}"
    assert not message.fuzzy, f"{msgid!r} is fuzzy in {locale}"
    # a word the language borrows as it is would prove nothing: pick another message
    assert may_read_the_same or message.string != msgid, f"{msgid!r} reads the same in {locale}"
    return message.string


def _as_words(text: str) -> re.Pattern:
    """`text` standing alone (not inside a longer word such as "SearchAction")."""
    return re.compile(rf"(?<![\w-]){re.escape(text)}(?![\w-])")


def assert_speaks(page: str, lang: str, msgids: list[str]) -> None:
    locale = LANGUAGES[lang]
    text = html.unescape(page)
    english = []
    for msgid in msgids:
        translated = translation(locale, msgid)
        if translated not in text or _as_words(msgid).search(text):
            english.append(f"{msgid!r} (want {translated!r})")
    compiled = ROOT / "translations" / locale / "LC_MESSAGES" / "messages.mo"
    hint = "" if compiled.exists() else f"; {compiled} is missing: run make i18n-compile"
    assert not english, f"/{lang}/ shows English instead of {locale}: {english}{hint}"


@pytest.fixture
def shop(make):
    vendor = make.vendor(
        slug="alishan-leaf", name_en="Alishan Leaf Tea Co.", name_zh_hant="阿里山葉茶坊"
    )
    owner = make.user(Role.VENDOR, email="owner@alishan.example.com", vendor=vendor)
    make.product(
        vendor,
        handle="high-mountain-oolong",
        category="tea",
        names={
            "en": "High Mountain Oolong",
            "th": "ชาอู่หลงเขาสูง",
            "ms": "Teh Oolong Gunung Tinggi",
            "zh_Hant": "高山烏龍茶",
        },
        descriptions={"en": "Rolled by hand.", "zh_Hant": "手工揉捻。"},
        variants=[{"price_twd": 680, "stock": 4, "labels": {"en": "150 g can"}}],
    )
    return vendor, owner


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_storefront_pages_show_the_translated_interface(client, shop, page, lang):
    path, msgids = PAGES[page]
    response = client.get(path.format(lang=lang))
    assert response.status_code == 200
    assert_speaks(response.get_data(as_text=True), lang, msgids)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_title_and_description_are_translated(client, shop, lang):
    """What search engines and link previews show for the page."""
    page = html.unescape(client.get(f"/{lang}/").get_data(as_text=True))
    locale = LANGUAGES[lang]
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    heading = translation(locale, "Good goods from Taiwan's makers")
    # the brand keeps its English name in Thai and Malay (台北好物館 in Chinese)
    brand = translation(locale, "Taipei Good Goods", may_read_the_same=True)
    assert title == f"{heading} | {brand}"
    description = re.search(r'<meta name="description" content="([^"]*)"', page).group(1)
    assert description == translation(
        locale,
        "Tea, pineapple cake, sauces and crafts from Taiwan's makers, delivered to your door. "
        "Import tax is paid at checkout, so nothing is due on delivery.",
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_vendor_portal_dashboard_shows_the_translated_interface(browser, shop, lang):
    _vendor, owner = shop
    browser.sign_in(owner.email, PASSWORD, lang=lang)
    response = browser.get(f"/{lang}/vendor/")
    assert response.status_code == 200
    assert_speaks(response.get_data(as_text=True), lang, PORTAL_MESSAGES)


def test_english_pages_stay_english(client, shop):
    """The control: the same pages in English show the messages themselves."""
    for path, msgids in PAGES.values():
        text = html.unescape(client.get(path.format(lang="en")).get_data(as_text=True))
        for msgid in msgids:
            assert _as_words(msgid).search(text), (path, msgid)
