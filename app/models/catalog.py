"""Categories, products, variants, images and their per-locale text."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.orm import Mapped, column_property, mapped_column, relationship

from app.domain.catalog_rules import Exemption
from app.extensions import db
from app.models.base import enum_check, locale_check
from app.models.types import UTCDateTime, utcnow


class ProductStatus(StrEnum):
    DRAFT = "draft"
    #: waiting for an operator when new listings are held for review
    PENDING_REVIEW = "pending_review"
    #: turned down by an operator with a reason the vendor reads; editing or listing it again
    #: sends it back for review
    REJECTED = "rejected"
    ACTIVE = "active"
    UNLISTED = "unlisted"
    #: taken down by an operator
    REMOVED = "removed"
    #: deleted by the vendor while orders still refer to it: kept for them, shown nowhere
    ARCHIVED = "archived"


class Category(db.Model):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    translations = relationship(
        "CategoryTranslation", cascade="all, delete-orphan", lazy="selectin"
    )


class CategoryTranslation(db.Model):
    __tablename__ = "category_translations"
    __table_args__ = (UniqueConstraint("category_id", "locale"), locale_check())

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")


class HalalBody(db.Model):
    """A halal certifying body, and whether Malaysia's JAKIM recognises it."""

    __tablename__ = "halal_bodies"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: short code as vendors write it on listings (THIDA, JAKIM, ...), upper case
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2))
    recognised_by_jakim: Mapped[bool] = mapped_column(Boolean, default=False)


class Product(db.Model):
    __tablename__ = "products"
    __table_args__ = (
        UniqueConstraint("vendor_id", "handle"),
        enum_check("status", [s.value for s in ProductStatus]),
        enum_check("exemption", [e.value for e in Exemption]),
        CheckConstraint("min_price_twd > 0", name="min_price_positive"),
        # Listing pages: keyset over (sort value, id) inside a category or a vendor shop.
        Index("ix_products_category_newest", "category_id", "status", "published_at", "id"),
        Index("ix_products_category_price", "category_id", "status", "min_price_twd", "id"),
        Index("ix_products_vendor_newest", "vendor_id", "status", "published_at", "id"),
        Index("ix_products_vendor_price", "vendor_id", "status", "min_price_twd", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="RESTRICT"))
    handle: Mapped[str] = mapped_column(String(64))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    status: Mapped[str] = mapped_column(String(16), default=ProductStatus.DRAFT.value)
    hs_code: Mapped[str | None] = mapped_column(String(10))
    #: ISO 3166-1 alpha-2 country of origin
    origin: Mapped[str] = mapped_column(String(2), default="TW")
    halal_body: Mapped[str | None] = mapped_column(String(64))
    halal_cert_no: Mapped[str | None] = mapped_column(String(64))
    halal_expires: Mapped[date | None] = mapped_column(Date)
    exemption: Mapped[str | None] = mapped_column(String(16))
    #: lowest variant price, kept by the catalog service so listings sort without a join
    min_price_twd: Mapped[int] = mapped_column(Integer)
    #: whether any variant has stock, kept by the catalog and inventory services
    in_stock: Mapped[bool] = mapped_column(Boolean, default=True)
    #: first time the product went live; listings sort "newest" by it
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: why an operator rejected or removed the listing (the vendor reads it in the portal)
    review_note: Mapped[str | None] = mapped_column(Text)
    #: when an operator last approved, rejected, removed or restored it
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    vendor = relationship("Vendor")
    category = relationship("Category")
    translations = relationship("ProductTranslation", cascade="all, delete-orphan")
    variants = relationship(
        "Variant", cascade="all, delete-orphan", order_by="Variant.position, Variant.id"
    )
    images = relationship(
        "ProductImage",
        cascade="all, delete-orphan",
        order_by="ProductImage.position, ProductImage.id",
    )


class ProductTranslation(db.Model):
    __tablename__ = "product_translations"
    __table_args__ = (UniqueConstraint("product_id", "locale"), locale_check())

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


class Variant(db.Model):
    __tablename__ = "variants"
    __table_args__ = (
        UniqueConstraint("vendor_id", "sku"),
        CheckConstraint("price_twd > 0", name="price_positive"),
        CheckConstraint("on_hand >= 0", name="on_hand_not_negative"),
        CheckConstraint("reserved >= 0 AND reserved <= on_hand", name="reserved_within_on_hand"),
        CheckConstraint("weight_g > 0", name="weight_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    #: repeated from the product so a SKU is unique within the vendor
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id"))
    sku: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: whole New Taiwan dollars
    price_twd: Mapped[int] = mapped_column(Integer)
    #: units the vendor has (the form and the CSV `stock` column); written only by the
    #: inventory service
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    #: units held by orders not yet shipped; available = on_hand - reserved
    reserved: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    weight_g: Mapped[int] = mapped_column(Integer)

    translations = relationship("VariantTranslation", cascade="all, delete-orphan")

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


#: the product's variant when it has exactly one (listings offer "Add to cart" for it); read
#: in the same statement as the product, only where a query asks for it (undefer)
Product.only_variant_id = column_property(
    select(func.min(Variant.id))
    .where(Variant.product_id == Product.id)
    .having(func.count(Variant.id) == 1)
    .correlate_except(Variant)
    .scalar_subquery(),
    deferred=True,
)


class VariantTranslation(db.Model):
    __tablename__ = "variant_translations"
    __table_args__ = (UniqueConstraint("variant_id", "locale"), locale_check())

    id: Mapped[int] = mapped_column(primary_key=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(8))
    label: Mapped[str] = mapped_column(String(120))


class ProductImage(db.Model):
    __tablename__ = "product_images"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: content-addressed key of the stored renditions under MEDIA_ROOT (see services.media)
    #: (indexed: /media/ serves a rendition only while a photo row names its key)
    key: Mapped[str] = mapped_column(String(80), index=True)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    translations = relationship("ProductImageTranslation", cascade="all, delete-orphan")


class ProductImageTranslation(db.Model):
    __tablename__ = "product_image_translations"
    __table_args__ = (UniqueConstraint("image_id", "locale"), locale_check())

    id: Mapped[int] = mapped_column(primary_key=True)
    image_id: Mapped[int] = mapped_column(ForeignKey("product_images.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(8))
    alt: Mapped[str] = mapped_column(String(250))
