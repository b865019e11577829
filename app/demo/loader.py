"""Builds the demo store. One bulk path for 200 products or 100,000: rows go to the database
in batches with explicit ids (COPY on PostgreSQL, executemany on SQLite; no per-row ORM work).
The catalogue itself is data (app.demo.catalogue reads it).
"""

from __future__ import annotations

import multiprocessing
import os
import random
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select, text

from app.demo import images
from app.demo.catalogue import read_catalogue
from app.demo.vendors import VENDORS
from app.demo.zones import insert_zones
from app.domain import ubn
from app.domain.catalog_rules import listing_summary
from app.extensions import db
from app.models import (
    Category,
    Product,
    ProductImage,
    ProductTranslation,
    StockMovement,
    Variant,
    VariantTranslation,
    Vendor,
    VendorTranslation,
)
from app.models.catalog import ProductStatus
from app.models.inventory import StockReason
from app.models.user import Role
from app.models.vendor import VendorStatus
from app.services import accounts, bulk_insert, clock
from app.services.catalog import media
from app.services.search import index as search_index

BATCH = 2000
SEED = 20261122

#: Demo logins, listed in README.md. Not secrets: this is the demo store.
DEMO_ACCOUNTS = {
    "shopper": ("shopper@demo.example.com", "goodgoods-shopper", "Nong Ploy"),
    "vendor": ("vendor@demo.example.com", "goodgoods-vendor", "林雅婷"),
    "operator": ("ops@demo.example.com", "goodgoods-operator", "Operator Chen"),
}

#: How generated copies of the real catalogue are told apart (large demo catalogues only).
LOT = {"en": "Lot {n}", "zh_Hant": "第 {n} 批", "th": "ล็อต {n}", "ms": "Lot {n}"}


class DemoError(Exception):
    pass


@dataclass
class DemoResult:
    vendors: int = 0
    products: int = 0
    variants: int = 0
    images: int = 0
    zones: int = 0


def store_has_vendors() -> int:
    return db.session.scalar(select(func.count()).select_from(Vendor)) or 0


def _extra_vendor(n: int) -> dict:
    """Vendors past the twelve real ones (for large demo catalogues)."""
    seven = f"{(8_300_000 + n * 7919) % 10_000_000:07d}"
    candidates = ubn.check_digit_candidates(seven)
    return {
        "slug": f"taiwan-maker-{n}",
        "name_en": f"Taiwan Maker {n}",
        "name_zh_hant": f"台灣職人 {n} 號",
        "city_en": "Taipei",
        "city_zh_hant": "台北",
        "ubn": seven + candidates[0] if candidates else None,
        "contact_name": "陳志明",
        "phone": "+886-2-2700-0000",
        "address": "台北市信義區市府路1號",
        "taglines": {"en": "Small-batch goods from Taiwan", "zh_Hant": "台灣小量生產的好物"},
        "stories": {
            "en": "A family workshop making goods in small batches.",
            "zh_Hant": "以小量生產為堅持的家庭工坊。",
        },
    }


def load(
    products: int = 200,
    vendors: int = 12,
    media_root: str = "instance/media",
    progress: Callable[[int], None] | None = None,
    search_progress: Callable[[int], None] | None = None,
) -> DemoResult:
    """Fill an empty store with the demo catalogue. Raises DemoError when it is not empty."""
    if products < 0 or vendors < 1:
        raise DemoError("Ask for at least one vendor and zero or more products.")
    existing = store_has_vendors()
    if existing:
        raise DemoError(
            f"The store already has {existing} vendor(s); demo data goes into an empty store only."
        )
    rng = random.Random(SEED)
    result = DemoResult()
    vendor_rows = _insert_vendors(vendors)
    result.vendors = len(vendor_rows)
    _insert_accounts(vendor_rows)
    categories = {c.slug: c.id for c in db.session.scalars(select(Category))}
    catalogue = read_catalogue(clock.today())
    pictures = _store_pictures(catalogue, media_root, limit=products)
    result.images = len(pictures)
    counts = _insert_products(catalogue, products, vendor_rows, categories, pictures, rng, progress)
    result.products, result.variants = counts
    _sync_sequences([Product, ProductTranslation, Variant, VariantTranslation, ProductImage])
    result.zones = insert_zones(categories)
    db.session.flush()
    search_index.reindex_all(progress=search_progress)
    return result


