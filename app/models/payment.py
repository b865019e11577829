"""The store's own payment and refund ledger. Stripe (or localstripe, which ignores
idempotency keys and over-refunds) is asked; this ledger decides what is owed and what was
already done, so a refund is never issued twice."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.base import enum_check
from app.models.types import UTCDateTime, utcnow


class PaymentStatus(StrEnum):
    #: created; the shopper has not paid (or the last card was declined)
    OPEN = "open"
    SUCCEEDED = "succeeded"
    #: replaced by a new intent, or the order ended unpaid
    CANCELLED = "cancelled"


class Payment(db.Model):
    """One Stripe PaymentIntent of an order."""

    __tablename__ = "payments"
    __table_args__ = (
        enum_check("status", [s.value for s in PaymentStatus]),
        CheckConstraint("amount_minor > 0", name="amount_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    intent_id: Mapped[str] = mapped_column(String(64), unique=True)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(16), default=PaymentStatus.OPEN.value)
    #: Stripe's code for the last decline (card_declined, ...), shown translated
    last_error: Mapped[str | None] = mapped_column(String(64))
    succeeded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RefundStatus(StrEnum):
    #: written before Stripe is asked; a crash or an error leaves it to retry
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class Refund(db.Model):
    __tablename__ = "refunds"
    __table_args__ = (
        enum_check("status", [s.value for s in RefundStatus]),
        CheckConstraint("amount_minor > 0", name="amount_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id", ondelete="CASCADE"))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    #: why: expired_after_payment, cancelled, return, ...
    reason: Mapped[str] = mapped_column(String(32))
    #: one key per refund the store decides on; also sent to Stripe
    idempotency_key: Mapped[str] = mapped_column(String(80), unique=True)
    status: Mapped[str] = mapped_column(String(16), default=RefundStatus.PENDING.value)
    stripe_refund_id: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class StripeEvent(db.Model):
    """Every webhook event received, by Stripe's id: a replayed or duplicated event finds its
    row and changes nothing."""

    __tablename__ = "stripe_events"
    #: operations health lists the latest
    __table_args__ = (Index("ix_stripe_events_received_at", "received_at"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    type: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: what handling it did, for operators (paid, ignored: unknown intent, refunded, ...)
    outcome: Mapped[str] = mapped_column(String(200), default="")
