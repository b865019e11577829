"""The outbox: deliveries (mail, later other call-outs) written in the same transaction as the
change that causes them, and delivered after the commit (DESIGN.md, After-commit work)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.base import enum_check
from app.models.types import UTCDateTime, utcnow


class OutboxStatus(StrEnum):
    PENDING = "pending"
    #: claimed by a deliverer; back to pending if it does not finish within the lease
    SENDING = "sending"
    SENT = "sent"
    #: gave up after the last attempt; kept with its error for operators
    FAILED = "failed"


class OutboxMessage(db.Model):
    __tablename__ = "outbox_messages"
    __table_args__ = (
        enum_check("status", [s.value for s in OutboxStatus]),
        Index("ix_outbox_messages_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: what delivers it: "mail" (services.outbox.HANDLERS)
    kind: Mapped[str] = mapped_column(String(32))
    #: everything delivery needs, rendered when the row is written (a mail's subject and body
    #: in the recipient's language), so a worker needs no request, template or locale
    payload: Mapped[dict] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default=OutboxStatus.PENDING.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: when the current claim ends (a deliverer that crashed mid-send frees it by then)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
