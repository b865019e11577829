"""Stock under real concurrency: vendors editing on hand while orders reserve, release and ship
the same variant, each in its own transaction on its own connection, on the database
DATABASE_URL selects (SQLite: BEGIN IMMEDIATE and the busy timeout queue the writers;
PostgreSQL: row locks and conditional UPDATEs).

The `db` fixture keeps every test inside one connection's outer transaction, which threads
cannot share: these tests migrate a throwaway database of their own.
"""

from __future__ import annotations

import os
import random
import threading
from collections import Counter
from dataclasses import dataclass, field

import flask_migrate
import pytest
from sqlalchemy import func, select, text

from app import create_app
from app.extensions import db as _db
from app.models import Product, SearchDocument, StockMovement, Variant
from app.models.inventory import StockReason
from app.services import cache, inventory
from app.services.catalog import events as product_events
from app.services.errors import StockBelowReserved
from app.transaction import unit_of_work
from tests import factories

THREADS = 8
OPERATIONS = 50
OPENING = 20
#: what a vendor edit sets on hand to: often below what orders hold, so some are refused
EDIT_RANGE = (0, 30)
#: repeats of the race for the last units of a product's two variants
ROUNDS = 30


@pytest.fixture
def store_app(tmp_path):
    """An app on a freshly migrated database of its own (PostgreSQL when DATABASE_URL names
    a server, dropped afterwards; else a SQLite file)."""
    url = os.environ.get("DATABASE_URL", "")
    drop = None
    if url.startswith(("postgresql", "postgres://")):
        from tests.conftest import _postgres_test_database

        test_url, admin, name = _postgres_test_database(url)
        database_url = test_url.render_as_string(hide_password=False)

        def drop():
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()

    else:
        database_url = f"sqlite:///{tmp_path / 'stock.sqlite3'}"
    app = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=database_url,
        MEDIA_ROOT=str(tmp_path / "media"),
        RATELIMIT_STORAGE_URI="memory://",
    )
    cache.invalidate_all()  # reference data cached from the other test database
    try:
        with app.app_context():
            flask_migrate.upgrade()
            _db.session.remove()
        yield app
    finally:
        with app.app_context():
            _db.session.remove()
            _db.engine.dispose()
        cache.invalidate_all()
        if drop:
            drop()


def listed_product(app, *openings: int) -> list[int]:
    """A listed product with one variant per opening stock, set through the inventory
    service (so the ledger holds it). Returns the variant ids."""
    with app.app_context(), unit_of_work():
        make = factories.Factories(_db)
        product = make.product(
            variants=[
                {"sku": f"RACE-{n}", "price_twd": 500, "stock": 0, "labels": {"en": f"No. {n}"}}
                for n in range(len(openings))
            ]
        )
        for variant, units in zip(product.variants, openings, strict=True):
            inventory.set_on_hand(variant, units, StockReason.OPENING)
        product_events.changed(inventory.refresh_in_stock([product.id]))
        return [v.id for v in product.variants]


@dataclass
class Log:
    """What the threads saw, appended under the GIL (list.append is atomic)."""

    #: (kind, quantity or on-hand delta) of every movement that was committed
    applied: list[tuple[str, int]] = field(default_factory=list)
    refused: Counter = field(default_factory=Counter)
    #: on hand − reserved as each transaction left it
    available_seen: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    in_flight: int = 0
    peak_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def enter(self) -> None:
        with self.lock:
            self.in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self.in_flight)

    def leave(self) -> None:
        with self.lock:
            self.in_flight -= 1


def one_operation(app, variant_id: int, rng: random.Random, held: list[int], log: Log, tag: str):
    """One random stock operation in its own transaction, as a request or a job runs it.
    `held` is what this thread's orders hold: releases and shipments only give back those."""
    kind = rng.choices(["edit", "reserve", "release", "ship"], weights=[3, 4, 2, 1])[0]
    if kind in ("release", "ship") and not held:
        kind = "reserve"
    outcome: tuple[str, int] | None = None
    log.enter()
    try:
        with app.app_context(), unit_of_work():
            if kind == "edit":
                variant = _db.session.get(Variant, variant_id)
                try:
                    delta = inventory.set_on_hand(
                        variant, rng.randint(*EDIT_RANGE), StockReason.VENDOR_EDIT, reference=tag
                    )
                    outcome = ("edit", delta)
                except StockBelowReserved:
                    log.refused["edit"] += 1
            elif kind == "reserve":
                quantity = rng.randint(1, 3)
                if inventory.reserve(variant_id, quantity, reference=tag):
                    outcome = ("reserve", quantity)
                else:
                    log.refused["reserve"] += 1
            else:
                quantity = held.pop(rng.randrange(len(held)))
                move = inventory.release if kind == "release" else inventory.ship
                if move(variant_id, quantity, reference=tag):
                    outcome = (kind, quantity)
                else:  # this thread's own order holds them: a refusal is lost stock
                    log.errors.append(f"{tag}: {kind} of {quantity} held units was refused")
            on_hand, reserved = _db.session.execute(
                select(Variant.on_hand, Variant.reserved).where(Variant.id == variant_id)
            ).one()
        # committed: only now do the units count
        log.available_seen.append(on_hand - reserved)
        if outcome is not None:
            log.applied.append(outcome)
            if outcome[0] == "reserve":
                held.append(outcome[1])
    except Exception as error:  # noqa: BLE001 - every escaped error is reported by the test
        log.errors.append(f"{tag} ({kind}): {type(error).__name__}: {error}")
    finally:
        log.leave()


