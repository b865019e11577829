"""`flask vendors add` and `flask catalog import`: the same services as the portal."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from app.extensions import db
from app.models import Vendor
from app.services import links, settings, vendors
from app.services.accounts import tokens
from app.services.catalog import csv as catalog_csv
from app.services.catalog import imports as catalog_imports
from app.services.errors import ImportFailed, ServiceError
from app.transaction import unit_of_work


@click.group("vendors")
def vendors_group() -> None:
    """Vendors."""


@vendors_group.command("add")
@click.argument("slug")
@click.option("--name", required=True, help="The vendor's name.")
@click.option("--email", required=True, help="The owner's sign-in e-mail.")
@click.option("--ubn", default=None, help="Unified business number (統一編號), 8 digits.")
@click.option("--approved", is_flag=True, help="Approve at once (no operator review).")
@with_appcontext
def add(slug: str, name: str, email: str, ubn: str | None, approved: bool) -> None:
    """Create a vendor and its owner account (the same checks as the application form).

    No password is made up and printed: the owner chooses one through a one-time link
    (valid SET_PASSWORD_DAYS days) that this command prints for you to pass on."""
    try:
        with unit_of_work():
            vendor, owner = vendors.create(slug, name, email, ubn=ubn, approved=approved)
            link = links.absolute(
                "account.reset_password",
                lang=owner.preferred_language or "zh-hant",
                token=tokens.make(owner, tokens.SET),
            )
    except ServiceError as error:
        raise click.ClickException(_message(error, slug, name, email, ubn)) from None
    state = "approved" if vendor.is_approved else "pending review"
    days = current_app.config["SET_PASSWORD_DAYS"]
    click.echo(f"Vendor {vendor.slug} created ({state}).")
    click.echo(f"Owner account: {owner.email}")
    click.echo(f"One-time link for the owner to choose a password (valid {days} days):")
    click.echo(link)


def _message(error: ServiceError, slug: str, name: str, email: str, ubn: str | None) -> str:
    return {
        "ubn.invalid": f"{ubn!r} is not a valid unified business number (統一編號): it needs 8 "
        "digits with a valid check digit.",
        "ubn.taken": f"A vendor with business number {ubn} already exists.",
        "email.invalid": f"{email!r} is not an e-mail address.",
        "email.taken": f"An account with {email} already exists.",
        "name.length": f"Give the vendor a name of 1 to {vendors.NAME_MAX} characters.",
        "slug.taken": f"The slug {slug!r} is already taken.",
        "slug.format": f"The slug {slug!r} must be lower-case letters, digits and hyphens "
        "(at most 64).",
    }[error.code]


@click.group("catalog")
def catalog_group() -> None:
    """Catalog tools."""


@catalog_group.command("import")
@click.option("--vendor", "vendor_slug", required=True, help="The vendor's slug.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def import_catalog(vendor_slug: str, file: Path) -> None:
    """Import a catalog CSV (../shared/formats/catalog-csv.md) for a vendor."""
    vendor = db.session.scalar(select(Vendor).where(Vendor.slug == vendor_slug))
    if vendor is None:
        raise click.ClickException(f"No vendor {vendor_slug!r}.")
    if not vendor.is_approved:
        raise click.ClickException(
            f"Vendor {vendor_slug!r} is not approved; only approved vendors can list."
        )
    if file.stat().st_size > catalog_csv.MAX_BYTES:
        raise click.ClickException("The file is larger than 5 MB.")
    try:
        with unit_of_work():
            record = catalog_imports.run(
                vendor,
                file.name,
                file.read_bytes(),
                hold_for_review=settings.hold_new_listings(),
            )
    except ImportFailed as failure:
        for error in failure.errors:
            click.echo(str(error), err=True)
        raise click.ClickException(
            f"{len(failure.errors)} problem(s) found; nothing was imported."
        ) from None
    click.echo(
        f"Imported {record.rows} rows: {record.products_created} products created, "
        f"{record.products_updated} updated; {record.variants_created} variants created, "
        f"{record.variants_updated} updated."
    )
