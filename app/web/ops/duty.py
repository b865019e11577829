"""Duty rates by HS code per market in the operators' console: the rates still to be
confirmed listed first; add, edit, confirm, end-date, each audited (services.duty_rates); and
per market and category a notice shown before payment, or a stop.
A change holds for carts priced after it; placed orders keep the lines they were charged."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import BooleanField, StringField, TextAreaField

from app.domain import duty_rates as rules
from app.domain.duty_rates import DutyRateDraft
from app.extensions import db
from app.models import DutyRate
from app.services import clock, reference
from app.services import duty_rates as service
from app.services.errors import RulesRefused
from app.transaction import unit_of_work
from app.web.access import operator
from app.web.context import category_name
from app.web.forms import StoreForm
from app.web.ops.routes import bp
from app.web.ops.rule_forms import (
    ChoiceField,
    DecimalTextField,
    EndRuleForm,
    optional_int,
    percent_fraction,
    show_problems,
)
from app.web.validators import DayField, max_length, optional, required


class HsDutyRateForm(StoreForm):
    market = ChoiceField(_l("Market"))
    hs_prefix = StringField(
        _l("HS code prefix"),
        validators=[max_length(13)],
        description=_l(
            "A chapter (09), heading (0902) or subheading (0902.30): goods whose code starts "
            "with it pay this rate; the longest matching prefix wins."
        ),
    )
    rate = DecimalTextField(_l("Duty rate (%)"), validators=[required()], example="90")
    tax_rate = DecimalTextField(
        _l("Sales tax class (%)"),
        validators=[optional()],
        example="5",
        description=_l(
            "Only where a tax goes by heading (Malaysia: 0 exempt, 5 or 10). Leave empty for "
            "the tax rule's own rate."
        ),
    )
    confirmed = BooleanField(_l("Checked in the market's official tariff"))
    note = TextAreaField(_l("Source and note"), validators=[max_length(rules.NOTE_MAX)])
    valid_from = DayField(_l("First day"), validators=[required()], default=clock.today)
    valid_to = DayField(
        _l("Last day"),
        validators=[optional()],
        description=_l("Leave empty while the rate has no end."),
    )

    def fill(self, row: DutyRate) -> None:
        self.market.data = row.market_code
        self.hs_prefix.data = rules.display_hs(row.hs_prefix)
        self.rate.data = (row.rate * 100).normalize()
        self.tax_rate.data = (row.tax_rate * 100).normalize() if row.tax_rate is not None else None
        self.confirmed.data = row.confirmed
        self.note.data = row.note
        self.valid_from.data = row.valid_from
        self.valid_to.data = row.valid_to

    def to_draft(self) -> DutyRateDraft:
        return DutyRateDraft(
            market=self.market.data or "",
            hs_prefix=self.hs_prefix.data or "",
            rate=percent_fraction(self.rate.data),
            tax_rate=percent_fraction(self.tax_rate.data),
            valid_from=self.valid_from.data,
            valid_to=self.valid_to.data,
            confirmed=bool(self.confirmed.data),
            note=self.note.data or "",
        )


def _form(**kwargs) -> HsDutyRateForm:
    form = HsDutyRateForm(**kwargs)
    form.market.choices = [(code, code) for code in service.market_codes()]
    return form


def _row(rate_id: int) -> DutyRate:
    row = db.session.get(DutyRate, rate_id)
    if row is None:
        abort(404)
    return row


@bp.get("/duty-rates/hs")
@operator
def hs_duty_rates():
    return render_template(
        "ops/hs_duty_rates.html",
        rows=service.listing(),
        today=clock.today(),
        display_hs=rules.display_hs,
    )


def _page(form: HsDutyRateForm, row: DutyRate | None, end_form: EndRuleForm | None = None):
    return render_template(
        "ops/hs_duty_rate.html",
        form=form,
        row=row,
        end_form=end_form or EndRuleForm(formdata=None, prefix="end"),
        display_hs=rules.display_hs,
    )


def _save(form: HsDutyRateForm, row: DutyRate | None) -> DutyRate | None:
    try:
        with unit_of_work():
            return service.save(form.to_draft(), row, current_user)
    except RulesRefused as refused:
        show_problems(form, refused.problems)
        return None


@bp.route("/duty-rates/hs/new", methods=["GET", "POST"])
@operator
def new_hs_duty_rate():
    form = _form()
    if form.validate_on_submit():
        saved = _save(form, None)
        if saved is not None:
            flash(_("Duty rate saved."), "success")
            return redirect(url_for("ops.hs_duty_rates"), code=303)
    return _page(form, None)


@bp.route("/duty-rates/hs/<int:rate_id>", methods=["GET", "POST"])
@operator
def edit_hs_duty_rate(rate_id: int):
    row = _row(rate_id)
    form = _form(formdata=request.form if request.method == "POST" else None)
    if request.method == "GET":
        form.fill(row)
    elif form.validate() and _save(form, row) is not None:
        flash(_("Duty rate saved."), "success")
        return redirect(url_for("ops.hs_duty_rates"), code=303)
    return _page(form, row)


@bp.post("/duty-rates/hs/<int:rate_id>/confirm")
@operator
def confirm_hs_duty_rate(rate_id: int):
    row = _row(rate_id)
    with unit_of_work():
        changed = service.confirm(row, current_user)
    if changed:
        flash(
            _(
                "Confirmed %(market)s %(code)s.",
                market=row.market_code,
                code=rules.display_hs(row.hs_prefix),
            ),
            "success",
        )
    return redirect(url_for("ops.hs_duty_rates"), code=303)


@bp.post("/duty-rates/hs/<int:rate_id>/end")
@operator
def end_hs_duty_rate(rate_id: int):
    row = _row(rate_id)
    end_form = EndRuleForm(prefix="end")
    if end_form.validate_on_submit():
        try:
            with unit_of_work():
                service.end(row, end_form.valid_to.data, current_user)
        except RulesRefused as refused:
            show_problems(end_form, refused.problems)
        else:
            flash(
                _(
                    "%(market)s %(code)s ends after %(day)s.",
                    market=row.market_code,
                    code=rules.display_hs(row.hs_prefix),
                    day=row.valid_to.isoformat(),
                ),
                "success",
            )
            return redirect(url_for("ops.hs_duty_rates"), code=303)
    form = _form(formdata=None)
    form.fill(row)
    return _page(form, row, end_form)


# -- notices and stops per market and category --------------------------------------------------

#: form field → content locale of a notice
NOTICE_LOCALES = {
    "notice_en": "en",
    "notice_th": "th",
    "notice_ms": "ms",
    "notice_zh_hant": "zh_Hant",
}


class RestrictionForm(StoreForm):
    market = ChoiceField(_l("Market"))
    category = ChoiceField(_l("Category"), coerce=optional_int)
    blocked = BooleanField(_l("Do not ship this category to this market"))
    notice_en = TextAreaField(_l("Notice in English"), validators=[max_length(rules.NOTE_MAX)])
    notice_th = TextAreaField(_l("Notice in Thai"), validators=[max_length(rules.NOTE_MAX)])
    notice_ms = TextAreaField(_l("Notice in Malay"), validators=[max_length(rules.NOTE_MAX)])
    notice_zh_hant = TextAreaField(_l("Notice in Chinese"), validators=[max_length(rules.NOTE_MAX)])


@bp.route("/duty-rates/restrictions", methods=["GET", "POST"])
@operator
def category_restrictions():
    ref = reference.get()
    names = {info.id: category_name(info).value for info in ref.categories_in_order()}
    form = RestrictionForm()
    form.market.choices = [(code, code) for code in service.market_codes()]
    form.category.choices = list(names.items())
    if form.validate_on_submit():
        notice = {locale: getattr(form, name).data or "" for name, locale in NOTICE_LOCALES.items()}
        try:
            with unit_of_work():
                changed = service.set_restriction(
                    form.market.data, form.category.data, notice, form.blocked.data, current_user
                )
        except RulesRefused as refused:
            show_problems(form, refused.problems)
        else:
            if changed:
                flash(_("Saved what the market asks of the category."), "success")
            return redirect(url_for("ops.category_restrictions"), code=303)
    return render_template(
        "ops/category_restrictions.html",
        form=form,
        rows=service.restrictions(),
        category_names=names,
    )
