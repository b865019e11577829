"""When shoppers may see a product: the listing state of a saved product.

A product is a draft until it is complete (an English name and a photo): half-finished
products never show as blank tiles at the top of "newest". A draft becomes listed by itself
as soon as it is complete (or waits for an operator when new listings are held); a vendor may
unlist and list it again; operators' removals stay.
"""

from __future__ import annotations

from app.domain.catalog_rules import missing_for_listing
from app.models import Product
from app.models.catalog import ProductStatus
from app.services import clock
from app.services.errors import ListingRefused

SEEN = (ProductStatus.ACTIVE, ProductStatus.PENDING_REVIEW)


def missing(product: Product) -> list[str]:
    """What the product lacks before it can be listed: "name_en", "photo" (empty: complete)."""
    english = any(t.locale == "en" and t.name.strip() for t in product.translations)
    return missing_for_listing(english, len(product.images))


def _go_live(product: Product, hold_for_review: bool) -> None:
    if hold_for_review:
        product.status = ProductStatus.PENDING_REVIEW.value
        return
    product.status = ProductStatus.ACTIVE.value
    if product.published_at is None:
        product.published_at = clock.now()


def settle(product: Product, hold_for_review: bool, photos_changed: bool = False) -> bool:
    """After a save: a complete draft goes live; after its photos changed, a listed product
    left without one goes back to draft. Returns whether the status changed."""
    before = product.status
    complete = not missing(product)
    if product.status == ProductStatus.DRAFT and complete:
        _go_live(product, hold_for_review)
    elif photos_changed and product.status in SEEN and not complete:
        product.status = ProductStatus.DRAFT.value
    return product.status != before


def set_listed(product: Product, listed: bool, hold_for_review: bool) -> bool:
    """The vendor's list / unlist. Returns whether anything changed.

    Raises ListingRefused: listing.removed (operators took it down) or listing.incomplete
    (params: missing)."""
    if product.status == ProductStatus.REMOVED:
        raise ListingRefused("listing.removed", field="status")
    if not listed:
        if product.status == ProductStatus.UNLISTED:
            return False
        product.status = ProductStatus.UNLISTED.value
        return True
    if product.status in SEEN:
        return False
    lacking = missing(product)
    if lacking:
        raise ListingRefused("listing.incomplete", field="status", missing=lacking)
    _go_live(product, hold_for_review)
    return True
