"""What two requests may reach for at the same moment (a double click, two tabs, two staff):
a unique value (an e-mail address, a business number, a name) or one row's state (a cart, a
balance, a product being edited).

Unique values (`claiming`): services look first, for a friendly "already taken" before
anything is written, but on PostgreSQL two requests can both look, both find the value free
and both write; the unique index then refuses the second. Without this it would be a 500;
with it, the second request gets the refusal it would have got a moment later. The rows are
written in a savepoint, so the refusal leaves the request's transaction usable.

Rows (`one_at_a_time`): a service that reads a row's state and writes from it (the units
left to return, the balance to pay out) locks the row first, so the second request waits and
reads what the first left. SQLite's writers queue anyway (BEGIN IMMEDIATE, app.db_setup), so
there the look-first checks already decide and the lock is not emitted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError

from app.extensions import db


def _columns_of(error: IntegrityError) -> set[str]:
    """'table.column' of each column of the unique index that refused the row (two for a
    key such as a shop's (vendor_id, handle)), from either engine; empty for another error."""
    orig = error.orig
    diag = getattr(orig, "diag", None)
    if diag is not None and getattr(diag, "table_name", None):
        # PostgreSQL (psycopg): DETAIL reads "Key (vendor_id, handle)=(3, tea) already exists."
        detail = diag.message_detail or ""
        if not (detail.startswith("Key (") and ")=" in detail):
            return set()
        names = detail[len("Key (") : detail.index(")=")].split(",")
        return {f"{diag.table_name}.{name.strip()}" for name in names}
    # SQLite: "UNIQUE constraint failed: products.vendor_id, products.handle"
    message = str(orig)
    prefix = "UNIQUE constraint failed: "
    if not message.startswith(prefix):
        return set()
    return {name.strip() for name in message[len(prefix) :].split(",")}


@contextmanager
def claiming(refusals: Mapping[str, Callable[[], Exception]]) -> Iterator[None]:
    """Rows added or changed inside the block are written in a savepoint of their own; when
    a unique index refuses one of them on a column named in `refusals` ('table.column', one
    of the index's columns), the block's writes are undone and what that column maps to is
    raised. Any other integrity error is a bug and goes on as it is.

    Make the changes inside the block: the savepoint starts after a flush of what is
    already pending, so a row added before it would be written (and refused) outside it."""
    try:
        with db.session.begin_nested():
            yield
            db.session.flush()
    except IntegrityError as error:
        columns = _columns_of(error)
        refusal = next((made for column, made in refusals.items() if column in columns), None)
        if refusal is None:
            raise
        raise refusal() from None


def one_at_a_time(row, *reload: str) -> None:
    """Lock `row` until the transaction ends: another request doing the same waits here.
    `reload`: relationships the caller read before the lock (a page's form), read again with
    the row's columns as the last writer left them.

    FOR NO KEY UPDATE, the lock an UPDATE of the row takes: it does not stop other requests
    adding rows that refer to it (a product of the locked shop), whose foreign key check
    takes a KEY SHARE lock. FOR UPDATE stops them, and a request holding the shop while it
    waited for such a request's new product was a deadlock."""
    key = inspect(row).mapper.primary_key[0]
    locked = select(key).where(key == inspect(row).identity[0]).with_for_update(key_share=True)
    db.session.execute(locked)
    if reload:
        db.session.refresh(row)
        db.session.refresh(row, list(reload))
