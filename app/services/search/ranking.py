"""Matching, ranking, facet counts and the page of a search, over this process's copy of the
ranking rows (services.search.memory).

The database's text indexes say which products hold each text (services.search.engine: one
plain statement of ids per index); everything else is array work here, the rules as the
engine module's docstring gives them. A broad query costs its id lookups and a few passes
over arrays instead of a lookup and a dozen expressions per matching row.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from types import SimpleNamespace

import numpy as np
from sqlalchemy import func, literal, literal_column, null, select, union_all

from app.domain.search_words import HALAL, ORIGIN
from app.extensions import db
from app.services import paging
from app.services.search import engine, memory
from app.services.search.engine import (
    ELSEWHERE,
    EXACT,
    HEADLESS,
    INSIDE,
    LONG,
    OTHER,
    TITLE,
    TITLE_FOLDED,
    Context,
    Filters,
)
from app.services.search.memory import Copy, micros
from app.services.search.plan import Concept
from app.services.search.text import SEP, fold, is_dense


@dataclass
class Matched:
    """The matching rows (positions in the copy) and the per-row flags ranking reads."""

    copy: Copy
    rows: np.ndarray
    #: per concept, over every position: found through its whole words (None: no words)
    words: list[np.ndarray | None]
    #: per concept: found through a vendor, category or attribute
    others: list[np.ndarray]
    #: products with a head word among the concepts' words (None: no words)
    heads: np.ndarray | None = None


def _ids(statement) -> list[int]:
    return list(db.session.execute(statement).scalars())


def lookup(parts: list[tuple[str, object]]) -> tuple[dict[str, np.ndarray], Copy]:
    """Run the id lookups `parts` ((tag, statement of ids)) and read the index version in
    one statement (one round trip, one snapshot of the database), and bring the copy to
    that version. Returns ({tag: ids}, the copy). Each lookup's ids come back as one value
    (a broad word finds 20,000 products: read row by row, they cost more than ranking). A
    statement with a second, true-or-false column also gives the ids it flags, as
    HEADS + tag."""
    binary = db.session.get_bind().dialect.name == "postgresql"
    selects = [memory.stamps(binary)]
    for tag, statement in parts:
        found = statement.subquery()
        column, *flag = list(found.c)
        if binary:
            # PostgreSQL: each id as its four bytes, read without parsing (as text, the ids
            # of a broad word cost 3-4 ms more to write and parse)
            joined = func.string_agg(func.int4send(column), literal_column("''::bytea"))
            # typed: PostgreSQL reads a union two selects at a time, and two untyped NULLs
            # make a text column that the next select's bytes cannot join
            flagged = joined.filter(flag[0]) if flag else literal_column("NULL::bytea")
        else:
            joined, flagged = func.group_concat(column, ","), null()
        selects.append(
            select(literal(tag).label("tag"), joined.label("id"), flagged.label("flagged"))
        )
    ids = {tag: np.zeros(0, np.int64) for tag, _statement in parts}
    stamps = {}
    for tag, value, flagged in db.session.execute(union_all(*selects)).all():
        if tag not in ids:
            stamps[tag] = memory.stamp_value(value)
            continue
        if value:
            ids[tag] = _parsed(value)
        if flagged:
            ids[HEADS + tag] = _parsed(flagged)
    return ids, memory.at(stamps)


def _parsed(value) -> np.ndarray:
    """The ids of one lookup, as `lookup` reads them."""
    if isinstance(value, bytes | memoryview):
        return np.frombuffer(value, dtype=">i4").astype(np.int64)
    # parsed in C: splitting in Python took 11 ms for 50,000 ids, this 1.4
    return np.fromstring(str(value), dtype=np.int64, sep=",")


#: the prefix of the ids a lookup flags as found by a head word (see `lookup`)
HEADS = "h:"


def _none(copy: Copy) -> np.ndarray:
    return np.zeros(copy.size, bool)


def halal_ok(copy: Copy, ctx: Context) -> np.ndarray:
    """domain.halal.badge_shown over the copy: the index keeps the expiry of complete
    certificates only (services.search.index), and the market's accepted bodies come from
    the same policy (MarketInfo)."""
    n = copy.size
    valid = copy.halal_expires[:n] >= ctx.today.toordinal()
    if ctx.halal_bodies is None:
        return valid
    codes = [copy.code(body) for body in sorted(ctx.halal_bodies)]
    return valid & np.isin(copy.halal_body[:n], codes)


def _attribute(copy: Copy, concept: Concept, ctx: Context, alone: bool) -> np.ndarray | None:
    if not concept.attribute_applies(alone):
        return None
    if concept.attribute == HALAL:
        return halal_ok(copy, ctx)
    if concept.attribute.startswith(ORIGIN):
        return copy.origin[: copy.size] == copy.code(concept.attribute.removeprefix(ORIGIN))
    return None


def _owners(copy: Copy, concept: Concept) -> np.ndarray:
    vendor_ids, category_ids = concept.owners
    n = copy.size
    found = _none(copy)
    if vendor_ids:
        found |= np.isin(copy.vendor[:n], vendor_ids)
    if category_ids:
        found |= np.isin(copy.category[:n], category_ids)
    return found


def _other(copy: Copy, concept: Concept, ctx: Context, alone: bool) -> np.ndarray:
    found = _owners(copy, concept)
    attribute = _attribute(copy, concept, ctx, alone)
    return found if attribute is None else found | attribute


def filtered(copy: Copy, filters: Filters, ctx: Context) -> np.ndarray:
    """The live rows the filters keep."""
    n = copy.size
    keep = copy.alive[:n].copy()
    if filters.category_id is not None:
        keep &= copy.category[:n] == filters.category_id
    if filters.vendor_id is not None:
        keep &= copy.vendor[:n] == filters.vendor_id
    if filters.in_stock:
        keep &= copy.in_stock[:n]
    if filters.halal:
        keep &= halal_ok(copy, ctx)
    if filters.price_twd_min is not None:
        keep &= copy.price[:n] >= filters.price_twd_min
    if filters.price_twd_max is not None:
        keep &= copy.price[:n] <= filters.price_twd_max
    return keep


def _indexable(concept: Concept) -> bool:
    """Whether the concept's typed text is long enough for the trigram index (its synonyms
    have an index of their own)."""
    return len(concept.typed.text) >= LONG and not concept.attribute


def _text_only_as_word(concept: Concept) -> bool:
    """A short Thai or Chinese word that is a word of some names is found as a word only:
    ชา is not looked for inside ชาร์จ (charge) or ชาม (bowl)."""
    return concept.known and concept.dense and len(concept.typed.text) < LONG


def match(
    concepts: list[Concept], filters: Filters, ctx: Context, alone=None, heads: bool = False
) -> Matched:
    """The rows matching every concept and the filters: a product matches a concept by its
    typed words anywhere in its names and option labels, a synonym as a whole word, its
    vendor's or category's name, or the attribute the words stand for. heads: also look up
    the products with a head word among the concepts' words (ranking)."""
    dialect = ctx.dialect
    driven = any(_indexable(c) for c in concepts)
    alone = len(concepts) == 1 if alone is None else alone
    parts, deferred = [], []
    # PostgreSQL's postings say whether a key is a head word: the word lookups give those
    # too (a second lookup of the heads cost a tenth of the search); SQLite's word table
    # answers them apart, cheaply
    flag_heads = heads and dialect == "postgresql"
    for index, concept in enumerate(concepts):
        words = engine.key_ids(dialect, engine.whole_keys(concept), flag_heads=flag_heads)
        if words is not None:
            parts.append((f"k{index}", words))
        text = concept.typed.text
        if not text or _text_only_as_word(concept):
            continue
        if len(text) >= LONG:
            parts.append((f"t{index}", engine.long_ids(dialect, [text])))
        elif not driven or _indexable(concept):
            statement = engine.short_ids(dialect, [text])
            if statement is not None:
                parts.append((f"t{index}", statement))
        else:
            deferred.append((index, text))
    if heads and not flag_heads:
        statement = engine.key_ids(
            dialect, [k for c in concepts for k in engine.whole_keys(c)], ("heads",)
        )
        if statement is not None:
            parts.append(("h", statement))
    ids, copy = lookup(parts)
    keep = filtered(copy, filters, ctx)
    words, others, found = [], [], []
    for index, concept in enumerate(concepts):
        word = copy.mask(ids[f"k{index}"]) if f"k{index}" in ids else None
        other = _other(copy, concept, ctx, alone)
        hit = other.copy() if word is None else other | word
        hit[copy.positions(ids.get(f"t{index}", ()))] = True
        words.append(word)
        others.append(other)
        found.append(hit)
    if deferred:
        # a short text beside longer words: looked for in the texts of the products the
        # longer words found, not through the short index (a broad list)
        waiting = {index for index, _text in deferred}
        candidates = keep.copy()
        for position, hit in enumerate(found):
            if position not in waiting:
                candidates &= hit
        for index, text in deferred:
            unsure = np.flatnonzero(candidates & ~found[index])
            if len(unsure):
                holding = engine.holding(dialect, copy.ids[unsure].tolist(), [text])
                found[index][copy.positions(_ids(holding))] = True
    rows = keep
    for hit in found:
        rows = rows & hit
    head = None
    if heads:
        flagged = [found for tag, found in ids.items() if tag == "h" or tag.startswith(HEADS)]
        head = copy.mask(np.concatenate(flagged)) if flagged else None
    return Matched(copy, np.flatnonzero(rows), words, others, head)


