"""Sessions that end: a session or remember cookie saved before signing out (or before a
password change) and replayed after opens nothing; each sign-in has its own remember cookie;
lifetimes by role; signed-in pages are never stored by caches."""

from __future__ import annotations

import time

import pytest

from app.models.user import Role
from app.web import sessions
from tests.conftest import Browser, csrf_from
from tests.factories import PASSWORD

ACCOUNT = "/en/account/"
REMEMBER = "remember_token"


def signed_in(app, user, remember=False, lang="en"):
    client = app.test_client()
    page = client.get(f"/{lang}/account/sign-in").get_data(as_text=True)
    data = {"csrf_token": csrf_from(page), "email": user.email, "password": PASSWORD}
    if remember:
        data["remember"] = "y"
    response = client.post(f"/{lang}/account/sign-in", data=data)
    assert response.status_code == 303, response.get_data(as_text=True)[:300]
    return client


def sign_out(client):
    token = csrf_from(client.get(ACCOUNT).get_data(as_text=True))
    assert client.post("/en/account/sign-out", data={"csrf_token": token}).status_code == 303


def cookie(client, name):
    found = client.get_cookie(name)
    return found.value if found else None


def opens_account(client) -> bool:
    response = client.get(ACCOUNT)
    if response.status_code == 200:
        return True
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/en/account/sign-in")
    return False


def replay(app, **cookies):
    """A stranger's browser carrying only the cookies given."""
    client = app.test_client()
    for name, value in cookies.items():
        client.set_cookie(name, value)
    return client


def test_a_session_cookie_saved_before_sign_out_opens_nothing_after(app, make):
    user = make.user()
    client = signed_in(app, user)
    saved = cookie(client, "session")
    assert opens_account(replay(app, session=saved))  # the copy works while signed in

    sign_out(client)

    assert not opens_account(client)
    assert not opens_account(replay(app, session=saved))


def test_a_remember_cookie_saved_before_sign_out_opens_nothing_after(app, make):
    user = make.user()
    client = signed_in(app, user, remember=True)
    saved = cookie(client, REMEMBER)
    assert saved
    # the remember cookie alone (a new browser session) signs in while it is valid ...
    assert opens_account(replay(app, **{REMEMBER: saved}))

    sign_out(client)

    # ... and not after signing out, even though its signature is still good
    assert not opens_account(replay(app, **{REMEMBER: saved}))


def test_each_sign_in_gets_its_own_remember_cookie(app, make):
    user = make.user()
    first = cookie(signed_in(app, user, remember=True), REMEMBER)
    second = cookie(signed_in(app, user, remember=True), REMEMBER)
    assert first
    assert second
    assert first != second


def test_a_password_change_ends_every_other_session(app, make, outbox):
    user = make.user(email="mei@example.com")
    here = signed_in(app, user)
    elsewhere = signed_in(app, user, remember=True)
    remembered = cookie(elsewhere, REMEMBER)

    page = here.get("/en/account/password").get_data(as_text=True)
    changed = here.post(
        "/en/account/password",
        data={
            "csrf_token": csrf_from(page),
            "current": PASSWORD,
            "password": "jade-mountain-morning-tea",
            "confirm": "jade-mountain-morning-tea",
        },
    )
    assert changed.status_code == 303

    assert opens_account(here)  # the browser that changed it stays signed in
    assert not opens_account(elsewhere)
    assert not opens_account(replay(app, **{REMEMBER: remembered}))
    assert outbox[-1]["To"] == "mei@example.com"  # told, in case it was not them
    assert "was just changed" in outbox[-1].get_content()
    Browser(app.test_client()).sign_in("mei@example.com", "jade-mountain-morning-tea")


def test_a_wrong_current_password_changes_nothing(app, make):
    user = make.user()
    here = signed_in(app, user)
    elsewhere = signed_in(app, user)
    page = here.get("/en/account/password").get_data(as_text=True)
    refused = here.post(
        "/en/account/password",
        data={
            "csrf_token": csrf_from(page),
            "current": "not-my-password-at-all",
            "password": "jade-mountain-morning-tea",
            "confirm": "jade-mountain-morning-tea",
        },
    )
    assert refused.status_code == 200
    assert "That is not your current password." in refused.get_data(as_text=True)
    assert opens_account(elsewhere)


