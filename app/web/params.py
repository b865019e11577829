"""Numbers read from URLs: database ids are 32-bit, so a larger number names nothing.

Without the bound a URL such as `?after=99999999999999999999` reaches PostgreSQL, which refuses
the comparison ("integer out of range") and the shopper would see an error page.
"""

from __future__ import annotations

from flask import request
from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1


def id_arg(name: str) -> int | None:
    """A positive id from the query string, or None when it is missing or cannot be an id."""
    value = request.args.get(name, "")
    if not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


class IdConverter(IntegerConverter):
    """`<int:...>` in routes: at most MAX_ID, so a longer number is a 404 like any unknown id."""

    def __init__(self, url_map, fixed_digits=0, min=None, max=MAX_ID, signed=False) -> None:
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)
