"""Storefront pages served from memory (issue 16; DESIGN.md, Speed).

A storefront page is the same for every guest of one (host, URL, language, market, day, the
zones running, htmx target) until the catalog or the reference data change, except for what is
the shopper's own: the form token, the header's cart and account links, and a message waiting for
them. So each app process keeps the pages it rendered with those parts left as holes: the
render's CSRF token and the `personal()` parts of the templates become markers when the page is
kept, and every response fills them for its shopper (a few lines of template and a
`bytes.join`). Rendering the page, its queries and its price formatting are skipped;
compression still runs per response.

Kept fresh by the same signals as every other cache (services.cache): a product change
(services.catalog.events), an operator's change to zones, vendors or listings, a new rate or
tax rule raise a stamp that empties this store in the writing process at its commit and in
every other process within a second. How many zone starts and ends have passed is part of
the key (services.zones.schedule_epoch), so zones scheduled to open or close do so on time; a
timed safety net (PAGE_CACHE_SECONDS) bounds the rest (an "only 3 left" that a sale without a
sell-out changed).

Signed-in people always get their page rendered (Cache-Control: no-store, app.web.sessions),
as does a response other than a 200 HTML page, or one that sets a cookie of its own.

ETag: a hash of the kept page, the session's token and the filled holes. A browser revalidating
its copy gets 304 while none changed: its copy's token is still its session's (tokens live as
long as the session, WTF_CSRF_TIME_LIMIT = None). Pages stay `private, no-cache` (app.web), so
shared caches never hold one shopper's token.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from flask import Response, current_app, g, make_response, render_template, request, session
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from app.services import cache, clock, zones
from app.web.context import shopper
from app.web.htmx import wants_fragment

_TOKEN_FIELD = "csrf_token"  # noqa: S105 - a session key, not a secret
#: the shopper's own parts of a page (templates call personal(name)), and their templates
PERSONAL = {
    "account_nav": "_partials/account_nav.html",
    "flashes": "_partials/flashes.html",
}
#: parts of pages kept apart, for the pages rendered for each shopper (`fragment`)
FRAGMENTS = {"header": "_partials/header.html"}
#: where a hole is in a page being kept: a comment no escaped text can spell (random per
#: process, so that not even a vendor's raw HTML could)
_MARKER = "<!--hole-" + secrets.token_hex(8) + "-{}-->"
_TOKEN_SLOT = "csrf"  # noqa: S105 - a slot name, not a secret
_KEEPING = "page_cache_keeping"
#: response headers the kept page keeps (the rest are set per response by after_request)
_KEPT_HEADERS = ("Content-Type", "Content-Language")
HIT_HEADER = "X-Page-Cache"


@dataclass(frozen=True)
class KeptPage:
    #: the body, with the name of each hole (the token, a PERSONAL part) where it goes
    pieces: tuple[bytes | str, ...]
    headers: tuple[tuple[str, str], ...]
    vary: frozenset[str]
    digest: str
    kept_at: float

    @property
    def size(self) -> int:
        return sum(len(piece) for piece in self.pieces)


class PageStore:
    """Pages by key, least recently used out first once the byte budget is spent."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pages: OrderedDict[tuple, KeptPage] = OrderedDict()
        self._bytes = 0

    def get(self, key: tuple, max_age: float) -> KeptPage | None:
        with self._lock:
            page = self._pages.get(key)
            if page is None:
                return None
            if time.monotonic() - page.kept_at >= max_age:
                self._drop(key)
                return None
            self._pages.move_to_end(key)
            return page

    def put(self, key: tuple, page: KeptPage, budget: int) -> None:
        if page.size > budget:
            return
        with self._lock:
            if key in self._pages:
                self._drop(key)
            self._pages[key] = page
            self._bytes += page.size
            while self._bytes > budget:
                self._drop(next(iter(self._pages)))

    def _drop(self, key: tuple) -> None:
        self._bytes -= self._pages.pop(key).size

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._pages)


store = PageStore()
cache.register(store.clear)  # emptied whenever any cached data changes


def personal(name: str) -> Markup:
    """A part of the page that is the shopper's own: a hole in a page being kept, else the
    part itself (templates call it; pages outside the store render it at once)."""
    template = PERSONAL[name]  # only the named parts: a template cannot make up a marker
    if g.get(_KEEPING):
        return Markup(_MARKER.format(name))  # noqa: S704 - our own comment, no outside text
    return Markup(render_template(template))  # noqa: S704 - an autoescaped template's output


def fragment(name: str) -> Markup:
    """A part of a page rendered for each shopper (the cart, checkout, an account page) that
    is the same for every shopper of one (URL, language, market) save its holes: the header,
    with its categories, language links and market form, rendered once and kept like a page
    (its holes filled per response). In a page being kept, or with nothing kept, the part is
    rendered with the page."""
    template = FRAGMENTS[name]
    seconds = float(current_app.config.get("PAGE_CACHE_SECONDS", 0))
    if seconds <= 0 or g.get(_KEEPING):
        return Markup(render_template(template))  # noqa: S704 - an autoescaped template's output
    key = ("fragment", name, request.method, *_whose())
    kept = store.get(key, seconds)
    if kept is None:
        setattr(g, _KEEPING, True)
        try:
            body = render_template(template).encode()
        finally:
            g.pop(_KEEPING, None)
        kept = _kept(_cut(body))
        store.put(key, kept, int(current_app.config.get("PAGE_CACHE_BYTES", 0)))
    body, _filled = _fill(kept.pieces)
    return Markup(body.decode())  # noqa: S704 - our own kept render, its holes filled by templates