def _insert_vendors(count: int) -> list[Vendor]:
    specs = list(VENDORS[:count]) + [_extra_vendor(n) for n in range(13, count + 1)]
    rows = []
    approved_at = clock.now() - timedelta(days=60)
    for spec in specs:
        vendor = Vendor(
            slug=spec["slug"],
            name_en=spec["name_en"],
            name_zh_hant=spec["name_zh_hant"],
            ubn=spec.get("ubn"),
            status=VendorStatus.APPROVED.value,
            contact_name=spec.get("contact_name", ""),
            email=f"hello@{spec['slug']}.example.tw",
            phone=spec.get("phone", ""),
            address=spec.get("address", ""),
            city_en=spec.get("city_en", ""),
            city_zh_hant=spec.get("city_zh_hant", ""),
            decided_at=approved_at,
            decision_reason="Demo vendor",
        )
        for locale in ("en", "zh_Hant", "th", "ms"):
            tagline = spec.get("taglines", {}).get(locale)
            story = spec.get("stories", {}).get(locale)
            if tagline or story:
                vendor.translations.append(
                    VendorTranslation(locale=locale, tagline=tagline or "", story=story or "")
                )
        db.session.add(vendor)
        rows.append(vendor)
    db.session.flush()
    return rows


def _insert_accounts(vendor_rows: list[Vendor]) -> None:
    email, password, name = DEMO_ACCOUNTS["shopper"]
    # the demo's addresses count as confirmed: README lists them to sign in with at once
    accounts.create_user(email, password, name, preferred_language="th", verified=True)
    email, password, name = DEMO_ACCOUNTS["vendor"]
    accounts.create_user(
        email,
        password,
        name,
        role=Role.VENDOR,
        preferred_language="zh-hant",
        vendor_id=vendor_rows[0].id,
        is_vendor_owner=True,
        verified=True,
    )
    email, password, name = DEMO_ACCOUNTS["operator"]
    accounts.create_user(
        email, password, name, role=Role.OPERATOR, preferred_language="en", verified=True
    )


def _draw_and_store(job: tuple[str, str, str, str]) -> tuple[str, media.StoredImage]:
    motif, category, handle, media_root = job
    return handle, media.store_pil(images.draw(motif, category, handle), media_root)


def _store_pictures(
    catalogue: list[dict], media_root: str, limit: int
) -> dict[str, media.StoredImage]:
    """One picture per real catalogue product (copies reuse them), drawn on every core:
    encoding WebP renditions is most of the demo's set-up time."""
    jobs = [
        (spec["motif"], spec["category"], spec["handle"], media_root)
        for spec in catalogue[: max(limit, 0)]
    ]
    if len(jobs) < 8:
        return dict(map(_draw_and_store, jobs))
    # fork: the workers only draw and write files, never touch the database connection
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1, mp_context=context) as pool:
        return dict(pool.map(_draw_and_store, jobs, chunksize=8))


def _sync_sequences(models) -> None:
    """Rows went in with explicit ids; move PostgreSQL's id sequences past them so the next
    ordinary insert (a vendor's new listing) does not collide."""
    if db.session.get_bind().dialect.name != "postgresql":
        return
    for model in models:
        table = model.__tablename__
        db.session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608 - model names
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
        )


def _next_id(model) -> int:
    return (db.session.scalar(select(func.max(model.id))) or 0) + 1


def _texts_for(spec: dict, copy: int) -> tuple[dict, dict]:
    names = dict(spec["names"])
    if copy:
        names = {loc: f"{name} · {LOT[loc].format(n=copy)}" for loc, name in names.items()}
    return names, spec["descriptions"]


