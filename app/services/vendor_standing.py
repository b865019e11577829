"""Operators and vendors already in the store: find them, suspend one (every product leaves
the storefront at once) and reinstate it, and set a vendor's own commission rate or let it
follow the store's default. Each change is audited with its values before and after."""

from __future__ import annotations

from sqlalchemy import func, or_, select

from app.domain.problems import problem
from app.extensions import db
from app.models import User, Vendor
from app.models.vendor import VendorStatus
from app.services import audit, cache_versions, clock, like, settings
from app.services.catalog import events as product_events
from app.services.errors import ModerationRefused, RulesRefused
from app.services.search import service as search_service

PAGE_LIMIT = 200
REASON_MAX = 2000


def find(status: str | None, q: str = "", limit: int = PAGE_LIMIT) -> list[Vendor]:
    """Vendors newest first, by status and by words in their names, slug, e-mail or business
    number."""
    stmt = select(Vendor).order_by(Vendor.created_at.desc(), Vendor.id.desc()).limit(limit)
    if status:
        stmt = stmt.where(Vendor.status == status)
    words = (q or "").strip()[:100]
    if words:
        lowered = words.lower()
        stmt = stmt.where(
            or_(
                like.contains(func.lower(Vendor.name_en), lowered),
                like.contains(Vendor.name_zh_hant, words),
                like.contains(Vendor.slug, lowered),
                like.contains(func.lower(Vendor.email), lowered),
                like.contains(Vendor.ubn, words),
            )
        )
    return list(db.session.scalars(stmt))


def count(status: str) -> int:
    return db.session.scalar(
        select(func.count()).select_from(Vendor).where(Vendor.status == status)
    )


def _standing_changed(vendor: Vendor, actor: User, action: str, before: dict) -> None:
    vendor.decided_by_id = actor.id
    vendor.decided_at = clock.now()
    db.session.flush()
    audit.record(
        actor,
        action,
        vendor,
        {"before": before, "after": {"status": vendor.status, "reason": vendor.decision_reason}},
    )
    product_events.vendor_changed(vendor)
    search_service.invalidate_vendor_names()
    cache_versions.bump("catalog")


def suspend(vendor: Vendor, actor: User, reason: str | None) -> None:
    """Hide an approved vendor's shop and every product at once; the vendor reads `reason`
    on its dashboard. Raises ModerationRefused (reason.required, state)."""
    if vendor.status != VendorStatus.APPROVED:
        raise ModerationRefused("state", field="decision", status=vendor.status)
    text = (reason or "").strip()
    if not text:
        raise ModerationRefused("reason.required", field="reason")
    before = {"status": vendor.status, "reason": vendor.decision_reason}
    vendor.status = VendorStatus.SUSPENDED.value
    vendor.decision_reason = text[:REASON_MAX]
    _standing_changed(vendor, actor, "vendor.suspended", before)


def reinstate(vendor: Vendor, actor: User) -> None:
    """A suspended vendor's shop and listed products come back. Raises ModerationRefused
    (state)."""
    if vendor.status != VendorStatus.SUSPENDED:
        raise ModerationRefused("state", field="decision", status=vendor.status)
    before = {"status": vendor.status, "reason": vendor.decision_reason}
    vendor.status = VendorStatus.APPROVED.value
    vendor.decision_reason = None
    _standing_changed(vendor, actor, "vendor.reinstated", before)


def commission_bp(vendor: Vendor) -> int:
    """The rate a sale by this vendor would be charged now."""
    if vendor.commission_bp is not None:
        return vendor.commission_bp
    return settings.default_commission_bp()


def set_commission(vendor: Vendor, bp: int | None, actor: User) -> bool:
    """The vendor's own commission (basis points), or None to follow the store's default.
    Sales already paid keep the rate frozen on them. Returns whether it changed. Raises
    RulesRefused (commission.range)."""
    if bp is not None and not 0 <= bp <= 10_000:
        raise RulesRefused([problem(("commission",), "commission.range")])
    if vendor.commission_bp == bp:
        return False
    before = vendor.commission_bp
    vendor.commission_bp = bp
    db.session.flush()
    audit.record(
        actor,
        "vendor.commission_set",
        vendor,
        {"before": {"commission_bp": before}, "after": {"commission_bp": bp}},
    )
    return True
