"""Delivery addresses for the markets we ship to: what checkout stores, and what it refuses.

Pure: an address goes in as typed, `normalised` gives the form it is stored in, and `check`
reports every problem at once as (path, code, params), e.g. (("postal_code",),
"postal_code.format", example="10110"). The fields are the HTML autofill tokens (WHATWG HTML,
"Autofill": name, address-line1/2, address-level2, address-level1, postal-code, country, tel),
so a phone's autofill fills the form.

Sources, per market:
- Address shape, required parts and postal-code patterns: Google's libaddressinput metadata
  (the data behind Chrome's and Android's address forms; cpp/src/region_data_constants.cc and
  testdata/countryinfo.txt at commit e20690c, 2025), checked against each national post.
- Phone numbers: ITU-T E.164 and libphonenumber's resources/PhoneNumberMetadata.xml (commit
  f7e3e88, 2026): calling codes, international and trunk prefixes, national number lengths and
  leading digits, example numbers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale

from app.domain.plain_text import clean
from app.domain.problems import Problem, problem

MARKETS = ("TH", "MY", "SG", "PH", "TW")

#: the longest value each field keeps (the addresses and orders columns are this wide)
MAX_LENGTH = {
    "name": 120,
    "line1": 200,
    "line2": 200,
    "city": 100,
    "region": 100,
    "postal_code": 10,
    "phone": 32,
}


@dataclass(frozen=True)
class Address:
    #: autocomplete "name"
    name: str
    #: "address-line1": house number, building, street
    line1: str
    #: "address-line2" (optional): apartment, floor, unit
    line2: str
    #: "address-level2": city or district (Thai amphoe / khet, Taiwanese 區 / 鄉 / 鎮 / 市)
    city: str
    #: "address-level1": province or state; Taiwan's county or city (臺北市); optional in SG
    region: str
    #: "postal-code"
    postal_code: str
    #: "country": ISO 3166-1 alpha-2, must be the market's
    country: str
    #: "tel": as typed until normalised, then E.164 ("+66812345678")
    phone: str


@dataclass(frozen=True)
class MarketRules:
    region_required: bool
    postal_code: re.Pattern
    postal_example: str
    #: ITU-T E.164 country calling code
    calling_code: str
    #: national significant numbers of fixed lines and mobiles, by leading digits and length
    #: (Malaysia's 1300/1800 numbers have a mobile's shape and pass; other toll-free and
    #: premium ranges do not)
    national_number: re.Pattern
    #: "0" where numbers are dialled with a trunk prefix at home ("081-234-5678")
    trunk_prefix: str | None
    #: the market's own international prefixes besides ITU's "00" (carrier-select codes)
    international_prefix: re.Pattern | None
    phone_example: str


RULES = {
    # Thailand. Thailand Post: five digits, the first two the province, from 10 (Bangkok) to
    # 96 (Narathiwat); libaddressinput lists \d{5} (its per-province prefixes all fall in
    # 10-96, but it misses Bueng Kan's 38, so the range is checked, not a list). The format ends
    # "province postcode" (%S %Z), so the province is asked for.
    # Phones: +66, trunk 0, international 00[1-9]; fixed lines 8 digits (Bangkok 2 xxx xxxx,
    # 3x-7x provinces, 1[0689]), mobiles 9 digits (6x, 8x, 9x, 14x).
    "TH": MarketRules(
        region_required=True,
        postal_code=re.compile(r"(?:1\d|[2-8]\d|9[0-6])\d{3}"),
        postal_example="10110",
        calling_code="66",
        national_number=re.compile(r"[1-57]\d{7}|(?:14|[689]\d)\d{7}"),
        trunk_prefix="0",
        international_prefix=re.compile(r"00[1-9]"),
        phone_example="+66 81 234 5678",
    ),
    # Malaysia. Pos Malaysia: five digits (libaddressinput \d{5}; 01000 Perlis to 98859
    # Sarawak, so a leading 0 is real). libaddressinput's format has the state last (%S).
    # Phones: +60, trunk 0, international 00; mobiles 1x, 9 or 10 digits (012-345 6789,
    # 011-2345 6789); fixed lines 9 digits in the Klang Valley (03-2385 6789) and 8 elsewhere
    # (Penang 04-xxx xxxx, Johor 07-, Sabah 088-xx xxxx).
    "MY": MarketRules(
        region_required=True,
        postal_code=re.compile(r"\d{5}"),
        postal_example="50450",
        calling_code="60",
        national_number=re.compile(r"1\d{8,9}|3\d{8}|[4-9]\d{7}"),
        trunk_prefix="0",
        international_prefix=None,
        phone_example="+60 12 345 6789",
    ),
    # Singapore. SingPost: six digits (libaddressinput \d{6}, "require":"AZ": a city-state has
    # no province, so the region is optional).
    # Phones: +65, no trunk prefix, international 0[0-3]x (001, 002, 008, 018, 019...);
    # 8 digits: 6 fixed lines, 8 and 9 mobiles, 3 VoIP.
    "SG": MarketRules(
        region_required=False,
        postal_code=re.compile(r"\d{6}"),
        postal_example="546080",
        calling_code="65",
        national_number=re.compile(r"[3689]\d{7}"),
        trunk_prefix=None,
        international_prefix=re.compile(r"0[0-3]\d"),
        phone_example="+65 8123 4567",
    ),
    # Philippines. PHLPost ZIP codes: four digits (libaddressinput \d{4}, format "%Z %C / %S").
    # The province is asked for; Metro Manila (NCR, not a province) is written "Metro Manila",
    # as libaddressinput's list of PH areas has it.
    # Phones: +63, trunk 0, international 00; mobiles 10 digits (0905 123 4567, and the 81[37],
    # 89[5-8] ranges); fixed lines 9 digits: Metro Manila (02) 8xxx xxxx since 2019, provinces
    # a two-digit area code and seven digits ((032) 234 5678).
    "PH": MarketRules(
        region_required=True,
        postal_code=re.compile(r"\d{4}"),
        postal_example="1226",
        calling_code="63",
        national_number=re.compile(r"9\d{9}|8(?:1[37]|9[5-8])\d{7}|[2-8]\d{8}"),
        trunk_prefix="0",
        international_prefix=None,
        phone_example="+63 905 123 4567",
    ),
    # Taiwan. Chunghwa Post's 郵遞區號: three digits for the district (100 Zhongzheng, Taipei, to
    # 983 Fuli, Hualien), then 2 more (3+2, since 1991) or 3 more (3+3, since March 2020);
    # libaddressinput has \d{3}(\d{2})? from before 3+3. An address is written postcode,
    # county or city (臺北市, 花蓮縣), district (大安區), street: libaddressinput's format
    # "%Z%n%S%C%n%A" with "require":"ACSZ" and state_name_type "county". So address-level1 is
    # the county or city and required: district names repeat across counties (中正區 is in
    # Taipei and in Keelung, 東區 in Hsinchu, Chiayi and Tainan).
    # Phones: +886, trunk 0, international 002, 005, 006, 007, 009, 019; mobiles 09xx-xxx-xxx
    # (9 digits after the 0), fixed lines 8 or 9 ((02) 2345-6789, (03) 345-6789).
    "TW": MarketRules(
        region_required=True,
        postal_code=re.compile(r"[1-9]\d{2}(?:\d{2,3})?"),
        postal_example="100206",
        calling_code="886",
        national_number=re.compile(r"[2-8]\d{7,8}|9\d{8}"),
        trunk_prefix="0",
        international_prefix=re.compile(r"0(?:0[25-79]|19)"),
        phone_example="+886 912 345 678",
    ),
}

#: ITU-T E.164 country codes are prefix-free: 1 (North America) and 7 are one digit, these are
#: the two-digit ones, and every other code is three digits (the assigned list, as in
#: libphonenumber's metadata)
_TWO_DIGIT_CODE = re.compile(r"2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58]")
#: what people put between the digits of a phone number or a postal code
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―−.()/]")
#: CLDR names these two-letter regions, but they are not countries
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


def _rules(market: str) -> MarketRules:
    try:
        return RULES[market]
    except KeyError:
        raise ValueError(f"{market!r} is not a market we ship to") from None


def region_required(market: str) -> bool:
    """Whether the market's addresses need address-level1 (province, state, county)."""
    return _rules(market).region_required


