"""What the vendor portal shows about a vendor's catalog: counts, low stock, missing
translations, the product list (searched, filtered, paged)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from app.domain.locales import CONTENT_LOCALES
from app.extensions import db
from app.models import HalalBody, Product, ProductTranslation, Variant, Vendor
from app.models.catalog import ProductStatus
from app.services import like
from app.services.catalog import listing
from app.services.i18n import resolve

LOW_STOCK = 5
PRODUCTS_PER_PAGE = 50
#: statuses the product list can be filtered by (archived products are not the vendor's
#: to manage any more)
LIST_STATUSES = tuple(s.value for s in ProductStatus if s is not ProductStatus.ARCHIVED)


def completeness(product: Product) -> dict[str, int]:
    """Per content locale: how much of name, description and option labels is written (%)."""
    names = {t.locale: t for t in product.translations}
    result = {}
    for locale in CONTENT_LOCALES:
        parts = [
            bool(names.get(locale) and names[locale].name),
            bool(names.get(locale) and names[locale].description),
        ]
        for variant in product.variants:
            parts.append(any(t.locale == locale and t.label for t in variant.translations))
        result[locale] = round(100 * sum(parts) / len(parts)) if parts else 0
    return result


def status_counts(vendor: Vendor) -> dict[str, int]:
    rows = db.session.execute(
        select(Product.status, func.count())
        .where(Product.vendor_id == vendor.id, Product.status != ProductStatus.ARCHIVED)
        .group_by(Product.status)
    )
    return {status: count for status, count in rows}


def low_stock(vendor: Vendor, limit: int = 20) -> list[tuple[Variant, Product]]:
    """Listed options with few or no units available, emptiest first, with their text."""
    available = Variant.on_hand - Variant.reserved
    return list(
        db.session.execute(
            select(Variant, Product)
            .join(Product, Product.id == Variant.product_id)
            .where(
                Variant.vendor_id == vendor.id,
                available <= LOW_STOCK,
                Product.status.in_([ProductStatus.ACTIVE, ProductStatus.PENDING_REVIEW]),
            )
            .order_by(available, Variant.id)
            .limit(limit)
            .options(selectinload(Variant.translations), selectinload(Product.translations))
        ).all()
    )


def translation_gaps(vendor: Vendor, limit: int = 20) -> list[tuple[Product, list[str]]]:
    """Products with no name in one of the shoppers' languages (the first `limit`)."""
    named_everywhere = (
        select(ProductTranslation.product_id)
        .where(ProductTranslation.name != "")
        .group_by(ProductTranslation.product_id)
        .having(func.count() >= len(CONTENT_LOCALES))
    )
    products = db.session.scalars(
        select(Product)
        .where(
            Product.vendor_id == vendor.id,
            Product.status.not_in([ProductStatus.REMOVED, ProductStatus.ARCHIVED]),
            Product.id.not_in(named_everywhere),
        )
        .order_by(Product.id)
        .limit(limit)
        .options(selectinload(Product.translations))
    )
    gaps = []
    for product in products:
        have = {t.locale for t in product.translations if t.name}
        gaps.append((product, [loc for loc in CONTENT_LOCALES if loc not in have]))
    return gaps


def drafts(vendor: Vendor, limit: int = 20) -> list[tuple[Product, list[str]]]:
    """Drafts and what each still lacks before it can be listed."""
    products = db.session.scalars(
        select(Product)
        .where(Product.vendor_id == vendor.id, Product.status == ProductStatus.DRAFT)
        .order_by(Product.id.desc())
        .limit(limit)
        .options(selectinload(Product.translations), selectinload(Product.images))
    )
    return [(product, listing.missing(product)) for product in products]


def product_count(vendor: Vendor) -> int:
    return (
        db.session.scalar(
            select(func.count())
            .select_from(Product)
            .where(Product.vendor_id == vendor.id, Product.status != ProductStatus.ARCHIVED)
        )
        or 0
    )


@dataclass(frozen=True)
class ProductFilter:
    #: words in a name (any language), the handle or a SKU
    q: str = ""
    status: str | None = None

    @classmethod
    def of(cls, q: str | None, status: str | None) -> ProductFilter:
        return cls((q or "").strip()[:100], status if status in LIST_STATUSES else None)


