"""What operators set for the whole store (typed key/value rows), and the version stamps that
tell every app process when its cached copies of operator-edited data went stale."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.types import UTCDateTime, utcnow


class StoreSetting(db.Model):
    """One store setting. The keys, their types and defaults are app.domain.store_settings;
    services.settings is the only writer (typed, audited)."""

    __tablename__ = "store_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    #: the value as JSON (true, 1500, ...), checked against the setting's type when written
    value: Mapped[object] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class CacheVersion(db.Model):
    """A counter per area of cached data ("reference", "catalog"), raised in the transaction
    that changes the data; app processes compare it with what they last saw
    (services.cache_versions) and empty their caches when it moved. The search index keeps
    two rows of its own ("search", "search-epoch"): its copies catch up by them on every
    search rather than emptying (services.search.memory)."""

    __tablename__ = "cache_versions"

    area: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
