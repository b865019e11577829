"""Keeping the search index in step with the catalog.

Write paths call `refresh(product_ids)` after their changes (in the same transaction); the
engines' own indexes follow the search_documents table by themselves (FTS5 triggers on SQLite,
GIN indexes on PostgreSQL). `reindex_all()` rebuilds everything (`flask search reindex`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Product, SearchDocument, SearchWord, Variant, Vendor
from app.models.catalog import ProductStatus
from app.models.vendor import VendorStatus
from app.services import reference
from app.services.search.text import SEP, joined_names, latin_words, normalise, short_tokens

BATCH = 1000


def _visible(product: Product) -> bool:
    return product.status == ProductStatus.ACTIVE and product.vendor.status == VendorStatus.APPROVED


def document_for(product: Product, category_names: dict[int, list[str]]) -> dict:
    names = [t.name for t in product.translations if t.name]
    labels = [t.label for v in product.variants for t in v.translations if t.label]
    vendor = product.vendor
    parts = names + labels + [vendor.name_en, vendor.name_zh_hant]
    parts += category_names.get(product.category_id, [])
    doc = SEP.join(normalise(part) for part in parts if part)
    complete_certificate = product.halal_body and product.halal_cert_no and product.halal_expires
    return {
        "product_id": product.id,
        "vendor_id": product.vendor_id,
        "category_id": product.category_id,
        "names": joined_names(names),
        "doc": doc,
        "short": " ".join(short_tokens(" ".join(parts))),
        "in_stock": product.in_stock,
        "min_price_twd": product.min_price_twd,
        "published_at": product.published_at or product.created_at,
        "halal_body": (product.halal_body or "").strip().upper() or None,
        "halal_expires": product.halal_expires if complete_certificate else None,
    }


def _category_names() -> dict[int, list[str]]:
    return {cid: list(info.names.values()) for cid, info in reference.get().categories.items()}


def _load(product_ids: list[int]) -> list[Product]:
    return list(
        db.session.scalars(
            select(Product)
            .where(Product.id.in_(product_ids))
            .options(
                selectinload(Product.translations),
                selectinload(Product.variants).selectinload(Variant.translations),
                selectinload(Product.vendor),
            )
        )
    )


def _add_words(words: set[str]) -> None:
    if not words:
        return
    dialect = db.session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    rows = [{"word": word} for word in sorted(words)]
    for start in range(0, len(rows), BATCH):
        db.session.execute(
            module.insert(SearchWord)
            .values(rows[start : start + BATCH])
            .on_conflict_do_nothing(index_elements=["word"])
        )


def refresh(product_ids: Iterable[int]) -> None:
    """Re-index these products: visible ones get a fresh document, others none."""
    ids = sorted(set(product_ids))
    if not ids:
        return
    db.session.flush()
    categories = _category_names()
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        db.session.execute(delete(SearchDocument).where(SearchDocument.product_id.in_(chunk)))
        products = [p for p in _load(chunk) if _visible(p)]
        rows = [document_for(p, categories) for p in products]
        if rows:
            db.session.execute(SearchDocument.__table__.insert(), rows)
        words: set[str] = set()
        for product in products:
            for translation in product.translations:
                words |= latin_words(translation.name)
        _add_words(words)


def refresh_vendor(vendor: Vendor) -> None:
    refresh(db.session.scalars(select(Product.id).where(Product.vendor_id == vendor.id)))


def reindex_all(progress: Callable[[int], None] | None = None) -> int:
    """Rebuild the whole index in batches; returns how many products are searchable."""
    db.session.execute(delete(SearchDocument))
    last_id, total = 0, 0
    while True:
        ids = list(
            db.session.scalars(
                select(Product.id).where(Product.id > last_id).order_by(Product.id).limit(BATCH)
            )
        )
        if not ids:
            break
        refresh(ids)
        last_id = ids[-1]
        if progress:
            progress(len(ids))
    total = db.session.scalar(select(func.count()).select_from(SearchDocument)) or 0
    return total
