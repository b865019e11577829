"""Background work through RQ when `REDIS_URL` is set (`flask worker` runs it).

RQ because it is the smallest well-kept queue on Redis that the store already runs for rate
limits, with retries and backoff built in, and it is what the Flask community's reference
app (microblog) uses; Celery would bring a broker abstraction and beat we do not need, and
Dramatiq's extra middleware buys nothing here. Jobs carry ids only: the outbox row in the
database is the truth, so a lost or repeated job never loses or doubles a message (delivery
claims the row first).

Without `REDIS_URL`, deliveries run in-process right after the commit and `flask outbox
deliver` (cron) picks up anything left behind.
"""

from __future__ import annotations

from flask import Flask, current_app, has_app_context

QUEUE = "tgg"
#: RQ's own retries, on top of the outbox's backoff for rows that stay pending
RETRY_INTERVALS = [15, 60, 300]

_worker_app: Flask | None = None


def queue_configured() -> bool:
    config = current_app.config
    return bool(config.get("REDIS_URL")) and bool(config.get("OUTBOX_WORKER"))


def queue(url: str | None = None):
    from redis import Redis
    from rq import Queue

    connection = Redis.from_url(url or current_app.config["REDIS_URL"])
    return Queue(QUEUE, connection=connection)


def enqueue_delivery(ids: list[int]) -> None:
    from rq import Retry

    jobs = queue()
    for message_id in ids:
        jobs.enqueue(
            deliver_message,
            message_id,
            retry=Retry(max=len(RETRY_INTERVALS), interval=RETRY_INTERVALS),
            job_timeout=60,
        )


def _app() -> Flask:
    """The app a worker process runs jobs in (made once per process)."""
    global _worker_app
    if _worker_app is None:
        from app import create_app

        _worker_app = create_app()
    return _worker_app


def deliver_message(message_id: int) -> None:
    """RQ job: deliver one outbox row. Raises when it failed, so RQ retries it later."""
    from app.services import outbox

    def run():
        outcome = outbox.deliver_one(message_id)
        if outcome is False:
            raise RuntimeError(f"outbox message {message_id} not delivered yet")

    if has_app_context():
        run()
    else:
        with _app().app_context():
            run()


def use_app(app: Flask) -> None:
    """The worker command runs jobs in its own app (RQ's SimpleWorker: no fork, so the
    database pool is never shared between processes)."""
    global _worker_app
    _worker_app = app


def sweep() -> None:
    """Scheduled work that must happen even when no request triggers it: deliveries whose
    retry time has come (later also order expiry and the cooling-off clock)."""
    from app.services import outbox

    with _app().app_context():
        outbox.deliver()
