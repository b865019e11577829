"""`flask users create-operator`."""

from __future__ import annotations

import os

import click
from flask.cli import with_appcontext

from app.models.user import Role
from app.services import accounts
from app.services.errors import EmailTaken, InvalidEmail, WeakPassword
from app.transaction import unit_of_work

#: what a refused password needs, for the person at the terminal
_WEAK = {
    "password.short": f"Use a password of at least {accounts.PASSWORD_MIN} characters.",
    "password.long": "Use a password of at most 200 characters.",
    "password.personal": "The password must not be the e-mail address or the name.",
    "password.common": "That password is too common or too easy to guess: choose another.",
}


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
    try:
        with unit_of_work():
            user = accounts.create_user(email, password, name, role=Role.OPERATOR, verified=True)
    except InvalidEmail:
        raise click.ClickException(f"{email!r} is not an e-mail address.") from None
    except WeakPassword as error:
        raise click.ClickException(_WEAK[error.code]) from None
    except EmailTaken:
        raise click.ClickException(f"An account with {email} already exists.") from None
    click.echo(f"Operator {user.email} created.")
