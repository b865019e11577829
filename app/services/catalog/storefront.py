"""Read side of the catalog for the storefront: cards, product detail (listings: browse)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Select, select
from sqlalchemy.orm import contains_eager, joinedload, selectinload, undefer

from app.domain import halal
from app.domain.locales import fallback_chain
from app.domain.money import Money
from app.extensions import db
from app.models import (
    Product,
    ProductImage,
    ProductTranslation,
    Variant,
    VariantTranslation,
    Vendor,
)
from app.models.catalog import ProductStatus
from app.models.vendor import VendorStatus
from app.services import pricing
from app.services.catalog import cards as card_cache
from app.services.i18n import Text, resolve
from app.services.reference import CategoryInfo
from app.services.shopper import Shopper

PAGE_SIZE = 24


class Sort(StrEnum):
    NEWEST = "newest"
    PRICE_ASC = "price_asc"
    PRICE_DESC = "price_desc"

    @classmethod
    def parse(cls, value: str | None) -> Sort:
        try:
            return cls(value or cls.NEWEST)
        except ValueError:
            return cls.NEWEST


@dataclass(frozen=True)
class ImageRef:
    key: str
    width: int
    height: int
    alt: Text | None = None


@dataclass(frozen=True)
class Card:
    id: int
    vendor_slug: str
    vendor_name: str
    handle: str
    name: Text
    price: Money
    in_stock: bool
    halal: bool
    image: ImageRef | None
    #: the product's only variant: listings offer "Add to cart" for it (a product with
    #: options is chosen on its page)
    variant_id: int | None = None


def visible() -> list:
    """The storefront shows active products of approved vendors only.

    The vendor condition is a subquery, not a join: the planner then walks the products'
    own indexes (category, order, id) instead of starting from the vendors."""
    approved = select(Vendor.id).where(Vendor.status == VendorStatus.APPROVED)
    return [Product.status == ProductStatus.ACTIVE, Product.vendor_id.in_(approved)]


def halal_badge(product: Product, shopper: Shopper) -> bool:
    """The market's halal policy (domain.halal) applied to the product's certificate."""
    return halal.badge_shown(
        product.halal_body,
        product.halal_cert_no,
        product.halal_expires,
        shopper.today,
        shopper.market.halal_accepted,
    )


def _with_card_data(stmt: Select, content_locale: str) -> Select:
    chain = fallback_chain(content_locale)
    return stmt.options(
        joinedload(Product.vendor),
        selectinload(Product.translations.and_(ProductTranslation.locale.in_(chain))).load_only(
            ProductTranslation.locale, ProductTranslation.name
        ),
        selectinload(Product.images),
        undefer(Product.only_variant_id),
    )


def to_card(product: Product, shopper: Shopper) -> Card:
    name = resolve(product.translations, "name", shopper.content_locale)
    first = product.images[0] if product.images else None
    return Card(
        id=product.id,
        vendor_slug=product.vendor.slug,
        vendor_name=product.vendor.display_name(shopper.content_locale),
        handle=product.handle,
        name=name or Text(product.handle, "en", True),
        price=pricing.market_price(product.min_price_twd, shopper.market, shopper.ref),
        in_stock=product.in_stock,
        halal=halal_badge(product, shopper),
        image=ImageRef(first.key, first.width, first.height) if first else None,
        variant_id=product.only_variant_id,
    )


def _listing_base() -> Select:
    return select(Product).where(*visible())


def cards_for(product_ids: Sequence[int], shopper: Shopper) -> dict[int, Card]:
    """Cards for visible products among product_ids: from the card cache, the rest in one
    round of queries."""
    found, missing = card_cache.get_many(product_ids, shopper)
    if missing:
        stmt = _with_card_data(
            _listing_base().where(Product.id.in_(missing)), shopper.content_locale
        )
        loaded = {p.id: to_card(p, shopper) for p in db.session.scalars(stmt).unique()}
        card_cache.put_many(loaded, shopper)
        found.update(loaded)
    return found


def approved_vendor(slug: str) -> Vendor | None:
    return db.session.scalar(
        select(Vendor).where(Vendor.slug == slug, Vendor.status == VendorStatus.APPROVED)
    )


# -- product page -----------------------------------------------------------------------------


@dataclass(frozen=True)
class VariantView:
    id: int
    sku: str
    label: Text | None
    price: Money
    price_twd: int
    in_stock: bool
    #: units a shopper can buy now (on hand less what orders hold)
    available: int
    weight_g: int


@dataclass(frozen=True)
class ProductView:
    product: Product
    name: Text
    description: Text | None
    vendor: Vendor
    category: CategoryInfo
    variants: list[VariantView]
    images: list[ImageRef]
    halal: bool
    #: the certificate is valid today (whether or not this market accepts its body)
    halal_certificate_valid: bool
    #: the product's names per content locale, for alternates and structured data
    names: dict[str, str]


def product_detail(vendor_slug: str, handle: str, shopper: Shopper) -> ProductView | None:
    chain = fallback_chain(shopper.content_locale)
    stmt = (
        _listing_base()
        .join(Product.vendor)
        .where(Vendor.slug == vendor_slug, Product.handle == handle)
        .options(
            contains_eager(Product.vendor),
            selectinload(Product.translations),
            selectinload(Product.variants).selectinload(
                Variant.translations.and_(VariantTranslation.locale.in_(chain))
            ),
            selectinload(Product.images).selectinload(ProductImage.translations),
        )
    )
    product = db.session.scalars(stmt).unique().one_or_none()
    if product is None:
        return None
    locale = shopper.content_locale
    name = resolve(product.translations, "name", locale) or Text(product.handle, "en", True)
    variants = [
        VariantView(
            id=v.id,
            sku=v.sku,
            label=resolve(v.translations, "label", locale),
            price=pricing.market_price(v.price_twd, shopper.market, shopper.ref),
            price_twd=v.price_twd,
            in_stock=v.available > 0,
            available=v.available,
            weight_g=v.weight_g,
        )
        for v in product.variants
    ]
    images = [
        ImageRef(img.key, img.width, img.height, resolve(img.translations, "alt", locale))
        for img in product.images
    ]
    return ProductView(
        product=product,
        name=name,
        description=resolve(product.translations, "description", locale),
        vendor=product.vendor,
        category=shopper.ref.categories[product.category_id],
        variants=variants,
        images=images,
        halal=halal_badge(product, shopper),
        halal_certificate_valid=halal.certificate_valid(
            product.halal_body, product.halal_cert_no, product.halal_expires, shopper.today
        ),
        names={t.locale: t.name for t in product.translations},
    )


def estimate_for(view: ProductView, variant: VariantView, shopper: Shopper):
    """Landed-cost estimate for one unit of `variant` shipped alone to the shopper's market."""
    return pricing.estimate_one_item(
        shopper.ref,
        shopper.market,
        variant.price_twd,
        variant.weight_g,
        view.product.category_id,
        view.product.hs_code,
        shopper.today,
    )
