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
    return queue_configured_for(current_app)


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
    """Scheduled work that must happen even when no request triggers it: unpaid orders past
    their time give their stock back, deliveries whose retry time has come go out, zone
    counts go into the database, and the dashboard's roll-up gets the days that closed."""
    from app.services import outbox
    from app.services.analytics import rollup
    from app.services.checkout import lifecycle
    from app.services.orders import fulfilment
    from app.transaction import unit_of_work

    with _app().app_context():
        lifecycle.expire_due(each=unit_of_work)
        with unit_of_work():
            fulfilment.complete_due()
        outbox.deliver()
        flush_zone_stats()
        with unit_of_work():
            rollup.roll_up(rollup.due()[: rollup.DAYS_PER_SWEEP])


def flush_zone_stats() -> int:
    """Zone views and adds to cart counted since the last flush (in this process's memory,
    and in Redis when it is set) go into zone_daily_stats; a batch that cannot be saved is
    kept for the next flush. Returns how many (zone, day) rows it added to."""
    from app.services import zone_stats
    from app.transaction import unit_of_work

    batch = zone_stats.take()
    try:
        with unit_of_work():
            rows = zone_stats.record(batch)
    except Exception:
        zone_stats.give_back(batch)
        raise
    zone_stats.done(batch)
    return rows


def start_in_process_sweeper(app: Flask) -> None:
    """Without a worker (no REDIS_URL), each app process sweeps by itself now and then: unpaid
    orders still expire, failed deliveries are retried, zone counts are saved (and once more
    when the process exits). Every sweep is safe to run in several processes at once
    (conditional updates and claims)."""
    import atexit
    import threading

    interval = app.config.get("IN_PROCESS_SWEEP_SECONDS") or 0
    if interval <= 0 or queue_configured_for(app):
        return
    use_app(app)

    def sweeping() -> None:
        stop = threading.Event()
        while not stop.wait(interval):
            try:
                sweep()
            except Exception:  # noqa: BLE001 - logged; the next sweep tries again
                app.logger.exception("Scheduled sweep failed")

    threading.Thread(target=sweeping, name="tgg-sweeper", daemon=True).start()

    def flush_at_exit() -> None:
        # zone counts this process holds since its last sweep
        try:
            with app.app_context():
                flush_zone_stats()
        except Exception:  # noqa: BLE001 - stopping anyway; the counts are lost, not the store
            app.logger.exception("Zone counts not saved at exit")

    atexit.register(flush_at_exit)


def queue_configured_for(app: Flask) -> bool:
    return bool(app.config.get("REDIS_URL")) and bool(app.config.get("OUTBOX_WORKER"))
