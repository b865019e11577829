"""`flask demo-data`: a realistic demo store."""

from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import with_appcontext

from app.services import cache
from app.transaction import unit_of_work


@click.command("demo-data")
@click.option("--products", default=200, show_default=True, type=click.IntRange(min=0))
@click.option("--vendors", default=12, show_default=True, type=click.IntRange(min=1))
@click.option(
    "--if-empty", is_flag=True, help="Do nothing (and succeed) when the store has vendors."
)
@with_appcontext
def demo_data(products: int, vendors: int, if_empty: bool) -> None:
    """Load the demo store: Taiwanese goods in four languages, pictures, zones, demo logins."""
    from app.demo import loader  # drawing pictures needs Pillow: load it only for this command

    started = time.perf_counter()
    if if_empty and loader.store_has_vendors():
        click.echo("The store already has data; demo data not loaded.")
        return
    with click.progressbar(length=products, label="Products", show_pos=True) as bar:
        try:
            with unit_of_work():
                result = loader.load(
                    products=products,
                    vendors=vendors,
                    media_root=current_app.config["MEDIA_ROOT"],
                    progress=bar.update,
                )
        except loader.DemoError as error:
            raise click.ClickException(str(error)) from None
    cache.invalidate_all()
    seconds = time.perf_counter() - started
    click.echo(
        f"Demo store ready: {result.vendors} vendors, {result.products} products, "
        f"{result.variants} variants, {result.zones} zones in {seconds:.1f} s."
    )
    for role, (email, password, _name) in loader.DEMO_ACCOUNTS.items():
        click.echo(f"  {role:<9} {email} / {password}")
