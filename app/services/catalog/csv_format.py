"""Bulk listing: the catalog CSV format (../shared/formats/catalog-csv.md).

One code path for the portal upload and `flask catalog import`: `plan()` reads and checks the
whole file and compares it with the vendor's catalog; `apply()` writes the plan. A file with
any error changes nothing; applying the same file twice changes nothing the second time.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain import plain_text
from app.domain.locales import CONTENT_LOCALES
from app.extensions import db
from app.models import (
    Category,
    Product,
    ProductTranslation,
    User,
    Variant,
    VariantTranslation,
    Vendor,
)
from app.models.catalog import Exemption, ProductStatus
from app.services import audit, clock
from app.services.catalog import events as product_events
from app.services.catalog.admin import (
    HANDLE,
    HS_CODE,
    MAX_PRICE_TWD,
    MAX_STOCK,
    MAX_WEIGHT_G,
    SKU,
    new_listing_status,
    refresh_summary,
)

MAX_ROWS = 10_000
MAX_BYTES = 5 * 1024 * 1024
LOCALE_SUFFIX = {"en": "en", "zh_hant": "zh_Hant", "th": "th", "ms": "ms"}
PRODUCT_TEXT_COLUMNS = [
    f"{kind}_{suffix}" for kind in ("name", "description") for suffix in LOCALE_SUFFIX
]
VARIANT_COLUMNS = [f"variant_{suffix}" for suffix in LOCALE_SUFFIX]
COLUMNS = [
    "handle",
    "sku",
    "category",
    "name_en",
    "name_zh_hant",
    "name_th",
    "name_ms",
    "description_en",
    "description_zh_hant",
    "description_th",
    "description_ms",
    "variant_en",
    "variant_zh_hant",
    "variant_th",
    "variant_ms",
    "price_twd",
    "stock",
    "weight_g",
    "halal",
    "halal_cert_body",
    "halal_cert_no",
    "halal_cert_expires",
    "hs_code",
    "origin",
    "exemption",
]
REQUIRED = ["handle", "sku", "category", "name_en", "price_twd", "stock", "weight_g"]
LIMITS = {
    "name": 200,
    "description": 10_000,
    "variant": 120,
    "halal_cert_body": 64,
    "halal_cert_no": 64,
}
#: spreadsheet programs run cells that start like a formula; exports escape them with "'"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class RowError:
    #: spreadsheet row number (the header is row 1); 0 for problems with the whole file
    row: int
    column: str | None
    message: object  # a lazy, translatable string

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row else "file"
        if self.column:
            where += f", {self.column}"
        return f"{where}: {self.message}"


class ImportFailed(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("\n".join(map(str, errors[:20])))
        self.errors = errors


@dataclass
class VariantPlan:
    row: int
    sku: str
    price_twd: int
    stock: int
    weight_g: int
    labels: dict[str, str]
    existing: Variant | None = None
    changed: bool = True


@dataclass
class ProductPlan:
    row: int
    handle: str
    category_id: int
    category_slug: str
    names: dict[str, str]
    descriptions: dict[str, str]
    halal: dict | None  # None: not given; {} : no certificate; else the certificate
    hs_code: str | None
    origin: str | None
    #: "" when the column is there and blank (the cooling-off period applies); None when the
    #: file has no such column (keep what the product has)
    exemption: str | None = None
    variants: list[VariantPlan] = field(default_factory=list)
    existing: Product | None = None
    changed: bool = True


@dataclass
class Plan:
    products: list[ProductPlan]
    rows: int

    @property
    def products_created(self) -> int:
        return sum(1 for p in self.products if p.existing is None)

    @property
    def products_updated(self) -> int:
        return sum(1 for p in self.products if p.existing is not None and p.changed)

    @property
    def variants_created(self) -> int:
        return sum(1 for p in self.products for v in p.variants if v.existing is None)

    @property
    def variants_updated(self) -> int:
        return sum(
            1 for p in self.products for v in p.variants if v.existing is not None and v.changed
        )


# -- reading --------------------------------------------------------------------------------


def _decode(content: bytes) -> str:
    if not content.strip():
        raise ImportFailed([RowError(0, None, _l("The file is empty."))])
    if len(content) > MAX_BYTES:
        raise ImportFailed([RowError(0, None, _l("The file is larger than 5 MB."))])
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise ImportFailed(
            [
                RowError(
                    0,
                    None,
                    _l(
                        "The file is not UTF-8 text. In Excel choose “Save as” → “CSV UTF-8 (Comma "
                        "delimited)”, then upload it again."
                    ),
                )
            ]
        ) from None
    if "\x00" in text:
        raise ImportFailed([RowError(0, None, _l("This is not a CSV text file."))])
    return text


def _cell(value: str) -> str:
    value = plain_text.clean(value).strip()
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_START:
        value = value[1:]  # our own export's escape
    return value


def read_rows(content: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header and (row number, cells) of every non-empty row. Raises ImportFailed."""
    text = _decode(content)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as error:
        raise ImportFailed(
            [
                RowError(
                    reader.line_num,
                    None,
                    _l(
                        "The file is not valid CSV here (%(detail)s). Check for a stray quote.",
                        detail=str(error),
                    ),
                )
            ]
        ) from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise ImportFailed([RowError(1, None, _l("The first row must name the columns."))])
    header = [name.strip().lower() for name in records[0]]
    errors = []
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        errors.append(
            RowError(1, None, _l("Unknown columns: %(columns)s.", columns=", ".join(unknown)))
        )
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        errors.append(
            RowError(
                1, None, _l("Missing required columns: %(columns)s.", columns=", ".join(missing))
            )
        )
    for name in sorted({n for n in header if n and header.count(n) > 1}):
        errors.append(RowError(1, name, _l("This column appears more than once.")))
    if "" in header:
        errors.append(RowError(1, None, _l("A column has no name.")))
    if errors:
        raise ImportFailed(errors)
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(header) and any(cell.strip() for cell in record[len(header) :]):
            errors.append(RowError(number, None, _l("This row has more cells than the header.")))
            continue
        record = record + [""] * (len(header) - len(record))
        rows.append(
            (number, {name: _cell(value) for name, value in zip(header, record, strict=False)})
        )
    if len(rows) > MAX_ROWS:
        raise ImportFailed(
            [RowError(0, None, _l("The file has more than %(max)s rows.", max="10,000"))]
        )
    if not rows and not errors:
        raise ImportFailed([RowError(0, None, _l("The file has no product rows."))])
    if errors:
        raise ImportFailed(errors)
    return header, rows


