"""When shoppers may see a product: the listing state of a saved product.

A product is a draft until it is complete (an English name and a photo): half-finished
products never show as blank tiles at the top of "newest". A draft becomes listed by itself
as soon as it is complete (or waits for an operator when new listings are held); a vendor may
unlist and list it again; operators' removals stay.

While operators hold listings for review, a listed product whose words, category, certificate
or photos change waits for them again, hidden from shoppers (price, stock and weight change
daily and are not reviewed). A listing operators rejected goes back to them when the vendor
edits it or lists it again.
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


def reviewed_content(product: Product) -> tuple:
    """What operators review in a listing: its words, category, certificate, exemption and
    origin (photos are compared by the photo paths themselves)."""
    texts = sorted((t.locale, t.name, t.description) for t in product.translations)
    labels = sorted((v.sku, t.locale, t.label) for v in product.variants for t in v.translations)
    return (
        product.category_id,
        product.halal_body,
        product.halal_cert_no,
        product.halal_expires,
        product.exemption,
        product.hs_code,
        product.origin,
        tuple(texts),
        tuple(labels),
    )


def settle(
    product: Product, hold_for_review: bool, photos_changed: bool = False, edited: bool = False
) -> bool:
    """After a save: a complete draft goes live; after its photos changed, a listed product
    left without one goes back to draft. `edited`: the reviewed content changed (see
    reviewed_content): while listings are held a listed product waits for review again, and
    a rejected one is sent back for review either way. Returns whether the status changed."""
    before = product.status
    complete = not missing(product)
    changed = edited or photos_changed
    if product.status == ProductStatus.DRAFT and complete:
        _go_live(product, hold_for_review)
    elif photos_changed and product.status in (*SEEN, ProductStatus.REJECTED) and not complete:
        product.status = ProductStatus.DRAFT.value
    elif product.status == ProductStatus.REJECTED and changed and complete:
        _go_live(product, hold_for_review)
    elif product.status == ProductStatus.ACTIVE and changed and hold_for_review:
        product.status = ProductStatus.PENDING_REVIEW.value
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
