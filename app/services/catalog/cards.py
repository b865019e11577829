"""Product cards per (product, language, market, rate, day), cached per process.

Rendering dominates a page's cost (DESIGN.md), and listing pages, zones and search show the
same cards again and again. Writes forget the cards they change at once in this process
(services.product_events); other app processes see a change within the TTL.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from app.services.cache import register

TTL = 60.0
MAX_CARDS = 20_000

_lock = threading.Lock()
_cards: OrderedDict[tuple, tuple[float, object]] = OrderedDict()


def _key(product_id: int, shopper) -> tuple:
    rate = shopper.ref.rate_for(shopper.market.currency)
    return (product_id, shopper.content_locale, shopper.market.code, rate.rate, shopper.today)


def get_many(product_ids, shopper) -> tuple[dict[int, object], list[int]]:
    """(cached cards by product id, ids still to load)."""
    found, missing = {}, []
    now = time.monotonic()
    with _lock:
        for product_id in product_ids:
            key = _key(product_id, shopper)
            entry = _cards.get(key)
            if entry is not None and now - entry[0] < TTL:
                found[product_id] = entry[1]
                _cards.move_to_end(key)
            else:
                missing.append(product_id)
    return found, missing


def put_many(cards: dict[int, object], shopper) -> None:
    now = time.monotonic()
    with _lock:
        for product_id, card in cards.items():
            _cards[_key(product_id, shopper)] = (now, card)
        while len(_cards) > MAX_CARDS:
            _cards.popitem(last=False)


def forget(product_ids) -> None:
    ids = set(product_ids)
    if not ids:
        return
    with _lock:
        for key in [k for k in _cards if k[0] in ids]:
            del _cards[key]


def clear() -> None:
    with _lock:
        _cards.clear()


register(clear)  # cleared with every other cache
