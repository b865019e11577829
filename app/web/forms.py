"""Base classes for every form of the store, and the forms that more than one blueprint posts.

Each text field passes what was typed through `plain_text.clean`, so a stray control character
(pasted from a spreadsheet, or sent on purpose) is dropped instead of reaching the database or a
page. Passwords are left exactly as typed: they are only ever hashed.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Form, HiddenField, PasswordField, StringField, TextAreaField

from app.domain import plain_text
from app.web.validators import max_length


def _clean(value):
    return plain_text.clean(value) if isinstance(value, str) else value


class _CleanTextMeta:
    def bind_field(self, form, unbound_field, options):
        field_class = unbound_field.field_class
        if issubclass(field_class, StringField) and not issubclass(field_class, PasswordField):
            filters = [*unbound_field.kwargs.get("filters", ()), _clean]
            return unbound_field.bind(form=form, filters=filters, **options)
        return unbound_field.bind(form=form, **options)


class StoreForm(FlaskForm):
    """A form posted on its own: CSRF-protected, text cleaned."""

    class Meta(_CleanTextMeta):
        pass


class SubForm(Form):
    """A form nested in another (rows of a FieldList): text cleaned, CSRF from the parent."""

    class Meta(_CleanTextMeta):
        pass


class ReturnDecisionForm(StoreForm):
    """Approve or reject a return (the vendor in the portal, or an operator in the vendor's
    place); a rejection says why, and the shopper reads it. The pages write their own label."""

    decision = HiddenField()
    note = TextAreaField(_l("Why is it rejected?"), validators=[max_length(2000)])

    @property
    def approve(self) -> bool:
        return self.decision.data == "approve"
