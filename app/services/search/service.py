"""Search as the pages use it: results with facets, and suggestions under the search box."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select, text

from app.domain.text_distance import allowed_typos, edit_distance
from app.extensions import db
from app.models import SearchWord, Vendor
from app.models.vendor import VendorStatus
from app.services import paging
from app.services.cache import TimedValue
from app.services.catalog import facets as facet_counts
from app.services.catalog import storefront as catalog
from app.services.catalog.facets import Band
from app.services.catalog.storefront import Card
from app.services.i18n import Text, resolve_map
from app.services.reference import CategoryInfo, Reference
from app.services.search import engine, ranking
from app.services.search import synonyms as synonym_data
from app.services.search.plan import Concept, compounds, label, plan, split_words
from app.services.search.text import (
    SEP,
    clean_query,
    fold,
    is_dense,
    is_thai,
    latin_words,
    normalise,
    terms,
)
from app.services.search.words import segment
from app.services.shopper import Shopper

PAGE_SIZE = 24
SUGGESTIONS = 6
#: words that join others in category names ("Sauces & condiments", "ขนมและของว่าง"): they
#: say nothing about what the shopper wants (PyThaiNLP's stop words are too many: ช้า, slow,
#: folds to ชา, tea)
_JOINING_WORDS = frozenset(
    {"และ", "กับ", "จาก", "ของ", "ที่", "หรือ", "สำหรับ", "ใน"}
    | {"and", "or", "of", "for", "with", "from", "in", "dan", "atau", "untuk", "dari"}
)


@dataclass
class Params:
    q: str = ""
    category: str | None = None
    vendor: str | None = None
    halal: bool = False
    in_stock: bool = False
    price: str | None = None
    sort: str = "relevance"
    after: str | None = None
    before: str | None = None


@dataclass
class Result:
    query: str
    #: the query is there but too short to search (one Latin letter)
    too_short: bool = False
    cards: list[Card] = field(default_factory=list)
    next_cursor: str | None = None
    #: where the page sits among the results, and the cursors of its neighbours
    window: paging.Window | None = None
    total: int = 0
    #: when nothing matched as typed: the corrected query the results are for
    corrected: str | None = None
    #: when no product matched every word: the words the results are for ("ชา")
    partial: str | None = None
    #: a query to offer as a link (no results are shown for it)
    did_you_mean: str | None = None
    categories: list[tuple[CategoryInfo, Text, int]] = field(default_factory=list)
    vendors: list[tuple[str, str, int]] = field(default_factory=list)
    in_stock: int = 0
    halal: int = 0
    bands: list[Band] = field(default_factory=list)


def _load_vendor_names() -> list[tuple[int, str, frozenset[str]]]:
    rows = db.session.execute(
        select(Vendor.id, Vendor.name_en, Vendor.name_zh_hant).where(
            Vendor.status == VendorStatus.APPROVED
        )
    )
    return [_owner_names(vid, [en, zh]) for vid, en, zh in rows]


def _owner_names(owner_id: int, names) -> tuple[int, str, frozenset[str]]:
    """(id, folded names, their words): typed Latin or Chinese words are looked for anywhere
    in the names, typed Thai words and synonyms as whole words (_with_owners)."""
    text = normalise(SEP.join(n for n in names if n))
    # cut as written, then folded word by word (as products are indexed): cut after folding,
    # ฟาร์ม (farm) without its mark read as ฟา + รม, and รม is ร่ม (umbrella) folded
    return owner_id, fold(text), frozenset(w.key for w in segment(text))


#: approved vendors' names, matched in Python (few rows, asked on every search)
_vendor_names = TimedValue(_load_vendor_names, ttl=60.0)


def invalidate_vendor_names() -> None:
    _vendor_names.invalidate()


#: (the reference data, its categories' names as _owner_names has them): segmenting the names
#: of every category on every search cost more than the rest of planning it
_categories_of: tuple[Reference, list] | None = None


def _category_names(ref: Reference) -> list[tuple[int, str, frozenset[str]]]:
    global _categories_of
    kept = _categories_of
    if kept is not None and kept[0] is ref:
        return kept[1]
    names = [_owner_names(info.id, info.names.values()) for info in ref.categories.values()]
    # a new Reference comes with every change to it (services.reference): one replaces the other
    _categories_of = (ref, names)
    return names


def _with_owners(concepts: list[Concept], shopper: Shopper) -> list[Concept]:
    """Each concept with the vendors and categories whose names hold its words, and for a
    short Thai or Chinese one whether it is a word of some product's names."""
    dialect = db.session.get_bind().dialect.name
    for concept in concepts:
        if concept.dense and len(concept.typed.text) < engine.LONG and concept.typed.key:
            statement = engine.known_word(dialect, concept.typed.key)
            concept.known = db.session.execute(statement).first() is not None
    categories = _category_names(shopper.ref)
    vendors = _vendor_names.get()
    for concept in concepts:
        keys = {s.key for s in concept.synonyms}

        # Thai typed words as whole words only: folded, short ones hide inside other words
        # (ร่ม, umbrella, folds to รม, found in ฟารม, farm without its mark)
        thai = is_thai(concept.typed.text)
        wanted = keys | {concept.typed.key}

        def named(names, concept=concept, thai=thai, keys=keys, wanted=wanted):
            return tuple(
                owner_id
                for owner_id, folded, words in names
                if (wanted & words if thai else concept.typed.text in folded or keys & words)
            )

        concept.owners = (named(vendors), named(categories))
        concept.about = _about(concept, categories)
    return concepts


