"""Finding and ranking candidates: one interface, two engines.

Matching works on folded text (services.search.text.fold). SQLite: FTS5 with the trigram
tokenizer answers texts of three characters or more by substring; a second FTS5 table over
per-character tokens answers one- and two-character texts (Chinese and Thai words are often
that short) as phrases, without scanning. PostgreSQL: pg_trgm GIN indexes answer
LIKE '%text%'; a GIN full-text index over the same per-character tokens answers the short
ones (pg_trgm cannot help below three characters).

A product matches when it matches every concept of the query (services.search.plan): the
words as typed anywhere in its names and option labels, a synonym as a whole word of its
names, its vendor's or category's name, or the attribute the words stand for.

Ranking happens inside search_documents with plain string functions, in this order:
1. the query is a whole name (exact spelling);
2. how the concepts are found in the names: with a head word (what the product is: "toner"
   in "Oolong Tea Balancing Toner"), as whole words, through the category, vendor or an
   attribute, only inside longer words (ชา in ชาร์จ), only in option labels;
   then exact spelling before folded spelling and synonyms, the query as typed in one piece;
3. what the product is before what it is made with: a head word of its name is a concept
   (the jar of honey for "honey", before a lip balm and a soap made with it), even when its
   category holds fewer of the matches;
4. the category most of the matches belong to first (the teas for "oolong", then the toner);
   between categories with as many matches, one whose name holds a word of the query ("Bubble
   Milk Tea Kit" in Tea before "Bubble Tea Cotton Socks" in Fashion, for "bubble tea");
5. in stock before sold out, newest first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import (
    ARRAY,
    Integer,
    Text,
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
    true,
    union,
)
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.sql import ColumnElement

from app.domain.search_words import HALAL, ORIGIN
from app.models import SearchDocument as D
from app.models import SearchText as T
from app.services import like
from app.services.search.plan import Concept, _typed, as_key
from app.services.search.text import (
    SEP,
    char_token,
    fold,
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


def _short_parts(term: str) -> list[str] | None:
    """Tokens of a short text: dense-script characters as a phrase, Latin as prefixes."""
    if is_dense(term):
        return [char_token(ch) for ch in term if is_dense_script(ch)] or None
    return short_tokens(term, normalised=True) or None


def usable(term: str) -> bool:
    return len(term) >= min_length(term)


def as_concepts(concepts) -> list[Concept]:
    """Concepts, or plain terms (each its own concept, no synonyms)."""
    return [c if isinstance(c, Concept) else Concept(label=c, typed=_typed(c)) for c in concepts]


# -- matching ---------------------------------------------------------------------------------


def _long_ids(dialect: str, texts: list[str], cap: int | None):
    """Ids of products whose text holds one of `texts` (three characters or more), by index."""
    if dialect == "postgresql":
        holding = [like.contains(T.doc, t) for t in texts]
        return select(T.product_id.label("id")).where(or_(*holding)).limit(cap)
    limit = f" LIMIT {int(cap)}" if cap else ""
    return (
        text("SELECT rowid AS id FROM search_fts WHERE search_fts MATCH :m" + limit)  # noqa: S608 - int
        .bindparams(bindparam("m", " OR ".join(_fts_phrase(t) for t in texts), unique=True))
        .columns(column("id", Integer))
    )


def _short_ids(dialect: str, texts: list[str], cap: int | None):
    """Ids of products whose text holds one of `texts` (one or two characters), by the
    per-character index: a dense-script text as a phrase of characters, a Latin one as word
    prefixes. None when no text can be looked for that way."""
    if dialect == "postgresql":
        tsquery = " | ".join(q for q in (_pg_tsquery(t) for t in texts) if q)
        if not tsquery:
            return None
        return (
            select(T.product_id.label("id"))
            .where(
                # short_tsv: a PostgreSQL-only generated column (migration 0004)
                text("search_texts.short_tsv @@ to_tsquery('simple'::regconfig, :tsq)").bindparams(
                    bindparam("tsq", tsquery, unique=True)
                )
            )
            .limit(cap)
        )
    match = " OR ".join(q for q in (_fts_short_match(t) for t in texts) if q)
    if not match:
        return None
    limit = f" LIMIT {int(cap)}" if cap else ""
    return (
        text("SELECT rowid AS id FROM search_fts_short WHERE search_fts_short MATCH :m" + limit)  # noqa: S608
        .bindparams(bindparam("m", match, unique=True))
        .columns(column("id", Integer))
    )


def _one_of(dialect: str, sources: list, drives: bool = True) -> ColumnElement:
    """Products whose id one of the `sources` (selects of ids) gives: their union first, so
    each product is looked up once. drives=False on PostgreSQL: a condition checked on rows
    another one found, as a hashed subplan (`= ANY(array)` beside another would be checked
    by reading the whole array for each row: 13 s for two broad Thai words on 100,000
    products)."""
    if not sources:
        return false()
    ids = sources[0] if len(sources) == 1 else union(*sources)
    if dialect == "postgresql" and drives:
        return _pg_one_of(ids)
    return D.product_id.in_(ids)


def _text_hits(dialect: str, texts: list[str], indexed: bool, cap: int | None) -> ColumnElement:
    """Products whose names or labels hold one of `texts`. indexed=False: short texts are
    looked for in each candidate's text (other concepts already narrow the candidates)."""
    sources, checks = _text_sources(dialect, texts, indexed, cap)
    return or_(_one_of(dialect, sources), *checks)


