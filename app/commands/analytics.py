"""`flask analytics roll-up`: the dashboard's sums of closed days (the sweep does it too)."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from app.services.analytics import rollup
from app.transaction import unit_of_work


@click.group("analytics")
def analytics_group() -> None:
    """The operators' dashboard."""


@analytics_group.command("roll-up")
@with_appcontext
def roll_up() -> None:
    """Sum the paid orders of each closed Taipei day of the last 90 not summed yet (once per
    day; safe to run beside the sweep)."""
    with unit_of_work():
        rolled = rollup.roll_up(rollup.due())
    click.echo(f"{rolled} days rolled up.")