def _single_line(text: str) -> str:
    """Trimmed, every run of white space (line breaks, ideographic spaces) one space."""
    return " ".join(clean(text).split())


def _ascii_digits(text: str) -> str:
    """Any script's decimal digits as ASCII: full-width １０６ from Taiwanese input methods,
    Thai ๑๐๑๑๐; letters and signs unchanged (after NFKC: full-width ＋ and － too)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def _postal_code(text: str) -> str:
    code = _ascii_digits(_single_line(text)).upper()
    digits = _SEPARATORS.sub("", code)
    # every market's codes are digits only: "106 01" and "10-110" are "10601" and "10110"
    return digits if digits.isascii() and digits.isdigit() else code


def _calling_code(digits: str) -> str | None:
    """The country calling code an international number starts with."""
    if not digits or digits[0] == "0":
        return None
    if digits[0] in "17":
        return digits[0]
    size = 2 if _TWO_DIGIT_CODE.fullmatch(digits[:2]) else 3
    return digits[:size] if len(digits) >= size else None


def _read_phone(raw: str, country: str) -> tuple[str | None, str | None]:
    """(E.164 number, None) for a number of `country`; (None, "1") for a number with another
    country's calling code; (None, None) when it is not a phone number."""
    rules = RULES.get(country)
    text = _SEPARATORS.sub("", _ascii_digits(_single_line(raw)))
    international = text.startswith("+")
    digits = text[1:] if international else text
    if rules is None or not digits.isascii() or not digits.isdigit():
        return None, None
    code = rules.calling_code

    def ours(national: str) -> str | None:
        # "+886 (0)2 2345 6789": the home trunk 0 written after the calling code
        if rules.trunk_prefix and national.startswith(rules.trunk_prefix):
            national = national[len(rules.trunk_prefix) :]
        return f"+{code}{national}" if rules.national_number.fullmatch(national) else None

    if not international:
        # "0066 81...", "00886 ...", or the market's own carrier prefix ("002 886 ...")
        if digits.startswith("00" + code):
            return ours(digits[2 + len(code) :]), None
        carrier = rules.international_prefix and rules.international_prefix.match(digits)
        if carrier and digits[carrier.end() :].startswith(code):
            return ours(digits[carrier.end() + len(code) :]), None
        if digits.startswith("00"):
            international, digits = True, digits[2:]
    if international:
        found = _calling_code(digits)
        if found is None:
            return None, None
        if found != code:
            return None, found
        return ours(digits[len(code) :]), None
    # dialled at home: "081-234-5678" (trunk 0), "6123 4567" (Singapore has none), or the
    # number without its trunk 0; else the calling code without its "+" ("66 81 234 5678")
    national = digits
    if rules.trunk_prefix and national.startswith(rules.trunk_prefix):
        national = national[len(rules.trunk_prefix) :]
    if rules.national_number.fullmatch(national):
        return f"+{code}{national}", None
    if digits.startswith(code):
        return ours(digits[len(code) :]), None
    return None, None


