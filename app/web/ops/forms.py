"""The operators' forms, and what the operators' pages say when a service refuses."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, StringField, TextAreaField

from app.services import clock
from app.services.errors import InvalidTransition, PayoutRefused
from app.web.context import display_locale
from app.web.formatting import format_whole_money
from app.web.forms import StoreForm
from app.web.validators import DayField, WholeNumberField, max_length, required


class DecisionForm(StoreForm):
    decision = HiddenField()
    reason = TextAreaField(
        _l("Reason"),
        validators=[max_length(2000)],
        description=_l("Required when rejecting: the applicant reads it in the email."),
    )


# -- returns ----------------------------------------------------------------------------------


class StepForm(StoreForm):
    """An action with nothing to type (goods received, retry a refund)."""


def rejection_reason_needed() -> str:
    return _("Say why the return is rejected: the shopper reads it.")


# -- refunds ----------------------------------------------------------------------------------

#: why the store refunds (Refund.reason)
REFUND_REASONS = {
    "return": _l("Returned goods"),
    "parcel_cancelled": _l("Parcel cancelled"),
    "amount_mismatch": _l("Paid a different amount"),
    "paid_twice": _l("Paid twice"),
    "stock_gone": _l("Paid after the stock was gone"),
}


def refund_retry_refused(error: InvalidTransition) -> str:
    if error.params.get("status") == "sending":
        return _("This refund is being sent to Stripe right now. Check again in a minute.")
    return _("This refund is no longer waiting: nothing was sent again.")


# -- payouts ----------------------------------------------------------------------------------


def twd(dollars: int) -> str:
    return format_whole_money(dollars, "TWD", display_locale())


class PayoutForm(StoreForm):
    amount_twd = WholeNumberField(
        _l("Amount (NT$)"),
        validators=[required()],
        description=_l("Whole New Taiwan dollars, as transferred."),
    )
    bank_reference = StringField(
        _l("Bank reference"),
        validators=[required(), max_length(64)],
        description=_l("The reference of the transfer on the bank statement."),
    )
    paid_on = DayField(_l("Date of the transfer"), validators=[required()], default=clock.today)
    #: what was payable when the page was shown: a second send of the same form is refused
    payable_seen = HiddenField()

    @property
    def payable_shown(self) -> int | None:
        text = (self.payable_seen.data or "").strip()
        return int(text) if text.lstrip("-").isdigit() else None

    def show_error(self, error: PayoutRefused) -> None:
        payable = error.params.get("payable", 0)
        if error.code == "payout.reference":
            field = self.bank_reference
            text = _("Enter the bank's reference for the transfer (at most 64 characters).")
        elif error.code == "payout.changed":
            field = self.amount_twd
            text = _(
                "What is payable changed while this page was open (it is now %(payable)s): "
                "check the payouts below before recording this one.",
                payable=twd(payable),
            )
        elif payable <= 0:
            field = self.amount_twd
            text = _("Nothing is payable to this vendor now.")
        else:
            field = self.amount_twd
            text = _(
                "Enter a whole number of dollars from %(least)s to %(payable)s (what is payable "
                "now).",
                least=twd(1),
                payable=twd(payable),
            )
        field.errors = [*field.errors, text]