def _whole(value: str) -> int | None:
    value = unicodedata.normalize("NFKC", value)
    return int(value) if re.fullmatch(r"[0-9]{1,9}", value) else None


def _texts(cells: dict, kind: str) -> dict[str, str]:
    return {
        LOCALE_SUFFIX[s]: cells.get(f"{kind}_{s}", "")
        for s in LOCALE_SUFFIX
        if cells.get(f"{kind}_{s}", "")
    }


# -- checking ---------------------------------------------------------------------------------


def plan(vendor: Vendor, content: bytes) -> Plan:
    """Read and check the whole file against the vendor's catalog. Raises ImportFailed."""
    header, rows = read_rows(content)
    categories = {c.slug: c.id for c in db.session.scalars(select(Category))}
    errors: list[RowError] = []
    products: dict[str, ProductPlan] = {}
    sku_rows: dict[str, int] = {}
    today = clock.today()

    def error(row, column, message):
        errors.append(RowError(row, column, message))

    for number, cells in rows:
        handle = cells.get("handle", "")
        sku = cells.get("sku", "")
        if not handle:
            error(number, "handle", _l("Required."))
        elif not HANDLE.fullmatch(handle):
            error(number, "handle", _l("Use lower-case letters, digits and hyphens, at most 64."))
        if not sku:
            error(number, "sku", _l("Required."))
        elif not SKU.fullmatch(sku):
            error(
                number, "sku", _l("Use letters, digits, dots, hyphens and underscores, at most 64.")
            )
        elif sku in sku_rows:
            error(number, "sku", _l("This SKU is already on row %(row)d.", row=sku_rows[sku]))
        else:
            sku_rows[sku] = number
        price = _whole(cells.get("price_twd", ""))
        if price is None or not 0 < price <= MAX_PRICE_TWD:
            error(number, "price_twd", _l("A whole number of NT$ above 0, like 450."))
        stock = _whole(cells.get("stock", ""))
        if stock is None or stock > MAX_STOCK:
            error(number, "stock", _l("A whole number, 0 or more."))
        weight = _whole(cells.get("weight_g", ""))
        if weight is None or not 0 < weight <= MAX_WEIGHT_G:
            error(number, "weight_g", _l("The weight in grams, a whole number above 0."))
        labels = _texts(cells, "variant")
        for suffix in LOCALE_SUFFIX:
            if len(cells.get(f"variant_{suffix}", "")) > LIMITS["variant"]:
                error(
                    number,
                    f"variant_{suffix}",
                    _l("At most %(max)d characters.", max=LIMITS["variant"]),
                )
        if not handle or not HANDLE.fullmatch(handle):
            continue
        product = products.get(handle)
        if product is None:
            product = _product_plan(number, handle, cells, categories, today, error)
            if "exemption" in header:
                product.exemption = _exemption(number, cells, error)
            products[handle] = product
        if price is not None and stock is not None and weight is not None:
            product.variants.append(VariantPlan(number, sku, price, stock, weight, labels))
    for product in products.values():
        if len(product.variants) > 1:
            for variant in product.variants:
                if not variant.labels.get("en"):
                    error(
                        variant.row,
                        "variant_en",
                        _l("Name each variant in English when a product has several rows."),
                    )
    # Compare with the catalog even when cells are wrong, so one upload reports everything.
    _compare_with_catalog(vendor, products, error)
    if errors:
        raise ImportFailed(
            sorted(
                errors,
                key=lambda e: (e.row, COLUMNS.index(e.column) if e.column in COLUMNS else -1),
            )
        )
    return Plan(list(products.values()), len(rows))


