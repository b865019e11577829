"""Catalog moderation in the operators' console (issue 12), through the test client with CSRF
on and the vendor portal as the vendor uses it: listings held for review (new and changed ones
hidden until approved), rejections with a reason the vendor reads, removing a live product at
once, suspending a vendor, a vendor's own commission, and finding any product or vendor.
Each decision leaves an audit row with the state before and after.
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from sqlalchemy import select

from app.models import AuditEvent, CacheVersion, Product, StoreSetting, Vendor
from app.models.user import Role
from tests.conftest import Browser
from tests.factories import PASSWORD
from tests.web.test_cart_and_checkout import doc_of

OPS = "/en/ops"
PORTAL = "/en/vendor"


@pytest.fixture
def ops(app, db, make) -> Browser:
    operator = make.user(Role.OPERATOR, email="moderator@example.com", name="Mo Derator")
    db.session.commit()
    browser = Browser(app.test_client())
    browser.sign_in(operator.email, PASSWORD, "en")
    browser.operator = operator
    return browser


@pytest.fixture
def shop(app, db, make):
    """An approved tea shop with a listed oolong, and its owner signed in to the portal."""
    vendor = make.vendor(slug="lin-tea", name_en="Lin Family Tea", name_zh_hant="林家茶園")
    owner = make.user(Role.VENDOR, email="owner@lin-tea.example", vendor=vendor)
    oolong = make.product(
        vendor,
        handle="oolong",
        names={"en": "Dong Ding Oolong"},
        variants=[{"sku": "DD-150", "price_twd": 680, "stock": 20, "weight_g": 300}],
        image=("p/aa/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 800, 800),
    )
    db.session.commit()
    portal = Browser(app.test_client())
    portal.sign_in(owner.email, PASSWORD, "en")
    return vendor, oolong, portal


def text(response) -> str:
    html = response.get_data(as_text=True)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def field_error(response, field_id: str) -> str:
    found = doc_of(response).by_id(f"{field_id}-error")
    return re.sub(r"\s+", " ", found.text()).strip() if found else ""


def audit_rows(db, action: str) -> list[AuditEvent]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
        )
    )


def status_of(db, product) -> str:
    db.session.expire_all()
    return db.session.get(Product, product.id).status


def shop_page(client, product) -> int:
    return client.get(f"/en/products/lin-tea/{product.handle}").status_code


def hold_listings(db, ops) -> None:
    response = ops.submit(f"{OPS}/settings", {"hold_new_listings": "y", "default_commission": "15"})
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(StoreSetting, "hold_new_listings").value is True


def edit_form(product, **changes) -> dict:
    variant = product.variants[0]
    data = {
        "category": str(product.category_id),
        "handle": product.handle,
        "name_en": "Dong Ding Oolong",
        "variants-0-variant_id": str(variant.id),
        "variants-0-sku": variant.sku,
        "variants-0-price_twd": str(variant.price_twd),
        "variants-0-stock": str(variant.on_hand),
        "variants-0-weight_g": str(variant.weight_g),
        "origin": "TW",
        "exemption": "",
    }
    data.update(changes)
    return data


def moderate(ops, product, decision: str, reason: str = "", back: str = "product"):
    page = f"{OPS}/products/{product.id}"
    return ops.submit(
        page,
        {"decision": decision, "reason": reason, "back": back},
        action=f"{page}/moderate",
    )


def test_while_listings_are_held_a_changed_listing_is_hidden_until_approved(app, db, ops, shop):
    vendor, oolong, portal = shop
    shopper = app.test_client()
    assert shop_page(shopper, oolong) == 200

    # held off: a vendor's change is live at once
    saved = portal.submit(
        f"{PORTAL}/products/{oolong.id}", edit_form(oolong, name_en="Dong Ding Oolong, 2026")
    )
    assert saved.status_code == 303
    assert status_of(db, oolong) == "active"

    hold_listings(db, ops)
    # a new price and stock are not reviewed ...
    portal.submit(
        f"{PORTAL}/products/{oolong.id}",
        edit_form(oolong, name_en="Dong Ding Oolong, 2026", **{"variants-0-price_twd": "700"}),
    )
    assert status_of(db, oolong) == "active"
    # ... a new name is
    saved = portal.submit(
        f"{PORTAL}/products/{oolong.id}", edit_form(oolong, name_en="Dong Ding Oolong, spring")
    )
    assert saved.status_code == 303
    assert "An operator reviews them before shoppers see the product again" in text(
        portal.get(saved.headers["Location"])
    )
    assert status_of(db, oolong) == "pending_review"
    assert shop_page(shopper, oolong) == 404
    assert "Waiting for an operator's review" in text(portal.get(f"{PORTAL}/products/{oolong.id}"))

    queue = text(ops.get(f"{OPS}/review"))
    assert "1 listing is waiting." in queue
    assert "Dong Ding Oolong, spring" in queue
    assert "1 listing waiting for review" in text(ops.get(f"{OPS}/"))

    approved = moderate(ops, oolong, "approve", back="queue")
    assert approved.status_code == 303
    assert approved.headers["Location"].endswith(f"{OPS}/review")
    assert status_of(db, oolong) == "active"
    page = shopper.get("/en/products/lin-tea/oolong")
    assert page.status_code == 200
    assert "Dong Ding Oolong, spring" in text(page)
    assert "Nothing is waiting." in text(ops.get(f"{OPS}/review"))
    [row] = audit_rows(db, "product.approved")
    assert row.actor_id == ops.operator.id
    assert row.data == {
        "before": {"status": "pending_review", "review_note": None},
        "after": {"status": "active", "review_note": None},
    }


def test_a_rejection_needs_a_reason_that_the_vendor_then_reads(db, ops, shop, make):
    vendor, _oolong, portal = shop
    waiting = make.product(
        vendor,
        handle="black",
        names={"en": "Sun Moon Lake Black"},
        status="pending_review",
        image=("p/bb/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 800, 800),
    )
    db.session.commit()

    refused = moderate(ops, waiting, "reject", reason="  ")
    assert refused.status_code == 200
    assert (
        field_error(refused, f"reason-{waiting.id}")
        == "Say why: the vendor reads it in the portal."
    )
    assert status_of(db, waiting) == "pending_review"
    assert audit_rows(db, "product.rejected") == []

    reason = "The photo shows another brand's tin. Show your own packaging."
    assert moderate(ops, waiting, "reject", reason=reason).status_code == 303
    assert status_of(db, waiting) == "rejected"
    listing = text(portal.get(f"{PORTAL}/products"))
    assert f"Operators did not approve this listing. Reason: {reason}" in listing
    assert reason in text(portal.get(f"{PORTAL}/products/{waiting.id}"))
    [row] = audit_rows(db, "product.rejected")
    assert row.data["after"] == {"status": "rejected", "review_note": reason}

    # listed again by the vendor, it goes back to the operators (listings are held)
    hold_listings(db, ops)
    portal.submit(
        f"{PORTAL}/products", {"listed": "1"}, action=f"{PORTAL}/products/{waiting.id}/listing"
    )
    assert status_of(db, waiting) == "pending_review"


def test_an_edit_sends_a_rejected_listing_back_even_when_nothing_is_held(db, ops, shop, make):
    vendor, _oolong, portal = shop
    product = make.product(
        vendor,
        handle="green",
        names={"en": "Bi Luo Chun"},
        status="rejected",
        review_note="Say where the tea grows.",
        image=("p/cc/cccccccccccccccccccccccccccccccc", 800, 800),
    )
    db.session.commit()
    portal.submit(
        f"{PORTAL}/products/{product.id}",
        edit_form(product, name_en="Bi Luo Chun from Sanxia"),
    )
    assert status_of(db, product) == "active"


def test_a_live_product_is_removed_at_once_and_can_be_restored(app, db, ops, shop):
    vendor, oolong, portal = shop
    shopper = app.test_client()
    assert "Dong Ding Oolong" in text(shopper.get("/en/search?q=oolong"))
    versions = cache_versions_now(db)

    removed = moderate(ops, oolong, "remove", reason="Sold without the required licence.")

    assert removed.status_code == 303
    assert status_of(db, oolong) == "removed"
    assert shop_page(shopper, oolong) == 404
    assert "Dong Ding Oolong" not in text(shopper.get("/en/search?q=oolong"))
    assert "Dong Ding Oolong" not in text(shopper.get("/en/shops/lin-tea"))
    # every app process is told (the catalog's cache stamp moved with the change)
    assert cache_versions_now(db)["catalog"] == versions["catalog"] + 1
    assert "Sold without the required licence." in text(portal.get(f"{PORTAL}/products"))
    # the vendor cannot list it again
    portal.submit(
        f"{PORTAL}/products", {"listed": "1"}, action=f"{PORTAL}/products/{oolong.id}/listing"
    )
    assert status_of(db, oolong) == "removed"

    assert moderate(ops, oolong, "restore").status_code == 303
    assert status_of(db, oolong) == "active"
    assert shop_page(shopper, oolong) == 200
    [gone] = audit_rows(db, "product.removed")
    [back] = audit_rows(db, "product.restored")
    assert gone.data["before"]["status"] == "active"
    assert back.data == {
        "before": {"status": "removed", "review_note": "Sold without the required licence."},
        "after": {"status": "active", "review_note": None},
    }


def test_a_decision_taken_in_another_tab_is_not_taken_twice(db, ops, shop):
    _vendor, oolong, _portal = shop
    response = moderate(ops, oolong, "approve")  # it is live already
    assert response.status_code == 303
    assert "Nothing was changed: this listing is now “Listed”" in text(
        ops.get(response.headers["Location"])
    )
    assert audit_rows(db, "product.approved") == []


def cache_versions_now(db) -> dict[str, int]:
    db.session.expire_all()
    return dict(db.session.execute(select(CacheVersion.area, CacheVersion.version)).all())


# -- vendors: suspension and commission ---------------------------------------------------------


def test_a_suspended_vendor_leaves_the_storefront_at_once(app, db, ops, shop):
    vendor, oolong, portal = shop
    shopper = app.test_client()
    page = f"{OPS}/vendors/{vendor.id}/account"
    action = f"{OPS}/vendors/{vendor.id}/standing"

    refused = ops.submit(page, {"decision": "suspend", "reason": ""}, action=action)
    assert field_error(refused, "reason") == "Say why: the vendor reads it in the portal."
    db.session.expire_all()
    assert db.session.get(Vendor, vendor.id).status == "approved"

    reason = "Certificates of origin are missing."
    assert (
        ops.submit(page, {"decision": "suspend", "reason": reason}, action=action).status_code
        == 303
    )
    db.session.expire_all()
    assert db.session.get(Vendor, vendor.id).status == "suspended"
    assert shop_page(shopper, oolong) == 404
    assert shopper.get("/en/shops/lin-tea").status_code == 404
    assert "Dong Ding Oolong" not in text(shopper.get("/en/search?q=oolong"))
    assert f"Reason: {reason}" in text(portal.get(f"{PORTAL}/"))

    assert ops.submit(page, {"decision": "reinstate"}, action=action).status_code == 303
    assert shop_page(shopper, oolong) == 200
    assert "Dong Ding Oolong" in text(shopper.get("/en/search?q=oolong"))
    [suspended] = audit_rows(db, "vendor.suspended")
    [reinstated] = audit_rows(db, "vendor.reinstated")
    assert suspended.data == {
        "before": {"status": "approved", "reason": None},
        "after": {"status": "suspended", "reason": reason},
    }
    assert reinstated.data["after"] == {"status": "approved", "reason": None}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("twelve", "Enter a number like 12.5."),
        ("-3", "Enter a percentage from 0 to 100."),
        ("100.5", "Enter a percentage from 0 to 100."),
        ("12.125", "Use at most 2 decimal places."),
    ],
)
def test_a_vendor_commission_that_is_no_percentage_is_refused(db, ops, shop, typed, message):
    vendor, _oolong, _portal = shop
    page = f"{OPS}/vendors/{vendor.id}/account"
    response = ops.submit(page, {"commission": typed})
    assert field_error(response, "commission") == message
    db.session.expire_all()
    assert db.session.get(Vendor, vendor.id).commission_bp is None
    assert audit_rows(db, "vendor.commission_set") == []


def test_a_vendor_gets_its_own_commission_or_follows_the_default(db, ops, shop):
    vendor, _oolong, _portal = shop
    page = f"{OPS}/vendors/{vendor.id}/account"
    assert "Commission charged now 15% (the store's default)" in text(ops.get(page))

    ops.submit(page, {"commission": "12"})
    db.session.expire_all()
    assert db.session.get(Vendor, vendor.id).commission_bp == 1200
    assert "Commission charged now 12%" in text(ops.get(page))

    ops.submit(page, {"commission": ""})
    db.session.expire_all()
    assert db.session.get(Vendor, vendor.id).commission_bp is None
    ops.submit(f"{OPS}/settings", {"default_commission": "10"})
    assert "Commission charged now 10% (the store's default)" in text(ops.get(page))
    rows = audit_rows(db, "vendor.commission_set")
    assert [(r.data["before"], r.data["after"]) for r in rows] == [
        ({"commission_bp": None}, {"commission_bp": 1200}),
        ({"commission_bp": 1200}, {"commission_bp": None}),
    ]


# -- finding products and vendors ---------------------------------------------------------------


def test_every_product_and_vendor_can_be_found_and_filtered(db, ops, shop, make):
    vendor, oolong, _portal = shop
    other = make.vendor(slug="hill-farm", name_en="Hill Farm", name_zh_hant="山農")
    make.product(other, handle="plum", names={"en": "Salted Plum"}, category="snacks")
    make.product(other, handle="draft-plum", names={"en": "Draft Plum"}, status="draft")
    db.session.commit()

    def names(path):
        return [
            a.text()
            for a in doc_of(ops.get(path)).find_all("a")
            if "/ops/products/" in a.attrs.get("href", "")
        ]

    assert names(f"{OPS}/products?q=oolong") == ["Dong Ding Oolong"]
    assert names(f"{OPS}/products?q=DD-150") == ["Dong Ding Oolong"]  # a SKU
    assert set(names(f"{OPS}/products?q=hill")) == {"Salted Plum", "Draft Plum"}  # the vendor
    assert names(f"{OPS}/products?q=plum&status=draft") == ["Draft Plum"]
    assert set(names(f"{OPS}/products?vendor={vendor.id}")) == {"Dong Ding Oolong"}
    assert names(f"{OPS}/products?q=nothing-like-it") == []

    found = text(ops.get(f"{OPS}/vendors?status=all&q=hill"))
    assert "Hill Farm" in found
    assert "Lin Family Tea" not in found
    assert "Lin Family Tea" in text(ops.get(f"{OPS}/vendors?status=approved&q=林家"))


# -- statements per page ------------------------------------------------------------------------


def test_the_moderation_pages_cost_the_same_with_more_products(db, ops, shop, make, count_queries):
    vendor, oolong, _portal = shop

    def add(n: int) -> None:
        for i in range(n):
            make.product(
                vendor,
                names={"en": f"Waiting tea {i}", "th": f"ชา {i}"},
                status="pending_review",
                variants=[
                    {"price_twd": 300 + i, "stock": 1},
                    {"price_twd": 400 + i, "stock": 2},
                ],
                image=(f"p/dd/{i:032d}", 800, 800),
            )
        db.session.commit()

    pages = (f"{OPS}/review", f"{OPS}/products", f"{OPS}/products?q=tea", f"{OPS}/")

    def costs() -> list[int]:
        found = []
        for path in pages:
            ops.get(path)  # warm: the session's user, the reference data
            with count_queries() as statements:
                assert ops.get(path).status_code == 200
            found.append(len(statements))
        return found

    add(2)
    few = costs()
    add(20)
    many = costs()
    assert many == few
    print(dict(zip(pages, few, strict=True)))
