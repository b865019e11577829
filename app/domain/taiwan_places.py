"""Taiwan's 22 cities and counties, named in each language the store speaks.

Vendors type their city in English and Chinese (Vendor.city_en, city_zh_hant) as they please:
"Chiayi", "Taipei City", "台北", "臺北市". `find()` recognises those spellings so that a Thai
reader sees "เจียอี้" rather than "Chiayi"; a city it does not know is shown as typed.

Thai names are the transliterations Thai media use (ไทเป, ไถจง, เกาสง, ฮวาเหลียน...); Malay
writes the English names. A county that shares its name with a city (Hsinchu, Chiayi) keeps
its "County" (縣, เทศมณฑล); the bare name means the city, as it does in speech.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    #: the English name, lower case: a stable key
    key: str
    #: "municipality" (直轄市), "city" (市) or "county" (縣)
    kind: str
    #: the name shown to readers, per content locale (en, th, ms, zh_Hant)
    names: dict[str, str]
    #: other spellings vendors type: older romanisations, former names
    aliases: tuple[str, ...] = ()
    #: a county named like a city: only "... County" / "...縣" names it
    shares_name: bool = False

    def name(self, content_locale: str) -> str:
        return self.names.get(content_locale) or self.names["en"]


def _place(kind, en, th, zh, *aliases, shares_name=False) -> Place:
    names = {"en": en, "th": th, "ms": en, "zh_Hant": zh}
    return Place(en.casefold(), kind, names, aliases, shares_name)


PLACES: tuple[Place, ...] = (
    _place("municipality", "Taipei", "ไทเป", "臺北", "Taibei"),
    _place("municipality", "New Taipei", "นิวไทเป", "新北", "Xinbei", "Taipei County", "臺北縣"),
    _place("municipality", "Taoyuan", "เถาหยวน", "桃園"),
    _place("municipality", "Taichung", "ไถจง", "臺中", "Taizhong"),
    _place("municipality", "Tainan", "ไถหนาน", "臺南"),
    _place("municipality", "Kaohsiung", "เกาสง", "高雄", "Gaoxiong"),
    _place("city", "Keelung", "จีหลง", "基隆", "Jilong", "Chilung"),
    _place("city", "Hsinchu", "ซินจู๋", "新竹", "Xinzhu"),
    _place("city", "Chiayi", "เจียอี้", "嘉義", "Jiayi"),
    _place("county", "Hsinchu County", "เทศมณฑลซินจู๋", "新竹縣", "Xinzhu County", shares_name=True),
    _place("county", "Miaoli", "เหมียวลี่", "苗栗"),
    _place("county", "Changhua", "จางฮว่า", "彰化", "Zhanghua"),
    _place("county", "Nantou", "หนานโถว", "南投"),
    _place("county", "Yunlin", "หยุนหลิน", "雲林"),
    _place("county", "Chiayi County", "เทศมณฑลเจียอี้", "嘉義縣", "Jiayi County", shares_name=True),
    _place("county", "Pingtung", "ผิงตง", "屏東", "Pingdong"),
    _place("county", "Yilan", "อี๋หลาน", "宜蘭", "Ilan"),
    _place("county", "Hualien", "ฮวาเหลียน", "花蓮", "Hualian"),
    _place("county", "Taitung", "ไถตง", "臺東", "Taidong"),
    _place("county", "Penghu", "เผิงหู", "澎湖", "Pescadores"),
    _place("county", "Kinmen", "จินเหมิน", "金門", "Jinmen", "Quemoy"),
    _place("county", "Lienchiang", "เหลียนเจียง", "連江", "Lianjiang", "Matsu", "馬祖"),
)

#: what may follow a name: "Taipei City", "臺北市", "Yilan County", "宜蘭縣"
_SUFFIXES = ("city", "county", "市", "縣")
_NOISE = re.compile(r"[\s\-‐–'’.,·]+")
#: 台 is the everyday form of 臺; some vendors type Simplified characters
_VARIANTS = str.maketrans(
    {
        "台": "臺",
        "县": "縣",
        "义": "義",
        "兰": "蘭",
        "莲": "蓮",
        "东": "東",
        "门": "門",
        "马": "馬",
        "连": "連",
        "园": "園",
        "云": "雲",
    }
)


def _fold(text: str) -> str:
    """Case, width, spaces, hyphens and 台/臺 do not matter."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_VARIANTS)
    return _NOISE.sub("", text)


def _index() -> dict[str, Place]:
    """Folded spelling → place. Names and aliases as written come first, so that "Taipei
    County" (New Taipei's former name) is not taken for Taipei with a suffix."""
    index: dict[str, Place] = {}
    for place in PLACES:
        for spelling in (place.names["en"], place.names["zh_Hant"], *place.aliases):
            index[_fold(spelling)] = place
    for place in PLACES:
        if place.shares_name:
            continue
        for spelling in (place.names["en"], place.names["zh_Hant"], *place.aliases):
            for suffix in _SUFFIXES:
                index.setdefault(_fold(spelling) + suffix, place)
    return index


_BY_SPELLING = _index()


def find(*texts: str | None) -> Place | None:
    """The place the first recognisable text names ("Taipei City", "台北", "Chiayi County"),
    or None."""
    for text in texts:
        if text:
            place = _BY_SPELLING.get(_fold(text))
            if place is not None:
                return place
    return None
