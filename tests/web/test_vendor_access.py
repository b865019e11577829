"""Who may open the vendor portal and the operators' area (app/web/access.py).

Every vendor-portal route is asked by four visitors: nobody (sent to sign in), a shopper (404),
another vendor's staff (404 for this vendor's records, their own data otherwise) and an
operator (404). POSTs carry a valid CSRF token, so a 404 is the access check and not CSRF;
after a refused POST nothing in the database has changed. The owning vendor's own requests
are the control: the same POSTs do change things.
"""

import io
from dataclasses import dataclass
from functools import cache
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image
from sqlalchemy import func, inspect, select
from werkzeug.security import generate_password_hash

from app.models import (
    AuditEvent,
    CatalogImport,
    Product,
    ProductImage,
    ProductImageTranslation,
    ProductTranslation,
    User,
    Variant,
    Vendor,
    VendorInvitation,
)
from app.models.user import Role
from app.services import accounts, vendors
from app.services.catalog import csv as catalog_csv
from app.services.catalog import imports as catalog_imports
from tests.conftest import Browser, csrf_from
from tests.factories import PASSWORD

LANG = "zh-hant"
PORTAL = f"/{LANG}/vendor"
SIGN_IN = f"/{LANG}/account/sign-in"
HOME = f"/{LANG}/"


@pytest.fixture(autouse=True)
def _hash_each_password_once(monkeypatch):
    """scrypt takes 0.1 s a user and each test makes several; sign-in still checks for real."""
    monkeypatch.setattr(accounts, "generate_password_hash", cache(generate_password_hash))


@dataclass
class World:
    vendor: Vendor
    owner: User
    member: User
    product: Product
    variant: Variant
    image: ProductImage
    second_image: ProductImage
    other_product: Product
    other_image: ProductImage
    record: CatalogImport
    invitation: VendorInvitation
    rival: Vendor
    rival_owner: User
    rival_product: Product
    rival_image: ProductImage
    rival_record: CatalogImport
    tea_id: int