def _product_plan(number, handle, cells, categories, today, error) -> ProductPlan:
    slug = cells.get("category", "")
    if not slug:
        error(number, "category", _l("Required."))
    elif slug not in categories:
        error(
            number,
            "category",
            _l(
                "No category “%(slug)s”. Use one of: %(slugs)s.",
                slug=slug,
                slugs=", ".join(sorted(categories)),
            ),
        )
    if not cells.get("name_en"):
        error(number, "name_en", _l("Required."))
    for kind in ("name", "description"):
        for suffix in LOCALE_SUFFIX:
            if len(cells.get(f"{kind}_{suffix}", "")) > LIMITS[kind]:
                error(
                    number, f"{kind}_{suffix}", _l("At most %(max)d characters.", max=LIMITS[kind])
                )
    halal = _halal(number, cells, today, error)
    hs_code = cells.get("hs_code") or None
    if hs_code and not HS_CODE.fullmatch(hs_code):
        error(number, "hs_code", _l("An HS code has 6 to 10 digits."))
    origin = (cells.get("origin") or "").upper() or None
    if origin and not re.fullmatch(r"[A-Z]{2}", origin):
        error(number, "origin", _l("A two-letter country code such as TW."))
    return ProductPlan(
        row=number,
        handle=handle,
        category_id=categories.get(slug, 0),
        category_slug=slug,
        names=_texts(cells, "name"),
        descriptions=_texts(cells, "description"),
        halal=halal,
        hs_code=hs_code,
        origin=origin,
    )


def _exemption(number, cells, error) -> str:
    value = cells.get("exemption", "").lower()
    if value and value not in {e.value for e in Exemption}:
        error(
            number,
            "exemption",
            _l(
                "Leave it blank or write one of: %(values)s.",
                values=", ".join(e.value for e in Exemption),
            ),
        )
    return value


def _halal(number, cells, today, error) -> dict | None:
    flag = cells.get("halal", "").lower()
    if flag not in ("", "yes", "no"):
        error(number, "halal", _l("Write yes or no."))
        return None
    if flag != "yes":
        return {} if flag == "no" else None
    certificate = {}
    for column in ("halal_cert_body", "halal_cert_no", "halal_cert_expires"):
        if not cells.get(column):
            error(number, column, _l("Needed when halal is yes."))
        elif column in LIMITS and len(cells[column]) > LIMITS[column]:
            error(number, column, _l("At most %(max)d characters.", max=LIMITS[column]))
    expires = cells.get("halal_cert_expires", "")
    if expires:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", expires):
                raise ValueError(expires)
            day = date.fromisoformat(expires)
        except ValueError:
            error(number, "halal_cert_expires", _l("A date like 2027-06-30."))
        else:
            # A past date is refused unless it is the certificate the product already has
            # (an exported catalog must import back): checked against the catalog later.
            certificate["expired"] = day < today
            certificate["expires"] = day
    certificate["body"] = cells.get("halal_cert_body", "").upper()
    certificate["number"] = cells.get("halal_cert_no", "")
    return certificate


