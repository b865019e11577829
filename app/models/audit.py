from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.types import UTCDateTime, utcnow


class AuditEvent(db.Model):
    """Who did what to which record, and when. Written by services, never edited."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_target", "target_type", "target_id"),
        # the audit log browsed newest first by person or by kind (keyset on created_at, id)
        Index("ix_audit_events_actor_created", "actor_id", "created_at", "id"),
        Index("ix_audit_events_action_created", "action", "created_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: None for the system itself (CLI, migrations)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(String(64))
    target_type: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[int | None]
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    actor = relationship("User")
