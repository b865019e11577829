"""Finding candidates: what the databases' text indexes answer, and the rules ranking follows.

Matching works on folded text (services.search.text.fold). SQLite: FTS5 with the trigram
tokenizer answers texts of three characters or more by substring; a second FTS5 table over
per-character tokens answers one- and two-character texts (Chinese and Thai words are often
that short) as phrases, without scanning. PostgreSQL: a pg_trgm GIN index over the list
of the texts' pieces (the runs between spaces) answers LIKE '%text%', and the postings give
the products holding the pieces found (a text with a space: the same index over the texts
themselves); a GIN full-text index over the same per-character tokens answers the short
ones (pg_trgm cannot help below three characters). Whole words are looked up among each
product's word keys (an FTS5 table of keys; on PostgreSQL the same table of postings).

Each lookup is one plain statement returning product ids; services.search.ranking combines
them over the process's copy of the ranking rows (services.search.memory). A product matches
when it matches every concept of the query (services.search.plan): the words as typed
anywhere in its names and option labels, a synonym as a whole word of its names, its
vendor's or category's name, or the attribute the words stand for.

Ranking, in this order:
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

import json
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import (
    ARRAY,
    Integer,
    Text,
    any_,
    bindparam,
    cast,
    column,
    func,
    literal,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.sql import ColumnElement

from app.models import SearchText as T
from app.models.search import PIECE, PIECES
from app.models.search import POSTINGS as P
from app.services import like
from app.services.search.plan import Concept, _typed, as_key
from app.services.search.text import (
    char_token,
    has_space,
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


def long_ids(dialect: str, texts: list[str]):
    """Ids of products whose text holds one of `texts` (three characters or more), by index.
    PostgreSQL: a text without a space is looked for in the short list of the pieces the
    texts hold (search_pieces), then the products holding those pieces are read from the
    postings: the trigram index on the texts themselves names every matching product, and
    each is read back from its wide row to be checked (`oolong`, 7,500 products: 10 ms; 2 ms
    by the pieces). A text with a space goes to the texts' own index."""
    if dialect == "postgresql":
        whole = [t for t in texts if has_space(t)]
        inside = [t for t in texts if not has_space(t)]
        found = []
        if inside:
            # ARRAY(...): the pieces are found first, then the postings by their primary key,
            # however many pieces the planner expects
            keys = select(literal(PIECE) + PIECES.c.piece).where(
                or_(*[like.contains(PIECES.c.piece, t) for t in inside])
            )
            found.append(
                select(P.c.product_id).where(P.c.key == any_(func.array(keys.scalar_subquery())))
            )
        if whole:
            holding = [like.contains(T.doc, t) for t in whole]
            found.append(select(T.product_id).where(or_(*holding)))
        return found[0] if len(found) == 1 else union_all(*found)
    return (
        text("SELECT rowid AS id FROM search_fts WHERE search_fts MATCH :m")
        .bindparams(bindparam("m", " OR ".join(_fts_phrase(t) for t in texts), unique=True))
        .columns(column("id", Integer))
    )


def short_ids(dialect: str, texts: list[str]):
    """Ids of products whose text holds one of `texts` (one or two characters), by the
    per-character index: a dense-script text as a phrase of characters, a Latin one as word
    prefixes. None when no text can be looked for that way."""
    if dialect == "postgresql":
        tsquery = " | ".join(q for q in (_pg_tsquery(t) for t in texts) if q)
        if not tsquery:
            return None
        return select(T.product_id).where(
            # short_tsv: a PostgreSQL-only generated column (migration 0004)
            text("search_texts.short_tsv @@ to_tsquery('simple'::regconfig, :tsq)").bindparams(
                bindparam("tsq", tsquery, unique=True)
            )
        )
    match = " OR ".join(q for q in (_fts_short_match(t) for t in texts) if q)
    if not match:
        return None
    return (
        text("SELECT rowid AS id FROM search_fts_short WHERE search_fts_short MATCH :m")
        .bindparams(bindparam("m", match, unique=True))
        .columns(column("id", Integer))
    )


def holding(dialect: str, product_ids: list[int], texts: list[str]):
    """Which of `product_ids` hold one of `texts` in their names or labels, read from their
    texts (the few products other words found: no index needed)."""
    found = or_(*[_contains(dialect, T.doc, t) for t in texts])
    if dialect == "postgresql":
        chosen = T.product_id == any_(
            cast(bindparam("ids", product_ids, unique=True), ARRAY(Integer))
        )
    else:
        # one JSON parameter: a list of thousands would pass SQLite's limit on parameters
        listed = select(column("value", Integer)).select_from(
            func.json_each(bindparam("ids", json.dumps(product_ids), unique=True))
        )
        chosen = T.product_id.in_(listed)
    return select(T.product_id).where(chosen, found)


KEY_COLUMNS = ("words", "heads")


def key_ids(dialect: str, keys, columns=KEY_COLUMNS, flag_heads: bool = False):
    """Ids of products with one of `keys` among their whole-word keys (words.index_fields),
    by the keys' own index: an FTS5 table whose tokens are the keys (SQLite), the postings
    table read by its primary key alone (PostgreSQL, migration 0023). None when there is no
    key to look for. flag_heads (PostgreSQL): a second column says whether the key is one of
    the product's head words."""
    keys = sorted({k for k in keys if k})
    if not keys:
        return None
    if dialect == "postgresql":
        flag = [P.c.head] if flag_heads else []
        found = select(P.c.product_id, *flag).where(P.c.key == any_(cast(array(keys), ARRAY(Text))))
        return found.where(P.c.head) if "words" not in columns else found
    return (
        text("SELECT rowid AS id FROM search_fts_keys WHERE search_fts_keys MATCH :m")
        .bindparams(bindparam("m", keys_match(keys, _fts_columns(columns)), unique=True))
        .columns(column("id", Integer))
    )


def _fts_columns(columns) -> str:
    return columns[0] if len(columns) == 1 else "{" + " ".join(columns) + "}"


def keys_match(keys, columns: str = "{words heads}") -> str:
    """An FTS5 query for products with one of `keys` as a whole word (SQLite)."""
    return f"{columns} : (" + " OR ".join(_fts_phrase(k) for k in keys) + ")"


def known_word(dialect: str, key: str):
    """A statement returning a row when some product has `key` as a whole word or head word
    (茶 heads 乌龙茶, though jieba keeps 乌龙茶 one word)."""
    if dialect == "postgresql":
        return select(P.c.product_id).where(P.c.key == key).limit(1)
    return text(
        "SELECT rowid FROM search_fts_keys WHERE search_fts_keys MATCH :m LIMIT 1"
    ).bindparams(m=keys_match([key]))


def whole_keys(concept: Concept) -> list[str]:
    """The keys a concept is found by as whole words: its typed words, and its synonyms.
    Typed words with punctuation (`"oolong`, `tea:`) are looked for as typed only."""
    typed = concept.typed
    plain = as_key(typed.text) == typed.key
    return ([typed.key] if plain else []) + [s.key for s in concept.synonyms]


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


# -- ranking ----------------------------------------------------------------------------------

#: how a product matches (lower first); see the module docstring
EXACT, TITLE, TITLE_FOLDED, OTHER, INSIDE, ELSEWHERE = 0, 1, 2, 3, 4, 5


#: the least `fine` rank of a product without a head word among the concepts
#: (services.search.ranking): the "headed" sort key is read off the rank
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