class Clock:
    """time.time() for app.web.sessions, moved on by the test."""

    def __init__(self):
        self.offset = 0.0

    def time(self):
        return time.time() + self.offset


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(sessions, "time", fake)
    return fake


@pytest.mark.parametrize(("role", "idle_minutes"), [(Role.OPERATOR, 30), (Role.SHOPPER, 24 * 60)])
def test_a_session_ends_after_its_idle_time(app, make, clock, role, idle_minutes):
    user = make.user(role)
    client = signed_in(app, user)
    clock.offset = (idle_minutes - 2) * 60
    assert opens_account(client)  # a request in time keeps it alive ...
    clock.offset += (idle_minutes - 2) * 60
    assert opens_account(client)
    clock.offset += (idle_minutes + 1) * 60  # ... and after the idle time it is gone
    response = client.get(ACCOUNT, follow_redirects=True)
    assert "Your session ended. Please sign in again." in response.get_data(as_text=True)
    assert not opens_account(client)


def test_operators_are_never_remembered(app, make):
    client = signed_in(app, make.user(Role.OPERATOR), remember=True)
    assert cookie(client, REMEMBER) is None


def test_a_remembered_shopper_stays_for_weeks_and_vendor_staff_for_days(app, make, clock):
    shopper = signed_in(app, make.user(), remember=True)
    vendor = make.vendor()
    staff = signed_in(app, make.user(Role.VENDOR, vendor=vendor), remember=True)
    shopper_cookie = shopper.get_cookie(REMEMBER)
    staff_cookie = staff.get_cookie(REMEMBER)
    day = 86400
    assert 29 * day < shopper_cookie.expires.timestamp() - time.time() <= 30 * day
    assert 6 * day < staff_cookie.expires.timestamp() - time.time() <= 7 * day

    clock.offset = 3 * day  # past any idle time: remembered sessions do not idle out
    assert opens_account(shopper)
    assert opens_account(replay(app, **{REMEMBER: shopper_cookie.value}))
    clock.offset = 8 * day  # past the vendor staff's lifetime, within the shopper's
    assert opens_account(shopper)
    assert not opens_account(replay(app, **{REMEMBER: staff_cookie.value}))
    clock.offset = 31 * day  # past everyone's
    assert not opens_account(replay(app, **{REMEMBER: shopper_cookie.value}))


def test_signed_in_pages_are_never_stored_but_public_pages_keep_their_caching(app, make, client):
    anonymous_home = client.get("/en/")
    assert "no-store" not in anonymous_home.headers["Cache-Control"]
    robots = client.get("/robots.txt")
    assert "public" in robots.headers["Cache-Control"]

    shopper = signed_in(app, make.user())
    for path in ("/en/", ACCOUNT, "/en/c/tea", "/en/account/data.json", "/robots.txt"):
        response = shopper.get(path)
        assert response.status_code == 200, path
        cache = response.headers["Cache-Control"]
        assert "no-store" in cache, path
        assert "public" not in cache, path
        assert "max-age" not in cache, path


def test_the_sign_in_link_brings_the_shopper_back_to_the_page(app, make, client):
    user = make.user()
    page = client.get("/en/c/tea?sort=price_asc").get_data(as_text=True)
    assert 'href="/en/account/sign-in?next=/en/c/tea?sort%3Dprice_asc"' in page
    form = client.get("/en/account/sign-in?next=/en/c/tea?sort%3Dprice_asc")
    html = form.get_data(as_text=True)
    assert 'value="/en/c/tea?sort=price_asc"' in html
    response = client.post(
        "/en/account/sign-in",
        data={
            "csrf_token": csrf_from(html),
            "email": user.email,
            "password": PASSWORD,
            "next": "/en/c/tea?sort=price_asc",
        },
    )
    assert response.status_code == 303
    assert response.headers["Location"] == "/en/c/tea?sort=price_asc"