def _text_sources(dialect: str, texts: list[str], indexed: bool, cap: int | None):
    """(selects of ids by index, conditions checked on each candidate) for _text_hits."""
    texts = list(dict.fromkeys(t for t in texts if t))
    long = [t for t in texts if len(t) >= LONG]
    short = [t for t in texts if len(t) < LONG]
    sources, checks = [], []
    if long:
        sources.append(_long_ids(dialect, long, cap))
    if short and indexed:
        found = _short_ids(dialect, short, cap)
        if found is not None:
            sources.append(found)
    elif short:
        checks.append(
            exists().where(
                T.product_id == D.product_id, or_(*[_contains(dialect, T.doc, t) for t in short])
            )
        )
    return sources, checks


def _pg_one_of(ids) -> ColumnElement:
    """`product_id = ANY(ARRAY(ids))` rather than `product_id IN (ids)`: the matches become one
    array computed first, which PostgreSQL can combine with other conditions in a bitmap of the
    ranking table (`OR vendor_id = ...` from a vendor's name). As an IN it read the whole table
    to test the OR, or looked the ranking rows up one by one; measured on 100,000 products,
    broad queries took a third less time this way."""
    found = ids.subquery()
    # the sources name their id column differently ("id", "product_id"): take the first
    matches = select(func.array_agg(next(iter(found.c)))).scalar_subquery()
    # the cast keeps ANY(...) an array expression, not the ANY (subquery) form
    return D.product_id == any_(cast(matches, ARRAY(Integer)))


KEY_COLUMNS = ("words", "heads")


def _keys_cte(dialect: str, keys, name: str, columns=KEY_COLUMNS):
    """Products with one of `keys` among their whole-word keys (words.index_fields), by the
    keys' own index: an FTS5 table whose tokens are the keys (SQLite), GIN indexes on the
    keys as arrays (PostgreSQL; search_keys is string_to_array, migration 0009). A
    materialised CTE, computed once for matching and ranking."""
    keys = sorted({k for k in keys if k})
    if not keys:
        return None
    if dialect == "postgresql":
        wanted = cast(array(keys), ARRAY(Text))
        found = [func.search_keys(getattr(T, c)).op("&&")(wanted) for c in columns]
        stmt = select(T.product_id.label("id")).where(or_(*found))
    else:
        stmt = (
            text("SELECT rowid AS id FROM search_fts_keys WHERE search_fts_keys MATCH :m")
            .bindparams(bindparam("m", keys_match(keys, _fts_columns(columns)), unique=True))
            .columns(column("id", Integer))
        )
    return stmt.cte(name).prefix_with("MATERIALIZED")


def _fts_columns(columns) -> str:
    return columns[0] if len(columns) == 1 else "{" + " ".join(columns) + "}"


def keys_match(keys, columns: str = "{words heads}") -> str:
    """An FTS5 query for products with one of `keys` as a whole word (SQLite)."""
    return f"{columns} : (" + " OR ".join(_fts_phrase(k) for k in keys) + ")"


def known_word(dialect: str, key: str):
    """A statement returning a row when some product has `key` as a whole word or head word
    (茶 heads 乌龙茶, though jieba keeps 乌龙茶 one word)."""
    if dialect == "postgresql":
        wanted = cast(array([key]), ARRAY(Text))
        found = [func.search_keys(getattr(T, c)).op("&&")(wanted) for c in KEY_COLUMNS]
        return select(T.product_id).where(or_(*found)).limit(1)
    return text(
        "SELECT rowid FROM search_fts_keys WHERE search_fts_keys MATCH :m LIMIT 1"
    ).bindparams(m=keys_match([key]))


