"""`flask outbox deliver|list` and `flask worker`: deliveries after the commit."""

from __future__ import annotations

import threading

import click
from flask import current_app
from flask.cli import with_appcontext

from app import jobs
from app.services import outbox


@click.group("outbox")
def outbox_group() -> None:
    """Mail and other deliveries waiting to go out."""


@outbox_group.command("deliver")
@click.option("--limit", default=500, show_default=True, help="At most this many messages.")
@with_appcontext
def deliver(limit: int) -> None:
    """Send every message that is due, once (safe to run from cron, also beside a worker)."""
    sent, failed = outbox.deliver(limit=limit)
    click.echo(f"{sent} sent, {failed} failed (kept for a retry).")
    if failed:
        raise SystemExit(1)


@outbox_group.command("list")
@with_appcontext
def list_() -> None:
    """Counts per status, and the deliveries that failed for good with their errors."""
    for status, count in sorted(outbox.counts().items()):
        click.echo(f"{status}: {count}")
    for message in outbox.failures():
        click.echo(
            f"#{message.id} {message.kind} after {message.attempts} attempts: {message.last_error}"
        )


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty (tests, one-off runs).")
@with_appcontext
def worker(burst: bool) -> None:
    """Run the job queue (needs REDIS_URL): outbox deliveries and scheduled sweeps."""
    from rq import SimpleWorker

    url = current_app.config.get("REDIS_URL")
    if not url:
        raise click.ClickException("Set REDIS_URL: without it deliveries run in-process.")
    app = current_app._get_current_object()
    jobs.use_app(app)
    queue = jobs.queue(url)
    stop = threading.Event()
    if not burst:
        interval = app.config["WORKER_SWEEP_SECONDS"]

        def sweeping() -> None:
            while not stop.wait(interval):
                try:
                    jobs.sweep()
                except Exception:  # noqa: BLE001 - the next sweep tries again
                    app.logger.exception("Scheduled sweep failed")

        threading.Thread(target=sweeping, name="sweeper", daemon=True).start()
    try:
        SimpleWorker([queue], connection=queue.connection).work(burst=burst, with_scheduler=True)
    finally:
        stop.set()
    if burst:
        jobs.sweep()