def _about(concept: Concept, categories) -> tuple[int, ...]:
    """Categories whose names share a whole word with the concept's typed words: "bubble tea"
    is about Tea, ชานมไข่มุก about ชา. A plural or longer compound counts (sauce: Sauces; 茶:
    茶叶); joining words (และ, and) do not."""
    typed = {w.key for w in segment(normalise(concept.label)) if w.surface not in _JOINING_WORDS}
    tests = [_word_test(t) for t in typed]
    return tuple(
        owner_id
        for owner_id, _folded, words in categories
        if any(test(w) for test in tests for w in words)
    )


def _word_test(typed: str):
    """Whether a category's word is the typed word: the same, or for Chinese a word that
    starts with it (茶 in 茶叶), for Latin script its plural or a little longer (sauce:
    sauces); Thai words are whole words only."""
    if is_thai(typed):
        return typed.__eq__
    if is_dense(typed):
        return lambda word: word.startswith(typed)
    if len(typed) < 3:
        return typed.__eq__
    return lambda word: word.startswith(typed) and len(word) - len(typed) <= 2


def _concepts(query: str, shopper: Shopper) -> list[Concept]:
    return _with_owners(_planned(query), shopper)


def _planned(query: str) -> list[Concept]:
    """The query's concepts, Latin compounds read as products write them."""
    synonyms = synonym_data.current()
    return compounds(plan(query, synonyms), synonyms, _known_words)


def _known_words(words: set[str]) -> set[str]:
    """Which of `words` are Latin words of product names (search_words)."""
    return set(
        db.session.scalars(select(SearchWord.word).where(SearchWord.word.in_(sorted(words))))
    )


def _context(shopper: Shopper) -> engine.Context:
    return facet_counts.context(shopper)


def _order(sort: str) -> tuple[paging.Key, ...]:
    """A sort's keys (engine.SORTS) as the cursors hold them."""
    return paging.keys(
        *[
            (name, desc, datetime if name == "published_at" else int)
            for name, desc in engine.SORTS[sort]
        ]
    )


