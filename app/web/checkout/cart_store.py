"""Where a shopper's cart is kept: a guest's in the signed session cookie, a signed-in
shopper's in the database (services.cart). Guest orders placed in this browser are remembered
in the session too, so their pages open without the mail's link."""

from __future__ import annotations

from flask import session
from flask_login import current_user

from app.services import cart

CART_KEY = "cart"
ORDERS_KEY = "orders"
#: guest orders remembered per browser
MAX_GUEST_ORDERS = 20


def _signed_in() -> bool:
    return current_user.is_authenticated


def _from_session() -> list[cart.Item]:
    items = []
    for entry in session.get(CART_KEY, [])[: cart.MAX_LINES]:
        try:
            variant_id, quantity, zone_id = entry
        except (TypeError, ValueError):
            continue
        if type(variant_id) is int and type(quantity) is int and quantity > 0:
            items.append(cart.Item(variant_id, quantity, zone_id if type(zone_id) is int else None))
    return items


def items() -> list[cart.Item]:
    return cart.account_items(current_user) if _signed_in() else _from_session()


def items_to_change() -> list[cart.Item]:
    """The cart, about to be changed and saved in the caller's unit of work (see
    services.cart.account_items)."""
    return cart.account_items(current_user, to_change=True) if _signed_in() else _from_session()


def save(new_items: list[cart.Item]) -> None:
    """Keep the cart (inside the caller's unit of work for a signed-in shopper)."""
    if _signed_in():
        cart.save_account_items(current_user, new_items)
    else:
        session[CART_KEY] = [[i.variant_id, i.quantity, i.zone_id] for i in new_items]


def count() -> int:
    return sum(item.quantity for item in items())


def take_guest_items() -> list[cart.Item]:
    """The guest cart, emptied (it is joining an account's)."""
    found = _from_session()
    session.pop(CART_KEY, None)
    return found


def join_account(user) -> None:
    """At sign-in: the guest's cart joins the account's (inside the caller's unit of work)."""
    guest = take_guest_items()
    if guest:
        cart.save_account_items(user, cart.merge(cart.account_items(user, to_change=True), guest))


def remember_order(ref: str) -> None:
    refs = [r for r in session.get(ORDERS_KEY, []) if r != ref]
    session[ORDERS_KEY] = [ref, *refs][:MAX_GUEST_ORDERS]


def guest_orders() -> list[str]:
    return [r for r in session.get(ORDERS_KEY, []) if isinstance(r, str)]
