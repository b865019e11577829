"""Vendors' writes to their catalog from the portal: save a product, the inline price and
stock edit, list and unlist, delete.

Every function takes the vendor explicitly and works only inside it; the web layer has
already loaded the product through `vendor_product()`, which refuses other vendors' ids.
The rules are app.domain.catalog_rules (the same the CSV import applies); the writing is
services.catalog.writer; stock goes through services.inventory.
"""

from __future__ import annotations

import functools

from sqlalchemy import exists, select

from app.domain import catalog_rules as rules
from app.domain.catalog_rules import Certificate, ProductDraft, problem
from app.extensions import db
from app.models import Category, Product, StockMovement, User, Variant, Vendor
from app.models.catalog import ProductStatus
from app.models.inventory import StockReason
from app.services import audit, claims, clock, inventory, reference
from app.services.catalog import checks, listing, writer
from app.services.catalog import events as product_events
from app.services.errors import Invalid, ListingRefused, NotFound, StockBelowReserved

#: ledger reasons that only orders write: a product with any of them has order history
ORDER_REASONS = (
    StockReason.RESERVE.value,
    StockReason.RELEASE.value,
    StockReason.SHIP.value,
    StockReason.RETURN_RESTOCK.value,
)


def categories() -> list[Category]:
    return list(db.session.scalars(select(Category).order_by(Category.position)))


def vendor_product(vendor: Vendor, product_id: int) -> Product:
    """The vendor's own product. Raises NotFound for any other id (no hint it exists)."""
    product = db.session.scalar(
        select(Product).where(
            Product.id == product_id,
            Product.vendor_id == vendor.id,
            Product.status != ProductStatus.ARCHIVED,
        )
    )
    if product is None:
        raise NotFound()
    return product


def vendor_variant(vendor: Vendor, variant_id: int) -> Variant:
    variant = db.session.scalar(
        select(Variant).where(Variant.id == variant_id, Variant.vendor_id == vendor.id)
    )
    if variant is None:
        raise NotFound()
    return variant


def current_certificate(product: Product | None) -> Certificate | None:
    if product is None:
        return None
    return Certificate(product.halal_body, product.halal_cert_no, product.halal_expires)


def unique_handle(vendor: Vendor, name: str) -> str:
    """A free handle from an English name: pineapple-cake, then pineapple-cake-2, ..."""
    base = rules.handle_from(name)[:60].strip("-") or "product"
    taken = set(
        db.session.scalars(
            select(Product.handle).where(
                Product.vendor_id == vendor.id, Product.handle.like(f"{base}%")
            )
        )
    )
    handle, n = base, 2
    while handle in taken:
        handle = f"{base}-{n}"
        n += 1
    return handle


def problems(vendor: Vendor, draft: ProductDraft, product: Product | None) -> list:
    """Every problem with a draft, without saving anything (the form shows them all at once,
    also when some of its fields could not even be read)."""
    ref = reference.get()
    found = rules.check(draft, clock.today(), set(ref.category_slugs), current_certificate(product))
    view = checks.load(vendor, [draft.handle], [v.sku for v in draft.variants])
    return found + checks.problems(view, draft, product)


def save_product(
    vendor: Vendor,
    draft: ProductDraft,
    product: Product | None,
    actor: User,
    hold_for_review: bool = False,
) -> Product:
    """Create (product None) or update a product from the portal form: every problem is
    reported at once. A new product is a draft until it has a photo. Raises Invalid."""
    if product is not None:
        _lock_for_edit(product)
    ref = reference.get()
    if not draft.handle and (draft.names.get("en") or "").strip():
        draft.handle = product.handle if product else unique_handle(vendor, draft.names["en"])
    found = problems(vendor, draft, product)
    if found:
        raise Invalid(found)
    created = product is None
    content_before = listing.reviewed_content(product) if product is not None else None
    # the same form saved twice at the same moment (a double click), or two of the shop's
    # staff taking one handle or SKU: the second gets what the checks now say (services.claims)
    again = functools.partial(_taken_meanwhile, vendor, draft, product)
    try:
        with claims.claiming({"products.handle": again, "variants.sku": again}):
            [saved] = writer.write_all(
                vendor, [writer.Item(draft, product)], writer.Mode.REPLACE, ref, actor
            )
    except StockBelowReserved as error:  # an order reserved units while the form was open
        raise Invalid([problem(("variants", 0, "stock"), error.code, **error.params)]) from None
    db.session.flush()
    db.session.refresh(saved, ["images", "translations"])
    edited = content_before is not None and listing.reviewed_content(saved) != content_before
    listing.settle(saved, hold_for_review, edited=edited)
    db.session.flush()
    product_events.changed([saved.id])
    audit.record(
        actor, "product.created" if created else "product.updated", saved, {"handle": saved.handle}
    )
    return saved


