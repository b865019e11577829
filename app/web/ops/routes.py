"""The operators' area: the vendor application queue and decisions."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.models import User, Vendor
from app.models.vendor import VendorStatus
from app.services import health, rates, reference, settings, vendor_standing, vendors
from app.services.catalog import moderation
from app.services.errors import InvalidDecision
from app.transaction import unit_of_work
from app.web.access import operator
from app.web.context import category_name
from app.web.ops.forms import DecisionForm

bp = Blueprint("ops", __name__, url_prefix="/<lang:lang>/ops", template_folder="templates")


@bp.get("/")
@operator
def home():
    """The console's first page: what needs an operator now."""
    return render_template(
        "ops/home.html",
        stale_rates=rates.stale(),
        review_waiting=moderation.waiting_count(),
        holding=settings.hold_new_listings(),
        applications=vendor_standing.count(VendorStatus.PENDING.value),
        health=health.summary(),
    )


@bp.get("/vendors")
@operator
def vendor_queue():
    status = request.args.get("status", VendorStatus.PENDING.value)
    if status not in {s.value for s in VendorStatus} | {"all"}:
        status = VendorStatus.PENDING.value
    q = (request.args.get("q") or "").strip()[:100]
    rows = vendor_standing.find(None if status == "all" else status, q)
    return render_template(
        "ops/vendors.html", rows=rows, status=status, statuses=[s.value for s in VendorStatus], q=q
    )


@bp.route("/vendors/<int:vendor_id>", methods=["GET", "POST"])
@operator
def vendor_detail(vendor_id: int):
    vendor = db.session.get(Vendor, vendor_id)
    if vendor is None:
        abort(404)
    form = DecisionForm()
    if form.validate_on_submit():
        approve = form.decision.data == "approve"
        try:
            with unit_of_work():
                vendors.decide(vendor, current_user, approve, form.reason.data)
        except InvalidDecision as error:
            if error.field == "reason":
                form.reason.errors.append(_("Give the applicant a reason for the rejection."))
            else:
                flash(_("This application was already decided."), "error")
        else:
            done = _("Approved %(vendor)s.") if approve else _("Rejected %(vendor)s.")
            flash(done % {"vendor": vendor.name_en}, "success")
            return redirect(url_for("ops.vendor_queue"), code=303)
    return _vendor_page(vendor, form)


def _vendor_page(vendor: Vendor, form: DecisionForm):
    ref = reference.get()
    return render_template(
        "ops/vendor.html",
        vendor=vendor,
        form=form,
        category_names=[category_name(ref.categories[c.id]).value for c in vendor.categories],
        decided_by=db.session.get(User, vendor.decided_by_id) if vendor.decided_by_id else None,
    )
