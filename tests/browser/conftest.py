"""Browser fixtures: a live demo store on 127.0.0.1 and Debian's chromium driven by Playwright.

The live server runs a separate app on its own database (never the `db` fixture's connection:
its outer transaction would hide the data from the server thread). Every browser context serves
the htmx CDN URL from the pinned npm copy, so the page's SRI hash is really checked, and aborts
every other request that leaves 127.0.0.1.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import flask_migrate
import pytest
from flask import Flask, g
from sqlalchemy import func, select, text
from werkzeug.serving import WSGIRequestHandler, make_server

from app import create_app
from app.extensions import db as _db
from app.services import cache
from tests import factories

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
#: Products the demo loads, and tea products added on top so /c/tea needs "Load more".
DEMO_PRODUCTS = 60
EXTRA_TEA_PRODUCTS = 30


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


@dataclass(frozen=True)
class VariantFacts:
    id: int
    labels: dict[str, str]


@dataclass(frozen=True)
class DemoFacts:
    """What the live store holds, read from its database once."""

    #: path after the language prefix, e.g. /products/<vendor>/<handle>
    multi_variant_path: str
    variants: list[VariantFacts]


@dataclass
class LiveServer:
    app: Flask
    base_url: str
    facts: DemoFacts

    def url(self, path: str) -> str:
        return self.base_url + path

    def listed_in(self, category_slug: str) -> int:
        """Products listed in a category now (other tests may have added some)."""
        from app.models import Category, Product

        with self.app.app_context():
            category = _db.session.scalar(select(Category.id).where(Category.slug == category_slug))
            count = _db.session.scalar(
                select(func.count())
                .select_from(Product)
                .where(Product.category_id == category, Product.status == "active")
            )
            _db.session.remove()
        return count

    def gettext(self, lang: str, message: str, **variables) -> str:
        """UI text as the app renders it in `lang` (works before and after translations land)."""
        from flask_babel import gettext

        with self.app.test_request_context(f"/{lang}/"):
            g.lang = lang  # what the URL value preprocessor sets on a real request
            return gettext(message, **variables)

    def market_name(self, lang: str, code: str) -> str:
        from app.web.context import market_name

        with self.app.test_request_context(f"/{lang}/"):
            g.lang = lang
            return market_name(code)


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


def _add_tea_products(count: int) -> None:
    """More tea than one listing page holds, through the same factories the web tests use."""
    from app.models import Vendor

    make = factories.Factories(_db)
    vendor = _db.session.scalars(select(Vendor).order_by(Vendor.id)).first()
    for n in range(1, count + 1):
        make.product(
            vendor=vendor,
            category="tea",
            handle=f"browser-test-tea-{n}",
            names={"en": f"Browser test tea {n}", "th": f"ชาทดสอบ {n}"},
            variants=[{"price_twd": 300 + n * 10, "stock": 5, "weight_g": 150}],
        )


def _read_facts() -> DemoFacts:
    from app.models import Product, Vendor

    products = _db.session.scalars(
        select(Product).join(Vendor).where(Product.status == "active").order_by(Product.id)
    ).all()
    chosen = None
    for product in products:
        variants = sorted(product.variants, key=lambda v: v.position)
        in_stock = [v for v in variants if v.stock > 0]
        if len(in_stock) > 1 and len({v.price_twd for v in in_stock}) == len(in_stock):
            chosen = (product, in_stock)
            break
    assert chosen, "the demo store has no product with two in-stock variants at different prices"
    product, variants = chosen
    vendor = _db.session.get(Vendor, product.vendor_id)
    return DemoFacts(
        multi_variant_path=f"/products/{vendor.slug}/{product.handle}",
        variants=[
            VariantFacts(id=v.id, labels={t.locale: t.label for t in v.translations})
            for v in variants
        ],
    )


@pytest.fixture(scope="session")
def live_server(tmp_path_factory, smtp_sink) -> Iterator[LiveServer]:
    reason = missing_requirements()
    if reason:
        pytest.skip(reason)
    from app.demo import loader

    media_root = str(tmp_path_factory.mktemp("live-media"))
    with _live_database(tmp_path_factory) as database_url:
        app = create_app(
            "testing",
            SQLALCHEMY_DATABASE_URI=database_url,
            MEDIA_ROOT=media_root,
            RATELIMIT_STORAGE_URI="memory://",
            MAIL_SERVER="127.0.0.1",
            MAIL_PORT=smtp_sink.port,
        )
        try:
            with app.app_context():
                flask_migrate.upgrade()
                loader.load(products=DEMO_PRODUCTS, vendors=12, media_root=media_root)
                _add_tea_products(EXTRA_TEA_PRODUCTS)
                _db.session.commit()
                facts = _read_facts()
                _db.session.remove()
            cache.invalidate_all()

            server = make_server(
                "127.0.0.1", 0, app, threaded=True, request_handler=_QuietRequestHandler
            )
            thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
            thread.start()
            try:
                yield LiveServer(
                    app=app, base_url=f"http://127.0.0.1:{server.server_port}", facts=facts
                )
            finally:
                server.shutdown()
                thread.join(timeout=10)
                server.server_close()
        finally:
            with app.app_context():
                _db.session.remove()
                _db.engine.dispose()


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
