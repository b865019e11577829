"""What the store owes vendors, and the bank transfers operators record against it (Taiwan
is not a Stripe Connect country: payouts are made by bank and recorded here)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.models import Vendor
from app.services.errors import PayoutRefused
from app.services.orders import earnings, oversight
from app.transaction import unit_of_work
from app.web.access import operator
from app.web.ops.forms import PayoutForm, twd
from app.web.ops.routes import bp


@bp.get("/payouts")
@operator
def payouts():
    return render_template("ops/payouts.html", rows=oversight.vendor_balances())


def _vendor_page(vendor: Vendor, form: PayoutForm):
    statement = earnings.statement(vendor)
    # always what is payable now, so a form sent again after a payout is caught
    form.payable_seen.data = str(statement.balance.payable)
    return render_template("ops/payout.html", vendor=vendor, statement=statement, form=form)


@bp.route("/payouts/<int:vendor_id>", methods=["GET", "POST"])
@operator
def vendor_payouts(vendor_id: int):
    vendor = db.session.get(Vendor, vendor_id)
    if vendor is None:
        abort(404)
    form = PayoutForm()
    if not form.validate_on_submit():
        return _vendor_page(vendor, form)
    try:
        with unit_of_work():
            payout = earnings.record_payout(
                vendor,
                form.amount_twd.data,
                form.bank_reference.data,
                form.paid_on.data,
                current_user,
                form.payable_shown,
            )
    except PayoutRefused as error:
        form.show_error(error)
        return _vendor_page(vendor, form)
    flash(
        _(
            "Recorded a payout of %(amount)s to %(vendor)s.",
            amount=twd(payout.amount_twd),
            vendor=vendor.name_en,
        ),
        "success",
    )
    return redirect(url_for("ops.vendor_payouts", vendor_id=vendor.id), code=303)
