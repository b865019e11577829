"""Browser fixtures: a live demo store on 127.0.0.1 and Debian's chromium driven by Playwright.

The live server runs a separate app on its own database (never the `db` fixture's connection:
its outer transaction would hide the data from the server thread). Every browser context serves
the htmx CDN URL from the pinned npm copy, so the page's SRI hash is really checked, and aborts
every other request that leaves 127.0.0.1.

The store starts as the demo store; tests build what they use on top of it with the test
factories (`live_server.build()`), under names of their own, so no test leans on a demo login,
slug or label. Expected UI text comes from the .po catalogs (`live_server.text()`): a missing
or fuzzy translation fails the test instead of showing English.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from gettext import c2py
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import flask_migrate
import pytest
from babel import Locale as BabelLocale
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from flask import Flask
from sqlalchemy import select, text
from werkzeug.serving import WSGIRequestHandler, make_server

from app import create_app
from app.extensions import db as _db
from app.services import cache
from tests import factories
from tests.tools import require_tool

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
HTMX_FILE = ROOT / "node_modules/htmx.org/dist/htmx.min.js"
AXE_FILE = ROOT / "node_modules/axe-core/axe.min.js"
ARTIFACTS = ROOT / "tests/artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Products the demo loads (the live store is the demo store, plus what each test builds).
DEMO_PRODUCTS = 60
#: the live server's Stripe webhook signing secret (localstripe signs with it)
LIVE_WEBHOOK_SECRET = "whsec_test_live_server"  # noqa: S105 - tests only
#: URL language -> the directory of its gettext catalog in translations/ (English is the msgid)
CATALOG_DIRS = {"th": "th", "ms": "ms", "zh-hant": "zh_Hant"}
#: URL language -> Babel locale, as DESIGN.md lists them (for CLDR country names)
BABEL_LOCALES = {"en": "en", "th": "th", "ms": "ms", "zh-hant": "zh_Hant_TW"}
#: URL language -> locale key of catalog text rows (product names, category names...)
CONTENT_LOCALES = {"en": "en", "th": "th", "ms": "ms", "zh-hant": "zh_Hant"}


def missing_requirements() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return (
            f"{CHROMIUM} is missing: install Debian's chromium (`apt-get install chromium`) "
            "or run `.ci/run`, which installs it"
        )
    for path in (HTMX_FILE, AXE_FILE):
        if not path.exists():
            return f"{path.relative_to(ROOT)} is missing: run `npm ci` (or `make test`)"
    return None


class MissingTranslation(AssertionError):
    """A message a test expects on the page is missing, untranslated or fuzzy in a catalog."""


@functools.cache
def _catalog(lang: str) -> Catalog:
    path = ROOT / "translations" / CATALOG_DIRS[lang] / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=CATALOG_DIRS[lang])


def _message(lang: str, msgid: str, plural: str | None) -> Message:
    message = _catalog(lang).get(msgid)
    if message is None:
        raise MissingTranslation(f"{msgid!r} is not in the {lang} catalog")
    wanted = (msgid, plural) if plural is not None else msgid
    if message.id != wanted:
        raise MissingTranslation(f"{lang} catalog has {message.id!r}, the test asks for {wanted!r}")
    return message


def ui_text(lang: str, msgid: str, plural: str | None = None, num: int | None = None, **variables):
    """UI text as a reader of `lang` should see it, read from translations/<locale>/.../
    messages.po rather than from the app's own gettext (which falls back to English, so a
    missing translation would go unnoticed). English is the msgid; it must still be a message
    of the catalogs, so a typo in a test fails here instead of as a timeout."""
    if lang == "en":
        for other in CATALOG_DIRS:
            _message(other, msgid, plural)
        string = msgid if plural is None or num == 1 else plural
    else:
        message = _message(lang, msgid, plural)
        strings = message.string if plural is not None else (message.string,)
        if message.fuzzy or not all(strings):
            state = "fuzzy" if message.fuzzy else "untranslated"
            raise MissingTranslation(f"{msgid!r} is {state} in the {lang} catalog")
        catalog = _catalog(lang)
        index = c2py(catalog.plural_expr)(num) if plural is not None else 0
        string = strings[index]
    if num is not None:
        variables.setdefault("num", num)
    return string % variables if variables else string


@dataclass
class LiveServer:
    app: Flask
    base_url: str

    def url(self, path: str) -> str:
        return self.base_url + path

    def text(self, lang: str, msgid: str, **variables) -> str:
        """UI text in `lang` from the .po catalog; fails when it is missing or fuzzy there."""
        return ui_text(lang, msgid, **variables)

    def ntext(self, lang: str, singular: str, plural: str, num: int, **variables) -> str:
        """Like ngettext: the plural form for `num`, from the .po catalog."""
        return ui_text(lang, singular, plural, num, **variables)

    def country(self, lang: str, code: str) -> str:
        """A country's name in `lang`, as CLDR (through Babel) spells it."""
        return BabelLocale.parse(BABEL_LOCALES[lang]).territories[code]

    @contextmanager
    def build(self) -> Iterator[factories.Factories]:
        """The test factories on the live store's database. What they make is committed on
        leaving the block, so read what the test needs (ids, slugs) inside it."""
        with self.app.app_context():
            try:
                yield factories.Factories(_db)
                _db.session.commit()
            finally:
                _db.session.remove()
        cache.invalidate_all()

    def category_name(self, slug: str, lang: str) -> str:
        """A category's name in `lang` (catalog data the base migration ships, not UI text)."""
        from app.models import Category, CategoryTranslation

        with self.app.app_context():
            name = _db.session.scalar(
                select(CategoryTranslation.name)
                .join(Category, Category.id == CategoryTranslation.category_id)
                .where(Category.slug == slug, CategoryTranslation.locale == CONTENT_LOCALES[lang])
            )
            _db.session.remove()
        assert name, f"category {slug!r} has no {lang} name"
        return name