def combinations(concepts: list[Concept], filters: Filters, ctx: Context):
    """For partial matches: [(flags per concept, how many products)], among the products
    matching at least one concept (each concept matched alone)."""
    alone = len(concepts) == 1
    masks = []
    for concept in concepts:
        matched = match([concept], filters, ctx, alone=alone)
        mask = _none(matched.copy)
        mask[matched.rows] = True
        masks.append(mask)
    size = min(len(m) for m in masks)
    stacked = np.stack([m[:size] for m in masks], axis=1)
    anywhere = stacked.any(axis=1)
    if not anywhere.any():
        return []
    flags, counts = np.unique(stacked[anywhere], axis=0, return_counts=True)
    return [(tuple(int(f) for f in row), int(n)) for row, n in zip(flags, counts, strict=True)]


def _texts(texts: list[str], rows: np.ndarray) -> list[str]:
    """texts[i] for each row (itemgetter: the loop in C, a third of the time)."""
    if len(rows) == 0:
        return []
    if len(rows) == 1:
        return [texts[int(rows[0])]]
    return list(itemgetter(*rows.tolist())(texts))


class _Holding:
    """Which rows' texts hold a needle, each needle read once, and only in the rows holding
    every needle already read that it contains: a name that holds "\x1fขนมพาย\x1f" holds
    "ขนม", so only the names found holding "ขนม" are read again (on 11,000 matches, each
    reading of every name costs 2-3 ms)."""

    def __init__(self, texts: list[str], rows: np.ndarray) -> None:
        self.texts, self.rows = texts, rows
        self.found: dict[str, np.ndarray] = {}
        self._every: list[str] | None = None

    def __call__(self, needle: str) -> np.ndarray:
        if needle in self.found:
            return self.found[needle]
        among = np.ones(len(self.rows), bool)
        for known, holding in self.found.items():
            if known in needle:
                among &= holding
        picked = np.flatnonzero(among)
        if len(picked) * 2 > len(self.rows):
            # gathering most texts again costs as much as reading them all, once gathered
            if self._every is None:
                self._every = _texts(self.texts, self.rows)
            result = np.array([needle in text for text in self._every], bool)
        else:
            texts = _texts(self.texts, self.rows[picked])
            result = np.zeros(len(self.rows), bool)
            result[picked] = np.array([needle in text for text in texts], bool)
        self.found[needle] = result
        return result


