"""The one place for htmx rules (STYLE.md, htmx)."""

from __future__ import annotations

from flask import Response, make_response, redirect, render_template, request
from jinja2_fragments.flask import render_block


def wants_fragment() -> bool:
    """An htmx request for part of a page; boosted and history-restore requests get pages."""
    headers = request.headers
    return (
        headers.get("HX-Request") == "true"
        and headers.get("HX-Boosted") != "true"
        and headers.get("HX-History-Restore-Request") != "true"
    )


def render_page_or_block(template: str, block: str, status: int = 200, **context) -> Response:
    if wants_fragment():
        body = render_block(template, block, **context)
    else:
        body = render_template(template, **context)
    response = make_response(body, status)
    response.vary.add("HX-Request")
    return response


def hx_redirect(location: str, code: int = 303) -> Response:
    """A redirect htmx follows as a full navigation instead of swapping it into a fragment."""
    if request.headers.get("HX-Request") == "true":
        response = make_response("", 204)
        response.headers["HX-Redirect"] = location
        return response
    return redirect(location, code=code)


def triggered_by(element_id: str) -> bool:
    """An htmx request made by the element with this id (htmx's HX-Trigger header)."""
    return wants_fragment() and request.headers.get("HX-Trigger") == element_id
