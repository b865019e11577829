"""Operations health: the outbox (with a retry for each failed delivery), webhooks received,
stale exchange rates, vendors waiting for a decision and returns vendors have left waiting."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import format_timedelta
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.models.outbox import OutboxMessage
from app.services import health
from app.services.errors import InvalidTransition
from app.transaction import unit_of_work
from app.web.access import operator
from app.web.ops.forms import StepForm
from app.web.ops.insight_forms import retry_refused
from app.web.ops.routes import bp


@bp.get("/health")
@operator
def health_page():
    return render_template(
        "ops/health.html",
        health=health.overview(),
        limit=health.LIMIT,
        # "4 days" as CLDR says it in the page language
        since=lambda age: format_timedelta(age, granularity="minute"),
    )


@bp.post("/health/deliveries/<int:message_id>/retry")
@operator
def retry_delivery(message_id: int):
    message = db.session.get(OutboxMessage, message_id)
    if message is None:
        abort(404)
    if StepForm().validate_on_submit():
        try:
            with unit_of_work():
                health.retry_delivery(message, current_user)
        except InvalidTransition as error:
            flash(retry_refused(error), "error")
        else:
            db.session.refresh(message)
            if message.status == "sent":
                flash(_("Sent: the delivery went through this time."), "success")
            else:
                flash(_("Queued again: it is sent with a fresh set of attempts."), "info")
    return redirect(url_for("ops.health_page"), code=303)
