"""A shopper's order page: status with a timeline per parcel, the tax breakdown, a receipt
that prints cleanly; while payment is on its way the status polls itself (htmx) or refreshes
with a plain link."""

from __future__ import annotations

from flask import abort, redirect, url_for
from flask_login import current_user

from app.services.checkout import queries
from app.services.errors import NotFound
from app.web.checkout import cart_store
from app.web.checkout.checkout import payable_order
from app.web.checkout.routes import bp
from app.web.htmx import render_page_or_block


@bp.get("/orders/<ref>")
def order_page(ref: str):
    order = payable_order(ref)
    response = render_page_or_block(
        "checkout/order.html", "status", order=order, receipt=queries.receipt(order)
    )
    response.cache_control.no_store = True
    return response


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
