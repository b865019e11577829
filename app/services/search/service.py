"""Search as the pages use it: results with facets, and suggestions under the search box."""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select, text

from app.domain.ids import fits_integer
from app.domain.text_distance import allowed_typos, edit_distance
from app.extensions import db
from app.models import SearchWord, Vendor
from app.models.vendor import SLUG as VENDOR_SLUG
from app.models.vendor import VendorStatus
from app.services.cache import TimedValue
from app.services.catalog import storefront as catalog
from app.services.catalog.storefront import Card
from app.services.i18n import Text, resolve_map
from app.services.reference import CategoryInfo
from app.services.search import engine
from app.services.search.text import SEP, clean_query, is_dense, latin_words, normalise, terms
from app.services.shopper import Shopper

PAGE_SIZE = 24
SUGGESTIONS = 6
SUGGESTION_CANDIDATES = 2000
#: price bands shown as a facet, in the market currency's major units
PRICE_EDGES = {
    "THB": [300, 1000, 3000],
    "MYR": [40, 120, 400],
    "SGD": [10, 40, 120],
    "PHP": [500, 2000, 6000],
    "TWD": [300, 1000, 3000],
}


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


@dataclass(frozen=True)
class Band:
    key: str
    low: int | None  # market currency, major units
    high: int | None
    count: int


@dataclass
class Result:
    query: str
    #: the query is there but too short to search (one Latin letter)
    too_short: bool = False
    cards: list[Card] = field(default_factory=list)
    next_cursor: str | None = None
    total: int = 0
    #: when nothing matched as typed: the corrected query the results are for
    corrected: str | None = None
    categories: list[tuple[CategoryInfo, Text, int]] = field(default_factory=list)
    vendors: list[tuple[str, str, int]] = field(default_factory=list)
    in_stock: int = 0
    halal: int = 0
    bands: list[Band] = field(default_factory=list)


def _load_vendor_names() -> list[tuple[int, str]]:
    rows = db.session.execute(
        select(Vendor.id, Vendor.name_en, Vendor.name_zh_hant).where(
            Vendor.status == VendorStatus.APPROVED
        )
    )
    return [(vid, normalise(f"{en}{SEP}{zh}")) for vid, en, zh in rows]


#: approved vendors' names, matched in Python (few rows, asked on every search)
_vendor_names = TimedValue(_load_vendor_names, ttl=60.0)


def invalidate_vendor_names() -> None:
    _vendor_names.invalidate()


def _owners(parts: list[str], shopper: Shopper) -> dict:
    """For each term: the vendors and categories whose names contain it."""
    owners = {}
    categories = [
        (info.id, normalise(SEP.join(info.names.values())))
        for info in shopper.ref.categories.values()
    ]
    vendors = _vendor_names.get()
    for term in parts:
        vendor_ids = [vid for vid, names in vendors if term in names]
        category_ids = [cid for cid, names in categories if term in names]
        if vendor_ids or category_ids:
            owners[term] = (vendor_ids, category_ids)
    return owners


def _context(shopper: Shopper, parts: list[str] | None = None) -> engine.Context:
    market = shopper.market
    rate = shopper.ref.rate_for(market.currency).rate
    edges = [math.ceil(Decimal(edge) / rate) for edge in PRICE_EDGES.get(market.currency, [])]
    return engine.Context(
        dialect=db.session.get_bind().dialect.name,
        today=shopper.today,
        halal_bodies=market.halal_accepted,
        price_edges_twd=edges,
        owners=_owners(parts or [], shopper),
    )


def _band_keys(currency: str) -> list[tuple[str, int | None, int | None]]:
    edges = PRICE_EDGES.get(currency, [])
    keys = []
    for index in range(len(edges) + 1):
        low = edges[index - 1] if index else None
        high = edges[index] if index < len(edges) else None
        keys.append((f"{low or 0}-{high or ''}", low, high))
    return keys


def _filters(params: Params, shopper: Shopper, ctx: engine.Context) -> engine.Filters:
    filters = engine.Filters(halal=params.halal, in_stock=params.in_stock)
    if params.category:
        info = shopper.ref.category_by_slug(params.category)
        filters.category_id = info.id if info else -1
    if params.vendor:
        vendor_id = None
        if VENDOR_SLUG.fullmatch(params.vendor):
            vendor_id = db.session.scalar(select(Vendor.id).where(Vendor.slug == params.vendor))
        filters.vendor_id = vendor_id if vendor_id is not None else -1
    if params.price:
        for index, (key, _low, _high) in enumerate(_band_keys(shopper.market.currency)):
            if key == params.price:
                edges = ctx.price_edges_twd
                filters.price_twd_min = edges[index - 1] if index else None
                filters.price_twd_max = edges[index] - 1 if index < len(edges) else None
    return filters


