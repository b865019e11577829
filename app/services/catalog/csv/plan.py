"""Checking a catalog file: every row against the catalog rules (the same the portal form
applies) and the vendor's catalog, and what applying it would change.

Rows that share a handle are one product; product-level cells come from its first row. An
empty cell means "not given" and keeps what the product has.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain import catalog_rules as rules
from app.domain.catalog_rules import Certificate, Problem, ProductDraft, VariantDraft, problem
from app.models import Product, Variant, Vendor
from app.services import clock, reference
from app.services.catalog import checks
from app.services.catalog.csv import reader
from app.services.catalog.csv.columns import column_of, order
from app.services.catalog.problems import message
from app.services.errors import ImportFailed


@dataclass
class ProductPlan:
    row: int
    draft: ProductDraft
    #: spreadsheet row of each draft variant
    rows: list[int] = field(default_factory=list)
    existing: Product | None = None
    #: per draft variant, the variant it updates (None: a new one)
    existing_variants: list[Variant | None] = field(default_factory=list)
    changed: bool = True
    variants_changed: list[bool] = field(default_factory=list)

    @property
    def handle(self) -> str:
        return self.draft.handle

    @property
    def touched(self) -> bool:
        return self.existing is None or self.changed or any(self.variants_changed)


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
        return sum(1 for p in self.products for v in p.existing_variants if v is None)

    @property
    def variants_updated(self) -> int:
        return sum(
            1
            for p in self.products
            for v, changed in zip(p.existing_variants, p.variants_changed, strict=True)
            if v is not None and changed
        )


def plan(vendor: Vendor, content: bytes) -> Plan:
    """Read and check the whole file against the vendor's catalog. Raises ImportFailed with
    every problem found (never just the first)."""
    header, rows = reader.read_rows(content)
    errors: list[reader.RowError] = []
    products = _group(rows, "exemption" in header, errors)
    skus = [v.sku for p in products for v in p.draft.variants]
    view = checks.load(vendor, [p.handle for p in products], skus)
    ref = reference.get()
    today = clock.today()
    first_row: dict[str, tuple[int, str]] = {}
    for item in products:
        item.existing = view.products_by_handle.get(item.handle)
        found = rules.check(
            item.draft,
            today,
            set(ref.category_slugs),
            _certificate_of(item.existing),
        )
        found += checks.problems(view, item.draft, item.existing)
        found += _file_duplicates(item, first_row)
        errors += [_row_error(item, p) for p in found]
        item.existing_variants = [
            checks.existing_variant(view, item.existing, v) for v in item.draft.variants
        ]
        _compare(item, ref)
    if errors:
        raise ImportFailed(sorted(errors, key=lambda e: (e.row, order(e.column))))
    return Plan(products, len(rows))


def _group(rows, has_exemption: bool, errors: list) -> list[ProductPlan]:
    by_handle: dict[str, ProductPlan] = {}
    for number, cells in rows:
        handle = cells.get("handle", "")
        item = by_handle.get(handle)
        if item is None:
            item = ProductPlan(number, _product_draft(number, cells, has_exemption, errors))
            by_handle[handle] = item
        item.draft.variants.append(
            VariantDraft(
                sku=cells.get("sku", ""),
                price_twd=reader.whole_number(cells.get("price_twd", "")),
                stock=reader.whole_number(cells.get("stock", "")),
                weight_g=reader.whole_number(cells.get("weight_g", "")),
                labels=reader.texts(cells, "variant"),
            )
        )
        item.rows.append(number)
    return list(by_handle.values())


def _product_draft(number: int, cells: dict, has_exemption: bool, errors: list) -> ProductDraft:
    return ProductDraft(
        handle=cells.get("handle", ""),
        category=cells.get("category", ""),
        names=reader.texts(cells, "name"),
        descriptions=reader.texts(cells, "description"),
        hs_code=cells.get("hs_code") or None,
        origin=(cells.get("origin") or "").upper() or None,
        halal=_certificate(number, cells, errors),
        # the column present and blank: the cooling-off period applies (clear an exemption)
        exemption=cells.get("exemption", "").lower() if has_exemption else None,
    )


def _certificate(number: int, cells: dict, errors: list) -> Certificate | None:
    """halal=yes: the certificate in the next columns; no: none; empty: keep the product's."""
    flag = cells.get("halal", "").lower()
    if flag not in ("", "yes", "no"):
        found = problem(("halal", "flag"), "halal.flag")
        errors.append(reader.RowError(number, "halal", message(found), found.code))
        return None
    if flag == "":
        return None
    if flag == "no":
        return Certificate()
    certificate = Certificate(
        cells.get("halal_cert_body", "").upper() or None,
        cells.get("halal_cert_no", "") or None,
        reader.day(cells.get("halal_cert_expires", "")),
    )
    if certificate.empty:  # "yes" and nothing else: each part is missing
        for part, column in (
            ("body", "halal_cert_body"),
            ("number", "halal_cert_no"),
            ("expires", "halal_cert_expires"),
        ):
            found = problem(("halal", part), "halal.incomplete")
            errors.append(reader.RowError(number, column, message(found), found.code))
    return certificate


