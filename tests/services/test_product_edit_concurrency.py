"""A product's form saved twice at the same moment (a double click on "Save", two of the
shop's staff): the saves go through one after the other on the product as the other left
it, never a 500. Each save runs in its own transaction on its own connection, on the
database DATABASE_URL selects; like the stock races, this needs a migrated database of its
own (store_app)."""

from __future__ import annotations

import time

from app.domain.catalog_rules import ProductDraft, VariantDraft
from app.extensions import db as _db
from app.models import Product, User, Vendor
from app.services.catalog import admin
from app.transaction import unit_of_work
from tests import factories
from tests.concurrency import at_once
from tests.services import test_inventory_concurrency

store_app = test_inventory_concurrency.store_app  # a migrated database of its own


def test_a_new_translation_saved_twice_at_once_is_saved_once(store_app, monkeypatch):
    with store_app.app_context(), unit_of_work():
        make = factories.Factories(_db)
        vendor = make.vendor()
        owner = make.user(role="vendor", vendor=vendor)
        tin = make.product(
            vendor,
            handle="tin",
            names={"en": "Oolong tin"},
            variants=[{"sku": "TIN-1", "price_twd": 400, "stock": 5, "weight_g": 100}],
        )
        ids = vendor.id, owner.id, tin.id, tin.variants[0].id
    checks = admin.problems

    def slow_checks(*args):
        # the other save arrives while this one is between its checks and its write
        found = checks(*args)
        time.sleep(0.5)
        return found

    monkeypatch.setattr(admin, "problems", slow_checks)

    def save(thai_name: str) -> None:
        with store_app.app_context(), unit_of_work():
            vendor, owner, product = (
                _db.session.get(model, key)
                for model, key in zip((Vendor, User, Product), ids, strict=False)
            )
            # the page that posted the form read the product's names before the save
            # (on PostgreSQL, from before the other save committed)
            assert "en" in {t.locale for t in product.translations}
            draft = ProductDraft(
                handle="tin",
                category="tea",
                names={"en": "Oolong tin", "th": thai_name},
                variants=[VariantDraft("TIN-1", price_twd=400, stock=5, weight_g=100, id=ids[3])],
            )
            admin.save_product(vendor, draft, product, owner)

    assert at_once(save, ("ชาอู่หลง", "ชาอูหลง")) == []
    with store_app.app_context():
        product = _db.session.get(Product, ids[2])
        thai = [t.name for t in product.translations if t.locale == "th"]
        assert len(thai) == 1
        assert thai[0] in ("ชาอู่หลง", "ชาอูหลง")  # the later save's
        _db.session.remove()