class _QuietRequestHandler(WSGIRequestHandler):
    """No access log: failed requests are reported by the browser side of the tests."""

    def log_request(self, *args, **kwargs) -> None:
        pass


@contextmanager
def _live_database(tmp_path_factory) -> Iterator[str]:
    """The live server's own database: a throwaway PostgreSQL database when DATABASE_URL
    names a PostgreSQL server (dropped afterwards), else a SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgresql", "postgres://")):
        yield f"sqlite:///{tmp_path_factory.mktemp('live-db') / 'live.sqlite3'}"
        return
    from tests.conftest import _postgres_test_database

    test_url, admin, name = _postgres_test_database(url)
    try:
        yield test_url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory, smtp_sink, localstripe) -> Iterator[LiveServer]:
    reason = missing_requirements()
    if reason:
        require_tool(reason)
    from app.demo import loader

    media_root = str(tmp_path_factory.mktemp("live-media"))
    with _live_database(tmp_path_factory) as database_url:
        app = create_app(
            "testing",
            SQLALCHEMY_DATABASE_URI=database_url,
            MEDIA_ROOT=media_root,
            PRIVATE_MEDIA_ROOT=str(tmp_path_factory.mktemp("live-private-media")),
            RATELIMIT_STORAGE_URI="memory://",
            MAIL_SERVER="127.0.0.1",
            MAIL_PORT=smtp_sink.port,
            # payments go to the session's localstripe, whose Stripe.js stand-in the payment
            # page loads from 127.0.0.1 (so the routing below lets it through)
            STRIPE_API_BASE=localstripe.url,
            STRIPE_JS_URL=f"{localstripe.url}/js.stripe.com/v3/",
            STRIPE_SECRET_KEY="sk_test_localstripe",
            STRIPE_PUBLISHABLE_KEY="pk_test_localstripe",
            STRIPE_WEBHOOK_SECRET=LIVE_WEBHOOK_SECRET,
        )
        try:
            with app.app_context():
                flask_migrate.upgrade()
                loader.load(products=DEMO_PRODUCTS, vendors=12, media_root=media_root)
                _db.session.commit()
                _db.session.remove()
            cache.invalidate_all()

            server = make_server(
                "127.0.0.1", 0, app, threaded=True, request_handler=_QuietRequestHandler
            )
            thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
            thread.start()
            try:
                yield LiveServer(app=app, base_url=f"http://127.0.0.1:{server.server_port}")
            finally:
                server.shutdown()
                thread.join(timeout=10)
                server.server_close()
        finally:
            with app.app_context():
                _db.session.remove()
                _db.engine.dispose()


@pytest.fixture
def stripe_webhooks(live_server, localstripe):
    """localstripe's webhooks go to the live server, signed with its secret. Registered per
    test: localstripe keeps one registration, and other tests of the session point it at
    their own receivers."""
    secret = live_server.app.config["STRIPE_WEBHOOK_SECRET"]
    localstripe.register_webhook(live_server.url("/webhooks/stripe"), secret)
    yield localstripe
    localstripe.forget_webhooks()


@pytest.fixture(autouse=True)
def _fresh_reference_cache():
    """Reference data is cached per process; the web tests' database is another one."""
    cache.invalidate_all()
    yield
    cache.invalidate_all()


