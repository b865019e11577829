"""The cart: add (from product pages and listings), change quantities, remove, see it priced
with shipping and import tax per vendor parcel. Checkout and orders are in checkout.py and
orders.py (their routes join this blueprint; app.web imports them before registering it)."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.domain.ids import parse_id
from app.services import cart, zone_stats
from app.services.errors import CartRefused
from app.transaction import unit_of_work
from app.web.checkout import cart_store, forms, messages
from app.web.context import shopper
from app.web.htmx import render_page_or_block, wants_fragment
from app.web.safe_redirect import safe_next

bp = Blueprint("checkout", __name__, url_prefix="/<lang:lang>", template_folder="templates")


def cart_page(status: int = 200, message: str | None = None):
    items = cart_store.items()
    priced = cart.price(items, shopper())
    # an htmx change also sends the header's cart link with its new count (out of band)
    count = {"count": sum(item.quantity for item in items)} if wants_fragment() else {}
    return render_page_or_block(
        "checkout/cart.html",
        "cart",
        status=status,
        priced=priced,
        message=message,
        quantity_form=forms.QuantityForm(),
        remove_form=forms.RemoveForm(),
        **count,
    )


@bp.get("/cart")
def view_cart():
    return cart_page()


def _change(change) -> str | None:
    """Apply a change to the cart and keep it. Returns the refusal's words, if refused."""
    try:
        with unit_of_work():
            cart_store.save(change(cart_store.items_to_change()))
    except CartRefused as error:
        return messages.cart_refused(error)
    return None


@bp.post("/cart/add")
def add_to_cart():
    form = forms.AddToCartForm()
    variant_id = parse_id(form.variant.data)
    if not form.validate_on_submit() or variant_id is None:
        error = _("Choose an option and a quantity from 1 to %(max)d.", max=cart.MAX_QUANTITY)
    else:
        quantity = form.quantity.data if form.quantity.data is not None else 1
        zone = parse_id(form.zone.data)
        error = _change(lambda items: cart.add(items, variant_id, quantity, zone))
        if error is None:
            zone_stats.count("add_to_carts", zone)  # none when not found in a zone
    if wants_fragment():
        return render_template(
            "checkout/_added.html", error=error, count=cart_store.count(), status=200
        )
    flash(error or _("Added to your cart."), "error" if error else "success")
    back = safe_next(request.form.get("next")) if error else None
    return redirect(back or url_for(".view_cart"), 303)


@bp.post("/cart/quantity")
def change_quantity():
    form = forms.QuantityForm()
    variant_id = parse_id(form.variant.data)
    if not form.validate_on_submit() or variant_id is None:
        return cart_page(message=_("Choose a quantity from 0 to %(max)d.", max=cart.MAX_QUANTITY))
    error = _change(lambda items: cart.set_quantity(items, variant_id, form.quantity.data))
    if wants_fragment():
        return cart_page(message=error)
    if error:
        flash(error, "error")
    return redirect(url_for(".view_cart"), 303)


@bp.post("/cart/remove")
def remove_from_cart():
    form = forms.RemoveForm()
    variant_id = parse_id(form.variant.data)
    if form.validate_on_submit() and variant_id is not None:
        _change(lambda items: cart.remove(items, variant_id))
    if wants_fragment():
        return cart_page()
    return redirect(url_for(".view_cart"), 303)


def cart_count() -> int:
    """The header's badge (a query for signed-in shoppers, the cookie for guests)."""
    if "cart_count" not in g:
        g.cart_count = cart_store.count()
    return g.cart_count
