"""Keeping the search index in step with the catalog.

Write paths call `refresh(product_ids)` after their changes (in the same transaction); the
engines' own indexes follow the search_documents table by themselves (FTS5 triggers on SQLite,
GIN indexes on PostgreSQL). `reindex_all()` rebuilds everything (`flask search reindex`).

Each app process also keeps the ranking rows in memory (services.search.memory): a refresh
raises the index version once per transaction and stamps the rows it writes, and the products
it takes out, with it, so the copies read only what changed.
"""

from __future__ import annotations

import os
from collections import deque, namedtuple
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context

from sqlalchemy import delete, event, func, insert, literal, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain import halal
from app.extensions import db
from app.models import (
    CacheVersion,
    Product,
    ProductTranslation,
    SearchDocument,
    SearchRemoval,
    SearchText,
    SearchWord,
    Variant,
    VariantTranslation,
    Vendor,
)
from app.models.catalog import ProductStatus
from app.models.search import PIECE, PIECES, POSTINGS
from app.models.vendor import VendorStatus
from app.services import bulk_insert, clock
from app.services.search import memory
from app.services.search.engine import LONG
from app.services.search.text import (
    SEP,
    fold,
    joined_names,
    latin_words,
    normalise,
    pieces,
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


#: what a document is made of: a product's columns, its (name, locale) pairs, its labels
_ProductRow = namedtuple(
    "_ProductRow",
    "id vendor_id category_id in_stock min_price_twd published_at created_at halal_body "
    "halal_cert_no halal_expires origin",
)
Sources = list[tuple[_ProductRow, list[tuple[str, str]], list[str]]]


def _sources(product_ids: list[int]) -> Sources:
    """What the documents of the visible products among product_ids are made of, read with
    three plain queries (no ORM objects: reindexing 100,000 products must stay quick)."""
    products = db.session.execute(
        select(*(getattr(Product, column) for column in _ProductRow._fields))
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
    return [(_ProductRow(*p), names.get(p.id, []), labels.get(p.id, [])) for p in products]


def documents(sources: Sources) -> list[tuple[dict, dict]]:
    """The documents of `sources` (pure: no database, so other processes can make them)."""
    return [document_for(product, names, labels) for product, names, labels in sources]


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
    _insert_missing(SearchWord, "word", words)


def _insert_missing(table, column: str, values: set[str]) -> None:
    """Add the values a list (a table with `column` its primary key) lacks. In one order,
    sorted: two transactions adding the same new values wait for each other rather than
    deadlock."""
    module = postgresql if _on_postgresql() else sqlite
    rows = [{column: value} for value in sorted(values)]
    for start in range(0, len(rows), BATCH):
        db.session.execute(
            module.insert(table)
            .values(rows[start : start + BATCH])
            .on_conflict_do_nothing(index_elements=[column])
        )


_VERSION_KEY = "tgg_search_version"


def _raise(area: str) -> int:
    """Raise a cache_versions row and return its new value. The row stays locked until the
    transaction ends, so the values commit in the order they were taken."""
    raised = db.session.execute(
        update(CacheVersion)
        .where(CacheVersion.area == area)
        .values(version=CacheVersion.version + 1, updated_at=clock.now())
        .returning(CacheVersion.version)
    ).scalar()
    if raised is None:
        raised = 1
        db.session.execute(
            insert(CacheVersion).values(area=area, version=raised, updated_at=clock.now())
        )
    return raised


def _version() -> int:
    """A new index version for the rows about to be written: raised on every refresh, as a
    copy may have caught up between two refreshes of one transaction."""
    version = db.session.info[_VERSION_KEY] = _raise(memory.VERSION)
    return version


@event.listens_for(Session, "after_commit")
def _committed(session) -> None:
    session.info.pop(_VERSION_KEY, None)


@event.listens_for(Session, "after_rollback")
@event.listens_for(Session, "after_soft_rollback")
def _rolled_back(session, *_args) -> None:
    # a copy may hold rows of the version taken back, or the version may be taken again
    # for other rows: every copy reloads
    if session.info.pop(_VERSION_KEY, None) is not None:
        memory.forget_all()


def postings(texts: dict) -> list[dict]:
    """A product's postings (PostgreSQL): each key of its words and head words once, flagged
    when it is a head word (migration 0023), and each piece of its text long enough to hold
    a text the trigram lookups answer (migration 0024)."""
    heads = set(texts["heads"].split())
    keys = dict.fromkeys(texts["words"].split(), False) | dict.fromkeys(heads, True)
    keys |= dict.fromkeys((PIECE + p for p in pieces(texts["doc"], LONG)), False)
    product_id = texts["product_id"]
    return [{"key": k, "product_id": product_id, "head": head} for k, head in keys.items()]


def refresh(product_ids: Iterable[int], clear: bool = True) -> None:
    """Re-index these products: visible ones get a fresh document, others none."""
    ids = sorted(set(product_ids))
    if not ids:
        return
    db.session.flush()
    seq = _version()
    written_pieces: set[str] = set()
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        if clear:
            db.session.execute(delete(SearchText).where(SearchText.product_id.in_(chunk)))
            db.session.execute(delete(SearchDocument).where(SearchDocument.product_id.in_(chunk)))
            db.session.execute(delete(SearchRemoval).where(SearchRemoval.product_id.in_(chunk)))
            if _on_postgresql():
                db.session.execute(delete(POSTINGS).where(POSTINGS.c.product_id.in_(chunk)))
        rows = documents(_sources(chunk))
        written_pieces |= _write(rows, seq)
        if clear:
            shown = {ranking["product_id"] for ranking, _texts in rows}
            gone = [{"product_id": i, "seq": seq} for i in chunk if i not in shown]
            if gone:
                bulk_insert.insert_rows(SearchRemoval.__table__, gone)
    # once for the whole refresh, in one sorted order (see _insert_missing); PostgreSQL only
    _insert_missing(PIECES, "piece", written_pieces)


def _on_postgresql() -> bool:
    return db.session.get_bind().dialect.name == "postgresql"


def _write(rows: list[tuple[dict, dict]], seq: int) -> set[str]:
    """Insert documents stamped with index version `seq`, their postings (PostgreSQL) and
    their Latin words; returns the pieces their postings name."""
    written_pieces: set[str] = set()
    for ranking, _texts in rows:
        ranking["seq"] = seq
    if rows:
        bulk_insert.insert_rows(SearchDocument.__table__, [r for r, _t in rows])
        bulk_insert.insert_rows(SearchText.__table__, [t for _r, t in rows])
        if _on_postgresql():
            written = [p for _r, t in rows for p in postings(t)]
            bulk_insert.insert_rows(POSTINGS, written)
            written_pieces = {p["key"][1:] for p in written if p["key"].startswith(PIECE)}
    words: set[str] = set()
    for ranking, _texts in rows:
        for name in ranking["names"].split(SEP):
            words |= latin_words(name)
    _add_words(words)
    return written_pieces


def refresh_vendor(vendor: Vendor) -> None:
    refresh(db.session.scalars(select(Product.id).where(Product.vendor_id == vendor.id)))


def _clear_all() -> None:
    """Empty the index (the in-memory copies reload it whole: a new epoch). On SQLite,
    dropping the FTS5 contents in one command is much faster than the per-row delete
    triggers."""
    _raise(memory.EPOCH)
    _version()
    db.session.execute(delete(SearchRemoval))
    # the typo vocabulary is made again from the products indexed: words only products
    # deleted since had are forgotten (a correction towards goods that are gone finds nothing)
    db.session.execute(delete(SearchWord))
    if not _on_postgresql():
        for trigger in SQLITE_DELETE_TRIGGERS:
            db.session.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))
        db.session.execute(delete(SearchText))
        db.session.execute(delete(SearchDocument))
        for table in SQLITE_TEXT_INDEXES:
            db.session.execute(text(f"INSERT INTO {table}({table}) VALUES ('delete-all')"))  # noqa: S608
        for create in SQLITE_DELETE_TRIGGERS.values():
            db.session.execute(text(create))
    else:
        # DELETE, not TRUNCATE: searches keep reading the old rows until the rebuild commits
        # (TRUNCATE would make them wait for it)
        db.session.execute(delete(POSTINGS))
        db.session.execute(delete(SearchText))
        db.session.execute(delete(SearchDocument))


