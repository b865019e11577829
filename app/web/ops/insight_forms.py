"""The forms of the console's insight pages (analytics, operations health, audit log), and what
those pages say when a service refuses."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import SelectField

from app.services.audit_log import SYSTEM
from app.services.errors import AuditFilterRefused, InvalidTransition
from app.web.forms import StoreForm
from app.web.validators import DayField, optional

PROBLEMS = {
    "to.before_from": _l("The last day cannot be before the first day."),
}


class AuditFilterForm(StoreForm):
    """The audit log's filter: sent with GET (a link to a filtered log can be shared), so
    without a CSRF token; it changes nothing."""

    class Meta:
        csrf = False

    person = SelectField(_l("Person"), choices=[], validate_choice=False)
    kind = SelectField(_l("Kind"), choices=[], validate_choice=False)
    date_from = DayField(_l("From"), validators=[optional()], description=_l("Taipei date"))
    date_to = DayField(_l("To"), validators=[optional()], description=_l("Taipei date"))

    def offer(self, people, actions) -> None:
        """The choices: everyone who appears in the log, and every kind of action in it."""
        self.person.choices = [
            ("", _("Everyone")),
            (SYSTEM, _("The store itself")),
            *((str(user.id), f"{user.name} <{user.email}>") for user in people),
        ]
        self.kind.choices = [("", _("Every kind")), *((a, a) for a in actions)]

    @property
    def actor(self) -> int | str | None:
        value = self.person.data or ""
        if value == SYSTEM:
            return SYSTEM
        return int(value) if value.isdigit() and len(value) < 12 else None

    @property
    def action(self) -> str | None:
        value = (self.kind.data or "").strip()
        return value[:64] or None

    def show(self, error: AuditFilterRefused) -> None:
        """Each problem under its field."""
        fields = {"to": self.date_to, "from": self.date_from}
        for problem in error.problems:
            fields[problem.path[0]].errors.append(str(PROBLEMS[problem.code]))


def retry_refused(error: InvalidTransition) -> str:
    status = error.params.get("status", "")
    if status == "sent":
        return _("That delivery was sent meanwhile: there is nothing to retry.")
    return _("That delivery is no longer failed (someone retried it already).")
