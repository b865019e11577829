"""What the sitemaps list: visible products, categories, vendor shops and live zones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select

from app.domain.ids import fits_integer
from app.extensions import db
from app.models import Category, Product, Vendor, Zone
from app.models.vendor import VendorStatus
from app.services import clock
from app.services.catalog import storefront as catalog


@dataclass(frozen=True)
class Entry:
    endpoint: str
    values: dict
    lastmod: datetime | None = None


def product_chunks(size: int) -> list[int]:
    """Chunk numbers that hold visible products (chunk n: ids n*size+1 .. (n+1)*size)."""
    rows = db.session.execute(
        select(((Product.id - 1) / size).label("chunk"))
        .join(Product.vendor)
        .where(*catalog.visible())
        .group_by("chunk")
        .order_by("chunk")
    ).all()
    return [int(row.chunk) for row in rows]


def product_entries(chunk: int, size: int) -> list[Entry]:
    if chunk < 0 or not fits_integer((chunk + 1) * size):
        return []
    rows = db.session.execute(
        select(Vendor.slug, Product.handle, Product.updated_at)
        .join(Product.vendor)
        .where(
            *catalog.visible(),
            Product.id > chunk * size,
            Product.id <= (chunk + 1) * size,
        )
        .order_by(Product.id)
    ).all()
    return [
        Entry("shop.product", {"vendor_slug": slug, "handle": handle}, updated)
        for slug, handle, updated in rows
    ]


def page_entries() -> list[Entry]:
    now = clock.now()
    entries = [Entry("shop.home", {})]
    entries += [
        Entry("shop.category", {"slug": slug})
        for slug in db.session.scalars(select(Category.slug).order_by(Category.position))
    ]
    entries += [
        Entry("shop.vendor", {"vendor_slug": slug})
        for slug in db.session.scalars(
            select(Vendor.slug).where(Vendor.status == VendorStatus.APPROVED).order_by(Vendor.id)
        )
    ]
    entries += [
        Entry("shop.zone", {"slug": slug})
        for slug in db.session.scalars(
            select(Zone.slug)
            .where(Zone.starts_at <= now, or_(Zone.ends_at.is_(None), Zone.ends_at > now))
            .order_by(Zone.position)
        )
    ]
    return entries
