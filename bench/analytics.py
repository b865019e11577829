"""Time the operators' dashboard on 100,000 paid orders.

    python -m bench.analytics [--orders 100000] [--rounds 5]

Builds a throwaway database (SQLite in a temporary folder, or a new database on the
PostgreSQL server DATABASE_URL points at, dropped afterwards), migrates it, and fills it in
bulk (services.bulk_insert: COPY on PostgreSQL): 200 vendors with 5 products each, 12 zones
with 90 days of views, and the orders, spread over the last 90 Taipei days in the five
markets, 1–3 parcels of 1–2 lines each, exchange rates that change every day, 3% of them with
a return asked for. Then it times the dashboard with nothing rolled up (every order read), the
roll-up of the closed days (once) and of one day (each night), the dashboard as it runs
every day (closed days rolled up, today read from the orders), and the page and a CSV
download as an operator gets them (median and slowest of the rounds, warm).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import flask_migrate
from sqlalchemy import create_engine, delete, func, select, text
from sqlalchemy.engine import make_url

from app import create_app
from app.domain.money import minor_unit
from app.extensions import db
from app.models import (
    Category,
    Order,
    OrderLine,
    Product,
    ProductTranslation,
    ReturnRequest,
    SalesDay,
    SalesDayKey,
    SalesDayMarket,
    Variant,
    Vendor,
    VendorOrder,
    Zone,
    ZoneDailyStat,
    ZoneTranslation,
)
from app.models.user import Role
from app.services import accounts, analytics, clock
from app.services.analytics import rollup
from app.services.bulk_insert import insert_rows
from app.transaction import unit_of_work

MARKETS = {"TH": "THB", "MY": "MYR", "SG": "SGD", "PH": "PHP", "TW": "TWD"}
#: units per NT$1 around which each day's rate moves
BASE_RATES = {
    "THB": Decimal("1.12"),
    "MYR": Decimal("0.1450"),
    "SGD": Decimal("0.0410"),
    "PHP": Decimal("1.79"),
    "TWD": Decimal(1),
}
VENDORS, PRODUCTS_EACH, ZONES = 200, 5, 12
PASSWORD = "bench-operator-password"  # noqa: S105 - a throwaway database's account


def _database(url: str, folder: str):
    """(SQLAlchemy URL, cleanup) of a throwaway database."""
    if not url.startswith(("postgresql", "postgres://")):
        return f"sqlite:///{folder}/bench.sqlite3", lambda: None
    base = make_url(url.replace("postgresql://", "postgresql+psycopg://", 1))
    name = f"tgg_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))

    def drop():
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return base.set(database=name).render_as_string(hide_password=False), drop


def _catalog(rng: random.Random) -> tuple[list[dict], list[int]]:
    """Vendors, products (one option each) and zones; returns the products as order lines
    need them, and the zone ids."""
    categories = list(db.session.scalars(select(Category.id)))
    now = clock.now()
    vendors = [
        Vendor(
            slug=f"bench-{n}",
            name_en=f"Bench Vendor {n}",
            name_zh_hant=f"測試廠商{n}",
            email=f"bench{n}@example.com",
            status="approved",
        )
        for n in range(VENDORS)
    ]
    db.session.add_all(vendors)
    db.session.flush()
    products = []
    for vendor in vendors:
        for n in range(PRODUCTS_EACH):
            price = rng.choice((280, 450, 680, 880, 1200, 1680))
            product = Product(
                vendor_id=vendor.id,
                handle=f"item-{n}",
                category_id=rng.choice(categories),
                status="active",
                min_price_twd=price,
                published_at=now,
            )
            product.translations.append(ProductTranslation(locale="en", name=f"Item {n}"))
            product.variants.append(
                Variant(
                    vendor_id=vendor.id,
                    sku=f"B{vendor.id}-{n}",
                    position=0,
                    price_twd=price,
                    on_hand=1000,
                    reserved=0,
                    weight_g=400,
                )
            )
            products.append(product)
    db.session.add_all(products)
    zones = []
    for n in range(ZONES):
        zone = Zone(slug=f"bench-zone-{n}", starts_at=now - timedelta(days=120))
        zone.translations.append(ZoneTranslation(locale="en", title=f"Bench zone {n}", blurb=""))
        zones.append(zone)
    db.session.add_all(zones)
    db.session.flush()
    today = clock.today()
    insert_rows(
        ZoneDailyStat.__table__,
        [
            {
                "zone_id": zone.id,
                "day": today - timedelta(days=d),
                "views": rng.randrange(200, 3000),
                "product_views": rng.randrange(50, 800),
                "add_to_carts": rng.randrange(10, 200),
            }
            for zone in zones
            for d in range(90)
        ],
    )
    found = [
        {
            "product_id": p.id,
            "variant_id": p.variants[0].id,
            "vendor_id": p.vendor_id,
            "price_twd": p.min_price_twd,
        }
        for p in products
    ]
    return found, [zone.id for zone in zones]


def _orders(count: int, products: list[dict], zone_ids: list[int], rng: random.Random) -> None:
    """`count` paid orders over the last 90 days, inserted in batches."""
    by_vendor: dict[int, list[dict]] = {}
    for product in products:
        by_vendor.setdefault(product["vendor_id"], []).append(product)
    vendor_ids = list(by_vendor)
    # a few vendors sell much more than the rest, as in any marketplace
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(vendor_ids))]
    start = db.session.scalar(select(func.coalesce(func.max(Order.id), 0))) + 1
    now = clock.now()
    codes = list(MARKETS)
    order_id, parcel_id, line_id = start, 1, 1
    batch = {"orders": [], "parcels": [], "lines": [], "returns": []}

    def flush():
        insert_rows(Order.__table__, batch["orders"])
        insert_rows(VendorOrder.__table__, batch["parcels"])
        insert_rows(OrderLine.__table__, batch["lines"])
        insert_rows(ReturnRequest.__table__, batch["returns"])
        for rows in batch.values():
            rows.clear()

    for n in range(count):
        market = rng.choice(codes)
        currency = MARKETS[market]
        places = minor_unit(currency)
        age = timedelta(seconds=rng.randrange(0, 90 * 86400 - 3600))
        paid_at = now - age
        day_index = age.days
        # the day's rate: a deterministic wiggle around the base rate
        wiggle = Decimal(1) + Decimal((day_index * 7919) % 200 - 100) / Decimal(10_000)
        rate = (BASE_RATES[currency] * wiggle).quantize(Decimal("0.000001"))
        if currency == "TWD":
            rate = Decimal(1)
        goods_total = 0
        chosen = rng.choices(vendor_ids, weights=weights, k=rng.choice((1, 1, 1, 2, 2, 3)))
        for vendor_id in dict.fromkeys(chosen):
            goods = 0
            for product in rng.sample(by_vendor[vendor_id], k=rng.choice((1, 1, 2))):
                quantity = rng.choice((1, 1, 1, 2, 3))
                unit = int((Decimal(product["price_twd"]) * rate).scaleb(places))
                batch["lines"].append(
                    {
                        "id": line_id,
                        "order_id": order_id,
                        "vendor_order_id": parcel_id,
                        "product_id": product["product_id"],
                        "variant_id": product["variant_id"],
                        "sku": f"B{vendor_id}",
                        "product_name": "Item",
                        "variant_label": "",
                        "hs_code": None,
                        "origin": "TW",
                        "exemption": None,
                        "quantity": quantity,
                        "unit_price_twd": product["price_twd"],
                        "unit_price_minor": unit,
                        "goods_minor": unit * quantity,
                        "tax_minor": 0,
                        "zone_id": rng.choice(zone_ids) if rng.random() < 0.3 else None,
                        "commission_bp": 1500,
                        "fx_rate": rate,
                        "earning_twd": product["price_twd"] * quantity * 85 // 100,
                    }
                )
                line_id += 1
                goods += unit * quantity
            batch["parcels"].append(
                {
                    "id": parcel_id,
                    "order_id": order_id,
                    "vendor_id": vendor_id,
                    "status": "paid",
                    "weight_g": 400,
                    "goods_minor": goods,
                    "shipping_minor": 0,
                    "tax_minor": 0,
                    "total_minor": goods,
                    "shipping_twd": 0,
                }
            )
            if rng.random() < 0.03:
                batch["returns"].append(
                    {
                        "order_id": order_id,
                        "vendor_order_id": parcel_id,
                        "status": rng.choice(("requested", "refunded", "rejected")),
                        "reason": "bench",
                        "refund_minor": goods,
                        "requested_at": paid_at + timedelta(days=3),
                    }
                )
            parcel_id += 1
            goods_total += goods
        batch["orders"].append(
            {
                "id": order_id,
                "ref": f"TGG-B{order_id:07d}",
                "email": "buyer@example.com",
                "language": "en",
                "market_code": market,
                "currency": currency,
                "fx_rate": rate,
                "fx_as_of": paid_at.date(),
                "status": "paid",
                "goods_minor": goods_total,
                "shipping_minor": 0,
                "tax_minor": 0,
                "total_minor": goods_total,
                "ship_name": "Bench Buyer",
                "ship_line1": "1 Bench Road",
                "ship_line2": "",
                "ship_city": "Bangkok",
                "ship_region": "",
                "ship_postal_code": "10110",
                "ship_country": market,
                "ship_phone": "0812345678",
                "expires_at": paid_at + timedelta(minutes=30),
                "paid_at": paid_at,
                "created_at": paid_at - timedelta(minutes=2),
                "updated_at": paid_at,
            }
        )
        order_id += 1
        if len(batch["orders"]) >= 5_000 or n == count - 1:
            flush()
    if db.session.get_bind().dialect.name == "postgresql":
        # ids were given: move the sequences past them, and give the planner fresh statistics
        for table in ("orders", "vendor_orders", "order_lines"):
            db.session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                    f"(SELECT max(id) FROM {table}))"
                )
            )
        db.session.commit()
        db.session.execute(text("ANALYZE"))
    else:
        db.session.commit()
        db.session.execute(text("ANALYZE"))
    db.session.commit()


def _time(label: str, call, rounds: int, results: list) -> None:
    call()  # warm: the first call pays for connections and compiled statements
    seconds = []
    for _round in range(rounds):
        started = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - started)
    results.append((label, statistics.median(seconds) * 1000, max(seconds) * 1000))


def _signed_in_client(app):
    user = accounts.create_user(
        "bench-operator@example.com", PASSWORD, "Bench Operator", role=Role.OPERATOR, verified=True
    )
    db.session.commit()
    client = app.test_client()
    page = client.get("/en/account/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    response = client.post(
        "/en/account/sign-in",
        data={"csrf_token": token, "email": user.email, "password": PASSWORD},
    )
    assert response.status_code == 303, response.status_code
    return client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="tgg-analytics-bench-")
    url, drop = _database(os.environ.get("DATABASE_URL", ""), folder)
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url, MEDIA_ROOT=folder)
    try:
        with app.app_context():
            flask_migrate.upgrade(revision="heads")
            rng = random.Random(12)
            started = time.perf_counter()
            products, zone_ids = _catalog(rng)
            _orders(args.orders, products, zone_ids, rng)
            built = time.perf_counter() - started
            lines = db.session.scalar(select(func.count()).select_from(OrderLine))
            print(
                f"{db.engine.dialect.name}: {args.orders:,} orders, {lines:,} order lines, "
                f"built in {built:.1f} s"
            )
            last = clock.today()
            first = last - timedelta(days=89)
            results: list = []
            _time(
                "dashboard, nothing rolled up",
                lambda: analytics.dashboard(first, last),
                args.rounds,
                results,
            )
            started = time.perf_counter()
            with unit_of_work():
                rolled = rollup.roll_up(rollup.due())
            seconds = time.perf_counter() - started
            results.append((f"roll-up of {rolled} closed days", seconds * 1000, seconds * 1000))
            yesterday = last - timedelta(days=1)
            with unit_of_work():
                db.session.execute(delete(SalesDayKey).where(SalesDayKey.day == yesterday))
                db.session.execute(delete(SalesDayMarket).where(SalesDayMarket.day == yesterday))
                db.session.execute(delete(SalesDay).where(SalesDay.day == yesterday))
            started = time.perf_counter()
            with unit_of_work():
                rollup.roll_up([yesterday])
            seconds = time.perf_counter() - started
            results.append(("roll-up of one day", seconds * 1000, seconds * 1000))
            _time(
                "dashboard (today live)",
                lambda: analytics.dashboard(first, last),
                args.rounds,
                results,
            )
            client = _signed_in_client(app)

            def page():
                response = client.get("/en/ops/analytics?days=90")
                assert response.status_code == 200, response.status_code

            def download():
                response = client.get("/en/ops/analytics/daily.csv?days=90")
                assert response.status_code == 200, response.status_code

            _time("page /en/ops/analytics", page, args.rounds, results)
            _time("CSV download (daily)", download, args.rounds, results)
            print(f"{'':<30}{'median ms':>10}{'slowest ms':>12}")
            for label, median, slowest in results:
                print(f"{label:<30}{median:>10.1f}{slowest:>12.1f}")
            db.session.remove()
            db.engine.dispose()
    finally:
        drop()
    print(f"(started {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; data in {folder} unless PostgreSQL)")


if __name__ == "__main__":
    main()