def _compare_with_catalog(vendor: Vendor, products: dict[str, ProductPlan], error) -> None:
    existing_products = {
        p.handle: p
        for p in db.session.scalars(
            select(Product)
            .where(Product.vendor_id == vendor.id, Product.handle.in_(list(products)))
            .options(selectinload(Product.translations))
        )
    }
    skus = [v.sku for p in products.values() for v in p.variants]
    existing_variants: dict[str, Variant] = {}
    for start in range(0, len(skus), 900):  # stay under SQLite's bound-parameter limit
        for variant in db.session.scalars(
            select(Variant)
            .where(Variant.vendor_id == vendor.id, Variant.sku.in_(skus[start : start + 900]))
            .options(selectinload(Variant.translations))
        ):
            existing_variants[variant.sku] = variant
    owners = {p.id: p.handle for p in existing_products.values()}
    missing_owner_ids = {v.product_id for v in existing_variants.values()} - set(owners)
    if missing_owner_ids:
        for product_id, handle in db.session.execute(
            select(Product.id, Product.handle).where(Product.id.in_(missing_owner_ids))
        ):
            owners[product_id] = handle
    for plan_item in products.values():
        product = existing_products.get(plan_item.handle)
        plan_item.existing = product
        if plan_item.halal and plan_item.halal.pop("expired", False):
            stored = product and (product.halal_body, product.halal_cert_no, product.halal_expires)
            wanted = (
                plan_item.halal["body"],
                plan_item.halal["number"],
                plan_item.halal["expires"],
            )
            if stored != wanted:
                error(
                    plan_item.row, "halal_cert_expires", _l("This certificate has already expired.")
                )
        plan_item.changed = product is None or _product_changed(product, plan_item)
        for variant_plan in plan_item.variants:
            variant = existing_variants.get(variant_plan.sku)
            if variant is not None and (product is None or variant.product_id != product.id):
                error(
                    variant_plan.row,
                    "sku",
                    _l(
                        "This SKU belongs to your product “%(handle)s”.",
                        handle=owners.get(variant.product_id, "?"),
                    ),
                )
                continue
            variant_plan.existing = variant
            variant_plan.changed = variant is None or _variant_changed(variant, variant_plan)


def _given_texts_differ(rows, field_name: str, given: dict[str, str]) -> bool:
    have = {row.locale: getattr(row, field_name) for row in rows}
    return any(have.get(locale) != text for locale, text in given.items())


def _product_changed(product: Product, item: ProductPlan) -> bool:
    if product.category_id != item.category_id:
        return True
    if _given_texts_differ(product.translations, "name", item.names):
        return True
    if _given_texts_differ(product.translations, "description", item.descriptions):
        return True
    if item.hs_code and product.hs_code != item.hs_code:
        return True
    if item.origin and product.origin != item.origin:
        return True
    if item.exemption is not None and (product.exemption or "") != item.exemption:
        return True
    if item.halal is not None:
        wanted = (item.halal.get("body"), item.halal.get("number"), item.halal.get("expires"))
        if not item.halal:
            wanted = (None, None, None)
        if (product.halal_body, product.halal_cert_no, product.halal_expires) != wanted:
            return True
    return False


def _variant_changed(variant: Variant, item: VariantPlan) -> bool:
    if (variant.price_twd, variant.stock, variant.weight_g) != (
        item.price_twd,
        item.stock,
        item.weight_g,
    ):
        return True
    return _given_texts_differ(variant.translations, "label", item.labels)


# -- writing ----------------------------------------------------------------------------------


def apply(vendor: Vendor, import_plan: Plan, actor: User | None, hold_for_review: bool = False):
    """Write a checked plan (one transaction: the caller commits)."""
    now = clock.now()
    status = new_listing_status(hold_for_review)
    touched_products: list[Product] = []
    for item in import_plan.products:
        product = item.existing
        if product is None:
            product = Product(
                vendor_id=vendor.id,
                handle=item.handle,
                status=status.value,
                published_at=now if status is ProductStatus.ACTIVE else None,
                origin=item.origin or "TW",
                exemption=item.exemption or None,
                min_price_twd=1,
            )
            db.session.add(product)
        touched = product.id is None or item.changed or any(v.changed for v in item.variants)
        if not touched:
            continue
        if item.changed:
            _write_product(product, item)
        for variant_plan in item.variants:
            if variant_plan.changed:
                _write_variant(product, vendor, variant_plan)
        refresh_summary(product)
        touched_products.append(product)
    db.session.flush()
    product_events.changed(p.id for p in touched_products)
    audit.record(
        actor,
        "catalog.imported",
        vendor,
        {
            "rows": import_plan.rows,
            "products_created": import_plan.products_created,
            "products_updated": import_plan.products_updated,
            "variants_created": import_plan.variants_created,
            "variants_updated": import_plan.variants_updated,
        },
    )


