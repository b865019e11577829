"""Every state-changing route refuses a post without its CSRF token.

The routes come from the app's URL map, not from a list kept by hand: a route that accepts
POST, PUT, PATCH or DELETE and has no case below fails the test until someone says who posts
to it and what a real post holds. For each route, a fresh client signed in as the person the
form is for (so that CSRF, not access, is what refuses) posts a real form without the token:
the answer is 400, raised by CSRF protection, and nothing changes (database, session, mail,
media folder). Then the same post with the page's token does change something: the refusal
is what kept the world as it was, not a post that would have done nothing anyway.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from flask_wtf.csrf import CSRFError
from PIL import Image
from sqlalchemy import select

from app.extensions import limiter
from app.models import ProductImage
from app.services import vendors
from app.services.catalog import imports as catalog_imports
from app.web import errors
from tests.conftest import csrf_from
from tests.factories import PASSWORD

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
_seq = itertools.count(1)


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 640), (40, 120, 90)).save(buffer, "PNG")
    return buffer.getvalue()


CSV = (
    b"handle,sku,category,name_en,price_twd,stock,weight_g\n"
    b"sun-cake,SC-6,snacks,Sun Cake,320,10,500\n"
)


class World:
    """What a route needs, made when first asked for (each case gets its own world)."""

    def __init__(self, app, make):
        self.app = app
        self.make = make
        self.n = next(_seq)

    @cached_property
    def vendor(self):
        return self.make.vendor(slug=f"csrf-shop-{self.n}")

    @cached_property
    def owner(self):
        return self.make.user(role="vendor", vendor=self.vendor)

    @cached_property
    def product(self):
        product = self.make.product(
            self.vendor,
            handle="celadon-cup",
            names={"en": "Celadon cup"},
            variants=[{"sku": "CUP-1", "price_twd": 300, "stock": 5}],
            image=("p/cd/cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd", 900, 900),
        )
        product.images.append(
            ProductImage(key="p/ef/efefefefefefefefefefefefefefefef", width=900, height=900)
        )
        self.make.db.session.flush()
        return product

    @cached_property
    def image(self):
        return max(self.product.images, key=lambda image: image.id)  # the second photo

    @cached_property
    def staff_member(self):
        return self.make.user(role="vendor", vendor=self.vendor, is_vendor_owner=False)

    @cached_property
    def invitation(self):
        return vendors.invite(self.vendor, self.owner, f"invitee{self.n}@example.com", "en")

    @cached_property
    def invitation_token(self):
        return vendors.invitation_token(self.invitation, self.app.config["SECRET_KEY"])

    @cached_property
    def catalog_import(self):
        record = catalog_imports.preview(self.vendor, self.owner, "cakes.csv", CSV)
        assert record is not None
        return record

    @cached_property
    def applicant(self):
        return self.make.vendor(slug=f"csrf-applicant-{self.n}", status="pending")

    def user(self, who: str):
        if who == "vendor":
            return self.owner
        return self.make.user(role=who)


@dataclass(frozen=True)
class Case:
    #: who the form is for: anonymous, shopper, vendor (the owner of an approved vendor), operator
    who: str
    #: the page holding the form (where the token for the control post comes from)
    page: Callable[[World], str]
    #: a real post's fields, without the token
    data: Callable[[World], dict] = lambda w: {}
    #: values for the URL's parameters other than lang
    params: Callable[[World], dict] = lambda w: {}
    #: files a real post uploads
    files: Callable[[World], dict] = lambda w: {}


def _product_form(world: World, handle: str) -> dict:
    return {
        "category": str(world.make.category("tea").id),
        "handle": handle,
        "name_en": "Oriental Beauty Oolong",
        "variants-0-sku": f"OB-{handle}",
        "variants-0-price_twd": "900",
        "variants-0-stock": "12",
        "variants-0-weight_g": "180",
        "origin": "TW",
        "exemption": "",
    }


def _edit_form(world: World) -> dict:
    variant = world.product.variants[0]
    return _product_form(world, world.product.handle) | {
        "name_en": "Celadon cup, renamed",
        "variants-0-variant_id": str(variant.id),
        "variants-0-sku": variant.sku,
    }


#: endpoint → what a real post to it is
CASES: dict[str, Case] = {
    "shop.choose_market": Case(
        "shopper", lambda w: "/en/", data=lambda w: {"market": "MY", "next": "/en/"}
    ),
    "account.sign_in": Case(
        "anonymous",
        lambda w: "/en/account/sign-in",
        data=lambda w: {"email": w.make.user().email, "password": PASSWORD},
    ),
    "account.sign_up": Case(
        "anonymous",
        lambda w: "/en/account/sign-up",
        data=lambda w: {
            "name": "Mei",
            "email": f"new{w.n}@example.com",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    ),
    "account.sign_out": Case("shopper", lambda w: "/en/account/"),
    "vendor.apply": Case(
        "anonymous",
        lambda w: "/en/vendor/apply",
        data=lambda w: {
            "name_zh_hant": "鶯歌陶藝工坊",
            "name_en": "Yingge Clay Studio",
            "ubn": "04595252",
            "contact_name": "陳志明",
            "email": f"applicant{w.n}@example.com",
            "phone": "+886-2-2678-0000",
            "address": "新北市鶯歌區尖山埔路1號",
            "password": "clay-and-fire-2026",
            "confirm": "clay-and-fire-2026",
        },
    ),
    "vendor.new_product": Case(
        "vendor",
        lambda w: "/en/vendor/products/new",
        data=lambda w: _product_form(w, "oriental-beauty"),
    ),
    "vendor.edit_product": Case(
        "vendor",
        lambda w: f"/en/vendor/products/{w.product.id}",
        data=_edit_form,
        params=lambda w: {"product_id": w.product.id},
    ),
    "vendor.listing": Case(
        "vendor",
        lambda w: "/en/vendor/products",
        data=lambda w: {"listed": "0"},
        params=lambda w: {"product_id": w.product.id},
    ),
    "vendor.delete_product": Case(
        "vendor",
        lambda w: "/en/vendor/products",
        data=lambda w: {},
        params=lambda w: {"product_id": w.product.id},
    ),
    "vendor.quick_edit": Case(
        "vendor",
        lambda w: "/en/vendor/products",
        data=lambda w: {"price_twd": "350", "stock": "0"},
        params=lambda w: {"variant_id": w.product.variants[0].id},
    ),
    "vendor.images": Case(
        "vendor",
        lambda w: f"/en/vendor/products/{w.product.id}/images",
        params=lambda w: {"product_id": w.product.id},
        files=lambda w: {"images": (io.BytesIO(png()), "cup.png")},
    ),
    "vendor.move_image": Case(
        "vendor",
        lambda w: f"/en/vendor/products/{w.product.id}/images",
        data=lambda w: {"direction": "up"},
        params=lambda w: {"product_id": w.product.id, "image_id": w.image.id},
    ),
    "vendor.delete_image": Case(
        "vendor",
        lambda w: f"/en/vendor/products/{w.product.id}/images",
        params=lambda w: {"product_id": w.product.id, "image_id": w.image.id},
    ),
    "vendor.image_alt": Case(
        "vendor",
        lambda w: f"/en/vendor/products/{w.product.id}/images",
        data=lambda w: {f"alt-{w.image.id}-alt_en": "A green cup"},
        params=lambda w: {"product_id": w.product.id, "image_id": w.image.id},
    ),
    "vendor.bulk_import": Case(
        "vendor",
        lambda w: "/en/vendor/import",
        files=lambda w: {"file": (io.BytesIO(CSV), "cakes.csv")},
    ),
    "vendor.import_confirm": Case(
        "vendor",
        lambda w: f"/en/vendor/import/{w.catalog_import.id}",
        params=lambda w: {"import_id": w.catalog_import.id},
    ),
    "vendor.staff": Case(
        "vendor", lambda w: "/en/vendor/staff", data=lambda w: {"email": f"helper{w.n}@example.com"}
    ),
    "vendor.revoke_invitation": Case(
        "vendor",
        lambda w: "/en/vendor/staff",
        params=lambda w: {"invitation_id": w.invitation.id},
    ),
    "vendor.remove_member": Case(
        "vendor",
        lambda w: "/en/vendor/staff",
        params=lambda w: {"user_id": w.staff_member.id},
    ),
    "vendor.join": Case(
        "anonymous",
        lambda w: f"/en/vendor/join/{w.invitation_token}",
        data=lambda w: {"name": "Somchai", "password": PASSWORD, "confirm": PASSWORD},
        params=lambda w: {"token": w.invitation_token},
    ),
    "ops.vendor_detail": Case(
        "operator",
        lambda w: f"/en/ops/vendors/{w.applicant.id}",
        data=lambda w: {"decision": "approve", "reason": ""},
        params=lambda w: {"vendor_id": w.applicant.id},
    ),
}


def state_changing_rules(app):
    rules = [rule for rule in app.url_map.iter_rules() if (rule.methods or set()) & STATE_CHANGING]
    return sorted(rules, key=lambda rule: rule.rule)


def snapshot(app, db, outbox, client) -> dict:
    """Everything a post could change: every table's rows, the session, mail, media files."""
    db.session.expire_all()
    tables = {}
    for table in db.metadata.sorted_tables:
        rows = db.session.execute(select(table)).all()
        tables[table.name] = sorted(tuple(map(repr, row)) for row in rows)
    cookie = client.get_cookie("session")
    session = {}
    if cookie is not None:
        session = app.session_interface.get_signing_serializer(app).loads(cookie.value)
        # messages to show, and Flask-Login's note of whether the sign-in is fresh: bookkeeping
        # (signing in or out changes _user_id)
        session.pop("_flashes", None)
        session.pop("_fresh", None)
    media = Path(app.config["MEDIA_ROOT"])
    return {
        "tables": tables,
        "session": session,
        "mail": len(outbox),
        "media": sorted(str(p.relative_to(media)) for p in media.rglob("*")),
    }


