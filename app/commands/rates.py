"""`flask rates import FILE.csv` and `flask rates list`: exchange rates from a file, all or
none (the format: README.md, "Command line")."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from app.services import rates, rates_csv, rule_problems
from app.services.errors import RulesRefused
from app.transaction import unit_of_work


@click.group("rates")
def rates_group() -> None:
    """Exchange rates (units of a currency for one NT$)."""


@rates_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def import_rates(file: Path) -> None:
    """Add the rates of a CSV file (columns currency, rate, as_of): every line or none."""
    if file.stat().st_size > rates_csv.MAX_BYTES:
        raise click.ClickException("The file is larger than 1 MB; nothing was imported.")
    try:
        with unit_of_work():
            added = rates_csv.load(file.read_bytes(), None, f"import:{file.name}")
    except RulesRefused as refused:
        for found in refused.problems:
            click.echo(rule_problems.line_text(found), err=True)
        raise click.ClickException(
            f"{len(refused.problems)} problem(s) found; nothing was imported."
        ) from None
    for rate in added:
        click.echo(f"{rate.currency_code} {rate.rate} as of {rate.as_of.isoformat()}")
    click.echo(f"Imported {len(added)} rate(s).")


@rates_group.command("list")
@with_appcontext
def list_rates() -> None:
    """The rate in force per currency, and whether it is older than 7 days."""
    for row in rates.overview():
        if row.in_force is None:
            click.echo(f"{row.currency}  no rate in force  (STALE)")
            continue
        flag = "  (STALE: older than 7 days)" if row.stale else ""
        click.echo(f"{row.currency}  {row.in_force.rate}  as of {row.in_force.as_of}{flag}")