def _write_product(product: Product, item: ProductPlan) -> None:
    product.category_id = item.category_id
    if item.hs_code:
        product.hs_code = item.hs_code
    if item.origin:
        product.origin = item.origin
    if item.exemption is not None:
        product.exemption = item.exemption or None
    if item.halal is not None:
        product.halal_body = item.halal.get("body") or None
        product.halal_cert_no = item.halal.get("number") or None
        product.halal_expires = item.halal.get("expires")
    rows = {row.locale: row for row in product.translations}
    for locale in CONTENT_LOCALES:
        name = item.names.get(locale)
        description = item.descriptions.get(locale)
        if not name and not description:
            continue
        row = rows.get(locale)
        if row is None:
            # A description may come without a name in its language: keep it (the name then
            # falls back to English on the storefront) rather than lose the vendor's text.
            row = ProductTranslation(locale=locale, name=name or "", description=description or "")
            product.translations.append(row)
            rows[locale] = row
        else:
            if name:
                row.name = name
            if description:
                row.description = description


def _write_variant(product: Product, vendor: Vendor, item: VariantPlan) -> None:
    variant = item.existing
    if variant is None:
        variant = Variant(vendor_id=vendor.id, sku=item.sku, position=len(product.variants))
        product.variants.append(variant)
    variant.price_twd = item.price_twd
    variant.stock = item.stock
    variant.weight_g = item.weight_g
    rows = {row.locale: row for row in variant.translations}
    for locale, label in item.labels.items():
        if locale in rows:
            rows[locale].label = label
        else:
            variant.translations.append(VariantTranslation(locale=locale, label=label))


# -- writing files ------------------------------------------------------------------------------


def _escape(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _write(rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_escape(value) for value in row])
    # A BOM, so Excel opens the Chinese, Thai and Malay text as UTF-8.
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def export(vendor: Vendor) -> bytes:
    """The vendor's catalog in the import format: importing it back changes nothing."""
    categories = {c.id: c.slug for c in db.session.scalars(select(Category))}
    products = db.session.scalars(
        select(Product)
        .where(Product.vendor_id == vendor.id, Product.status != ProductStatus.REMOVED)
        .order_by(Product.id)
        .options(
            selectinload(Product.translations),
            selectinload(Product.variants).selectinload(Variant.translations),
        )
    )
    rows = []
    for product in products:
        texts = {t.locale: t for t in product.translations}
        for variant in product.variants:
            labels = {t.locale: t.label for t in variant.translations}
            rows.append(
                [
                    product.handle,
                    variant.sku,
                    categories[product.category_id],
                    *[texts[loc].name if loc in texts else "" for loc in LOCALE_SUFFIX.values()],
                    *[
                        texts[loc].description if loc in texts else ""
                        for loc in LOCALE_SUFFIX.values()
                    ],
                    *[labels.get(loc, "") for loc in LOCALE_SUFFIX.values()],
                    variant.price_twd,
                    variant.stock,
                    variant.weight_g,
                    "yes" if product.halal_body else "no",
                    product.halal_body or "",
                    product.halal_cert_no or "",
                    product.halal_expires.isoformat() if product.halal_expires else "",
                    product.hs_code or "",
                    product.origin,
                    product.exemption or "",
                ]
            )
    return _write(rows)


def template() -> bytes:
    """A file to start from: the header and two example rows of one product (its example
    certificate stays valid: it expires a year from today)."""
    expires = (clock.today() + timedelta(days=365)).isoformat()
    return _write(
        [
            [
                "pineapple-cake",
                "PC-10",
                "snacks",
                "Pineapple Cake",
                "鳳梨酥",
                "ขนมพายสับปะรด",
                "Kek Nanas",
                "Buttery pastry with a sweet-tart pineapple filling.",
                "酥香外皮包著酸甜鳳梨內餡。",
                "",
                "",
                "Box of 10",
                "10入禮盒",
                "กล่อง 10 ชิ้น",
                "Kotak 10 biji",
                450,
                120,
                600,
                "yes",
                "THIDA",
                "THIDA-2026-0412",
                expires,
                "190590",
                "TW",
                "",
            ],
            [
                "pineapple-cake",
                "PC-20",
                "snacks",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "Box of 20",
                "20入禮盒",
                "กล่อง 20 ชิ้น",
                "Kotak 20 biji",
                850,
                60,
                1150,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
        ]
    )
