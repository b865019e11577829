"""Stock has one owner: on hand and reserved units per variant, moved only by the inventory
service, every movement in the stock ledger, and each product's in-stock flag (what listings and
search filter on) following the units available."""

import csv
import io

import pytest
from sqlalchemy import func, select

from app.domain.catalog_rules import ProductDraft, VariantDraft
from app.extensions import db as _db
from app.models import Product, StockMovement, Variant
from app.models.inventory import StockReason
from app.services import clock, inventory, reference
from app.services.catalog import admin as catalog_admin
from app.services.catalog import browse
from app.services.catalog import csv as catalog_csv
from app.services.catalog import imports as catalog_imports
from app.services.catalog.storefront import Sort
from app.services.errors import ImportFailed, Invalid, StockBelowReserved
from app.services.search.service import Params, search
from app.services.shopper import Shopper
from tests.conftest import csrf_from
from tests.factories import PASSWORD

BELOW_RESERVED = "{} unit(s) are reserved by orders not yet shipped: stock cannot go below that."


def counts(variant_id: int) -> tuple[int, int]:
    """(on hand, reserved) as the database has them now."""
    row = _db.session.execute(
        select(Variant.on_hand, Variant.reserved).where(Variant.id == variant_id)
    ).one()
    return row.on_hand, row.reserved


def ledger(variant_id: int) -> list[tuple]:
    """The variant's stock movements, oldest first: (reason, on hand Δ, reserved Δ, reference)."""
    return [
        tuple(row)
        for row in _db.session.execute(
            select(
                StockMovement.reason,
                StockMovement.on_hand_delta,
                StockMovement.reserved_delta,
                StockMovement.reference,
            )
            .where(StockMovement.variant_id == variant_id)
            .order_by(StockMovement.id)
        )
    ]


@pytest.fixture
def vendor_and_owner(make):
    vendor = make.vendor(slug="lishan-farm", name_en="Lishan Farm")
    return vendor, make.user(role="vendor", vendor=vendor, email="owner@lishan.example.com")


@pytest.fixture
def stocked(make, vendor_and_owner):
    """A product with one variant whose units on hand the vendor set with the inline edit
    (so the ledger holds them)."""
    vendor, owner = vendor_and_owner

    def build(units: int = 5, sku: str = "LS-100", **kw) -> Variant:
        product = make.product(vendor, variants=[{"sku": sku, "price_twd": 800, "stock": 0}], **kw)
        variant = product.variants[0]
        return catalog_admin.quick_update(variant, 800, units, owner)

    return build


# -- the four movements ------------------------------------------------------------------------


def test_reserve_holds_units_while_enough_are_available(db, stocked):
    variant = stocked(5)

    assert inventory.reserve(variant.id, 3, reference="order-1") is True
    assert inventory.reserve(variant.id, 2, reference="order-2") is True  # exactly what is left

    assert counts(variant.id) == (5, 5)
    assert ledger(variant.id)[1:] == [
        ("reserve", 0, 3, "order-1"),
        ("reserve", 0, 2, "order-2"),
    ]


@pytest.mark.parametrize(("held", "asked"), [(0, 6), (3, 3), (5, 1)])
def test_a_refused_reservation_changes_nothing_and_writes_no_ledger_row(db, stocked, held, asked):
    variant = stocked(5)
    if held:
        inventory.reserve(variant.id, held, reference="earlier")
    before = ledger(variant.id)

    assert inventory.reserve(variant.id, asked, reference="too-many") is False

    assert counts(variant.id) == (5, held)
    assert ledger(variant.id) == before


def test_release_gives_held_units_back_and_never_more_than_are_held(db, stocked):
    variant = stocked(5)
    inventory.reserve(variant.id, 4, reference="order-1")

    assert inventory.release(variant.id, 3, reference="order-1") is True
    assert counts(variant.id) == (5, 1)
    assert inventory.release(variant.id, 2, reference="order-9") is False

    assert counts(variant.id) == (5, 1)
    assert ledger(variant.id)[1:] == [
        ("reserve", 0, 4, "order-1"),
        ("release", 0, -3, "order-1"),
    ]


def test_shipping_takes_the_units_off_on_hand_and_reserved_together(db, stocked):
    variant = stocked(5)
    inventory.reserve(variant.id, 3, reference="order-1")

    assert inventory.ship(variant.id, 2, reference="order-1") is True
    assert counts(variant.id) == (3, 1)
    assert inventory.ship(variant.id, 2, reference="order-1") is False  # only 1 still held

    assert counts(variant.id) == (3, 1)
    assert ledger(variant.id)[1:] == [
        ("reserve", 0, 3, "order-1"),
        ("ship", -2, -2, "order-1"),
    ]