def _certificate_of(product: Product | None) -> Certificate | None:
    if product is None:
        return None
    return Certificate(product.halal_body, product.halal_cert_no, product.halal_expires)


def _file_duplicates(item: ProductPlan, first_row: dict[str, tuple[int, str]]) -> list[Problem]:
    """A SKU on rows of two products of the file (twice in one product is the rules' own
    sku.duplicate)."""
    found = []
    for index, variant in enumerate(item.draft.variants):
        if not variant.sku or not rules.SKU.fullmatch(variant.sku):
            continue
        seen = first_row.setdefault(variant.sku, (item.rows[index], item.handle))
        if seen[1] != item.handle:
            found.append(problem(("variants", index, "sku"), "sku.duplicate_row", row=seen[0]))
    return found


def _row_error(item: ProductPlan, found: Problem) -> reader.RowError:
    path = found.path
    row = item.rows[path[1]] if path[0] == "variants" and len(path) > 1 else item.row
    if found.code == "sku.duplicate":  # inside one product: the file says which row
        found = problem(path, "sku.duplicate_row", row=item.rows[found.kwargs["first"]])
    return reader.RowError(row, column_of(path), message(found), found.code)


# -- what applying it would change -------------------------------------------------------------


def _compare(item: ProductPlan, ref) -> None:
    product = item.existing
    item.changed = product is None or _product_changed(product, item.draft, ref)
    item.variants_changed = [
        variant is None or _variant_changed(variant, draft)
        for draft, variant in zip(item.draft.variants, item.existing_variants, strict=True)
    ]


def _given_texts_differ(rows, field_name: str, given: dict[str, str]) -> bool:
    have = {row.locale: getattr(row, field_name) for row in rows}
    return any(have.get(locale) != text for locale, text in given.items())


def _product_changed(product: Product, draft: ProductDraft, ref) -> bool:
    certificate = draft.halal
    return (
        product.category_id != ref.category_slugs.get(draft.category)
        or _given_texts_differ(product.translations, "name", draft.names)
        or _given_texts_differ(product.translations, "description", draft.descriptions)
        or bool(draft.hs_code and product.hs_code != draft.hs_code)
        or bool(draft.origin and product.origin != draft.origin)
        or (draft.exemption is not None and (product.exemption or "") != draft.exemption)
        or (
            certificate is not None
            and (product.halal_body, product.halal_cert_no, product.halal_expires)
            != (certificate.body, certificate.number, certificate.expires)
        )
    )


def _variant_changed(variant: Variant, draft: VariantDraft) -> bool:
    if (variant.price_twd, variant.on_hand, variant.weight_g) != (
        draft.price_twd,
        draft.stock,
        draft.weight_g,
    ):
        return True
    return _given_texts_differ(variant.translations, "label", draft.labels)
