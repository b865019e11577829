"""The vendor's parcels: the list (new paid ones first), one parcel with the moves its status
allows and its returns, and the packing slip.

Open to staff of vendors that are not approved too: a suspended shop still owes its shoppers
the parcels they paid for.
"""

from __future__ import annotations

import segno
from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from app.domain import carriers
from app.domain.order_states import Actor, VendorOrderStatus, vendor_order_move_allowed
from app.services.errors import FulfilmentRefused, InvalidTransition, ReturnRefused
from app.services.orders import fulfilment, returns
from app.transaction import unit_of_work
from app.web import labels
from app.web.access import vendor_staff
from app.web.forms import ReturnDecisionForm
from app.web.portal import forms
from app.web.portal.order_forms import (
    CancelForm,
    ShipForm,
    StepForm,
    decision_reason_needed,
    parcel_move_refused,
)
from app.web.portal.routes import bp, owned

#: the moves a vendor may offer from the parcel page, in the order the page shows them
MOVES = (
    VendorOrderStatus.ACCEPTED,
    VendorOrderStatus.SHIPPED,
    VendorOrderStatus.DELIVERED,
    VendorOrderStatus.CANCELLED,
)


def _back(parcel):
    return redirect(url_for("vendor.order", vendor_order_id=parcel.id), code=303)


def _parcel_page(parcel, ship=None, cancel=None, refused=None):
    """The parcel page; `refused` maps a return's id to why its decision was refused."""
    order = fulfilment.order_of(parcel)
    lines = {line.id: line for line in parcel.lines}
    return render_template(
        "portal/order.html",
        parcel=parcel,
        order=order,
        lines=list(lines.values()),
        line_of=lines,
        events=fulfilment.timeline(parcel),
        returns=[r for r in returns.of_order(order) if r.vendor_order_id == parcel.id],
        moves={to for to in MOVES if vendor_order_move_allowed(parcel.status, to, Actor.VENDOR)},
        ship=ship or ShipForm(formdata=None).prepare(order.market_code),
        cancel=cancel or CancelForm(formdata=None),
        refused=refused or {},
        return_labels=labels.RETURN_STATUSES,
        carrier_names=dict(ShipForm.carrier_choices(carriers.CARRIERS.values())),
        tracking_url=carriers.tracking_link(parcel.carrier, parcel.tracking_number),
    )


def _try(parcel, seen, done: str, action, *args) -> None:
    """Make one move in its own unit of work and say how it went."""
    try:
        with unit_of_work():
            action(parcel, *args)
    except InvalidTransition as error:
        flash(parcel_move_refused(error, seen), "error")
    else:
        flash(done, "success")


# -- the list ---------------------------------------------------------------------------------


@bp.get("/orders")
@vendor_staff(approved=False)
def orders():
    status = request.args.get("status") or None
    q = (request.args.get("q") or "").strip()[:20]
    found, next_after = fulfilment.for_vendor(g.vendor, status, q, request.args.get("after"))
    return render_template(
        "portal/orders.html",
        found=found,
        next_after=next_after,
        status=status if status in fulfilment.VISIBLE else None,
        q=q,
        statuses=fulfilment.URGENCY,
    )


# -- one parcel -------------------------------------------------------------------------------


@bp.get("/orders/<int:vendor_order_id>")
@vendor_staff(approved=False)
def order(vendor_order_id: int):
    return _parcel_page(owned(fulfilment.vendor_order, vendor_order_id))


@bp.post("/orders/<int:vendor_order_id>/accept")
@vendor_staff(approved=False)
def accept_order(vendor_order_id: int):
    parcel = owned(fulfilment.vendor_order, vendor_order_id)
    form = StepForm()
    if form.validate_on_submit():
        done = _("Accepted. The shopper was told their parcel is being packed.")
        _try(parcel, form.seen.data, done, fulfilment.accept, current_user)
    return _back(parcel)


@bp.post("/orders/<int:vendor_order_id>/ship")
@vendor_staff(approved=False)
def ship_order(vendor_order_id: int):
    parcel = owned(fulfilment.vendor_order, vendor_order_id)
    form = ShipForm().prepare(fulfilment.order_of(parcel).market_code)
    if not form.validate_on_submit():
        return _parcel_page(parcel, ship=form)
    try:
        with unit_of_work():
            fulfilment.ship(parcel, form.carrier.data, form.tracking_number.data, current_user)
    except FulfilmentRefused as error:
        form.show_error(error)
        return _parcel_page(parcel, ship=form)
    except InvalidTransition as error:
        flash(parcel_move_refused(error, form.seen.data), "error")
    else:
        flash(_("Marked as shipped. The shopper has the tracking number."), "success")
    return _back(parcel)


