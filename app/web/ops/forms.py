from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, TextAreaField

from app.web.forms import StoreForm
from app.web.validators import max_length


class DecisionForm(StoreForm):
    decision = HiddenField()
    reason = TextAreaField(
        _l("Reason"),
        validators=[max_length(2000)],
        description=_l("Required when rejecting: the applicant reads it in the email."),
    )
