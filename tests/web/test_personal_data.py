"""The person's own data: a copy of everything kept about them, deleting the account (orders
kept as the law requires, without the person in them), photos that stop being served once
deleted, and retention periods purged by `flask privacy purge`."""

from __future__ import annotations

import json
import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import (
    Address,
    AuditEvent,
    CatalogImport,
    Order,
    OutboxMessage,
    Product,
    ProductImage,
    SignInAttempt,
    User,
)
from app.services import addresses, cart, clock
from app.services.catalog import images as product_images
from app.services.checkout import placing
from app.transaction import unit_of_work
from tests import after_sale
from tests.conftest import Browser, csrf_from
from tests.factories import PASSWORD
from tests.services.test_checkout import ADDRESSES, shopper


@pytest.fixture
def tea(make):
    shop = make.vendor(slug="tea-shop", name_en="Tea Shop")
    return make.product(
        shop,
        handle="oolong",
        names={"en": "High Mountain Oolong"},
        variants=[{"sku": "HMO-1", "price_twd": 600, "stock": 20}],
        image=("p/aa/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 900, 900),
    ).variants[0]


def place_as(user, variant, units=1):
    """An order placed by the signed-in shopper (awaiting payment)."""
    who = shopper("TH", "en")
    items = [cart.Item(variant.id, units)]
    with unit_of_work():
        return placing.place(
            who,
            items,
            placing.Buyer(user.email, "en", user),
            ADDRESSES["TH"],
            cart.price(items, who).fingerprint,
        )


def signed_in(app, user):
    client = app.test_client()
    Browser(client).sign_in(user.email, PASSWORD)
    return client


def test_download_my_data_holds_everything_kept_about_me_and_nothing_else(app, db, make, tea):
    mei = make.user(email="mei@example.com", name="Mei Lin")
    other = make.user(email="other@example.com")
    with unit_of_work():
        addresses.remember(
            mei, placing.check_contact(placing.Buyer(mei.email, "en"), ADDRESSES["TH"], "TH")
        )
    mine = place_as(mei, tea)
    theirs = place_as(other, tea)
    # a guest order with my confirmed address, delivered and partly returned
    delivered = after_sale.delivered_order(tea, 2, email="mei@example.com")
    after_sale.ask_return(delivered, 1, reason="The tin arrived dented")
    client = signed_in(app, mei)

    response = client.get("/en/account/data.json")

    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response.headers["Cache-Control"]
    data = json.loads(response.get_data(as_text=True))
    assert set(data) == {"profile", "addresses", "orders", "returns", "sign_in_history"}
    assert data["profile"]["email"] == "mei@example.com"
    assert data["profile"]["name"] == "Mei Lin"
    assert [a["name"] for a in data["addresses"]] == ["Somchai Jaidee"]
    refs = {o["ref"] for o in data["orders"]}
    assert refs == {mine.ref, delivered.ref}
    assert theirs.ref not in json.dumps(data)
    placed = next(o for o in data["orders"] if o["ref"] == mine.ref)
    assert placed["ship_to"]["line1"] == "99/1 Sukhumvit 23"
    assert placed["parcels"][0]["lines"][0]["sku"] == "HMO-1"
    assert [(r["order"], r["reason"]) for r in data["returns"]] == [
        (delivered.ref, "The tin arrived dented")
    ]
    assert [h["outcome"] for h in data["sign_in_history"]] == ["signed_in"]
    assert "other@example.com" not in json.dumps(data)


def test_the_copy_of_my_data_costs_the_same_however_many_orders_i_placed(
    app, db, make, tea, count_queries
):
    mei = make.user(email="mei@example.com", name="Mei Lin")
    place_as(mei, tea)
    after_sale.ask_return(after_sale.delivered_order(tea, 2, email="mei@example.com"), 1)
    client = signed_in(app, mei)
    client.get("/en/account/data.json")  # warm: the signed-in user, the reference data

    def statements() -> tuple[int, int]:
        with count_queries() as ran:
            response = client.get("/en/account/data.json")
        assert response.status_code == 200
        return len(ran), len(json.loads(response.get_data(as_text=True))["orders"])

    few, orders = statements()
    for units in (1, 2, 3):
        place_as(mei, tea, units)
        after_sale.ask_return(after_sale.delivered_order(tea, units, email="mei@example.com"), 1)
    more, more_orders = statements()
    assert (orders, more_orders) == (2, 8)
    assert more == few


def test_deleting_the_account_keeps_orders_without_the_person(app, db, make, tea, outbox):
    mei = make.user(email="mei@example.com", name="Mei Lin")
    with unit_of_work():
        addresses.remember(
            mei, placing.check_contact(placing.Buyer(mei.email, "en"), ADDRESSES["TH"], "TH")
        )
    order = place_as(mei, tea, units=2)
    total, lines = order.total_minor, [(ln.sku, ln.quantity) for ln in order.lines]
    client = signed_in(app, mei)
    saved_session = client.get_cookie("session").value
    page = client.get("/en/account/delete").get_data(as_text=True)

    wrong = client.post(
        "/en/account/delete", data={"csrf_token": csrf_from(page), "password": "not-my-password"}
    )
    assert "That is not your password." in wrong.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, mei.id).email == "mei@example.com"

    done = client.post(
        "/en/account/delete", data={"csrf_token": csrf_from(page), "password": PASSWORD}
    )
    assert done.status_code == 303
    db.session.expire_all()

    kept = db.session.get(Order, order.id)
    assert kept.ref == order.ref
    assert kept.total_minor == total
    assert [(ln.sku, ln.quantity) for ln in kept.lines] == lines
    assert kept.ship_country == "TH"
    assert kept.status == "cancelled"  # it was never paid: cancelled, its stock released
    # ... without the person in it
    details = [
        kept.email,
        kept.ship_name,
        kept.ship_line1,
        kept.ship_line2,
        kept.ship_city,
        kept.ship_region,
        kept.ship_postal_code,
        kept.ship_phone,
    ]
    assert not any(
        part in value
        for value in details
        for part in ("mei@", "Somchai", "Sukhumvit", "Khlong", "10110", "081", "812345678")
    ), details
    gone = db.session.get(User, mei.id)
    assert gone.email != "mei@example.com"
    assert gone.name == ""
    assert db.session.scalar(select(func.count()).select_from(Address)) == 0
    assert (
        db.session.scalar(
            select(func.count()).select_from(SignInAttempt).where(SignInAttempt.user_id == mei.id)
        )
        == 0
    )

    # nobody signs in to it any more, and its sessions are over
    refused = Browser(app.test_client()).submit(
        "/en/account/sign-in", {"email": "mei@example.com", "password": PASSWORD}
    )
    assert "That email and password do not match an account." in refused.get_data(as_text=True)
    stranger = app.test_client()
    stranger.set_cookie("session", saved_session)
    assert stranger.get("/en/account/").status_code == 302
    assert outbox[-1]["To"] == "mei@example.com"
    assert "deleted" in outbox[-1]["Subject"]


