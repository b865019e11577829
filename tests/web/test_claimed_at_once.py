"""Two requests claiming the same unique value at the same moment (services.claims).

Each service looks before it writes, but on PostgreSQL two requests can both look, both find
the address, number or name free, and both write. These tests make the look blind (as if the
other request's row landed just after it), so the unique index is what refuses the second
write: the visitor must get the answer they would have got a moment later, never a 500, and
nothing half-made may be left behind."""

from __future__ import annotations

import pytest
from sqlalchemy import false, func, select

from app.models import HalalBody, User, Vendor
from app.models.search import SearchSynonymGroup
from app.services import accounts, markets, vendors
from app.services.search import synonym_groups
from tests.conftest import Browser
from tests.web import test_ops_rules
from tests.web.test_enumeration import APPLICATION
from tests.web.test_ops_rules import OPS, field_error

ops = test_ops_rules.ops  # the signed-in operator fixture


def count(db, model, *where) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


@pytest.fixture
def blind_to_addresses(monkeypatch):
    """The address check finds no account, as if the other sign-up had not committed yet."""
    monkeypatch.setattr(accounts, "find_by_email", lambda email: None)


def test_signing_up_an_address_another_request_just_took_answers_as_usual(
    app, db, make, outbox, blind_to_addresses
):
    make.user(email="mei@example.com", name="Mei Lin")
    db.session.commit()

    answer = Browser(app.test_client()).submit(
        "/en/account/sign-up",
        {
            "name": "Somchai",
            "email": "mei@example.com",
            "password": "night-market-lanterns",
            "confirm": "night-market-lanterns",
        },
    )

    # the page every sign-up gets ("check your e-mail"), and no second account
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/en/account/check-email"
    assert count(db, User, User.email == "mei@example.com") == 1
    assert [m["To"] for m in outbox] == []  # the other request mails its own link


def test_applying_with_an_address_another_request_just_took_leaves_no_shop_behind(
    app, db, make, outbox, blind_to_addresses
):
    make.user(email="owner@yingge.example.com")
    db.session.commit()

    answer = Browser(app.test_client()).submit(
        "/en/vendor/apply", {**APPLICATION, "email": "owner@yingge.example.com"}
    )

    assert answer.status_code == 303
    assert answer.headers["Location"] == "/en/account/check-email"
    # the shop row written before the account was refused is undone with it
    assert count(db, Vendor) == 0
    assert count(db, User) == 1


def test_applying_with_a_business_number_another_shop_just_took_is_refused(
    app, db, make, monkeypatch
):
    make.vendor(ubn="04595252", name_en="Yingge First Kiln")
    db.session.commit()
    monkeypatch.setattr(vendors, "check_ubn", lambda value, vendor_id=None: value)

    answer = Browser(app.test_client()).submit(
        "/en/vendor/apply", {**APPLICATION, "email": "owner@yingge.example.com"}
    )

    # the form again, as for a number taken long ago
    assert answer.status_code == 200
    assert field_error(answer, "ubn") == (
        "A vendor with this business number is already registered."
    )
    assert count(db, Vendor) == 1
    assert count(db, User) == 0


def test_two_shops_of_the_same_name_applying_at_once_each_get_their_own_address(
    app, db, make, monkeypatch
):
    make.vendor(slug="yingge-clay-studio", name_en="Yingge Clay Studio")
    db.session.commit()
    looked = []

    def first_blind(name: str) -> str:
        # the first look misses the other shop's slug; a second look sees it
        looked.append(name)
        return "yingge-clay-studio" if len(looked) == 1 else real_slug_for(name)

    real_slug_for = vendors.slug_for
    monkeypatch.setattr(vendors, "slug_for", first_blind)

    answer = Browser(app.test_client()).submit(
        "/en/vendor/apply", {**APPLICATION, "email": "owner@yingge.example.com"}
    )

    assert answer.status_code == 303
    assert len(looked) == 2
    db.session.expire_all()
    slugs = db.session.scalars(select(Vendor.slug).order_by(Vendor.id)).all()
    assert slugs == ["yingge-clay-studio", "yingge-clay-studio-2"]


def test_a_search_word_group_named_by_another_operator_at_once_is_refused(db, ops, monkeypatch):
    monkeypatch.setattr(synonym_groups, "_check", lambda *args: None)
    before = count(db, SearchSynonymGroup)

    taken = ops.submit(
        f"{OPS}/search-words", {"name": "black tea", "terms": "teh o\nkopi teh", "attribute": ""}
    )

    assert taken.status_code == 200  # the form again, as for a name taken long ago
    assert field_error(taken, "name") == "Another group already has this name."
    assert count(db, SearchSynonymGroup) == before


def test_a_halal_body_added_by_another_operator_at_once_is_refused(db, ops, monkeypatch):
    before = count(db, HalalBody)
    monkeypatch.setattr(markets, "select", blind_select(markets.select, HalalBody.id))

    taken = ops.submit(f"{OPS}/halal", {"code": "jakim", "name": "Again", "country": "MY"})

    assert taken.status_code == 200  # the form again, as for a name taken long ago
    assert field_error(taken, "code") == "Another body already has this code."
    assert count(db, HalalBody) == before


def blind_select(real, column):
    """select() whose look for `column` finds nothing (the other row not yet committed)."""

    def select_(*columns):
        statement = real(*columns)
        blind = len(columns) == 1 and columns[0] is column
        return statement.where(false()) if blind else statement

    return select_
