"""The load benchmark's ceiling (`make bench`, bench/load.py): a page that renders the
storefront's product grid from 24 cards held in memory, the naive way: no query, no cache, and
every price formatted by Babel on every card of every request.

Each storefront figure of the benchmark is also a ratio to this page, served by the same server
minutes apart. Registered only when the config says BENCH_CEILING (bench/wsgi.py sets it); the
route does not exist in normal runs.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_currency
from flask import Flask, current_app
from jinja2 import Environment

from app.domain.money import Money, minor_unit
from app.services.catalog.storefront import Card, ImageRef
from app.services.i18n import Text
from app.services.paging import Window
from app.web.context import display_locale

URL = "/<lang:lang>/_bench/ceiling"
CARDS_SHOWN = 24

PAGE = """<!doctype html>
<html lang="{{ lang.code }}">
<head><meta charset="utf-8"><title>Ceiling</title></head>
<body><main>{% include "_partials/product_grid.html" %}</main></body>
</html>"""

#: the page, compiled in an environment of its own (built at the first request, once every
#: filter of the app is registered) whose `money` filter is the naive one
_page = None


def _naive_money(value: Money) -> str:
    """Babel on every call, as a page written without thought for speed would."""
    amount = Decimal(value.amount_minor).scaleb(-minor_unit(value.currency))
    return format_currency(amount, value.currency, locale=display_locale())


def _cards() -> list[Card]:
    names = ["ชาอู่หลงเขาสูง", "พายสับปะรด", "ซีอิ๊วหมักไม้", "ชาดำซันมูนเลค"]
    return [
        Card(
            id=n + 1,
            vendor_slug=f"taiwan-maker-{n % 7 + 13}",
            vendor_name=f"Taiwan Maker {n % 7 + 13}",
            handle=f"ceiling-product-{n + 1}",
            name=Text(f"{names[n % len(names)]} · ล็อต {n + 1}", "th", False),
            price=Money(12_345 + 1_111 * n, "THB"),
            in_stock=n % 5 != 4,
            halal=n % 6 == 0,
            image=ImageRef(f"{n:02x}" + "0" * 62, 480, 480),
            variant_id=100 + n if n % 3 else None,
        )
        for n in range(CARDS_SHOWN)
    ]


CARDS = _cards()
WINDOW = Window(
    start=1, end=CARDS_SHOWN, total=8_000, after="ceiling", before=None, has_previous=False
)


def _template():
    global _page
    if _page is None:
        base: Environment = current_app.jinja_env
        environment = base.overlay(cache_size=50)
        environment.filters = {**base.filters, "money": _naive_money}
        _page = environment.from_string(PAGE)
    return _page


def register(app: Flask) -> None:
    if not app.config.get("BENCH_CEILING"):
        return

    @app.get(URL, endpoint="bench_ceiling")
    def bench_ceiling():
        context = {"cards": CARDS, "window": WINDOW}
        app.update_template_context(context)
        return _template().render(context)
