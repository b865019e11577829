"""The benchmark's store: schema, the demo catalogue's bulk path at any size, its products spread
over every vendor, and past orders. Run by bench/load.py in a process of its own:

    python -m bench.build --url sqlite:////tmp/x/bench.sqlite3 --media /tmp/x/media \\
        --products 100000 --vendors 1000 --orders 100000

Prints one JSON line with the counts and the seconds each step took.
"""

from __future__ import annotations

import argparse
import json
import time

import flask_migrate
from sqlalchemy import func, select, text

from app import create_app
from app.extensions import db
from app.models import Product, Vendor
from app.services import cache, clock
from app.transaction import unit_of_work


def spread_over_vendors() -> int:
    """The demo loader gives every copy of a catalogue product to that product's own vendor
    (the twelve real ones); a store of 1,000 vendors has products at all of them. Copies move to
    the other vendors in turn (with their variants and search documents); the originals stay.
    Returns the vendors that now have products."""
    from app.demo.catalogue import read_catalogue
    from app.demo.vendors import VENDORS

    real = len(VENDORS)
    vendor_ids = list(db.session.scalars(select(Vendor.id).order_by(Vendor.id)))
    extra = vendor_ids[real:]
    if not extra:
        return len(vendor_ids)
    if extra != list(range(extra[0], extra[0] + len(extra))):
        raise RuntimeError("vendor ids are not contiguous: not a fresh store")
    first_product = db.session.scalar(select(func.min(Product.id))) or 1
    keep = first_product + len(read_catalogue(clock.today())) - 1
    params = {"first": extra[0], "n": len(extra), "keep": keep}
    db.session.execute(
        text("UPDATE products SET vendor_id = :first + (id % :n) WHERE id > :keep"), params
    )
    for table in ("variants", "search_documents"):
        db.session.execute(
            text(
                f"UPDATE {table} SET vendor_id = "  # noqa: S608 - our table names
                f"(SELECT p.vendor_id FROM products p WHERE p.id = {table}.product_id) "
                f"WHERE product_id > :keep"
            ),
            params,
        )
    return db.session.scalar(select(func.count(func.distinct(Product.vendor_id))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--media", required=True)
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--vendors", type=int, default=1_000)
    parser.add_argument("--orders", type=int, default=100_000)
    args = parser.parse_args()

    from app.demo import loader
    from bench import orders

    app = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=args.url,
        MEDIA_ROOT=args.media,
        IN_PROCESS_SWEEP_SECONDS=0,
        TESTING=False,
    )
    seconds: dict[str, float] = {}
    report: dict = {"seconds": seconds}
    with app.app_context():
        started = time.perf_counter()
        flask_migrate.upgrade(revision="heads")
        seconds["schema"] = time.perf_counter() - started

        started = time.perf_counter()
        with unit_of_work():
            result = loader.load(
                products=args.products, vendors=args.vendors, media_root=args.media
            )
        seconds["catalog"] = time.perf_counter() - started
        report.update(products=result.products, variants=result.variants, zones=result.zones)

        started = time.perf_counter()
        with unit_of_work():
            report["vendors_with_products"] = spread_over_vendors()
        seconds["spread"] = time.perf_counter() - started

        started = time.perf_counter()
        with unit_of_work():
            report["order_lines"] = orders.insert_orders(args.orders) if args.orders else 0
        report["orders"] = args.orders
        seconds["orders"] = time.perf_counter() - started

        if db.engine.dialect.name == "postgresql":
            # what autovacuum would do a while after a bulk load, done now so that every run
            # plans with the same statistics (SQLite keeps none unless the app asks: it does not)
            started = time.perf_counter()
            with db.engine.connect() as connection:
                connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                    text("VACUUM ANALYZE")
                )
            seconds["analyze"] = time.perf_counter() - started
        cache.invalidate_all()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