def _keys(dialect: str, concepts: list[Concept]) -> list:
    """Per concept: products with its typed words or one of its synonyms as a whole word.
    Typed words with punctuation (`"oolong`, `tea:`) are looked for as typed only."""
    return [_keys_cte(dialect, _whole_keys(c), f"k{index}") for index, c in enumerate(concepts)]


def _whole_keys(concept: Concept) -> list[str]:
    typed = concept.typed
    plain = as_key(typed.text) == typed.key
    return ([typed.key] if plain else []) + [s.key for s in concept.synonyms]


def _in(cte) -> list[ColumnElement]:
    return [] if cte is None else [D.product_id.in_(select(cte.c.id))]


def _attribute(concept: Concept, ctx: Context, alone: bool) -> ColumnElement | None:
    if not concept.attribute_applies(alone):
        return None
    if concept.attribute == HALAL:
        return halal_ok(ctx)
    if concept.attribute.startswith(ORIGIN):
        return D.origin == concept.attribute.removeprefix(ORIGIN)
    return None


def _owner_clauses(concept: Concept) -> list[ColumnElement]:
    vendor_ids, category_ids = concept.owners
    clauses = []
    if vendor_ids:
        clauses.append(D.vendor_id.in_(sorted(vendor_ids)))
    if category_ids:
        clauses.append(D.category_id.in_(sorted(category_ids)))
    return clauses


def _indexable(concept: Concept) -> bool:
    """Whether the concept's typed text is long enough for the trigram index (its synonyms
    have an index of their own)."""
    return len(concept.typed.text) >= LONG and not concept.attribute


def match_clause(
    dialect: str, concepts, ctx: Context | None = None, cap=None, alone=None, keys=None, drives=True
):
    """Products matching every concept (see the module docstring). alone: whether the
    concepts are the whole query (an origin word alone is matched by names only). drives:
    whether the first concept's matches may drive the scan (see _one_of)."""
    concepts = as_concepts(concepts)
    if not concepts:
        return false()
    ctx = ctx or Context(dialect=dialect, today=date.today())
    keys = keys or _keys(dialect, concepts)
    driven = any(_indexable(c) for c in concepts)
    alone = len(concepts) == 1 if alone is None else alone
    conditions = []
    for position, (concept, found) in enumerate(zip(concepts, keys, strict=True)):
        indexed = not driven or _indexable(concept)
        sources = [] if found is None else [select(found.c.id)]
        checks = []
        if not (concept.known and concept.dense and len(concept.typed.text) < LONG):
            # a short Thai or Chinese word that is a word of some names is found as a word
            # only: ชา is not looked for inside ชาร์จ (charge) or ชาม (bowl)
            more, checks = _text_sources(dialect, [concept.typed.text], indexed, cap)
            sources.extend(more)
        # a vendor or category named like the concept: checked on each row rather than its
        # products' ids added to the set above (a broad category put 15,000 ids in it; as a
        # condition PostgreSQL reads it from the category index beside the id array)
        checks.extend(_owner_clauses(concept))
        attribute = _attribute(concept, ctx, alone)
        if attribute is not None:
            checks.append(attribute)
        conditions.append(or_(_one_of(dialect, sources, drives and position == 0), *checks))
    return and_(*conditions)


def _fts_short_match(term: str) -> str | None:
    tokens = _short_parts(term)
    if tokens is None:
        return None
    if is_dense(term):
        return '"' + " ".join(tokens) + '"'
    return "(" + " AND ".join(f"{token}*" for token in tokens) + ")"


def _pg_tsquery(term: str) -> str | None:
    tokens = _short_parts(term)
    if tokens is None:
        return None
    if is_dense(term):
        return "(" + " <-> ".join(f"'{token}'" for token in tokens) + ")"
    return "(" + " & ".join(f"'{token}':*" for token in tokens) + ")"


# -- filters ----------------------------------------------------------------------------------


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


# -- ranking ----------------------------------------------------------------------------------

#: how a product matches (lower first); see the module docstring
EXACT, TITLE, TITLE_FOLDED, OTHER, INSIDE, ELSEWHERE = 0, 1, 2, 3, 4, 5


