"""Vendors' writes to their catalog: products, variants, translations, listing state.

Every function takes the vendor explicitly and works only inside it; the web layer has
already loaded the product through `vendor_product()`, which refuses other vendors' ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.domain.locales import CONTENT_LOCALES
from app.extensions import db
from app.models import (
    Category,
    Product,
    ProductTranslation,
    User,
    Variant,
    VariantTranslation,
    Vendor,
)
from app.models.catalog import Exemption, ProductStatus
from app.services import audit, clock
from app.services.catalog import events as product_events
from app.services.errors import NotFound, ValidationFailed

HANDLE = re.compile(r"[a-z0-9-]{1,64}")
SKU = re.compile(r"[A-Za-z0-9._-]{1,64}")
HS_CODE = re.compile(r"[0-9]{6,10}")
MAX_PRICE_TWD = 10_000_000
MAX_STOCK = 1_000_000
MAX_WEIGHT_G = 100_000
LOW_STOCK = 5


@dataclass
class VariantInput:
    sku: str
    price_twd: int
    stock: int
    weight_g: int
    labels: dict[str, str] = field(default_factory=dict)
    id: int | None = None
    remove: bool = False


@dataclass
class ProductInput:
    handle: str
    category_id: int
    names: dict[str, str]
    descriptions: dict[str, str] = field(default_factory=dict)
    variants: list[VariantInput] = field(default_factory=list)
    hs_code: str | None = None
    origin: str = "TW"
    halal_body: str | None = None
    halal_cert_no: str | None = None
    halal_expires: date | None = None
    exemption: str | None = None


def categories() -> list[Category]:
    return list(db.session.scalars(select(Category).order_by(Category.position)))


def vendor_product(vendor: Vendor, product_id: int) -> Product:
    """The vendor's own product. Raises NotFound for any other id (no hint it exists)."""
    product = db.session.scalar(
        select(Product).where(Product.id == product_id, Product.vendor_id == vendor.id)
    )
    if product is None:
        raise NotFound()
    return product


def vendor_variant(vendor: Vendor, variant_id: int) -> Variant:
    variant = db.session.scalar(
        select(Variant).where(Variant.id == variant_id, Variant.vendor_id == vendor.id)
    )
    if variant is None:
        raise NotFound()
    return variant


def halal_errors(body, number, expires, today: date) -> dict:
    """Certificate fields go together: all three or none, and not already expired."""
    given = [bool(body), bool(number), expires is not None]
    errors = {}
    if any(given) and not all(given):
        message = _l(
            "Give the certifying body, the certificate number and its expiry date together."
        )
        for name, present in zip(
            ("halal_body", "halal_cert_no", "halal_expires"), given, strict=True
        ):
            if not present:
                errors[name] = message
    if expires is not None and expires < today:
        errors["halal_expires"] = _l("This certificate has expired.")
    return errors