@pytest.fixture
def world(db, make) -> World:
    vendor = make.vendor(slug="alishan-leaf", name_en="Alishan Leaf", name_zh_hant="阿里山葉茶坊")
    owner = make.user(Role.VENDOR, email="owner@alishan.example", vendor=vendor, name="Owner A")
    member = make.user(
        Role.VENDOR,
        email="member@alishan.example",
        vendor=vendor,
        is_vendor_owner=False,
        name="Member A",
    )
    product = make.product(
        vendor,
        handle="alishan-oolong",
        names={"en": "Alishan Oolong", "zh_Hant": "阿里山烏龍"},
        variants=[
            {"sku": "ALS-150", "price_twd": 680, "stock": 3, "labels": {"en": "150 g"}},
        ],
        image=("p/aa/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 800, 600),
    )
    second_image = ProductImage(
        product_id=product.id,
        key="p/ab/abababababababababababababababab",
        width=800,
        height=800,
        position=1,
    )
    db.session.add(second_image)
    other_product = make.product(
        vendor,
        handle="alishan-green",
        names={"en": "Alishan Green"},
        variants=[{"sku": "ALG-1", "price_twd": 300, "stock": 9}],
        image=("p/ac/acacacacacacacacacacacacacacacac", 600, 600),
    )
    record = catalog_imports.preview(vendor, owner, "alishan-catalog.csv", catalog_csv.template())
    invitation = vendors.invite(vendor, owner, "invitee@alishan.example", LANG)

    rival = make.vendor(slug="rival-tea", name_en="Rival Tea", name_zh_hant="對手茶行")
    rival_owner = make.user(Role.VENDOR, email="owner@rival.example", vendor=rival)
    rival_product = make.product(
        rival,
        handle="rival-oolong",
        names={"en": "Rival Oolong", "zh_Hant": "對手烏龍"},
        variants=[{"sku": "RIV-1", "price_twd": 500, "stock": 2}],
        image=("p/bb/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 800, 600),
    )
    rival_record = catalog_imports.preview(
        rival, rival_owner, "rival-catalog.csv", catalog_csv.template()
    )
    db.session.flush()
    return World(
        vendor=vendor,
        owner=owner,
        member=member,
        product=product,
        variant=product.variants[0],
        image=product.images[0],
        second_image=second_image,
        other_product=other_product,
        other_image=other_product.images[0],
        record=record,
        invitation=invitation,
        rival=rival,
        rival_owner=rival_owner,
        rival_product=rival_product,
        rival_image=rival_product.images[0],
        rival_record=rival_record,
        tea_id=make.category("tea").id,
    )


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(buffer, "PNG")
    return buffer.getvalue()


# -- the routes -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    endpoint: str
    method: str
    #: the path under /<lang>/vendor for the world's own (vendor A's) records
    path: object
    #: a body that would change something if the request were allowed
    data: object = None
    owner_only: bool = False
    has_id: bool = True
    #: open to a vendor that is not yet approved
    pending_ok: bool = False
    #: POSTs: reads what the request is meant to change, (db, world) -> value
    effect: object = None
    #: POSTs: that value once the owner's request has done its work, (world) -> value
    expected: object = None

    @property
    def id(self) -> str:
        return f"{self.method} {self.endpoint}"


def _product_form(w: World) -> dict:
    return {
        "category": str(w.tea_id),
        "handle": "alishan-oolong",
        "name_en": "Taken over",
        "origin": "TW",
        "exemption": "",
        "variants-0-variant_id": str(w.variant.id),
        "variants-0-sku": "ALS-150",
        "variants-0-price_twd": "1",
        "variants-0-stock": "0",
        "variants-0-weight_g": "300",
        "variants-0-label_en": "150 g",
    }


def _new_product_form(w: World) -> dict:
    return {
        "category": str(w.tea_id),
        "handle": "intruder-tea",
        "name_en": "Intruder Tea",
        "origin": "TW",
        "exemption": "",
        "variants-0-sku": "INT-1",
        "variants-0-price_twd": "100",
        "variants-0-stock": "1",
        "variants-0-weight_g": "100",
    }


def _product_handles(db, w: World) -> list[str]:
    return sorted(
        db.session.scalars(select(Product.handle).where(Product.vendor_id == w.vendor.id))
    )


def _import_files(db, w: World) -> list[str]:
    return sorted(
        db.session.scalars(
            select(CatalogImport.filename).where(CatalogImport.vendor_id == w.vendor.id)
        )
    )


def _open_invitations(db, w: World) -> list[str]:
    return sorted(
        db.session.scalars(
            select(VendorInvitation.email).where(
                VendorInvitation.vendor_id == w.vendor.id, VendorInvitation.revoked_at.is_(None)
            )
        )
    )


def _product_name_and_price(db, w: World) -> tuple[str, int]:
    name = db.session.scalar(
        select(ProductTranslation.name).where(
            ProductTranslation.product_id == w.product.id, ProductTranslation.locale == "en"
        )
    )
    return name, db.session.get(Variant, w.variant.id).price_twd


def _image_order(db, w: World) -> list[int]:
    return list(
        db.session.scalars(
            select(ProductImage.id)
            .where(ProductImage.product_id == w.product.id)
            .order_by(ProductImage.position, ProductImage.id)
        )
    )


def _image_alts(db, w: World) -> dict[str, str]:
    rows = db.session.execute(
        select(ProductImageTranslation.locale, ProductImageTranslation.alt).where(
            ProductImageTranslation.image_id == w.image.id
        )
    )
    return dict(rows.all())


ROUTES = [
    # without an id
    Route("dashboard", "GET", lambda w: "/", has_id=False, pending_ok=True),
    Route("products", "GET", lambda w: "/products", has_id=False),
    Route("new_product", "GET", lambda w: "/products/new", has_id=False),
    Route(
        "new_product",
        "POST",
        lambda w: "/products/new",
        _new_product_form,
        has_id=False,
        effect=_product_handles,
        expected=lambda w: ["alishan-green", "alishan-oolong", "intruder-tea"],
    ),
    Route("bulk_import", "GET", lambda w: "/import", has_id=False),
    Route(
        "bulk_import",
        "POST",
        lambda w: "/import",
        lambda w: {"file": (io.BytesIO(catalog_csv.template()), "catalog.csv")},
        has_id=False,
        effect=_import_files,
        expected=lambda w: ["alishan-catalog.csv", "catalog.csv"],
    ),
    Route(
        "import_template", "GET", lambda w: "/import/template.csv", has_id=False, pending_ok=True
    ),
    Route("export", "GET", lambda w: "/export.csv", has_id=False),
    Route("staff", "GET", lambda w: "/staff", owner_only=True, has_id=False, pending_ok=True),
    Route(
        "staff",
        "POST",
        lambda w: "/staff",
        lambda w: {"email": "spy@example.com"},
        owner_only=True,
        has_id=False,
        pending_ok=True,
        effect=_open_invitations,
        expected=lambda w: ["invitee@alishan.example", "spy@example.com"],
    ),
    # with an id
    Route("edit_product", "GET", lambda w: f"/products/{w.product.id}"),
    Route(
        "edit_product",
        "POST",
        lambda w: f"/products/{w.product.id}",
        _product_form,
        effect=_product_name_and_price,
        expected=lambda w: ("Taken over", 1),
    ),
    Route(
        "listing",
        "POST",
        lambda w: f"/products/{w.product.id}/listing",
        lambda w: {"listed": "0"},
        effect=lambda db, w: db.session.get(Product, w.product.id).status,
        expected=lambda w: "unlisted",
    ),
    Route(
        "delete_product",
        "POST",
        lambda w: f"/products/{w.product.id}/delete",
        lambda w: {},
        # the product's id from its identity: the object itself may be gone
        effect=lambda db, w: db.session.get(Product, inspect(w.product).identity[0]) is not None,
        expected=lambda w: False,
    ),
    Route(
        "quick_edit",
        "POST",
        lambda w: f"/variants/{w.variant.id}",
        lambda w: {"price_twd": "1", "stock": "0"},
        effect=lambda db, w: (
            db.session.get(Variant, w.variant.id).price_twd,
            db.session.get(Variant, w.variant.id).on_hand,
        ),
        expected=lambda w: (1, 0),
    ),
    Route("images", "GET", lambda w: f"/products/{w.product.id}/images"),
    Route(
        "images",
        "POST",
        lambda w: f"/products/{w.product.id}/images",
        lambda w: {"images": (io.BytesIO(png()), "photo.png")},
        effect=lambda db, w: len(_image_order(db, w)),
        expected=lambda w: 3,
    ),
    Route(
        "move_image",
        "POST",
        lambda w: f"/products/{w.product.id}/images/{w.second_image.id}/move",
        lambda w: {"direction": "up"},
        effect=_image_order,
        expected=lambda w: [w.second_image.id, w.image.id],
    ),
    Route(
        "delete_image",
        "POST",
        lambda w: f"/products/{w.product.id}/images/{w.image.id}/delete",
        lambda w: {},
        effect=_image_order,
        expected=lambda w: [w.second_image.id],
    ),
    Route(
        "image_alt",
        "POST",
        lambda w: f"/products/{w.product.id}/images/{w.image.id}/alt",
        lambda w: {f"alt-{w.image.id}-alt_en": "Taken over"},
        effect=_image_alts,
        expected=lambda w: {"en": "Taken over"},
    ),
    Route("import_preview", "GET", lambda w: f"/import/{w.record.id}"),
    Route(
        "import_confirm",
        "POST",
        lambda w: f"/import/{w.record.id}/confirm",
        lambda w: {},
        effect=lambda db, w: db.session.get(CatalogImport, w.record.id).status,
        expected=lambda w: "applied",
    ),
    Route(
        "revoke_invitation",
        "POST",
        lambda w: f"/staff/invitations/{w.invitation.id}/revoke",
        lambda w: {},
        owner_only=True,
        pending_ok=True,
        effect=lambda db, w: (
            db.session.get(VendorInvitation, w.invitation.id).revoked_at is not None
        ),
        expected=lambda w: True,
    ),
    Route(
        "remove_member",
        "POST",
        lambda w: f"/staff/{w.member.id}/remove",
        lambda w: {},
        owner_only=True,
        pending_ok=True,
        effect=lambda db, w: (
            db.session.get(User, w.member.id).vendor_id,
            db.session.get(User, w.member.id).role,
        ),
        expected=lambda w: (None, "shopper"),
    ),
]
GETS = [r for r in ROUTES if r.method == "GET"]
POSTS = [r for r in ROUTES if r.method == "POST"]
WITH_ID = [r for r in ROUTES if r.has_id]
PUBLIC = {"vendor.apply", "vendor.join"}  # the application form and the invitation link


def ids(routes):
    return [r.id for r in routes]


def test_every_portal_route_is_in_this_file(app):
    covered = {(f"vendor.{r.endpoint}", r.method) for r in ROUTES}
    found = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("vendor.") and rule.endpoint not in PUBLIC:
            found |= {(rule.endpoint, m) for m in rule.methods - {"HEAD", "OPTIONS"}}
    assert found == covered


# -- helpers --------------------------------------------------------------------------------------


def signed_in(app, user: User | None) -> Browser:
    browser = Browser(app.test_client())
    if user is not None:
        browser.sign_in(user.email, PASSWORD, LANG)
    return browser


def token(browser: Browser) -> str:
    page = browser.get(HOME)
    assert page.status_code == 200
    return csrf_from(page.get_data(as_text=True))


def ask(browser: Browser, route: Route, w: World, path: str | None = None):
    url = PORTAL + (path or route.path(w))
    if route.method == "GET":
        return browser.get(url)
    data = {"csrf_token": token(browser), **route.data(w)}
    return browser.client.post(url, data=data)


def state(db) -> dict:
    """Everything a portal POST could change, read from the database."""
    db.session.expire_all()

    def rows(*columns):
        return db.session.execute(select(*columns).order_by(*columns[:2])).all()

    return {
        "vendors": rows(Vendor.id, Vendor.status),
        "products": rows(
            Product.id,
            Product.vendor_id,
            Product.handle,
            Product.status,
            Product.min_price_twd,
            Product.in_stock,
        ),
        "product_texts": rows(
            ProductTranslation.product_id, ProductTranslation.locale, ProductTranslation.name
        ),
        "variants": rows(
            Variant.id, Variant.product_id, Variant.sku, Variant.price_twd, Variant.on_hand
        ),
        "images": rows(
            ProductImage.id, ProductImage.product_id, ProductImage.position, ProductImage.key
        ),
        "image_alts": rows(
            ProductImageTranslation.image_id,
            ProductImageTranslation.locale,
            ProductImageTranslation.alt,
        ),
        "imports": rows(CatalogImport.id, CatalogImport.vendor_id, CatalogImport.status),
        "invitations": rows(
            VendorInvitation.id,
            VendorInvitation.vendor_id,
            VendorInvitation.email,
            VendorInvitation.revoked_at,
            VendorInvitation.accepted_at,
        ),
        "staff": rows(User.id, User.role, User.vendor_id, User.is_vendor_owner),
        "audit": db.session.scalar(select(func.count()).select_from(AuditEvent)),
    }


def effect(db, route: Route, w: World):
    """What the route is meant to change, as the database holds it (None for pages)."""
    db.session.expire_all()
    return route.effect(db, w) if route.effect else None


def assert_sent_to_sign_in(response, path: str | None = None):
    assert response.status_code in (302, 303), response.status_code
    location = urlsplit(response.headers["Location"])
    assert location.path == SIGN_IN
    if path is not None:
        assert parse_qs(location.query)["next"][0].split("?")[0] == path


# -- anonymous visitors ---------------------------------------------------------------------------


@pytest.mark.parametrize("route", ROUTES, ids=ids(ROUTES))
def test_anonymous_visitors_are_sent_to_sign_in(app, db, world, outbox, route):
    browser = signed_in(app, None)
    before = state(db)
    unchanged = effect(db, route, world)

    response = ask(browser, route, world)

    path = PORTAL + route.path(world)
    assert_sent_to_sign_in(response, path if route.method == "GET" else None)
    assert effect(db, route, world) == unchanged
    assert state(db) == before
    assert outbox == []


def test_anonymous_visitors_learn_nothing_from_an_id(app, db, world):
    browser = signed_in(app, None)
    real = browser.get(f"{PORTAL}/products/{world.product.id}")
    made_up = browser.get(f"{PORTAL}/products/999999")
    assert_sent_to_sign_in(real, f"{PORTAL}/products/{world.product.id}")
    assert_sent_to_sign_in(made_up, f"{PORTAL}/products/999999")


# -- people without the role ----------------------------------------------------------------------


@pytest.fixture
def shopper(make):
    return make.user(email="shopper@example.com")


@pytest.fixture
def operator(make):
    return make.user(Role.OPERATOR, email="operator@example.com")


@pytest.mark.parametrize("route", ROUTES, ids=ids(ROUTES))
def test_shoppers_get_404(app, db, world, shopper, outbox, route):
    browser = signed_in(app, shopper)
    before = state(db)
    unchanged = effect(db, route, world)

    response = ask(browser, route, world)

    assert response.status_code == 404
    assert effect(db, route, world) == unchanged
    assert state(db) == before
    assert outbox == []


@pytest.mark.parametrize("route", ROUTES, ids=ids(ROUTES))
def test_operators_get_404(app, db, world, operator, outbox, route):
    browser = signed_in(app, operator)
    before = state(db)
    unchanged = effect(db, route, world)

    response = ask(browser, route, world)

    assert response.status_code == 404
    assert effect(db, route, world) == unchanged
    assert state(db) == before
    assert outbox == []


# -- another vendor's staff -----------------------------------------------------------------------


@pytest.mark.parametrize("route", WITH_ID, ids=ids(WITH_ID))
def test_another_vendors_staff_get_404_for_this_vendors_records(app, db, world, outbox, route):
    browser = signed_in(app, world.rival_owner)
    before = state(db)
    unchanged = effect(db, route, world)

    response = ask(browser, route, world)

    assert response.status_code == 404
    assert effect(db, route, world) == unchanged
    assert state(db) == before
    assert outbox == []


IMAGE_ROUTES = [r for r in POSTS if r.endpoint in ("move_image", "delete_image", "image_alt")]


@pytest.mark.parametrize("route", IMAGE_ROUTES, ids=ids(IMAGE_ROUTES))
def test_an_image_is_reached_only_through_its_own_product(app, db, world, route):
    action = route.endpoint.removesuffix("_image").replace("image_", "")
    rival = signed_in(app, world.rival_owner)
    owner = signed_in(app, world.owner)
    before = state(db)
    unchanged = effect(db, route, world)

    # the rival's own product with this vendor's image
    mixed = ask(
        rival, route, world, f"/products/{world.rival_product.id}/images/{world.image.id}/{action}"
    )
    # this vendor's product with the rival's image, asked by this vendor's owner
    foreign = ask(
        owner, route, world, f"/products/{world.product.id}/images/{world.rival_image.id}/{action}"
    )
    # the vendor's own image, through another of the vendor's own products
    crossed = ask(
        owner, route, world, f"/products/{world.other_product.id}/images/{world.image.id}/{action}"
    )

    assert (mixed.status_code, foreign.status_code, crossed.status_code) == (404, 404, 404)
    assert effect(db, route, world) == unchanged
    assert state(db) == before


def _sees(page: str, world: World) -> tuple[bool, bool]:
    """(shows the rival's own data, shows anything of vendor A)"""
    own = ("RIV-1" in page) or ("rival-catalog.csv" in page) or ("owner@rival.example" in page)
    theirs = any(
        marker in page
        for marker in (
            "ALS-150",
            "ALG-1",
            "alishan-oolong",
            "alishan-green",
            "阿里山",
            "Alishan",
            "alishan-catalog.csv",
            "alishan.example",
        )
    )
    return own, theirs


OWN_DATA_PAGES = ["dashboard", "products", "bulk_import", "staff", "export"]


@pytest.mark.parametrize("endpoint", OWN_DATA_PAGES)
def test_routes_without_an_id_show_another_vendor_only_their_own_data(app, db, world, endpoint):
    route = next(r for r in GETS if r.endpoint == endpoint)
    browser = signed_in(app, world.rival_owner)

    response = ask(browser, route, world)

    assert response.status_code == 200
    own, theirs = _sees(response.get_data(as_text=True), world)
    assert not theirs
    if endpoint != "dashboard":
        assert own


def test_another_vendors_posts_without_an_id_act_on_their_own_vendor(app, db, world, outbox):
    browser = signed_in(app, world.rival_owner)
    before = state(db)

    for endpoint in ("new_product", "bulk_import", "staff"):
        route = next(r for r in POSTS if r.endpoint == endpoint)
        response = ask(browser, route, world)
        assert response.status_code == 303, endpoint

    after = state(db)
    assert [p for p in after["products"] if p.vendor_id == world.vendor.id] == [
        p for p in before["products"] if p.vendor_id == world.vendor.id
    ]
    new_product = [p for p in after["products"] if p not in before["products"]]
    assert [(p.vendor_id, p.handle) for p in new_product] == [(world.rival.id, "intruder-tea")]
    new_imports = [i for i in after["imports"] if i not in before["imports"]]
    assert [i.vendor_id for i in new_imports] == [world.rival.id]
    new_invitations = [i for i in after["invitations"] if i not in before["invitations"]]
    assert [(i.vendor_id, i.email) for i in new_invitations] == [
        (world.rival.id, "spy@example.com")
    ]


# -- the vendor's own staff -----------------------------------------------------------------------


@pytest.mark.parametrize("route", GETS, ids=ids(GETS))
def test_the_owner_opens_every_page(app, db, world, route):
    browser = signed_in(app, world.owner)

    response = ask(browser, route, world)

    assert response.status_code == 200
    if route.endpoint in ("import_template", "export"):
        assert response.mimetype == "text/csv"


@pytest.mark.parametrize("route", GETS, ids=ids(GETS))
def test_staff_who_are_not_the_owner(app, db, world, route):
    browser = signed_in(app, world.member)

    response = ask(browser, route, world)

    assert response.status_code == (404 if route.owner_only else 200)


OWNER_POSTS = [r for r in POSTS if r.owner_only]


@pytest.mark.parametrize("route", OWNER_POSTS, ids=ids(OWNER_POSTS))
def test_staff_who_are_not_the_owner_cannot_manage_staff(app, db, world, outbox, route):
    browser = signed_in(app, world.member)
    before = state(db)
    unchanged = effect(db, route, world)

    response = ask(browser, route, world)

    assert response.status_code == 404
    assert effect(db, route, world) == unchanged
    assert state(db) == before
    assert outbox == []


@pytest.mark.parametrize("route", POSTS, ids=ids(POSTS))
def test_the_owners_own_posts_do_act(app, db, world, route):
    """The control for the refusals above: the same requests make the change they are for
    (the very field each route edits, not merely an audit row written beside it)."""
    browser = signed_in(app, world.owner)
    assert route.effect is not None, f"{route.id} names no field it changes"
    before = effect(db, route, world)
    assert before != route.expected(world)

    response = ask(browser, route, world)

    assert response.status_code in (302, 303), response.get_data(as_text=True)[:2000]
    assert urlsplit(response.headers["Location"]).path != SIGN_IN
    assert effect(db, route, world) == route.expected(world)


def test_the_owner_cannot_remove_themselves(app, db, world):
    browser = signed_in(app, world.owner)
    before = state(db)

    response = ask(
        browser,
        next(r for r in POSTS if r.endpoint == "remove_member"),
        world,
        f"/staff/{world.owner.id}/remove",
    )

    assert response.status_code in (303, 404), response.status_code
    db.session.expire_all()
    owner = db.session.get(User, world.owner.id)
    assert (owner.vendor_id, owner.role, owner.is_vendor_owner) == (world.vendor.id, "vendor", True)
    assert state(db) == before


def test_a_removed_staff_member_loses_access_at_once(app, db, world):
    member = signed_in(app, world.member)
    assert member.get(f"{PORTAL}/products/{world.product.id}").status_code == 200
    owner = signed_in(app, world.owner)

    removed = ask(owner, next(r for r in POSTS if r.endpoint == "remove_member"), world)

    assert removed.status_code == 303
    assert member.get(f"{PORTAL}/products/{world.product.id}").status_code == 404
    assert member.get(f"{PORTAL}/").status_code == 404


def test_a_post_without_a_csrf_token_is_refused(app, db, world):
    browser = signed_in(app, world.owner)
    before = state(db)

    quick_edit = next(r for r in POSTS if r.endpoint == "quick_edit")
    unchanged = effect(db, quick_edit, world)

    response = browser.client.post(
        f"{PORTAL}/variants/{world.variant.id}", data={"price_twd": "1", "stock": "0"}
    )

    assert response.status_code == 400
    assert effect(db, quick_edit, world) == unchanged == (680, 3)
    assert state(db) == before


# -- a vendor waiting for approval ----------------------------------------------------------------


@pytest.fixture
def pending(make):
    vendor = make.vendor(slug="new-tea", status="pending")
    owner = make.user(Role.VENDOR, email="owner@new-tea.example", vendor=vendor)
    product = make.product(vendor, handle="new-oolong", status="draft")
    record = catalog_imports.preview(vendor, owner, "new.csv", catalog_csv.template())
    return vendor, owner, product, record


PENDING_PATHS = {
    "products": lambda p, r: "/products",
    "new_product": lambda p, r: "/products/new",
    "bulk_import": lambda p, r: "/import",
    "export": lambda p, r: "/export.csv",
    "edit_product": lambda p, r: f"/products/{p.id}",
    "images": lambda p, r: f"/products/{p.id}/images",
    "import_preview": lambda p, r: f"/import/{r.id}",
}


def test_a_pending_vendor_opens_the_dashboard_but_not_the_listing_pages(app, db, pending):
    vendor, owner, product, record = pending
    browser = signed_in(app, owner)

    assert browser.get(f"{PORTAL}/").status_code == 200
    assert browser.get(f"{PORTAL}/import/template.csv").status_code == 200
    assert browser.get(f"{PORTAL}/staff").status_code == 200
    for endpoint, path in PENDING_PATHS.items():
        response = browser.get(PORTAL + path(product, record))
        assert response.status_code in (302, 303), endpoint
        assert urlsplit(response.headers["Location"]).path == f"{PORTAL}/", endpoint


def test_a_pending_vendors_listing_posts_change_nothing(app, db, pending):
    vendor, owner, product, record = pending
    browser = signed_in(app, owner)
    before = state(db)

    posts = [
        ("/import", {"file": (io.BytesIO(catalog_csv.template()), "catalog.csv")}),
        (f"/import/{record.id}/confirm", {}),
        (f"/products/{product.id}/listing", {"listed": "1"}),
        (f"/products/{product.id}/delete", {}),
        (f"/variants/{product.variants[0].id}", {"price_twd": "1", "stock": "0"}),
    ]
    for path, data in posts:
        response = browser.client.post(PORTAL + path, data={"csrf_token": token(browser), **data})
        assert response.status_code in (302, 303), path
        assert urlsplit(response.headers["Location"]).path == f"{PORTAL}/", path

    db.session.expire_all()
    assert db.session.get(CatalogImport, record.id).status == "previewed"
    assert db.session.get(Product, product.id).status == "draft"
    assert db.session.get(Variant, product.variants[0].id).price_twd == 450
    assert state(db) == before


# -- the operators' area --------------------------------------------------------------------------


def ops_paths(vendor_id: int) -> list[str]:
    return [
        f"/{LANG}/ops/",
        f"/{LANG}/ops/vendors",
        f"/{LANG}/ops/vendors/{vendor_id}",
        "/en/ops/vendors",
    ]


def test_ops_sends_anonymous_visitors_to_sign_in(app, db, pending):
    vendor = pending[0]
    browser = signed_in(app, None)
    for path in ops_paths(vendor.id):
        response = browser.get(path)
        location = urlsplit(response.headers.get("Location", ""))
        assert response.status_code == 302, path
        assert location.path == f"/{path.split('/')[1]}/account/sign-in", path
        assert parse_qs(location.query)["next"][0].split("?")[0] == path


@pytest.mark.parametrize("who", ["shopper", "vendor_owner", "vendor_member"])
def test_ops_is_404_for_everyone_but_operators(app, db, world, pending, shopper, outbox, who):
    user = {"shopper": shopper, "vendor_owner": world.owner, "vendor_member": world.member}[who]
    vendor = pending[0]
    browser = signed_in(app, user)
    before = state(db)

    for path in ops_paths(vendor.id):
        assert browser.get(path).status_code == 404, path
    response = browser.client.post(
        f"/{LANG}/ops/vendors/{vendor.id}",
        data={"csrf_token": token(browser), "decision": "approve", "reason": ""},
    )

    assert response.status_code == 404
    assert state(db) == before
    assert outbox == []


def test_anonymous_ops_post_changes_nothing(app, db, pending):
    vendor = pending[0]
    browser = signed_in(app, None)
    before = state(db)

    response = browser.client.post(
        f"/{LANG}/ops/vendors/{vendor.id}",
        data={"csrf_token": token(browser), "decision": "approve", "reason": ""},
    )

    assert_sent_to_sign_in(response)
    assert state(db) == before


def test_operators_open_the_ops_area(app, db, pending, operator):
    vendor = pending[0]
    browser = signed_in(app, operator)

    home = browser.get(f"/{LANG}/ops/")
    assert home.status_code == 302
    assert urlsplit(home.headers["Location"]).path == f"/{LANG}/ops/vendors"
    queue = browser.get(f"/{LANG}/ops/vendors")
    assert queue.status_code == 200
    assert vendor.name_en in queue.get_data(as_text=True)
    assert browser.get(f"/{LANG}/ops/vendors/{vendor.id}").status_code == 200
    assert browser.get(f"/{LANG}/ops/vendors/999999").status_code == 404
