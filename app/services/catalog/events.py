"""What follows a change to products: the derived copies (search index, cached cards) are
brought up to date. Every write path calls this, so none of them can forget one copy."""

from __future__ import annotations

from collections.abc import Iterable

from app.services import cache_versions
from app.services.catalog import cards as card_cache
from app.services.search import index as search_index


def changed(product_ids: Iterable[int]) -> None:
    ids = sorted(set(product_ids))
    if not ids:
        return
    search_index.refresh(ids)
    card_cache.forget(ids)
    # Pages show these products (listings, zones, search, the shop): the stamp empties kept
    # pages in this process at the commit and in every other within a second.
    cache_versions.bump("catalog")


def vendor_changed(vendor) -> None:
    from sqlalchemy import select

    from app.extensions import db
    from app.models import Product

    changed(db.session.scalars(select(Product.id).where(Product.vendor_id == vendor.id)))