def _validate(vendor: Vendor, data: ProductInput, product: Product | None) -> None:
    errors: dict = {}
    if not HANDLE.fullmatch(data.handle or ""):
        errors["handle"] = _l("Use 1 to 64 lower-case letters, digits and hyphens.")
    else:
        clash = db.session.scalar(
            select(Product.id).where(Product.vendor_id == vendor.id, Product.handle == data.handle)
        )
        if clash is not None and (product is None or clash != product.id):
            errors["handle"] = _l("Another of your products already uses this handle.")
    if not (data.names.get("en") or "").strip():
        errors["name_en"] = _l("An English name is required.")
    for locale, name in data.names.items():
        if name and len(name) > 200:
            errors[f"name_{locale}"] = _l("Use at most %(max)d characters.", max=200)
    if data.hs_code and not HS_CODE.fullmatch(data.hs_code):
        errors["hs_code"] = _l("An HS code has 6 to 10 digits.")
    if not re.fullmatch(r"[A-Z]{2}", data.origin or ""):
        errors["origin"] = _l("Use a two-letter country code such as TW.")
    if data.exemption and data.exemption not in {e.value for e in Exemption}:
        errors["exemption"] = _l("Choose one of the listed reasons.")
    errors.update(
        halal_errors(data.halal_body, data.halal_cert_no, data.halal_expires, clock.today())
    )
    kept = [v for v in data.variants if not v.remove]
    if not kept:
        errors["variants"] = _l("A product needs at least one variant.")
    skus = [v.sku for v in kept]
    for index, variant in enumerate(data.variants):
        if variant.remove:
            continue
        prefix = f"variants-{index}-"
        if not SKU.fullmatch(variant.sku or ""):
            errors[prefix + "sku"] = _l(
                "Use 1 to 64 letters, digits, dots, hyphens or underscores."
            )
        elif skus.count(variant.sku) > 1:
            errors[prefix + "sku"] = _l("Each variant needs its own SKU.")
        else:
            owner = db.session.scalar(
                select(Variant.product_id).where(
                    Variant.vendor_id == vendor.id, Variant.sku == variant.sku
                )
            )
            if owner is not None and (product is None or owner != product.id):
                errors[prefix + "sku"] = _l("Another of your products already uses this SKU.")
        if not 0 < variant.price_twd <= MAX_PRICE_TWD:
            errors[prefix + "price_twd"] = _l("Enter a whole number of NT$ above 0.")
        if not 0 <= variant.stock <= MAX_STOCK:
            errors[prefix + "stock"] = _l("Enter a whole number of 0 or more.")
        if not 0 < variant.weight_g <= MAX_WEIGHT_G:
            errors[prefix + "weight_g"] = _l("Enter the weight in grams, above 0.")
        if len(kept) > 1 and not (variant.labels.get("en") or "").strip():
            errors[prefix + "label_en"] = _l("Name each option in English when there are several.")
    if errors:
        raise ValidationFailed(errors)


def _set_translations(rows, make_row, values: dict[str, str], field_name: str) -> None:
    """Insert, update or delete translation rows so they match `values` (empty = none)."""
    existing = {row.locale: row for row in rows}
    for locale in CONTENT_LOCALES:
        text = (values.get(locale) or "").strip()
        row = existing.get(locale)
        if text and row is None:
            rows.append(make_row(locale, text))
        elif text and getattr(row, field_name) != text:
            setattr(row, field_name, text)
        elif not text and row is not None and field_name in ("name", "label", "alt"):
            rows.remove(row)


def _apply(product: Product, vendor: Vendor, data: ProductInput) -> None:
    product.handle = data.handle
    product.category_id = data.category_id
    product.hs_code = data.hs_code or None
    product.origin = data.origin
    product.halal_body = (data.halal_body or "").strip().upper() or None
    product.halal_cert_no = (data.halal_cert_no or "").strip() or None
    product.halal_expires = data.halal_expires
    product.exemption = data.exemption or None
    texts = {
        loc: (data.names.get(loc) or "", data.descriptions.get(loc) or "")
        for loc in CONTENT_LOCALES
    }
    existing = {row.locale: row for row in product.translations}
    for locale, (name, description) in texts.items():
        row = existing.get(locale)
        name, description = name.strip(), description.strip()
        if name or description:
            if row is None:
                product.translations.append(
                    ProductTranslation(locale=locale, name=name, description=description)
                )
            else:
                row.name, row.description = name, description
        elif row is not None:
            product.translations.remove(row)
    for position, (item, variant) in enumerate(_match_variants(product, data.variants)):
        if variant is None:
            variant = Variant(vendor_id=vendor.id)
            product.variants.append(variant)
        variant.sku = item.sku
        variant.position = position
        variant.price_twd = item.price_twd
        variant.stock = item.stock
        variant.weight_g = item.weight_g
        _set_translations(
            variant.translations,
            lambda loc, text: VariantTranslation(locale=loc, label=text),
            item.labels,
            "label",
        )
    refresh_summary(product)


