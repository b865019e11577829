"""Two colleagues describe the same photo at the same moment (each in a transaction of its own,
on a migrated database of its own): neither sees an error, and the photo keeps one
description per language, the one saved last."""

from __future__ import annotations

import time

from sqlalchemy import select

from app.extensions import db as _db
from app.models import ProductImage, ProductImageTranslation, User
from app.services.catalog import images as product_images
from app.transaction import unit_of_work
from tests import factories
from tests.concurrency import at_once
from tests.services import test_inventory_concurrency

store_app = test_inventory_concurrency.store_app  # a migrated database of its own


def _photo(store_app) -> tuple[int, list[int]]:
    with store_app.app_context(), unit_of_work():
        make = factories.Factories(_db)
        vendor = make.vendor()
        staff = [make.user(role="vendor", vendor=vendor).id for _ in range(2)]
        product = make.product(vendor)
        image = make.photo(product)
        _db.session.flush()
        return image.id, staff


def test_two_colleagues_describing_one_photo_at_once(store_app, monkeypatch):
    image_id, staff = _photo(store_app)
    texts = {staff[0]: "Tin of high mountain oolong", staff[1]: "Oolong tea in a green tin"}
    flush = _db.session.flush

    def save(user_id: int) -> None:
        with store_app.app_context(), unit_of_work():
            image = _db.session.get(ProductImage, image_id)
            image.translations  # noqa: B018 - the form read them, before either save
            # the other save arrives while this one has added its row and not yet committed
            monkeypatch.setattr(
                _db.session, "flush", lambda *a, **k: (flush(*a, **k), time.sleep(0.3))
            )
            product_images.set_alt(
                image, {"en": texts[user_id], "th": "ชาอู่หลง"}, _db.session.get(User, user_id)
            )

    errors = at_once(save, staff)

    assert errors == []
    with store_app.app_context():
        rows = _db.session.execute(
            select(ProductImageTranslation.locale, ProductImageTranslation.alt).where(
                ProductImageTranslation.image_id == image_id
            )
        ).all()
        _db.session.remove()
    assert sorted(locale for locale, _ in rows) == ["en", "th"]
    assert dict(rows)["en"] in texts.values()