def _relevance(query: str, concepts: list[Concept], matched: Matched):
    """(level, fine) per matched row (the rules of the engine module's docstring)."""
    copy, rows = matched.copy, matched.rows
    count = len(rows)
    names, folded = _Holding(copy.names, rows), _Holding(copy.folded, rows)

    def at(mask):
        return np.zeros(count, bool) if mask is None else mask[rows]

    every = np.ones(count, bool)
    # the shorter needles first: the longer ones are read only where those are found
    spelled = [names(c.label) for c in concepts]
    found = [folded(c.typed.text) for c in concepts]
    prefix = np.zeros(count, bool) if is_dense(query) else names(SEP + query)
    exact = names(SEP + query + SEP)
    phrase = folded(fold(query)) if len(concepts) > 1 else every
    head = at(matched.heads)
    words = [at(w) for w in matched.words]
    others = [at(o) for o in matched.others]
    in_names = [w | f for w, f in zip(words, found, strict=True)]
    unfolded = [
        (s | ~f) if fold(c.label) != c.label else every
        for s, f, c in zip(spelled, found, concepts, strict=True)
    ]
    all_words = np.logical_and.reduce(words)
    all_in_names = np.logical_and.reduce(in_names)
    title = all_words | prefix | (all_in_names & head)
    through = np.logical_and.reduce([w | o for w, o in zip(words, others, strict=True)])
    level = np.full(count, ELSEWHERE, np.int64)
    # from the last test to the first: the first test a row passes decides its level
    level[all_in_names] = INSIDE
    level[through] = OTHER
    level[title] = np.where(np.logical_and.reduce(unfolded), TITLE, TITLE_FOLDED)[title]
    level[exact] = EXACT
    fine = np.where(head, np.where(prefix, 0, 2), np.where(prefix, HEADLESS, HEADLESS + 4))
    fine = fine + np.where(np.logical_and.reduce(spelled), 0, 2) + np.where(phrase, 0, 1)
    return level, fine


