"""One unit of work per request (STYLE.md, after indico's request handler).

Services only flush. A writing route runs its service calls inside `unit_of_work()`: it
commits once when the block succeeds and rolls back on any error, and only after the commit
does after-commit work run (the outbox rows the transaction wrote are delivered). The command
line uses the same helper, so there is exactly one place that commits.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from app.extensions import db
from app.services import outbox

log = logging.getLogger(__name__)


@contextmanager
def unit_of_work() -> Iterator[None]:
    try:
        yield
    except BaseException:
        rollback()
        raise
    db.session.commit()
    after_commit()


def after_commit() -> None:
    """Deliveries of the committed transaction. The change is already saved: a failure here
    is logged and left to the next `flask outbox deliver`, never shown as an error."""
    ids = outbox.take_new_ids()
    try:
        outbox.dispatch(ids)
    except Exception:
        log.exception("Outbox rows %s are saved but could not be dispatched now", ids)
        db.session.rollback()


def rollback() -> None:
    """Undo everything since the last commit (and forget its deliveries)."""
    db.session.rollback()
    outbox.forget_new_ids()


_WROTE = "uow_flushed_since_commit"


def install(app) -> None:
    """Guard the rule: a request that flushed writes it never committed through
    `unit_of_work()` lost them silently. Tests fail on it; production logs it."""
    from flask import request
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    @event.listens_for(Session, "after_flush")
    def _flushed(session, _context):
        if session.new or session.dirty or session.deleted:
            session.info[_WROTE] = True

    @event.listens_for(Session, "after_commit")
    @event.listens_for(Session, "after_soft_rollback")
    def _settled(session, *_args):
        session.info.pop(_WROTE, None)

    @app.after_request
    def _no_writes_left_behind(response):
        if db.session.info.pop(_WROTE, None):
            message = f"{request.method} {request.path} wrote without unit_of_work()"
            if app.testing:
                raise AssertionError(message)
            log.error(message)
        return response
