"""Nobody learns from the store's answers whether an e-mail address has an account: signing
up, applying as a vendor, inviting staff and asking for a password link answer byte for byte
the same (but for the CSRF token and the addresses typed), do the same expensive work, and
the address's owner is told by e-mail instead."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select
from werkzeug.security import generate_password_hash

from app.models import User, Vendor, VendorInvitation
from app.services import accounts
from tests.conftest import csrf_from
from tests.factories import PASSWORD

TOKEN = re.compile(r'(name="csrf_token"[^>]*value="|"X-CSRFToken": ")[^"]+')


def normalised(body: str, *typed: str) -> str:
    body = TOKEN.sub(r"\1<token>", body)
    for n, text in enumerate(typed):
        body = body.replace(text, f"<typed {n}>")
    body = re.sub(r"/invitations/\d+/", "/invitations/<id>/", body)  # each its own row
    return re.sub(r"\d{1,2}:\d{2}", "<time>", body)


def answer(client, page: str, data: dict, *typed: str) -> dict:
    """Everything a visitor sees of a post: status, where it leads, its body, the page it
    leads to, and the keys in the (readable) session cookie."""
    token = csrf_from(client.get(page).get_data(as_text=True))
    response = client.post(page, data={"csrf_token": token, **data})
    followed = client.get(response.headers["Location"]) if response.location else None
    session = client.application.session_interface.get_signing_serializer(client.application).loads(
        client.get_cookie("session").value
    )
    return {
        "status": response.status_code,
        "location": response.headers.get("Location"),
        "body": normalised(response.get_data(as_text=True), *typed),
        "next page": followed and normalised(followed.get_data(as_text=True), *typed),
        "session": sorted(session),
        "flashes": session.get("_flashes"),
    }


@pytest.fixture
def hashes(monkeypatch):
    """Counts password hashes made (the slow step a timing attack would notice)."""
    made = []

    def counting(password, *args, **kwargs):
        made.append(1)
        return generate_password_hash(password, *args, **kwargs)

    monkeypatch.setattr(accounts, "generate_password_hash", counting)
    return made


def count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_sign_up_answers_the_same_for_an_address_that_has_an_account(app, db, make, outbox, hashes):
    make.user(email="taken@example.com", name="Mei Lin")
    fields = {
        "name": "Somchai",
        "password": "night-market-lanterns",
        "confirm": "night-market-lanterns",
    }

    hashes.clear()
    known = answer(
        app.test_client(), "/en/account/sign-up", {**fields, "email": "taken@example.com"}
    )
    known_hashes, known_mail = len(hashes), list(outbox)
    hashes.clear()
    outbox.clear()
    unknown = answer(
        app.test_client(), "/en/account/sign-up", {**fields, "email": "fresh@example.com"}
    )

    assert known == unknown
    assert known["status"] == 303
    assert known_hashes == len(hashes) == 1  # the same work either way
    # each address got one mail; only the new one can confirm an account
    assert [m["To"] for m in known_mail] == ["taken@example.com"]
    assert "already has an account" in known_mail[0].get_content()
    assert [m["To"] for m in outbox] == ["fresh@example.com"]
    assert "/en/account/verify/" in outbox[0].get_content()
    assert count(db, User) == 2


APPLICATION = {
    "name_zh_hant": "鶯歌陶藝工坊",
    "name_en": "Yingge Clay Studio",
    "ubn": "04595252",
    "contact_name": "陳志明",
    "phone": "+886-2-2678-0000",
    "address": "新北市鶯歌區尖山埔路1號",
    "password": "clay-and-fire-2026",
    "confirm": "clay-and-fire-2026",
}


def test_applying_answers_the_same_for_an_address_that_has_an_account(
    app, db, make, outbox, hashes
):
    make.user(email="taken@example.com")
    hashes.clear()
    known = answer(
        app.test_client(), "/zh-hant/vendor/apply", {**APPLICATION, "email": "taken@example.com"}
    )
    known_hashes, known_mail = len(hashes), list(outbox)
    hashes.clear()
    outbox.clear()
    unknown = answer(
        app.test_client(),
        "/zh-hant/vendor/apply",
        {**APPLICATION, "email": "owner@yingge.example.com"},
    )

    assert known == unknown
    assert known["location"] == "/zh-hant/account/check-email"
    assert known_hashes == len(hashes) == 1
    assert [m["To"] for m in known_mail] == ["taken@example.com"]
    # (in the owner's language) no application was made: a link to sign in, none to confirm
    told = known_mail[0].get_content()
    assert "http://localhost/zh-hant/account/sign-in" in told
    assert "/account/verify/" not in told
    assert [m["To"] for m in outbox] == ["owner@yingge.example.com"]
    assert "/zh-hant/account/verify/" in outbox[0].get_content()
    assert count(db, Vendor) == 1  # only the new address made an application


def test_inviting_staff_answers_the_same_for_an_address_that_has_an_account(app, db, make, outbox):
    make.user(email="taken@example.com")

    def owner_browser(n):
        vendor = make.vendor(slug=f"shop-{n}", name_en="Clay Shop", name_zh_hant="陶藝")
        owner = make.user(role="vendor", vendor=vendor, email=f"owner{n}@example.com", name="Owner")
        client = app.test_client()
        page = client.get("/en/account/sign-in").get_data(as_text=True)
        client.post(
            "/en/account/sign-in",
            data={"csrf_token": csrf_from(page), "email": owner.email, "password": PASSWORD},
        )
        return client, owner

    first, first_owner = owner_browser(1)
    second, second_owner = owner_browser(2)
    known = answer(
        first,
        "/en/vendor/staff",
        {"email": "taken@example.com"},
        "taken@example.com",
        first_owner.email,
    )
    known_mail = list(outbox)
    outbox.clear()
    unknown = answer(
        second,
        "/en/vendor/staff",
        {"email": "fresh@example.com"},
        "fresh@example.com",
        second_owner.email,
    )

    assert known == unknown
    assert known["status"] == 303
    assert count(db, VendorInvitation) == 2  # both listed as waiting, as the owner expects
    assert [m["To"] for m in known_mail] == ["taken@example.com"]
    assert "/vendor/join/" not in known_mail[0].get_content()
    assert [m["To"] for m in outbox] == ["fresh@example.com"]
    assert "/en/vendor/join/" in outbox[0].get_content()


def test_asking_for_a_password_link_answers_the_same_either_way(app, db, make, outbox):
    make.user(email="taken@example.com")
    known = answer(app.test_client(), "/en/account/password/forgot", {"email": "taken@example.com"})
    known_mail = list(outbox)
    outbox.clear()
    unknown = answer(
        app.test_client(), "/en/account/password/forgot", {"email": "fresh@example.com"}
    )

    assert known == unknown
    assert known["location"] == "/en/account/check-email"
    assert "/en/account/password/reset/" in known_mail[0].get_content()
    assert [m["To"] for m in outbox] == ["fresh@example.com"]
    assert "has no account" in outbox[0].get_content()


def test_a_stranger_cannot_flood_someones_inbox(app, db, make, outbox):
    make.user(email="victim@example.com")
    for n in range(6):
        client = app.test_client()
        answer(client, "/en/account/password/forgot", {"email": "victim@example.com"})
        answer(
            client,
            "/en/account/sign-up",
            {
                "name": "X",
                "email": "victim@example.com",
                "password": f"night-market-{n}-lanterns",
                "confirm": f"night-market-{n}-lanterns",
            },
        )
    assert len(outbox) == 3  # RATELIMIT_MAILS_PER_ADDRESS: 3 a day, whatever asked for them
