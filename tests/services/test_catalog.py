"""Listings, keyset paging, visibility, text fallback and the halal badge rule."""

from datetime import UTC, date, datetime, timedelta

import pytest

from app.services import clock, reference
from app.services.catalog import browse
from app.services.catalog import storefront as catalog
from app.services.catalog.storefront import Sort
from app.services.shopper import Shopper
from tests.factories import halal


def shopper(language="en", market="SG"):
    ref = reference.get()
    content = {"en": "en", "th": "th", "ms": "ms", "zh-hant": "zh_Hant"}[language]
    return Shopper(content, ref.markets[market], ref, clock.today())


@pytest.fixture
def tea(db):
    return reference.get().category_by_slug("tea")


def walk(category, sort, who, size):
    """Every page of a category listing, following the "Next" cursors, then back from the
    last page along the "Previous" ones: the same pages, in reverse."""
    seen, listing = [], browse.category(category, sort, who, size=size)
    for _ in range(100):
        seen.append([card.id for card in listing.cards])
        if listing.window.after is None:
            break
        listing = browse.category(category, sort, who, after=listing.window.after, size=size)
    else:
        raise AssertionError("cursor never ended")
    back = [[card.id for card in listing.cards]]
    while listing.window.has_previous:
        before = listing.window.before  # None: the previous page is the first
        listing = browse.category(category, sort, who, before=before, size=size)
        back.append([card.id for card in listing.cards])
    assert back == seen[::-1], "Previous pages differ from the pages walked forwards"
    return seen


def test_keyset_pages_cover_everything_once_in_order(db, make, tea):
    vendor = make.vendor()
    base = datetime(2026, 1, 1, tzinfo=UTC)
    prices = [300, 120, 120, 999, 450, 120, 80]
    products = [
        make.product(
            vendor,
            variants=[{"price_twd": price, "stock": 1}],
            published_at=base + timedelta(hours=i % 3),
        )  # ties on purpose
        for i, price in enumerate(prices)
    ]
    who = shopper()
    newest = walk(tea, Sort.NEWEST, who, size=3)
    assert [len(page) for page in newest] == [3, 3, 1]
    flat = [pid for page in newest for pid in page]
    expected = sorted(products, key=lambda p: (p.published_at, p.id), reverse=True)
    assert flat == [p.id for p in expected]

    cheapest = [pid for page in walk(tea, Sort.PRICE_ASC, who, size=2) for pid in page]
    assert cheapest == [p.id for p in sorted(products, key=lambda p: (p.min_price_twd, p.id))]
    dearest = [pid for page in walk(tea, Sort.PRICE_DESC, who, size=4) for pid in page]
    assert dearest == [
        p.id for p in sorted(products, key=lambda p: (p.min_price_twd, p.id), reverse=True)
    ]


def test_a_bad_cursor_starts_from_the_first_page(db, make, tea):
    make.product()
    page = browse.category(tea, Sort.NEWEST, shopper(), after="not-a-cursor!!")
    assert len(page.cards) == 1


def test_only_active_products_of_approved_vendors_are_listed(db, make, tea):
    shown = make.product(make.vendor())
    make.product(make.vendor(), status="draft")
    make.product(make.vendor(), status="unlisted")
    make.product(make.vendor(status="pending"))
    make.product(make.vendor(status="suspended"))
    page = browse.category(tea, Sort.NEWEST, shopper())
    assert [card.id for card in page.cards] == [shown.id]


def test_names_fall_back_to_english_then_chinese(db, make, tea):
    both = make.product(names={"en": "Pineapple Cake", "th": "ขนมพายสับปะรด"})
    english = make.product(names={"en": "Sun Cake", "zh_Hant": "太陽餅"})
    chinese = make.product(names={"zh_Hant": "牛軋糖"})
    cards = {card.id: card for card in browse.category(tea, Sort.NEWEST, shopper("th", "TH")).cards}
    assert (cards[both.id].name.value, cards[both.id].name.is_fallback) == ("ขนมพายสับปะรด", False)
    assert (cards[english.id].name.value, cards[english.id].name.locale) == ("Sun Cake", "en")
    assert cards[english.id].name.is_fallback
    assert (cards[chinese.id].name.value, cards[chinese.id].name.html_lang) == ("牛軋糖", "zh-Hant")


