"""`flask users create-operator`."""

from __future__ import annotations

import os

import click
from flask.cli import with_appcontext

from app.models.user import Role
from app.services import accounts
from app.services.accounts import PASSWORD_MIN
from app.services.errors import EmailTaken, InvalidEmail
from app.transaction import unit_of_work


@click.group("users")
def users_group() -> None:
    """Accounts."""


@users_group.command("create-operator")
@click.argument("email")
@click.option("--name", default="Operator", show_default=True)
@with_appcontext
def create_operator(email: str, name: str) -> None:
    """Create an operator account. The password comes from $OPERATOR_PASSWORD or a prompt."""
    password = os.environ.get("OPERATOR_PASSWORD") or click.prompt(
        "Password", hide_input=True, confirmation_prompt=True
    )
    if len(password) < PASSWORD_MIN:
        raise click.ClickException(f"Use a password of at least {PASSWORD_MIN} characters.")
    try:
        with unit_of_work():
            user = accounts.create_user(email, password, name, role=Role.OPERATOR)
    except InvalidEmail:
        raise click.ClickException(f"{email!r} is not an e-mail address.") from None
    except EmailTaken:
        raise click.ClickException(f"An account with {email} already exists.") from None
    click.echo(f"Operator {user.email} created.")
