"""The one writer of products and variants, for the portal form and the catalog CSV.

Drafts arrive checked (catalog_rules and the catalog's own checks): this module only writes.
- REPLACE (the form): the draft is the whole product; a text left empty is removed, a variant
  the draft marks removed goes.
- MERGE (the CSV): only what the draft gives is written; an empty cell keeps what the product
  has, and nothing the file does not mention is deleted.
Stock goes through the inventory service, and each product's lowest price and in-stock flag
follow its variants. The callers add audit rows and tell product events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.domain.catalog_rules import Certificate, ProductDraft, VariantDraft, listing_summary
from app.domain.locales import CONTENT_LOCALES
from app.extensions import db
from app.models import Product, ProductTranslation, Variant, VariantTranslation, Vendor
from app.models.catalog import ProductStatus
from app.models.inventory import StockReason
from app.services import inventory
from app.services.reference import Reference


class Mode(StrEnum):
    REPLACE = "replace"
    MERGE = "merge"


@dataclass
class Item:
    draft: ProductDraft
    #: the product the draft updates; None for a new one
    product: Product | None = None
    #: per draft variant (same order), the existing variant it updates; None for new ones.
    #: Left empty, variants are matched by id, then by SKU.
    variants: Sequence[Variant | None] | None = None


def write_all(
    vendor: Vendor,
    items: Sequence[Item],
    mode: Mode,
    ref: Reference,
    actor=None,
    reason: StockReason = StockReason.VENDOR_EDIT,
    reference: str | None = None,
) -> list[Product]:
    """Write checked drafts; returns the products in order. New products start as drafts
    (catalog.listing decides when they may be seen)."""
    products: list[Product] = []
    stock: list[tuple[Variant, int]] = []
    new: list[Variant] = []
    for item in items:
        product = item.product
        if product is None:
            product = Product(
                vendor_id=vendor.id,
                status=ProductStatus.DRAFT.value,
                origin="TW",
                min_price_twd=1,
                in_stock=False,
            )
            db.session.add(product)
        _write_product(product, item.draft, mode, ref)
        for variant, on_hand in _write_variants(product, vendor, item, mode):
            if variant.id is None:
                inventory.stock_new(variant, on_hand)
                new.append(variant)
            else:
                stock.append((variant, on_hand))
        products.append(product)
    db.session.flush()
    inventory.record_new(new, reason, actor, reference)
    for variant, on_hand in stock:
        if variant.on_hand != on_hand:
            inventory.set_on_hand(variant, on_hand, reason, actor, reference)
    for product in products:
        product.min_price_twd, product.in_stock = listing_summary(
            (v.price_twd, v.available) for v in product.variants
        )
    return products


def _given(mode: Mode, value) -> bool:
    return mode is Mode.REPLACE or value is not None


def _write_product(product: Product, draft: ProductDraft, mode: Mode, ref: Reference) -> None:
    product.handle = draft.handle
    if draft.category is not None:
        product.category_id = ref.category_slugs[draft.category]
    if _given(mode, draft.hs_code):
        product.hs_code = draft.hs_code or None
    if _given(mode, draft.origin):
        product.origin = draft.origin or "TW"
    if _given(mode, draft.exemption):
        product.exemption = draft.exemption or None
    if _given(mode, draft.halal):
        certificate = draft.halal or Certificate()
        product.halal_body = (certificate.body or "").strip().upper() or None
        product.halal_cert_no = (certificate.number or "").strip() or None
        product.halal_expires = certificate.expires
    _write_texts(product, draft, mode)


def _write_texts(product: Product, draft: ProductDraft, mode: Mode) -> None:
    rows = {row.locale: row for row in product.translations}
    for locale in CONTENT_LOCALES:
        name = (draft.names.get(locale) or "").strip()
        description = (draft.descriptions.get(locale) or "").strip()
        row = rows.get(locale)
        if mode is Mode.REPLACE:
            if not name and not description:
                if row is not None:
                    product.translations.remove(row)
                continue
        elif not name and not description:
            continue
        if row is None:
            # A description may come without a name in its language: keep it (the name then
            # falls back to English on the storefront) rather than lose the vendor's text.
            product.translations.append(
                ProductTranslation(locale=locale, name=name, description=description)
            )
        elif mode is Mode.REPLACE:
            row.name, row.description = name, description
        else:
            row.name = name or row.name
            row.description = description or row.description


def _write_variants(
    product: Product, vendor: Vendor, item: Item, mode: Mode
) -> list[tuple[Variant, int]]:
    """Write the draft's variants; returns (variant, units on hand) to set through inventory."""
    drafts = item.draft.variants
    matched = list(item.variants) if item.variants is not None else _match(product, drafts)
    stock = []
    position = len(product.variants)
    kept = 0
    for draft, variant in zip(drafts, matched, strict=True):
        if draft.remove:
            if variant is not None:
                product.variants.remove(variant)
            continue
        if variant is None:
            variant = Variant(vendor_id=vendor.id, sku=draft.sku, position=position)
            position += 1
            product.variants.append(variant)
        variant.sku = draft.sku
        if mode is Mode.REPLACE:
            variant.position = kept
        kept += 1
        variant.price_twd = draft.price_twd
        variant.weight_g = draft.weight_g
        _write_labels(variant, draft, mode)
        stock.append((variant, draft.stock))
    return stock


def _write_labels(variant: Variant, draft: VariantDraft, mode: Mode) -> None:
    rows = {row.locale: row for row in variant.translations}
    for locale in CONTENT_LOCALES:
        label = (draft.labels.get(locale) or "").strip()
        row = rows.get(locale)
        if label and row is None:
            variant.translations.append(VariantTranslation(locale=locale, label=label))
        elif label:
            row.label = label
        elif row is not None and mode is Mode.REPLACE:
            variant.translations.remove(row)


def _match(product: Product, drafts: Sequence[VariantDraft]) -> list[Variant | None]:
    """The existing variant each draft row updates, None for new rows.

    Rows that name one of the product's variants by id take it first; a row whose id is
    missing or stale (a form opened before a colleague's change, or edited by hand) then finds
    its variant by SKU, the vendor's key for a variant as in the CSV, instead of adding a twin
    that the unique SKU would refuse. Only a row that names a variant by id removes it.
    Removals and SKU changes reach the database first, so a SKU freed by one row can be taken
    by another.
    """
    by_id = {v.id: v for v in product.variants if v.id is not None}
    chosen: list[Variant | None] = [None] * len(drafts)
    claimed: set[int] = set()
    for index, row in enumerate(drafts):
        variant = by_id.get(row.id) if row.id else None
        if variant is not None and variant.id not in claimed:
            chosen[index] = variant
            claimed.add(variant.id)
    by_sku = {v.sku: v for v in by_id.values() if v.id not in claimed}
    for index, row in enumerate(drafts):
        if chosen[index] is None and not row.remove:
            variant = by_sku.pop(row.sku, None)
            if variant is not None:
                chosen[index] = variant
                claimed.add(variant.id)
    removed = [v for row, v in zip(drafts, chosen, strict=True) if row.remove and v is not None]
    renamed = [
        v for row, v in zip(drafts, chosen, strict=True) if v is not None and v.sku != row.sku
    ]
    if removed or renamed:
        for variant in removed:
            product.variants.remove(variant)
        # Two variants swapping SKUs would collide on the unique key half-way: park them.
        for variant in renamed:
            variant.sku = f"~{variant.id}"
        db.session.flush()
    return [None if row.remove else v for row, v in zip(drafts, chosen, strict=True)]
