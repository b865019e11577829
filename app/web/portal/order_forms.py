"""The parcel page's forms (accept, ship, deliver, cancel, decide and receive a return) and
what the portal says when one is refused, in the vendor's language."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SelectField, StringField, TextAreaField

from app.domain import carriers
from app.services.errors import FulfilmentRefused, InvalidTransition
from app.web import labels
from app.web.forms import StoreForm
from app.web.validators import max_length

REASON_MAX = 2000


class StepForm(StoreForm):
    """A move with nothing to type (accept, mark delivered, goods received)."""

    #: the status the page showed when the form was sent: a move refused because the parcel
    #: has moved on since is told as "already done", not as "not allowed"
    seen = HiddenField()


class ShipForm(StepForm):
    carrier = SelectField(_l("Carrier"), validate_choice=False)
    tracking_number = StringField(
        _l("Tracking number"),
        validators=[max_length(60)],
        description=_l("As printed on the carrier's label; spaces do not matter."),
    )

    @staticmethod
    def carrier_choices(found) -> list[tuple[str, str]]:
        """(code, name) of carriers; "Other" in the vendor's language, brands as they are."""
        return [(c.code, _("Other") if c.code == carriers.OTHER else c.name) for c in found]

    def prepare(self, market_code: str) -> ShipForm:
        self.carrier.choices = self.carrier_choices(carriers.for_market(market_code))
        return self

    def show_error(self, error: FulfilmentRefused) -> None:
        chosen = carriers.CARRIERS.get(self.carrier.data or "")
        texts = {
            "carrier.unknown": _("Choose the carrier from the list."),
            "tracking.required": _("Enter the tracking number (at most 40 letters and digits)."),
            "tracking.format": _(
                "This is not a %(carrier)s tracking number. Check it against the label.",
                carrier=chosen.name if chosen else "",
            ),
        }
        field = self.carrier if error.code == "carrier.unknown" else self.tracking_number
        field.errors = [*field.errors, texts.get(error.code, texts["tracking.required"])]


class CancelForm(StepForm):
    reason = TextAreaField(
        _l("Why are you cancelling?"),
        validators=[max_length(REASON_MAX)],
        description=_l(
            "The shopper reads this. They get the parcel's whole amount back, shipping and "
            "import tax included, and its stock goes back on sale."
        ),
    )

    def show_error(self, error: FulfilmentRefused) -> None:
        self.reason.errors = [*self.reason.errors, _("Please say why you are cancelling.")]


def decision_reason_needed() -> str:
    return _("Please say why you reject the return: the shopper reads it.")


#: the parcel has moved on: what it is now, said as what someone else already did
_ALREADY = {
    "accepted": _l("This parcel was already accepted."),
    "shipped": _l("This parcel was already shipped."),
    "delivered": _l("This parcel was already marked delivered."),
    "completed": _l("This parcel is already completed."),
    "cancelled": _l("This parcel was already cancelled."),
}


def parcel_move_refused(error: InvalidTransition, seen: str | None) -> str:
    """A move that could not be made: another person (or another window) got there first,
    or the move is not possible from where the parcel stands."""
    status = error.params.get("status", "")
    if error.code == "transition.stale" or (seen and seen != status):
        already = _ALREADY.get(status)
        if already is not None:
            return _("%(already)s Nothing else was changed.", already=already)
    return _(
        "That is not possible now: the parcel is “%(status)s”.",
        status=labels.VENDOR_ORDER_STATUSES.get(status, status),
    )
