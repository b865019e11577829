"""Finding and ranking candidates: one interface, two engines.

SQLite: FTS5 with the trigram tokenizer answers queries of three characters or more by
substring; a second FTS5 table over per-character tokens answers one- and two-character
queries (Chinese and Thai words are often that short) as phrases, without scanning.
PostgreSQL: pg_trgm GIN indexes answer LIKE '%term%'; a GIN full-text index over the same
per-character tokens answers the short queries (pg_trgm cannot help below three characters).
Both then rank inside search_documents with plain string functions on normalised text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Integer, and_, case, column, false, func, or_, select, text
from sqlalchemy.sql import ColumnElement

from app.models import SearchDocument as D
from app.services.search.text import (
    SEP,
    char_token,
    is_dense,
    is_dense_script,
    min_length,
    short_tokens,
)

LONG = 3  # trigram indexes need three characters


@dataclass
class Filters:
    category_id: int | None = None
    vendor_id: int | None = None
    in_stock: bool = False
    halal: bool = False
    price_twd_min: int | None = None
    price_twd_max: int | None = None


@dataclass
class Context:
    """What ranking and facets need to know about the shopper."""

    dialect: str
    today: date
    #: halal bodies that count in this market (None: any complete, valid certificate)
    halal_bodies: frozenset[str] | None = None
    price_edges_twd: list[int] = field(default_factory=list)


def _contains(dialect: str, haystack, needle) -> ColumnElement:
    fn = func.strpos if dialect == "postgresql" else func.instr
    return fn(haystack, needle) > 0


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _short_parts(term: str) -> list[str] | None:
    """Tokens of a short term: dense-script characters as a phrase, Latin as prefixes."""
    if is_dense(term):
        return [char_token(ch) for ch in term if is_dense_script(ch)] or None
    return short_tokens(term) or None


def usable(term: str) -> bool:
    return len(term) >= min_length(term)


def match_clause(dialect: str, terms: list[str]) -> ColumnElement:
    """Products whose text contains every term."""
    long_terms = [t for t in terms if len(t) >= LONG]
    short_terms = [t for t in terms if len(t) < LONG]
    conditions: list[ColumnElement] = []
    if dialect == "postgresql":
        conditions += [D.doc.like(_like_pattern(t), escape="\\") for t in long_terms]
        if short_terms and not long_terms:
            tsquery = _pg_tsquery(short_terms)
            if tsquery is None:
                return false()
            conditions.append(
                text(
                    "to_tsvector('simple'::regconfig, search_documents.short) "
                    "@@ to_tsquery('simple'::regconfig, :tsq)"
                ).bindparams(tsq=tsquery)
            )
    else:
        if long_terms:
            match = " AND ".join(_fts_phrase(t) for t in long_terms)
            hits = (
                text("SELECT rowid FROM search_fts WHERE search_fts MATCH :m")
                .bindparams(m=match)
                .columns(column("rowid", Integer))
            )
            conditions.append(D.product_id.in_(hits))
        elif short_terms:
            match = _fts_short_match(short_terms)
            if match is None:
                return false()
            hits = (
                text("SELECT rowid FROM search_fts_short WHERE search_fts_short MATCH :m")
                .bindparams(m=match)
                .columns(column("rowid", Integer))
            )
            conditions.append(D.product_id.in_(hits))
    if long_terms:
        # short terms beside long ones: the candidates are few, check them directly
        conditions += [_contains(dialect, D.doc, t) for t in short_terms]
    return and_(*conditions) if conditions else false()


def _fts_short_match(terms: list[str]) -> str | None:
    parts = []
    for term in terms:
        tokens = _short_parts(term)
        if tokens is None:
            return None
        if is_dense(term):
            parts.append('"' + " ".join(tokens) + '"')
        else:
            parts.extend(f"{token}*" for token in tokens)
    return " AND ".join(parts)


def _pg_tsquery(terms: list[str]) -> str | None:
    parts = []
    for term in terms:
        tokens = _short_parts(term)
        if tokens is None:
            return None
        if is_dense(term):
            parts.append("(" + " <-> ".join(f"'{token}'" for token in tokens) + ")")
        else:
            parts.extend(f"'{token}':*" for token in tokens)
    return " & ".join(parts)


def halal_ok(ctx: Context) -> ColumnElement:
    valid = D.halal_expires >= ctx.today
    if ctx.halal_bodies is None:
        return valid
    return and_(valid, D.halal_body.in_(sorted(ctx.halal_bodies)))


def filter_clauses(filters: Filters, ctx: Context) -> list[ColumnElement]:
    clauses = []
    if filters.category_id is not None:
        clauses.append(D.category_id == filters.category_id)
    if filters.vendor_id is not None:
        clauses.append(D.vendor_id == filters.vendor_id)
    if filters.in_stock:
        clauses.append(D.in_stock.is_(True))
    if filters.halal:
        clauses.append(halal_ok(ctx))
    if filters.price_twd_min is not None:
        clauses.append(D.min_price_twd >= filters.price_twd_min)
    if filters.price_twd_max is not None:
        clauses.append(D.min_price_twd <= filters.price_twd_max)
    return clauses


def tier(dialect: str, query: str, terms: list[str]) -> ColumnElement:
    """0 exact name, 1 name prefix, 2 substring of a name, 3 every term in the names,
    4 elsewhere (option labels, vendor, category)."""
    return case(
        (_contains(dialect, D.names, SEP + query + SEP), 0),
        (_contains(dialect, D.names, SEP + query), 1),
        (_contains(dialect, D.names, query), 2),
        (and_(*[_contains(dialect, D.names, t) for t in terms]), 3),
        else_=4,
    )


SORTS = {
    # (column key, descending?) in order; the last key is unique
    "relevance": [("tier", False), ("stock_rank", False), ("published_at", True), ("id", True)],
    "price_asc": [("min_price_twd", False), ("id", False)],
    "price_desc": [("min_price_twd", True), ("id", True)],
    "newest": [("published_at", True), ("id", True)],
}


def ranked(query: str, terms: list[str], filters: Filters, ctx: Context):
    """A subquery of matching products with their sort keys."""
    return (
        select(
            D.product_id.label("id"),
            tier(ctx.dialect, query, terms).label("tier"),
            case((D.in_stock.is_(True), 0), else_=1).label("stock_rank"),
            D.min_price_twd.label("min_price_twd"),
            D.published_at.label("published_at"),
        )
        .where(match_clause(ctx.dialect, terms), *filter_clauses(filters, ctx))
        .subquery("ranked")
    )


def page(query, terms, filters, ctx, sort: str, after: tuple | None, size: int):
    """(rows of the page, whether there are more). `after` is the last row's sort keys."""
    sub = ranked(query, terms, filters, ctx)
    keys = SORTS[sort]
    stmt = select(sub.c.id, *[sub.c[name] for name, _ in keys if name != "id"])
    if after is not None:
        stmt = stmt.where(_keyset(sub, keys, after))
    stmt = stmt.order_by(
        *[sub.c[name].desc() if desc else sub.c[name].asc() for name, desc in keys]
    ).limit(size + 1)
    return stmt


