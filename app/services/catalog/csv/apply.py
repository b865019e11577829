"""Writing a checked catalog file through the one catalog writer (merge mode)."""

from __future__ import annotations

from app.models import User, Vendor
from app.models.inventory import StockReason
from app.services import audit, reference
from app.services.catalog import events as product_events
from app.services.catalog import listing, writer
from app.services.catalog.csv.plan import Plan


def apply(
    vendor: Vendor,
    import_plan: Plan,
    actor: User | None,
    hold_for_review: bool = False,
    reference_text: str | None = None,
) -> None:
    """Write a checked plan (one transaction: the caller's unit of work commits). New
    products are drafts until they have a photo; listed products stay listed."""
    touched = [item for item in import_plan.products if item.touched]
    content_before = {
        item.existing.id: listing.reviewed_content(item.existing)
        for item in touched
        if item.existing is not None
    }
    products = writer.write_all(
        vendor,
        [writer.Item(item.draft, item.existing, item.existing_variants) for item in touched],
        writer.Mode.MERGE,
        reference.get(),
        actor,
        StockReason.IMPORT,
        reference_text,
    )
    for product in products:
        before = content_before.get(product.id)
        edited = before is not None and listing.reviewed_content(product) != before
        listing.settle(product, hold_for_review, edited=edited)
    product_events.changed(p.id for p in products)
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
