"""`flask zones flush-stats`: zone views and adds to cart, counted without a write per page
view, into the database now (the scheduled sweep does it too)."""

from __future__ import annotations

import click
from flask.cli import with_appcontext


@click.group("zones")
def zones_group() -> None:
    """Featured zones."""


@zones_group.command("flush-stats")
@with_appcontext
def flush_stats() -> None:
    """Add the counts waiting in Redis (and in this process) to zone_daily_stats. Without
    REDIS_URL each app process keeps its own counts and flushes them on its sweeps."""
    from app import jobs

    rows = jobs.flush_zone_stats()
    click.echo(f"{rows} zone-day row(s) updated.")
