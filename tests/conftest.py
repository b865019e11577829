"""Test fixtures.

The schema comes from the migrations, once per session. Each test runs inside an outer
transaction that is rolled back at the end; the code's own commits and rollbacks act on
savepoints (join_transaction_mode="create_savepoint"), so nothing leaks between tests.

Test code runs in an app context of a second app object (`fixture_app`) so that every request
the test client makes gets a fresh app context of its own, as in production: Flask reuses an
app context that is already pushed for the same app, and `g` (current user, locale, market)
would then leak from one request into the next.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
import socket
import threading
import uuid
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import flask_migrate
import pytest
from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from app import create_app
from app.extensions import db as _db
from app.extensions import limiter
from app.services import cache, cache_versions
from tests import factories
from tests.tools import NoSkipsInCI, in_ci


def pytest_configure(config):
    """In CI (CI=true) a skipped test fails the run: see tests/tools.py."""
    if in_ci():
        config.pluginmanager.register(NoSkipsInCI(), "no-skips-in-ci")


CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
CSRF_HEADER = re.compile(r'"X-CSRFToken": "([^"]+)"')


class BoundSession(FlaskSession):
    """Flask-SQLAlchemy's session picks the current app's engine even when given a `bind`;
    tests need every session on the one connection that holds the outer transaction."""

    def get_bind(self, mapper=None, clause=None, bind=None, **kwargs):
        return bind if bind is not None else self.bind


def _postgres_test_database(url: str):
    """A throwaway database on the server DATABASE_URL points at (never the dev data)."""
    base = make_url(
        url.replace("postgresql://", "postgresql+psycopg://", 1)
        if url.startswith("postgresql://")
        else url
    )
    name = f"tgg_test_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
    return base.set(database=name), admin, name


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgresql", "postgres://")):
        test_url, admin, name = _postgres_test_database(url)
        yield test_url.render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    else:
        path = tmp_path_factory.mktemp("db") / "test.sqlite3"
        yield f"sqlite:///{path}"


class Sink:
    """Collects what the app sends to the local SMTP server."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def smtp_sink():
    """A real SMTP server on loopback (aiosmtpd) that keeps every message."""
    from aiosmtpd.controller import Controller

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=_free_port())
    controller.start()
    sink.port = controller.port
    yield sink
    controller.stop()


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A real redis-server on loopback, shared by the tests that need one."""
    from tests.servers import redis_server

    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture(scope="session")
def localstripe(tmp_path_factory):
    """localstripe (the fake Stripe server) on loopback, from scratch, shared by the session:
    `.url` is the API base; `.register_webhook(url, secret)`, `.clear()` and `.get(path)`
    set it up and look inside it (tests/servers.py)."""
    from tests.servers import localstripe_server

    state = tmp_path_factory.mktemp("localstripe") / "localstripe.pickle"
    with localstripe_server(state) as server:
        yield server


@pytest.fixture
def outbox(smtp_sink):
    smtp_sink.messages.clear()
    return smtp_sink.messages


@pytest.fixture(scope="session")
def test_settings(database_url, tmp_path_factory, smtp_sink, localstripe):
    return {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
        "PRIVATE_MEDIA_ROOT": str(tmp_path_factory.mktemp("private-media")),
        "RATELIMIT_STORAGE_URI": "memory://",
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": smtp_sink.port,
        "MAIL_SUPPRESS_SEND": False,
        # payments go to the session's localstripe (every test app talks to it)
        "STRIPE_API_BASE": localstripe.url,
        "STRIPE_JS_URL": f"{localstripe.url}/js.stripe.com/v3/",
        "STRIPE_SECRET_KEY": "sk_test_localstripe",
        "STRIPE_PUBLISHABLE_KEY": "pk_test_localstripe",
        "STRIPE_WEBHOOK_SECRET": "whsec_test_suite",
    }


@pytest.fixture(scope="session")
def app(test_settings):
    app = create_app("testing", **test_settings)
    with app.app_context():
        # "heads": while features are built side by side their migrations may branch for a
        # while; test_migrations insists on one head before anything lands
        flask_migrate.upgrade(revision="heads")
    yield app
    with app.app_context():
        _db.engine.dispose()


@pytest.fixture(scope="session")
def fixture_app(app, test_settings):
    """A twin of `app` whose app context the test code runs in (see the module docstring)."""
    return create_app("testing", **test_settings)


@pytest.fixture
def db(app, fixture_app):
    with app.app_context():
        connection = _db.engine.connect()
    outer = connection.begin()
    original = _db.session
    _db.session = _db._make_scoped_session(
        {"bind": connection, "join_transaction_mode": "create_savepoint", "class_": BoundSession}
    )
    cache.invalidate_all()
    limiter.reset()
    ctx = fixture_app.app_context()
    ctx.push()
    # The stamps this process saw last may be another test's, rolled back since: take this
    # test's now, so that no timed look in the middle of the test finds them "moved" and
    # empties warm caches (a test counting statements would count the refill). Forgotten
    # first: a look is skipped while the last one is under a second old, and the previous
    # test's last request may have been.
    cache_versions.forget_seen()
    cache_versions.check(interval=0.0)
    try:
        yield _db
    finally:
        _db.session.remove()
        ctx.pop()
        _db.session = original
        outer.rollback()
        connection.close()
        cache.invalidate_all()


@pytest.fixture
def client(app, db):
    return app.test_client()


@pytest.fixture
def make(db):
    """Callable factories: make.vendor(), make.product(), make.user(), make.zone()."""
    return factories.Factories(db)


def csrf_from(html: str) -> str:
    match = CSRF_INPUT.search(html) or CSRF_HEADER.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


class Browser:
    """The test client used as a person would: read a page, then submit its form."""

    def __init__(self, client):
        self.client = client

    def get(self, url, **kwargs):
        return self.client.get(url, **kwargs)

    def submit(self, page_url: str, data: dict, action: str | None = None, **kwargs):
        page = self.client.get(page_url)
        assert page.status_code == 200, page.status_code
        payload = {"csrf_token": csrf_from(page.get_data(as_text=True)), **data}
        return self.client.post(action or page_url, data=payload, **kwargs)

    def sign_in(self, email: str, password: str, lang: str = "en"):
        response = self.submit(f"/{lang}/account/sign-in", {"email": email, "password": password})
        assert response.status_code == 303, response.get_data(as_text=True)[:500]
        return response


@pytest.fixture
def browser(client):
    return Browser(client)


@pytest.fixture
def count_queries(app):
    """Counts SQL statements the app runs inside the `with` block.

    Not counted: savepoints (the test's own transaction), and the look at the cache stamps
    (services.cache_versions) that each process takes at most once a second: not a cost of
    any page, and counting it would make a page's count depend on the clock."""
    from app.services.cache_versions import CHECK_OPTION

    @contextmanager
    def counting():
        statements: list[str] = []
        # the test client runs the request in this thread; another thread's statements (a
        # live server left by an earlier test, a worker) are not this page's cost
        counted_thread = threading.get_ident()

        def before(conn, cursor, statement, parameters, context, executemany):
            if threading.get_ident() != counted_thread:
                return
            if context is not None and context.execution_options.get(CHECK_OPTION):
                return
            if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK TO")):
                statements.append(statement)

        with app.app_context():
            engine = _db.engine
        event.listen(engine, "before_cursor_execute", before)
        try:
            yield statements
        finally:
            event.remove(engine, "before_cursor_execute", before)

    return counting


def strip_query(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(("", "", parts.path, "", ""))