def search(params: Params, shopper: Shopper, size: int = PAGE_SIZE) -> Result:
    """A page of results for the shopper's query, where it sits among them, and the filters'
    counts (services.catalog.facets: each value's count is what choosing it shows).

    When nothing matches as typed: the query with its Latin-script typos corrected; then,
    when no product matches every word, the products matching most words, if the words left
    out are Thai or Chinese (cut out of a phrase typed without spaces); a Latin-script word
    matching nothing is not dropped silently: the words that do match are offered as "did
    you mean"."""
    query = clean_query(params.q)
    result = Result(query=query)
    if not query:
        return result
    concepts = _concepts(query, shopper)
    if not concepts:
        result.too_short = True
        return result
    sort = params.sort if params.sort in engine.SORTS else "relevance"
    ctx = _context(shopper)
    choice = facet_counts.Choice(
        category=params.category,
        vendor=params.vendor,
        halal=params.halal,
        in_stock=params.in_stock,
        price=params.price,
    )
    every, narrowing = facet_counts.filters(choice, shopper)
    filters = facet_counts.as_filters(every, narrowing, ctx)
    order = _order(sort)
    run = functools.partial(
        _run,
        every=every,
        narrowing=narrowing,
        ctx=ctx,
        sort=sort,
        position=paging.Position.parse(params.after, params.before, order),
        shopper=shopper,
        size=size,
    )
    run(result, query, concepts)
    if result.cards:
        return result
    corrected = _corrected(query, ctx)
    if corrected:
        fixed = Result(query=query, corrected=corrected)
        concepts = _concepts(corrected, shopper)
        run(fixed, corrected, concepts)
        if fixed.cards:
            return fixed
    words = split_words(concepts, synonym_data.current())
    if words is not None:
        concepts = _with_owners(words, shopper)
        every_word = Result(query=query, corrected=corrected)
        run(every_word, label(concepts), concepts)
        if every_word.cards:
            return every_word
    best = _most_words(concepts, filters, ctx)
    if best is None:
        return result
    shown = label(best)
    dropped = [c for c in concepts if not any(c is b for b in best)]
    if all(c.dense for c in dropped):
        partial = Result(query=query, corrected=corrected, partial=shown)
        run(partial, shown, best)
        if partial.cards:
            return partial
    result.did_you_mean = shown
    return result


def _most_words(concepts: list[Concept], filters, ctx) -> list[Concept] | None:
    """The largest set of the concepts that some products match together, or None when
    there is no smaller set to offer. Between sets of one size, the one keeping the phrase's
    head word (what the shopper is after), then the one more products match: in ซอสพริกเผา
    (roasted chili sauce) the sauce, not เผา (roasted), which names a wood-fired tea jar."""
    if len(concepts) < 2:
        return None
    head = _head_concept(concepts)
    best_key, best = None, None
    for flags, count in ranking.combinations(concepts, filters, ctx):
        chosen = tuple(i for i, flag in enumerate(flags) if flag)
        key = (len(chosen), head in chosen, count)
        if chosen and len(chosen) < len(concepts) and (best_key is None or key > best_key):
            best_key, best = key, chosen
    return [concepts[i] for i in best] if best else None


def _head_concept(concepts: list[Concept]) -> int:
    """Where a phrase's head word is among its concepts: Thai (and Malay) put what a thing is
    first (ซอส|พริก|เผา), Chinese and English last (辣椒|醬); the script of the first Thai or
    Chinese concept decides, as a partial match only drops Thai or Chinese words."""
    dense = next((c for c in concepts if c.dense), None)
    if dense is not None and not is_thai(dense.label):
        return len(concepts) - 1
    return 0


def _run(result, query, concepts, *, every, narrowing, ctx, sort, position, shopper, size) -> None:
    """The page and the facets from one ranking of the matches (services.search.ranking,
    services.catalog.facets): the text is matched once, with the filters every count
    respects; the page keeps only the products the one-of-several filters (category, shop,
    price band) choose."""
    order = _order(sort)
    listing = ranking.ranked(query, concepts, every, ctx, sort)
    page, result.window, facets = facet_counts.page_and_facets(
        listing, order, position, size, narrowing, shopper
    )
    result.next_cursor = result.window.after
    cards = catalog.cards_for([row.id for row in page], shopper)
    result.cards = [cards[row.id] for row in page if row.id in cards]
    result.total, result.in_stock, result.halal = facets.total, facets.in_stock, facets.halal
    result.bands, result.categories, result.vendors = (
        facets.bands,
        facets.categories,
        facets.vendors,
    )


# -- typo tolerance ---------------------------------------------------------------------------


def _trigrams(word: str) -> list[str]:
    padded = word
    return sorted({padded[i : i + 3] for i in range(len(padded) - 2)})


