"""Caches emptied across app processes within a second of a change (DESIGN.md, Speed).

A change to cached data raises its area's row in `cache_versions` in the same transaction as
the change (`bump`), so the new stamp is seen exactly when the change is: never before the
commit, never lost by a crash after it. Each app process compares the stamps with what it saw
last (`check`, run before requests at most once per CHECK_SECONDS, one SELECT of a two-row
table by primary key) and empties the caches of the areas that moved; the process that made
the change empties its own right after its commit.

Why the database and not Redis: the stamp commits with the change it announces. A Redis
counter would be raised beside the transaction (before the commit, and another process could
cache the old rows again; or after it, and a crash in between would lose it), and the store
runs without Redis too. The read is one indexed row lookup per second per process.
"""

from __future__ import annotations

import threading
import time

from sqlalchemy import event, insert, select, update
from sqlalchemy.orm import Session

from app.extensions import db
from app.models import CacheVersion
from app.services import cache, clock

#: how often a process looks at the stamps (the most its caches can lag another process)
CHECK_SECONDS = 1.0
#: execution option on the check's statement (tests/conftest.py's statement counter skips it:
#: at most one a second per process, not a cost of any page)
CHECK_OPTION = "tgg_cache_version_check"
_PENDING = "tgg_cache_areas_bumped"

_lock = threading.Lock()
_seen: dict[str, int] = {}
_next_check = 0.0


def bump(*areas: str) -> None:
    """Announce a change to `areas` (cache.AREAS) with the transaction being written (once
    per area and transaction: every process looks only at whether the stamp moved)."""
    pending = db.session.info.setdefault(_PENDING, set())
    for area in areas:
        if area not in cache.AREAS:
            raise ValueError(f"unknown cache area {area!r}")
        if area in pending:
            continue
        raised = db.session.execute(
            update(CacheVersion)
            .where(CacheVersion.area == area)
            .values(version=CacheVersion.version + 1, updated_at=clock.now())
        )
        if raised.rowcount == 0:
            db.session.execute(
                insert(CacheVersion).values(area=area, version=2, updated_at=clock.now())
            )
        pending.add(area)


@event.listens_for(Session, "after_commit")
def _committed(session) -> None:
    global _next_check
    areas = session.info.pop(_PENDING, None)
    if areas:
        cache.invalidate_areas(areas)
        # Look at the stamps on the next request: this process has not seen its own new
        # versions yet, and would otherwise empty the caches it is refilling a second time
        # whenever the timed check next comes round.
        with _lock:
            _next_check = 0.0


@event.listens_for(Session, "after_rollback")
@event.listens_for(Session, "after_soft_rollback")
def _rolled_back(session, *_args) -> None:
    session.info.pop(_PENDING, None)


def _now() -> float:
    return time.monotonic()


def check(interval: float = CHECK_SECONDS) -> list[str]:
    """Empty this process's caches of every area whose stamp moved since the last look, at
    most once per `interval` seconds. Returns the areas emptied."""
    global _next_check
    now = _now()
    with _lock:
        if now < _next_check:
            return []
        _next_check = now + interval
    rows = db.session.execute(
        select(CacheVersion.area, CacheVersion.version),
        execution_options={CHECK_OPTION: True},
    ).all()
    with _lock:
        moved = [area for area, version in rows if _seen.get(area) != version]
        _seen.update(dict(rows))
    if moved:
        cache.invalidate_areas(moved)
    return moved


def forget_seen() -> None:
    """Look again at the next check, as a process that just started (tests)."""
    global _next_check
    with _lock:
        _seen.clear()
        _next_check = 0.0
