"""Anonymous storefront pages served from memory (issue 16; DESIGN.md, Speed).

A page an anonymous shopper sees is the same for every such shopper of one (host, URL,
language, market, day and minute, htmx target) until the catalog or the reference data change,
except for the form token each shopper's forms carry. So each app process keeps the pages it
rendered: the render's CSRF token is replaced by a marker when the page is kept, and every
response gets the shopper's own token back in its place (one `bytes.join`). Rendering, queries
and price formatting are skipped; compression still runs per response.

Kept fresh by the same signals as every other cache (services.cache): a product change
(services.catalog.events), an operator's change to zones, vendors or listings, a new rate or
tax rule raise a stamp that empties this store in the writing process at its commit and in
every other process within a second. The store's clock minute is part of the key, so zones
scheduled to open or close do so on time; a timed safety net (PAGE_CACHE_SECONDS) bounds the
rest.

Never kept: a signed-in person's page, a guest's with something in the session the page shows
(a cart, a message waiting, remembered orders), a response other than a 200 HTML page, or one
that sets a cookie of its own.

ETag: a hash of the kept page and the session's token. A browser revalidating its copy gets
304 while neither changed: its copy's token is still its session's (tokens live as long as the
session, WTF_CSRF_TIME_LIMIT = None). Pages stay `private, no-cache` (app.web), so shared
caches never hold one shopper's token.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from flask import Response, current_app, g, make_response, request, session
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from app.services import cache, clock
from app.web.context import shopper
from app.web.htmx import wants_fragment

#: session keys an anonymous page does not show (the token is swapped per response; the
#: market is part of the key; Flask-Login's freshness and session id are its bookkeeping); a
#: session with any other key gets its page rendered
_UNSEEN_SESSION_KEYS = frozenset({"csrf_token", "market", "_permanent", "_fresh", "_id"})
_TOKEN_FIELD = "csrf_token"  # noqa: S105 - a session key, not a secret
#: response headers the kept page keeps (the rest are set per response by after_request)
_KEPT_HEADERS = ("Content-Type", "Content-Language")
HIT_HEADER = "X-Page-Cache"


@dataclass(frozen=True)
class KeptPage:
    #: the body cut where the form token was (one part when the page has no form)
    parts: tuple[bytes, ...]
    headers: tuple[tuple[str, str], ...]
    vary: frozenset[str]
    digest: str
    kept_at: float

    @property
    def size(self) -> int:
        return sum(len(part) for part in self.parts)


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


def page(render: Callable[[], Response | str]) -> Response:
    """The page `render` makes, from the store when an anonymous shopper's copy is kept."""
    seconds = float(current_app.config.get("PAGE_CACHE_SECONDS", 0))
    if seconds <= 0 or not _anonymous_request():
        return make_response(render())
    key = _key()
    kept = store.get(key, seconds)
    state = "hit"
    if kept is None:
        response = make_response(render())
        kept = _keepable(response)
        if kept is None:
            return response
        store.put(key, kept, int(current_app.config.get("PAGE_CACHE_BYTES", 0)))
        state = "miss"
    return _respond(kept, state)


def _anonymous_request() -> bool:
    if request.method not in ("GET", "HEAD") or current_user.is_authenticated:
        return False
    return set(session.keys()) <= _UNSEEN_SESSION_KEYS


def _key() -> tuple:
    who = shopper()
    headers = request.headers
    fragment = wants_fragment()
    return (
        request.host,
        request.full_path,
        g.get("lang"),
        who.market.code,
        clock.now().replace(second=0, microsecond=0),
        fragment,
        headers.get("HX-Trigger") if fragment else None,
        headers.get("HX-Target") if fragment else None,
    )


def _keepable(response: Response) -> KeptPage | None:
    if (
        response.status_code != 200
        or response.mimetype != "text/html"
        or response.is_streamed
        or "Set-Cookie" in response.headers
    ):
        return None
    body = response.get_data()
    token = g.get(_TOKEN_FIELD)
    parts = tuple(body.split(token.encode())) if token else (body,)
    return KeptPage(
        parts=parts,
        headers=tuple(
            (name, response.headers[name]) for name in _KEPT_HEADERS if name in response.headers
        ),
        vary=frozenset(response.vary),
        digest=hashlib.blake2b(b"\0".join(parts), digest_size=16).hexdigest(),
        kept_at=time.monotonic(),
    )


def _respond(kept: KeptPage, state: str) -> Response:
    if len(kept.parts) > 1:
        # this shopper's own token (starting their session when they have none yet)
        body = generate_csrf().encode().join(kept.parts)
        validator = f"{kept.digest}{session[_TOKEN_FIELD]}".encode()
        etag = hashlib.blake2b(validator, digest_size=16).hexdigest()
    else:
        body, etag = kept.parts[0], kept.digest
    response = Response(body, status=200)
    for name, value in kept.headers:
        response.headers[name] = value
    response.vary.update(kept.vary)
    response.headers[HIT_HEADER] = state
    response.set_etag(etag)
    return response.make_conditional(request)
