"""What the store owes vendors: a ledger in New Taiwan dollars (earnings, reversals, payouts;
the balance is their sum), and the payouts operators record (Taiwan is not a Stripe Connect
country: money reaches vendors by bank transfer)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.base import enum_check
from app.models.types import UTCDateTime, utcnow


class LedgerKind(StrEnum):
    #: a paid line: what the vendor earns (positive)
    EARNING = "earning"
    #: a refunded line or return takes its earning back (negative)
    REVERSAL = "reversal"
    #: money sent to the vendor (negative)
    PAYOUT = "payout"


class VendorLedgerEntry(db.Model):
    __tablename__ = "vendor_ledger"
    __table_args__ = (
        enum_check("kind", [k.value for k in LedgerKind]),
        CheckConstraint(
            "(kind = 'earning' AND amount_twd >= 0) OR (kind <> 'earning' AND amount_twd <= 0)",
            name="sign",
        ),
        Index("ix_vendor_ledger_vendor", "vendor_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id"))
    kind: Mapped[str] = mapped_column(String(16))
    #: signed whole dollars: earnings add, reversals and payouts take away
    amount_twd: Mapped[int] = mapped_column(Integer)
    order_line_id: Mapped[int | None] = mapped_column(
        ForeignKey("order_lines.id", ondelete="RESTRICT"), index=True
    )
    vendor_order_id: Mapped[int | None] = mapped_column(
        ForeignKey("vendor_orders.id", ondelete="RESTRICT")
    )
    return_id: Mapped[int | None] = mapped_column(ForeignKey("return_requests.id"))
    payout_id: Mapped[int | None] = mapped_column(ForeignKey("payouts.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Payout(db.Model):
    __tablename__ = "payouts"
    __table_args__ = (CheckConstraint("amount_twd > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id"), index=True)
    amount_twd: Mapped[int] = mapped_column(Integer)
    bank_reference: Mapped[str] = mapped_column(String(64))
    paid_on: Mapped[date] = mapped_column(Date)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