def _flag(condition) -> ColumnElement:
    return case((condition, 1), else_=0)


def _tests(dialect: str, query: str, concepts: list[Concept], ctx: Context, keys) -> dict:
    """Each test ranking needs, as a condition on a matching product: name tests are string
    searches, word tests look the product up among the concept's whole-word matches (the
    matching CTEs)."""
    heads = _keys_cte(
        dialect, [k for c in concepts for k in _whole_keys(c)], "h", columns=("heads",)
    )
    tests = {
        "exact": _contains(dialect, D.names, SEP + query + SEP),
        # a name starting with the query counts for Latin script (Thai names start with
        # their head word anyway)
        "prefix": false() if is_dense(query) else _contains(dialect, D.names, SEP + query),
        "head": false() if heads is None else D.product_id.in_(select(heads.c.id)),
        "phrase": _contains(dialect, D.folded, fold(query)) if len(concepts) > 1 else true(),
    }
    alone = len(concepts) == 1
    for i, (concept, found) in enumerate(zip(concepts, keys, strict=True)):
        tests[f"word{i}"] = false() if found is None else D.product_id.in_(select(found.c.id))
        tests[f"folded{i}"] = _contains(dialect, D.folded, concept.typed.text)
        tests[f"spelled{i}"] = _contains(dialect, D.names, concept.label)
        others = _owner_clauses(concept)
        attribute = _attribute(concept, ctx, alone)
        if attribute is not None:
            others.append(attribute)
        tests[f"other{i}"] = or_(false(), *others)
    return tests


def relevance(concepts: list[Concept], tests: dict):
    """(how the product matches, a finer rank within it) from the `tests` (see _tests and
    the module docstring). Computed on each matching row as two CASE expressions that stop
    at the first test deciding them, nested so that a test is not run twice on one path (a
    broad query ranks tens of thousands of products: a 0/1 column per test, stored and read
    back, cost 5-10% more)."""

    def each(name: str) -> list[ColumnElement]:
        return [tests[f"{name}{i}"] for i in range(len(concepts))]

    words, folded, spelled, other = each("word"), each("folded"), each("spelled"), each("other")
    in_names = [or_(w, f) for w, f in zip(words, folded, strict=True)]
    # found as typed, or not through its folded text: not only because tone marks were
    # dropped (ข้าว, rice, folds to ขาว, white)
    unfolded = [
        or_(s, ~f) if fold(concept.label) != concept.label else true()
        for s, f, concept in zip(spelled, folded, concepts, strict=True)
    ]
    head, prefix = tests["head"], tests["prefix"]
    title = or_(and_(*words), prefix, and_(*in_names, head))
    level = case(
        (tests["exact"], EXACT),
        (title, case((and_(*unfolded), TITLE), else_=TITLE_FOLDED)),
        (and_(*[or_(w, o) for w, o in zip(words, other, strict=True)]), OTHER),
        (and_(*in_names), INSIDE),
        else_=ELSEWHERE,
    )
    # within a level: what the product is (a head word: the teas for "oolong" before "Oolong
    # Tea Balancing Toner"), a name starting with the query, then the rest; exact spelling (no
    # folding, no synonym) and the query in one piece each count a little
    fine = (
        case((head, case((prefix, 0), else_=2)), (prefix, HEADLESS), else_=HEADLESS + 4)
        + case((and_(*spelled), 0), else_=2)
        + case((tests["phrase"], 0), else_=1)
    )
    return level, fine


#: the least `fine` rank of a product without a head word among the concepts (relevance): the
#: "headed" sort key is read off the rank rather than tested again (each `IN (SELECT ...)` of
#: a matching CTE builds its own lookup table in SQLite: 20,500 rows for 茶, +25% time)
HEADLESS = 6


SORTS = {
    # (column key, descending?) in order; the last key is unique
    "relevance": [
        ("relevance", False),
        ("headed", False),
        ("cat_weight", True),
        ("about", False),
        ("fine", False),
        ("stock_rank", False),
        ("published_at", True),
        ("id", True),
    ],
    "price_asc": [("min_price_twd", False), ("id", False)],
    "price_desc": [("min_price_twd", True), ("id", True)],
    "newest": [("published_at", True), ("id", True)],
}


