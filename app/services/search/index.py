"""Keeping the search index in step with the catalog.

Write paths call `refresh(product_ids)` after their changes (in the same transaction); the
engines' own indexes follow the search_documents table by themselves (FTS5 triggers on SQLite,
GIN indexes on PostgreSQL). `reindex_all()` rebuilds everything (`flask search reindex`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import delete, func, select, text
from sqlalchemy.dialects import postgresql, sqlite

from app.domain import halal
from app.extensions import db
from app.models import (
    Product,
    ProductTranslation,
    SearchDocument,
    SearchText,
    SearchWord,
    Variant,
    VariantTranslation,
    Vendor,
)
from app.models.catalog import ProductStatus
from app.models.vendor import VendorStatus
from app.services import bulk_insert
from app.services.search.text import (
    SEP,
    fold,
    joined_names,
    latin_words,
    normalise,
    short_tokens,
)
from app.services.search.words import index_fields

BATCH = 1000
#: the same delete triggers as migrations 0004 and 0009 create (re-created after a full clear)
SQLITE_DELETE_TRIGGERS = {
    "search_texts_ad": """CREATE TRIGGER search_texts_ad AFTER DELETE ON search_texts BEGIN
    INSERT INTO search_fts(search_fts, rowid, doc) VALUES ('delete', old.product_id, old.doc);
    INSERT INTO search_fts_short(search_fts_short, rowid, short)
        VALUES ('delete', old.product_id, old.short);
    INSERT INTO search_fts_keys(search_fts_keys, rowid, words, heads)
        VALUES ('delete', old.product_id, old.words, old.heads);
END""",
}


def _rows_for(product_ids: list[int]) -> list[tuple[dict, dict]]:
    """Documents for the visible products among product_ids, read with three plain queries
    (no ORM objects: reindexing 100,000 products must stay quick)."""
    products = db.session.execute(
        select(
            Product.id,
            Product.vendor_id,
            Product.category_id,
            Product.in_stock,
            Product.min_price_twd,
            Product.published_at,
            Product.created_at,
            Product.halal_body,
            Product.halal_cert_no,
            Product.halal_expires,
            Product.origin,
        )
        .join(Vendor, Vendor.id == Product.vendor_id)
        .where(
            Product.id.in_(product_ids),
            Product.status == ProductStatus.ACTIVE,
            Vendor.status == VendorStatus.APPROVED,
        )
    ).all()
    if not products:
        return []
    visible = [p.id for p in products]
    names: dict[int, list[tuple[str, str]]] = {}
    for product_id, name, locale in db.session.execute(
        select(
            ProductTranslation.product_id, ProductTranslation.name, ProductTranslation.locale
        ).where(ProductTranslation.product_id.in_(visible))
    ):
        if name:
            names.setdefault(product_id, []).append((name, locale))
    labels: dict[int, list[str]] = {}
    for product_id, label in db.session.execute(
        select(Variant.product_id, VariantTranslation.label)
        .join(VariantTranslation, VariantTranslation.variant_id == Variant.id)
        .where(Variant.product_id.in_(visible))
    ):
        if label:
            labels.setdefault(product_id, []).append(label)
    return [document_for(p, names.get(p.id, []), labels.get(p.id, [])) for p in products]


def document_for(product, names: list[tuple[str, str]], labels: list[str]) -> tuple[dict, dict]:
    """(ranking row, text row) from the product's (name, locale) pairs and option labels.
    Vendor and category names are not copied into every document: the engine matches them
    in their own small tables and selects by vendor_id and category_id instead."""
    # the index keeps a certificate's expiry only when it is complete; validity on a day and
    # the market's accepted bodies are checked at query time (engine.halal_ok)
    complete_certificate = halal.certificate_complete(
        product.halal_body, product.halal_cert_no, product.halal_expires
    )
    plain = [name for name, _locale in names]
    normalised = [(normalise(name), locale) for name, locale in names if name.strip()]
    doc = fold(SEP.join(normalise(part) for part in plain + labels if part))
    words, heads = index_fields(normalised)
    ranking = {
        "product_id": product.id,
        "vendor_id": product.vendor_id,
        "category_id": product.category_id,
        "names": joined_names(plain),
        "folded": fold(joined_names(plain)),
        "origin": (product.origin or "").upper()[:2] or None,
        "in_stock": product.in_stock,
        "min_price_twd": product.min_price_twd,
        "published_at": product.published_at or product.created_at,
        "halal_body": halal.normalise_body(product.halal_body) or None,
        "halal_expires": product.halal_expires if complete_certificate else None,
    }
    texts = {
        "product_id": product.id,
        "doc": doc,
        "short": " ".join(short_tokens(doc.replace(SEP, " "), normalised=True)),
        "words": words,
        "heads": heads,
    }
    return ranking, texts


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


def refresh(product_ids: Iterable[int], clear: bool = True) -> None:
    """Re-index these products: visible ones get a fresh document, others none."""
    ids = sorted(set(product_ids))
    if not ids:
        return
    db.session.flush()
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        if clear:
            db.session.execute(delete(SearchText).where(SearchText.product_id.in_(chunk)))
            db.session.execute(delete(SearchDocument).where(SearchDocument.product_id.in_(chunk)))
        rows = _rows_for(chunk)
        if rows:
            bulk_insert.insert_rows(SearchDocument.__table__, [r for r, _t in rows])
            bulk_insert.insert_rows(SearchText.__table__, [t for _r, t in rows])
        words: set[str] = set()
        for ranking, _texts in rows:
            for name in ranking["names"].split(SEP):
                words |= latin_words(name)
        _add_words(words)


def refresh_vendor(vendor: Vendor) -> None:
    refresh(db.session.scalars(select(Product.id).where(Product.vendor_id == vendor.id)))


def _clear_all() -> None:
    """Empty the index. On SQLite, dropping the FTS5 contents in one command is much faster
    than the per-row delete triggers."""
    if db.session.get_bind().dialect.name == "sqlite":
        for trigger in SQLITE_DELETE_TRIGGERS:
            db.session.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))
        db.session.execute(delete(SearchText))
        db.session.execute(delete(SearchDocument))
        for table in ("search_fts", "search_fts_short", "search_fts_keys"):
            db.session.execute(text(f"INSERT INTO {table}({table}) VALUES ('delete-all')"))  # noqa: S608
        for create in SQLITE_DELETE_TRIGGERS.values():
            db.session.execute(text(create))
    else:
        db.session.execute(delete(SearchText))
        db.session.execute(delete(SearchDocument))


def reindex_all(progress: Callable[[int], None] | None = None) -> int:
    """Rebuild the whole index in batches; returns how many products are searchable."""
    if db.session.get_bind().dialect.name == "postgresql":
        # Right after a bulk load the planner still believes the tables are empty and scans
        # them whole for every batch; fresh statistics give it the product_id indexes.
        db.session.execute(
            text("ANALYZE products, product_translations, variants, variant_translations, vendors")
        )
    _clear_all()
    last_id, total = 0, 0
    while True:
        ids = list(
            db.session.scalars(
                select(Product.id).where(Product.id > last_id).order_by(Product.id).limit(BATCH)
            )
        )
        if not ids:
            break
        refresh(ids, clear=False)
        last_id = ids[-1]
        if progress:
            progress(len(ids))
    total = db.session.scalar(select(func.count()).select_from(SearchDocument)) or 0
    return total
