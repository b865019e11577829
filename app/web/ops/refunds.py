"""Refunds in trouble: Stripe refused them (they stay pending with its error and are retried
with backoff) or their delivery gave up. An operator's "Retry" asks Stripe again at once; the
refund ledger makes sure the shopper is refunded once however often it is pressed."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.models import Refund
from app.services.errors import InvalidTransition
from app.services.orders import oversight
from app.transaction import unit_of_work
from app.web.access import operator
from app.web.ops.forms import REFUND_REASONS, StepForm, refund_retry_refused
from app.web.ops.routes import bp


@bp.get("/refunds")
@operator
def refunds_waiting():
    return render_template(
        "ops/refunds.html", rows=oversight.refunds_in_trouble(), reasons=REFUND_REASONS
    )


@bp.post("/refunds/<int:refund_id>/retry")
@operator
def retry_refund(refund_id: int):
    refund = db.session.get(Refund, refund_id)
    if refund is None:
        abort(404)
    if StepForm().validate_on_submit():
        try:
            with unit_of_work():
                oversight.retry_refund(refund, current_user)
        except InvalidTransition as error:
            flash(refund_retry_refused(error), "error")
        else:
            db.session.refresh(refund)
            if refund.status == "succeeded":
                flash(_("Refunded: Stripe accepted the refund."), "success")
            else:
                flash(_("Sent to Stripe again. If it is refused again it stays here."), "info")
    return redirect(url_for("ops.refunds_waiting"), code=303)
