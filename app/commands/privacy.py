"""`flask privacy purge`: forget what is past its retention period (safe from cron)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from app.services.accounts import privacy
from app.transaction import unit_of_work


@click.group("privacy")
def privacy_group() -> None:
    """Personal data: retention."""


@privacy_group.command("purge")
@with_appcontext
def purge() -> None:
    """Delete sign-in attempts, uploaded import files, e-mail addresses in the audit trail and
    delivered mail past their retention periods (README, Configuration), and stored photo
    files no photo names any more. Running it again removes only what has aged since."""
    with unit_of_work():
        removed = privacy.purge()
    removed["photo_files"] = privacy.purge_media_files(current_app.config["MEDIA_ROOT"])
    for kind, count in removed.items():
        click.echo(f"{kind.replace('_', ' ')}: {count}")