def _vocabulary_candidates(word: str, dialect: str) -> list[str]:
    """Known words that may be what the shopper meant: those sharing a trigram (any slip
    after the first letters), and those with the same first letter and a similar length
    (short words with swapped letters share no trigram: "caek" and "cake")."""
    nearby = (
        select(SearchWord.word)
        .where(
            SearchWord.word >= word[0],
            SearchWord.word < chr(ord(word[0]) + 1),
            func.length(SearchWord.word).between(len(word) - 2, len(word) + 2),
        )
        .limit(2000)
    )
    return list(db.session.scalars(nearby)) + _trigram_candidates(word, dialect)


def _trigram_candidates(word: str, dialect: str) -> list[str]:
    if dialect == "postgresql":
        return list(
            db.session.scalars(
                select(SearchWord.word)
                .where(SearchWord.word.op("%")(word))
                .order_by(func.similarity(SearchWord.word, word).desc())
                .limit(50)
            )
        )
    grams = _trigrams(word)
    if not grams:
        return []
    match = " OR ".join('"' + gram.replace('"', '""') + '"' for gram in grams)
    return list(
        db.session.scalars(
            text(
                "SELECT w.word FROM search_fts_words JOIN search_words AS w "
                "ON w.id = search_fts_words.rowid WHERE search_fts_words MATCH :m "
                "ORDER BY rank LIMIT 100"
            ).bindparams(m=match)
        )
    )


_VOWELS = re.compile(r"(?<=.)[aeiouy]")
_DOUBLES = re.compile(r"(.)\1+")


def _skeleton(word: str) -> str:
    """The word's consonants in order, doubled letters once: "pinaple" and "pineapple" are
    both "pnpl". Two slips that keep the skeleton are still the same word to a reader."""
    return _DOUBLES.sub(r"\1", _VOWELS.sub("", word))


def _correction(term: str, ctx: engine.Context) -> str | None:
    """The known word closest to a Latin-script word, when it is not one itself."""
    limit = allowed_typos(term)
    if not limit or is_dense(term) or latin_words(term) != {term}:
        return None
    vocabulary = synonym_data.current().vocabulary
    if term in vocabulary:
        return None
    candidates = set(_vocabulary_candidates(term, ctx.dialect))
    candidates |= {w for w in vocabulary if w[:1] == term[:1] and abs(len(w) - len(term)) <= 2}
    ranked = []
    for candidate in candidates:
        distance = edit_distance(term, candidate, limit + 1)
        if distance <= limit or (
            distance == limit + 1 and len(term) >= 5 and _skeleton(candidate) == _skeleton(term)
        ):
            ranked.append((distance, candidate))
    if not ranked or min(ranked)[1] == term:
        return None
    return min(ranked)[1]


def _corrected(query: str, ctx: engine.Context) -> str | None:
    """The query with each misspelt Latin word replaced by the closest known word."""
    words = [_correction(term, ctx) or term for term in terms(query)]
    corrected = " ".join(words)
    return corrected if corrected != " ".join(terms(query)) else None


# -- suggestions ------------------------------------------------------------------------------


@dataclass
class Suggestions:
    query: str
    cards: list[Card] = field(default_factory=list)
    categories: list[tuple[CategoryInfo, Text]] = field(default_factory=list)
    #: nothing found as typed: the query with its typos corrected, to offer as a link
    did_you_mean: str | None = None


def suggest(raw: str | None, shopper: Shopper) -> Suggestions:
    """After one Chinese or Thai character, or two Latin ones."""
    query = clean_query(raw)
    found = Suggestions(query=query)
    parts = terms(query)
    if not parts or not all(engine.usable(t) for t in parts):
        return found
    # names and labels only: categories are suggested below
    concepts = _planned(query)
    ctx = _context(shopper)
    listing = ranking.ranked(query, concepts, engine.Filters(), ctx, "relevance")
    ids = ranking.first_ids(listing, _order("relevance"), SUGGESTIONS)
    cards = catalog.cards_for(ids, shopper)
    found.cards = [cards[i] for i in ids if i in cards]
    for info in shopper.ref.categories_in_order():
        if any(query in name.casefold() for name in info.names.values()):
            found.categories.append((info, resolve_map(info.names, shopper.content_locale)))
    if not found.cards and not found.categories:
        found.did_you_mean = _corrected(query, ctx)
    return found
