"""Returns in the 7-day cooling-off period: which lines, how many, why, and where they stand."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.order_states import ReturnStatus
from app.extensions import db
from app.models.base import enum_check
from app.models.types import UTCDateTime, utcnow


class ReturnRequest(db.Model):
    __tablename__ = "return_requests"
    __table_args__ = (
        enum_check("status", [s.value for s in ReturnStatus]),
        Index("ix_return_requests_status", "status", "requested_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    vendor_order_id: Mapped[int] = mapped_column(
        ForeignKey("vendor_orders.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default=ReturnStatus.REQUESTED.value)
    reason: Mapped[str] = mapped_column(Text)
    #: what the shopper gets back, in the order's currency: the lines' goods and their share of
    #: import tax (and the parcel's shipping when the whole parcel comes back)
    refund_minor: Mapped[int] = mapped_column(BigInteger)
    decision_note: Mapped[str | None] = mapped_column(Text)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    refunded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: the refund in the store's ledger (pending until Stripe confirms it)
    refund_id: Mapped[int | None] = mapped_column(ForeignKey("refunds.id", ondelete="SET NULL"))

    lines = relationship("ReturnLine", cascade="all, delete-orphan", order_by="ReturnLine.id")
    photos = relationship("ReturnPhoto", cascade="all, delete-orphan", order_by="ReturnPhoto.id")


class ReturnLine(db.Model):
    __tablename__ = "return_lines"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(
        ForeignKey("return_requests.id", ondelete="CASCADE"), index=True
    )
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id", ondelete="CASCADE"))
    quantity: Mapped[int] = mapped_column(Integer)
    goods_minor: Mapped[int] = mapped_column(BigInteger)
    tax_minor: Mapped[int] = mapped_column(BigInteger)


class ReturnPhoto(db.Model):
    __tablename__ = "return_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(
        ForeignKey("return_requests.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(80), index=True)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
