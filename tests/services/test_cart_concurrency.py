"""A signed-in shopper's cart changed by two requests at the same moment (a double click on
"Add to cart", two tabs): both changes count, neither is a 500. Each request runs in its own
transaction on its own connection, on the database DATABASE_URL selects; like the stock
races, this needs a migrated database of its own (store_app)."""

from __future__ import annotations

import threading
import time

from app.extensions import db as _db
from app.models import User
from app.services import cart
from app.transaction import unit_of_work
from tests import factories
from tests.concurrency import at_once
from tests.services import test_inventory_concurrency
from tests.services.test_inventory_concurrency import listed_product

store_app = test_inventory_concurrency.store_app  # a migrated database of its own


def test_two_adds_to_one_account_cart_at_the_same_moment_both_count(store_app):
    (variant_id,) = listed_product(store_app, 20)
    with store_app.app_context(), unit_of_work():
        user_id = factories.Factories(_db).user(email="twin-tabs@example.com").id
    first_read = threading.Event()

    def add(first: bool) -> None:
        if not first:
            first_read.wait(timeout=10)
        with store_app.app_context(), unit_of_work():
            user = _db.session.get(User, user_id)
            items = cart.account_items(user, to_change=True)
            if first:
                # the other request reads the cart now, before this one saves
                first_read.set()
                time.sleep(0.5)
            cart.save_account_items(user, cart.add(items, variant_id, 1))

    assert at_once(add, (True, False), together=False) == []
    with store_app.app_context():
        user = _db.session.get(User, user_id)
        assert cart.account_items(user) == [cart.Item(variant_id, 2, None)]
