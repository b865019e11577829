"""Keyset paging for listings: cursors in URLs, pages either way, and where a page sits.

A listing is ordered by a few keys, the last one unique (the product id). A cursor holds the
key values of one row; `?after=` asks for the rows after it, `?before=` for the rows before it
(the "Previous" link), so page 2,000 costs what page 1 costs: never an OFFSET.

"Showing 25–48 of 120" needs how many rows come before the page: that count is taken in the
same statement as the page, as a column of the rows the listing counts anyway (facets), so a
page is still one statement.

A cursor that is not one of ours (garbage, a naive or unparsable date, a number where a date
belongs, an integer past the column's range) is ignored: the listing starts from its first
page, as it would for a link that has gone stale.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, false, func, literal, not_, or_, select, union_all
from sqlalchemy.sql import ColumnElement

from app.domain.ids import fits_integer

#: the longest cursor read: a few keys' values, base64
MAX_CURSOR = 300


@dataclass(frozen=True)
class Key:
    """One key of a listing's order: a column name, its direction, and what it holds."""

    name: str
    descending: bool
    kind: type = int  # int or datetime


def keys(*spec: tuple[str, bool] | tuple[str, bool, type]) -> tuple[Key, ...]:
    return tuple(Key(*item) for item in spec)


# -- cursors ------------------------------------------------------------------------------------


def encode(values: Sequence) -> str:
    plain = [v.isoformat() if isinstance(v, datetime) else v for v in values]
    raw = json.dumps(plain, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _value(key: Key, value):
    if key.kind is datetime:
        if not isinstance(value, str):
            return None
        moment = datetime.fromisoformat(value)
        # a cursor we wrote always carries its offset: a naive date is not one of ours
        return moment if moment.tzinfo is not None else None
    if isinstance(value, int) and not isinstance(value, bool) and fits_integer(value):
        return value
    return None


def decode(cursor: str | None, order: Sequence[Key]) -> tuple | None:
    """The key values a cursor holds, or None for no cursor or one that is not ours."""
    if not cursor or len(cursor) > MAX_CURSOR:
        return None
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(raw, list) or len(raw) != len(order):
            return None
        values = tuple(_value(key, value) for key, value in zip(order, raw, strict=True))
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError, RecursionError):
        return None
    return None if any(v is None for v in values) else values


@dataclass(frozen=True)
class Position:
    """Which page of a listing is asked for: the first, the one after a row, or the one
    before a row (key values decoded from the URL)."""

    after: tuple | None = None
    before: tuple | None = None

    @classmethod
    def parse(cls, after: str | None, before: str | None, order: Sequence[Key]) -> Position:
        found_after = decode(after, order)
        if found_after is not None:
            return cls(after=found_after)
        return cls(before=decode(before, order))

    @property
    def backwards(self) -> bool:
        return self.before is not None


# -- SQL ----------------------------------------------------------------------------------------


def _beyond(columns, order: Sequence[Key], values: tuple, forwards: bool) -> ColumnElement:
    """Rows strictly after (forwards) or before `values` in the listing's order. Written out
    as OR of ANDs: the keys may mix directions, so a row-value comparison cannot say it."""
    alternatives = []
    for index, key in enumerate(order):
        equal = [columns[prev.name] == values[i] for i, prev in enumerate(order[:index])]
        column = columns[key.name]
        later = column < values[index] if key.descending else column > values[index]
        earlier = column > values[index] if key.descending else column < values[index]
        alternatives.append(and_(*equal, later if forwards else earlier))
    return or_(*alternatives)


def _sorting(columns, order: Sequence[Key], backwards: bool) -> list:
    result = []
    for key in order:
        descending = key.descending != backwards
        column = columns[key.name]
        result.append(column.desc() if descending else column.asc())
    return result


def ahead(columns, order: Sequence[Key], position: Position) -> ColumnElement:
    """True for the rows that come before the page asked for (with `after`: up to and
    including the cursor's row; with `before`: before the cursor's row, the page among them)."""
    if position.after is not None:
        return not_(_beyond(columns, order, position.after, forwards=True))
    if position.before is not None:
        return _beyond(columns, order, position.before, forwards=False)
    return false()


@dataclass(frozen=True)
class Top:
    """Counts of the rows `where` keeps per value of one column, only the `limit` largest
    (a facet of many values: a thousand shops), as rows tagged `tag`. Counted apart from the
    other columns, it does not multiply their count rows by its number of values."""

    tag: str
    column: str
    limit: int
    where: Sequence = ()


