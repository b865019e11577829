"""Callable factories for test data (indico style): make.vendor(), make.product(), ..."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from app.domain.catalog_rules import listing_summary
from app.models import (
    Category,
    Product,
    ProductImage,
    ProductTranslation,
    Variant,
    VariantTranslation,
    Vendor,
    Zone,
    ZoneMarket,
    ZoneProduct,
    ZoneTranslation,
)
from app.models.user import Role
from app.services import accounts, cache, cache_versions
from app.services.search import index as search_index

_seq = itertools.count(1)
PASSWORD = "correct-horse-battery"


class Factories:
    def __init__(self, db):
        self.db = db

    def category(self, slug: str) -> Category:
        return self.db.session.scalar(select(Category).where(Category.slug == slug))

    def user(self, role: Role = Role.SHOPPER, email: str | None = None, vendor=None, **kw):
        n = next(_seq)
        user = accounts.create_user(
            email or f"user{n}@example.com",
            kw.pop("password", PASSWORD),
            kw.pop("name", f"User {n}"),
            role=role,
            vendor_id=vendor.id if vendor else None,
            is_vendor_owner=kw.pop("is_vendor_owner", vendor is not None),
            # made by the tests, not signed up: confirmed unless a test says otherwise
            verified=kw.pop("verified", True),
            **kw,
        )
        self.db.session.flush()
        return user

    def vendor(self, slug: str | None = None, status: str = "approved", **kw) -> Vendor:
        n = next(_seq)
        vendor = Vendor(
            slug=slug or f"vendor-{n}",
            name_en=kw.pop("name_en", f"Vendor {n}"),
            name_zh_hant=kw.pop("name_zh_hant", f"廠商{n}"),
            email=kw.pop("email", f"vendor{n}@example.com"),
            status=status,
            **kw,
        )
        self.db.session.add(vendor)
        self.db.session.flush()
        return vendor

    def product(
        self,
        vendor: Vendor | None = None,
        names: dict[str, str] | None = None,
        descriptions: dict[str, str] | None = None,
        category: str = "tea",
        variants: list[dict] | None = None,
        status: str = "active",
        published_at: datetime | None = None,
        handle: str | None = None,
        image: tuple[str, int, int] | None = None,
        **kw,
    ) -> Product:
        n = next(_seq)
        vendor = vendor or self.vendor()
        variants = variants or [{"price_twd": 450, "stock": 10, "weight_g": 300}]
        product = Product(
            vendor_id=vendor.id,
            handle=handle or f"product-{n}",
            category_id=self.category(category).id,
            status=status,
            min_price_twd=1,
            published_at=published_at or datetime.now(UTC) - timedelta(minutes=n),
            **kw,
        )
        for locale, name in (names or {"en": f"Product {n}"}).items():
            product.translations.append(
                ProductTranslation(
                    locale=locale, name=name, description=(descriptions or {}).get(locale, "")
                )
            )
        for position, spec in enumerate(variants):
            variant = Variant(
                vendor_id=vendor.id,
                sku=spec.get("sku", f"SKU-{n}-{position}"),
                position=position,
                price_twd=spec["price_twd"],
                on_hand=spec.get("stock", 0),
                reserved=spec.get("reserved", 0),
                weight_g=spec.get("weight_g", 300),
            )
            for locale, label in spec.get("labels", {}).items():
                variant.translations.append(VariantTranslation(locale=locale, label=label))
            product.variants.append(variant)
        product.min_price_twd, product.in_stock = listing_summary(
            (v.price_twd, v.on_hand - v.reserved) for v in product.variants
        )
        if image:
            key, width, height = image
            product.images.append(ProductImage(key=key, width=width, height=height))
        self.db.session.add(product)
        self.db.session.flush()
        search_index.refresh([product.id])  # as the catalog services do
        return product

    def photo(self, product: Product, actor=None, hold_for_review: bool = False) -> ProductImage:
        """A photo added to a product as the portal adds one (a complete draft is listed)."""
        from app.services.catalog import admin as catalog_admin

        n = next(_seq)
        image = ProductImage(key=f"{n:064x}"[:64], width=800, height=800, position=n)
        product.images.append(image)
        catalog_admin.photos_changed(product, actor, hold_for_review)
        return image

    def zone(
        self,
        slug: str | None = None,
        markets=("TH", "MY", "SG", "PH", "TW"),
        products=(),
        titles: dict[str, str] | None = None,
        starts_at: datetime | None = None,
        ends_at: datetime | None = None,
        **kw,
    ) -> Zone:
        n = next(_seq)
        zone = Zone(
            slug=slug or f"zone-{n}",
            starts_at=starts_at or datetime.now(UTC) - timedelta(days=1),
            ends_at=ends_at,
            **kw,
        )
        for locale, title in (titles or {"en": f"Zone {n}"}).items():
            zone.translations.append(ZoneTranslation(locale=locale, title=title, blurb=""))
        for code in markets:
            zone.markets.append(ZoneMarket(market_code=code))
        for position, product in enumerate(products):
            zone.products.append(ZoneProduct(product_id=product.id, position=position))
        self.db.session.add(zone)
        self.db.session.flush()
        # as an operator's new zone does (services.zone_admin): pages and the zone schedules
        # kept in memory are emptied, here at once (a test may not commit before it asks)
        cache_versions.bump("catalog")
        cache.invalidate_areas(["catalog"])
        return zone


def halal(body: str = "THIDA", expires: date | None = None) -> dict:
    return {
        "halal_body": body,
        "halal_cert_no": "THIDA-2026-0001",
        "halal_expires": expires or date.today() + timedelta(days=365),
    }