def _match_variants(product: Product, rows: list[VariantInput]) -> list[tuple]:
    """(row, existing variant or None) for every kept row, with removals already done.

    Rows that name one of the product's variants by id take it first; a row whose id is
    missing or stale (a form opened before a colleague's change, or edited by hand) then
    finds its variant by SKU, the vendor's key for a variant as in the CSV, instead of adding a
    twin that the unique SKU would refuse. Only a row that names a variant by id removes it.
    Removals and SKU changes reach the database first, so a SKU freed by one row can be taken
    by another.
    """
    removed_ids = {row.id for row in rows if row.remove and row.id}
    for variant in list(product.variants):
        if variant.id is not None and variant.id in removed_ids:
            product.variants.remove(variant)
    kept = [row for row in rows if not row.remove]
    by_id = {v.id: v for v in product.variants if v.id is not None}
    chosen: list[Variant | None] = [None] * len(kept)
    claimed: set[int] = set()
    for index, row in enumerate(kept):
        variant = by_id.get(row.id) if row.id else None
        if variant is not None and variant.id not in claimed:
            chosen[index] = variant
            claimed.add(variant.id)
    by_sku = {v.sku: v for v in by_id.values() if v.id not in claimed}
    for index, row in enumerate(kept):
        if chosen[index] is None:
            variant = by_sku.pop(row.sku, None)
            if variant is not None:
                chosen[index] = variant
                claimed.add(variant.id)
    matched = list(zip(kept, chosen, strict=True))
    renamed = [v for row, v in matched if v is not None and v.sku != row.sku]
    if removed_ids or renamed:
        # Two variants swapping SKUs would collide on the unique key half-way: park them.
        for variant in renamed:
            variant.sku = f"~{variant.id}"
        db.session.flush()
    return matched


def refresh_summary(product: Product) -> None:
    """Keep the listing columns (lowest price, in stock) in step with the variants."""
    if product.variants:
        product.min_price_twd = min(v.price_twd for v in product.variants)
        product.in_stock = any(v.stock > 0 for v in product.variants)


def new_listing_status(hold_for_review: bool) -> ProductStatus:
    if hold_for_review:
        return ProductStatus.PENDING_REVIEW
    return ProductStatus.ACTIVE


def create_product(vendor: Vendor, data: ProductInput, actor: User, hold_for_review: bool = False):
    """Raises ValidationFailed (field → message)."""
    _validate(vendor, data, None)
    product = Product(vendor_id=vendor.id, min_price_twd=1)
    status = new_listing_status(hold_for_review)
    product.status = status.value
    if status is ProductStatus.ACTIVE:
        product.published_at = clock.now()
    _apply(product, vendor, data)
    db.session.add(product)
    db.session.flush()
    product_events.changed([product.id])
    audit.record(actor, "product.created", product, {"handle": product.handle})
    return product


def update_product(product: Product, vendor: Vendor, data: ProductInput, actor: User) -> Product:
    """Raises ValidationFailed."""
    _validate(vendor, data, product)
    _apply(product, vendor, data)
    db.session.flush()
    product_events.changed([product.id])
    audit.record(actor, "product.updated", product, {"handle": product.handle})
    return product


def set_listed(product: Product, listed: bool, actor: User, hold_for_review: bool = False) -> None:
    """Unlist a product, or list it again. Removed products stay removed (operators' call)."""
    if product.status == ProductStatus.REMOVED:
        raise ValidationFailed({"status": _l("Operators removed this listing.")})
    if listed:
        if product.status in (ProductStatus.ACTIVE, ProductStatus.PENDING_REVIEW):
            return
        status = new_listing_status(hold_for_review)
        product.status = status.value
        if status is ProductStatus.ACTIVE and product.published_at is None:
            product.published_at = clock.now()
    else:
        if product.status == ProductStatus.UNLISTED:
            return
        product.status = ProductStatus.UNLISTED.value
    product_events.changed([product.id])
    audit.record(actor, "product.listed" if listed else "product.unlisted", product)