def _insert_products(
    catalogue, total, vendor_rows, categories, pictures, rng, progress
) -> tuple[int, int]:
    vendor_by_slug = {v.slug: v for v in vendor_rows}
    ids = {
        "product": _next_id(Product),
        "translation": _next_id(ProductTranslation),
        "variant": _next_id(Variant),
        "variant_translation": _next_id(VariantTranslation),
        "image": _next_id(ProductImage),
    }
    now = clock.now()
    made_products = made_variants = 0
    for start in range(0, total, BATCH):
        rows: dict[str, list[dict]] = {
            "products": [],
            "translations": [],
            "variants": [],
            "vtrans": [],
            "movements": [],
            "images": [],
        }
        for index in range(start, min(start + BATCH, total)):
            spec = catalogue[index % len(catalogue)]
            copy = index // len(catalogue)
            vendor = vendor_by_slug.get(spec["vendor"]) or vendor_rows[index % len(vendor_rows)]
            product_id = ids["product"]
            ids["product"] += 1
            rows["products"].append(
                _product_row(spec, copy, product_id, vendor, categories, rng, now)
            )
            names, descriptions = _texts_for(spec, copy)
            for locale, name in names.items():
                rows["translations"].append(
                    {
                        "id": ids["translation"],
                        "product_id": product_id,
                        "locale": locale,
                        "name": name,
                        "description": descriptions.get(locale, ""),
                    }
                )
                ids["translation"] += 1
            for position, variant in enumerate(spec["variants"]):
                variant_id = ids["variant"]
                ids["variant"] += 1
                rows["variants"].append(
                    {
                        "id": variant_id,
                        "product_id": product_id,
                        "vendor_id": vendor.id,
                        "sku": variant["sku"] if not copy else f"{variant['sku'][:54]}-{copy}",
                        "position": position,
                        "price_twd": variant["price_twd"],
                        "on_hand": variant["stock"],
                        "reserved": 0,
                        "weight_g": variant["weight_g"],
                    }
                )
                if variant["stock"]:
                    # the stock ledger starts with what the variant holds (inventory's rule)
                    rows["movements"].append(
                        {
                            "variant_id": variant_id,
                            "reason": StockReason.OPENING.value,
                            "on_hand_delta": variant["stock"],
                            "reserved_delta": 0,
                            "created_at": now,
                        }
                    )
                for locale, label in variant["labels"].items():
                    rows["vtrans"].append(
                        {
                            "id": ids["variant_translation"],
                            "variant_id": variant_id,
                            "locale": locale,
                            "label": label,
                        }
                    )
                    ids["variant_translation"] += 1
            picture = pictures.get(spec["handle"])
            if picture is not None:
                rows["images"].append(
                    {
                        "id": ids["image"],
                        "product_id": product_id,
                        "position": 0,
                        "key": picture.key,
                        "width": picture.width,
                        "height": picture.height,
                        "created_at": now,
                    }
                )
                ids["image"] += 1
        for model, key in (
            (Product, "products"),
            (ProductTranslation, "translations"),
            (Variant, "variants"),
            (VariantTranslation, "vtrans"),
            (ProductImage, "images"),
            (StockMovement, "movements"),
        ):
            bulk_insert.insert_rows(model.__table__, rows[key])
        made_products += len(rows["products"])
        made_variants += len(rows["variants"])
        if progress:
            progress(len(rows["products"]))
    return made_products, made_variants


def _product_row(spec, copy, product_id, vendor, categories, rng, now) -> dict:
    variants = spec["variants"]
    halal = spec.get("halal") or {}
    return {
        "id": product_id,
        "vendor_id": vendor.id,
        "handle": spec["handle"] if not copy else f"{spec['handle'][:56]}-{copy}",
        "category_id": categories[spec["category"]],
        "status": ProductStatus.ACTIVE.value,
        "hs_code": spec.get("hs_code"),
        "origin": spec.get("origin", "TW"),
        "halal_body": halal.get("body"),
        "halal_cert_no": halal.get("number"),
        "halal_expires": date.fromisoformat(halal["expires"]) if halal else None,
        "exemption": spec.get("exempt"),
        **_summary(variants),
        # spread over half a year so "newest" means something
        "published_at": now - timedelta(minutes=rng.randrange(1, 180 * 24 * 60)),
        "created_at": now,
        "updated_at": now,
    }


def _summary(variants: list[dict]) -> dict:
    low, in_stock = listing_summary((v["price_twd"], v["stock"]) for v in variants)
    return {"min_price_twd": low, "in_stock": in_stock}
