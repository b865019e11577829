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

from sqlalchemy import (
    ARRAY,
    Integer,
    and_,
    any_,
    bindparam,
    case,
    cast,
    column,
    exists,
    false,
    func,
    literal,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.sql import ColumnElement

from app.models import SearchDocument as D
from app.models import SearchText as T
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
    #: term → (ids of vendors, ids of categories) whose names contain the term
    owners: dict = field(default_factory=dict)


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


def _doc_match(dialect: str, term: str, alone: bool, cap: int | None = None) -> ColumnElement:
    """Products whose names or option labels contain `term`.

    alone: the term may use an index of its own; otherwise (a short term beside long ones,
    whose candidates are already few) it is checked directly in each candidate's text.
    cap: consider at most this many matches (suggestions only need a handful)."""
    limit = f" LIMIT {int(cap)}" if cap else ""
    if len(term) >= LONG:
        if dialect == "postgresql":
            return _pg_one_of(
                select(T.product_id).where(T.doc.like(_like_pattern(term), escape="\\")).limit(cap)
            )
        hits = (
            text("SELECT rowid FROM search_fts WHERE search_fts MATCH :m" + limit)  # noqa: S608 - int
            .bindparams(bindparam("m", _fts_phrase(term), unique=True))
            .columns(column("rowid", Integer))
        )
        return D.product_id.in_(hits)
    if not alone:
        return exists().where(T.product_id == D.product_id, _contains(dialect, T.doc, term))
    if dialect == "postgresql":
        tsquery = _pg_tsquery([term])
        if tsquery is None:
            return false()
        return _pg_one_of(
            select(T.product_id)
            .where(
                # short_tsv: a PostgreSQL-only generated column (migration 0004)
                text("search_texts.short_tsv @@ to_tsquery('simple'::regconfig, :tsq)").bindparams(
                    bindparam("tsq", tsquery, unique=True)
                )
            )
            .limit(cap)
        )
    match = _fts_short_match([term])
    if match is None:
        return false()
    hits = (
        text("SELECT rowid FROM search_fts_short WHERE search_fts_short MATCH :m" + limit)  # noqa: S608
        .bindparams(bindparam("m", match, unique=True))
        .columns(column("rowid", Integer))
    )
    return D.product_id.in_(hits)


def _pg_one_of(ids) -> ColumnElement:
    """`product_id = ANY(ARRAY(ids))` rather than `product_id IN (ids)`: the matches become one
    array computed first, which PostgreSQL can combine with other conditions in a bitmap of the
    ranking table (`OR vendor_id = ...` from a vendor's name). As an IN it read the whole table
    to test the OR, or looked the ranking rows up one by one; measured on 100,000 products,
    broad queries took a third less time this way."""
    found = ids.subquery()
    matches = select(func.array_agg(found.c.product_id)).scalar_subquery()
    # the cast keeps ANY(...) an array expression, not the ANY (subquery) form
    return D.product_id == any_(cast(matches, ARRAY(Integer)))


def match_clause(
    dialect: str, terms: list[str], owners: dict | None = None, cap: int | None = None
) -> ColumnElement:
    """Products matching every term: in their names or option labels, or through their
    vendor's or category's name (`owners`: term → (vendor ids, category ids))."""
    owners = owners or {}
    has_long = any(len(t) >= LONG for t in terms)
    conditions = []
    for term in terms:
        alone = not has_long or len(term) >= LONG
        alternatives = [_doc_match(dialect, term, alone, cap)]
        vendor_ids, category_ids = owners.get(term, ((), ()))
        if vendor_ids:
            alternatives.append(D.vendor_id.in_(sorted(vendor_ids)))
        if category_ids:
            alternatives.append(D.category_id.in_(sorted(category_ids)))
        conditions.append(or_(*alternatives) if len(alternatives) > 1 else alternatives[0])
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
    """domain.halal.badge_shown in SQL: the index keeps the expiry of complete certificates
    only, and the market's accepted bodies come from the same policy (MarketInfo)."""
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


def _band(ctx: Context) -> ColumnElement:
    edges = ctx.price_edges_twd
    if not edges:
        return literal(0)
    whens = [(D.min_price_twd < edge, index) for index, edge in enumerate(edges)]
    return case(*whens, else_=len(edges))


def hits(query: str, terms: list[str], filters: Filters, ctx: Context, cap: int | None = None):
    """The matching products with their sort keys and facet attributes, as a CTE: the page
    and the facet counts both read it, so the text is matched once per search."""
    return (
        select(
            D.product_id.label("id"),
            tier(ctx.dialect, query, terms).label("tier"),
            case((D.in_stock.is_(True), 0), else_=1).label("stock_rank"),
            D.min_price_twd.label("min_price_twd"),
            D.published_at.label("published_at"),
            D.category_id.label("category_id"),
            D.vendor_id.label("vendor_id"),
            case((halal_ok(ctx), 1), else_=0).label("halal"),
            _band(ctx).label("band"),
        )
        .where(match_clause(ctx.dialect, terms, ctx.owners, cap), *filter_clauses(filters, ctx))
        .cte("hits")
    )


def _page_of(sub, sort: str, after: tuple | None, size: int):
    keys = SORTS[sort]
    stmt = select(sub.c.id, sub.c.tier, sub.c.stock_rank, sub.c.min_price_twd, sub.c.published_at)
    if after is not None:
        stmt = stmt.where(_keyset(sub, keys, after))
    return stmt.order_by(
        *[sub.c[name].desc() if desc else sub.c[name].asc() for name, desc in keys]
    ).limit(size + 1)


def page(query, terms, filters, ctx, sort: str, after: tuple | None, size: int, cap=None):
    """Just the page: size + 1 rows (the extra one says there is more)."""
    return _page_of(hits(query, terms, filters, ctx, cap), sort, after, size)


def page_and_facets(query, terms, filters, ctx, sort: str, after: tuple | None, size: int):
    """The page and every facet count in one statement: rows tagged "p" are the page in
    order; rows tagged "f" are counts per (category, vendor, in stock, halal, price band),
    a few hundred at most however many products match."""
    cte = hits(query, terms, filters, ctx)
    paged = _page_of(cte, sort, after, size).subquery("paged")
    none = literal(None, type_=Integer)
    page_rows = select(
        literal("p").label("kind"),
        paged.c.id,
        paged.c.tier,
        paged.c.stock_rank,
        paged.c.min_price_twd,
        paged.c.published_at,
        none.label("category_id"),
        none.label("vendor_id"),
        none.label("halal"),
        none.label("band"),
        none.label("n"),
    )
    facet_rows = select(
        literal("f"),
        none,
        none,
        cte.c.stock_rank,
        none,
        literal(None, type_=D.published_at.type),
        cte.c.category_id,
        cte.c.vendor_id,
        cte.c.halal,
        cte.c.band,
        func.count(),
    ).group_by(cte.c.category_id, cte.c.vendor_id, cte.c.stock_rank, cte.c.halal, cte.c.band)
    return union_all(page_rows, facet_rows)


def _keyset(sub, keys, after) -> ColumnElement:
    """Rows strictly after `after` in the sort order (mixed directions, so no row-value)."""
    values = dict(zip([name for name, _ in keys], after, strict=True))
    alternatives = []
    for index, (name, desc) in enumerate(keys):
        equal = [sub.c[prev] == values[prev] for prev, _ in keys[:index]]
        beyond = sub.c[name] < values[name] if desc else sub.c[name] > values[name]
        alternatives.append(and_(*equal, beyond))
    return or_(*alternatives)


def cursor_values(row, sort: str) -> tuple:
    mapping = row._mapping
    return tuple(mapping[name] for name, _ in SORTS[sort])


def parse_datetime(value: str) -> datetime:
    return datetime.fromisoformat(value)
