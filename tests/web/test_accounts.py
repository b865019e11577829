"""Sign-up, sign-in, sign-out: CSRF on, rate-limited, no open redirects."""

import re

import pytest

from app.models import User
from tests.factories import PASSWORD


def html(response):
    return response.get_data(as_text=True)


def sign_up(browser, lang="en", **fields):
    data = {
        "name": "Nong Ploy",
        "email": "ploy@example.com",
        "password": "long-enough-pw",
        "confirm": "long-enough-pw",
    }
    data.update(fields)
    return browser.submit(f"/{lang}/account/sign-up", data)


def test_sign_up_creates_an_account_and_signs_in(browser, db):
    response = sign_up(browser, lang="th", email="Ploy@Example.COM")
    assert response.status_code == 303
    user = db.session.query(User).filter_by(email="ploy@example.com").one()
    assert user.role == "shopper"
    assert user.preferred_language == "th"
    assert user.password_hash != "long-enough-pw"
    assert user.password_hash.startswith("scrypt:")
    page = html(browser.get("/th/account/"))
    assert "ploy@example.com" in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": "not-an-email"}, "Enter an email address like name@example.com."),
        ({"password": "short", "confirm": "short"}, "Use at least 10 characters."),
        ({"confirm": "something-else"}, "The passwords differ."),
        ({"name": ""}, "Please fill this in."),
    ],
)
def test_sign_up_errors_are_shown_and_nothing_is_saved(browser, db, fields, message):
    response = sign_up(browser, **fields)
    assert response.status_code == 200
    assert message in html(response)
    assert 'aria-invalid="true"' in html(response)
    assert db.session.query(User).count() == 0


def test_duplicate_email_is_refused(browser, make, db):
    make.user(email="ploy@example.com")
    response = sign_up(browser, email="PLOY@example.com")
    assert "An account with this email already exists." in html(response)
    assert db.session.query(User).count() == 1


def test_sign_in_and_out(browser, make):
    make.user(email="buyer@example.com")
    response = browser.submit(
        "/en/account/sign-in", {"email": "buyer@example.com", "password": PASSWORD}
    )
    assert response.status_code == 303
    assert "My account" in html(browser.get("/en/"))
    page = html(browser.get("/en/account/"))
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    out = browser.client.post("/en/account/sign-out", data={"csrf_token": token})
    assert out.status_code == 303
    assert browser.get("/en/account/").status_code == 302  # back to sign-in


def test_wrong_password_says_nothing_about_which_part_was_wrong(browser, make):
    make.user(email="buyer@example.com")
    wrong_password = browser.submit(
        "/en/account/sign-in", {"email": "buyer@example.com", "password": "nope-nope-nope"}
    )
    unknown_email = browser.submit(
        "/en/account/sign-in", {"email": "nobody@example.com", "password": "nope-nope-nope"}
    )
    message = "That email and password do not match an account."
    assert message in html(wrong_password)
    assert message in html(unknown_email)


def test_sign_in_follows_only_local_next(browser, make):
    make.user(email="buyer@example.com")
    for target, expected in [
        ("/th/c/tea", "/th/c/tea"),
        ("https://evil.example/x", None),
        ("//evil.example/x", None),
        ("/\\evil.example", None),
    ]:
        browser.client.get("/en/")  # fresh page
        page = browser.get(f"/en/account/sign-in?next={target}")
        token = re.search(r'name="csrf_token" value="([^"]+)"', html(page)).group(1)
        response = browser.client.post(
            "/en/account/sign-in",
            data={
                "email": "buyer@example.com",
                "password": PASSWORD,
                "next": target,
                "csrf_token": token,
            },
        )
        location = response.headers["Location"]
        if expected:
            assert location == expected
        else:
            assert "evil" not in location
        browser.client.post("/en/account/sign-out", data={"csrf_token": token})


def test_post_without_csrf_token_is_refused(client, make):
    make.user(email="buyer@example.com")
    response = client.post(
        "/en/account/sign-in", data={"email": "buyer@example.com", "password": PASSWORD}
    )
    assert response.status_code == 400
    assert "Something went wrong with that form" in html(response)


def test_sign_in_is_rate_limited(browser, make):
    make.user(email="buyer@example.com")
    statuses = []
    for _ in range(12):
        response = browser.submit(
            "/en/account/sign-in", {"email": "buyer@example.com", "password": "wrong-guess-1"}
        )
        statuses.append(response.status_code)
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429
    assert "Too many attempts" in html(response)


def test_account_page_needs_sign_in(client):
    response = client.get("/ms/account/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/ms/account/sign-in?next=")