def changed(before: dict, after: dict) -> list[str]:
    differ = [key for key in before if key != "tables" and before[key] != after[key]]
    return differ + [
        f"table {name}"
        for name in before["tables"]
        if before["tables"][name] != after["tables"][name]
    ]


@pytest.fixture
def csrf_refusals(monkeypatch):
    """The errors the 400 page was rendered for."""
    seen = []
    render = errors.render_error

    def spy(status, error=None):
        seen.append((status, error))
        return render(status, error)

    monkeypatch.setattr(errors, "render_error", spy)
    return seen


def test_every_state_changing_route_has_a_case(app):
    endpoints = {rule.endpoint for rule in state_changing_rules(app)}
    unknown = sorted(endpoints - CASES.keys())
    assert not unknown, (
        f"{unknown} accept POST/PUT/PATCH/DELETE but tests/web/test_csrf.py has no case for "
        "them: add one saying who posts there and what a real post holds"
    )
    stale = sorted(CASES.keys() - endpoints)
    assert not stale, f"{stale} are no longer routes: remove their cases"


def test_posts_without_the_csrf_token_are_refused_and_change_nothing(
    app, db, make, outbox, csrf_refusals, subtests
):
    rules = state_changing_rules(app)
    assert len(rules) >= 20  # the map was read: sign-in, the portal, the operators' queue...
    for rule in rules:
        case = CASES.get(rule.endpoint)
        if case is None:
            continue  # named by test_every_state_changing_route_has_a_case
        with subtests.test(rule.endpoint):
            limiter.reset()  # a sign-in per case: stay under the sign-in rate limit
            world = World(app, make)
            client = app.test_client()
            if case.who != "anonymous":
                user = world.user(case.who)
                page = client.get("/en/account/sign-in").get_data(as_text=True)
                signed_in = client.post(
                    "/en/account/sign-in",
                    data={"email": user.email, "password": PASSWORD, "csrf_token": csrf_from(page)},
                )
                assert signed_in.status_code == 303, rule.endpoint
            params = case.params(world)
            assert set(params) == set(rule.arguments) - {"lang"}, f"{rule}: {params}"
            url = app.url_map.bind("localhost").build(rule.endpoint, {"lang": "en", **params})
            form_page = client.get(case.page(world))
            assert form_page.status_code == 200, (rule.endpoint, case.page(world))
            token = csrf_from(form_page.get_data(as_text=True))
            data = case.data(world)
            for method in sorted((rule.methods or set()) & STATE_CHANGING):
                before = snapshot(app, db, outbox, client)
                csrf_refusals.clear()
                refused = client.open(url, method=method, data=data | case.files(world))
                assert refused.status_code == 400, (rule.endpoint, method, refused.status_code)
                assert "Something went wrong with that form" in refused.get_data(as_text=True)
                assert [type(error) for _status, error in csrf_refusals] == [CSRFError]
                after = snapshot(app, db, outbox, client)
                assert not changed(before, after), (rule.endpoint, changed(before, after))

                # the same post with the token acts: the refusal above is what kept things
                accepted = client.open(
                    url,
                    method=method,
                    data=data | case.files(world) | {"csrf_token": token},
                )
                assert accepted.status_code in (200, 303), (rule.endpoint, accepted.status_code)
                assert changed(before, snapshot(app, db, outbox, client)), (
                    f"{rule.endpoint}: the post with its token changed nothing, so the case "
                    "does not show that the refusal protects anything"
                )