def vendor_products(
    vendor: Vendor,
    after: int | None,
    wanted: ProductFilter | None = None,
    size: int = PRODUCTS_PER_PAGE,
):
    """A page of the vendor's products, newest first, with what the list shows; and the id to
    continue after (None on the last page)."""
    stmt = (
        select(Product)
        .where(Product.vendor_id == vendor.id, Product.status != ProductStatus.ARCHIVED)
        .order_by(Product.id.desc())
        .limit(size + 1)
        .options(
            selectinload(Product.translations),
            selectinload(Product.variants).selectinload(Variant.translations),
            selectinload(Product.images),
        )
    )
    wanted = wanted or ProductFilter()
    if wanted.status:
        stmt = stmt.where(Product.status == wanted.status)
    if wanted.q:
        lowered = wanted.q.lower()
        named = select(ProductTranslation.product_id).where(
            like.contains(func.lower(ProductTranslation.name), lowered)
        )
        by_sku = select(Variant.product_id).where(
            Variant.vendor_id == vendor.id, like.contains(func.lower(Variant.sku), lowered)
        )
        stmt = stmt.where(
            or_(
                Product.id.in_(named),
                Product.id.in_(by_sku),
                like.contains(Product.handle, lowered),
            )
        )
    if after is not None:
        stmt = stmt.where(Product.id < after)
    products = list(db.session.scalars(stmt))
    more = len(products) > size
    products = products[:size]
    return products, (products[-1].id if more and products else None)


# -- rows the portal's pages show ---------------------------------------------------------------


def product_name(product: Product, content_locale: str) -> str:
    """The product's name for the vendor reading the portal (the handle when it has none)."""
    name = resolve(product.translations, "name", content_locale)
    return name.value if name else product.handle


@dataclass(frozen=True)
class VariantRow:
    id: int
    sku: str
    label: str
    price_twd: int
    on_hand: int
    reserved: int
    product_id: int
    product_name: str

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


def variant_row(variant: Variant, product: Product, content_locale: str) -> VariantRow:
    label = resolve(variant.translations, "label", content_locale)
    return VariantRow(
        id=variant.id,
        sku=variant.sku,
        label=label.value if label else "",
        price_twd=variant.price_twd,
        on_hand=variant.on_hand,
        reserved=variant.reserved,
        product_id=product.id,
        product_name=product_name(product, content_locale),
    )


@dataclass(frozen=True)
class ProductRow:
    product: Product
    name: str
    completeness: dict[str, int]
    missing: list[str]
    variants: list[VariantRow]


def product_rows(products: list[Product], content_locale: str) -> list[ProductRow]:
    return [
        ProductRow(
            product=product,
            name=product_name(product, content_locale),
            completeness=completeness(product),
            missing=listing.missing(product),
            variants=[variant_row(v, product, content_locale) for v in product.variants],
        )
        for product in products
    ]


def low_stock_rows(vendor: Vendor, content_locale: str) -> list[VariantRow]:
    return [variant_row(v, p, content_locale) for v, p in low_stock(vendor)]


@dataclass(frozen=True)
class Dashboard:
    products: int
    counts: dict[str, int]
    low_stock: list[VariantRow]
    #: (product, its name, missing languages)
    gaps: list[tuple[Product, str, list[str]]]
    #: (product, its name, what it lacks before it can be listed)
    drafts: list[tuple[Product, str, list[str]]]


def dashboard(vendor: Vendor, content_locale: str) -> Dashboard:
    """What an approved vendor's dashboard shows (a pending vendor sees only its status)."""
    if not vendor.is_approved:
        return Dashboard(0, {}, [], [], [])
    return Dashboard(
        products=product_count(vendor),
        counts=status_counts(vendor),
        low_stock=low_stock_rows(vendor, content_locale),
        gaps=[(p, product_name(p, content_locale), m) for p, m in translation_gaps(vendor)],
        drafts=[(p, product_name(p, content_locale), m) for p, m in drafts(vendor)],
    )


def variant_view(variant: Variant, content_locale: str) -> VariantRow:
    return variant_row(variant, db.session.get(Product, variant.product_id), content_locale)


def halal_codes() -> list[str]:
    """Certifying bodies the store knows, for the product form's suggestions."""
    return list(db.session.scalars(select(HalalBody.code).order_by(HalalBody.code)))
