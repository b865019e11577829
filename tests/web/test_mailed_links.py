"""Links mailed to an account: a password link works once and for an hour, ends every session;
a confirmation link is a button, not a click-through; every link is built on SITE_URL whatever
Host a request claims; tokens never reach the request log; mail bodies are not logged at INFO.
"""

from __future__ import annotations

import logging
import re
from datetime import timedelta

import itsdangerous.timed
import pytest

from app import create_app
from app.integrations import mail as mail_integration
from app.models import User
from app.services.accounts import tokens
from app.web import log_filters
from config import _hosts_of
from tests.conftest import Browser, csrf_from
from tests.factories import PASSWORD

NEW = "lantern-festival-in-pingxi"
EVIL = "evil.example"


def forgot(client, email, **kwargs):
    page = client.get("/en/account/password/forgot", **kwargs).get_data(as_text=True)
    return client.post(
        "/en/account/password/forgot",
        data={"csrf_token": csrf_from(page), "email": email},
        **kwargs,
    )


def mailed_link(outbox, pattern=r"(https?://[^/\s]+)(/\S+/password/reset/\S+)"):
    match = re.search(pattern, outbox[-1].get_content())
    assert match, outbox[-1].get_content()
    return match.group(1), match.group(2)


def choose(client, path, password=NEW):
    page = client.get(path)
    if page.status_code != 200:
        return page
    return client.post(
        path,
        data={
            "csrf_token": csrf_from(page.get_data(as_text=True)),
            "password": password,
            "confirm": password,
        },
    )


def test_a_reset_link_works_once_and_ends_every_session(app, make, outbox):
    user = make.user(email="mei@example.com")
    elsewhere = app.test_client()
    Browser(elsewhere).sign_in(user.email, PASSWORD)

    forgot(app.test_client(), "mei@example.com")
    _site, path = mailed_link(outbox)

    done = choose(app.test_client(), path)
    assert done.status_code == 303
    assert done.headers["Location"] == "/en/account/sign-in"
    assert elsewhere.get("/en/account/").status_code == 302  # signed out everywhere
    assert "was just changed" in outbox[-1].get_content()

    again = choose(app.test_client(), path, "another-fresh-passphrase")
    assert again.status_code == 404
    assert "This link does not work any more" in again.get_data(as_text=True)
    Browser(app.test_client()).sign_in("mei@example.com", NEW)


def test_a_reset_link_expires_after_an_hour(app, make, outbox, monkeypatch):
    make.user(email="mei@example.com")
    forgot(app.test_client(), "mei@example.com")
    _site, path = mailed_link(outbox)
    real_now = itsdangerous.timed.TimestampSigner.get_timestamp
    monkeypatch.setattr(
        itsdangerous.timed.TimestampSigner,
        "get_timestamp",
        lambda self: real_now(self) + int(timedelta(minutes=61).total_seconds()),
    )
    assert choose(app.test_client(), path).status_code == 404


def test_signing_out_everywhere_kills_an_unused_reset_link(app, make, outbox):
    user = make.user(email="mei@example.com")
    forgot(app.test_client(), "mei@example.com")
    _site, path = mailed_link(outbox)
    client = app.test_client()
    Browser(client).sign_in(user.email, PASSWORD)
    token = csrf_from(client.get("/en/account/").get_data(as_text=True))
    client.post("/en/account/sign-out", data={"csrf_token": token})
    assert choose(app.test_client(), path).status_code == 404


def test_one_kind_of_link_is_never_taken_for_another(app, db, make):
    user = make.user(verified=False)
    verify = tokens.make(user, tokens.VERIFY)
    reset = tokens.make(user, tokens.RESET)
    client = app.test_client()
    assert client.get(f"/en/account/password/reset/{verify}").status_code == 404
    assert client.get(f"/en/account/verify/{reset}").status_code == 404
    assert client.get(f"/en/account/verify/{verify}x").status_code == 404
    assert client.get(f"/en/account/verify/{verify}").status_code == 200
    db.session.expire_all()
    assert not db.session.get(User, user.id).email_verified  # a GET confirms nothing


def test_a_forged_host_never_reaches_a_mailed_link(app, make, outbox):
    make.user(email="mei@example.com")
    forgot(app.test_client(), "mei@example.com", base_url=f"http://{EVIL}")
    site, _path = mailed_link(outbox)
    assert site == "http://localhost"

    client = app.test_client()
    page = client.get("/en/account/sign-up", base_url=f"http://{EVIL}").get_data(as_text=True)
    client.post(
        "/en/account/sign-up",
        data={
            "csrf_token": csrf_from(page),
            "name": "Ploy",
            "email": "ploy@example.com",
            "password": NEW,
            "confirm": NEW,
        },
        base_url=f"http://{EVIL}",
        headers={"X-Forwarded-Host": EVIL},
    )
    assert "http://localhost/en/account/verify/" in outbox[-1].get_content()
    assert EVIL not in outbox[-1].get_content()


def test_a_forged_host_never_reaches_robots_or_the_sitemaps(client, make):
    make.product(vendor=make.vendor(slug="shop"), handle="cake")
    for path in ("/robots.txt", "/sitemap.xml", "/sitemaps/pages.xml", "/sitemaps/products-0.xml"):
        body = client.get(path, base_url=f"https://{EVIL}").get_data(as_text=True)
        assert "http://localhost/" in body, path
        assert EVIL not in body, path


def test_production_trusts_only_the_sites_host(test_settings, monkeypatch):
    assert _hosts_of("https://shop.example.com") == ["shop.example.com"]
    monkeypatch.setenv("TRUSTED_HOSTS", "shop.example.com, www.shop.example.com")
    assert _hosts_of("https://shop.example.com") == ["shop.example.com", "www.shop.example.com"]
    app = create_app("testing", **test_settings, TRUSTED_HOSTS=["localhost"])
    client = app.test_client()
    assert client.get("/robots.txt").status_code == 200
    assert client.get("/robots.txt", base_url=f"https://{EVIL}").status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/en/account/password/reset/eyJpZCI6MX0.aBcD.eFgH",
        "/th/account/verify/eyJpZCI6Mn0.xyz",
        "/zh-hant/vendor/join/eyJpZCI6M30.abc?x=1",
        "/en/orders/link/TGG-23456789.sig",
    ],
)
def test_tokens_never_reach_the_request_log(caplog, path):
    log_filters.install()
    token = path.rsplit("/", 1)[1].split("?")[0]
    with caplog.at_level(logging.INFO):
        # as the development server writes a request line
        logging.getLogger("werkzeug").info(
            '%s - - [%s] "%s" %s -',
            "127.0.0.1",
            "01/Dec/2026 09:00:00",
            f"GET {path} HTTP/1.1",
            "200",
        )
        # as gunicorn's access log does (its atoms as a mapping)
        logging.getLogger("gunicorn.access").info(
            '%(h)s "%(r)s" %(s)s', {"h": "127.0.0.1", "r": f"GET {path} HTTP/1.1", "s": "200"}
        )
    assert token not in caplog.text
    assert caplog.text.count("[token]") == 2


def test_mail_bodies_are_not_logged_at_info(fixture_app, db, caplog, monkeypatch):
    monkeypatch.setitem(fixture_app.config, "MAIL_SUPPRESS_SEND", True)
    secret_link = "http://localhost/en/account/password/reset/SECRET-TOKEN"
    with caplog.at_level(logging.INFO, logger="app.integrations.mail"):
        mail_integration.send("mei@example.com", "Choose a new password", f"Open {secret_link}")
    assert "Choose a new password" in caplog.text
    assert "SECRET-TOKEN" not in caplog.text