@dataclass
class Ranked:
    """The matching rows with every column a listing sorts and counts by (engine.SORTS,
    services.catalog.facets.COUNTED), one array each."""

    copy: Copy
    rows: np.ndarray
    columns: dict[str, np.ndarray]


def _columns(copy: Copy, rows: np.ndarray, ctx: Context) -> dict[str, np.ndarray]:
    """Every column a listing sorts and counts by, for `rows` (relevance left at zero)."""
    zeros = np.zeros(len(rows), np.int64)
    edges = np.array(ctx.price_edges_twd, np.int64)
    return {
        "id": copy.ids[rows],
        "stock_rank": np.where(copy.in_stock[rows], 0, 1),
        "min_price_twd": copy.price[rows],
        "published_at": copy.published[rows],
        "category_id": copy.category[rows],
        "vendor_id": copy.vendor[rows],
        "halal": halal_ok(copy, ctx)[rows].astype(np.int64),
        # the index of the price's band among ctx.price_edges_twd (services.catalog.facets)
        "band": np.searchsorted(edges, copy.price[rows], "right") if len(edges) else zeros,
        "relevance": zeros,
        "headed": zeros,
        "fine": zeros,
        "cat_weight": zeros,
        "about": zeros,
    }


def listed(filters: Filters, ctx: Context) -> Ranked:
    """Every product the filters keep, with their sort and facet columns: a category page
    or a shop (filters.category_id, filters.vendor_id), by the same rules as a search."""
    _ids, copy = lookup([])
    rows = np.flatnonzero(filtered(copy, filters, ctx))
    return Ranked(copy, rows, _columns(copy, rows, ctx))


def ranked(query: str, concepts, filters: Filters, ctx: Context, sort: str) -> Ranked:
    """The products matching `concepts` and `filters`, with their sort and facet columns."""
    concepts = engine.as_concepts(concepts)
    relevance = sort == "relevance"
    matched = match(concepts, filters, ctx, heads=relevance)
    copy, rows = matched.copy, matched.rows
    count = len(rows)
    zeros = np.zeros(count, np.int64)
    columns = _columns(copy, rows, ctx)
    category = columns["category_id"]
    if relevance and count:
        level, fine = _relevance(query, concepts, matched)
        about_ids = sorted({i for c in concepts for i in c.about})
        _values, inverse, per_category = np.unique(
            category, return_inverse=True, return_counts=True
        )
        columns.update(
            relevance=level,
            fine=fine,
            headed=(fine >= HEADLESS).astype(np.int64),
            # how many matches share the product's category: the category the query is about
            cat_weight=per_category[inverse],
            about=np.where(np.isin(category, about_ids), 0, 1) if about_ids else zeros,
        )
    return Ranked(copy, rows, columns)


# -- the page and the counts ------------------------------------------------------------------


def _sortable(key: paging.Key, value) -> int:
    return int(value) if key.kind is int else micros(value)


