"""Taiwan's cities and counties, and the spellings vendors type for them."""

import pytest

from app.domain import taiwan_places
from app.domain.taiwan_places import PLACES, find

LOCALES = ("en", "th", "ms", "zh_Hant")


def test_the_gazetteer_holds_taiwans_22_cities_and_counties_named_in_every_language():
    assert len(PLACES) == 22
    assert len({place.key for place in PLACES}) == 22
    kinds = [place.kind for place in PLACES]
    assert (kinds.count("municipality"), kinds.count("city"), kinds.count("county")) == (6, 3, 13)
    for place in PLACES:
        for locale in LOCALES:
            assert place.name(locale).strip(), (place.key, locale)
        # Thai readers get Thai script, Chinese readers Chinese
        assert all("\u0e00" <= ch <= "\u0e7f" or not ch.isalpha() for ch in place.name("th"))
        assert all("\u4e00" <= ch <= "\u9fff" for ch in place.name("zh_Hant"))
    for locale in LOCALES:
        assert len({place.name(locale) for place in PLACES}) == 22, locale


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Chiayi", "chiayi"),
        ("chiayi city", "chiayi"),
        ("  CHIAYI  ", "chiayi"),
        ("嘉義", "chiayi"),
        ("嘉義市", "chiayi"),
        ("嘉义", "chiayi"),  # Simplified
        ("Chiayi County", "chiayi county"),
        ("嘉義縣", "chiayi county"),
        ("Taipei", "taipei"),
        ("Taipei City", "taipei"),
        ("Taipei-City", "taipei"),
        ("台北", "taipei"),
        ("台北市", "taipei"),
        ("臺北市", "taipei"),
        ("Ｔａｉｐｅｉ", "taipei"),  # full-width, as some Chinese keyboards type it
        ("New Taipei City", "new taipei"),
        ("新北市", "new taipei"),
        ("Taipei County", "new taipei"),  # its name before 2010
        ("Taichung", "taichung"),
        ("台中市", "taichung"),
        ("Tainan", "tainan"),
        ("台南", "tainan"),
        ("Kaohsiung City", "kaohsiung"),
        ("Keelung", "keelung"),
        ("Hsinchu", "hsinchu"),
        ("Hsinchu County", "hsinchu county"),
        ("新竹縣", "hsinchu county"),
        ("Hualien", "hualien"),
        ("Hualien County", "hualien"),
        ("Hualien City", "hualien"),  # the county seat
        ("花莲县", "hualien"),
        ("Yilan", "yilan"),
        ("Ilan", "yilan"),
        ("台東", "taitung"),
        ("Matsu", "lienchiang"),
        ("Kinmen", "kinmen"),
    ],
)
def test_spellings_vendors_type_find_their_place(typed, key):
    place = find(typed)
    assert place is not None, typed
    assert place.key == key


@pytest.mark.parametrize("typed", ["", None, "Lugu", "Tokyo", "Taipei 101", "County", "市"])
def test_anything_else_is_not_a_place(typed):
    assert find(typed) is None


def test_the_first_recognisable_text_wins():
    assert find("Lugu Township", "嘉義縣").key == "chiayi county"
    assert find("Chiayi", "新竹").key == "chiayi"
    assert find(None, "", "台南").key == "tainan"


@pytest.mark.parametrize(
    ("key", "names"),
    [
        ("taipei", {"en": "Taipei", "th": "ไทเป", "ms": "Taipei", "zh_Hant": "臺北"}),
        ("kaohsiung", {"en": "Kaohsiung", "th": "เกาสง", "ms": "Kaohsiung", "zh_Hant": "高雄"}),
        ("chiayi", {"en": "Chiayi", "th": "เจียอี้", "ms": "Chiayi", "zh_Hant": "嘉義"}),
        ("hualien", {"en": "Hualien", "th": "ฮวาเหลียน", "ms": "Hualien", "zh_Hant": "花蓮"}),
    ],
)
def test_names_as_thai_media_and_malaysian_readers_know_them(key, names):
    place = next(p for p in PLACES if p.key == key)
    assert {locale: place.name(locale) for locale in LOCALES} == names


def test_an_unknown_reader_language_gets_english():
    assert taiwan_places.find("台中").name("ja") == "Taichung"
