"""The audit trail: every operator and vendor action leaves a row."""

from __future__ import annotations

from app.extensions import db
from app.models import AuditEvent


def record(actor, action: str, target, data: dict | None = None) -> AuditEvent:
    """Add an audit row for `actor` (a User or None for the system) acting on `target`."""
    event = AuditEvent(
        actor_id=getattr(actor, "id", None),
        action=action,
        target_type=type(target).__tablename__ if target is not None else "",
        target_id=getattr(target, "id", None),
        data=data or {},
    )
    db.session.add(event)
    return event
