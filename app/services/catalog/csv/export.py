"""Writing the catalog CSV: the vendor's export (which imports back unchanged) and the template."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain import spreadsheet
from app.extensions import db
from app.models import Category, Product, Variant, Vendor
from app.models.catalog import ProductStatus
from app.services import clock
from app.services.catalog.csv.columns import COLUMNS, LOCALE_OF_SUFFIX


def _escape(value) -> str:
    # every cell, numbers too: the import takes a quoted cell of any column back unquoted
    return spreadsheet.safe_text("" if value is None else str(value))


def _write(rows: list[list]) -> bytes:
    return spreadsheet.csv_bytes(COLUMNS, ([_escape(value) for value in row] for row in rows))


def export(vendor: Vendor) -> bytes:
    """The vendor's catalog in the import format: importing it back changes nothing."""
    categories = {c.id: c.slug for c in db.session.scalars(select(Category))}
    products = db.session.scalars(
        select(Product)
        .where(
            Product.vendor_id == vendor.id,
            Product.status.not_in([ProductStatus.REMOVED, ProductStatus.ARCHIVED]),
        )
        .order_by(Product.id)
        .options(
            selectinload(Product.translations),
            selectinload(Product.variants).selectinload(Variant.translations),
        )
    )
    rows = []
    for product in products:
        texts = {t.locale: t for t in product.translations}
        for variant in product.variants:
            labels = {t.locale: t.label for t in variant.translations}
            rows.append(
                [
                    product.handle,
                    variant.sku,
                    categories[product.category_id],
                    *[texts[loc].name if loc in texts else "" for loc in LOCALE_OF_SUFFIX.values()],
                    *[
                        texts[loc].description if loc in texts else ""
                        for loc in LOCALE_OF_SUFFIX.values()
                    ],
                    *[labels.get(loc, "") for loc in LOCALE_OF_SUFFIX.values()],
                    variant.price_twd,
                    variant.on_hand,
                    variant.weight_g,
                    "yes" if product.halal_body else "no",
                    product.halal_body or "",
                    product.halal_cert_no or "",
                    product.halal_expires.isoformat() if product.halal_expires else "",
                    product.hs_code or "",
                    product.origin,
                    product.exemption or "",
                ]
            )
    return _write(rows)


def template() -> bytes:
    """A file to start from: the header and two example rows of one product (its example
    certificate stays valid: it expires a year from today)."""
    expires = (clock.today() + timedelta(days=365)).isoformat()
    return _write(
        [
            [
                "pineapple-cake",
                "PC-10",
                "snacks",
                "Pineapple Cake",
                "鳳梨酥",
                "ขนมพายสับปะรด",
                "Kek Nanas",
                "Buttery pastry with a sweet-tart pineapple filling.",
                "酥香外皮包著酸甜鳳梨內餡。",
                "",
                "",
                "Box of 10",
                "10入禮盒",
                "กล่อง 10 ชิ้น",
                "Kotak 10 biji",
                450,
                120,
                600,
                "yes",
                "THIDA",
                "THIDA-2026-0412",
                expires,
                "190590",
                "TW",
                "",
            ],
            [
                "pineapple-cake",
                "PC-20",
                "snacks",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "Box of 20",
                "20入禮盒",
                "กล่อง 20 ชิ้น",
                "Kotak 20 biji",
                850,
                60,
                1150,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
        ]
    )
