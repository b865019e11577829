"""Who may open the vendor portal and the operators' area (app/web/access.py).

Every vendor-portal route is asked by four visitors: nobody (sent to sign in), a shopper (404),
another vendor's staff (404 for this vendor's records, their own data otherwise) and an
operator (404). POSTs carry a valid CSRF token, so a 404 is the access check and not CSRF;
after a refused POST nothing in the database has changed. The owning vendor's own requests
are the control: the same POSTs do change things. The order routes act on orders paid at the
session's localstripe, made only for the tests of those routes (they cost a payment each).
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
    CategoryDutyRate,
    CategoryRestriction,
    DutyRate,
    ExchangeRate,
    HalalBody,
    OutboxMessage,
    Payout,
    Product,
    ProductImage,
    ProductImageTranslation,
    ProductTranslation,
    Refund,
    ReturnRequest,
    ShippingRate,
    StoreSetting,
    TaxRule,
    User,
    Variant,
    Vendor,
    VendorInvitation,
    VendorLedgerEntry,
    VendorOrder,
    Zone,
    ZoneProduct,
    ZoneTranslation,
)
from app.models.search import SearchSynonym, SearchSynonymGroup
from app.models.user import Role
from app.services import accounts, clock, vendors
from app.services.catalog import csv as catalog_csv
from app.services.catalog import imports as catalog_imports
from app.services.orders import fulfilment, returns
from app.transaction import unit_of_work
from tests.after_sale import ask_return, delivered_order, settle, stuck_refund
from tests.conftest import Browser, csrf_from
from tests.factories import PASSWORD
from tests.paid_orders import paid_order, parcel_of

LANG = "zh-hant"
PORTAL = f"/{LANG}/vendor"
SIGN_IN = f"/{LANG}/account/sign-in"
HOME = f"/{LANG}/"


@pytest.fixture(autouse=True)
def _hash_each_password_once(monkeypatch):
    """scrypt takes 0.1 s a user and each test makes several; sign-in still checks for real."""
    monkeypatch.setattr(accounts, "generate_password_hash", cache(generate_password_hash))


@dataclass
class Orders:
    """Vendor A's parcels, one in each state a portal action starts from, and the rival's."""

    paid: VendorOrder
    accepted: VendorOrder
    shipped: VendorOrder
    delivered: VendorOrder
    #: two returns of the delivered parcel: one waiting for a decision, one approved
    requested: ReturnRequest
    approved: ReturnRequest
    refs: list[str]
    rival_ref: str


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
    #: only for the tests of the order routes (None elsewhere)
    orders: Orders | None = None


def _wants_orders(request) -> bool:
    """The test is about an order route (parametrized by its route or endpoint)."""
    callspec = getattr(request.node, "callspec", None)
    params = callspec.params if callspec else {}
    route = params.get("route")
    return (route.endpoint if route else params.get("endpoint")) in ORDER_ENDPOINTS


def _orders(owner: User, product: Product, rival_product: Product) -> Orders:
    variant = product.variants[0]
    paid, accepted, shipped, delivered = (
        parcel_of(paid_order([(variant, units)], email=f"buyer{n}@example.com"))
        for n, units in enumerate((1, 1, 1, 2))
    )
    rival = paid_order([(rival_product.variants[0], 1)], email="rival-buyer@example.com")
    with unit_of_work():
        for parcel in (accepted, shipped, delivered):
            fulfilment.accept(parcel, owner)
        for parcel in (shipped, delivered):
            fulfilment.ship(parcel, "dhl", "1234567890", owner)
        fulfilment.deliver(delivered, owner, "vendor")
    line = delivered.lines[0]
    with unit_of_work():
        requested = returns.request(delivered.order, {line.id: 1}, "Too bitter")
        approved = returns.request(delivered.order, {line.id: 1}, "Too sweet")
        returns.decide(approved, True, owner, "vendor")
    parcels = (paid, accepted, shipped, delivered)
    return Orders(
        paid,
        accepted,
        shipped,
        delivered,
        requested,
        approved,
        [p.order.ref for p in parcels],
        rival.ref,
    )


@pytest.fixture
def world(db, make, request) -> World:
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
    orders = _orders(owner, other_product, rival_product) if _wants_orders(request) else None
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
        orders=orders,
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


def _parcel_status(name: str):
    return lambda db, w: db.session.get(VendorOrder, getattr(w.orders, name).id).status


def _return_status(name: str):
    return lambda db, w: db.session.get(ReturnRequest, getattr(w.orders, name).id).status


def _return_path(name: str, action: str):
    return lambda w: (
        f"/orders/{w.orders.delivered.id}/returns/{getattr(w.orders, name).id}/{action}"
    )


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
# orders and earnings: open to vendors not approved (a suspended shop still ships what was paid)
ORDER_ROUTES = [
    Route("orders", "GET", lambda w: "/orders", has_id=False, pending_ok=True),
    Route("earnings_page", "GET", lambda w: "/earnings", has_id=False, pending_ok=True),
    Route("earnings_csv", "GET", lambda w: "/earnings.csv", has_id=False, pending_ok=True),
    Route("order", "GET", lambda w: f"/orders/{w.orders.paid.id}", pending_ok=True),
    Route("packing_slip", "GET", lambda w: f"/orders/{w.orders.paid.id}/slip", pending_ok=True),
    Route(
        "accept_order",
        "POST",
        lambda w: f"/orders/{w.orders.paid.id}/accept",
        lambda w: {"seen": "paid"},
        pending_ok=True,
        effect=_parcel_status("paid"),
        expected=lambda w: "accepted",
    ),
    Route(
        "ship_order",
        "POST",
        lambda w: f"/orders/{w.orders.accepted.id}/ship",
        lambda w: {"seen": "accepted", "carrier": "dhl", "tracking_number": "9876543210"},
        pending_ok=True,
        effect=_parcel_status("accepted"),
        expected=lambda w: "shipped",
    ),
    Route(
        "deliver_order",
        "POST",
        lambda w: f"/orders/{w.orders.shipped.id}/deliver",
        lambda w: {"seen": "shipped"},
        pending_ok=True,
        effect=_parcel_status("shipped"),
        expected=lambda w: "delivered",
    ),
    Route(
        "cancel_order",
        "POST",
        lambda w: f"/orders/{w.orders.paid.id}/cancel",
        lambda w: {"seen": "paid", "reason": "Taken over"},
        pending_ok=True,
        effect=_parcel_status("paid"),
        expected=lambda w: "cancelled",
    ),
    Route(
        "decide_return",
        "POST",
        _return_path("requested", "decide"),
        lambda w: {"decision": "reject", "note": "Taken over"},
        pending_ok=True,
        effect=_return_status("requested"),
        expected=lambda w: "rejected",
    ),
    Route(
        "receive_return",
        "POST",
        _return_path("approved", "receive"),
        lambda w: {},
        pending_ok=True,
        effect=_return_status("approved"),
        expected=lambda w: "refunded",
    ),
]
ROUTES += ORDER_ROUTES
ORDER_ENDPOINTS = {r.endpoint for r in ORDER_ROUTES}
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
        "parcels": rows(VendorOrder.id, VendorOrder.status, VendorOrder.tracking_number),
        "returns": rows(ReturnRequest.id, ReturnRequest.status),
        "refunds": rows(Refund.id, Refund.status),
        "ledger": db.session.scalar(select(func.count()).select_from(VendorLedgerEntry)),
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
    if world.orders is not None:
        own = own or world.orders.rival_ref in page
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
            *(world.orders.refs if world.orders else ()),
        )
    )
    return own, theirs


OWN_DATA_PAGES = [
    "dashboard",
    "products",
    "bulk_import",
    "staff",
    "export",
    "orders",
    "earnings_page",
    "earnings_csv",
]


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
    if route.endpoint in ("import_template", "export", "earnings_csv"):
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
        f"/{LANG}/ops/sign-ins",
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
    assert home.status_code == 200  # what needs an operator now (issue 12)
    queue = browser.get(f"/{LANG}/ops/vendors")
    assert queue.status_code == 200
    assert vendor.name_en in queue.get_data(as_text=True)
    assert browser.get(f"/{LANG}/ops/vendors/{vendor.id}").status_code == 200
    assert browser.get(f"/{LANG}/ops/vendors/999999").status_code == 404


# -- the operators' area after payment: returns, refunds, payouts ---------------------------------


@dataclass
class AfterSale:
    """Vendor A's delivered order with a return left waiting for 4 days and a refund Stripe
    refused, and a settled sale to pay out (tests/after_sale.py); the ops pages and forms."""

    requested: ReturnRequest
    refund: Refund
    gets: list[str]
    #: (path, form) of every operator's POST, with a body that would act if it were allowed
    posts: list[tuple[str, dict]]


@pytest.fixture
def after_sale(db, world) -> AfterSale:
    order = delivered_order(world.variant, 2)
    requested = ask_return(order, 1, days_ago=4)
    refund = stuck_refund(order)
    settle(delivered_order(world.variant, 1))
    ops = f"/{LANG}/ops"
    return AfterSale(
        requested=requested,
        refund=refund,
        gets=[
            f"{ops}/returns",
            f"{ops}/refunds",
            f"{ops}/payouts",
            f"{ops}/payouts/{world.vendor.id}",
        ],
        posts=[
            (f"{ops}/returns/{requested.id}/decide", {"decision": "reject", "note": "No"}),
            (f"{ops}/returns/{requested.id}/decide", {"decision": "approve"}),
            (f"{ops}/returns/{requested.id}/receive", {}),
            (f"{ops}/refunds/{refund.id}/retry", {}),
            (
                f"{ops}/payouts/{world.vendor.id}",
                {"amount_twd": "1", "bank_reference": "CTBC-1", "paid_on": "2026-11-30"},
            ),
        ],
    )


def ops_state(db) -> dict:
    """state() and what the operators' after-payment forms could change."""
    found = state(db)
    found["payouts"] = db.session.scalar(select(func.count()).select_from(Payout))
    found["deliveries"] = db.session.execute(
        select(OutboxMessage.id, OutboxMessage.status, OutboxMessage.attempts).order_by(
            OutboxMessage.id
        )
    ).all()
    found["refund_errors"] = db.session.execute(
        select(Refund.id, Refund.status, Refund.error).order_by(Refund.id)
    ).all()
    return found


