"""The vendor portal: apply, dashboard, products, photos, bulk listing, staff."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_user

from app.extensions import limiter
from app.services import vendors
from app.services.catalog import admin as catalog_admin
from app.services.catalog import csv_format as catalog_csv
from app.services.catalog import images as product_images
from app.services.catalog import imports as catalog_imports
from app.services.errors import (
    BusinessNumberTaken,
    EmailTaken,
    ImportAlreadyApplied,
    InvalidBusinessNumber,
    InvalidDecision,
    InvitationInvalid,
    NotFound,
    ValidationFailed,
)
from app.transaction import unit_of_work
from app.web.access import vendor_staff
from app.web.htmx import hx_redirect, wants_fragment
from app.web.params import id_arg
from app.web.portal import forms, views

bp = Blueprint("vendor", __name__, url_prefix="/<lang:lang>/vendor", template_folder="templates")


def _owned(loader, *args):
    try:
        return loader(g.vendor, *args)
    except NotFound:
        abort(404)


def _categories():
    return views.category_choices(catalog_admin.categories())


# -- applying ---------------------------------------------------------------------------------


@bp.route("/apply", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def apply():
    if current_user.is_authenticated:
        return render_template("portal/apply_signed_in.html")
    form = forms.ApplicationForm()
    form.categories.choices = _categories()
    if form.validate_on_submit():
        try:
            with unit_of_work():
                _vendor, owner = vendors.apply(views.application_from(form, g.lang))
        except (InvalidBusinessNumber, BusinessNumberTaken, EmailTaken) as error:
            views.add_service_error(form, error)
        else:
            login_user(owner)
            flash(_("Thank you! We received your application and will reply by email."), "success")
            return redirect(url_for("vendor.dashboard"), code=303)
    return render_template("portal/apply.html", form=form)


# -- dashboard --------------------------------------------------------------------------------


@bp.get("/")
@vendor_staff(approved=False)
def dashboard():
    return render_template("portal/dashboard.html", **views.dashboard(g.vendor))


# -- products ---------------------------------------------------------------------------------


@bp.get("/products")
@vendor_staff()
def products():
    after = id_arg("after")
    return render_template("portal/products.html", **views.product_list(g.vendor, after))


@bp.route("/products/new", methods=["GET", "POST"])
@vendor_staff()
def new_product():
    form = forms.ProductForm()
    views.prepare_product_form(form, _categories())
    if request.method == "POST" and views.wants_more_rows(form):
        return render_template(
            "portal/product_form.html", form=form, product=None, **views.product_form_context()
        )
    if form.validate_on_submit():
        try:
            with unit_of_work():
                product = catalog_admin.create_product(
                    g.vendor,
                    views.product_input(form),
                    current_user,
                    hold_for_review=current_app.config["HOLD_NEW_LISTINGS"],
                )
        except ValidationFailed as failure:
            views.add_errors(form, failure.errors)
        else:
            flash(_("Product saved. Add photos next."), "success")
            return redirect(url_for("vendor.images", product_id=product.id), code=303)
    return render_template(
        "portal/product_form.html", form=form, product=None, **views.product_form_context()
    )


@bp.route("/products/<int:product_id>", methods=["GET", "POST"])
@vendor_staff()
def edit_product(product_id: int):
    product = _owned(catalog_admin.vendor_product, product_id)
    form = forms.ProductForm(obj=None) if request.method == "POST" else views.form_for(product)
    views.prepare_product_form(form, _categories())
    if request.method == "POST" and views.wants_more_rows(form):
        return render_template(
            "portal/product_form.html", form=form, product=product, **views.product_form_context()
        )
    if form.validate_on_submit():
        try:
            with unit_of_work():
                catalog_admin.update_product(
                    product, g.vendor, views.product_input(form), current_user
                )
        except ValidationFailed as failure:
            views.add_errors(form, failure.errors)
        else:
            flash(_("Changes saved."), "success")
            return redirect(url_for("vendor.edit_product", product_id=product.id), code=303)
    return render_template(
        "portal/product_form.html", form=form, product=product, **views.product_form_context()
    )


@bp.post("/products/<int:product_id>/listing")
@vendor_staff()
def listing(product_id: int):
    product = _owned(catalog_admin.vendor_product, product_id)
    form = forms.ListingForm()
    if form.validate_on_submit():
        try:
            with unit_of_work():
                catalog_admin.set_listed(
                    product,
                    form.listed.data == "1",
                    current_user,
                    hold_for_review=current_app.config["HOLD_NEW_LISTINGS"],
                )
        except ValidationFailed as failure:
            flash(" ".join(str(m) for m in failure.errors.values()), "error")
        else:
            flash(_("Listing updated."), "success")
    return hx_redirect(url_for("vendor.products"))


@bp.post("/variants/<int:variant_id>")
@vendor_staff()
def quick_edit(variant_id: int):
    """Inline price and stock edit: a row for htmx, a redirect for a plain form post."""
    variant = _owned(catalog_admin.vendor_variant, variant_id)
    form = forms.QuickEditForm()
    error = None
    if form.validate_on_submit():
        try:
            with unit_of_work():
                catalog_admin.quick_update(
                    variant, form.price_twd.data, form.stock.data, current_user
                )
        except ValidationFailed as failure:
            error = " ".join(str(m) for m in failure.errors.values())
    else:
        error = " ".join(str(e) for errors in form.errors.values() for e in errors)
    if wants_fragment():
        return render_template(
            "portal/_variant_row.html",
            row=views.variant_row(variant),
            error=error,
            saved=error is None,
        )
    if error:
        flash(error, "error")
    else:
        flash(_("Price and stock saved."), "success")
    return redirect(url_for("vendor.products"), code=303)


# -- photos -----------------------------------------------------------------------------------


@bp.route("/products/<int:product_id>/images", methods=["GET", "POST"])
@vendor_staff()
def images(product_id: int):
    product = _owned(catalog_admin.vendor_product, product_id)
    form = forms.ImagesForm()
    if form.validate_on_submit():
        uploads = [
            product_images.Upload(
                file.filename or "", file.read(product_images.media.MAX_BYTES + 1)
            )
            for file in form.images.data
            if file
        ]
        with unit_of_work():
            added, refused = product_images.add(
                product, uploads, current_app.config["MEDIA_ROOT"], current_user
            )
        for item in refused:
            flash(views.image_refusal(item), "error")
        if added:
            flash(_("%(count)d photo(s) added.", count=len(added)), "success")
        return redirect(url_for("vendor.images", product_id=product.id), code=303)
    return render_template(
        "portal/images.html", product=product, form=form, **views.image_page(product)
    )


@bp.post("/products/<int:product_id>/images/<int:image_id>/move")
@vendor_staff()
def move_image(product_id: int, image_id: int):
    product = _owned(catalog_admin.vendor_product, product_id)
    image = _owned(lambda _v, i: product_images.product_image(product, i), image_id)
    if forms.ConfirmForm().validate_on_submit():
        with unit_of_work():
            product_images.move(
                product, image, -1 if request.form.get("direction") == "up" else 1, current_user
            )
    return redirect(url_for("vendor.images", product_id=product.id), code=303)


@bp.post("/products/<int:product_id>/images/<int:image_id>/delete")
@vendor_staff()
def delete_image(product_id: int, image_id: int):
    product = _owned(catalog_admin.vendor_product, product_id)
    image = _owned(lambda _v, i: product_images.product_image(product, i), image_id)
    if forms.ConfirmForm().validate_on_submit():
        with unit_of_work():
            product_images.remove(product, image, current_user)
        flash(_("Photo removed."), "success")
    return redirect(url_for("vendor.images", product_id=product.id), code=303)


@bp.post("/products/<int:product_id>/images/<int:image_id>/alt")
@vendor_staff()
def image_alt(product_id: int, image_id: int):
    product = _owned(catalog_admin.vendor_product, product_id)
    image = _owned(lambda _v, i: product_images.product_image(product, i), image_id)
    form = forms.AltTextForm(prefix=f"alt-{image.id}")
    if form.validate_on_submit():
        with unit_of_work():
            product_images.set_alt(image, views.alts_from(form), current_user)
        flash(_("Photo description saved."), "success")
    else:
        flash(_("Photo descriptions can be at most 250 characters."), "error")
    return redirect(url_for("vendor.images", product_id=product.id), code=303)


# -- bulk listing -----------------------------------------------------------------------------


@bp.route("/import", methods=["GET", "POST"])
@vendor_staff()
def bulk_import():
    form = forms.ImportForm()
    if form.validate_on_submit():
        upload = form.file.data
        content = upload.read(catalog_csv.MAX_BYTES + 1)
        try:
            with unit_of_work():
                record = catalog_imports.preview(
                    g.vendor, current_user, upload.filename or "", content
                )
        except catalog_csv.ImportFailed as failure:
            return render_template(
                "portal/import.html",
                form=form,
                errors=failure.errors,
                **views.import_page(g.vendor),
            )
        return redirect(url_for("vendor.import_preview", import_id=record.id), code=303)
    return render_template(
        "portal/import.html", form=form, errors=None, **views.import_page(g.vendor)
    )


@bp.get("/import/<int:import_id>")
@vendor_staff()
def import_preview(import_id: int):
    record = _owned(catalog_imports.vendor_import, import_id)
    plan, errors = catalog_imports.replan(g.vendor, record)
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
    record = _owned(catalog_imports.vendor_import, import_id)
    if not forms.ConfirmForm().validate_on_submit():
        abort(400)
    try:
        with unit_of_work():
            catalog_imports.confirm(
                g.vendor,
                record,
                current_user,
                hold_for_review=current_app.config["HOLD_NEW_LISTINGS"],
            )
    except ImportAlreadyApplied:
        flash(_("This import was already applied; nothing was changed."), "info")
    except catalog_csv.ImportFailed:
        flash(_("Your catalog changed since the preview; please check the file again."), "error")
    else:
        flash(_("Import finished."), "success")
    return redirect(url_for("vendor.import_preview", import_id=record.id), code=303)


def _csv_response(content: bytes, filename: str) -> Response:
    response = Response(content, mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.cache_control.private = True
    response.cache_control.no_store = True
    return response


@bp.get("/import/template.csv")
@vendor_staff(approved=False)
def import_template():
    return _csv_response(catalog_csv.template(), "taipei-good-goods-catalog-template.csv")


@bp.get("/export.csv")
@vendor_staff()
def export():
    return _csv_response(catalog_csv.export(g.vendor), f"{g.vendor.slug}-catalog.csv")


# -- staff ------------------------------------------------------------------------------------


@bp.route("/staff", methods=["GET", "POST"])
@vendor_staff(approved=False, owner=True)
def staff():
    form = forms.InviteForm()
    if form.validate_on_submit():
        try:
            with unit_of_work():
                invitation = vendors.invite(g.vendor, current_user, form.email.data, g.lang)
        except EmailTaken:
            form.email.errors.append(
                _(
                    "This address already has an account. Ask them to use "
                    "another address for the portal."
                )
            )
        else:
            flash(_("Invitation sent to %(email)s.", email=invitation.email), "success")
            return redirect(url_for("vendor.staff"), code=303)
    return render_template(
        "portal/staff.html",
        form=form,
        members=vendors.staff(g.vendor),
        invitations=vendors.open_invitations(g.vendor),
        confirm=forms.ConfirmForm(),
    )


@bp.post("/staff/invitations/<int:invitation_id>/revoke")
@vendor_staff(approved=False, owner=True)
def revoke_invitation(invitation_id: int):
    invitation = _owned(vendors.vendor_invitation, invitation_id)
    if forms.ConfirmForm().validate_on_submit():
        with unit_of_work():
            vendors.revoke(invitation, current_user)
        flash(_("Invitation withdrawn."), "success")
    return redirect(url_for("vendor.staff"), code=303)


@bp.post("/staff/<int:user_id>/remove")
@vendor_staff(approved=False, owner=True)
def remove_member(user_id: int):
    member = _owned(vendors.vendor_member, user_id)
    if forms.ConfirmForm().validate_on_submit():
        try:
            with unit_of_work():
                vendors.remove_staff(g.vendor, current_user, member)
        except InvalidDecision:
            flash(_("The owner's account cannot be removed."), "error")
        else:
            flash(_("%(name)s no longer has access to the portal.", name=member.name), "success")
    return redirect(url_for("vendor.staff"), code=303)


@bp.route("/join/<token>", methods=["GET", "POST"])
def join(token: str):
    try:
        invitation = vendors.invitation_from_token(token, current_app.config["SECRET_KEY"])
    except InvitationInvalid:
        return render_template("portal/join_invalid.html"), 404
    if current_user.is_authenticated:
        return render_template("portal/apply_signed_in.html")
    form = forms.JoinForm()
    if form.validate_on_submit():
        try:
            with unit_of_work():
                user = vendors.accept(invitation, form.name.data, form.password.data)
        except (EmailTaken, InvitationInvalid):
            return render_template("portal/join_invalid.html"), 404
        login_user(user)
        flash(
            _("Welcome to the %(vendor)s team!", vendor=invitation.vendor.name_zh_hant), "success"
        )
        return redirect(url_for("vendor.dashboard"), code=303)
    return render_template("portal/join.html", form=form, invitation=invitation)