def test_prices_are_converted_to_the_market_currency(db, make, tea):
    make.product(variants=[{"price_twd": 450, "stock": 3}])
    th = browse.category(tea, Sort.NEWEST, shopper("th", "TH")).cards[0]
    tw = browse.category(tea, Sort.NEWEST, shopper("zh-hant", "TW")).cards[0]
    # base data: 1.0321 THB per TWD, as of 2026-11-01
    assert (th.price.amount_minor, th.price.currency) == (46445, "THB")
    assert (tw.price.amount_minor, tw.price.currency) == (45000, "TWD")


@pytest.mark.parametrize(
    ("body", "expires_in_days", "market", "badge"),
    [
        ("THIDA", 30, "TH", True),
        ("THIDA", 30, "MY", True),  # recognised by JAKIM
        ("TW-HALAL-NET", 30, "TH", True),  # valid certificate: shown outside Malaysia
        ("TW-HALAL-NET", 30, "MY", False),  # not on the recognised list
        ("thida", 30, "MY", True),  # codes compare case-insensitively
        ("THIDA", -1, "TH", False),  # expired yesterday
        ("THIDA", 0, "MY", True),  # valid through its expiry date
    ],
)
def test_halal_badge(db, make, tea, body, expires_in_days, market, badge):
    expiry = clock.today() + timedelta(days=expires_in_days)
    make.product(**halal(body, expiry))
    card = browse.category(tea, Sort.NEWEST, shopper("en", market)).cards[0]
    assert card.halal is badge


def test_product_without_certificate_number_gets_no_badge(db, make, tea):
    make.product(halal_body="THIDA", halal_expires=date(2030, 1, 1))
    assert browse.category(tea, Sort.NEWEST, shopper()).cards[0].halal is False


def test_product_detail_picks_text_per_locale_and_estimates_landed_cost(db, make):
    vendor = make.vendor(slug="alishan")
    make.product(
        vendor,
        handle="oolong",
        names={"en": "High Mountain Oolong", "th": "ชาอู่หลงเขาสูง"},
        descriptions={"en": "Rolled by hand."},
        variants=[
            {"price_twd": 680, "stock": 0, "weight_g": 260, "labels": {"en": "150 g"}},
            {
                "price_twd": 1300,
                "stock": 5,
                "weight_g": 480,
                "labels": {"en": "300 g", "th": "300 กรัม"},
            },
        ],
    )
    who = shopper("th", "TH")
    view = catalog.product_detail("alishan", "oolong", who)
    assert view.name.value == "ชาอู่หลงเขาสูง"
    assert view.description.is_fallback
    assert view.description.locale == "en"
    assert [(v.label.value, v.in_stock) for v in view.variants] == [
        ("150 g", False),
        ("300 กรัม", True),
    ]
    estimate = catalog.estimate_for(view, view.variants[1], who)
    # NT$1,300 → ฿1,341.73; 480 g is the first kilogram, NT$250 → ฿258.03 (base data:
    # 1.0321 THB per TWD). DESIGN.md, Landed cost: Thailand has no threshold; tea pays 90%
    # duty on goods + shipping (1,599.76 → 1,439.78), then VAT 7% on goods + shipping + duty
    # (3,039.54 → 212.77)
    assert estimate.goods.amount_minor == 134173
    assert estimate.shipping.amount_minor == 25803
    assert [(line.name, line.amount.amount_minor) for line in estimate.lines] == [
        ("Import duty, Tea", 143978),
        ("VAT", 21277),
    ]
    assert catalog.product_detail("alishan", "nope", who) is None
    assert catalog.product_detail("other", "oolong", who) is None
