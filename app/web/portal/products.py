"""The vendor portal's product pages: the list, the product form, listing and deleting,
the inline price and stock edit."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.services import reference
from app.services.catalog import admin as catalog_admin
from app.services.catalog import listing as catalog_listing
from app.services.catalog import portal
from app.services.errors import Invalid, ListingRefused
from app.transaction import unit_of_work
from app.web.access import vendor_staff
from app.web.htmx import hx_redirect, wants_fragment
from app.web.params import id_arg
from app.web.portal import forms, messages
from app.web.portal.routes import bp, category_choices, hold, owned, reader_locale

# -- products ---------------------------------------------------------------------------------


@bp.get("/products")
@vendor_staff()
def products():
    wanted = portal.ProductFilter.of(request.args.get("q"), request.args.get("status"))
    found, next_after = portal.vendor_products(g.vendor, id_arg("after"), wanted)
    return render_template(
        "portal/products.html",
        rows=portal.product_rows(found, reader_locale()),
        next_after=next_after,
        wanted=wanted,
        statuses=portal.LIST_STATUSES,
        locales=forms.PORTAL_LOCALES,
        confirm=forms.ConfirmForm(),
    )


def _product_page(form: forms.ProductForm, product):
    return render_template(
        "portal/product_form.html",
        form=form,
        product=product,
        missing=catalog_listing.missing(product) if product else None,
        locales=forms.PORTAL_LOCALES,
        halal_codes=portal.halal_codes(),
    )


def _save(form: forms.ProductForm, product):
    """Save the form, or put every problem under its field. Returns the product when saved."""
    draft = form.to_draft()
    if not form.validate():
        form.show_problems(catalog_admin.problems(g.vendor, draft, product))
        return None
    try:
        with unit_of_work():
            return catalog_admin.save_product(g.vendor, draft, product, current_user, hold())
    except Invalid as failure:
        form.show_problems(failure.problems)
        return None


@bp.route("/products/new", methods=["GET", "POST"])
@vendor_staff()
def new_product():
    form = forms.ProductForm()
    form.prepare(category_choices(), reference.get().category_slug_of)
    if request.method == "POST" and not form.wants_more_rows():
        product = _save(form, None)
        if product is not None:
            flash(messages.saved(product, created=True), "success")
            return redirect(url_for("vendor.images", product_id=product.id), code=303)
    return _product_page(form, None)


@bp.route("/products/<int:product_id>", methods=["GET", "POST"])
@vendor_staff()
def edit_product(product_id: int):
    product = owned(catalog_admin.vendor_product, product_id)
    form = forms.ProductForm(formdata=request.form if request.method == "POST" else None)
    form.prepare(category_choices(), reference.get().category_slug_of)
    if request.method == "GET":
        form.fill(product)
    elif not form.wants_more_rows() and _save(form, product) is not None:
        flash(messages.saved(product, created=False), "success")
        return redirect(url_for("vendor.edit_product", product_id=product.id), code=303)
    return _product_page(form, product)


@bp.post("/products/<int:product_id>/delete")
@vendor_staff()
def delete_product(product_id: int):
    product = owned(catalog_admin.vendor_product, product_id)
    if forms.ConfirmForm().validate_on_submit():
        name = portal.product_name(product, reader_locale())
        try:
            with unit_of_work():
                deleted = catalog_admin.delete_product(product, current_user)
        except ListingRefused as error:
            flash(messages.listing_refused(error), "error")
        else:
            flash(messages.deleted(name, deleted), "success")
    return hx_redirect(url_for("vendor.products"))


@bp.post("/products/<int:product_id>/listing")
@vendor_staff()
def listing(product_id: int):
    product = owned(catalog_admin.vendor_product, product_id)
    form = forms.ListingForm()
    if form.validate_on_submit():
        try:
            with unit_of_work():
                catalog_admin.set_listed(product, form.listed.data == "1", current_user, hold())
        except ListingRefused as error:
            flash(messages.listing_refused(error), "error")
        else:
            flash(_("Listing updated."), "success")
    return hx_redirect(url_for("vendor.products"))


@bp.post("/variants/<int:variant_id>")
@vendor_staff()
def quick_edit(variant_id: int):
    """Inline price and stock edit: a row for htmx, a redirect for a plain form post."""
    variant = owned(catalog_admin.vendor_variant, variant_id)
    form = forms.QuickEditForm()
    error = form.error_text() if not form.validate_on_submit() else None
    if error is None:
        try:
            with unit_of_work():
                catalog_admin.quick_update(
                    variant, form.price_twd.data, form.stock.data, current_user
                )
        except Invalid as failure:
            error = form.error_text(failure.problems)
    if wants_fragment():
        row = portal.variant_view(variant, reader_locale())
        return render_template("portal/_variant_row.html", row=row, error=error, saved=not error)
    flash(error or _("Price and stock saved."), "error" if error else "success")
    return redirect(url_for("vendor.products"), code=303)
