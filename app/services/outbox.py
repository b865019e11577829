"""The outbox: deliveries written in the caller's transaction, delivered after its commit.

`mail()` adds a row beside the change that causes it; nothing leaves the process until the
unit of work (app.transaction) commits, so a rolled-back change never sends anything. After
the commit the new rows are handed to `dispatch` (in-process by default, a worker queue when
`REDIS_URL` is set). A crash between commit and delivery loses nothing: the row stays pending
and `flask outbox deliver` (what the worker and cron run) sends it.

Delivery claims a row with one conditional UPDATE before sending, so two deliverers never
send the same message; a claim expires after LEASE, freeing rows whose deliverer died.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select, update

from app.extensions import db
from app.integrations import mail as mail_integration
from app.models.outbox import OutboxMessage, OutboxStatus
from app.services import clock

log = logging.getLogger(__name__)

#: waits before the 2nd, 3rd, ... attempt; after the last one the row is kept as failed
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2))
MAX_ATTEMPTS = len(BACKOFF) + 1
LEASE = timedelta(minutes=5)
#: session.info key of the rows this transaction added (delivered after its commit)
_NEW_IDS = "outbox_new_ids"


def _send_mail(payload: dict) -> None:
    mail_integration.send(payload["to"], payload["subject"], payload["body"])


def _cancel_intent(payload: dict) -> None:
    from app.integrations import stripe_payments

    stripe_payments.cancel_intent(payload["intent_id"])


def _refund(payload: dict) -> None:
    from app.services.checkout import refunds

    refunds.execute(payload)


#: kind → handler(payload); a handler raises to ask for a retry. Handlers run in an app
#: context with the database; what they write is committed with the delivery's outcome.
HANDLERS: dict[str, Callable[[dict], None]] = {
    "mail": _send_mail,
    "refund": _refund,
    "stripe_cancel": _cancel_intent,
}


def add(kind: str, payload: dict) -> OutboxMessage:
    """A delivery to make once the current transaction commits."""
    if kind not in HANDLERS:
        raise ValueError(f"no outbox handler for {kind!r}")
    message = OutboxMessage(kind=kind, payload=payload, next_attempt_at=clock.now())
    db.session.add(message)
    db.session.flush()
    db.session.info.setdefault(_NEW_IDS, []).append(message.id)
    return message


def mail(to: str, template: str, language: str, **context) -> OutboxMessage:
    """An e-mail from a text template, rendered now in the recipient's language (its first
    line is the subject)."""
    subject, body = mail_integration.render(template, language, **context)
    return add("mail", {"to": to, "subject": subject, "body": body, "template": template})


def take_new_ids() -> list[int]:
    """Ids of the rows added since the last commit (the unit of work asks after committing)."""
    return db.session.info.pop(_NEW_IDS, [])


def forget_new_ids() -> None:
    """The transaction rolled back: its rows are gone, nothing to deliver."""
    db.session.info.pop(_NEW_IDS, None)


# -- delivery -------------------------------------------------------------------------------


def dispatch(ids: list[int]) -> None:
    """Deliver committed rows now, or hand them to the worker queue when there is one."""
    if not ids:
        return
    from app import jobs

    if jobs.queue_configured():
        jobs.enqueue_delivery(ids)
    else:
        deliver(ids)


def _due(now: datetime):
    pending = (OutboxMessage.status == OutboxStatus.PENDING.value) & (
        OutboxMessage.next_attempt_at <= now
    )
    abandoned = (OutboxMessage.status == OutboxStatus.SENDING.value) & (
        OutboxMessage.claimed_until < now
    )
    return or_(pending, abandoned)


def _claim(message_id: int, now: datetime) -> bool:
    """Take one due row for delivery; False when another deliverer has it (or it is done)."""
    result = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, _due(now))
        .values(
            status=OutboxStatus.SENDING.value,
            claimed_until=now + LEASE,
            attempts=OutboxMessage.attempts + 1,
        )
    )
    db.session.commit()
    return result.rowcount == 1


def _finish(message: OutboxMessage, error: str | None, now: datetime) -> None:
    if error is None:
        message.status = OutboxStatus.SENT.value
        message.sent_at = now
        message.last_error = None
    elif message.attempts >= MAX_ATTEMPTS:
        message.status = OutboxStatus.FAILED.value
        message.last_error = error
    else:
        message.status = OutboxStatus.PENDING.value
        message.next_attempt_at = now + BACKOFF[message.attempts - 1]
        message.last_error = error
    message.claimed_until = None
    db.session.commit()


def deliver_one(message_id: int) -> bool | None:
    """Deliver one row if it is due and nobody else has it. True: sent; False: failed this
    time; None: not ours to send (already sent, claimed elsewhere, or not due yet)."""
    if not _claim(message_id, clock.now()):
        return None
    message = db.session.get(OutboxMessage, message_id)
    try:
        HANDLERS[message.kind](message.payload)
    except Exception as error:  # noqa: BLE001 - any failure is kept on the row for a retry
        log.warning(
            "Outbox delivery %s failed (attempt %s): %s", message.id, message.attempts, error
        )
        _finish(message, f"{type(error).__name__}: {error}"[:2000], clock.now())
        return False
    _finish(message, None, clock.now())
    return True


def deliver(ids: Iterable[int] | None = None, limit: int = 500) -> tuple[int, int]:
    """Send what is due (only `ids` when given). Returns (sent, failed this time)."""
    stmt = select(OutboxMessage.id).where(_due(clock.now())).order_by(OutboxMessage.id)
    if ids is not None:
        wanted = list(ids)
        if not wanted:
            return 0, 0
        stmt = stmt.where(OutboxMessage.id.in_(wanted))
    due = list(db.session.scalars(stmt.limit(limit)))
    sent = failed = 0
    for message_id in due:
        outcome = deliver_one(message_id)
        if outcome is True:
            sent += 1
        elif outcome is False:
            failed += 1
    # Rows a handler wrote (a refund that completes a return mails the shopper) were committed
    # with its outcome: deliver them now too, or they would wait for the next sweep.
    written = take_new_ids()
    if written:
        more_sent, more_failed = deliver(written, limit)
        sent, failed = sent + more_sent, failed + more_failed
    return sent, failed


def retry(message: OutboxMessage) -> None:
    """An operator's retry of a failed delivery: due again now, with a fresh set of attempts."""
    message.status = OutboxStatus.PENDING.value
    message.attempts = 0
    message.next_attempt_at = clock.now()
    message.claimed_until = None
    db.session.flush()
    db.session.info.setdefault(_NEW_IDS, []).append(message.id)


def counts() -> dict[str, int]:
    rows = db.session.execute(
        select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    )
    return {status: count for status, count in rows}


def failures(limit: int = 50) -> list[OutboxMessage]:
    return list(
        db.session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.status == OutboxStatus.FAILED.value)
            .order_by(OutboxMessage.id.desc())
            .limit(limit)
        )
    )