def price_band(ctx: Context) -> ColumnElement:
    """The index of a product's price band among ctx.price_edges_twd (also category pages'
    facets, services.catalog.facets)."""
    edges = ctx.price_edges_twd
    if not edges:
        return literal(0)
    whens = [(D.min_price_twd < edge, index) for index, edge in enumerate(edges)]
    return case(*whens, else_=len(edges))


def hits(query: str, concepts, filters: Filters, ctx: Context, cap=None, sort="relevance"):
    """The matching products with their sort keys and facet attributes, as a CTE: the page
    and the facet counts both read it, so the text is matched once per search."""
    concepts = as_concepts(concepts)
    keys = _keys(ctx.dialect, concepts)
    ranked = sort == "relevance"
    if ranked:
        tests = _tests(ctx.dialect, query, concepts, ctx, keys)
        level, fine = relevance(concepts, tests)
        about = _about_rank(concepts)
    else:
        level = fine = about = literal(0)
    base = (
        select(
            D.product_id.label("id"),
            case((D.in_stock.is_(True), 0), else_=1).label("stock_rank"),
            D.min_price_twd.label("min_price_twd"),
            D.published_at.label("published_at"),
            D.category_id.label("category_id"),
            D.vendor_id.label("vendor_id"),
            _flag(halal_ok(ctx)).label("halal"),
            price_band(ctx).label("band"),
            level.label("relevance"),
            fine.label("fine"),
            about.label("about"),
        )
        .where(
            match_clause(ctx.dialect, concepts, ctx, cap, keys=keys), *filter_clauses(filters, ctx)
        )
        .cte("matched")
        .prefix_with("MATERIALIZED")
    )
    source, weight = base, literal(0)
    if ranked:
        # how many matches share the product's category: the category the query is about
        weights = (
            select(base.c.category_id, func.count().label("n"))
            .group_by(base.c.category_id)
            .cte("weights")
        )
        source = base.join(weights, weights.c.category_id == base.c.category_id)
        weight = weights.c.n
    return (
        select(
            base.c.id,
            base.c.relevance,
            (case((base.c.fine >= HEADLESS, 1), else_=0) if ranked else literal(0)).label("headed"),
            base.c.fine,
            weight.label("cat_weight"),
            base.c.about,
            base.c.stock_rank,
            base.c.min_price_twd,
            base.c.published_at,
            base.c.category_id,
            base.c.vendor_id,
            base.c.halal,
            base.c.band,
        )
        .select_from(source)
        .cte("hits")
    )


def _about_rank(concepts: list[Concept]) -> ColumnElement:
    """0 for a product in a category whose name holds a word of the query, else 1."""
    ids = sorted({i for c in concepts for i in c.about})
    return case((D.category_id.in_(ids), 0), else_=1) if ids else literal(0)


def _page_of(sub, sort: str, after: tuple | None, size: int):
    keys = SORTS[sort]
    stmt = select(
        sub.c.id,
        sub.c.relevance,
        sub.c.headed,
        sub.c.cat_weight,
        sub.c.about,
        sub.c.fine,
        sub.c.stock_rank,
        sub.c.min_price_twd,
        sub.c.published_at,
    )
    if after is not None:
        stmt = stmt.where(_keyset(sub, keys, after))
    return stmt.order_by(
        *[sub.c[name].desc() if desc else sub.c[name].asc() for name, desc in keys]
    ).limit(size + 1)


def page(query, concepts, filters, ctx, sort: str, after: tuple | None, size: int, cap=None):
    """Just the page: size + 1 rows (the extra one says there is more)."""
    return _page_of(hits(query, concepts, filters, ctx, cap, sort), sort, after, size)


def matched_concepts(concepts, filters: Filters, ctx: Context):
    """For partial matches: how many products match each combination of the concepts (rows
    of one 0/1 column per concept and a count), among products matching at least one."""
    concepts = as_concepts(concepts)
    alone = len(concepts) == 1
    keys = _keys(ctx.dialect, concepts)
    each = [
        match_clause(ctx.dialect, [c], ctx, alone=alone, keys=[k], drives=False)
        for c, k in zip(concepts, keys, strict=True)
    ]
    flags = [case((match, 1), else_=0).label(f"c{i}") for i, match in enumerate(each)]
    any_match = or_(*each)
    sub = select(*flags).where(any_match, *filter_clauses(filters, ctx)).subquery()
    columns = [sub.c[f"c{i}"] for i in range(len(concepts))]
    return select(*columns, func.count()).group_by(*columns)


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
