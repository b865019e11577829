"""Ids read from URLs, bounded as `app.domain.ids` explains: a number past the 32-bit range
names nothing, so it is a 404 or an absent parameter instead of a database error."""

from __future__ import annotations

from flask import request
from werkzeug.routing import IntegerConverter

from app.domain.ids import INT_MAX, parse_id


def id_arg(name: str) -> int | None:
    """A positive id from the query string, or None when it is missing or cannot be an id."""
    return parse_id(request.args.get(name))


class IdConverter(IntegerConverter):
    """`<int:...>` in routes: at most INT_MAX, so a longer number is a 404 like any unknown id."""

    def __init__(self, url_map, fixed_digits=0, min=None, max=INT_MAX, signed=False) -> None:
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)
