"""Past orders for the benchmark's store: many orders in a plausible shape, written in bulk
(services.bulk_insert: COPY on PostgreSQL, executemany on SQLite), not through checkout.

Shape: most orders are one parcel, some two or three (one per vendor), each parcel one to three
lines of one to three units; markets in proportion to the store's traffic; most orders long
completed, the recent ones paid, accepted, shipped or delivered, a few expired or cancelled.
Amounts add up the way the tables' checks demand (line goods = unit price x units, totals =
goods + shipping + tax); they are not re-priced by the landed-cost rules.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import func, select

from app.domain.money import minor_unit
from app.domain.order_states import OrderStatus, VendorOrderStatus
from app.extensions import db
from app.models import Market, Product, ProductTranslation, Variant
from app.models.order import Order, OrderLine, VendorOrder
from app.services import bulk_insert, clock, reference

BATCH = 5_000
SEED = 20261130
REF_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
#: share of orders per market
MARKET_WEIGHTS = {"TH": 40, "MY": 25, "SG": 15, "PH": 12, "TW": 8}
CITIES = {
    "TH": ("Bangkok", "10110"),
    "MY": ("Kuala Lumpur", "50450"),
    "SG": ("Singapore", "018956"),
    "PH": ("Makati", "1226"),
    "TW": ("臺北市", "110"),
}


def _statuses(age_days: int, rng: random.Random) -> tuple[str, str]:
    """(order status, vendor order status) for an order placed `age_days` ago."""
    if rng.random() < 0.03:
        return OrderStatus.EXPIRED.value, VendorOrderStatus.CANCELLED.value
    if age_days > 21:
        return OrderStatus.PAID.value, VendorOrderStatus.COMPLETED.value
    recent = [
        VendorOrderStatus.PAID,
        VendorOrderStatus.ACCEPTED,
        VendorOrderStatus.SHIPPED,
        VendorOrderStatus.DELIVERED,
    ]
    return OrderStatus.PAID.value, rng.choice(recent).value


def _variants() -> list[tuple]:
    """(variant id, product id, vendor id, sku, price TWD, weight g, product name) of every
    variant of an active product (its English name: order lines snapshot a name)."""
    names = dict(
        db.session.execute(
            select(ProductTranslation.product_id, ProductTranslation.name).where(
                ProductTranslation.locale == "en"
            )
        ).all()
    )
    rows = db.session.execute(
        select(
            Variant.id,
            Variant.product_id,
            Variant.vendor_id,
            Variant.sku,
            Variant.price_twd,
            Variant.weight_g,
            Product.hs_code,
            Product.origin,
        ).join(Product, Product.id == Variant.product_id)
    ).all()
    return [(*row, names.get(row.product_id, "Product")) for row in rows]


def insert_orders(count: int, progress: Callable[[int], None] | None = None) -> int:
    """Add `count` orders to the store (after the catalog is loaded). Returns the lines added."""
    rng = random.Random(SEED)
    variants = _variants()
    by_vendor: dict[int, list[tuple]] = {}
    for variant in variants:
        by_vendor.setdefault(variant[2], []).append(variant)
    vendors = list(by_vendor)
    ref = reference.get()
    markets = [code for code in db.session.scalars(select(Market.code)) if code in MARKET_WEIGHTS]
    weights = [MARKET_WEIGHTS[code] for code in markets]
    rates = {}
    for code in markets:
        currency = ref.markets[code].currency
        info = ref.rates.get(currency)  # none for New Taiwan dollars: the rate is one
        rates[code] = (currency, info.rate if info else Decimal(1), info.as_of if info else None)
    ids = {
        model: (db.session.scalar(select(func.max(model.id))) or 0) + 1
        for model in (Order, VendorOrder, OrderLine)
    }
    now = clock.now()
    refs: set[str] = set()
    lines_made = 0
    for start in range(0, count, BATCH):
        orders, parcels, lines = [], [], []
        for n in range(start, min(start + BATCH, count)):
            market = rng.choices(markets, weights)[0]
            currency, rate, as_of = rates[market]
            places = minor_unit(currency)
            age = rng.randrange(0, 365)
            placed = now - timedelta(days=age, minutes=rng.randrange(0, 24 * 60))
            status, parcel_status = _statuses(age, rng)
            while True:
                order_ref = "TGG-" + "".join(rng.choice(REF_ALPHABET) for _ in range(8))
                if order_ref not in refs:
                    refs.add(order_ref)
                    break
            order_id = ids[Order]
            ids[Order] += 1
            totals = {"goods": 0, "shipping": 0, "tax": 0}
            parcel_count = rng.choices((1, 2, 3), (70, 22, 8))[0]
            for vendor_id in rng.sample(vendors, min(parcel_count, len(vendors))):
                parcel_id = ids[VendorOrder]
                ids[VendorOrder] += 1
                goods = weight = 0
                stock = by_vendor[vendor_id]
                for variant in rng.sample(
                    stock, min(rng.choices((1, 2, 3), (60, 30, 10))[0], len(stock))
                ):
                    variant_id, product_id, _vendor, sku, price_twd, weight_g, hs, origin, name = (
                        variant
                    )
                    units = rng.choices((1, 2, 3), (75, 18, 7))[0]
                    unit_minor = int((Decimal(price_twd) * rate).scaleb(places).to_integral_value())
                    goods += unit_minor * units
                    weight += weight_g * units
                    lines.append(
                        {
                            "id": ids[OrderLine],
                            "order_id": order_id,
                            "vendor_order_id": parcel_id,
                            "product_id": product_id,
                            "variant_id": variant_id,
                            "sku": sku,
                            "product_name": name[:200],
                            "variant_label": "",
                            "hs_code": hs,
                            "origin": origin or "TW",
                            "exemption": None,
                            "quantity": units,
                            "unit_price_twd": price_twd,
                            "unit_price_minor": unit_minor,
                            "goods_minor": unit_minor * units,
                            "tax_minor": 0,
                            "zone_id": None,
                            "commission_bp": 1000,
                            "fx_rate": rate,
                            "earning_twd": price_twd * units * 9 // 10,
                        }
                    )
                    ids[OrderLine] += 1
                shipping_twd = 150 + 90 * (weight // 1000)
                shipping = int((Decimal(shipping_twd) * rate).scaleb(places).to_integral_value())
                tax = 0 if market == "TW" else goods * 7 // 100
                parcels.append(
                    {
                        "id": parcel_id,
                        "order_id": order_id,
                        "vendor_id": vendor_id,
                        "status": parcel_status,
                        "weight_g": weight,
                        "goods_minor": goods,
                        "shipping_minor": shipping,
                        "tax_minor": tax,
                        "total_minor": goods + shipping + tax,
                        "shipping_twd": shipping_twd,
                        "created_at": placed,
                        "updated_at": placed,
                    }
                )
                totals["goods"] += goods
                totals["shipping"] += shipping
                totals["tax"] += tax
            city, postal = CITIES[market]
            orders.append(
                {
                    "id": order_id,
                    "ref": order_ref,
                    "user_id": None,
                    "email": f"buyer{n}@bench.example.com",
                    "language": ref.markets[market].default_language,
                    "market_code": market,
                    "currency": currency,
                    "fx_rate": rate,
                    "fx_as_of": as_of,
                    "status": status,
                    "goods_minor": totals["goods"],
                    "shipping_minor": totals["shipping"],
                    "tax_minor": totals["tax"],
                    "total_minor": sum(totals.values()),
                    "ship_name": f"Buyer {n}",
                    "ship_line1": f"{n % 400 + 1} Bench Road",
                    "ship_line2": "",
                    "ship_city": city,
                    "ship_region": "",
                    "ship_postal_code": postal,
                    "ship_country": market,
                    "ship_phone": "+66 2 000 0000",
                    "payment_intent_id": None if status == "expired" else f"pi_bench_{n}",
                    "expires_at": placed + timedelta(minutes=30),
                    "paid_at": None if status == "expired" else placed + timedelta(minutes=2),
                    "created_at": placed,
                    "updated_at": placed,
                }
            )
        bulk_insert.insert_rows(Order.__table__, orders)
        bulk_insert.insert_rows(VendorOrder.__table__, parcels)
        bulk_insert.insert_rows(OrderLine.__table__, lines)
        lines_made += len(lines)
        if progress:
            progress(len(orders))
    return lines_made
