"""WTForms validators with the store's own translated messages.

WTForms ships no Thai or Malay messages (and its Chinese catalog is Simplified), so every
validator the forms use says its message through our catalogs instead.
"""

from __future__ import annotations

import unicodedata

from flask_babel import lazy_gettext as _l
from wtforms import DateField, IntegerField, validators
from wtforms.widgets import TextInput


def required():
    return validators.InputRequired(message=_l("Please fill this in."))


def optional():
    return validators.Optional()


def email():
    return validators.Email(message=_l("Enter an email address like name@example.com."))


def max_length(limit: int):
    return validators.Length(max=limit, message=_l("Use at most %(max)d characters.", max=limit))


def length_between(low: int, high: int):
    return validators.Length(
        min=low,
        max=high,
        message=_l("Use between %(min)d and %(max)d characters.", min=low, max=high),
    )


def number_between(low: int | None = None, high: int | None = None):
    if low is not None and high is not None:
        message = _l("Enter a number from %(min)s to %(max)s.", min=low, max=high)
    elif low is not None:
        message = _l("Enter a number of at least %(min)s.", min=low)
    else:
        message = _l("Enter a number of at most %(max)s.", max=high)
    return validators.NumberRange(min=low, max=high, message=message)


class WholeNumberField(IntegerField):
    """An integer field whose parse error is in our catalogs (and accepts full-width digits,
    which Taiwanese input methods often type). A text input with a numeric keyboard: a
    number input cannot show back what was typed when it was not a number."""

    widget = TextInput()

    def process_formdata(self, valuelist):
        if not valuelist:
            self.data = None
            return
        if not valuelist[0].strip():
            # Spaces are not a number; an Optional() field clears this error itself.
            self.data = None
            raise ValueError(str(_l("Please fill this in.")))
        text = unicodedata.normalize("NFKC", valuelist[0]).strip().replace(",", "")
        try:
            self.data = int(text)
        except ValueError:
            self.data = None
            raise ValueError(str(_l("Enter a whole number, like 450."))) from None

    def pre_validate(self, form):
        # What was typed is not a number: that one message is the answer. Without this stop
        # the range and required checks would each add theirs about a missing value.
        _one_message(self)


class DayField(DateField):
    """A date field with a translated parse error."""

    def process_formdata(self, valuelist):
        if valuelist and not valuelist[0].strip():
            self.data = None
            raise ValueError(str(_l("Please fill this in.")))
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(str(_l("Enter a date like 2027-06-30."))) from None

    def pre_validate(self, form):
        _one_message(self)


def _one_message(field) -> None:
    """Stop at the parse error so no second message follows it; but a blank answer to an
    optional field is no error at all."""
    if not field.process_errors:
        return
    if field.flags.optional and not (field.raw_data and field.raw_data[0].strip()):
        field.process_errors = []
        field.errors = []
    raise validators.StopValidation()
