"""Bulk listing in the vendor portal: upload, preview, confirm, template and export."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.services import reference
from app.services.catalog import csv as catalog_csv
from app.services.catalog import imports as catalog_imports
from app.services.errors import ImportAlreadyApplied, ImportFailed
from app.transaction import unit_of_work
from app.web.access import vendor_staff
from app.web.downloads import csv_attachment
from app.web.portal import forms, messages
from app.web.portal.routes import bp, category_choices, hold, owned

# -- bulk listing -----------------------------------------------------------------------------


def _import_page(form, errors):
    return render_template(
        "portal/import.html",
        form=form,
        errors=errors,
        imports=catalog_imports.recent(g.vendor),
        categories=category_choices(),
        category_slugs=reference.get().category_slug_of,
    )


@bp.route("/import", methods=["GET", "POST"])
@vendor_staff()
def bulk_import():
    form = forms.ImportForm()
    if not form.validate_on_submit():
        return _import_page(form, None)
    upload = form.file.data
    try:
        with unit_of_work():
            record = catalog_imports.preview(
                g.vendor,
                current_user,
                upload.filename or "",
                upload.read(catalog_csv.MAX_BYTES + 1),
            )
    except ImportFailed as failure:
        return _import_page(form, failure.errors)
    return redirect(url_for("vendor.import_preview", import_id=record.id), code=303)


@bp.get("/import/<int:import_id>")
@vendor_staff()
def import_preview(import_id: int):
    record = owned(catalog_imports.vendor_import, import_id)
    plan, errors = None, None
    try:
        plan = catalog_imports.replan(g.vendor, record)
    except ImportFailed as failure:
        errors = failure.errors
    return render_template(
        "portal/import_preview.html",
        record=record,
        plan=plan,
        errors=errors,
        form=forms.ConfirmForm(),
    )


@bp.post("/import/<int:import_id>/confirm")
@vendor_staff()
def import_confirm(import_id: int):
    record = owned(catalog_imports.vendor_import, import_id)
    if not forms.ConfirmForm().validate_on_submit():
        abort(400)
    try:
        with unit_of_work():
            catalog_imports.confirm(g.vendor, record, current_user, hold_for_review=hold())
    except ImportAlreadyApplied:
        flash(_("This import was already applied; nothing was changed."), "info")
    except ImportFailed:
        flash(_("Your catalog changed since the preview; please check the file again."), "error")
    else:
        flash(messages.imported(record), "success")
    return redirect(url_for("vendor.import_preview", import_id=record.id), code=303)


@bp.get("/import/template.csv")
@vendor_staff(approved=False)
def import_template():
    return csv_attachment(catalog_csv.template(), "taipei-good-goods-catalog-template.csv")


@bp.get("/export.csv")
@vendor_staff()
def export():
    return csv_attachment(catalog_csv.export(g.vendor), f"{g.vendor.slug}-catalog.csv")
