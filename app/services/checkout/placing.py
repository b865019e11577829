"""Placing an order: the cart as the shopper saw it becomes an order, one vendor order per
parcel, lines that snapshot what was bought; the stock is reserved and the PaymentIntent made,
all in the caller's one transaction."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from app.domain import addresses
from app.domain.order_states import OrderStatus, VendorOrderStatus
from app.domain.problems import problem
from app.extensions import db
from app.models import Order, OrderLine, OrderTaxLine, VendorOrder
from app.services import accounts, cart, claims, clock, inventory
from app.services.checkout import events, payments
from app.services.errors import (
    AlreadyPlaced,
    CheckoutRefused,
    Invalid,
    InvalidEmail,
    OutOfStock,
    PriceChanged,
)
from app.services.shopper import Shopper

#: an unpaid order gives its reservation back after this long
PAYMENT_WINDOW = timedelta(minutes=30)
#: order references: no 0/O, 1/I/L to misread on a phone call
REF_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
#: a checkout form's one-time key (Order.checkout_key): 32 random bytes, base64
KEY_BYTES = 32
KEY_MAX = 64


def new_key() -> str:
    return secrets.token_urlsafe(KEY_BYTES)


def usable_key(key: str | None) -> str | None:
    """The key a checkout form sent, or None for one that is not ours (missing, too long)."""
    return key if isinstance(key, str) and 16 <= len(key) <= KEY_MAX else None


def ordered_variants(order: Order) -> set[int]:
    return set(
        db.session.scalars(select(OrderLine.variant_id).where(OrderLine.order_id == order.id))
    )


def placed_with(key: str | None) -> Order | None:
    """The order this checkout form placed already, if it did."""
    key = usable_key(key)
    if key is None:
        return None
    return db.session.scalar(select(Order).where(Order.checkout_key == key))


@dataclass(frozen=True)
class Buyer:
    email: str
    #: URL language: mail about the order is written in it
    language: str
    user: object | None = None


def new_ref() -> str:
    while True:
        ref = "TGG-" + "".join(secrets.choice(REF_ALPHABET) for _ in range(8))
        if db.session.query(Order.id).filter_by(ref=ref).first() is None:
            return ref


def check_contact(buyer: Buyer, address: addresses.Address, market: str) -> addresses.Address:
    """The address as it will be stored. Raises Invalid with every problem at once."""
    clean = addresses.normalised(address)
    problems = addresses.check(clean, market)
    try:
        accounts.check_email(buyer.email)
    except InvalidEmail:
        problems.append(problem(("email",), "email.invalid"))
    if problems:
        raise Invalid(problems)
    return clean


def place(
    shopper: Shopper,
    items: Sequence[cart.Item],
    buyer: Buyer,
    address: addresses.Address,
    shown_fingerprint: str,
    key: str | None = None,
) -> Order:
    """Place the order for exactly what the shopper was shown. Raises CheckoutRefused (also
    for a signed-in buyer whose e-mail address is not confirmed yet),
    PriceChanged (with the new cart), Invalid (address or e-mail), OutOfStock,
    PaymentUnavailable, AlreadyPlaced (`key`, the checkout form's one-time key, placed an
    order already: the form was sent twice)."""
    key = usable_key(key)
    earlier = placed_with(key)
    if earlier is not None:
        raise AlreadyPlaced(ref=earlier.ref)
    priced = cart.price(items, shopper)
    if not priced.lines:
        raise CheckoutRefused("cart.empty")
    if any(line.problem == "not_shipped" for line in priced.problems):
        raise CheckoutRefused("cart.not_shipped")
    if priced.problems:
        raise CheckoutRefused("cart.unavailable")
    if buyer.user is not None and not buyer.user.email_verified:
        # a guest needs no account; an account orders once its address is confirmed
        raise CheckoutRefused("account.unverified")
    clean = check_contact(buyer, address, shopper.market.code)
    if priced.fingerprint != shown_fingerprint:
        raise PriceChanged()
    order = _order(priced, buyer, clean, shopper)
    order.checkout_key = key
    # the same form sent twice at the same moment: the second waits for the first and is
    # refused by the unique key (services.claims) before it reserves anything
    with claims.claiming({"orders.checkout_key": lambda: AlreadyPlaced(ref=None)}):
        db.session.add(order)
    for parcel in priced.parcels:
        _vendor_order(order, parcel)
    db.session.flush()
    # in (product, variant) order, as every stock movement locks (see inventory)
    short = [
        line.variant_id
        for line in sorted(priced.lines, key=lambda line: (line.product_id, line.variant_id))
        if not inventory.reserve(line.variant_id, line.quantity, buyer.user, order.ref)
    ]
    if short:
        raise OutOfStock(variant_ids=short)
    events.record(order, "placed", to_status=OrderStatus.AWAITING_PAYMENT, actor=buyer.user)
    payments.open_intent(order)
    return order


def _order(priced: cart.PricedCart, buyer: Buyer, address, shopper: Shopper) -> Order:
    now = clock.now()
    return Order(
        ref=new_ref(),
        user_id=getattr(buyer.user, "id", None),
        email=accounts.normalise_email(buyer.email),
        language=buyer.language,
        market_code=shopper.market.code,
        currency=priced.currency,
        fx_rate=priced.rate.rate,
        fx_as_of=priced.rate.as_of,
        status=OrderStatus.AWAITING_PAYMENT.value,
        goods_minor=priced.goods.amount_minor,
        shipping_minor=priced.shipping.amount_minor,
        tax_minor=priced.tax.amount_minor,
        total_minor=priced.total.amount_minor,
        ship_name=address.name,
        ship_line1=address.line1,
        ship_line2=address.line2,
        ship_city=address.city,
        ship_region=address.region,
        ship_postal_code=address.postal_code,
        ship_country=address.country,
        ship_phone=address.phone,
        expires_at=now + PAYMENT_WINDOW,
        created_at=now,
    )


def _vendor_order(order: Order, parcel: cart.Parcel) -> VendorOrder:
    quote = parcel.quote
    vendor_order = VendorOrder(
        order_id=order.id,
        vendor_id=parcel.vendor_id,
        status=VendorOrderStatus.AWAITING_PAYMENT.value,
        weight_g=parcel.weight_g,
        goods_minor=quote.goods.amount_minor,
        shipping_minor=quote.shipping.amount_minor,
        tax_minor=quote.total_tax.amount_minor,
        total_minor=quote.landed_total.amount_minor,
        shipping_twd=parcel.shipping_twd,
    )
    db.session.add(vendor_order)
    db.session.flush()
    # each line's own duty (its heading's rate) and the taxes on it, so a refund of one line
    # returns what that line was charged (the quote has one share per line: a parcel's quote
    # is of its lines, and a parcel holds goods)
    shares = [tax.amount_minor for tax in quote.item_taxes]
    for line, tax in zip(parcel.lines, shares, strict=True):
        db.session.add(
            OrderLine(
                order_id=order.id,
                vendor_order_id=vendor_order.id,
                product_id=line.product_id,
                variant_id=line.variant_id,
                sku=line.sku,
                product_name=line.name.value[:200],
                variant_label=(line.label.value if line.label else "")[:120],
                hs_code=line.hs_code,
                origin=line.origin,
                exemption=line.exemption,
                quantity=line.quantity,
                unit_price_twd=line.unit_price_twd,
                unit_price_minor=line.unit_price.amount_minor,
                goods_minor=line.total.amount_minor,
                tax_minor=tax,
                zone_id=line.zone_id,
            )
        )
    for position, tax_line in enumerate((*quote.lines, *quote.included)):
        db.session.add(
            OrderTaxLine(
                vendor_order_id=vendor_order.id,
                position=position,
                name=tax_line.name,
                label=tax_line.label,
                kind=tax_line.kind.value,
                rate=tax_line.rate,
                base_minor=tax_line.base.amount_minor,
                amount_minor=tax_line.amount.amount_minor,
                heading=tax_line.heading,
                goods_names=dict(tax_line.goods_names) or None,
            )
        )
    return vendor_order
