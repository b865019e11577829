from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import EqualTo, Length

from app.services.accounts import PASSWORD_MIN
from app.web.forms import StoreForm
from app.web.validators import email, max_length, required


class SignInForm(StoreForm):
    email = EmailField(_l("Email"), validators=[required(), email(), max_length(254)])
    password = PasswordField(_l("Password"), validators=[required(), max_length(200)])
    remember = BooleanField(_l("Keep me signed in on this device"))
    next = HiddenField()


def new_password_fields():
    password = PasswordField(
        _l("Password"),
        validators=[
            required(),
            Length(
                min=PASSWORD_MIN,
                max=200,
                message=_l("Use at least %(min)d characters.", min=PASSWORD_MIN),
            ),
        ],
        description=_l("At least %(min)d characters.", min=PASSWORD_MIN),
    )
    confirm = PasswordField(
        _l("Repeat password"),
        validators=[required(), EqualTo("password", message=_l("The passwords differ."))],
    )
    return password, confirm


class SignUpForm(StoreForm):
    name = StringField(_l("Your name"), validators=[required(), max_length(120)])
    email = EmailField(_l("Email"), validators=[required(), email(), max_length(254)])
    password, confirm = new_password_fields()
    next = HiddenField()


class SignOutForm(StoreForm):
    pass