def reindex_all(progress: Callable[[int], None] | None = None, workers: int | None = None) -> int:
    """Rebuild the whole index in batches; returns how many products are searchable.

    `workers`: processes that make the documents (cutting words is most of the work); by
    default one per CPU for a catalog of PARALLEL_FROM products or more, else none."""
    if _on_postgresql():
        # Right after a bulk load the planner still believes the tables are empty and scans
        # them whole for every batch; fresh statistics give it the product_id indexes.
        db.session.execute(
            text("ANALYZE products, product_translations, variants, variant_translations, vendors")
        )
    _clear_all()
    db.session.flush()
    seq = _version()
    written_pieces: set[str] = set()
    workers = _workers_for(db.session.scalar(select(func.count(Product.id))) or 0, workers)
    with _full_text_built_at_end(), _document_makers(workers) as makers:
        # documents are made by other processes while this one reads the next batches and
        # writes the ones made: each batch is (how many products, its documents to come)
        waiting: deque[tuple[int, Future | list]] = deque()
        for chunk in _id_batches():
            sources = _sources(chunk)
            made = makers.submit(documents, sources) if makers else documents(sources)
            waiting.append((len(chunk), made))
            while len(waiting) > workers:
                written_pieces |= _write_made(waiting.popleft(), seq, progress)
        while waiting:
            written_pieces |= _write_made(waiting.popleft(), seq, progress)
    _insert_missing(PIECES, "piece", written_pieces)
    if _on_postgresql():
        _prune_pieces()
    total = db.session.scalar(select(func.count()).select_from(SearchDocument)) or 0
    return total


