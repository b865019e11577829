"""Markets, money and rules in the operators' console: store settings, exchange rates,
shipping rates per market and the halal certifying bodies. Tax rules and duty rates are in
taxes.py. Each form is checked on the server, its problems shown under their fields, and each
change audited by the service that makes it."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.domain.store_settings import DEFAULT_COMMISSION_BP, HOLD_NEW_LISTINGS
from app.extensions import db
from app.models import HalalBody, Market
from app.services import markets, rates, settings
from app.services.errors import RulesRefused
from app.transaction import unit_of_work
from app.web.access import operator
from app.web.ops.routes import bp
from app.web.ops.rule_forms import (
    HalalBodyForm,
    RateForm,
    SettingsForm,
    ShippingForm,
    show_problems,
)

# -- store settings -----------------------------------------------------------------------------


@bp.route("/settings", methods=["GET", "POST"])
@operator
def store_settings():
    form = SettingsForm()
    values = settings.all_values()
    if request.method == "GET":
        form.fill(values[HOLD_NEW_LISTINGS.key], values[DEFAULT_COMMISSION_BP.key])
    if form.validate_on_submit():
        commission, found = form.basis_points()
        try:
            if found:
                raise RulesRefused(found)
            with unit_of_work():
                changed = settings.change(
                    {
                        HOLD_NEW_LISTINGS: form.hold_new_listings.data,
                        DEFAULT_COMMISSION_BP: commission,
                    },
                    current_user,
                )
        except RulesRefused as refused:
            show_problems(
                form,
                refused.problems,
                {
                    "commission": "default_commission",
                    DEFAULT_COMMISSION_BP.key: "default_commission",
                },
            )
        else:
            if changed:
                flash(_("Settings saved."), "success")
            return redirect(url_for("ops.store_settings"), code=303)
    return render_template("ops/settings.html", form=form, values=values)


# -- exchange rates -----------------------------------------------------------------------------


def _rates_page(form: RateForm):
    return render_template("ops/rates.html", form=form, rows=rates.overview())


@bp.route("/rates", methods=["GET", "POST"])
@operator
def exchange_rates():
    form = RateForm()
    form.currency.choices = [
        (code, f"{code} ({', '.join(used_by)})") for code, used_by in rates.currencies().items()
    ]
    if not form.validate_on_submit():
        return _rates_page(form)
    try:
        with unit_of_work():
            added = rates.add(form.currency.data, form.rate.data, form.as_of.data, current_user)
    except RulesRefused as refused:
        show_problems(form, refused.problems)
        return _rates_page(form)
    flash(
        _(
            "Saved: NT$1 = %(rate)s %(currency)s from %(day)s. Carts priced from then on use it.",
            rate=added.rate,
            currency=added.currency_code,
            day=added.as_of.isoformat(),
        ),
        "success",
    )
    return redirect(url_for("ops.exchange_rates"), code=303)


# -- shipping -----------------------------------------------------------------------------------


def _shipping_page(failed: Market | None = None, failed_form: ShippingForm | None = None):
    rows = []
    for market, rate in markets.shipping_rates():
        if failed is not None and market.code == failed.code:
            form = failed_form
        else:
            form = ShippingForm(formdata=None, prefix=market.code)
            if rate is not None:
                form.first_kg_twd.data = rate.first_kg_twd
                form.extra_kg_twd.data = rate.extra_kg_twd
        rows.append((market, rate, form))
    return render_template("ops/shipping.html", rows=rows)


@bp.get("/shipping")
@operator
def shipping_rates():
    return _shipping_page()


@bp.post("/shipping/<market_code>")
@operator
def set_shipping(market_code: str):
    market = db.session.get(Market, market_code.upper()[:2])
    if market is None:
        abort(404)
    form = ShippingForm(prefix=market.code)
    if not form.validate_on_submit():
        return _shipping_page(market, form)
    try:
        with unit_of_work():
            changed = markets.set_shipping(
                market, form.first_kg_twd.data, form.extra_kg_twd.data, current_user
            )
    except RulesRefused as refused:
        show_problems(form, refused.problems)
        return _shipping_page(market, form)
    if changed:
        flash(_("Shipping to %(market)s saved.", market=market.code), "success")
    return redirect(url_for("ops.shipping_rates"), code=303)


# -- halal certifying bodies --------------------------------------------------------------------


def _save_body(form: HalalBodyForm, body: HalalBody | None) -> HalalBody | None:
    try:
        with unit_of_work():
            return markets.save_halal_body(
                body,
                form.code.data,
                form.name.data,
                form.country.data,
                form.recognised.data,
                current_user,
            )
    except RulesRefused as refused:
        show_problems(form, refused.problems)
        return None


@bp.route("/halal", methods=["GET", "POST"])
@operator
def halal_bodies():
    form = HalalBodyForm()
    if form.validate_on_submit():
        body = _save_body(form, None)
        if body is not None:
            flash(_("Added %(code)s.", code=body.code), "success")
            return redirect(url_for("ops.halal_bodies"), code=303)
    return render_template("ops/halal.html", form=form, bodies=markets.halal_bodies())


@bp.route("/halal/<int:body_id>", methods=["GET", "POST"])
@operator
def edit_halal_body(body_id: int):
    body = db.session.get(HalalBody, body_id)
    if body is None:
        abort(404)
    form = HalalBodyForm(obj=body if request.method == "GET" else None)
    if request.method == "GET":
        form.recognised.data = body.recognised_by_jakim
    if form.validate_on_submit() and _save_body(form, body) is not None:
        flash(_("Saved %(code)s.", code=body.code), "success")
        return redirect(url_for("ops.halal_bodies"), code=303)
    return render_template("ops/halal_body.html", form=form, body=body)