def page(render: Callable[[], Response | str]) -> Response:
    """The page `render` makes, from the store when a copy for this kind of guest is kept."""
    seconds = float(current_app.config.get("PAGE_CACHE_SECONDS", 0))
    if seconds <= 0 or request.method not in ("GET", "HEAD") or current_user.is_authenticated:
        return make_response(render())
    key = _key()
    kept = store.get(key, seconds)
    state = "hit"
    if kept is None:
        g.setdefault(_KEEPING, True)
        try:
            response = make_response(render())
        finally:
            g.pop(_KEEPING, None)
        kept = _keepable(response)
        if kept is None:
            return _filled_at_once(response)
        store.put(key, kept, int(current_app.config.get("PAGE_CACHE_BYTES", 0)))
        state = "miss"
    return _respond(kept, state)


def _whose() -> tuple:
    """The kind of guest a page or a fragment is kept for: host, URL, language, market."""
    return (request.host, request.full_path, g.get("lang"), shopper().market.code)


def _key() -> tuple:
    headers = request.headers
    fragment = wants_fragment()
    return (
        *_whose(),
        # what changes with time alone: the day (certificates expire, rates come into force)
        # and which zones run (each start and end, not every minute)
        clock.today(),
        zones.schedule_epoch(clock.now()),
        fragment,
        headers.get("HX-Trigger") if fragment else None,
        headers.get("HX-Target") if fragment else None,
    )


def _cut(body: bytes) -> tuple[bytes | str, ...]:
    """The body split at its holes: the render's token and each PERSONAL marker."""
    slots = {_MARKER.format(name).encode(): name for name in PERSONAL}
    token = g.get(_TOKEN_FIELD)
    if token:
        slots[token.encode()] = _TOKEN_SLOT
    pieces: list[bytes | str] = [body]
    for marker, name in slots.items():
        cut: list[bytes | str] = []
        for piece in pieces:
            if isinstance(piece, str):
                cut.append(piece)
                continue
            parts = piece.split(marker)
            for index, part in enumerate(parts):
                if index:
                    cut.append(name)
                cut.append(part)
        pieces = cut
    return tuple(piece for piece in pieces if piece != b"")


def _keepable(response: Response) -> KeptPage | None:
    if (
        response.status_code != 200
        or response.mimetype != "text/html"
        or response.is_streamed
        or "Set-Cookie" in response.headers
    ):
        return None
    return _kept(
        _cut(response.get_data()),
        headers=tuple(
            (name, response.headers[name]) for name in _KEPT_HEADERS if name in response.headers
        ),
        vary=frozenset(response.vary),
    )


def _kept(pieces, headers=(), vary=frozenset()) -> KeptPage:
    digest = hashlib.blake2b(digest_size=16)
    for piece in pieces:
        digest.update(piece if isinstance(piece, bytes) else b"\0" + piece.encode() + b"\0")
    return KeptPage(
        pieces=pieces,
        headers=headers,
        vary=vary,
        digest=digest.hexdigest(),
        kept_at=time.monotonic(),
    )


def _filled_at_once(response: Response) -> Response:
    """A response not kept (an error page, a redirect...) with its holes filled."""
    if response.is_streamed or response.direct_passthrough or response.mimetype != "text/html":
        return response
    body = response.get_data()
    for name in PERSONAL:
        marker = _MARKER.format(name).encode()
        if marker in body:
            body = body.replace(marker, render_template(PERSONAL[name]).encode())
    response.set_data(body)
    return response


def _fill(pieces) -> tuple[bytes, dict[str, bytes]]:
    """(the kept body with its holes filled for this shopper, what each hole got)."""
    filled: dict[str, bytes] = {}
    for piece in pieces:
        if isinstance(piece, str) and piece not in filled:
            if piece == _TOKEN_SLOT:
                # this shopper's own token (starting their session when they have none yet)
                filled[piece] = generate_csrf().encode()
            else:
                filled[piece] = render_template(PERSONAL[piece]).encode()
    return b"".join(filled[p] if isinstance(p, str) else p for p in pieces), filled


def _respond(kept: KeptPage, state: str) -> Response:
    body, filled = _fill(kept.pieces)
    validator = hashlib.blake2b(kept.digest.encode(), digest_size=16)
    for name in sorted(filled):
        # the token's slot by the session's lasting token, not the signed one of this request
        own = session.get(_TOKEN_FIELD, "").encode() if name == _TOKEN_SLOT else filled[name]
        validator.update(b"\0" + name.encode() + b"\0" + own)
    response = Response(body, status=200)
    for name, value in kept.headers:
        response.headers[name] = value
    response.vary.update(kept.vary)
    response.headers[HIT_HEADER] = state
    response.set_etag(validator.hexdigest())
    return response.make_conditional(request)