def phone_e164(raw: str, country: str) -> str | None:
    """The number in E.164 ("+66812345678"); None when it cannot be a phone number of
    `country` (or `country` is not one of our markets)."""
    return _read_phone(raw, country)[0]


def normalised(address: Address) -> Address:
    """The address as it is stored: control characters gone, spaces trimmed and collapsed,
    country and postal code upper-cased with ASCII digits, the phone in E.164 when it reads as
    a number of the address's country (else as typed, for `check` to refuse)."""
    country = unicodedata.normalize("NFKC", _single_line(address.country)).upper()
    phone = _single_line(address.phone)
    return Address(
        name=_single_line(address.name),
        line1=_single_line(address.line1),
        line2=_single_line(address.line2),
        city=_single_line(address.city),
        region=_single_line(address.region),
        postal_code=_postal_code(address.postal_code),
        country=country,
        phone=phone_e164(phone, country) or phone,
    )


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes, as CLDR (through Babel) names them."""
    names = Locale("en").territories
    return frozenset(c for c in names if len(c) == 2 and c.isalpha()) - _NOT_COUNTRIES


def check(address: Address, market: str) -> list[Problem]:
    """Every problem with a delivery address to `market` at once, one per field. The address
    may be as typed or normalised: it is judged normalised. Raises ValueError for a market
    we do not ship to."""
    rules = _rules(market)
    clean_address = normalised(address)
    required = {"name", "line1", "city", "postal_code", "country", "phone"}
    if rules.region_required:
        required.add("region")
    problems: list[Problem] = []
    for field in ("name", "line1", "line2", "city", "region", "postal_code", "country", "phone"):
        value = getattr(clean_address, field)
        limit = MAX_LENGTH.get(field)
        if not value:
            if field in required:
                problems.append(problem((field,), "required"))
        elif limit is not None and len(value) > limit:
            problems.append(problem((field,), "text.too_long", max=limit))
        elif field == "postal_code" and not rules.postal_code.fullmatch(value):
            problems.append(problem((field,), "postal_code.format", example=rules.postal_example))
        elif field == "country" and value not in _countries():
            problems.append(problem((field,), "country.format"))
        elif field == "country" and value != market:
            problems.append(problem((field,), "country.market", market=market))
        elif field == "phone":
            problems += _check_phone(value, market, rules)
    return problems


def _check_phone(phone: str, market: str, rules: MarketRules) -> list[Problem]:
    # the courier delivering in `market` calls it: a number of another country is refused,
    # even a valid one
    e164, foreign_code = _read_phone(phone, market)
    if foreign_code is not None:
        # (built whole: problem()'s own `code` argument would take the param's name)
        return [Problem(("phone",), "phone.country", (("code", foreign_code),))]
    if e164 is None:
        return [problem(("phone",), "phone.format", example=rules.phone_example)]
    return []
