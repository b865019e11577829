"""Returns waiting on vendors: operators see every open return (those a vendor has left for
more than 3 days first) and decide or confirm receipt in the vendor's place."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import format_timedelta
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.models import ReturnRequest
from app.services.errors import InvalidTransition, ReturnRefused
from app.services.orders import oversight
from app.transaction import unit_of_work
from app.web import labels
from app.web.access import operator
from app.web.forms import ReturnDecisionForm
from app.web.ops.forms import (
    StepForm,
    rejection_reason_needed,
)
from app.web.ops.routes import bp


def _page(refused: dict | None = None):
    """The list; `refused` maps a return's id to why its decision was refused."""
    rows = oversight.open_returns()
    return render_template(
        "ops/returns.html",
        overdue=[row for row in rows if row.overdue],
        others=[row for row in rows if not row.overdue],
        refused=refused or {},
        return_labels=labels.RETURN_STATUSES,
        # "4 days ago" as CLDR says it in the page language
        since=lambda age: format_timedelta(-age, granularity="minute", add_direction=True),
    )


def _found(return_id: int):
    requested = db.session.get(ReturnRequest, return_id)
    if requested is None:
        abort(404)
    return requested


def _back():
    return redirect(url_for("ops.returns_waiting"), code=303)


@bp.get("/returns")
@operator
def returns_waiting():
    return _page()


@bp.post("/returns/<int:return_id>/decide")
@operator
def decide_return(return_id: int):
    requested = _found(return_id)
    form = ReturnDecisionForm()
    if not form.validate_on_submit():
        return _page({requested.id: " ".join(form.note.errors)}) if form.note.errors else _back()
    if form.decision.data not in ("approve", "reject"):
        return _back()
    try:
        with unit_of_work():
            oversight.decide_return(requested, form.approve, current_user, form.note.data)
    except ReturnRefused:
        return _page({requested.id: rejection_reason_needed()})
    except InvalidTransition as error:
        flash(labels.return_move_refused(error), "error")
    else:
        flash(
            _("Return approved. The shopper was told.")
            if form.approve
            else _("Return rejected. The shopper was told why."),
            "success",
        )
    return _back()


@bp.post("/returns/<int:return_id>/receive")
@operator
def receive_return(return_id: int):
    requested = _found(return_id)
    if StepForm().validate_on_submit():
        try:
            with unit_of_work():
                oversight.receive_return(requested, current_user)
        except InvalidTransition as error:
            flash(labels.return_move_refused(error), "error")
        else:
            flash(_("Goods received. The shopper is refunded and the stock is back."), "success")
    return _back()
