"""A product's photos in the vendor portal: upload, order, describe, remove."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.services.catalog import admin as catalog_admin
from app.services.catalog import images as product_images
from app.services.catalog import listing as catalog_listing
from app.services.catalog import portal
from app.transaction import unit_of_work
from app.web.access import vendor_staff
from app.web.portal import forms, messages
from app.web.portal.routes import bp, hold, owned, reader_locale

# -- photos -----------------------------------------------------------------------------------


@bp.route("/products/<int:product_id>/images", methods=["GET", "POST"])
@vendor_staff()
def images(product_id: int):
    product = owned(catalog_admin.vendor_product, product_id)
    form = forms.ImagesForm()
    if form.validate_on_submit():
        with unit_of_work():
            result = product_images.add(
                product, form.uploads(), current_app.config["MEDIA_ROOT"], current_user, hold()
            )
        for item in result.refused:
            flash(form.refusal(item), "error")
        if result.added:
            flash(messages.photos_added(product, len(result.added)), "success")
        return redirect(url_for("vendor.images", product_id=product.id), code=303)
    return render_template(
        "portal/images.html",
        product=product,
        form=form,
        name=portal.product_name(product, reader_locale()),
        missing=catalog_listing.missing(product),
        alt_forms={image.id: forms.AltTextForm.for_image(image) for image in product.images},
        max_images=product_images.MAX_IMAGES,
    )


def _image(product_id: int, image_id: int):
    product = owned(catalog_admin.vendor_product, product_id)
    return product, owned(lambda _v, i: product_images.product_image(product, i), image_id)


@bp.post("/products/<int:product_id>/images/<int:image_id>/move")
@vendor_staff()
def move_image(product_id: int, image_id: int):
    product, image = _image(product_id, image_id)
    if forms.ConfirmForm().validate_on_submit():
        offset = -1 if request.form.get("direction") == "up" else 1
        with unit_of_work():
            product_images.move(product, image, offset, current_user)
    return redirect(url_for("vendor.images", product_id=product.id), code=303)


@bp.post("/products/<int:product_id>/images/<int:image_id>/delete")
@vendor_staff()
def delete_image(product_id: int, image_id: int):
    product, image = _image(product_id, image_id)
    if forms.ConfirmForm().validate_on_submit():
        with unit_of_work():
            product_images.remove(product, image, current_user, hold())
        flash(_("Photo removed."), "success")
        if product.status == "draft" and catalog_listing.missing(product):
            flash(messages.draft_again(), "info")
    return redirect(url_for("vendor.images", product_id=product.id), code=303)


@bp.post("/products/<int:product_id>/images/<int:image_id>/alt")
@vendor_staff()
def image_alt(product_id: int, image_id: int):
    product, image = _image(product_id, image_id)
    form = forms.AltTextForm(prefix=f"alt-{image.id}")
    if form.validate_on_submit():
        with unit_of_work():
            product_images.set_alt(image, form.alts(), current_user)
        flash(_("Photo description saved."), "success")
    else:
        flash(_("Photo descriptions can be at most 250 characters."), "error")
    return redirect(url_for("vendor.images", product_id=product.id), code=303)