def test_every_ops_route_is_in_this_file(app):
    routes = {
        (rule.endpoint, method)
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("ops.")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert routes == {
        ("ops.home", "GET"),
        ("ops.vendor_queue", "GET"),
        ("ops.vendor_detail", "GET"),
        ("ops.vendor_detail", "POST"),
        ("ops.returns_waiting", "GET"),
        ("ops.decide_return", "POST"),
        ("ops.receive_return", "POST"),
        ("ops.refunds_waiting", "GET"),
        ("ops.retry_refund", "POST"),
        ("ops.payouts", "GET"),
        ("ops.vendor_payouts", "GET"),
        ("ops.vendor_payouts", "POST"),
        ("ops.sign_ins_page", "GET"),  # in ops_paths
        # featured zones: ZoneConsole below
        ("ops.zones_list", "GET"),
        ("ops.zone_stats_page", "GET"),
        ("ops.new_zone", "GET"),
        ("ops.new_zone", "POST"),
        ("ops.edit_zone", "GET"),
        ("ops.edit_zone", "POST"),
        ("ops.preview_zone", "GET"),
        ("ops.zone_products", "GET"),
        ("ops.add_zone_product", "POST"),
        ("ops.move_zone_product", "POST"),
        ("ops.reorder_zone_products", "POST"),
        ("ops.remove_zone_product", "POST"),
        # catalog moderation, markets, money and rules: RulesConsole below
        ("ops.review_queue", "GET"),
        ("ops.products", "GET"),
        ("ops.product", "GET"),
        ("ops.moderate_product", "POST"),
        ("ops.vendor_account", "GET"),
        ("ops.vendor_account", "POST"),
        ("ops.vendor_standing_decision", "POST"),
        ("ops.store_settings", "GET"),
        ("ops.store_settings", "POST"),
        ("ops.exchange_rates", "GET"),
        ("ops.exchange_rates", "POST"),
        ("ops.tax_rules_list", "GET"),
        ("ops.new_tax_rule", "GET"),
        ("ops.new_tax_rule", "POST"),
        ("ops.edit_tax_rule", "GET"),
        ("ops.edit_tax_rule", "POST"),
        ("ops.end_tax_rule", "POST"),
        ("ops.duty_rates", "GET"),
        ("ops.duty_rates", "POST"),
        ("ops.hs_duty_rates", "GET"),
        ("ops.new_hs_duty_rate", "GET"),
        ("ops.new_hs_duty_rate", "POST"),
        ("ops.edit_hs_duty_rate", "GET"),
        ("ops.edit_hs_duty_rate", "POST"),
        ("ops.confirm_hs_duty_rate", "POST"),
        ("ops.end_hs_duty_rate", "POST"),
        ("ops.category_restrictions", "GET"),
        ("ops.category_restrictions", "POST"),
        ("ops.shipping_rates", "GET"),
        ("ops.set_shipping", "POST"),
        ("ops.halal_bodies", "GET"),
        ("ops.halal_bodies", "POST"),
        ("ops.edit_halal_body", "GET"),
        ("ops.edit_halal_body", "POST"),
        ("ops.search_words", "GET"),
        ("ops.search_words", "POST"),
        ("ops.edit_search_words", "GET"),
        ("ops.edit_search_words", "POST"),
        ("ops.delete_search_words", "POST"),
        # analytics, operations health, audit log: InsightConsole below
        ("ops.analytics_page", "GET"),
        ("ops.analytics_csv", "GET"),
        ("ops.health_page", "GET"),
        ("ops.retry_delivery", "POST"),
        ("ops.audit_page", "GET"),
    }, "a new ops route: add it to the ops tests of this file"


def test_after_payment_ops_routes_send_anonymous_visitors_to_sign_in(app, db, after_sale):
    browser = signed_in(app, None)
    before = ops_state(db)

    for path in after_sale.gets:
        assert_sent_to_sign_in(browser.get(path), path)
    for path, form in after_sale.posts:
        response = browser.client.post(path, data={"csrf_token": token(browser), **form})
        assert_sent_to_sign_in(response)

    assert ops_state(db) == before


@pytest.mark.parametrize("who", ["shopper", "vendor_owner", "vendor_member"])
def test_after_payment_ops_routes_are_404_for_everyone_but_operators(
    app, db, world, after_sale, shopper, outbox, who
):
    user = {"shopper": shopper, "vendor_owner": world.owner, "vendor_member": world.member}[who]
    browser = signed_in(app, user)
    outbox.clear()
    before = ops_state(db)

    for path in after_sale.gets:
        assert browser.get(path).status_code == 404, path
    for path, form in after_sale.posts:
        response = browser.client.post(path, data={"csrf_token": token(browser), **form})
        assert response.status_code == 404, path

    assert ops_state(db) == before
    assert outbox == []


def test_operators_open_the_after_payment_pages_and_their_posts_act(app, db, after_sale, operator):
    """The control for the refusals above: the same requests by an operator."""
    browser = signed_in(app, operator)
    for path in after_sale.gets:
        assert browser.get(path).status_code == 200, path
    assert browser.get(f"/{LANG}/ops/payouts/999999").status_code == 404
    before = ops_state(db)

    for path, form in after_sale.posts:
        response = browser.client.post(path, data={"csrf_token": token(browser), **form})
        assert response.status_code in (200, 303), path

    after = ops_state(db)
    assert after["returns"] != before["returns"]
    assert after["refund_errors"] != before["refund_errors"]
    assert after["payouts"] == before["payouts"] + 1
    assert after["audit"] > before["audit"]


# -- the operators' area: featured zones -------------------------------------------------------


@dataclass
class ZoneConsole:
    """A zone with two of vendor A's products, and every zone page and form of the console."""

    zone: Zone
    gets: list[str]
    #: (path, form) of every zone POST, with a body that would act if it were allowed
    posts: list[tuple[str, dict]]


@pytest.fixture
def zone_console(db, make, world) -> ZoneConsole:
    first, second, third = world.product, world.other_product, world.rival_product
    zone = make.zone(
        slug="access-zone", titles={"en": "Access zone"}, products=[first, second, third]
    )
    extra = make.product(world.vendor, handle="alishan-black", names={"en": "Alishan Black"})
    db.session.flush()
    ops = f"/{LANG}/ops/zones"
    form = {
        "slug": "new-zone",
        "title_en": "New zone",
        "markets": "TH",
        "starts_at": "2027-01-01T10:00",
        "position": "1",
        "accent": "red",
    }
    return ZoneConsole(
        zone=zone,
        gets=[
            ops,
            f"{ops}/stats",
            f"{ops}/new",
            f"{ops}/{zone.id}",
            f"{ops}/{zone.id}/preview?market=TH",
            f"{ops}/{zone.id}/products?q=oolong",
        ],
        posts=[
            (f"{ops}/new", form),
            (f"{ops}/{zone.id}", form | {"slug": "access-zone", "title_en": "Renamed"}),
            (f"{ops}/{zone.id}/products/{second.id}/move", {"direction": "up"}),
            # neither the order before nor the order after the move above
            (f"{ops}/{zone.id}/products/order", {"order": [third.id, first.id, second.id]}),
            (f"{ops}/{zone.id}/products", {"product": str(extra.id)}),
            (f"{ops}/{zone.id}/products/{first.id}/remove", {}),
        ],
    )


def zone_state(db) -> dict:
    """state() and what the zone forms could change."""
    found = state(db)
    found["zones"] = db.session.execute(
        select(Zone.id, Zone.slug, Zone.starts_at, Zone.position).order_by(Zone.id)
    ).all()
    found["zone_texts"] = db.session.execute(
        select(ZoneTranslation.zone_id, ZoneTranslation.locale, ZoneTranslation.title).order_by(
            ZoneTranslation.id
        )
    ).all()
    found["zone_products"] = db.session.execute(
        select(ZoneProduct.zone_id, ZoneProduct.product_id, ZoneProduct.position).order_by(
            ZoneProduct.id
        )
    ).all()
    return found


def test_zone_console_sends_anonymous_visitors_to_sign_in(app, db, zone_console):
    browser = signed_in(app, None)
    before = zone_state(db)

    for path in zone_console.gets:
        assert_sent_to_sign_in(browser.get(path), path.split("?")[0])
    for path, form in zone_console.posts:
        response = browser.client.post(path, data={"csrf_token": token(browser), **form})
        assert_sent_to_sign_in(response)

    assert zone_state(db) == before


@pytest.mark.parametrize("who", ["shopper", "vendor_owner", "vendor_member"])
def test_zone_console_is_404_for_everyone_but_operators(app, db, world, zone_console, shopper, who):
    user = {"shopper": shopper, "vendor_owner": world.owner, "vendor_member": world.member}[who]
    browser = signed_in(app, user)
    before = zone_state(db)

    for path in zone_console.gets:
        assert browser.get(path).status_code == 404, path
    for path, form in zone_console.posts:
        response = browser.client.post(path, data={"csrf_token": token(browser), **form})
        assert response.status_code == 404, path

    assert zone_state(db) == before


def test_operators_open_the_zone_console_and_its_posts_act(app, db, zone_console, operator):
    """The control for the refusals above: the same requests by an operator."""
    browser = signed_in(app, operator)
    for path in zone_console.gets:
        assert browser.get(path).status_code == 200, path
    assert browser.get(f"/{LANG}/ops/zones/999999").status_code == 404
    assert browser.get(f"/{LANG}/ops/zones/999999/products").status_code == 404
    before = zone_state(db)

    for path, form in zone_console.posts:
        audit_before = zone_state(db)["audit"]
        response = browser.client.post(path, data={"csrf_token": token(browser), **form})
        assert response.status_code == 303, path
        assert zone_state(db)["audit"] == audit_before + 1, path

    after = zone_state(db)
    assert len(after["zones"]) == len(before["zones"]) + 1
    assert after["zone_texts"] != before["zone_texts"]
    assert after["zone_products"] != before["zone_products"]


# -- the operators' area: catalog moderation, markets, money and rules ---------------------------


@dataclass
class RulesConsole:
    """Every page and form of catalog moderation and of markets, money and rules, acting on
    vendor A (its product, its standing, its commission) and on the store's rules."""

    gets: list[str]
    #: (path, form) of every POST, with a body that would act if it were allowed
    posts: list[tuple[str, dict]]


@pytest.fixture
def rules_console(db, make, world) -> RulesConsole:
    ops = f"/{LANG}/ops"
    vat = db.session.scalar(
        select(TaxRule).where(TaxRule.market_code == "TH", TaxRule.name == "VAT")
    )
    body = db.session.scalar(select(HalalBody).where(HalalBody.code == "THIDA"))
    words, tea_words = (
        db.session.scalar(select(SearchSynonymGroup).where(SearchSynonymGroup.name == name))
        for name in ("coffee", "green tea")
    )
    tea = make.category("tea")
    coffee_duty = db.session.scalar(
        select(DutyRate).where(DutyRate.market_code == "TH", DutyRate.hs_prefix == "0901")
    )
    hs_rate = {"market": "TH", "hs_prefix": "0901", "rate": "80", "valid_from": "2026-01-01"}
    rule = {
        "market": "TH",
        "name": "Excise",
        "label": "vat",
        "kind": "tax",
        "rate": "3",
        "applies": "always",
        "position": "20",
        "valid_from": "2027-01-01",
    }
    vendor, product = world.vendor, world.product
    return RulesConsole(
        gets=[
            f"{ops}/review",
            f"{ops}/products?q=oolong",
            f"{ops}/products/{product.id}",
            f"{ops}/vendors/{vendor.id}/account",
            f"{ops}/settings",
            f"{ops}/rates",
            f"{ops}/taxes",
            f"{ops}/taxes/new",
            f"{ops}/taxes/{vat.id}",
            f"{ops}/duty-rates",
            f"{ops}/duty-rates/hs",
            f"{ops}/duty-rates/hs/new",
            f"{ops}/duty-rates/hs/{coffee_duty.id}",
            f"{ops}/duty-rates/restrictions",
            f"{ops}/shipping",
            f"{ops}/halal",
            f"{ops}/halal/{body.id}",
            f"{ops}/search-words?q=ชาดำ",
            f"{ops}/search-words/{words.id}",
        ],
        posts=[
            (f"{ops}/settings", {"hold_new_listings": "y", "default_commission": "12"}),
            (f"{ops}/rates", {"currency": "THB", "rate": "1.05", "as_of": str(clock.today())}),
            (f"{ops}/taxes/new", rule),
            (
                f"{ops}/taxes/{vat.id}",
                rule | {"name": "VAT", "rate": "8", "valid_from": "2026-01-01"},
            ),
            (f"{ops}/taxes/{vat.id}/end", {"end-valid_to": "2027-12-31"}),
            (f"{ops}/duty-rates", {"market": "MY", "category": str(tea.id), "rate": "6"}),
            (f"{ops}/duty-rates/hs/new", hs_rate | {"hs_prefix": "090121", "rate": "70"}),
            (f"{ops}/duty-rates/hs/{coffee_duty.id}", hs_rate),
            (f"{ops}/duty-rates/hs/{coffee_duty.id}/confirm", {}),
            (f"{ops}/duty-rates/hs/{coffee_duty.id}/end", {"end-valid_to": "2027-12-31"}),
            (
                f"{ops}/duty-rates/restrictions",
                {"market": "PH", "category": str(tea.id), "blocked": "y"},
            ),
            (f"{ops}/shipping/MY", {"MY-first_kg_twd": "410", "MY-extra_kg_twd": "90"}),
            (f"{ops}/halal", {"code": "MUI", "name": "Majelis Ulama Indonesia", "country": "ID"}),
            (f"{ops}/halal/{body.id}", {"code": "THIDA", "name": "Renamed", "country": "TW"}),
            (f"{ops}/search-words", {"name": "yoga mat", "terms": "yoga mat\nเสื่อโยคะ"}),
            (f"{ops}/search-words/{words.id}", {"name": "coffee", "terms": "coffee\nkopi o"}),
            (f"{ops}/search-words/{tea_words.id}/delete", {}),
            (f"{ops}/vendors/{vendor.id}/account", {"commission": "11"}),
            (f"{ops}/products/{product.id}/moderate", {"decision": "remove", "reason": "Fake"}),
            (f"{ops}/vendors/{vendor.id}/standing", {"decision": "suspend", "reason": "Fees"}),
        ],
    )


def rules_state(db) -> dict:
    """state() and what the rules' forms could change."""
    found = state(db)

    def rows(*columns):
        return db.session.execute(select(*columns).order_by(columns[0])).all()

    found["settings"] = rows(StoreSetting.key, StoreSetting.value)
    found["rates"] = rows(ExchangeRate.id, ExchangeRate.currency_code, ExchangeRate.rate)
    found["tax_rules"] = rows(TaxRule.id, TaxRule.rate, TaxRule.name, TaxRule.valid_to)
    found["duty_rates"] = rows(CategoryDutyRate.id, CategoryDutyRate.rate)
    found["hs_duty_rates"] = rows(DutyRate.id, DutyRate.rate, DutyRate.confirmed, DutyRate.valid_to)
    found["restrictions"] = rows(CategoryRestriction.id, CategoryRestriction.blocked)
    found["shipping"] = rows(ShippingRate.market_code, ShippingRate.first_kg_twd)
    found["halal_bodies"] = rows(HalalBody.id, HalalBody.name, HalalBody.recognised_by_jakim)
    found["search_words"] = rows(SearchSynonym.id, SearchSynonym.group_id, SearchSynonym.term)
    found["commission"] = rows(Vendor.id, Vendor.commission_bp)
    return found


def test_rules_console_sends_anonymous_visitors_to_sign_in(app, db, rules_console):
    browser = signed_in(app, None)
    before = rules_state(db)

    for path in rules_console.gets:
        assert_sent_to_sign_in(browser.get(path), path.split("?")[0])
    for path, form in rules_console.posts:
        response = browser.client.post(path, data={"csrf_token": token(browser), **form})
        assert_sent_to_sign_in(response)

    assert rules_state(db) == before


@pytest.mark.parametrize("who", ["shopper", "vendor_owner", "vendor_member"])
def test_rules_console_is_404_for_everyone_but_operators(
    app, db, world, rules_console, shopper, outbox, who
):
    user = {"shopper": shopper, "vendor_owner": world.owner, "vendor_member": world.member}[who]
    browser = signed_in(app, user)
    outbox.clear()
    before = rules_state(db)

    for path in rules_console.gets:
        assert browser.get(path).status_code == 404, path
    for path, form in rules_console.posts:
        response = browser.client.post(path, data={"csrf_token": token(browser), **form})
        assert response.status_code == 404, path

    assert rules_state(db) == before
    assert outbox == []


def test_operators_open_the_rules_console_and_its_posts_act(app, db, rules_console, operator):
    """The control for the refusals above: the same requests by an operator, each audited."""
    browser = signed_in(app, operator)
    for path in rules_console.gets:
        assert browser.get(path).status_code == 200, path
    for missing in (
        "products/999999",
        "vendors/999999/account",
        "taxes/999999",
        "halal/999999",
        "search-words/999999",
        "duty-rates/hs/999999",
    ):
        assert browser.get(f"/{LANG}/ops/{missing}").status_code == 404, missing
    before = rules_state(db)

    for path, form in rules_console.posts:
        audit_before = rules_state(db)["audit"]
        response = browser.client.post(path, data={"csrf_token": token(browser), **form})
        assert response.status_code == 303, path
        assert rules_state(db)["audit"] > audit_before, path

    after = rules_state(db)
    for key in (
        "settings",
        "rates",
        "tax_rules",
        "duty_rates",
        "hs_duty_rates",
        "restrictions",
        "shipping",
        "halal_bodies",
        "search_words",
    ):
        assert after[key] != before[key], key
    assert after["commission"] != before["commission"]
    assert after["vendors"] != before["vendors"]  # suspended
    assert after["products"] != before["products"]  # removed


# -- the operators' area: analytics, operations health, audit log -------------------------------


@dataclass
class InsightConsole:
    """A paid order (figures to show), a delivery that failed for good (to retry), and every
    page and form of analytics, operations health and the audit log."""

    failed: OutboxMessage
    gets: list[str]
    #: (path, form) of every POST, with a body that would act if it were allowed
    posts: list[tuple[str, dict]]


@pytest.fixture
def insight_console(db, world) -> InsightConsole:
    paid_order([(world.variant, 1)], "TH")
    failed = OutboxMessage(
        kind="mail",
        payload={"to": "buyer@example.com", "subject": "Hello", "body": "Hi", "template": ""},
        status="failed",
        attempts=5,
        last_error="SMTPServerDisconnected",
    )
    db.session.add(failed)
    db.session.commit()
    ops = f"/{LANG}/ops"
    return InsightConsole(
        failed=failed,
        gets=[
            f"{ops}/analytics",
            f"{ops}/analytics?days=7",
            f"{ops}/analytics/markets.csv",
            f"{ops}/health",
            f"{ops}/audit",
            f"{ops}/audit?kind=outbox.retried&date_from=2026-01-01",
        ],
        posts=[(f"{ops}/health/deliveries/{failed.id}/retry", {})],
    )


def test_insight_console_sends_anonymous_visitors_to_sign_in(app, db, insight_console):
    browser = signed_in(app, None)
    before = ops_state(db)

    for path in insight_console.gets:
        assert_sent_to_sign_in(browser.get(path), path.split("?")[0])
    for path, form in insight_console.posts:
        response = browser.client.post(path, data={"csrf_token": token(browser), **form})
        assert_sent_to_sign_in(response)

    assert ops_state(db) == before


@pytest.mark.parametrize("who", ["shopper", "vendor_owner", "vendor_member"])
def test_insight_console_is_404_for_everyone_but_operators(
    app, db, world, insight_console, shopper, outbox, who
):
    """Sales figures of every vendor, webhooks and the audit log are for operators only."""
    user = {"shopper": shopper, "vendor_owner": world.owner, "vendor_member": world.member}[who]
    browser = signed_in(app, user)
    outbox.clear()
    before = ops_state(db)

    for path in insight_console.gets:
        assert browser.get(path).status_code == 404, path
    for path, form in insight_console.posts:
        response = browser.client.post(path, data={"csrf_token": token(browser), **form})
        assert response.status_code == 404, path

    assert ops_state(db) == before
    assert outbox == []


def test_operators_open_the_insight_console_and_its_posts_act(app, db, insight_console, operator):
    """The control for the refusals above: the same requests by an operator, each audited."""
    browser = signed_in(app, operator)
    for path in insight_console.gets:
        assert browser.get(path).status_code == 200, path
    assert browser.get(f"/{LANG}/ops/analytics/nonsense.csv").status_code == 404

    for path, form in insight_console.posts:
        before = ops_state(db)
        response = browser.client.post(path, data={"csrf_token": token(browser), **form})
        assert response.status_code == 303, path
        after = ops_state(db)
        assert after["deliveries"] != before["deliveries"], path
        assert after["audit"] == before["audit"] + 1, path