def quick_update(variant: Variant, price_twd: int, stock: int, actor: User) -> Variant:
    """The inline edit on the product list: price and stock of one variant."""
    errors = {}
    if not 0 < price_twd <= MAX_PRICE_TWD:
        errors["price_twd"] = _l("Enter a whole number of NT$ above 0.")
    if not 0 <= stock <= MAX_STOCK:
        errors["stock"] = _l("Enter a whole number of 0 or more.")
    if errors:
        raise ValidationFailed(errors)
    before = {"price_twd": variant.price_twd, "stock": variant.stock}
    variant.price_twd, variant.stock = price_twd, stock
    product = db.session.get(Product, variant.product_id)
    refresh_summary(product)
    db.session.flush()
    product_events.changed([product.id])
    audit.record(
        actor,
        "variant.updated",
        variant,
        {"before": before, "after": {"price_twd": price_twd, "stock": stock}},
    )
    return variant


# -- read models for the portal --------------------------------------------------------------


def completeness(product: Product) -> dict[str, int]:
    """Per content locale: how much of name, description and option labels is written (%)."""
    names = {t.locale: t for t in product.translations}
    result = {}
    for locale in CONTENT_LOCALES:
        parts = [
            bool(names.get(locale) and names[locale].name),
            bool(names.get(locale) and names[locale].description),
        ]
        for variant in product.variants:
            parts.append(any(t.locale == locale and t.label for t in variant.translations))
        result[locale] = round(100 * sum(parts) / len(parts)) if parts else 0
    return result


def status_counts(vendor: Vendor) -> dict[str, int]:
    rows = db.session.execute(
        select(Product.status, func.count())
        .where(Product.vendor_id == vendor.id)
        .group_by(Product.status)
    )
    return {status: count for status, count in rows}


def low_stock(vendor: Vendor, limit: int = 20) -> list[tuple[Variant, Product]]:
    """Listed options with little or no stock, emptiest first, with their text loaded."""
    return list(
        db.session.execute(
            select(Variant, Product)
            .join(Product, Product.id == Variant.product_id)
            .where(
                Variant.vendor_id == vendor.id,
                Variant.stock <= LOW_STOCK,
                Product.status.in_([ProductStatus.ACTIVE, ProductStatus.PENDING_REVIEW]),
            )
            .order_by(Variant.stock, Variant.id)
            .limit(limit)
            .options(selectinload(Variant.translations), selectinload(Product.translations))
        ).all()
    )


def translation_gaps(vendor: Vendor, limit: int = 20) -> list[tuple[Product, list[str]]]:
    """Products with no name in one of the shoppers' languages (the first `limit`)."""
    named_everywhere = (
        select(ProductTranslation.product_id)
        .where(ProductTranslation.name != "")
        .group_by(ProductTranslation.product_id)
        .having(func.count() >= len(CONTENT_LOCALES))
    )
    products = db.session.scalars(
        select(Product)
        .where(
            Product.vendor_id == vendor.id,
            Product.status != ProductStatus.REMOVED,
            Product.id.not_in(named_everywhere),
        )
        .order_by(Product.id)
        .limit(limit)
        .options(selectinload(Product.translations))
    )
    gaps = []
    for product in products:
        have = {t.locale for t in product.translations if t.name}
        gaps.append((product, [loc for loc in CONTENT_LOCALES if loc not in have]))
    return gaps


PRODUCTS_PER_PAGE = 50


def vendor_products(vendor: Vendor, after: int | None, size: int = PRODUCTS_PER_PAGE):
    """A page of the vendor's products, newest first, with what the product list shows;
    and the id to continue after (None on the last page)."""
    stmt = (
        select(Product)
        .where(Product.vendor_id == vendor.id)
        .order_by(Product.id.desc())
        .limit(size + 1)
        .options(
            selectinload(Product.translations),
            selectinload(Product.variants).selectinload(Variant.translations),
            selectinload(Product.images),
        )
    )
    if after is not None:
        stmt = stmt.where(Product.id < after)
    products = list(db.session.scalars(stmt))
    more = len(products) > size
    products = products[:size]
    return products, (products[-1].id if more and products else None)