def test_returned_goods_go_back_on_the_shelf(db, stocked):
    variant = stocked(5)
    inventory.reserve(variant.id, 2, reference="order-1")
    inventory.ship(variant.id, 2, reference="order-1")

    inventory.restock(variant.id, 1, reference="return-1")

    assert counts(variant.id) == (4, 0)
    assert ledger(variant.id)[-1] == ("return_restock", 1, 0, "return-1")


@pytest.mark.parametrize("quantity", [0, -2, 1.5])
def test_quantities_are_whole_numbers_above_zero(db, stocked, quantity):
    variant = stocked(5)
    for move in (inventory.reserve, inventory.release, inventory.ship, inventory.restock):
        with pytest.raises(ValueError, match=r"^quantities are whole numbers above 0$"):
            move(variant.id, quantity)
    assert counts(variant.id) == (5, 0)
    assert len(ledger(variant.id)) == 1


def test_every_movement_records_who_made_it(db, stocked, make, vendor_and_owner):
    """The ledger says who moved stock (an operator cancelling, a vendor shipping...), not
    only why."""
    _vendor, owner = vendor_and_owner
    operator = make.user(role="operator", email="ops@inventory.example.com")
    variant = stocked(5)
    inventory.reserve(variant.id, 3, actor=operator, reference="order-1")
    inventory.release(variant.id, 1, actor=operator, reference="order-1")
    inventory.ship(variant.id, 2, actor=owner, reference="order-1")
    inventory.restock(variant.id, 1, actor=owner, reference="return-1")

    moves = _db.session.execute(
        select(StockMovement.reason, StockMovement.actor_id)
        .where(StockMovement.variant_id == variant.id)
        .order_by(StockMovement.id)
    ).all()
    assert [tuple(m) for m in moves[1:]] == [
        ("reserve", operator.id),
        ("release", operator.id),
        ("ship", owner.id),
        ("return_restock", owner.id),
    ]


# -- what the vendor has -----------------------------------------------------------------------


def test_setting_on_hand_records_the_change_and_who_made_it(db, stocked, vendor_and_owner):
    _vendor, owner = vendor_and_owner
    variant = stocked(5)

    assert inventory.set_on_hand(variant, 12, StockReason.IMPORT, owner, "import:7") == 7
    assert inventory.set_on_hand(variant, 12, StockReason.VENDOR_EDIT, owner) == 0  # no change

    assert (variant.on_hand, counts(variant.id)) == (12, (12, 0))
    assert ledger(variant.id) == [
        ("vendor_edit", 5, 0, None),
        ("import", 7, 0, "import:7"),
    ]
    actors = db.session.scalars(
        select(StockMovement.actor_id).where(StockMovement.variant_id == variant.id)
    ).all()
    assert actors == [owner.id, owner.id]


def test_on_hand_cannot_go_below_what_orders_hold(db, stocked, vendor_and_owner):
    _vendor, owner = vendor_and_owner
    variant = stocked(5)
    inventory.reserve(variant.id, 3, reference="order-1")
    before = ledger(variant.id)

    with pytest.raises(StockBelowReserved) as refused:
        inventory.set_on_hand(variant, 2, StockReason.VENDOR_EDIT, owner)

    assert (refused.value.code, refused.value.params) == ("stock.below_reserved", {"reserved": 3})
    assert counts(variant.id) == (5, 3)
    assert ledger(variant.id) == before
    # exactly the reserved units is allowed: nothing left to sell, nothing oversold
    assert inventory.set_on_hand(variant, 3, StockReason.VENDOR_EDIT, owner) == -2
    assert counts(variant.id) == (3, 3)
    assert ledger(variant.id)[-1] == ("vendor_edit", -2, 0, None)


# -- in stock, as shoppers see it --------------------------------------------------------------


def shopper() -> Shopper:
    ref = reference.get()
    return Shopper("en", ref.markets["SG"], ref, clock.today())


def listed(product_id: int) -> bool | None:
    """The product's in-stock mark on its category page (None: not on the page)."""
    page = browse.category(reference.get().category_by_slug("tea"), Sort.NEWEST, shopper())
    return next((card.in_stock for card in page.cards if card.id == product_id), None)


def found_in_stock(words: str) -> set[int]:
    return {card.id for card in search(Params(q=words, in_stock=True), shopper()).cards}


def test_a_product_whose_only_variant_is_fully_reserved_is_out_of_stock(db, stocked):
    variant = stocked(2, names={"en": "Lishan Winter Oolong"})
    product_id = variant.product_id
    # shoppers have seen it in stock (the cards are cached now)
    assert (listed(product_id), found_in_stock("winter oolong")) == (True, {product_id})

    assert inventory.reserve(variant.id, 2, reference="order-1")

    assert db.session.get(Product, product_id).in_stock is False
    assert listed(product_id) is False
    assert found_in_stock("winter oolong") == set()
    assert product_id in {c.id for c in search(Params(q="winter oolong"), shopper()).cards}

    assert inventory.release(variant.id, 1, reference="order-1")

    assert db.session.get(Product, product_id).in_stock is True
    assert listed(product_id) is True
    assert found_in_stock("winter oolong") == {product_id}