def _keyset(sub, keys, after) -> ColumnElement:
    """Rows strictly after `after` in the sort order (mixed directions, so no row-value)."""
    values = dict(zip([name for name, _ in keys], after, strict=True))
    alternatives = []
    for index, (name, desc) in enumerate(keys):
        equal = [sub.c[prev] == values[prev] for prev, _ in keys[:index]]
        beyond = sub.c[name] < values[name] if desc else sub.c[name] > values[name]
        alternatives.append(and_(*equal, beyond))
    return or_(*alternatives)


def facet_statements(query, terms, filters, ctx):
    """Counts over the matching products: totals and price bands; categories; vendors."""
    where = [match_clause(ctx.dialect, terms), *filter_clauses(filters, ctx)]
    bands = []
    edges = ctx.price_edges_twd
    for index in range(len(edges) + 1):
        low = edges[index - 1] if index else None
        high = edges[index] if index < len(edges) else None
        condition = and_(
            *([D.min_price_twd >= low] if low is not None else []),
            *([D.min_price_twd < high] if high is not None else []),
        )
        bands.append(func.sum(case((condition, 1), else_=0)).label(f"band{index}"))
    totals = select(
        func.count().label("total"),
        func.sum(case((D.in_stock.is_(True), 1), else_=0)).label("in_stock"),
        func.sum(case((halal_ok(ctx), 1), else_=0)).label("halal"),
        *bands,
    ).where(*where)
    categories = (
        select(D.category_id, func.count().label("n")).where(*where).group_by(D.category_id)
    )
    vendors = (
        select(D.vendor_id, func.count().label("n"))
        .where(*where)
        .group_by(D.vendor_id)
        .order_by(func.count().desc(), D.vendor_id)
        .limit(20)
    )
    return totals, categories, vendors


def cursor_values(row, sort: str) -> tuple:
    mapping = row._mapping
    return tuple(mapping[name] for name, _ in SORTS[sort])


def parse_datetime(value: str) -> datetime:
    return datetime.fromisoformat(value)