def _beyond(columns, order, values: tuple, forwards: bool, count: int) -> np.ndarray:
    """paging._beyond over arrays: rows strictly after (forwards) or before `values`."""
    result = np.zeros(count, bool)
    equal = np.ones(count, bool)
    for key, value in zip(order, values, strict=True):
        column = columns[key.name]
        value = _sortable(key, value)
        later = column < value if key.descending else column > value
        earlier = column > value if key.descending else column < value
        result |= equal & (later if forwards else earlier)
        equal &= column == value
    return result


def _ordered(columns, order, rows: np.ndarray, backwards: bool) -> np.ndarray:
    """`rows` (indexes into the columns) in the listing's order (reversed: backwards)."""
    if not len(rows):
        return rows
    keys = []
    for key in reversed(order):
        column = columns[key.name][rows]
        descending = key.descending != backwards
        keys.append(-column if descending else column)
    return rows[np.lexsort(keys)]


def _groups(columns: list[np.ndarray]):
    """[(values, count)] of each combination of values the columns hold (non-negative
    integers), counted as one number per row: np.unique over rows sorts tuples, ten times
    slower."""
    columns = [np.asarray(c, np.int64) for c in columns]
    sizes = [int(c.max()) + 1 for c in columns]
    code = np.zeros(len(columns[0]), np.int64)
    for column, size in zip(columns, sizes, strict=True):
        code = code * size + column
    codes, counts = np.unique(code, return_counts=True)
    found = []
    for code_value, n in zip(codes.tolist(), counts.tolist(), strict=True):
        values = []
        for size in reversed(sizes):
            code_value, value = divmod(code_value, size)
            values.append(value)
        found.append((values[::-1], n))
    return found


def first_ids(listing: Ranked, order, size: int) -> list[int]:
    """The ids of the first `size` rows in the listing's order (suggestions)."""
    picked = _ordered(listing.columns, order, np.arange(len(listing.rows)), False)[:size]
    return [int(i) for i in listing.columns["id"][picked]]


def page_with_counts(
    listing: Ranked,
    order,
    position: paging.Position,
    size: int,
    narrowing,
    *,
    group_by,
    top_tag: str,
    top_limit: int,
):
    """paging.page_with_counts over the ranked arrays: rows as paging.read reads them (the
    page tagged "p" with its rank, counts tagged "c" per value of `group_by` and `ahead`, and
    the shops with most products tagged `top_tag`)."""
    columns, count = listing.columns, len(listing.rows)
    copy = listing.copy

    def chosen(only) -> np.ndarray:
        keep = np.ones(count, bool)
        for name, value in narrowing.chosen():
            if name in only:
                keep &= columns[name] == value
        return keep

    shown = chosen(("category_id", "vendor_id", "band"))
    if position.after is not None:
        beyond = _beyond(columns, order, position.after, True, count)
        ahead = ~beyond
    elif position.before is not None:
        beyond = _beyond(columns, order, position.before, False, count)
        ahead = beyond
    else:
        beyond = np.ones(count, bool)
        ahead = np.zeros(count, bool)
    picked = _ordered(columns, order, np.flatnonzero(shown & beyond), position.backwards)[:size]
    result = []
    for rank, index in enumerate(picked, start=1):
        values = {}
        for key in order:
            if key.name == "published_at":
                values[key.name] = copy.published_at[listing.rows[index]]
            else:
                values[key.name] = int(columns[key.name][index])
        values["id"] = int(columns["id"][index])
        result.append(SimpleNamespace(kind="p", rank=rank, ahead=0, n=0, **values))
    counted = chosen(("vendor_id",))
    if counted.any():
        for values, n in _groups([columns[name][counted] for name in group_by] + [ahead[counted]]):
            *grouped, behind = values
            by = dict(zip(group_by, grouped, strict=True))
            result.append(SimpleNamespace(kind="c", id=None, ahead=behind, n=n, **by))
    topped = chosen(("category_id", "band"))
    if topped.any():
        vendors, counts = np.unique(columns["vendor_id"][topped], return_counts=True)
        best = np.lexsort((vendors, -counts))[:top_limit]
        for index in best:
            result.append(
                SimpleNamespace(
                    kind=top_tag, id=None, vendor_id=int(vendors[index]), n=int(counts[index])
                )
            )
    return result
