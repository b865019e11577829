"""Builds the demo store. One bulk path for 200 products or 100,000: rows go to the database
in batches with explicit ids (COPY on PostgreSQL, executemany on SQLite; no per-row ORM work).

The demo catalogue is data, in app/demo/data/:
- `<vendor-slug>.csv`, one per demo vendor, in the catalog CSV format vendors upload
  (../shared/formats/catalog-csv.md);
- `pictures.csv` (handle, motif): what images.py draws for each product.
Dates in the catalog files are relative to the day of loading, so the demo's certificates never
run out: a cell `today+N` is that day plus N days. `dated()` writes them as ISO dates before
anything reads the file; after that each file is a valid import file.
"""

from __future__ import annotations

import csv
import itertools
import multiprocessing
import os
import random
import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select, text

from app.demo import images
from app.demo.vendors import VENDORS
from app.demo.zones import ZONES
from app.domain import ubn
from app.domain.catalog_rules import listing_summary
from app.extensions import db
from app.models import (
    Category,
    HalalBody,
    Product,
    ProductImage,
    ProductTranslation,
    StockMovement,
    Variant,
    VariantTranslation,
    Vendor,
    VendorTranslation,
    Zone,
    ZoneMarket,
    ZoneProduct,
    ZoneTranslation,
)
from app.models.catalog import ProductStatus
from app.models.inventory import StockReason
from app.models.user import Role
from app.models.vendor import VendorStatus
from app.services import accounts, bulk_insert, clock
from app.services.catalog import media
from app.services.catalog.csv import reader as catalog_csv
from app.services.search import index as search_index

BATCH = 2000
SEED = 20261122
DATA_DIR = Path(__file__).with_name("data")
#: a whole cell `today+N`: the day of loading plus N days
RELATIVE_DATE = re.compile(rb"(?<![^,\n])today\+([0-9]{1,5})(?![^,\r\n])")

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


def catalog_files() -> dict[str, Path]:
    """Vendor slug -> the demo catalog file of that vendor, in the order of the demo vendors."""
    return {spec["slug"]: DATA_DIR / f"{spec['slug']}.csv" for spec in VENDORS}


def dated(content: bytes, today: date) -> bytes:
    """A demo catalog file with its `today+N` cells written as ISO dates counted from `today`."""
    return RELATIVE_DATE.sub(
        lambda match: (today + timedelta(days=int(match[1]))).isoformat().encode(), content
    )


def read_catalogue(today: date) -> list[dict]:
    """The demo products, interleaved by category so that any prefix of the list
    (`flask demo-data --products 40`) still shows every category."""
    with (DATA_DIR / "pictures.csv").open(encoding="utf-8", newline="") as handle:
        motifs = {row["handle"]: row["motif"] for row in csv.DictReader(handle)}
    products: list[dict] = []
    for vendor, path in catalog_files().items():
        _header, rows = catalog_csv.read_rows(dated(path.read_bytes(), today))
        by_handle: dict[str, dict] = {}
        for _number, cells in rows:
            spec = by_handle.get(cells["handle"])
            if spec is None:
                spec = by_handle[cells["handle"]] = _spec(vendor, cells, motifs)
            spec["variants"].append(
                {
                    "sku": cells["sku"],
                    "labels": catalog_csv.texts(cells, "variant"),
                    "price_twd": int(cells["price_twd"]),
                    "stock": int(cells["stock"]),
                    "weight_g": int(cells["weight_g"]),
                }
            )
        products.extend(by_handle.values())
    by_category: dict[str, list[dict]] = {}
    for product in products:
        by_category.setdefault(product["category"], []).append(product)
    rounds = itertools.zip_longest(*by_category.values())
    return [product for group in rounds for product in group if product is not None]


def _spec(vendor: str, cells: dict[str, str], motifs: dict[str, str]) -> dict:
    """A product as the bulk path takes it, from the cells of its first row."""
    halal = None
    if cells.get("halal", "").lower() == "yes":
        halal = {
            "body": cells["halal_cert_body"].upper(),
            "number": cells["halal_cert_no"],
            "expires": cells["halal_cert_expires"],
        }
    return {
        "handle": cells["handle"],
        "vendor": vendor,
        "category": cells["category"],
        "names": catalog_csv.texts(cells, "name"),
        "descriptions": catalog_csv.texts(cells, "description"),
        "variants": [],
        "halal": halal,
        "exempt": cells.get("exemption", "").lower() or None,
        "hs_code": cells.get("hs_code") or None,
        "origin": (cells.get("origin") or "TW").upper(),
        "motif": motifs[cells["handle"]],
    }


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
    result.zones = _insert_zones(categories)
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
    accounts.create_user(email, password, name, preferred_language="th")
    email, password, name = DEMO_ACCOUNTS["vendor"]
    accounts.create_user(
        email,
        password,
        name,
        role=Role.VENDOR,
        preferred_language="zh-hant",
        vendor_id=vendor_rows[0].id,
        is_vendor_owner=True,
    )
    email, password, name = DEMO_ACCOUNTS["operator"]
    accounts.create_user(email, password, name, role=Role.OPERATOR, preferred_language="en")


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


def _insert_zones(categories: dict[str, int]) -> int:
    """The flagship zone gets a hand-picked mix; the demo zones pick by category or halal."""
    now = clock.now()
    today = clock.today()
    flagship = db.session.scalar(select(Zone).where(Zone.is_flagship.is_(True)))
    if flagship is not None:
        picks = _flagship_picks()
        _fill_zone(flagship.id, picks)
    made = 0
    for position, spec in enumerate(ZONES, start=1):
        zone = Zone(
            slug=spec["slug"],
            accent=spec["accent"],
            position=position,
            starts_at=now + timedelta(days=spec["starts_in_days"]),
            ends_at=now + timedelta(days=spec["ends_in_days"]) if spec["ends_in_days"] else None,
        )
        for locale, (title, blurb) in spec["texts"].items():
            zone.translations.append(ZoneTranslation(locale=locale, title=title, blurb=blurb))
        for code in spec["markets"]:
            zone.markets.append(ZoneMarket(market_code=code))
        db.session.add(zone)
        db.session.flush()
        stmt = select(Product.id).where(Product.status == ProductStatus.ACTIVE.value)
        if spec.get("halal_only"):
            stmt = stmt.where(
                Product.halal_expires >= today,
                Product.halal_body.in_(
                    select(HalalBody.code).where(HalalBody.recognised_by_jakim.is_(True))
                ),
            )
        if spec.get("categories"):
            stmt = stmt.where(Product.category_id.in_([categories[c] for c in spec["categories"]]))
        _fill_zone(zone.id, list(db.session.scalars(stmt.order_by(Product.id).limit(24))))
        made += 1
    return made


def _flagship_picks() -> list[int]:
    """Two products from each of the first vendors: the flagship shows the breadth of the
    store."""
    rows = db.session.execute(
        select(Product.id, Product.vendor_id)
        .where(Product.status == ProductStatus.ACTIVE.value)
        .order_by(Product.vendor_id, Product.id)
    )
    picks = []
    for _vendor, group in itertools.groupby(rows, key=lambda row: row.vendor_id):
        picks.extend(row.id for row in itertools.islice(group, 2))
        if len(picks) >= 16:
            break
    return picks


def _fill_zone(zone_id: int, product_ids: list[int]) -> None:
    if product_ids:
        db.session.execute(
            insert(ZoneProduct.__table__),
            [
                {"zone_id": zone_id, "product_id": pid, "position": pos}
                for pos, pid in enumerate(product_ids)
            ],
        )
