"""Two-step sign-in for operators: turned on with a real authenticator code (pyotp), then
asked for after the password; a code is good once; production requires it for operators."""

from __future__ import annotations

import re
import time

import pyotp
import pytest

from app.models import User
from app.models.user import Role
from tests.conftest import Browser, csrf_from
from tests.factories import PASSWORD

OPS = "/en/ops/vendors"


def post_page_form(client, page, action, data):
    html = client.get(page).get_data(as_text=True)
    return client.post(action, data={"csrf_token": csrf_from(html), **data})


def password_step(client, email):
    page = client.get("/en/account/sign-in").get_data(as_text=True)
    return client.post(
        "/en/account/sign-in",
        data={"csrf_token": csrf_from(page), "email": email, "password": PASSWORD},
    )


@pytest.fixture
def enrolled(app, db, make):
    """An operator who turned two-step sign-in on through the page; (user, secret)."""
    operator = make.user(Role.OPERATOR, email="ops@example.com")
    client = app.test_client()
    Browser(client).sign_in(operator.email, PASSWORD)
    page = client.get("/en/account/two-step").get_data(as_text=True)
    assert 'src="data:image/svg+xml' in page  # the QR code to scan
    secret = re.search(r"<code>([A-Z2-7]+)</code>", page).group(1)
    wrong = post_page_form(
        client, "/en/account/two-step", "/en/account/two-step", {"code": "000000"}
    )
    assert "That code is not right" in wrong.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, operator.id).totp_secret is None

    done = post_page_form(
        client, "/en/account/two-step", "/en/account/two-step", {"code": pyotp.TOTP(secret).now()}
    )
    assert done.status_code == 303
    db.session.expire_all()
    assert db.session.get(User, operator.id).totp_secret == secret
    return operator, secret


def test_after_the_password_the_code_is_asked_and_checked(app, enrolled):
    operator, secret = enrolled
    client = app.test_client()
    step = password_step(client, operator.email)
    assert step.status_code == 303
    assert step.headers["Location"] == "/en/account/sign-in/code"
    assert client.get(OPS).status_code == 302  # not signed in with the password alone

    wrong = post_page_form(
        client, "/en/account/sign-in/code", "/en/account/sign-in/code", {"code": "123456"}
    )
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.get_data(as_text=True)
    assert client.get(OPS).status_code == 302

    # the next time step's code (the enrolment used this one's): accepted once
    code = pyotp.TOTP(secret).at(time.time() + 30)
    right = post_page_form(
        client, "/en/account/sign-in/code", "/en/account/sign-in/code", {"code": code}
    )
    assert right.status_code == 303
    assert client.get(OPS).status_code == 200

    # the same code a second time (seen over a shoulder) opens nothing
    again = app.test_client()
    password_step(again, operator.email)
    replayed = post_page_form(
        again, "/en/account/sign-in/code", "/en/account/sign-in/code", {"code": code}
    )
    assert "That code is not right, or was used already" in replayed.get_data(as_text=True)
    assert again.get(OPS).status_code == 302


def test_the_code_step_cannot_be_reached_without_the_password(app, enrolled):
    client = app.test_client()
    response = client.get("/en/account/sign-in/code")
    assert response.status_code == 303
    assert response.headers["Location"] == "/en/account/sign-in"


def test_only_operators_have_the_two_step_page(app, make):
    client = app.test_client()
    Browser(client).sign_in(make.user().email, PASSWORD)
    assert client.get("/en/account/two-step").status_code == 404


def test_production_sends_operators_without_it_to_turn_it_on(app, make, monkeypatch):
    monkeypatch.setitem(app.config, "REQUIRE_OPERATOR_TOTP", True)
    client = app.test_client()
    Browser(client).sign_in(make.user(Role.OPERATOR).email, PASSWORD)
    response = client.get(OPS)
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/account/two-step"


def test_production_config_requires_it():
    from config import Config, ProductionConfig

    assert ProductionConfig.REQUIRE_OPERATOR_TOTP
    assert not Config.REQUIRE_OPERATOR_TOTP
