"""Catalog moderation in the operators' console: the review queue, every product searched and
filtered, one product with its decisions (approve, reject with a reason, remove at once,
restore), and a vendor's standing (suspend, reinstate) and commission."""

from __future__ import annotations

from decimal import Decimal

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.extensions import db
from app.models import Vendor
from app.services import reference, settings, vendor_standing
from app.services.catalog import moderation
from app.services.catalog.portal import product_name
from app.services.errors import ModerationRefused, RulesRefused
from app.transaction import unit_of_work
from app.web import labels
from app.web.access import operator
from app.web.i18n import current_language
from app.web.ops.routes import bp
from app.web.ops.rule_forms import CommissionForm, ModerationForm, StandingForm, show_problems
from app.web.params import id_arg

DONE = {
    "approve": _l("Approved: shoppers see “%(name)s” now."),
    "reject": _l("Rejected “%(name)s”. The vendor reads your reason in the portal."),
    "remove": _l("Removed “%(name)s” from the store."),
    "restore": _l("Restored “%(name)s”."),
}


def _name(product) -> str:
    return product_name(product, current_language().content)


def _state_refused(status: str) -> str:
    return _(
        "Nothing was changed: this listing is now “%(status)s” (perhaps decided in another tab).",
        status=labels.PRODUCT_STATUSES.get(status, status),
    )


@bp.get("/review")
@operator
def review_queue():
    products, next_after = moderation.queue(id_arg("after"))
    return render_template(
        "ops/review.html",
        products=products,
        next_after=next_after,
        waiting=moderation.waiting_count(),
        holding=settings.hold_new_listings(),
        name_of=_name,
        categories=reference.get().categories,
        form=ModerationForm(),
    )


@bp.get("/products")
@operator
def products():
    wanted = moderation.ProductFilter.of(
        request.args.get("q"), request.args.get("status"), id_arg("vendor")
    )
    found, next_after = moderation.find(wanted, id_arg("after"))
    vendor = db.session.get(Vendor, wanted.vendor_id) if wanted.vendor_id else None
    return render_template(
        "ops/products.html",
        products=found,
        next_after=next_after,
        wanted=wanted,
        vendor=vendor,
        statuses=moderation.STATUSES,
        name_of=_name,
    )


def _product_page(product, form: ModerationForm, status: int = 200):
    return (
        render_template(
            "ops/product.html",
            product=product,
            form=form,
            name_of=_name,
            category=reference.get().categories.get(product.category_id),
        ),
        status,
    )


@bp.get("/products/<int:product_id>")
@operator
def product(product_id: int):
    found = moderation.product(product_id)
    if found is None:
        abort(404)
    return _product_page(found, ModerationForm())


@bp.post("/products/<int:product_id>/moderate")
@operator
def moderate_product(product_id: int):
    found = moderation.product(product_id)
    if found is None:
        abort(404)
    form = ModerationForm()
    decision = form.decision.data
    if not form.validate_on_submit() or decision not in DONE:
        return _product_page(found, form, 200 if decision in DONE else 400)
    try:
        with unit_of_work():
            if decision == "approve":
                moderation.approve(found, current_user)
            elif decision == "reject":
                moderation.reject(found, current_user, form.reason.data)
            elif decision == "remove":
                moderation.remove(found, current_user, form.reason.data)
            else:
                moderation.restore(found, current_user)
    except ModerationRefused as error:
        if error.code == "reason.required":
            form.reason.errors = [_("Say why: the vendor reads it in the portal.")]
            return _product_page(found, form)
        flash(_state_refused(error.params.get("status", "")), "error")
    else:
        flash(str(DONE[decision]) % {"name": _name(found)}, "success")
    back = request.form.get("back")
    if back == "queue":
        return redirect(url_for("ops.review_queue"), code=303)
    return redirect(url_for("ops.product", product_id=found.id), code=303)


# -- a vendor's standing and commission ---------------------------------------------------------


def _vendor(vendor_id: int) -> Vendor:
    vendor = db.session.get(Vendor, vendor_id)
    if vendor is None:
        abort(404)
    return vendor


def _account_page(vendor: Vendor, commission: CommissionForm, standing: StandingForm):
    return render_template(
        "ops/vendor_account.html",
        vendor=vendor,
        commission_form=commission,
        standing_form=standing,
        default_rate=Decimal(settings.default_commission_bp()).scaleb(-4),
        charged_rate=Decimal(vendor_standing.commission_bp(vendor)).scaleb(-4),
    )


@bp.route("/vendors/<int:vendor_id>/account", methods=["GET", "POST"])
@operator
def vendor_account(vendor_id: int):
    vendor = _vendor(vendor_id)
    form = CommissionForm()
    if request.method == "GET":
        form.fill(vendor.commission_bp)
    if not form.validate_on_submit():
        return _account_page(vendor, form, StandingForm(formdata=None))
    bp_value, found = form.basis_points()
    if found:
        show_problems(form, found)
        return _account_page(vendor, form, StandingForm(formdata=None))
    try:
        with unit_of_work():
            changed = vendor_standing.set_commission(vendor, bp_value, current_user)
    except RulesRefused as refused:
        show_problems(form, refused.problems)
        return _account_page(vendor, form, StandingForm(formdata=None))
    if changed:
        flash(_("Commission saved. Sales paid from now on are charged at it."), "success")
    return redirect(url_for("ops.vendor_account", vendor_id=vendor.id), code=303)


@bp.post("/vendors/<int:vendor_id>/standing")
@operator
def vendor_standing_decision(vendor_id: int):
    vendor = _vendor(vendor_id)
    form = StandingForm()
    if not form.validate_on_submit() or form.decision.data not in ("suspend", "reinstate"):
        return _account_page(vendor, CommissionForm(formdata=None), form)
    try:
        with unit_of_work():
            if form.decision.data == "suspend":
                vendor_standing.suspend(vendor, current_user, form.reason.data)
            else:
                vendor_standing.reinstate(vendor, current_user)
    except ModerationRefused as error:
        if error.code == "reason.required":
            form.reason.errors = [_("Say why: the vendor reads it in the portal.")]
            return _account_page(vendor, CommissionForm(formdata=None), form)
        flash(
            _(
                "Nothing was changed: this vendor is now “%(status)s”.",
                status=labels.VENDOR_STATUSES.get(vendor.status, vendor.status),
            ),
            "error",
        )
    else:
        flash(
            _(
                "Suspended %(vendor)s: its shop and products are hidden from shoppers.",
                vendor=vendor.name_en,
            )
            if form.decision.data == "suspend"
            else _(
                "Reinstated %(vendor)s: its shop and listed products are back.",
                vendor=vendor.name_en,
            ),
            "success",
        )
    return redirect(url_for("ops.vendor_account", vendor_id=vendor.id), code=303)
