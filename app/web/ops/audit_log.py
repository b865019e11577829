"""The audit log: who changed what and when, newest first, filtered by person, kind of action
and Taipei dates, a page at a time."""

from __future__ import annotations

from flask import render_template, request

from app.services import audit_log
from app.services.errors import AuditFilterRefused
from app.web.access import operator
from app.web.ops import audit_view
from app.web.ops.insight_forms import AuditFilterForm
from app.web.ops.routes import bp


@bp.get("/audit")
@operator
def audit_page():
    form = AuditFilterForm(formdata=request.args)
    form.offer(audit_log.people(), audit_log.actions())
    page = None
    if form.validate():
        filters = audit_log.Filters(
            actor=form.actor, action=form.action, first=form.date_from.data, last=form.date_to.data
        )
        try:
            page = audit_log.browse(filters, request.args.get("after"), request.args.get("before"))
        except AuditFilterRefused as error:
            form.show(error)
    return render_template(
        "ops/audit.html", form=form, page=page, changes=audit_view.changes, extra=audit_view.extra
    )
