"""The stock ledger: every change to a variant's on-hand or reserved units, with why."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.base import enum_check
from app.models.types import UTCDateTime, utcnow


class StockReason(StrEnum):
    #: the stock a variant had when the ledger began (or when bulk-loaded)
    OPENING = "opening"
    VENDOR_EDIT = "vendor_edit"
    IMPORT = "import"
    RESERVE = "reserve"
    RELEASE = "release"
    SHIP = "ship"
    RETURN_RESTOCK = "return_restock"


class StockMovement(db.Model):
    __tablename__ = "stock_movements"
    __table_args__ = (
        enum_check("reason", [r.value for r in StockReason]),
        Index("ix_stock_movements_variant", "variant_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(16))
    on_hand_delta: Mapped[int] = mapped_column(Integer)
    reserved_delta: Mapped[int] = mapped_column(Integer)
    #: who moved it (None: the system, e.g. an order expiring)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: what it was for: an order ref, an import id
    reference: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