def test_an_order_on_its_way_keeps_the_account_until_it_arrives(app, db, make, tea):
    mei = make.user(email="mei@example.com")
    after_sale.paid_order([(tea, 1)], email="mei@example.com")  # paid, waiting for the shop
    client = signed_in(app, mei)
    page = client.get("/en/account/delete").get_data(as_text=True)
    refused = client.post(
        "/en/account/delete", data={"csrf_token": csrf_from(page), "password": PASSWORD}
    )
    assert refused.status_code == 200
    assert "still on its way" in refused.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, mei.id).email == "mei@example.com"


def test_a_deleted_photo_stops_being_served(app, db, make, tea, client):
    product = db.session.get(Product, tea.product_id)
    [image] = product.images
    root = Path(app.config["MEDIA_ROOT"])
    path = root / f"{image.key}-list.webp"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"RIFF-not-really-webp")
    with client.get(f"/media/{image.key}-list.webp") as served:
        assert served.status_code == 200
        assert "immutable" not in served.headers["Cache-Control"]
        assert "max-age=86400" in served.headers["Cache-Control"]

    owner = make.user(role="vendor", vendor=product.vendor)
    with unit_of_work():
        product_images.remove(product, db.session.get(ProductImage, image.id), owner)

    with client.get(f"/media/{image.key}-list.webp") as gone:
        assert gone.status_code == 404
    assert path.exists()  # the file waits for the purge ...
    old = time.time() - 2 * 86400
    os.utime(path, (old, old))
    result = app.test_cli_runner().invoke(args=["privacy", "purge"])
    assert result.exit_code == 0, result.output
    assert "photo files: 1" in result.output
    assert not path.exists()  # ... which removes it once no photo names it


def test_privacy_purge_forgets_what_is_past_its_retention_and_can_run_again(app, db, make):
    long_ago = clock.now() - timedelta(days=400)
    vendor = make.vendor()
    owner = make.user(role="vendor", vendor=vendor)
    db.session.add_all(
        [
            SignInAttempt(
                email_hash="a" * 64,
                address="127.0.0.1",
                outcome="wrong_password",
                created_at=long_ago,
            ),
            SignInAttempt(email_hash="b" * 64, address="127.0.0.1", outcome="signed_in"),
            CatalogImport(
                vendor_id=vendor.id,
                filename="old.csv",
                content=b"handle\nx\n",
                sha256="0" * 64,
                status="previewed",
                created_at=long_ago,
            ),
            CatalogImport(
                vendor_id=vendor.id,
                filename="applied.csv",
                content=b"handle\nx\n",
                sha256="1" * 64,
                status="applied",
                created_at=long_ago,
            ),
            CatalogImport(
                vendor_id=vendor.id,
                filename="new.csv",
                content=b"handle\nx\n",
                sha256="2" * 64,
                status="previewed",
            ),
            AuditEvent(
                actor_id=owner.id,
                action="vendor.staff_invited",
                target_type="vendors",
                target_id=vendor.id,
                data={"email": "old@example.com"},
                created_at=long_ago,
            ),
            AuditEvent(
                actor_id=owner.id,
                action="vendor.staff_invited",
                target_type="vendors",
                target_id=vendor.id,
                data={"email": "new@example.com"},
            ),
            OutboxMessage(
                kind="mail",
                payload={"to": "old@example.com", "body": "link"},
                status="sent",
                created_at=long_ago,
                next_attempt_at=long_ago,
            ),
        ]
    )
    db.session.flush()
    runner = app.test_cli_runner()

    first = runner.invoke(args=["privacy", "purge"])
    assert first.exit_code == 0, first.output
    assert "sign in attempts: 1" in first.output
    assert "import previews: 1" in first.output
    assert "import files: 1" in first.output
    assert "audit emails: 1" in first.output
    assert "delivered mail: 1" in first.output
    db.session.expire_all()
    assert db.session.scalars(select(SignInAttempt.outcome)).all() == ["signed_in"]
    imports = {i.filename: i.content for i in db.session.scalars(select(CatalogImport))}
    assert imports == {"applied.csv": b"", "new.csv": b"handle\nx\n"}
    emails = sorted(e.data["email"] for e in db.session.scalars(select(AuditEvent)))
    assert emails == ["(deleted)", "new@example.com"]
    assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == 0

    again = runner.invoke(args=["privacy", "purge"])
    assert again.exit_code == 0
    assert all(line.endswith(": 0") for line in again.output.splitlines()), again.output