#: a catalog this large is reindexed with the help of other processes (starting them takes
#: about a second: not worth it for a small store)
PARALLEL_FROM = 20_000


def _workers_for(products: int, asked: int | None) -> int:
    if asked is not None:
        return max(0, asked)
    return (os.cpu_count() or 1) if products >= PARALLEL_FROM else 0


@contextmanager
def _document_makers(workers: int) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of `workers` processes making documents, or None for none. Started afresh
    ("spawn"): a copy of this process, with its threads and open connections, could hang."""
    if not workers:
        yield None
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"))
    try:
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)


#: SQLite's full-text tables over search_texts, filled by its insert trigger
SQLITE_TEXT_INDEXES = ("search_fts", "search_fts_short", "search_fts_keys")


@contextmanager
def _full_text_built_at_end() -> Iterator[None]:
    """On SQLite, the full-text tables are built once from the texts when they are all
    written: each INSERT that fills them through the trigger pays for it at its end (20,000
    texts: 6 s in batches, 1.4 s built at once). The trigger is put back as it was; on an
    error the transaction, trigger included, is rolled back."""
    if _on_postgresql():
        yield
        return
    trigger = db.session.scalar(
        text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_texts_ai'")
    )
    db.session.execute(text("DROP TRIGGER search_texts_ai"))
    yield
    for table in SQLITE_TEXT_INDEXES:
        db.session.execute(text(f"INSERT INTO {table}({table}) VALUES ('rebuild')"))  # noqa: S608
    db.session.execute(text(trigger))


def _id_batches() -> Iterator[list[int]]:
    last_id = 0
    while True:
        ids = list(
            db.session.scalars(
                select(Product.id).where(Product.id > last_id).order_by(Product.id).limit(BATCH)
            )
        )
        if not ids:
            return
        yield ids
        last_id = ids[-1]


def _write_made(batch: tuple[int, Future | list], seq: int, progress) -> set[str]:
    count, made = batch
    pieces_written = _write(made.result() if isinstance(made, Future) else made, seq)
    if progress:
        progress(count)
    return pieces_written


def _prune_pieces() -> None:
    """Forget the pieces no product holds any more (PostgreSQL). Everyday writes leave them
    listed: a piece with no postings finds nothing, and deleting it there would make a
    writer adding it again wait for that transaction."""
    held = select(POSTINGS.c.key).where(POSTINGS.c.key == literal(PIECE) + PIECES.c.piece)
    db.session.execute(delete(PIECES).where(~held.exists()))
