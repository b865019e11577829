"""`flask demo-data`: a realistic demo store."""

from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import with_appcontext

from app.extensions import db
from app.services import cache


@click.command("demo-data")
@click.option("--products", default=200, show_default=True, type=click.IntRange(min=0))
@click.option("--vendors", default=12, show_default=True, type=click.IntRange(min=1))
@click.option(
    "--if-empty", is_flag=True, help="Do nothing (and succeed) when the store has vendors."
)
@with_appcontext
def demo_data(products: int, vendors: int, if_empty: bool) -> None:
    """Load the demo store: Taiwanese goods in four languages, pictures, zones, demo logins."""
    from app.demo import loader  # the catalogue is large: load it only for this command

    started = time.perf_counter()
    if if_empty and loader.store_has_vendors():
        click.echo("The store already has data; demo data not loaded.")
        return
    with click.progressbar(length=products, label="Products", show_pos=True) as bar:
        try:
            result = loader.load(
                products=products,
                vendors=vendors,
                media_root=current_app.config["MEDIA_ROOT"],
                progress=bar.update,
            )
        except loader.DemoError as error:
            db.session.rollback()
            raise click.ClickException(str(error)) from None
    db.session.commit()
    cache.invalidate_all()
    seconds = time.perf_counter() - started
    click.echo(
        f"Demo store ready: {result.vendors} vendors, {result.products} products, "
        f"{result.variants} variants, {result.zones} zones in {seconds:.1f} s."
    )
    for role, (email, password, _name) in loader.DEMO_ACCOUNTS.items():
        click.echo(f"  {role:<9} {email} / {password}")
