"""A zone's products in the operators' console: search as you type (the store's own search,
through htmx; a plain form without JavaScript), add, put in order, remove.

The order is one form: its Move up / Move down / Remove buttons post it to their own URLs
(formaction), and a drag and drop (SortableJS) posts the whole new order to its action.
Every change redirects back to the page (303), so a reload never repeats it.
"""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.domain.ids import parse_id
from app.services import clock, reference, zone_admin, zone_curation
from app.services.errors import CurationRefused
from app.services.shopper import Shopper
from app.transaction import unit_of_work
from app.web.access import operator
from app.web.htmx import render_page_or_block
from app.web.i18n import current_language
from app.web.ops.routes import bp
from app.web.ops.zone_forms import HIDDEN_REASONS, AddProductForm, OrderForm, curation_refused
from app.web.ops.zones import zone_or_404


def _searcher(zone) -> Shopper:
    """Search as a shopper of the zone's first market reads the page's language (prices in
    that market's currency, its halal rules)."""
    ref = reference.get()
    codes = sorted(m.market_code for m in zone.markets if m.market_code in ref.markets)
    market = ref.markets[codes[0]] if codes else next(iter(ref.markets.values()))
    return Shopper(
        content_locale=current_language().content, market=market, ref=ref, today=clock.today()
    )


def _back(zone, query: str | None = None):
    return redirect(url_for("ops.zone_products", zone_id=zone.id, q=query or None), code=303)


@bp.get("/zones/<int:zone_id>/products")
@operator
def zone_products(zone_id: int):
    """The page; an htmx request as the operator types gets only the search results."""
    zone = zone_or_404(zone_id)
    query = request.args.get("q", "")[:200]
    who = _searcher(zone)
    return render_page_or_block(
        "ops/zone_products.html",
        "candidates",
        zone=zone,
        title=zone_admin.title(zone, who.content_locale),
        query=query,
        candidates=zone_curation.candidates(zone, query, who),
        products=zone_curation.products(zone, who.content_locale),
        add_form=AddProductForm(),
        order_form=OrderForm(),
        hidden_reasons=HIDDEN_REASONS,
    )


def _act(zone, change, done: str, query: str | None = None):
    try:
        with unit_of_work():
            change()
    except CurationRefused as error:
        flash(curation_refused(error), "error")
    else:
        flash(done, "success")
    return _back(zone, query)


@bp.post("/zones/<int:zone_id>/products")
@operator
def add_zone_product(zone_id: int):
    zone = zone_or_404(zone_id)
    form = AddProductForm()
    product_id = parse_id(form.product.data)
    if not form.validate_on_submit() or product_id is None:
        return _back(zone, form.q.data)
    return _act(
        zone,
        lambda: zone_curation.add(zone, product_id, current_user),
        _("Added to the zone, at the end."),
        form.q.data,
    )


@bp.post("/zones/<int:zone_id>/products/<int:product_id>/move")
@operator
def move_zone_product(zone_id: int, product_id: int):
    zone = zone_or_404(zone_id)
    form = OrderForm()
    offset = {"up": -1, "down": 1}.get(form.direction.data)
    if not form.validate_on_submit() or offset is None:
        return _back(zone)
    return _act(
        zone,
        lambda: zone_curation.move(zone, product_id, offset, current_user),
        _("Moved up.") if offset < 0 else _("Moved down."),
    )


@bp.post("/zones/<int:zone_id>/products/order")
@operator
def reorder_zone_products(zone_id: int):
    zone = zone_or_404(zone_id)
    form = OrderForm()
    wanted = [parse_id(value) for value in request.form.getlist("order")]
    if not form.validate_on_submit() or None in wanted:
        return _back(zone)
    return _act(
        zone,
        lambda: zone_curation.reorder(zone, wanted, current_user),
        _("New order saved."),
    )


@bp.post("/zones/<int:zone_id>/products/<int:product_id>/remove")
@operator
def remove_zone_product(zone_id: int, product_id: int):
    zone = zone_or_404(zone_id)
    if not OrderForm().validate_on_submit():
        return _back(zone)
    return _act(
        zone,
        lambda: zone_curation.remove(zone, product_id, current_user),
        _("Removed from the zone."),
    )
