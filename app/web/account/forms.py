"""The account forms, and what the account pages say when a service refuses."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import EqualTo, Length

from app.services.accounts import PASSWORD_MIN
from app.services.errors import AccountDeletionRefused, WeakPassword
from app.web.forms import StoreForm
from app.web.validators import email, max_length, required


class SignInForm(StoreForm):
    email = EmailField(_l("Email"), validators=[required(), email(), max_length(254)])
    password = PasswordField(_l("Password"), validators=[required(), max_length(200)])
    remember = BooleanField(_l("Keep me signed in on this device"))
    next = HiddenField()


class CodeForm(StoreForm):
    code = StringField(
        _l("6-digit code"),
        validators=[required(), max_length(12)],
        description=_l("From the authenticator app on your phone."),
    )


def new_password_fields(label=None):
    password = PasswordField(
        label or _l("Password"),
        validators=[
            required(),
            Length(
                min=PASSWORD_MIN,
                max=200,
                message=_l("Use at least %(min)d characters.", min=PASSWORD_MIN),
            ),
        ],
        description=_l(
            "At least %(min)d characters. Not a common password, and not your name or email.",
            min=PASSWORD_MIN,
        ),
    )
    confirm = PasswordField(
        _l("Repeat password"),
        validators=[required(), EqualTo("password", message=_l("The passwords differ."))],
    )
    return password, confirm


def weak_password(error: WeakPassword) -> str:
    """Why a password was refused, in the reader's language."""
    if error.code == "password.personal":
        return _("Choose a password that is not your email address or your name.")
    if error.code == "password.common":
        return _(
            "This password is too common or too easy to guess. Try a few unrelated words together."
        )
    if error.code == "password.long":
        return _("Use at most %(max)d characters.", max=200)
    return _("Use at least %(min)d characters.", min=PASSWORD_MIN)


def locked(seconds: int) -> str:
    minutes = max(1, -(-seconds // 60))
    return ngettext(
        "Too many failed sign-ins for this account. Wait %(num)d minute and try again, or "
        "reset your password.",
        "Too many failed sign-ins for this account. Wait %(num)d minutes and try again, or "
        "reset your password.",
        minutes,
    )


def deletion_refused(error: AccountDeletionRefused) -> str:
    if error.code == "account.vendor_owner":
        return _(
            "You own a shop on Taipei Good Goods. Write to the operators to close the shop "
            "first; its records are kept with it."
        )
    if error.code == "account.operator":
        return _("Operators' accounts are closed by another operator.")
    return _(
        "An order or a return of yours is still on its way: the shop needs your address until "
        "it is done. You can delete your account once it has arrived."
    )


class SignUpForm(StoreForm):
    name = StringField(_l("Your name"), validators=[required(), max_length(120)])
    email = EmailField(_l("Email"), validators=[required(), email(), max_length(254)])
    password, confirm = new_password_fields()
    next = HiddenField()


class ForgotForm(StoreForm):
    email = EmailField(_l("Email"), validators=[required(), email(), max_length(254)])


class ResetForm(StoreForm):
    password, confirm = new_password_fields(_l("New password"))


class ChangePasswordForm(StoreForm):
    current = PasswordField(_l("Current password"), validators=[required(), max_length(200)])
    password, confirm = new_password_fields(_l("New password"))


class DeleteForm(StoreForm):
    password = PasswordField(
        _l("Your password"),
        validators=[required(), max_length(200)],
        description=_l("To be sure it is you."),
    )


class SignOutForm(StoreForm):
    """Also every other form with nothing to type (confirm, resend)."""
