"""`flask search reindex`."""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from sqlalchemy import func, select

from app.extensions import db
from app.models import Product, SearchDocument
from app.services.search import index
from app.transaction import unit_of_work


@click.group("search")
def search_group() -> None:
    """Search index tools."""


@search_group.command("reindex")
@click.option("--if-empty", is_flag=True, help="Only when the index has no documents yet.")
@with_appcontext
def reindex(if_empty: bool) -> None:
    """Rebuild the search index from the catalog."""
    if if_empty and db.session.scalar(select(func.count()).select_from(SearchDocument)):
        click.echo("The search index is already built.")
        return
    total = db.session.scalar(select(func.count()).select_from(Product)) or 0
    with click.progressbar(length=total, label="Indexing", show_pos=True) as bar, unit_of_work():
        searchable = index.reindex_all(progress=bar.update)
    click.echo(f"Search index rebuilt: {searchable} searchable products.")
