"""A product's pictures: upload (verified, stripped, resized), order, alt text, removal."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.extensions import db
from app.models import Product, ProductImage, ProductImageTranslation, User
from app.services import audit, claims
from app.services.catalog import admin as catalog_admin
from app.services.catalog import events as product_events
from app.services.catalog import media
from app.services.errors import ImageRejected, NotFound

MAX_IMAGES = 8


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes


@dataclass(frozen=True)
class Refused:
    filename: str
    #: ImageRejected's code, or "too_many" when the product already has MAX_IMAGES
    reason: str


@dataclass(frozen=True)
class UploadReport:
    """One upload of several files: some may be stored while others are refused."""

    added: list[ProductImage]
    refused: list[Refused]


def product_image(product: Product, image_id: int) -> ProductImage:
    image = db.session.scalar(
        select(ProductImage).where(
            ProductImage.id == image_id, ProductImage.product_id == product.id
        )
    )
    if image is None:
        raise NotFound()
    return image


def add(
    product: Product,
    uploads: list[Upload],
    media_root: str,
    actor: User,
    hold_for_review: bool = False,
) -> UploadReport:
    """Store what can be stored and say which files were refused and why. The first photo
    of a complete draft lists it."""
    added, refused = [], []
    count = len(product.images)
    position = max((img.position for img in product.images), default=-1) + 1
    for upload in uploads:
        if count >= MAX_IMAGES:
            refused.append(Refused(upload.filename, "too_many"))
            continue
        try:
            stored = media.store_image(upload.data, media_root)
        except ImageRejected as error:
            refused.append(Refused(upload.filename, error.reason))
            continue
        image = ProductImage(
            key=stored.key, width=stored.width, height=stored.height, position=position
        )
        product.images.append(image)
        added.append(image)
        position += 1
        count += 1
    if added:
        audit.record(actor, "product.images_added", product, {"count": len(added)})
        catalog_admin.photos_changed(product, actor, hold_for_review)
    return UploadReport(added, refused)


def move(product: Product, image: ProductImage, offset: int, actor: User) -> None:
    """Move a picture earlier (-1) or later (+1); the first picture is the listing photo."""
    ordered = sorted(product.images, key=lambda img: (img.position, img.id))
    index = ordered.index(image)
    target = index + offset
    if not 0 <= target < len(ordered):
        return
    ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, img in enumerate(ordered):
        img.position = position
    db.session.flush()
    product_events.changed([product.id])
    audit.record(actor, "product.images_reordered", product, {"image": image.id})


def remove(
    product: Product, image: ProductImage, actor: User, hold_for_review: bool = False
) -> None:
    """Forget the picture. Its files stay: they are content-addressed and may be shared. A
    listed product left without a photo goes back to draft."""
    product.images.remove(image)
    audit.record(actor, "product.image_removed", product, {"image": image.id})
    catalog_admin.photos_changed(product, actor, hold_for_review)


def set_alt(image: ProductImage, alts: dict[str, str], actor: User) -> None:
    """Save the photo's descriptions. Two colleagues saving one photo at once: the second
    waits for the first and updates the rows it added (the last save wins, as with any form)
    instead of adding a second description in one language, which the database refuses."""
    claims.one_at_a_time(image, "translations")
    existing = {row.locale: row for row in image.translations}
    for locale, text in alts.items():
        text = (text or "").strip()[:250]
        row = existing.get(locale)
        if text and row is None:
            image.translations.append(ProductImageTranslation(locale=locale, alt=text))
        elif text:
            row.alt = text
        elif row is not None:
            image.translations.remove(row)
    db.session.flush()
    audit.record(actor, "product.image_alt", image, {})
