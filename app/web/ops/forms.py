from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, TextAreaField

from app.web.validators import max_length


class DecisionForm(FlaskForm):
    decision = HiddenField()
    reason = TextAreaField(
        _l("Reason"),
        validators=[max_length(2000)],
        description=_l("Required when rejecting: the applicant reads it in the email."),
    )