def test_a_product_stays_in_stock_while_another_variant_has_units(db, make, vendor_and_owner):
    vendor, owner = vendor_and_owner
    product = make.product(
        vendor,
        names={"en": "Alishan Jin Xuan"},
        variants=[
            {"sku": "JX-75", "price_twd": 500, "stock": 0, "labels": {"en": "75 g"}},
            {"sku": "JX-150", "price_twd": 900, "stock": 0, "labels": {"en": "150 g"}},
        ],
    )
    small, large = product.variants
    catalog_admin.quick_update(small, 500, 1, owner)
    catalog_admin.quick_update(large, 900, 1, owner)

    assert inventory.reserve(small.id, 1)
    assert (listed(product.id), found_in_stock("jin xuan")) == (True, {product.id})

    assert inventory.reserve(large.id, 1)
    assert (listed(product.id), found_in_stock("jin xuan")) == (False, set())


def test_refresh_in_stock_follows_available_units(db, make, vendor_and_owner):
    """Stock set outside the movements (a bulk load) is put right by refresh_in_stock."""
    vendor, _owner = vendor_and_owner
    full = make.product(vendor, variants=[{"price_twd": 100, "stock": 4, "reserved": 4}])
    empty = make.product(vendor, variants=[{"price_twd": 100, "stock": 0}])
    selling = make.product(vendor, variants=[{"price_twd": 100, "stock": 4, "reserved": 1}])
    for product in (full, empty, selling):
        product.in_stock = not product.in_stock  # wrong on purpose
    db.session.flush()

    flipped = inventory.refresh_in_stock([full.id, empty.id, selling.id])

    assert sorted(flipped) == sorted([full.id, empty.id, selling.id])
    assert [p.in_stock for p in (full, empty, selling)] == [False, False, True]
    assert inventory.refresh_in_stock([full.id, empty.id, selling.id]) == []


# -- the ledger adds up ------------------------------------------------------------------------


def ledger_mismatches() -> list[tuple]:
    """Variants whose on hand or reserved differ from the sums of their ledger rows."""
    sums = (
        select(
            StockMovement.variant_id,
            func.sum(StockMovement.on_hand_delta).label("on_hand"),
            func.sum(StockMovement.reserved_delta).label("reserved"),
        )
        .group_by(StockMovement.variant_id)
        .subquery()
    )
    rows = _db.session.execute(
        select(
            Variant.sku,
            Variant.on_hand,
            Variant.reserved,
            func.coalesce(sums.c.on_hand, 0),
            func.coalesce(sums.c.reserved, 0),
        ).outerjoin(sums, sums.c.variant_id == Variant.id)
    )
    return [tuple(r) for r in rows if (r[1], r[2]) != (r[3], r[4])]


COLUMNS = ["handle", "sku", "category", "name_en", "price_twd", "stock", "weight_g"]


