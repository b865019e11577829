"""The catalog rules that need the vendor's catalog, for the form and the CSV alike: a handle
or SKU another product of the vendor already uses, stock set below the units orders hold.

`load` reads what a set of drafts touches in a few batched queries (one form or a 10,000-row
file); `problems` then checks one draft against it with the same codes as catalog_rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain import catalog_rules as rules
from app.domain.catalog_rules import Problem, ProductDraft, problem
from app.extensions import db
from app.models import Product, Variant, Vendor

#: stay under SQLite's bound-parameter limit
CHUNK = 900


@dataclass
class CatalogView:
    products_by_handle: dict[str, Product] = field(default_factory=dict)
    variants_by_sku: dict[str, Variant] = field(default_factory=dict)
    handles: dict[int, str] = field(default_factory=dict)


def _chunks(values: list) -> Iterable[list]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def load(vendor: Vendor, handles: Iterable[str], skus: Iterable[str]) -> CatalogView:
    """The vendor's products with these handles and variants with these SKUs (text loaded,
    for telling what a file changes)."""
    view = CatalogView()
    for chunk in _chunks(sorted({h for h in handles if h})):
        for product in db.session.scalars(
            select(Product)
            .where(Product.vendor_id == vendor.id, Product.handle.in_(chunk))
            .options(selectinload(Product.translations))
        ):
            view.products_by_handle[product.handle] = product
            view.handles[product.id] = product.handle
    for chunk in _chunks(sorted({s for s in skus if s})):
        for variant in db.session.scalars(
            select(Variant)
            .where(Variant.vendor_id == vendor.id, Variant.sku.in_(chunk))
            .options(selectinload(Variant.translations))
        ):
            view.variants_by_sku[variant.sku] = variant
    owners = {v.product_id for v in view.variants_by_sku.values()} - set(view.handles)
    for chunk in _chunks(sorted(owners)):
        rows = db.session.execute(select(Product.id, Product.handle).where(Product.id.in_(chunk)))
        view.handles.update(dict(rows.all()))
    return view


def existing_variant(view: CatalogView, product: Product | None, draft) -> Variant | None:
    """The product's variant a draft row updates: by id when the form names one, else by
    SKU (the vendor's key for a variant)."""
    if product is None:
        return None
    if draft.id is not None:
        for variant in product.variants:
            if variant.id == draft.id:
                return variant
    found = view.variants_by_sku.get(draft.sku)
    return found if found is not None and found.product_id == product.id else None


def problems(view: CatalogView, draft: ProductDraft, product: Product | None) -> list[Problem]:
    found: list[Problem] = []
    if draft.handle and rules.HANDLE.fullmatch(draft.handle):
        clash = view.products_by_handle.get(draft.handle)
        if clash is not None and (product is None or clash.id != product.id):
            found.append(problem(("handle",), "handle.taken"))
    for index, variant in rules.kept_variants(draft):
        owner = view.variants_by_sku.get(variant.sku)
        if owner is not None and (product is None or owner.product_id != product.id):
            found.append(
                problem(
                    ("variants", index, "sku"),
                    "sku.taken",
                    handle=view.handles.get(owner.product_id, "?"),
                )
            )
            continue
        current = existing_variant(view, product, variant)
        held = current.reserved if current is not None else 0
        if (
            isinstance(variant.stock, int)
            and not isinstance(variant.stock, bool)
            and 0 <= variant.stock < held
        ):
            found.append(
                problem(("variants", index, "stock"), "stock.below_reserved", reserved=held)
            )
    return found
