import pytest

from app.domain.locales import best_language, fallback_chain
from app.domain.money import Money
from app.domain.shipping import WeightBand, parcel_fee

BANDS = [WeightBand(500, Money(18000, "THB")), WeightBand(1000, Money(26000, "THB"))]
EXTRA = Money(15000, "THB")


@pytest.mark.parametrize(
    ("weight", "fee"),
    [
        (1, 18000),
        (500, 18000),
        (501, 26000),
        (1000, 26000),
        (1001, 41000),
        (2000, 41000),
        (2001, 56000),
    ],
)
def test_parcel_fee_by_band_then_per_started_kilogram(weight, fee):
    assert parcel_fee(weight, BANDS, EXTRA) == Money(fee, "THB")


def test_parcel_without_weight_or_rates_is_an_error():
    with pytest.raises(ValueError, match="weighs"):
        parcel_fee(0, BANDS, EXTRA)
    with pytest.raises(ValueError, match="no shipping rates"):
        parcel_fee(100, [], EXTRA)


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
