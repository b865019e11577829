"""The vendor portal: apply, dashboard, products, photos, bulk listing, staff.

Routes load (the vendor's own records only), call one service inside the unit of work, and
render; what a page shows comes from services.catalog.portal, and forms turn what was typed
into drafts and problems back into messages.
"""

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
from app.services import reference, vendors
from app.services.catalog import admin as catalog_admin
from app.services.catalog import csv as catalog_csv
from app.services.catalog import images as product_images
from app.services.catalog import imports as catalog_imports
from app.services.catalog import portal
from app.services.errors import (
    BusinessNumberTaken,
    EmailTaken,
    ImportAlreadyApplied,
    ImportFailed,
    Invalid,
    InvalidBusinessNumber,
    InvalidDecision,
    InvitationInvalid,
    ListingRefused,
    NotFound,
)
from app.transaction import unit_of_work
from app.web.access import vendor_staff
from app.web.htmx import hx_redirect, wants_fragment
from app.web.i18n import current_language
from app.web.params import id_arg
from app.web.portal import forms, messages

bp = Blueprint("vendor", __name__, url_prefix="/<lang:lang>/vendor", template_folder="templates")


def _owned(loader, *args):
    try:
        return loader(g.vendor, *args)
    except NotFound:
        abort(404)


def _locale() -> str:
    return current_language().content


def _hold() -> bool:
    return current_app.config["HOLD_NEW_LISTINGS"]


def _category_choices() -> list[tuple[int, str]]:
    ref = reference.get()
    return [(info.id, messages.category_name(info)) for info in ref.categories_in_order()]


# -- applying ---------------------------------------------------------------------------------


@bp.route("/apply", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def apply():
    if current_user.is_authenticated:
        return render_template("portal/apply_signed_in.html")
    form = forms.ApplicationForm()
    form.categories.choices = _category_choices()
    if form.validate_on_submit():
        try:
            with unit_of_work():
                _vendor, owner = vendors.apply(form.to_application(g.lang))
        except (InvalidBusinessNumber, BusinessNumberTaken, EmailTaken) as error:
            form.show_error(error)
        else:
            login_user(owner)
            flash(_("Thank you! We received your application and will reply by email."), "success")
            return redirect(url_for("vendor.dashboard"), code=303)
    return render_template("portal/apply.html", form=form)


# -- dashboard --------------------------------------------------------------------------------


@bp.get("/")
@vendor_staff(approved=False)
def dashboard():
    return render_template(
        "portal/dashboard.html",
        vendor=g.vendor,
        board=portal.dashboard(g.vendor, _locale()),
    )


# -- products ---------------------------------------------------------------------------------


@bp.get("/products")
@vendor_staff()
def products():
    wanted = portal.ProductFilter.of(request.args.get("q"), request.args.get("status"))
    found, next_after = portal.vendor_products(g.vendor, id_arg("after"), wanted)
    return render_template(
        "portal/products.html",
        rows=portal.product_rows(found, _locale()),
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
        missing=catalog_admin.listing.missing(product) if product else None,
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
            return catalog_admin.save_product(g.vendor, draft, product, current_user, _hold())
    except Invalid as failure:
        form.show_problems(failure.problems)
        return None


@bp.route("/products/new", methods=["GET", "POST"])
@vendor_staff()
def new_product():
    form = forms.ProductForm()
    form.prepare(_category_choices(), reference.get().category_slug_of)
    if request.method == "POST" and not form.wants_more_rows():
        product = _save(form, None)
        if product is not None:
            flash(messages.saved(product, created=True), "success")
            return redirect(url_for("vendor.images", product_id=product.id), code=303)
    return _product_page(form, None)


@bp.route("/products/<int:product_id>", methods=["GET", "POST"])
@vendor_staff()
def edit_product(product_id: int):
    product = _owned(catalog_admin.vendor_product, product_id)
    form = forms.ProductForm(formdata=request.form if request.method == "POST" else None)
    form.prepare(_category_choices(), reference.get().category_slug_of)
    if request.method == "GET":
        form.fill(product)
    elif not form.wants_more_rows() and _save(form, product) is not None:
        flash(messages.saved(product, created=False), "success")
        return redirect(url_for("vendor.edit_product", product_id=product.id), code=303)
    return _product_page(form, product)


@bp.post("/products/<int:product_id>/delete")
@vendor_staff()
def delete_product(product_id: int):
    product = _owned(catalog_admin.vendor_product, product_id)
    if forms.ConfirmForm().validate_on_submit():
        name = portal.product_name(product, _locale())
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
    product = _owned(catalog_admin.vendor_product, product_id)
    form = forms.ListingForm()
    if form.validate_on_submit():
        try:
            with unit_of_work():
                catalog_admin.set_listed(product, form.listed.data == "1", current_user, _hold())
        except ListingRefused as error:
            flash(messages.listing_refused(error), "error")
        else:
            flash(_("Listing updated."), "success")
    return hx_redirect(url_for("vendor.products"))


@bp.post("/variants/<int:variant_id>")
@vendor_staff()
def quick_edit(variant_id: int):
    """Inline price and stock edit: a row for htmx, a redirect for a plain form post."""
    variant = _owned(catalog_admin.vendor_variant, variant_id)
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
        row = portal.variant_view(variant, _locale())
        return render_template("portal/_variant_row.html", row=row, error=error, saved=not error)
    flash(error or _("Price and stock saved."), "error" if error else "success")
    return redirect(url_for("vendor.products"), code=303)


# -- photos -----------------------------------------------------------------------------------


@bp.route("/products/<int:product_id>/images", methods=["GET", "POST"])
@vendor_staff()
def images(product_id: int):
    product = _owned(catalog_admin.vendor_product, product_id)
    form = forms.ImagesForm()
    if form.validate_on_submit():
        with unit_of_work():
            result = product_images.add(
                product, form.uploads(), current_app.config["MEDIA_ROOT"], current_user, _hold()
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
        name=portal.product_name(product, _locale()),
        missing=catalog_admin.listing.missing(product),
        alt_forms={image.id: forms.AltTextForm.for_image(image) for image in product.images},
        max_images=product_images.MAX_IMAGES,
    )


def _image(product_id: int, image_id: int):
    product = _owned(catalog_admin.vendor_product, product_id)
    return product, _owned(lambda _v, i: product_images.product_image(product, i), image_id)


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
            product_images.remove(product, image, current_user, _hold())
        flash(_("Photo removed."), "success")
        if product.status == "draft" and catalog_admin.listing.missing(product):
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


# -- bulk listing -----------------------------------------------------------------------------


def _import_page(form, errors):
    return render_template(
        "portal/import.html",
        form=form,
        errors=errors,
        imports=catalog_imports.recent(g.vendor),
        categories=_category_choices(),
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
    record = _owned(catalog_imports.vendor_import, import_id)
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
    record = _owned(catalog_imports.vendor_import, import_id)
    if not forms.ConfirmForm().validate_on_submit():
        abort(400)
    try:
        with unit_of_work():
            catalog_imports.confirm(g.vendor, record, current_user, hold_for_review=_hold())
    except ImportAlreadyApplied:
        flash(_("This import was already applied; nothing was changed."), "info")
    except ImportFailed:
        flash(_("Your catalog changed since the preview; please check the file again."), "error")
    else:
        flash(messages.imported(record), "success")
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
            form.email.errors.append(messages.invitee_has_account())
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
