"""The audit log as operators browse it: newest first, filtered by who acted, the kind of
action and a range of Taipei days, a page at a time by keyset (services.paging: a cursor in
the URL, page 2,000 costs what page 1 costs). Rows are never changed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from app.domain import date_range
from app.extensions import db
from app.models import AuditEvent, User
from app.services import clock, paging
from app.services.errors import AuditFilterRefused

PAGE_SIZE = 50
ORDER = paging.keys(("created_at", True, datetime), ("id", True))
#: the person filter's value for what the store did by itself (command line, sweeps)
SYSTEM = "system"


@dataclass(frozen=True)
class Filters:
    #: a user's id, SYSTEM, or None for everyone
    actor: int | str | None = None
    action: str | None = None
    #: Taipei days, both included; None leaves that end open
    first: date | None = None
    last: date | None = None


@dataclass(frozen=True)
class Entry:
    event: AuditEvent
    #: who acted (None: the store itself, or an account deleted since)
    actor: User | None


@dataclass(frozen=True)
class Page:
    entries: list[Entry]
    window: paging.Window


def _conditions(filters: Filters) -> list:
    found = []
    if filters.actor == SYSTEM:
        found.append(AuditEvent.actor_id.is_(None))
    elif filters.actor is not None:
        found.append(AuditEvent.actor_id == filters.actor)
    if filters.action:
        found.append(AuditEvent.action == filters.action)
    if filters.first is not None:
        found.append(AuditEvent.created_at >= clock.day_start(filters.first))
    if filters.last is not None:
        found.append(AuditEvent.created_at < clock.day_start(filters.last + timedelta(days=1)))
    return found


def browse(
    filters: Filters,
    after: str | None = None,
    before: str | None = None,
    size: int = PAGE_SIZE,
) -> Page:
    """One page of events (two statements: the page with its counts, then its rows). Raises
    AuditFilterRefused (to.before_from) for a range that ends before it starts."""
    problems = date_range.problems(filters.first, filters.last)
    if problems:
        raise AuditFilterRefused(problems=problems)
    rows = select(AuditEvent.id, AuditEvent.created_at).where(*_conditions(filters)).cte("events")
    position = paging.Position.parse(after, before, ORDER)
    result = db.session.execute(paging.page_with_counts(rows, ORDER, position, size))
    page, _counts, window = paging.read(result, ORDER, position, size)
    ids = [row.id for row in page]
    if not ids:
        return Page([], window)
    found = {
        event.id: Entry(event, actor)
        for event, actor in db.session.execute(
            select(AuditEvent, User)
            .outerjoin(User, User.id == AuditEvent.actor_id)
            .where(AuditEvent.id.in_(ids))
        )
    }
    return Page([found[i] for i in ids], window)


def people() -> list[User]:
    """Everyone who has acted in the log, by name."""
    return list(
        db.session.scalars(
            select(User)
            .where(User.id.in_(select(AuditEvent.actor_id).where(AuditEvent.actor_id.is_not(None))))
            .order_by(User.name, User.email)
        )
    )


def actions() -> list[str]:
    """Every kind of action in the log, alphabetically."""
    return list(
        db.session.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action))
    )