def _lock_for_edit(product: Product) -> None:
    """One edit of a product at a time, on the product as the last one left it: a form saved
    twice at the same moment (a double click, two staff) would otherwise write the same new
    translation twice (a 500 on PostgreSQL) or undo the other's stock change. SQLite's
    writers queue anyway; the reload is then the same."""
    claims.one_at_a_time(product, "translations", "variants")
    for variant in product.variants:
        db.session.refresh(variant, ["on_hand", "reserved", "translations"])


def _taken_meanwhile(vendor: Vendor, draft: ProductDraft, product: Product | None) -> Invalid:
    """The refusal for a handle or SKU another request took after the checks ran: the checks
    again, which see it now."""
    view = checks.load(vendor, [draft.handle], [v.sku for v in draft.variants])
    found = checks.problems(view, draft, product)
    return Invalid(found or [problem(("handle",), "handle.taken")])


def quick_update(variant: Variant, price_twd, stock, actor: User) -> Variant:
    """The inline edit on the product list: price and stock of one variant. Raises Invalid
    (paths ("price_twd",) and ("stock",))."""
    found = [
        problem((p.path[-1],), p.code, **p.kwargs)
        for p in rules.check_variants(
            [rules.VariantDraft(sku=variant.sku, price_twd=price_twd, stock=stock, weight_g=1)]
        )
        if p.path[-1] in ("price_twd", "stock")
    ]
    if found:
        raise Invalid(found)
    before = {"price_twd": variant.price_twd, "stock": variant.on_hand}
    try:
        inventory.set_on_hand(variant, stock, StockReason.VENDOR_EDIT, actor)
    except StockBelowReserved as error:
        raise Invalid([problem(("stock",), error.code, **error.params)]) from None
    variant.price_twd = price_twd
    product = db.session.get(Product, variant.product_id)
    product.min_price_twd, product.in_stock = rules.listing_summary(
        (v.price_twd, v.available) for v in product.variants
    )
    db.session.flush()
    product_events.changed([product.id])
    audit.record(
        actor,
        "variant.updated",
        variant,
        {"before": before, "after": {"price_twd": price_twd, "stock": stock}},
    )
    return variant


def set_listed(product: Product, listed: bool, actor: User, hold_for_review: bool = False) -> None:
    """Unlist a product, or list it again. Raises ListingRefused."""
    if listing.set_listed(product, listed, hold_for_review):
        product_events.changed([product.id])
        audit.record(actor, "product.listed" if listed else "product.unlisted", product)


def photos_changed(product: Product, actor: User, hold_for_review: bool = False) -> None:
    """A photo added or removed may complete a draft or leave a listing without a photo."""
    db.session.flush()
    db.session.refresh(product, ["images"])
    if listing.settle(product, hold_for_review, photos_changed=True):
        audit.record(actor, f"product.{product.status}", product, {"by": "photos"})
    product_events.changed([product.id])


def has_order_history(product: Product) -> bool:
    """Orders have held or shipped its stock (the ledger remembers even when none is held)."""
    return bool(
        db.session.scalar(
            select(
                exists().where(
                    StockMovement.variant_id.in_(
                        select(Variant.id).where(Variant.product_id == product.id)
                    ),
                    StockMovement.reason.in_(ORDER_REASONS),
                )
            )
        )
    )


def delete_product(product: Product, actor: User) -> bool:
    """Delete a product, or archive it when orders refer to it (they keep their snapshot and
    the ledger its history). Returns True when deleted, False when archived."""
    data = {"handle": product.handle}
    product_id = product.id
    if any(v.reserved for v in product.variants):
        raise ListingRefused("delete.reserved", field="status")
    if has_order_history(product):
        product.status = ProductStatus.ARCHIVED.value
        audit.record(actor, "product.archived", product, data)
        deleted = False
    else:
        audit.record(actor, "product.deleted", product, data)
        db.session.delete(product)
        deleted = True
    db.session.flush()
    product_events.changed([product_id])
    return deleted
