"""Operators' decisions on listings: the review queue (while listings are held), approve,
reject with a reason the vendor reads in the portal, remove a product from the store at once,
restore it; and the search over every product of every vendor.

Each decision is audited with the status and note before and after, refreshes the derived
copies (search index, cards) and raises the catalog's cache stamp, so every app server stops
showing a removed product at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from app.extensions import db
from app.models import Product, ProductTranslation, User, Variant, Vendor
from app.models.catalog import ProductStatus
from app.services import audit, clock, like
from app.services.catalog import events as product_events
from app.services.catalog import listing
from app.services.errors import ModerationRefused

PAGE_SIZE = 50
REASON_MAX = 2000
#: statuses the console's product search filters by
STATUSES = tuple(s.value for s in ProductStatus)
#: what each decision may start from
_FROM = {
    "approve": {ProductStatus.PENDING_REVIEW},
    "reject": {ProductStatus.PENDING_REVIEW},
    "remove": {
        ProductStatus.DRAFT,
        ProductStatus.PENDING_REVIEW,
        ProductStatus.REJECTED,
        ProductStatus.ACTIVE,
        ProductStatus.UNLISTED,
    },
    "restore": {ProductStatus.REMOVED},
}
_ACTIONS = {
    "approve": "product.approved",
    "reject": "product.rejected",
    "remove": "product.removed",
    "restore": "product.restored",
}


@dataclass(frozen=True)
class ProductFilter:
    #: words in a product name (any language), its handle or a SKU, or the vendor's name
    q: str = ""
    status: str | None = None
    vendor_id: int | None = None

    @classmethod
    def of(cls, q: str | None, status: str | None, vendor_id: int | None) -> ProductFilter:
        return cls((q or "").strip()[:100], status if status in STATUSES else None, vendor_id)


def _with_rows(stmt):
    return stmt.options(
        joinedload(Product.vendor),
        selectinload(Product.translations),
        selectinload(Product.images),
        selectinload(Product.variants),
    )


def find(
    wanted: ProductFilter, after: int | None, size: int = PAGE_SIZE
) -> tuple[list[Product], int | None]:
    """A page of products of every vendor, newest first; and the id to continue after."""
    stmt = select(Product).order_by(Product.id.desc()).limit(size + 1)
    if wanted.status:
        stmt = stmt.where(Product.status == wanted.status)
    if wanted.vendor_id:
        stmt = stmt.where(Product.vendor_id == wanted.vendor_id)
    if wanted.q:
        lowered = wanted.q.lower()
        named = select(ProductTranslation.product_id).where(
            like.contains(func.lower(ProductTranslation.name), lowered)
        )
        by_sku = select(Variant.product_id).where(like.contains(func.lower(Variant.sku), lowered))
        by_vendor = select(Vendor.id).where(
            or_(
                like.contains(func.lower(Vendor.name_en), lowered),
                like.contains(Vendor.name_zh_hant, wanted.q),
                like.contains(Vendor.slug, lowered),
            )
        )
        stmt = stmt.where(
            or_(
                Product.id.in_(named),
                Product.id.in_(by_sku),
                like.contains(Product.handle, lowered),
                Product.vendor_id.in_(by_vendor),
            )
        )
    if after is not None:
        stmt = stmt.where(Product.id < after)
    products = list(db.session.scalars(_with_rows(stmt)).unique())
    more = len(products) > size
    products = products[:size]
    return products, (products[-1].id if more and products else None)


def queue(after: int | None, size: int = PAGE_SIZE) -> tuple[list[Product], int | None]:
    """Listings waiting for review, the longest waiting first (by when last saved)."""
    stmt = (
        select(Product)
        .where(Product.status == ProductStatus.PENDING_REVIEW)
        .order_by(Product.id)
        .limit(size + 1)
    )
    if after is not None:
        stmt = stmt.where(Product.id > after)
    products = list(db.session.scalars(_with_rows(stmt)).unique())
    more = len(products) > size
    products = products[:size]
    return products, (products[-1].id if more and products else None)


def waiting_count() -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(Product)
        .where(Product.status == ProductStatus.PENDING_REVIEW)
    )


def product(product_id: int) -> Product | None:
    return db.session.scalar(_with_rows(select(Product).where(Product.id == product_id)))


def _decide(product: Product, decision: str, actor: User, status: str, note: str | None):
    if product.status not in _FROM[decision]:
        raise ModerationRefused("state", field="decision", status=product.status)
    before = {"status": product.status, "review_note": product.review_note}
    product.status = status
    product.review_note = note
    product.reviewed_at = clock.now()
    if status == ProductStatus.ACTIVE and product.published_at is None:
        product.published_at = clock.now()
    db.session.flush()
    audit.record(
        actor,
        _ACTIONS[decision],
        product,
        {"before": before, "after": {"status": status, "review_note": note}},
    )
    product_events.changed([product.id])  # raises the catalog stamp too


def _reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise ModerationRefused("reason.required", field="reason")
    return text[:REASON_MAX]


def approve(product: Product, actor: User) -> None:
    """A listing waiting for review goes live. Raises ModerationRefused (state)."""
    _decide(product, "approve", actor, ProductStatus.ACTIVE.value, None)


def reject(product: Product, actor: User, reason: str | None) -> None:
    """A listing waiting for review is turned down; the vendor reads `reason` and may edit
    and send it again. Raises ModerationRefused (reason.required, state)."""
    _decide(product, "reject", actor, ProductStatus.REJECTED.value, _reason(reason))


def remove(product: Product, actor: User, reason: str | None) -> None:
    """Take a product out of the store at once (the vendor cannot list it again; operators
    may restore it). Raises ModerationRefused (reason.required, state)."""
    _decide(product, "remove", actor, ProductStatus.REMOVED.value, _reason(reason))


def restore(product: Product, actor: User) -> None:
    """A removed product comes back: listed when complete, else a draft for the vendor to
    finish. Raises ModerationRefused (state)."""
    status = ProductStatus.DRAFT if listing.missing(product) else ProductStatus.ACTIVE
    _decide(product, "restore", actor, status.value, None)