def run_threads(app, variant_id: int) -> Log:
    log = Log()
    start = threading.Barrier(THREADS)

    def worker(index: int) -> None:
        rng = random.Random(index)
        held: list[int] = []
        start.wait()
        for n in range(OPERATIONS):
            one_operation(app, variant_id, rng, held, log, f"t{index}-{n}")

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a worker is stuck"
    return log


def test_concurrent_edits_and_reservations_keep_the_arithmetic_and_the_ledger(store_app):
    [variant_id] = listed_product(store_app, OPENING)

    log = run_threads(store_app, variant_id)

    assert log.errors == [], "\n".join(log.errors[:20])
    assert len(log.applied) + sum(log.refused.values()) == THREADS * OPERATIONS
    assert log.peak_in_flight > 1, "the operations never overlapped"
    total = Counter()
    for kind, amount in log.applied:
        total[kind] += amount
    with store_app.app_context():
        variant = _db.session.get(Variant, variant_id)
        rows = _db.session.execute(
            select(
                func.count(),
                func.sum(StockMovement.on_hand_delta),
                func.sum(StockMovement.reserved_delta),
            ).where(StockMovement.variant_id == variant_id)
        ).one()
        on_hand, reserved = variant.on_hand, variant.reserved
    assert on_hand == OPENING + total["edit"] - total["ship"]
    assert reserved == total["reserve"] - total["release"] - total["ship"]
    assert min(log.available_seen) >= 0
    assert on_hand - reserved >= 0
    # every committed movement is one ledger row (an edit that changed nothing writes none),
    # and the rows add up to the variant's numbers
    moved = 1 + sum(1 for kind, amount in log.applied if kind != "edit" or amount)
    assert tuple(rows) == (moved, on_hand, reserved)


def test_two_orders_taking_the_last_unit_of_each_variant_leave_the_product_out_of_stock(
    store_app,
):
    """Each order's transaction still sees the other variant's unit; when both commit the
    product must not stay "in stock" in listings or search (repeated: the race is timing)."""
    variant_ids = listed_product(store_app, 1, 1)
    with store_app.app_context():
        product_id = _db.session.get(Variant, variant_ids[0]).product_id
    errors: list[str] = []
    wrong: list[str] = []

    def take_the_last_unit(variant_id: int, start: threading.Barrier) -> None:
        try:
            start.wait()
            with store_app.app_context(), unit_of_work():
                if not inventory.reserve(variant_id, 1, reference="race"):
                    errors.append(f"variant {variant_id}: its last unit was refused")
        except Exception as error:  # noqa: BLE001 - every escaped error is reported below
            errors.append(f"{type(error).__name__}: {error}")

    def flags() -> tuple[bool, bool | None]:
        """(the product's in-stock flag, its search document's), as shoppers' pages read them."""
        with store_app.app_context():
            return _db.session.get(Product, product_id).in_stock, _db.session.scalar(
                select(SearchDocument.in_stock).where(SearchDocument.product_id == product_id)
            )

    for round_ in range(ROUNDS):
        assert flags() == (True, True), f"round {round_} began out of stock"
        start = threading.Barrier(len(variant_ids))
        threads = [
            threading.Thread(target=take_the_last_unit, args=(v, start)) for v in variant_ids
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        listed, searched = flags()
        if listed or searched:
            wrong.append(f"round {round_}: products.in_stock={listed}, search={searched}")
        with store_app.app_context(), unit_of_work():
            for variant_id in variant_ids:
                assert inventory.release(variant_id, 1, reference="race")

    assert errors == [], "\n".join(errors[:10])
    assert wrong == [], "\n".join(wrong[:10])
