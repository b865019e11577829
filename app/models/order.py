"""Orders: one per checkout, split into one vendor order (parcel) per vendor, with lines that
snapshot what was bought at which price and tax (DESIGN.md, Orders)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.order_states import OrderStatus, VendorOrderStatus
from app.extensions import db
from app.models.base import enum_check
from app.models.types import ScaledDecimal, UTCDateTime, utcnow


class Order(db.Model):
    __tablename__ = "orders"
    __table_args__ = (
        enum_check("status", [s.value for s in OrderStatus]),
        CheckConstraint(
            "total_minor = goods_minor + shipping_minor + tax_minor", name="total_adds_up"
        ),
        CheckConstraint("goods_minor > 0 AND shipping_minor >= 0 AND tax_minor >= 0", name="sums"),
        Index("ix_orders_status_expires", "status", "expires_at"),
        # the dashboard's orders of a period (and of today, the day not rolled up yet)
        Index("ix_orders_status_paid", "status", "paid_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: what shoppers, vendors and support say: TGG- and eight letters and digits
    ref: Mapped[str] = mapped_column(String(16), unique=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    email: Mapped[str] = mapped_column(String(254))
    #: URL language the shopper used: mail about the order is written in it
    language: Mapped[str] = mapped_column(String(8))
    market_code: Mapped[str] = mapped_column(ForeignKey("markets.code"))
    #: fixed when the order is placed; the payment is in exactly this currency and amount
    currency: Mapped[str] = mapped_column(String(3))
    #: units of `currency` per New Taiwan dollar at placing, and the rate's date
    fx_rate: Mapped[Decimal] = mapped_column(ScaledDecimal(10))
    fx_as_of: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=OrderStatus.AWAITING_PAYMENT.value)
    goods_minor: Mapped[int] = mapped_column(BigInteger)
    shipping_minor: Mapped[int] = mapped_column(BigInteger)
    tax_minor: Mapped[int] = mapped_column(BigInteger)
    total_minor: Mapped[int] = mapped_column(BigInteger)
    ship_name: Mapped[str] = mapped_column(String(120))
    ship_line1: Mapped[str] = mapped_column(String(200))
    ship_line2: Mapped[str] = mapped_column(String(200), default="")
    ship_city: Mapped[str] = mapped_column(String(100))
    ship_region: Mapped[str] = mapped_column(String(100), default="")
    ship_postal_code: Mapped[str] = mapped_column(String(10))
    ship_country: Mapped[str] = mapped_column(String(2))
    ship_phone: Mapped[str] = mapped_column(String(32))
    #: the PaymentIntent the shopper pays now (a new one after a decline); stored in the same
    #: transaction that creates it, before any confirmation
    payment_intent_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    #: the checkout form's one-time key: the same form sent again finds this order
    #: (services.checkout.placing) instead of placing another
    checkout_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    #: unpaid orders give their reservation back at this time
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    vendor_orders = relationship(
        "VendorOrder", back_populates="order", order_by="VendorOrder.id", cascade="all"
    )
    lines = relationship("OrderLine", order_by="OrderLine.id", viewonly=True)
    payments = relationship("Payment", order_by="Payment.id", viewonly=True)


class VendorOrder(db.Model):
    """One vendor's parcel of an order: its goods, shipping fee and import taxes."""

    __tablename__ = "vendor_orders"
    __table_args__ = (
        UniqueConstraint("order_id", "vendor_id"),
        enum_check("status", [s.value for s in VendorOrderStatus]),
        CheckConstraint(
            "total_minor = goods_minor + shipping_minor + tax_minor", name="total_adds_up"
        ),
        Index("ix_vendor_orders_vendor_status", "vendor_id", "status", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id"))
    status: Mapped[str] = mapped_column(
        String(20), default=VendorOrderStatus.AWAITING_PAYMENT.value
    )
    weight_g: Mapped[int] = mapped_column(Integer)
    goods_minor: Mapped[int] = mapped_column(BigInteger)
    shipping_minor: Mapped[int] = mapped_column(BigInteger)
    tax_minor: Mapped[int] = mapped_column(BigInteger)
    total_minor: Mapped[int] = mapped_column(BigInteger)
    #: the parcel's shipping fee in TWD as the rate table said (what the vendor pays the
    #: carrier)
    shipping_twd: Mapped[int] = mapped_column(Integer)
    #: carrier code (domain.carriers) and the number the shopper follows
    carrier: Mapped[str | None] = mapped_column(String(32))
    tracking_number: Mapped[str | None] = mapped_column(String(40))
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    shipped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: when the shopper received it: the 7-day cooling-off period counts from here
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    order = relationship("Order", back_populates="vendor_orders")
    vendor = relationship("Vendor")
    lines = relationship("OrderLine", order_by="OrderLine.id", back_populates="vendor_order")
    tax_lines = relationship("OrderTaxLine", order_by="OrderTaxLine.position")


class OrderLine(db.Model):
    """What was bought, as it was when bought (name, SKU, prices, tax, the disclosure)."""

    __tablename__ = "order_lines"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("goods_minor = unit_price_minor * quantity", name="goods_adds_up"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    vendor_order_id: Mapped[int] = mapped_column(
        ForeignKey("vendor_orders.id", ondelete="CASCADE"), index=True
    )
    #: kept even if the vendor later deletes the product (it is archived instead)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="RESTRICT"))
    variant_id: Mapped[int] = mapped_column(
        ForeignKey("variants.id", ondelete="RESTRICT"), index=True
    )
    sku: Mapped[str] = mapped_column(String(64))
    #: in the shopper's language at the time of buying
    product_name: Mapped[str] = mapped_column(String(200))
    variant_label: Mapped[str] = mapped_column(String(120), default="")
    hs_code: Mapped[str | None] = mapped_column(String(10))
    origin: Mapped[str] = mapped_column(String(2))
    #: why the 7-day cooling-off period does not apply, as disclosed before payment (None:
    #: it applies)
    exemption: Mapped[str | None] = mapped_column(String(16))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_twd: Mapped[int] = mapped_column(Integer)
    unit_price_minor: Mapped[int] = mapped_column(BigInteger)
    goods_minor: Mapped[int] = mapped_column(BigInteger)
    #: this line's share of its parcel's import taxes (by goods value), refunded with it
    tax_minor: Mapped[int] = mapped_column(BigInteger)
    #: the featured zone the shopper found it in
    zone_id: Mapped[int | None] = mapped_column(
        ForeignKey("zones.id", ondelete="SET NULL"), index=True
    )
    #: frozen when paid: the store's commission (basis points), the exchange rate of the
    #: charge, and what the vendor earns in TWD (never recomputed from today's rates)
    commission_bp: Mapped[int | None] = mapped_column(Integer)
    fx_rate: Mapped[Decimal | None] = mapped_column(ScaledDecimal(10))
    earning_twd: Mapped[int | None] = mapped_column(Integer)

    vendor_order = relationship("VendorOrder", back_populates="lines")


class OrderTaxLine(db.Model):
    """One import-tax line of a parcel, as computed by the landed-cost rules at placing."""

    __tablename__ = "order_tax_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_order_id: Mapped[int] = mapped_column(
        ForeignKey("vendor_orders.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(SmallInteger)
    name: Mapped[str] = mapped_column(String(80))
    label: Mapped[str] = mapped_column(String(32))
    #: duty, tax, or included (inside the price, shown only)
    kind: Mapped[str] = mapped_column(String(16))
    rate: Mapped[Decimal | None] = mapped_column(ScaledDecimal(6))
    base_minor: Mapped[int] = mapped_column(BigInteger)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    #: the HS prefix a duty line charges the rate of ("0902"); None on other lines
    heading: Mapped[str | None] = mapped_column(String(10))
    #: what goods the line charges, per content locale ({"en": "tea", "th": "ชา"}), so the
    #: receipt names them in whichever language it is read; None on lines on the whole parcel
    goods_names: Mapped[dict | None] = mapped_column(JSON)


class OrderEvent(db.Model):
    """A row per status change (and note): the order page's timeline."""

    __tablename__ = "order_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    vendor_order_id: Mapped[int | None] = mapped_column(
        ForeignKey("vendor_orders.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    #: None: the store itself (a webhook, the expiry sweep)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
