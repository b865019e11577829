"""A live store for tests that need real HTTP: the app on a werkzeug threaded server on
127.0.0.1 over a throwaway database of its own (a PostgreSQL database when DATABASE_URL names a
PostgreSQL server, else a SQLite file), so localstripe's signed webhooks really arrive.

Never the `db` fixture's connection: its outer transaction would hide the test's data from the
server threads. Test code reads and writes the live database in short transactions
(`store.session()`): on SQLite a transaction outside a request starts with BEGIN IMMEDIATE, and
one left open would keep the server from writing.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import flask_migrate
from flask import Flask
from sqlalchemy import text
from werkzeug.serving import WSGIRequestHandler, make_server

from app import create_app
from app.extensions import db as _db
from app.services import cache
from tests import factories

WEBHOOK_PATH = "/webhooks/stripe"


@contextmanager
def throwaway_database(tmp_path_factory, name: str) -> Iterator[str]:
    """A database URL of its own, dropped (PostgreSQL) or left in tmp (SQLite) afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgresql", "postgres://")):
        yield f"sqlite:///{tmp_path_factory.mktemp(name) / 'store.sqlite3'}"
        return
    from tests.conftest import _postgres_test_database

    test_url, admin, db_name = _postgres_test_database(url)
    try:
        yield test_url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)'))
        admin.dispose()


def migrated_app(settings: dict, database_url: str, **overrides) -> Flask:
    """A test app on `database_url` with the schema and base data in place."""
    app = create_app(
        "testing", **{**settings, "SQLALCHEMY_DATABASE_URI": database_url, **overrides}
    )
    with app.app_context():
        flask_migrate.upgrade(revision="heads")
        _db.session.remove()
    cache.invalidate_all()
    return app


def stripe_signature(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """A Stripe-Signature header for `payload`, as Stripe (and localstripe) compute it."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), b"%d.%s" % (timestamp, payload), hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


@dataclass
class Delivery:
    """One POST to the webhook URL as it arrived: the exact bytes and signature."""

    body: bytes
    signature: str | None
    #: None while held (not passed to the app)
    status: int | None = None
    answer: dict | None = None

    @property
    def event(self) -> dict:
        return json.loads(self.body)


class WebhookTap:
    """WSGI middleware in front of the app that keeps every webhook delivery. While `holding`,
    deliveries are kept and answered 200 without reaching the app: Stripe's delivery is late,
    and the test hands it over (or replays it) when it chooses."""

    def __init__(self, app) -> None:
        self.app = app
        self.deliveries: list[Delivery] = []
        self.holding = False
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != WEBHOOK_PATH or environ.get("REQUEST_METHOD") != "POST":
            return self.app(environ, start_response)
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        delivery = Delivery(body, environ.get("HTTP_STRIPE_SIGNATURE"))
        if self.holding:
            with self._lock:
                self.deliveries.append(delivery)
            start_response("200 OK", [("Content-Type", "application/json")])
            return [b'{"held": true}']
        environ["wsgi.input"] = io.BytesIO(body)
        status: list[str] = []

        def capture(status_line, headers, exc_info=None):
            status.append(status_line)
            return start_response(status_line, headers, exc_info)

        result = self.app(environ, capture)
        try:
            content = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        delivery.status = int(status[0].split()[0])
        try:
            delivery.answer = json.loads(content)
        except ValueError:
            delivery.answer = None
        with self._lock:
            self.deliveries.append(delivery)
        return [content]

    def find(self, event_type: str, intent_id: str) -> Delivery | None:
        with self._lock:
            for delivery in self.deliveries:
                try:
                    event = delivery.event
                except ValueError:
                    continue
                obj = (event.get("data") or {}).get("object") or {}
                if event.get("type") == event_type and obj.get("id") == intent_id:
                    return delivery
        return None


class _QuietRequestHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs) -> None:
        pass


@dataclass
class LiveStore:
    app: Flask
    url: str
    tap: WebhookTap

    @property
    def webhook_url(self) -> str:
        return self.url + WEBHOOK_PATH

    @contextmanager
    def session(self):
        """The live database's session, in a short transaction that ends with the block
        (committed when the block ends normally)."""
        with self.app.app_context():
            try:
                yield _db.session
                _db.session.commit()
            finally:
                _db.session.remove()

    @contextmanager
    def build(self) -> Iterator[factories.Factories]:
        with self.session():
            yield factories.Factories(_db)
        cache.invalidate_all()

    def cli(self, *args: str) -> str:
        """Run `flask <args>` against the live store; fails the test on a non-zero exit."""
        result = self.app.test_cli_runner().invoke(args=list(args))
        assert result.exit_code == 0, f"flask {' '.join(args)}: {result.output}"
        return result.output


@contextmanager
def serve(app: Flask) -> Iterator[LiveStore]:
    """The app on a threaded werkzeug server on 127.0.0.1 (a thread of this process)."""
    tap = WebhookTap(app.wsgi_app)
    app.wsgi_app = tap
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietRequestHandler)
    thread = threading.Thread(target=server.serve_forever, name="live-store", daemon=True)
    thread.start()
    try:
        yield LiveStore(app=app, url=f"http://127.0.0.1:{server.server_port}", tap=tap)
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        app.wsgi_app = tap.app
        with app.app_context():
            _db.session.remove()
            _db.engine.dispose()


def eventually(check: Callable[[], object], what: str, seconds: float = 15.0):
    """Poll `check` until it returns something truthy (webhooks come ~1 s after the event);
    returns that value."""
    deadline = time.monotonic() + seconds
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {seconds} s")
        time.sleep(0.1)
