"""Reading orders: who may see one, the receipt (what was bought, each parcel's tax lines and
totals), the signed link for guests, and listings for shoppers and support."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain.money import Money
from app.extensions import db
from app.models import Order, OrderEvent, VendorOrder
from app.services import links
from app.services.errors import NotFound

GUEST_LINK_SALT = "order-link"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=GUEST_LINK_SALT)


def token_for(order: Order) -> str:
    return _serializer().dumps(order.ref)


def link(order: Order) -> str:
    """The order's page for whoever holds the link (the confirmation mail's link for
    guests; signed, so a reference alone opens nothing)."""
    return links.absolute("checkout.order_by_link", lang=order.language, token=token_for(order))


def by_token(token: str) -> Order:
    """Raises NotFound for a token we did not sign."""
    try:
        ref = _serializer().loads(token)
    except BadSignature:
        raise NotFound() from None
    return by_ref(ref)


def by_ref(ref: str) -> Order:
    order = db.session.scalar(select(Order).where(Order.ref == ref))
    if order is None:
        raise NotFound()
    return order


def visible_to(ref: str, user, guest_refs: list[str]) -> Order:
    """An order its shopper may see: their account's, or one this browser placed as a guest.
    Raises NotFound for anyone else's (no hint that it exists)."""
    order = db.session.scalar(select(Order).where(Order.ref == ref))
    if order is None:
        raise NotFound()
    mine = (
        user is not None and getattr(user, "is_authenticated", False) and order.user_id == user.id
    )
    placed_here = order.user_id is None and ref in guest_refs
    if not (mine or placed_here):
        raise NotFound()
    return order


def for_user(user, limit: int = 50) -> list[Order]:
    return list(
        db.session.scalars(
            select(Order)
            .where(Order.user_id == user.id)
            .order_by(Order.created_at.desc(), Order.id.desc())
            .limit(limit)
        )
    )


@dataclass(frozen=True)
class TaxLineView:
    name: str
    label: str
    kind: str
    rate: object
    amount: Money
    #: the HS prefix a duty line charged, and the goods' names per locale (the line's name)
    heading: str | None = None
    goods_names: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ParcelView:
    vendor_order: VendorOrder
    vendor_name: str
    lines: list
    tax_lines: list[TaxLineView]
    included: list[TaxLineView]
    goods: Money
    shipping: Money
    tax: Money
    total: Money


@dataclass(frozen=True)
class Receipt:
    order: Order
    parcels: list[ParcelView]
    goods: Money
    shipping: Money
    tax: Money
    total: Money
    events: list[OrderEvent]

    @property
    def exempt_lines(self) -> list:
        return [line for parcel in self.parcels for line in parcel.lines if line.exemption]


def receipt(order: Order) -> Receipt:
    currency = order.currency
    vendor_orders = db.session.scalars(
        select(VendorOrder)
        .where(VendorOrder.order_id == order.id)
        .order_by(VendorOrder.id)
        .options(
            selectinload(VendorOrder.lines),
            selectinload(VendorOrder.tax_lines),
            selectinload(VendorOrder.vendor),
        )
    ).all()
    parcels = []
    for vendor_order in vendor_orders:
        lines = [
            TaxLineView(
                t.name,
                t.label,
                t.kind,
                t.rate,
                Money(t.amount_minor, currency),
                t.heading,
                dict(t.goods_names or {}),
            )
            for t in vendor_order.tax_lines
        ]
        parcels.append(
            ParcelView(
                vendor_order=vendor_order,
                vendor_name=vendor_order.vendor.display_name(
                    "zh_Hant" if order.language == "zh-hant" else "en"
                ),
                lines=list(vendor_order.lines),
                tax_lines=[t for t in lines if t.kind != "included"],
                included=[t for t in lines if t.kind == "included"],
                goods=Money(vendor_order.goods_minor, currency),
                shipping=Money(vendor_order.shipping_minor, currency),
                tax=Money(vendor_order.tax_minor, currency),
                total=Money(vendor_order.total_minor, currency),
            )
        )
    events = db.session.scalars(
        select(OrderEvent).where(OrderEvent.order_id == order.id).order_by(OrderEvent.id)
    ).all()
    return Receipt(
        order=order,
        parcels=parcels,
        goods=Money(order.goods_minor, currency),
        shipping=Money(order.shipping_minor, currency),
        tax=Money(order.tax_minor, currency),
        total=Money(order.total_minor, currency),
        events=list(events),
    )


def listing(status: str | None = None, limit: int = 100) -> list[Order]:
    """Support's view (`flask orders list`): newest first."""
    stmt = select(Order).order_by(Order.created_at.desc(), Order.id.desc()).limit(limit)
    if status:
        stmt = stmt.where(Order.status == status)
    return list(db.session.scalars(stmt))


def as_data(order: Order) -> dict:
    """What support needs of one order, in minor units (`flask orders show --json`)."""
    shown = receipt(order)
    return {
        "ref": order.ref,
        "status": order.status,
        "market": order.market_code,
        "currency": order.currency,
        "email": order.email,
        "created_at": _iso(order.created_at),
        "paid_at": _iso(order.paid_at),
        "expires_at": _iso(order.expires_at),
        "payment_intent_id": order.payment_intent_id,
        "totals": {
            "goods_minor": order.goods_minor,
            "shipping_minor": order.shipping_minor,
            "tax_minor": order.tax_minor,
            "total_minor": order.total_minor,
        },
        "vendor_orders": [
            {
                "vendor": parcel.vendor_order.vendor.slug,
                "status": parcel.vendor_order.status,
                "goods_minor": parcel.vendor_order.goods_minor,
                "shipping_minor": parcel.vendor_order.shipping_minor,
                "tax_minor": parcel.vendor_order.tax_minor,
                "total_minor": parcel.vendor_order.total_minor,
                "tax_lines": [
                    {"name": t.name, "amount_minor": t.amount.amount_minor}
                    for t in parcel.tax_lines
                ],
                "lines": [
                    {
                        "sku": line.sku,
                        "quantity": line.quantity,
                        "unit_price_minor": line.unit_price_minor,
                        "unit_price_twd": line.unit_price_twd,
                        "tax_minor": line.tax_minor,
                    }
                    for line in parcel.lines
                ],
            }
            for parcel in shown.parcels
        ],
    }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
