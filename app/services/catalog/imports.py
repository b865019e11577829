"""Catalog imports as records: upload → preview → confirm, and the command line."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from app.extensions import db
from app.models import CatalogImport, User, Vendor
from app.services import claims, clock
from app.services.catalog import csv as catalog_csv
from app.services.errors import ImportAlreadyApplied, ImportFailed, NotFound


def vendor_import(vendor: Vendor, import_id: int) -> CatalogImport:
    record = db.session.scalar(
        select(CatalogImport).where(
            CatalogImport.id == import_id, CatalogImport.vendor_id == vendor.id
        )
    )
    if record is None:
        raise NotFound()
    return record


def recent(vendor: Vendor, limit: int = 10) -> list[CatalogImport]:
    return list(
        db.session.scalars(
            select(CatalogImport)
            .where(CatalogImport.vendor_id == vendor.id)
            .order_by(CatalogImport.id.desc())
            .limit(limit)
        )
    )


def _store_counts(record: CatalogImport, plan: catalog_csv.Plan) -> None:
    record.rows = plan.rows
    record.products_created = plan.products_created
    record.products_updated = plan.products_updated
    record.variants_created = plan.variants_created
    record.variants_updated = plan.variants_updated


def preview(vendor: Vendor, user: User, filename: str, content: bytes) -> CatalogImport:
    """Check an upload and keep it for confirmation. Raises ImportFailed (a file with errors
    is not kept)."""
    plan = catalog_csv.plan(vendor, content)
    record = CatalogImport(
        vendor_id=vendor.id,
        user_id=user.id,
        filename=(filename or "catalog.csv")[:255],
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
    )
    _store_counts(record, plan)
    db.session.add(record)
    db.session.flush()
    return record


def replan(vendor: Vendor, record: CatalogImport) -> catalog_csv.Plan | None:
    """What confirming a stored upload would do now (None once it has been applied).
    Raises ImportFailed when the catalog changed so that the file no longer fits."""
    if record.status != "previewed":
        return None
    return catalog_csv.plan(vendor, record.content)


def confirm(vendor: Vendor, record: CatalogImport, actor: User, hold_for_review: bool = False):
    """Apply a previewed upload; the file is checked again against the catalog as it is now.

    An import is applied once: confirming it again (a second tab, a double submit, the back
    button) raises ImportAlreadyApplied and changes nothing, so edits made since are kept.
    Raises catalog_csv.ImportFailed when the file no longer fits the catalog.

    A shop's imports are applied one at a time: the same preview confirmed in two tabs, or two
    files confirmed together, wait for each other, and each is checked against the catalog
    the other left (a product the first created, the second updates)."""
    claims.one_at_a_time(vendor)
    db.session.refresh(record)
    if record.status == "applied":
        raise ImportAlreadyApplied()
    plan = catalog_csv.plan(vendor, record.content)
    # a product listed from the portal at the same moment can still take a handle or SKU
    # the plan found free: the file no longer fits, as the route tells the vendor
    taken = {"products.handle": _catalog_changed, "variants.sku": _catalog_changed}
    with claims.claiming(taken):
        catalog_csv.apply(
            vendor,
            plan,
            actor,
            hold_for_review=hold_for_review,
            reference_text=f"import:{record.id}",
        )
    _store_counts(record, plan)
    record.status = "applied"
    record.applied_at = clock.now()
    return record


def _catalog_changed() -> ImportFailed:
    return ImportFailed([])


def run(
    vendor: Vendor,
    filename: str,
    content: bytes,
    actor: User | None = None,
    hold_for_review: bool = False,
) -> CatalogImport:
    """Check and apply in one go (the command line). Raises catalog_csv.ImportFailed."""
    plan = catalog_csv.plan(vendor, content)
    record = CatalogImport(
        vendor_id=vendor.id,
        user_id=actor.id if actor else None,
        filename=filename[:255],
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
        status="applied",
        applied_at=clock.now(),
    )
    _store_counts(record, plan)
    db.session.add(record)
    db.session.flush()
    catalog_csv.apply(
        vendor, plan, actor, hold_for_review=hold_for_review, reference_text=f"import:{record.id}"
    )
    return record