def catalog_file(*rows: tuple) -> bytes:
    """A catalog CSV with the required columns, one tuple of cells per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def variant_by_sku(sku: str) -> Variant:
    return _db.session.scalar(select(Variant).where(Variant.sku == sku))


def test_every_variants_ledger_adds_up_to_its_stock(db, stocked, vendor_and_owner):
    vendor, owner = vendor_and_owner
    bag = stocked(8, sku="BAG-1")
    # a product made in the portal form: its new variants record their starting stock
    tin = catalog_admin.save_product(
        vendor,
        ProductDraft(
            handle=None,
            category="tea",
            names={"en": "Dong Ding Oolong"},
            variants=[
                VariantDraft(
                    "DD-75", price_twd=600, stock=7, weight_g=100, labels={"en": "75 g tin"}
                ),
                VariantDraft(
                    "DD-150", price_twd=1100, stock=0, weight_g=180, labels={"en": "150 g tin"}
                ),
            ],
        ),
        None,
        owner,
    )
    # a catalog file: a new product, and new stock for one of the form's variants
    record = catalog_imports.run(
        vendor,
        "spring.csv",
        catalog_file(
            ("sun-cake", "SC-6", "snacks", "Sun Cake", 320, 12, 500),
            (tin.handle, "DD-75", "tea", "Dong Ding Oolong", 600, 9, 100),
        ),
        owner,
    )
    dd75, dd150, cake = (variant_by_sku(s).id for s in ("DD-75", "DD-150", "SC-6"))
    # orders come and go
    assert inventory.reserve(bag.id, 3, reference="order-1")
    assert inventory.reserve(dd75, 9, reference="order-2")
    assert inventory.reserve(cake, 5, reference="order-3")
    assert not inventory.reserve(dd75, 1, reference="order-4")
    assert inventory.release(bag.id, 1, reference="order-1")
    assert inventory.ship(bag.id, 2, reference="order-1")
    assert inventory.ship(cake, 5, reference="order-3")
    inventory.restock(bag.id, 1, reference="return-1")
    # and the vendor edits: the form again (more of the big tin), the inline edit
    catalog_admin.save_product(
        vendor,
        ProductDraft(
            handle=tin.handle,
            category="tea",
            names={"en": "Dong Ding Oolong"},
            variants=[
                VariantDraft(
                    "DD-75",
                    price_twd=600,
                    stock=9,
                    weight_g=100,
                    labels={"en": "75 g tin"},
                    id=dd75,
                ),
                VariantDraft(
                    "DD-150",
                    price_twd=1100,
                    stock=4,
                    weight_g=180,
                    labels={"en": "150 g tin"},
                    id=dd150,
                ),
            ],
        ),
        tin,
        owner,
    )
    catalog_admin.quick_update(variant_by_sku("SC-6"), 320, 20, owner)

    assert ledger_mismatches() == []
    assert [counts(v) for v in (bag.id, dd75, dd150, cake)] == [(7, 0), (9, 9), (4, 0), (20, 0)]
    assert ledger(dd75)[:2] == [
        ("vendor_edit", 7, 0, None),
        ("import", 2, 0, f"import:{record.id}"),
    ]
    assert ledger(cake)[0] == ("import", 12, 0, f"import:{record.id}")
    assert ledger(dd150) == [("vendor_edit", 4, 0, None)]  # none for its starting 0


# -- the vendor is told why ------------------------------------------------------------------------


def test_the_form_refuses_stock_below_reserved(db, stocked, vendor_and_owner):
    vendor, owner = vendor_and_owner
    variant = stocked(5)
    product = db.session.get(Product, variant.product_id)
    inventory.reserve(variant.id, 3, reference="order-1")
    english = next(t for t in product.translations if t.locale == "en")
    draft = ProductDraft(
        handle=product.handle,
        category="tea",
        names={"en": english.name},
        variants=[VariantDraft(variant.sku, price_twd=800, stock=2, weight_g=300, id=variant.id)],
    )

    with pytest.raises(Invalid) as refused:
        catalog_admin.save_product(vendor, draft, product, owner)

    [found] = refused.value.problems
    assert (found.path, found.code, found.kwargs) == (
        ("variants", 0, "stock"),
        "stock.below_reserved",
        {"reserved": 3},
    )
    assert counts(variant.id) == (5, 3)


def test_a_catalog_file_cannot_set_stock_below_reserved(db, stocked, vendor_and_owner):
    vendor, owner = vendor_and_owner
    variant = stocked(5, handle="winter-oolong")
    inventory.reserve(variant.id, 3, reference="order-1")
    content = catalog_file(("winter-oolong", variant.sku, "tea", "Winter Oolong", 800, 2, 300))

    with pytest.raises(ImportFailed) as refused:
        catalog_csv.plan(vendor, content)

    [error] = refused.value.errors
    assert (error.row, error.column, error.code) == (2, "stock", "stock.below_reserved")
    assert str(error.message) == BELOW_RESERVED.format(3)
    with pytest.raises(ImportFailed):
        catalog_imports.run(vendor, "winter.csv", content, owner)
    assert counts(variant.id) == (5, 3)
    assert len(ledger(variant.id)) == 2


def test_the_inline_edit_refuses_stock_below_reserved(browser, db, stocked, vendor_and_owner):
    _vendor, owner = vendor_and_owner
    variant = stocked(5)
    inventory.reserve(variant.id, 3, reference="order-1")
    before = ledger(variant.id)
    browser.sign_in(owner.email, PASSWORD)
    token = csrf_from(browser.get("/en/vendor/products").get_data(as_text=True))
    url = f"/en/vendor/variants/{variant.id}"

    row = browser.client.post(
        url,
        data={"csrf_token": token, "price_twd": "800", "stock": "2"},
        headers={"HX-Request": "true"},
    )
    plain = browser.client.post(url, data={"csrf_token": token, "price_twd": "800", "stock": "2"})

    assert row.status_code == 200
    assert BELOW_RESERVED.format(3) in row.get_data(as_text=True)
    assert plain.status_code == 303
    page = browser.get(plain.headers["Location"]).get_data(as_text=True)
    assert BELOW_RESERVED.format(3) in page
    db.session.expire_all()
    assert counts(variant.id) == (5, 3)
    assert ledger(variant.id) == before

    allowed = browser.client.post(url, data={"csrf_token": token, "price_twd": "800", "stock": "3"})

    assert allowed.status_code == 303
    assert counts(variant.id) == (3, 3)
    assert ledger(variant.id)[-1] == ("vendor_edit", -2, 0, None)
