"""A shopper's order page: status with a timeline per parcel, the tax breakdown, a receipt
that prints cleanly; while payment is on its way the status polls itself (htmx) or refreshes
with a plain link. After payment: "I received it" on a shipped parcel, the 7-day return
window, and the returns asked for (the request page is returns.py)."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.domain.order_states import Actor, OrderStatus
from app.services.checkout import queries
from app.services.errors import InvalidTransition, NotFound
from app.services.orders import fulfilment
from app.transaction import unit_of_work
from app.web.checkout import after_sale, cart_store, forms
from app.web.checkout.checkout import payable_order
from app.web.checkout.routes import bp
from app.web.htmx import render_page_or_block, wants_fragment


@bp.get("/orders/<ref>")
def order_page(ref: str):
    order = payable_order(ref)
    receipt = queries.receipt(order)
    response = render_page_or_block(
        "checkout/order.html",
        "status",
        order=order,
        receipt=receipt,
        after=after_sale.for_order(order, receipt) if order.status == OrderStatus.PAID else None,
    )
    response.cache_control.no_store = True
    if wants_fragment() and order.status != OrderStatus.AWAITING_PAYMENT:
        # the poll's last answer: the parcels and the receipt below changed too (paid, or
        # back on sale), so the whole page reloads instead of just the status block
        response.headers["HX-Refresh"] = "true"
    return response


@bp.post("/orders/<ref>/parcels/<int:parcel_id>/received")
def parcel_received(ref: str, parcel_id: int):
    """The shopper says a shipped parcel arrived: the 7-day return period starts now."""
    order = payable_order(ref)
    parcel = next((p for p in order.vendor_orders if p.id == parcel_id), None)
    if parcel is None:
        abort(404)
    if forms.ReceivedForm().validate_on_submit():
        user = current_user._get_current_object() if current_user.is_authenticated else None
        try:
            with unit_of_work():
                fulfilment.deliver(parcel, user, Actor.SHOPPER)
        except InvalidTransition:
            flash(_("This parcel is not on its way, so it cannot be marked as received."), "error")
        else:
            flash(_("Thank you for telling us. The 7-day return period starts now."), "success")
    return redirect(url_for(".order_page", ref=order.ref, _anchor=f"parcel-{parcel.id}"), 303)


@bp.get("/orders/link/<token>")
def order_by_link(token: str):
    """The confirmation mail's link: opens the order in any browser (signed, so guessing a
    reference opens nothing), and remembers it for this browser."""
    try:
        order = queries.by_token(token)
    except NotFound:
        abort(404)
    if order.user_id is not None and not (
        current_user.is_authenticated and current_user.id == order.user_id
    ):
        # an account's order: its owner signs in to see it
        return redirect(url_for("account.sign_in", next=url_for(".order_page", ref=order.ref)))
    cart_store.remember_order(order.ref)
    return redirect(url_for(".order_page", ref=order.ref), 303)
