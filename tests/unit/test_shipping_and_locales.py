import pytest

from app.domain.locales import best_language, fallback_chain
from app.domain.shipping import ShippingRate, parcel_fee_twd

RATE = ShippingRate(first_kg_twd=250, extra_kg_twd=160)


@pytest.mark.parametrize(
    ("weight", "fee"),
    [
        (1, 250),
        (999, 250),
        (1000, 250),
        (1001, 410),
        (2000, 410),
        (2001, 570),
        (10_000, 250 + 9 * 160),
    ],
)
def test_parcel_fee_is_the_first_kilogram_then_each_started_one(weight, fee):
    assert parcel_fee_twd(weight, RATE) == fee


def test_a_parcel_weighs_something():
    with pytest.raises(ValueError, match=r"^a parcel weighs something$"):
        parcel_fee_twd(0, RATE)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ([("th-TH", 1.0), ("en", 0.8)], "th"),
        ([("ms", 1.0)], "ms"),
        ([("zh-TW", 1.0)], "zh-hant"),
        ([("zh-CN", 1.0)], "zh-hant"),
        ([("zh-Hant-HK", 0.9)], "zh-hant"),
        ([("fr-FR", 1.0), ("ms-MY", 0.5)], "ms"),
        ([("de", 1.0)], "en"),
        ([], "en"),
        ([("en", 0.2), ("th", 0.9)], "th"),
        ([("th", 0)], "en"),
    ],
)
def test_best_language_from_accept_language(accept, expected):
    assert best_language(accept) == expected


def test_content_falls_back_to_english_then_chinese():
    assert fallback_chain("th") == ("th", "en", "zh_Hant")
    assert fallback_chain("en") == ("en", "zh_Hant")
    assert fallback_chain("zh_Hant") == ("zh_Hant", "en")
