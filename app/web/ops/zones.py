"""Featured zones in the operators' console: the list, the zone form (new and edit), the
preview as a shopper would see the zone, and what shoppers did with each zone."""

from __future__ import annotations

from flask import abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.domain import zone_rules
from app.domain.zone_rules import ZoneDraft
from app.services import clock, reference, zone_admin, zone_stats, zones
from app.services.errors import NotFound, ZoneRefused
from app.services.shopper import Shopper
from app.transaction import unit_of_work
from app.web.access import operator
from app.web.context import market_name
from app.web.i18n import current_language
from app.web.ops.analytics import PERIODS, period_asked
from app.web.ops.routes import bp
from app.web.ops.zone_forms import (
    ACCENT_LABELS,
    SCHEDULE_LABELS,
    ZONE_LOCALES,
    ZoneForm,
)


def _markets() -> list[tuple[str, str]]:
    return [(code, market_name(code)) for code in reference.get().markets]


def zone_or_404(zone_id: int):
    """The zone, for any of its pages (404 for no such zone)."""
    try:
        return zone_admin.find(zone_id)
    except NotFound:
        abort(404)


@bp.get("/zones")
@operator
def zones_list():
    return render_template(
        "ops/zones.html",
        rows=zone_admin.overview(clock.now(), current_language().content),
        schedule_labels=SCHEDULE_LABELS,
        accent_labels=ACCENT_LABELS,
    )


def _form_page(form: ZoneForm, zone=None):
    return render_template(
        "ops/zone_form.html",
        form=form,
        zone=zone,
        locales=ZONE_LOCALES,
        falls_back=zone_admin.falls_back(zone) if zone is not None else [],
    )


@bp.route("/zones/new", methods=["GET", "POST"])
@operator
def new_zone():
    if request.method == "GET":
        return _form_page(ZoneForm.of(ZoneDraft(slug="", starts_at=clock.now()), _markets()))
    form = ZoneForm(_markets())
    if form.validate_on_submit():
        try:
            with unit_of_work():
                zone = zone_admin.create(
                    form.draft(), current_user, form.upload(), current_app.config["MEDIA_ROOT"]
                )
        except ZoneRefused as error:
            form.show(error.problems)
        else:
            flash(_("Zone created. Now add its products."), "success")
            return redirect(url_for("ops.zone_products", zone_id=zone.id), code=303)
    # refused: the form again with its messages (200: htmx swaps only successful answers)
    return _form_page(form)


@bp.route("/zones/<int:zone_id>", methods=["GET", "POST"])
@operator
def edit_zone(zone_id: int):
    zone = zone_or_404(zone_id)
    if request.method == "GET":
        return _form_page(ZoneForm.of(zone_admin.draft_of(zone), _markets()), zone)
    form = ZoneForm(_markets())
    if form.validate_on_submit():
        try:
            with unit_of_work():
                changed = zone_admin.update(
                    zone,
                    form.draft(),
                    current_user,
                    form.upload(),
                    form.remove_banner.data,
                    current_app.config["MEDIA_ROOT"],
                )
        except ZoneRefused as error:
            form.show(error.problems)
        else:
            flash(_("Zone saved.") if changed else _("Nothing to save: no changes."), "success")
            return redirect(url_for("ops.edit_zone", zone_id=zone.id), code=303)
    return _form_page(form, zone)


@bp.get("/zones/<int:zone_id>/preview")
@operator
def preview_zone(zone_id: int):
    """The zone's page as a shopper of the chosen market sees it, in the URL's language,
    whether or not it runs now (its products as the storefront filters them)."""
    zone = zone_or_404(zone_id)
    ref = reference.get()
    shows_in = [m.market_code for m in zone.markets if m.market_code in ref.markets]
    code = request.args.get("market")
    if code not in ref.markets:
        code = shows_in[0] if shows_in else next(iter(ref.markets))
    g.shopper = Shopper(
        content_locale=current_language().content,
        market=ref.markets[code],
        ref=ref,
        today=clock.today(),
    )
    view, window = zones.zone_page(
        zone.id, g.shopper, after=request.args.get("after"), before=request.args.get("before")
    )
    return render_template(
        "ops/zone_preview.html",
        zone=view,
        cards=view.cards,
        window=window,
        # cards link to products without naming the zone: a preview is not a visit
        card_zone=None,
        preview_market=code,
        shows_here=code in shows_in,
        shows_in=shows_in,
        zone_id=zone.id,
        starts_at=zone.starts_at,
        schedule=zone_rules.schedule(zone.starts_at, zone.ends_at, clock.now()),
        schedule_labels=SCHEDULE_LABELS,
    )


@bp.get("/zones/stats")
@operator
def zone_stats_page():
    days, first, last = period_asked(default=30)
    rows = zone_admin.overview(clock.now(), current_language().content)
    figures = zone_stats.figures(first, last)
    return render_template(
        "ops/zone_stats.html",
        rows=rows,
        figures=figures,
        empty=zone_stats.ZoneFigures(0),
        days=days,
        periods=PERIODS,
        first=first,
        last=last,
    )
