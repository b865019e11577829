"""Each app process's copy of the ranking rows (search_documents), held as arrays.

Why: a broad query matches a fifth of the catalog, and ranking, counting and paging those
rows inside the database costs a row lookup and a dozen expressions per match (on 100,000
products, 茶 matched 20,500 and took 130-190 ms, most of it reading rows one by one by id).
The database's text indexes still find the matching ids (services.search.engine); ranking,
filters, facets and the page are then a few array operations over this copy
(services.search.ranking).

The copy never lags a search: `current()` reads the index version (one row by primary key)
on every search and catches up on the rows written since, which each carry the version that
wrote them (`seq`), and on the products taken out (search_removals). The version is raised
in the same transaction as the rows it announces (services.search.index), under the version
row's lock, so versions commit in order and a copy that has seen version V has every row up
to V. A full rebuild of the index raises the epoch instead: copies reload everything.

A copy may see rows its own transaction wrote but has not committed: when such a transaction
rolls back, every copy in the process is dropped and reloaded on the next search. A copy is
never changed once a search holds it: catching up changes a clone, which then replaces it.
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime

import numpy as np
from sqlalchemy import Text, cast, func, literal_column, null, select

from app.extensions import db
from app.models import CacheVersion, SearchRemoval
from app.models import SearchDocument as D
from app.services import cache

#: the cache_versions rows of the index: its version (raised by every write) and its epoch
#: (raised by a full rebuild)
VERSION, EPOCH = "search", "search-epoch"
_EPOCH_START = datetime(1970, 1, 1, tzinfo=UTC)
#: halal expiry of a product without a complete certificate: before any day
NO_DATE = -1
NONE = -1

_COLUMNS = (
    D.product_id,
    D.vendor_id,
    D.category_id,
    D.names,
    D.folded,
    D.origin,
    D.in_stock,
    D.min_price_twd,
    D.published_at,
    D.halal_body,
    D.halal_expires,
)


def micros(moment: datetime) -> int:
    """A timestamp as whole microseconds since 1970 (what the copy sorts by)."""
    delta = moment - _EPOCH_START
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


class Copy:
    """The ranking rows of one database. Rows sit at positions; a product taken out leaves
    its position dead (alive False) and a product coming back takes a new one."""

    def __init__(self, epoch: int, version: int) -> None:
        self.epoch, self.version = epoch, version
        self.size = 0
        capacity = 1024
        self.ids = np.zeros(capacity, np.int64)
        self.vendor = np.zeros(capacity, np.int64)
        self.category = np.zeros(capacity, np.int64)
        self.in_stock = np.zeros(capacity, bool)
        self.price = np.zeros(capacity, np.int64)
        self.published = np.zeros(capacity, np.int64)
        self.halal_expires = np.full(capacity, NO_DATE, np.int64)
        self.halal_body = np.full(capacity, NONE, np.int64)
        self.origin = np.full(capacity, NONE, np.int64)
        self.alive = np.zeros(capacity, bool)
        self.names: list[str] = []
        self.folded: list[str] = []
        self.published_at: list[datetime | None] = []
        #: position of each product id (NONE: not in the copy)
        self.position = np.full(1024, NONE, np.int64)
        self._codes: dict[str, int] = {}
        self.words: list[str] = []

    # -- reading -------------------------------------------------------------------------

    def code(self, value: str | None) -> int:
        """The number standing for a halal body or an origin in the arrays (NONE: unknown)."""
        if value is None:
            return NONE
        return self._codes.get(value, -2)

    def positions(self, ids) -> np.ndarray:
        """Positions of the live rows among product `ids` (ids not in the copy left out)."""
        found = np.asarray(ids, np.int64)
        found = found[(found >= 0) & (found < len(self.position))]
        at = self.position[found]
        return at[at != NONE]

    def mask(self, ids) -> np.ndarray:
        """The rows of product `ids`, as a mask over every position."""
        chosen = np.zeros(self.size, bool)
        chosen[self.positions(ids)] = True
        return chosen

    # -- writing -------------------------------------------------------------------------

    def _code_of(self, value: str | None) -> int:
        if value is None:
            return NONE
        code = self._codes.get(value)
        if code is None:
            code = self._codes[value] = len(self.words)
            self.words.append(value)
        return code

    def _grow(self, wanted: int) -> None:
        capacity = len(self.ids)
        if wanted <= capacity:
            return
        while capacity < wanted:
            capacity *= 2
        for name, fill in (
            ("ids", 0),
            ("vendor", 0),
            ("category", 0),
            ("in_stock", False),
            ("price", 0),
            ("published", 0),
            ("halal_expires", NO_DATE),
            ("halal_body", NONE),
            ("origin", NONE),
            ("alive", False),
        ):
            old = getattr(self, name)
            new = np.full(capacity, fill, old.dtype)
            new[: len(old)] = old
            setattr(self, name, new)

    def _positions_for(self, ids: np.ndarray) -> np.ndarray:
        """Positions of products `ids`: their own, or new ones at the end."""
        if int(ids.max()) >= len(self.position):
            bigger = np.full(max(int(ids.max()) + 1, 2 * len(self.position)), NONE, np.int64)
            bigger[: len(self.position)] = self.position
            self.position = bigger
        at = self.position[ids]
        new = at == NONE
        count = int(new.sum())
        if count:
            start = self.size
            self._grow(start + count)
            at[new] = np.arange(start, start + count)
            self.position[ids[new]] = at[new]
            self.size += count
            for texts in (self.names, self.folded, self.published_at):
                texts.extend([None] * count)
        return at

    def put(self, rows) -> None:
        """Write rows of _COLUMNS in (new products at the end), a column at a time: a hundred
        thousand rows in about a second."""
        rows = list(rows)
        if not rows:
            return
        (
            product_ids,
            vendor_ids,
            category_ids,
            names,
            folded,
            origins,
            in_stock,
            prices,
            published_at,
            halal_bodies,
            halal_expires,
        ) = zip(*rows, strict=True)
        ids = np.array(product_ids, np.int64)
        at = self._positions_for(ids)
        self.ids[at] = ids
        self.vendor[at] = vendor_ids
        self.category[at] = category_ids
        self.origin[at] = [self._code_of(v) for v in origins]
        self.in_stock[at] = [bool(v) for v in in_stock]
        self.price[at] = prices
        self.published[at] = [micros(v) for v in published_at]
        self.halal_body[at] = [self._code_of(v) for v in halal_bodies]
        self.halal_expires[at] = [
            v.toordinal() if isinstance(v, date) else NO_DATE for v in halal_expires
        ]
        self.alive[at] = True
        for position, name, fold_, moment in zip(
            at.tolist(), names, folded, published_at, strict=True
        ):
            self.names[position], self.folded[position] = name, fold_
            self.published_at[position] = moment

    def clone(self) -> Copy:
        """A copy of the copy to change: a search running in another thread keeps ranking
        over the arrays it started with (a row added under it would change their length
        half-way)."""
        twin = Copy.__new__(Copy)
        for name, value in vars(self).items():
            if isinstance(value, np.ndarray | list | dict):
                value = value.copy()
            setattr(twin, name, value)
        return twin

    def remove(self, product_ids) -> None:
        for product_id in product_ids:
            if 0 <= product_id < len(self.position):
                at = int(self.position[product_id])
                if at != NONE:
                    self.alive[at] = False
                    self.names[at] = self.folded[at] = ""
                    self.position[product_id] = NONE


_lock = threading.Lock()
_copies: dict[str, Copy] = {}


def stamps(binary: bool = False):
    """A statement of the index's (area, version) rows: read with the id lookups of a
    search, in one statement (services.search.ranking), so the copy is brought to the very
    state the lookups saw. The version comes as the lookups beside it give their ids: as
    text, or as bytes (binary: PostgreSQL's int8send)."""
    if binary:
        version, none = func.int8send(CacheVersion.version), literal_column("NULL::bytea")
    else:
        version, none = cast(CacheVersion.version, Text), null()
    return select(CacheVersion.area.label("tag"), version.label("id"), none.label("flagged")).where(
        CacheVersion.area.in_((VERSION, EPOCH))
    )


def stamp_value(value) -> int:
    """A version as `stamps` gives it."""
    if isinstance(value, bytes | memoryview):
        return int.from_bytes(value, "big", signed=True)
    return int(value)


def _full(epoch: int, version: int) -> Copy:
    copy = Copy(epoch, version)
    copy.put(db.session.execute(select(*_COLUMNS)))
    return copy


def _catch_up(copy: Copy, version: int) -> None:
    gone = db.session.scalars(
        select(SearchRemoval.product_id).where(SearchRemoval.seq > copy.version)
    ).all()
    copy.remove(gone)
    copy.put(db.session.execute(select(*_COLUMNS).where(D.seq > copy.version)))
    copy.version = version


def at(found: dict) -> Copy:
    """This process's copy of the current database's ranking rows, brought up to the
    version `found` holds (the rows of `stamps()`, by area)."""
    epoch, version = found.get(EPOCH, 0), found.get(VERSION, 0)
    key = str(db.session.get_bind().engine.url)
    with _lock:
        copy = _copies.get(key)
        # a version behind the copy's: a transaction the copy saw rolled back
        if copy is None or copy.epoch != epoch or version < copy.version:
            copy = _copies[key] = _full(epoch, version)
        elif copy.version != version:
            copy = copy.clone()
            _catch_up(copy, version)
            _copies[key] = copy
        return copy


def forget_all() -> None:
    """Drop every copy (a transaction that wrote the index rolled back; tests)."""
    with _lock:
        _copies.clear()


# the copies follow the index by its version, not by the cache areas: only emptied with
# every cache (tests, bulk loads)
cache.register(forget_all, areas=())