def _encode(values: tuple) -> str:
    plain = [v.isoformat() if isinstance(v, datetime) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def _decode(cursor: str | None, sort: str) -> tuple | None:
    if not cursor or len(cursor) > 300:
        return None
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        keys = engine.SORTS[sort]
        if not isinstance(raw, list) or len(raw) != len(keys):
            return None
        values = []
        for (name, _desc), value in zip(keys, raw, strict=True):
            if name == "published_at":
                values.append(engine.parse_datetime(value))
            elif isinstance(value, int) and not isinstance(value, bool) and fits_integer(value):
                values.append(value)
            else:
                return None
        return tuple(values)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        return None


def search(params: Params, shopper: Shopper, size: int = PAGE_SIZE, facets: bool = True) -> Result:
    """Results for the shopper's query. facets=False (the "load more" request) skips the
    counts, which only the first page shows."""
    query = clean_query(params.q)
    result = Result(query=query)
    parts = [t for t in terms(query) if engine.usable(t)]
    if not query:
        return result
    if not parts:
        result.too_short = True
        return result
    sort = params.sort if params.sort in engine.SORTS else "relevance"
    ctx = _context(shopper, parts)
    filters = _filters(params, shopper, ctx)
    _run(result, query, parts, filters, ctx, sort, params.after, shopper, size, facets)
    if not result.cards and not params.after:
        corrected = _corrected(query, ctx)
        if corrected:
            fixed = Result(query=query, corrected=corrected)
            fixed_ctx = _context(shopper, terms(corrected))
            _run(fixed, corrected, terms(corrected), filters, fixed_ctx, sort, None, shopper, size)
            if fixed.cards:
                return fixed
    return result


def _run(result, query, parts, filters, ctx, sort, after, shopper, size, facets=True) -> None:
    cursor = _decode(after, sort)
    if facets:
        stmt = engine.page_and_facets(query, parts, filters, ctx, sort, cursor, size)
    else:
        stmt = engine.page(query, parts, filters, ctx, sort, cursor, size)
    rows, counts = [], []
    for row in db.session.execute(stmt):
        if facets and row.kind == "f":
            counts.append(row)
        else:
            rows.append(row)
    more = len(rows) > size
    rows = rows[:size]
    cards = catalog.cards_for([row.id for row in rows], shopper)
    result.cards = [cards[row.id] for row in rows if row.id in cards]
    if more and rows:
        result.next_cursor = _encode(engine.cursor_values(rows[-1], sort))
    if facets:
        _facets(result, counts, shopper)


def _facets(result, rows, shopper) -> None:
    counts: dict[str, Counter] = {kind: Counter() for kind in ("category", "vendor", "band")}
    for row in rows:
        n = row.n
        counts["category"][row.category_id] += n
        counts["vendor"][row.vendor_id] += n
        counts["band"][int(row.band)] += n
        result.total += n
        result.in_stock += n if row.stock_rank == 0 else 0
        result.halal += n if row.halal else 0
    bands = counts["band"]
    result.bands = [
        Band(key, low, high, bands.get(index, 0))
        for index, (key, low, high) in enumerate(_band_keys(shopper.market.currency))
    ]
    infos = shopper.ref.categories
    result.categories = sorted(
        (
            (infos[cid], resolve_map(infos[cid].names, shopper.content_locale), n)
            for cid, n in counts["category"].items()
            if cid in infos
        ),
        key=lambda item: (-item[2], item[0].position),
    )
    vendor_counts = dict(sorted(counts["vendor"].items(), key=lambda kv: (-kv[1], kv[0]))[:20])
    if vendor_counts:
        names = db.session.execute(
            select(Vendor.id, Vendor.slug, Vendor.name_en, Vendor.name_zh_hant).where(
                Vendor.id.in_(list(vendor_counts))
            )
        ).all()
        chinese = shopper.content_locale == "zh_Hant"
        result.vendors = sorted(
            ((slug, zh if chinese else en, vendor_counts[vid]) for vid, slug, en, zh in names),
            key=lambda item: (-item[2], item[1]),
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


def _corrected(query: str, ctx: engine.Context) -> str | None:
    """The query with each misspelt Latin word replaced by the closest known word."""
    changed = False
    words = []
    for term in terms(query):
        best = None
        limit = allowed_typos(term)
        if limit and not is_dense(term) and latin_words(term) == {term}:
            ranked = []
            for candidate in _vocabulary_candidates(term, ctx.dialect):
                distance = edit_distance(term, candidate, limit)
                if distance <= limit:
                    ranked.append((distance, candidate))
            if ranked and min(ranked)[1] != term:
                best = min(ranked)[1]
        words.append(best or term)
        changed = changed or best is not None
    return " ".join(words) if changed else None


# -- suggestions ------------------------------------------------------------------------------


@dataclass
class Suggestions:
    query: str
    cards: list[Card] = field(default_factory=list)
    categories: list[tuple[CategoryInfo, Text]] = field(default_factory=list)


def suggest(raw: str | None, shopper: Shopper) -> Suggestions:
    """After one Chinese or Thai character, or two Latin ones."""
    query = clean_query(raw)
    found = Suggestions(query=query)
    parts = terms(query)
    if not parts or not all(engine.usable(t) for t in parts):
        return found
    ctx = _context(shopper, [])  # names and labels only: categories are suggested below
    # A first keystroke can match most of the catalog: rank only the first matches found.
    stmt = engine.page(
        query,
        parts,
        engine.Filters(),
        ctx,
        "relevance",
        None,
        SUGGESTIONS - 1,
        cap=SUGGESTION_CANDIDATES,
    )
    ids = [row.id for row in db.session.execute(stmt)]
    cards = catalog.cards_for(ids, shopper)
    found.cards = [cards[i] for i in ids if i in cards]
    for info in shopper.ref.categories_in_order():
        if any(query in name.casefold() for name in info.names.values()):
            found.categories.append((info, resolve_map(info.names, shopper.content_locale)))
    return found