@bp.post("/orders/<int:vendor_order_id>/deliver")
@vendor_staff(approved=False)
def deliver_order(vendor_order_id: int):
    parcel = owned(fulfilment.vendor_order, vendor_order_id)
    form = StepForm()
    if form.validate_on_submit():
        done = _("Marked as delivered. The shopper's 7 days to change their mind start now.")
        _try(parcel, form.seen.data, done, fulfilment.deliver, current_user, Actor.VENDOR)
    return _back(parcel)


@bp.post("/orders/<int:vendor_order_id>/cancel")
@vendor_staff(approved=False)
def cancel_order(vendor_order_id: int):
    parcel = owned(fulfilment.vendor_order, vendor_order_id)
    form = CancelForm()
    if not form.validate_on_submit():
        return _parcel_page(parcel, cancel=form)
    try:
        with unit_of_work():
            fulfilment.cancel(parcel, form.reason.data, current_user)
    except FulfilmentRefused as error:
        form.show_error(error)
        return _parcel_page(parcel, cancel=form)
    except InvalidTransition as error:
        flash(parcel_move_refused(error, form.seen.data), "error")
    else:
        flash(_("Cancelled. The shopper is refunded and the stock is back on sale."), "success")
    return _back(parcel)


# -- returns of a parcel ----------------------------------------------------------------------


def _owned_return(vendor_order_id: int, return_id: int):
    parcel = owned(fulfilment.vendor_order, vendor_order_id)
    requested = owned(returns.for_vendor, return_id)
    if requested.vendor_order_id != parcel.id:
        abort(404)
    return parcel, requested


@bp.post("/orders/<int:vendor_order_id>/returns/<int:return_id>/decide")
@vendor_staff(approved=False)
def decide_return(vendor_order_id: int, return_id: int):
    parcel, requested = _owned_return(vendor_order_id, return_id)
    form = ReturnDecisionForm()
    if not form.validate_on_submit():  # the note is too long
        return _parcel_page(parcel, refused={requested.id: " ".join(map(str, form.note.errors))})
    if form.decision.data not in ("approve", "reject"):
        return _back(parcel)
    try:
        with unit_of_work():
            returns.decide(requested, form.approve, current_user, Actor.VENDOR, form.note.data)
    except ReturnRefused:
        return _parcel_page(parcel, refused={requested.id: decision_reason_needed()})
    except InvalidTransition as error:
        flash(labels.return_move_refused(error), "error")
    else:
        flash(_("Return approved.") if form.approve else _("Return rejected."), "success")
    return _back(parcel)


@bp.post("/orders/<int:vendor_order_id>/returns/<int:return_id>/receive")
@vendor_staff(approved=False)
def receive_return(vendor_order_id: int, return_id: int):
    parcel, requested = _owned_return(vendor_order_id, return_id)
    if forms.ConfirmForm().validate_on_submit():
        try:
            with unit_of_work():
                returns.receive(requested, current_user, Actor.VENDOR)
        except InvalidTransition as error:
            flash(labels.return_move_refused(error), "error")
        else:
            flash(_("Goods received. The shopper is refunded and the stock is back."), "success")
    return _back(parcel)


# -- the packing slip -------------------------------------------------------------------------


def qr_svg(text: str, title: str) -> Markup:
    """A QR code as inline SVG markup (no style attribute: the CSP allows no inline styles)."""
    code = segno.make(text, error="m", micro=False)
    svg = code.svg_inline(scale=4, border=2, title=title, svgclass="slip__qr-code")
    return Markup(svg)  # noqa: S704 - segno writes it: path data, and the title escaped


@bp.get("/orders/<int:vendor_order_id>/slip")
@vendor_staff(approved=False)
def packing_slip(vendor_order_id: int):
    parcel = owned(fulfilment.vendor_order, vendor_order_id)
    order = fulfilment.order_of(parcel)
    return render_template(
        "portal/packing_slip.html",
        parcel=parcel,
        order=order,
        lines=fulfilment.packing_lines(parcel),
        qr=qr_svg(order.ref, _("QR code of order %(ref)s", ref=order.ref)),
    )
