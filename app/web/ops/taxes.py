"""Import-tax rules per market and duty rates per category in the operators' console: list,
add, edit, end-date. A change holds for carts priced after it; placed orders keep the tax
lines they were charged (services.tax_rules)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.models import TaxRule
from app.services import clock, reference, tax_rules
from app.services.errors import RulesRefused
from app.transaction import unit_of_work
from app.web.access import operator
from app.web.context import category_name
from app.web.ops.routes import bp
from app.web.ops.rule_forms import (
    APPLIES_LABELS,
    KIND_LABELS,
    DutyRateForm,
    EndRuleForm,
    TaxRuleForm,
    percent_fraction,
    show_problems,
)


@bp.get("/taxes")
@operator
def tax_rules_list():
    return render_template(
        "ops/taxes.html",
        rules=tax_rules.rules_by_market(),
        markets={m.code: m for m in tax_rules.markets()},
        today=clock.today(),
        kind_labels=KIND_LABELS,
        applies_labels=APPLIES_LABELS,
    )


def _rule_page(form: TaxRuleForm, rule: TaxRule | None, end_form: EndRuleForm | None = None):
    return render_template(
        "ops/tax_rule.html",
        form=form,
        rule=rule,
        end_form=end_form or EndRuleForm(formdata=None, prefix="end"),
    )


def _save(form: TaxRuleForm, rule: TaxRule | None):
    draft = form.to_draft(rule.id if rule else None)
    if draft is None:
        return None
    try:
        with unit_of_work():
            return tax_rules.save(draft, rule, current_user)
    except RulesRefused as refused:
        show_problems(form, refused.problems, {"uses_category_rate": "uses_category_rate"})
        return None


@bp.route("/taxes/new", methods=["GET", "POST"])
@operator
def new_tax_rule():
    form = TaxRuleForm().prepare(tax_rules.markets())
    if request.method == "GET" and request.args.get("market"):
        form.market.data = request.args["market"]
    if form.validate_on_submit():
        saved = _save(form, None)
        if saved is not None:
            flash(
                _("Added “%(name)s” in %(market)s.", name=saved.name, market=saved.market_code),
                "success",
            )
            return redirect(url_for("ops.tax_rules_list", _anchor=saved.market_code), code=303)
    return _rule_page(form, None)


def _rule(rule_id: int) -> TaxRule:
    rule = db.session.get(TaxRule, rule_id)
    if rule is None:
        abort(404)
    return rule


@bp.route("/taxes/<int:rule_id>", methods=["GET", "POST"])
@operator
def edit_tax_rule(rule_id: int):
    rule = _rule(rule_id)
    form = TaxRuleForm(formdata=request.form if request.method == "POST" else None)
    form.prepare(tax_rules.markets())
    if request.method == "GET":
        form.fill(rule)
    elif form.validate() and _save(form, rule) is not None:
        flash(
            _("Saved “%(name)s” in %(market)s.", name=rule.name, market=rule.market_code), "success"
        )
        return redirect(url_for("ops.tax_rules_list", _anchor=rule.market_code), code=303)
    return _rule_page(form, rule)


@bp.post("/taxes/<int:rule_id>/end")
@operator
def end_tax_rule(rule_id: int):
    rule = _rule(rule_id)
    end_form = EndRuleForm(prefix="end")
    if end_form.validate_on_submit():
        try:
            with unit_of_work():
                tax_rules.end(rule, end_form.valid_to.data, current_user)
        except RulesRefused as refused:
            show_problems(end_form, refused.problems)
        else:
            flash(
                _(
                    "“%(name)s” ends after %(day)s.",
                    name=rule.name,
                    day=rule.valid_to.isoformat(),
                ),
                "success",
            )
            return redirect(url_for("ops.tax_rules_list", _anchor=rule.market_code), code=303)
    form = TaxRuleForm(formdata=None).prepare(tax_rules.markets())
    form.fill(rule)
    return _rule_page(form, rule, end_form)


# -- duty rates per category --------------------------------------------------------------------


@bp.route("/duty-rates", methods=["GET", "POST"])
@operator
def duty_rates():
    codes, rows = tax_rules.duty_table()
    form = DutyRateForm()
    form.market.choices = [(code, code) for code in codes]
    ref = reference.get()
    names = {info.id: category_name(info).value for info in ref.categories_in_order()}
    form.category.choices = [
        (row.category.id, names.get(row.category.id, row.category.slug)) for row in rows
    ]
    if form.validate_on_submit():
        try:
            with unit_of_work():
                changed = tax_rules.set_duty_rate(
                    form.market.data,
                    form.category.data,
                    percent_fraction(form.rate.data),
                    current_user,
                )
        except RulesRefused as refused:
            show_problems(form, refused.problems)
        else:
            if changed:
                flash(_("Duty rate saved."), "success")
            return redirect(url_for("ops.duty_rates"), code=303)
    return render_template(
        "ops/duty_rates.html", form=form, codes=codes, rows=rows, category_names=names
    )
