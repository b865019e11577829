"""Guessing a password from many addresses: the account is locked for minutes, with a clear
message, while its owner still gets in (at once on a browser that signed in before, on any
browser once the short lock ends). Every attempt is recorded for operators; PROXY_FIX decides
which address is recorded and limited."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import limits.storage.memory
import pytest
from flask_babel import force_locale
from sqlalchemy import select

from app import create_app
from app.models import SignInAttempt
from app.models.user import Role
from app.services import accounts
from app.services.accounts import throttle
from app.web.account.forms import locked
from tests.conftest import Browser, csrf_from
from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
LOOPBACK = [f"127.0.0.{n}" for n in range(1, 7)]
MESSAGE = "Too many failed sign-ins for this account."


def attempt(client, email, password, address, lang="en"):
    environ = {"REMOTE_ADDR": address}
    page = client.get(f"/{lang}/account/sign-in", environ_base=environ)
    return client.post(
        f"/{lang}/account/sign-in",
        data={
            "csrf_token": csrf_from(page.get_data(as_text=True)),
            "email": email,
            "password": password,
        },
        environ_base=environ,
    )


class Clock:
    def __init__(self):
        self.offset = 0.0

    def time(self):
        return time.time() + self.offset


@pytest.fixture
def clock(monkeypatch):
    """Moves time on for the rate limits' memory storage (and the lock's countdown)."""
    fake = Clock()
    monkeypatch.setattr(limits.storage.memory, "time", fake)
    monkeypatch.setattr(throttle, "time", fake)
    return fake


def guess_thirty_times(app, email):
    """A stranger: 30 wrong passwords, five from each of six loopback addresses, each from a
    fresh browser (no cookies kept between guesses)."""
    statuses = []
    for n in range(30):
        response = attempt(app.test_client(), email, f"guess-number-{n}-x", LOOPBACK[n % 6])
        statuses.append((response.status_code, MESSAGE in response.get_data(as_text=True)))
    return statuses


def test_thirty_guesses_from_six_addresses_lock_the_account_for_minutes(app, db, make, clock):
    owner = make.user(email="mei@example.com")
    trusted = app.test_client()  # the owner's own browser, signed in yesterday
    assert attempt(trusted, owner.email, PASSWORD, "10.1.1.1").status_code == 303
    trusted.post(
        "/en/account/sign-out",
        data={"csrf_token": csrf_from(trusted.get("/en/account/").get_data(as_text=True))},
    )

    statuses = guess_thirty_times(app, owner.email)

    # no single address reached its own limit: the account's count stopped them
    assert statuses[:10] == [(200, False)] * 10
    assert statuses[10:] == [(429, True)] * 20

    # a new browser, even with the right password, waits: the lock says nothing about it
    new_browser = attempt(app.test_client(), owner.email, PASSWORD, "10.2.2.2")
    assert new_browser.status_code == 429
    assert MESSAGE in new_browser.get_data(as_text=True)
    assert "Wait 5 minutes" in new_browser.get_data(as_text=True)

    # the owner's own browser gets in at once: the stranger did not lock them out
    assert attempt(trusted, owner.email, PASSWORD, "10.1.1.1").status_code == 303

    # and the lock is short: five minutes on, any browser gets in
    clock.offset = 5 * 60 + 1
    assert attempt(app.test_client(), owner.email, PASSWORD, "10.2.2.2").status_code == 303

    outcomes = db.session.scalars(
        select(SignInAttempt.outcome)
        .where(SignInAttempt.user_id == owner.id)
        .order_by(SignInAttempt.id)
    ).all()
    assert outcomes == (
        ["signed_in"] + ["wrong_password"] * 10 + ["locked"] * 21 + ["signed_in"] * 2
    )
    addresses = db.session.scalars(
        select(SignInAttempt.address).where(SignInAttempt.outcome == "wrong_password")
    ).all()
    assert sorted(set(addresses)) == LOOPBACK


def test_an_address_without_an_account_is_locked_the_same_way(app, db, make):
    """Locking says nothing about who has an account."""
    make.user(email="mei@example.com")
    known = guess_thirty_times(app, "mei@example.com")
    unknown = guess_thirty_times(app, "no-such-buyer@example.com")
    assert known == unknown
    hashed = accounts.email_hash("no-such-buyer@example.com")
    attempts = db.session.scalars(
        select(SignInAttempt).where(SignInAttempt.email_hash == hashed)
    ).all()
    assert len(attempts) == 30
    assert {a.user_id for a in attempts} == {None}
    assert {a.outcome for a in attempts} == {"unknown_account", "locked"}
    assert "no-such-buyer" not in hashed  # a keyed hash, not the address


def test_the_lock_message_is_translated(app, db, make):
    make.user(email="mei@example.com")
    guess_thirty_times(app, "mei@example.com")
    response = attempt(app.test_client(), "mei@example.com", PASSWORD, "10.3.3.3", lang="th")
    assert response.status_code == 429
    with app.test_request_context("/th/"), force_locale("th"):
        expected = locked(300)
    assert expected in response.get_data(as_text=True)
    assert '<html lang="th"' in response.get_data(as_text=True)


@pytest.fixture
def proxied_app(test_settings):
    def make_app(**settings):
        return create_app("testing", **test_settings, **settings)

    return make_app


@pytest.mark.parametrize(
    ("settings", "recorded"),
    [
        ({}, "127.0.0.1"),  # no proxy trusted: a forwarded header is the visitor's own words
        ({"PROXY_FIX": True, "PROXY_FIX_HOPS": 1}, "10.0.0.2"),
        ({"PROXY_FIX": True, "PROXY_FIX_HOPS": 2}, "203.0.113.9"),
    ],
)
def test_proxy_fix_decides_which_address_counts(db, make, proxied_app, settings, recorded):
    make.user(email="mei@example.com")
    app = proxied_app(**settings)
    client = app.test_client()
    headers = {"X-Forwarded-For": "203.0.113.9, 10.0.0.2"}
    page = client.get("/en/account/sign-in", headers=headers)
    client.post(
        "/en/account/sign-in",
        data={
            "csrf_token": csrf_from(page.get_data(as_text=True)),
            "email": "mei@example.com",
            "password": "not-the-password",
        },
        headers=headers,
    )
    mine = SignInAttempt.email_hash == accounts.email_hash("mei@example.com")
    assert db.session.scalars(select(SignInAttempt.address).where(mine)).all() == [recorded]


def test_proxy_fix_is_read_from_the_environment():
    """As a fresh process reads config.py (its settings are read when it is imported)."""
    script = "import config; print(config.Config.PROXY_FIX, config.Config.PROXY_FIX_HOPS)"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROXY_FIX")}

    def read(**settings):
        return subprocess.run(
            [sys.executable, "-c", script],
            env={**env, **settings},
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()

    assert read() == ["False", "1"]
    assert read(PROXY_FIX="1", PROXY_FIX_HOPS="2") == ["True", "2"]


def test_operators_see_the_attempts_by_account_and_outcome(app, db, make):
    make.user(email="mei@example.com")
    attempt(app.test_client(), "mei@example.com", "a-wrong-guess-1", "127.0.0.7")
    attempt(app.test_client(), "mei@example.com", PASSWORD, "127.0.0.8")
    attempt(app.test_client(), "ghost@example.com", "a-wrong-guess-2", "127.0.0.9")
    operator = make.user(Role.OPERATOR, email="ops@example.com")
    client = app.test_client()
    Browser(client).sign_in(operator.email, PASSWORD)

    def rows(query=""):
        html = client.get(f"/en/ops/sign-ins{query}").get_data(as_text=True)
        return re.findall(r"<td>(127\.0\.0\.\d)</td>\s*<td>([^<]+)</td>", html)

    assert rows("?email=mei@example.com") == [
        ("127.0.0.8", "Signed in"),
        ("127.0.0.7", "Wrong password"),
    ]
    # an address with no account is found too, though it is stored only as a keyed hash
    assert rows("?email=GHOST@example.com") == [("127.0.0.9", "No such account")]
    assert rows("?outcome=wrong_password") == [("127.0.0.7", "Wrong password")]
    assert rows("?email=not-an-address") == []
