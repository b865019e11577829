"""Bulk imports confirmed at the same moment: the same preview in two tabs, or two files of one
shop listing the same new product. Each confirm runs in its own transaction on its own
connection (a migrated database of its own, as the stock races); the second waits for the
first and is checked against the catalog the first left: applied once, never a 500."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

from app.domain.catalog_rules import ProductDraft, VariantDraft
from app.extensions import db as _db
from app.models import CatalogImport, Product, User, Variant, Vendor
from app.services.catalog import admin as catalog_admin
from app.services.catalog import csv as catalog_csv
from app.services.catalog import imports as catalog_imports
from app.services.errors import ImportAlreadyApplied, ImportFailed, Invalid
from app.transaction import unit_of_work
from tests import factories
from tests.concurrency import at_once
from tests.services import test_inventory_concurrency
from tests.services.test_catalog_csv import csv_bytes, row

store_app = test_inventory_concurrency.store_app  # a migrated database of its own


def _shop(store_app):
    with store_app.app_context(), unit_of_work():
        make = factories.Factories(_db)
        vendor = make.vendor()
        owner = make.user(role="vendor", vendor=vendor)
        return vendor.id, owner.id


def _preview(store_app, ids, content: bytes) -> int:
    with store_app.app_context(), unit_of_work():
        vendor, owner = _db.session.get(Vendor, ids[0]), _db.session.get(User, ids[1])
        return catalog_imports.preview(vendor, owner, "catalog.csv", content).id


def _slow_apply(monkeypatch, seconds: float = 0.5):
    """The other confirm arrives while this one has planned and not yet written."""
    apply = catalog_csv.apply

    def slow(*args, **kwargs):
        time.sleep(seconds)
        return apply(*args, **kwargs)

    monkeypatch.setattr(catalog_csv, "apply", slow)


def _confirm(store_app, ids, import_id: int) -> None:
    with store_app.app_context(), unit_of_work():
        vendor, owner = _db.session.get(Vendor, ids[0]), _db.session.get(User, ids[1])
        # the route read the import (still "previewed") before confirming it
        record = catalog_imports.vendor_import(vendor, import_id)
        catalog_imports.confirm(vendor, record, owner)


def _catalog(store_app, vendor_id: int) -> list[tuple[str, str, int]]:
    with store_app.app_context():
        rows = _db.session.execute(
            select(Product.handle, Variant.sku, Variant.price_twd)
            .join(Variant, Variant.product_id == Product.id)
            .where(Product.vendor_id == vendor_id)
            .order_by(Variant.sku)
        )
        found = [tuple(r) for r in rows]
        _db.session.remove()
        return found


def test_one_preview_confirmed_in_two_tabs_at_once_is_applied_once(store_app, monkeypatch):
    ids = _shop(store_app)
    import_id = _preview(store_app, ids, csv_bytes(row(price_twd="680")))
    _slow_apply(monkeypatch)

    errors = at_once(lambda _: _confirm(store_app, ids, import_id), range(2))

    assert [type(e) for e in errors] == [ImportAlreadyApplied]
    assert _catalog(store_app, ids[0]) == [("oolong", "OL-150", 680)]
    with store_app.app_context():
        record = _db.session.get(CatalogImport, import_id)
        assert (record.status, record.products_created, record.variants_created) == (
            "applied",
            1,
            1,
        )
        _db.session.remove()


def test_two_files_listing_the_same_new_product_at_once_both_apply(store_app, monkeypatch):
    """The second file, checked again after the first was applied, updates the product the
    first created instead of failing on its handle and SKU."""
    ids = _shop(store_app)
    first = _preview(store_app, ids, csv_bytes(row(price_twd="680")))
    second = _preview(store_app, ids, csv_bytes(row(price_twd="720")))
    _slow_apply(monkeypatch)

    assert at_once(lambda import_id: _confirm(store_app, ids, import_id), (first, second)) == []

    catalog = _catalog(store_app, ids[0])
    assert len(catalog) == 1
    assert catalog[0][:2] == ("oolong", "OL-150")
    with store_app.app_context():
        records = _db.session.scalars(
            select(CatalogImport).where(CatalogImport.id.in_((first, second)))
        ).all()
        assert {r.status for r in records} == {"applied"}
        # one created the product, the other (planned after it) changed its variant's price
        assert sorted(
            (r.products_created, r.variants_created, r.variants_updated) for r in records
        ) == [
            (0, 0, 1),
            (1, 1, 0),
        ]
        later = max(records, key=lambda r: r.applied_at)
        assert catalog[0][2] == (680 if later.id == first else 720)
        count = _db.session.scalar(
            select(func.count()).select_from(Product).where(Product.vendor_id == ids[0])
        )
        assert count == 1
        _db.session.remove()


@pytest.mark.parametrize("first", ["portal", "file"])
def test_a_file_and_the_portal_listing_the_same_new_product_at_once(store_app, monkeypatch, first):
    """A file confirmed while one of the shop's staff lists the same product by hand: one of
    them lists it, the other is told (the file "no longer fits", the form "handle taken")
    or, when it comes second, updates what the first listed. Never two products, never a
    500. `first`: which of the two writes first, both having checked the catalog before."""
    ids = _shop(store_app)
    import_id = _preview(store_app, ids, csv_bytes(row(price_twd="680")))
    _slow_apply(monkeypatch, 0.2 if first == "file" else 0.8)
    checks = catalog_admin.problems

    def slow_checks(*args):
        found = checks(*args)
        time.sleep(0.2 if first == "portal" else 0.8)
        return found

    monkeypatch.setattr(catalog_admin, "problems", slow_checks)

    def by_hand() -> None:
        with store_app.app_context(), unit_of_work():
            vendor, owner = _db.session.get(Vendor, ids[0]), _db.session.get(User, ids[1])
            draft = ProductDraft(
                handle="oolong",
                category="tea",
                names={"en": "High Mountain Oolong"},
                variants=[VariantDraft("OL-150", price_twd=700, stock=3, weight_g=260)],
            )
            catalog_admin.save_product(vendor, draft, None, owner)

    def act(who: str) -> None:
        by_hand() if who == "portal" else _confirm(store_app, ids, import_id)

    errors = at_once(act, ("portal", "file"))

    assert all(isinstance(e, (ImportFailed, Invalid)) for e in errors), errors
    assert len(errors) <= 1
    catalog = _catalog(store_app, ids[0])
    assert [c[:2] for c in catalog] == [("oolong", "OL-150")]
    with store_app.app_context():
        status = _db.session.get(CatalogImport, import_id).status
        _db.session.remove()
    # a refused file stays a preview the vendor can check again and confirm
    assert status == (
        "previewed" if any(isinstance(e, ImportFailed) for e in errors) else "applied"
    )
