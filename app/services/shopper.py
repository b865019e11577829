"""Who is looking at the store: the language of catalog text, the market (currency, tax and
shipping rules) and the day. Every storefront read takes one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.services.reference import MarketInfo, Reference


@dataclass(frozen=True)
class Shopper:
    """Who is looking: decides language of text, currency and market rules."""

    content_locale: str
    market: MarketInfo
    ref: Reference
    today: date
