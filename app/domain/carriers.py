"""Carriers a vendor in Taiwan ships a parcel with, per destination market: how their tracking
numbers look and where a shopper follows one.

Numbers are checked only where a carrier publishes a format: Chunghwa Post's international
items follow the UPU S10 standard (two letters, eight digits and a check digit, "TW"); DHL
Express waybills have 10 digits; FedEx 12; UPS "1Z" and 16 letters or digits; SF Express 12;
T-Cat (黑貓宅急便) 12 digits. "Other" takes any number the vendor types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

OTHER = "other"


@dataclass(frozen=True)
class Carrier:
    code: str
    name: str
    #: a full-match pattern for its tracking numbers (None: not checked)
    pattern: str | None
    #: where a shopper follows a number ({number} is filled in), if the carrier has a page
    link: str | None


CARRIERS: dict[str, Carrier] = {
    c.code: c
    for c in (
        Carrier(
            "chunghwa_post",
            "Chunghwa Post (中華郵政)",
            r"[A-Z]{2}\d{9}TW",
            "https://postserv.post.gov.tw/pstmail/main_mail.html?targetTxn=EB500100&MAILNO={number}",
        ),
        Carrier(
            "dhl",
            "DHL Express",
            r"\d{10}",
            "https://www.dhl.com/tw-en/home/tracking.html?tracking-id={number}",
        ),
        Carrier("fedex", "FedEx", r"\d{12}", "https://www.fedex.com/fedextrack/?trknbr={number}"),
        Carrier("ups", "UPS", r"1Z[0-9A-Z]{16}", "https://www.ups.com/track?tracknum={number}"),
        Carrier(
            "sf",
            "SF Express (順豐)",
            r"(SF)?\d{12}",
            "https://www.sf-express.com/tw/en/dynamic_function/waybill/#search/bill-number/{number}",
        ),
        Carrier(
            "tcat",
            "T-Cat (黑貓宅急便)",
            r"\d{12}",
            "https://www.t-cat.com.tw/Inquire/Trace.aspx?no={number}",
        ),
        Carrier(OTHER, "Other", None, None),
    )
}

#: what ships from Taiwan to each market (domestic carriers for Taiwan itself)
BY_MARKET: dict[str, tuple[str, ...]] = {
    "TH": ("chunghwa_post", "dhl", "fedex", "ups", "sf", OTHER),
    "MY": ("chunghwa_post", "dhl", "fedex", "ups", "sf", OTHER),
    "SG": ("chunghwa_post", "dhl", "fedex", "ups", "sf", OTHER),
    "PH": ("chunghwa_post", "dhl", "fedex", "ups", "sf", OTHER),
    "TW": ("tcat", "chunghwa_post", "sf", OTHER),
}


def for_market(market: str) -> list[Carrier]:
    return [CARRIERS[code] for code in BY_MARKET.get(market, (OTHER,))]


def normalise_number(number: str) -> str:
    """Tracking numbers are printed in groups and copied with spaces: compare them bare."""
    return re.sub(r"[\s-]", "", number or "").upper()


def check_tracking(carrier_code: str, number: str, market: str) -> str | None:
    """None when the carrier and number will do, else a code: carrier.unknown,
    tracking.required, tracking.format."""
    if carrier_code not in BY_MARKET.get(market, ()):
        return "carrier.unknown"
    bare = normalise_number(number)
    if not bare or len(bare) > 40:
        return "tracking.required"
    carrier = CARRIERS[carrier_code]
    if carrier.pattern and not re.fullmatch(carrier.pattern, bare):
        return "tracking.format"
    if carrier.code == "chunghwa_post" and not s10_check_digit_ok(bare):
        return "tracking.format"
    return None


def s10_check_digit_ok(number: str) -> bool:
    """UPU S10: the ninth digit checks the first eight (weights 8 6 4 2 3 5 9 7, mod 11)."""
    digits = [int(d) for d in number[2:10]]
    check = int(number[10])
    remainder = 11 - sum(d * w for d, w in zip(digits, (8, 6, 4, 2, 3, 5, 9, 7), strict=True)) % 11
    expected = {10: 0, 11: 5}.get(remainder, remainder)
    return check == expected


def tracking_link(carrier_code: str | None, number: str | None) -> str | None:
    carrier = CARRIERS.get(carrier_code or "")
    if carrier is None or not carrier.link or not number:
        return None
    return carrier.link.format(number=quote(normalise_number(number)))
