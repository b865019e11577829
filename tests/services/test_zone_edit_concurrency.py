"""A zone's form saved twice at the same moment (a double click on "Save", two operators):
the saves go through one after the other, never a 500 (see test_product_edit_concurrency)."""

from __future__ import annotations

import time
from dataclasses import replace

from app.extensions import db as _db
from app.models import Zone
from app.services import zone_admin
from app.transaction import unit_of_work
from tests import factories
from tests.concurrency import at_once
from tests.services import test_inventory_concurrency

store_app = test_inventory_concurrency.store_app  # a migrated database of its own


def test_a_new_title_saved_twice_at_once_is_saved_once(store_app, monkeypatch):
    with store_app.app_context(), unit_of_work():
        zone_id = factories.Factories(_db).zone(slug="teas", titles={"en": "Teas"}).id
    checks = zone_admin._problems

    def slow_checks(draft, zone):
        # the other save arrives while this one is between its checks and its write
        found = checks(draft, zone)
        time.sleep(0.5)
        return found

    monkeypatch.setattr(zone_admin, "_problems", slow_checks)

    def save(thai_title: str) -> None:
        with store_app.app_context(), unit_of_work():
            zone = _db.session.get(Zone, zone_id)
            draft = zone_admin.draft_of(zone)  # the form, as the page showed it
            titled = replace(draft, titles={**draft.titles, "th": thai_title})
            zone_admin.update(zone, titled, None)

    assert at_once(save, ("ชาดี", "ชาเด่น")) == []
    with store_app.app_context():
        zone = _db.session.get(Zone, zone_id)
        thai = [t.title for t in zone.translations if t.locale == "th"]
        assert len(thai) == 1
        assert thai[0] in ("ชาดี", "ชาเด่น")
        _db.session.remove()