def page_with_counts(
    rows,
    order: Sequence[Key],
    position: Position,
    size: int,
    group_by: Sequence[str] = (),
    where: Sequence = (),
    count_where: Sequence = (),
    tops: Sequence[Top] = (),
):
    """One statement over `rows` (a CTE with an `id` and the order's key columns): the page
    of the rows `where` keeps, tagged "p", in order (column `rank`); counts of the rows
    `count_where` keeps, tagged "c", per value of the `group_by` columns and of `ahead`
    (whether the rows come before the page); and each of `tops`. Read them with `read()`."""
    columns = rows.c
    page = select(columns.id, *[columns[key.name] for key in order]).where(*where)
    if position.after is not None:
        page = page.where(_beyond(columns, order, position.after, forwards=True))
    elif position.before is not None:
        page = page.where(_beyond(columns, order, position.before, forwards=False))
    page = page.order_by(*_sorting(columns, order, position.backwards)).limit(size).subquery()
    rank = func.row_number().over(order_by=_sorting(page.c, order, position.backwards))
    key_names = [key.name for key in order]
    # one column per name: a sort key may also be counted by (stock_rank)
    names = list(dict.fromkeys([*key_names, *group_by, *[top.column for top in tops]]))

    def blank(column):
        return literal(None, type_=column.type)

    page_rows = select(
        literal("p").label("kind"),
        page.c.id,
        *[page.c[n] if n in key_names else blank(columns[n]).label(n) for n in names],
        rank.label("rank"),
        literal(0).label("ahead"),
        literal(0).label("n"),
    )
    flag = case((ahead(columns, order, position), 1), else_=0)
    count_rows = (
        select(
            literal("c"),
            blank(columns.id),
            *[columns[n] if n in group_by else blank(columns[n]) for n in names],
            literal(0),
            flag,
            func.count(),
        )
        .select_from(rows)
        .where(*count_where)
        .group_by(*[columns[n] for n in group_by], flag)
    )
    top_rows = []
    for top in tops:
        column, count = columns[top.column], func.count()
        counted = (
            select(column.label("value"), count.label("n"))
            .where(*top.where)
            .group_by(column)
            .order_by(count.desc(), column)
            .limit(top.limit)
            .subquery()
        )
        top_rows.append(
            select(
                literal(top.tag),
                blank(columns.id),
                *[counted.c.value if n == top.column else blank(columns[n]) for n in names],
                literal(0),
                literal(0),
                counted.c.n,
            )
        )
    return union_all(page_rows, count_rows, *top_rows)


@dataclass(frozen=True)
class Window:
    """Where the page shown sits in its listing."""

    #: 1-based place of the first and last row shown (0 and 0 for an empty page)
    start: int
    end: int
    total: int
    #: the cursor of the "Next" link (None on the last page)
    after: str | None
    #: the cursor of the "Previous" link; None with has_previous means the first page
    before: str | None
    has_previous: bool

    @property
    def has_next(self) -> bool:
        return self.after is not None


def read(result_rows, order: Sequence[Key], position: Position, size: int, shown=None):
    """(the page's rows in the listing's order, the count rows (each Top's too, by their
    `kind`), the Window) of a `page_with_counts` statement. shown(count row): whether its
    rows are among those the page's `where` keeps (default: all)."""
    page, counts = [], []
    for row in result_rows:
        (page if row.kind == "p" else counts).append(row)
    page.sort(key=lambda row: row.rank, reverse=position.backwards)
    listed = [row for row in counts if row.kind == "c" and (shown is None or shown(row))]
    total = sum(row.n for row in listed)
    before_page = sum(row.n for row in listed if row.ahead)
    if not page:
        # a cursor past the end (products gone since): the way back is the first page
        return page, counts, Window(0, 0, total, None, None, has_previous=total > 0)
    start = before_page - len(page) + 1 if position.backwards else before_page + 1
    start = max(start, 1)
    end = start + len(page) - 1

    def cursor(row) -> str:
        return encode([getattr(row, key.name) for key in order])

    after = cursor(page[-1]) if end < total else None
    before = cursor(page[0]) if start - 1 > size else None
    return page, counts, Window(start, end, total, after, before, has_previous=start > 1)
