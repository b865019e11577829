"""Sign-up (with a mailed link to confirm the address), sign-in, sign-out: CSRF on,
rate-limited, no open redirects."""

import re

import pytest

from app.models import User
from tests.conftest import csrf_from
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


def test_sign_up_creates_an_account_and_mails_a_link_to_confirm_it(browser, db, outbox):
    response = sign_up(browser, lang="th", email="Ploy@Example.COM")
    assert response.status_code == 303
    assert response.headers["Location"] == "/th/account/check-email"
    user = db.session.query(User).filter_by(email="ploy@example.com").one()
    assert user.role == "shopper"
    assert user.preferred_language == "th"
    assert user.password_hash.startswith("scrypt:")
    assert not user.email_verified
    # not signed in: the page said "check your inbox", whoever the address belongs to
    assert browser.get("/th/account/").status_code == 302

    (mail,) = outbox
    assert mail["To"] == "ploy@example.com"
    link = re.search(r"http://localhost(/th/account/verify/\S+)", mail.get_content()).group(1)
    page = browser.get(link)
    assert page.status_code == 200
    db.session.expire_all()
    assert not db.session.get(User, user.id).email_verified  # opening the link alone: nothing
    confirmed = browser.submit(link, {})
    assert confirmed.headers["Location"] == "/th/account/sign-in"
    db.session.expire_all()
    assert db.session.get(User, user.id).email_verified
    browser.sign_in("ploy@example.com", "long-enough-pw", lang="th")
    assert "ploy@example.com" in html(browser.get("/th/account/"))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": "not-an-email"}, "Enter an email address like name@example.com."),
        ({"password": "short", "confirm": "short"}, "Use at least 10 characters."),
        ({"confirm": "something-else"}, "The passwords differ."),
        ({"name": ""}, "Please fill this in."),
        (
            {"password": "password1234", "confirm": "password1234"},
            "This password is too common or too easy to guess.",
        ),
        (
            {"password": "qwertyuiop12", "confirm": "qwertyuiop12"},
            "This password is too common or too easy to guess.",
        ),
        (
            {"password": "nongploy2026", "confirm": "nongploy2026"},
            "Choose a password that is not your email address or your name.",
        ),
        (
            {"password": "ploy@example.com", "confirm": "ploy@example.com"},
            "Choose a password that is not your email address or your name.",
        ),
    ],
)
def test_sign_up_errors_are_shown_and_nothing_is_saved(browser, db, outbox, fields, message):
    response = sign_up(browser, **fields)
    assert response.status_code == 200
    assert message in html(response)
    assert 'aria-invalid="true"' in html(response)
    assert db.session.query(User).count() == 0
    assert outbox == []


def test_an_address_that_has_an_account_gets_the_same_answer_and_its_owner_a_mail(
    browser, make, db, outbox
):
    make.user(email="ploy@example.com", name="Nong Ploy")
    response = sign_up(browser, email="PLOY@example.com")
    assert response.status_code == 303
    assert response.headers["Location"] == "/en/account/check-email"
    assert db.session.query(User).count() == 1
    (mail,) = outbox
    assert mail["To"] == "ploy@example.com"
    assert "already has an account" in mail.get_content()
    assert "/en/account/verify/" not in mail.get_content()


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


def test_a_shopper_confirms_the_address_before_ordering_with_the_account(browser, make, db, outbox):
    from app.models import Order

    product = make.product(variants=[{"price_twd": 450, "stock": 5, "weight_g": 300}])
    user = make.user(email="new@example.com", verified=False)
    browser.sign_in(user.email, PASSWORD)
    browser.submit(
        "/en/cart", {"variant": str(product.variants[0].id), "quantity": "1"}, action="/en/cart/add"
    )

    page = browser.get("/en/checkout")
    assert page.status_code == 200
    text = html(page)
    assert "Confirm your email address first" in text
    assert 'action="/en/account/verify/resend"' in text
    assert 'name="line1"' not in text  # no checkout form yet
    token = csrf_from(text)
    refused = browser.client.post("/en/checkout", data={"csrf_token": token, "email": user.email})
    assert refused.status_code == 403
    assert db.session.query(Order).count() == 0

    resent = browser.client.post(
        "/en/account/verify/resend", data={"csrf_token": token, "next": "/en/checkout"}
    )
    assert resent.headers["Location"] == "/en/checkout"
    link = re.search(r"http://localhost(/en/account/verify/\S+)", outbox[-1].get_content())[1]
    browser.submit(link, {})
    assert 'name="line1"' in html(browser.get("/en/checkout"))  # now the shopper may order

    # a guest needs no account at all
    guest = browser.client.application.test_client()
    page = guest.get("/en/cart")
    guest.post(
        "/en/cart/add",
        data={
            "csrf_token": csrf_from(page.get_data(as_text=True)),
            "variant": str(product.variants[0].id),
            "quantity": "1",
        },
    )
    assert 'name="line1"' in guest.get("/en/checkout").get_data(as_text=True)