@pytest.fixture(scope="session")
def chromium(live_server):
    # Started after the live server: the demo loader forks workers to draw its pictures.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Visit:
    """One browser context and page, with what went wrong on it."""

    page: Page
    server: LiveServer
    shots: Path
    prefix: str
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    step: int = 0

    def goto(self, path: str):
        response = self.page.goto(self.server.url(path))
        assert response is not None
        assert response.status == 200, f"{path}: HTTP {response.status}"
        return response

    def shot(self, name: str) -> Path:
        self.step += 1
        path = self.shots / f"{self.prefix}-{self.step:02d}-{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def path(self) -> str:
        parts = urlsplit(self.page.url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def assert_clean(self) -> None:
        problems = self.console_errors + self.failed_requests
        assert not problems, "problems in the browser:\n" + "\n".join(problems)


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")


@pytest.fixture
def visit(request, chromium, live_server):
    """Opens a page in a fresh context: `visit(java_script_enabled=False, viewport=...)`."""
    htmx_url = live_server.app.config["HTMX_URL"]
    htmx_body = HTMX_FILE.read_bytes()
    prefix = _safe_name(request.node.name)
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob(f"{prefix}-*.png"):
        old.unlink()
    contexts = []

    def route(route_):
        url = route_.request.url
        if url == htmx_url:
            route_.fulfill(
                status=200,
                body=htmx_body,
                content_type="application/javascript",
                headers={"Access-Control-Allow-Origin": "*"},
            )
        elif urlsplit(url).hostname == "127.0.0.1":
            route_.continue_()
        else:
            route_.abort()

    def open_(**options) -> Visit:
        context = chromium.new_context(**options)
        contexts.append(context)
        context.route("**/*", route)
        page = context.new_page()
        page.set_default_timeout(10_000)
        found = Visit(
            page=page,
            server=live_server,
            shots=ARTIFACTS,
            prefix=prefix,
        )

        def on_console(message):
            if message.type == "error":
                found.console_errors.append(f"console error on {page.url}: {message.text}")

        def on_failed(req):
            host = urlsplit(req.url).hostname
            # Requests this fixture aborts on purpose leave 127.0.0.1; ERR_ABORTED is a
            # request the page itself dropped by navigating away.
            if (host == "127.0.0.1" or req.url == htmx_url) and req.failure != "net::ERR_ABORTED":
                found.failed_requests.append(f"request failed: {req.url} ({req.failure})")

        def on_response(response):
            if response.status >= 400 and urlsplit(response.url).hostname == "127.0.0.1":
                found.failed_requests.append(f"HTTP {response.status}: {response.url}")

        page.on("console", on_console)
        page.on("pageerror", lambda error: found.console_errors.append(f"page error: {error}"))
        page.on("requestfailed", on_failed)
        page.on("response", on_response)
        return found

    yield open_
    for context in contexts:
        context.close()
