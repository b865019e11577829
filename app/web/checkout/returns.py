"""Returns in the 7-day cooling-off period, as the shopper asks for one: which lines and how
many (only what services.orders.returns says may still go back), why, and up to 4 photos,
stored through the same image checks as product photos. A refusal is shown under the field it
is about and nothing is saved."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from app.services.catalog import media
from app.services.errors import ImageRejected, ReturnRefused
from app.services.orders import returns
from app.transaction import unit_of_work
from app.web import labels
from app.web.checkout import after_sale, forms
from app.web.checkout.checkout import payable_order
from app.web.checkout.routes import bp
from app.web.labels import EXEMPTIONS


def refusal_text(error: ReturnRefused) -> str:
    """A refused return in the shopper's words."""
    name = error.params.get("name", "")
    code = error.code
    if code == "return.empty":
        return _("Choose at least one item to return.")
    if code == "return.reason":
        return _("Please tell the shop why you are returning the items.")
    if code == "return.exempt":
        return _(
            "%(name)s cannot be returned for a change of mind, as shown before you paid.",
            name=name,
        )
    if code == "return.not_delivered":
        return _(
            "%(name)s has not been delivered yet: you can return it once it arrives.", name=name
        )
    if code == "return.window_closed":
        return _(
            "The 7-day return period for %(name)s has ended: it can no longer be returned.",
            name=name,
        )
    if code == "return.all_returned":
        return _("%(name)s is already being returned.", name=name)
    if code == "return.photos":
        return _("Add at most %(max)d photos.", max=error.params["max"])
    if code == "return.parcels":
        return _("Choose items from one parcel at a time: each shop takes back its own parcel.")
    if code == "return.quantity" and "max" in error.params:
        return ngettext(
            "You can return at most %(num)d of %(name)s.",
            "You can return at most %(num)d of %(name)s.",
            error.params["max"],
            name=name,
        )
    return _("Enter how many of each item you are returning.")


def _show(form: forms.ReturnForm, lines, error: ReturnRefused) -> None:
    """The refusal under the field it is about: the reason, the line it names (the first one
    asked for by that name; for a quantity, one asked for beyond what is left), or the list
    of lines as a whole."""
    text = refusal_text(error)
    if error.field == "reason":
        form.reason.errors = [text]
        return
    name = error.params.get("name")
    wanted = form.wanted()
    for line in lines:
        if line.product_name != name or line.id not in wanted:
            continue
        if "max" in error.params and wanted[line.id] <= error.params["max"]:
            continue
        form.line_field(line).errors = [text]
        return
    form.lines_errors.append(text)


def _store_photos(form: forms.ReturnForm) -> list[media.StoredImage] | None:
    """The photos, checked and stored; None (with the message under the field) when one is
    refused or there are too many."""
    uploads = form.uploads()
    try:
        returns.check_photo_count(len(uploads))
    except ReturnRefused as error:
        form.photos.errors = [refusal_text(error)]
        return None
    stored, refused = [], []
    for upload in uploads:
        try:
            stored.append(
                media.store_image(
                    upload.read(media.MAX_BYTES + 1), current_app.config["PRIVATE_MEDIA_ROOT"]
                )
            )
        except ImageRejected as error:
            refused.append(labels.photo_refused(error.reason, upload.filename))
    if refused:
        form.photos.errors = refused
        return None
    return stored


def _shopper():
    return current_user._get_current_object() if current_user.is_authenticated else None


def _page(order, form, entries, status: int = 200):
    refusals = {
        entry.line.id: (
            str(EXEMPTIONS.get(entry.line.exemption, entry.line.exemption))
            if entry.refusal == "exempt"
            else str(after_sale.REFUSALS.get(entry.refusal, ""))
        )
        for entry in entries
        if entry.refusal
    }
    for entry in entries:
        if entry.units:
            form.line_field(entry.line).description = ngettext(
                "You can return up to %(num)d.", "You can return up to %(num)d.", entry.units
            )
    parcels = []
    for parcel in order.vendor_orders:
        mine = [e for e in entries if e.line.vendor_order_id == parcel.id]
        if mine:
            deadline = next((e.deadline for e in mine if e.deadline), None)
            vendor = parcel.vendor.display_name("zh_Hant" if order.language == "zh-hant" else "en")
            parcels.append((vendor, mine, deadline))
    return (
        render_template(
            "checkout/return.html",
            order=order,
            form=form,
            parcels=parcels,
            refusals=refusals,
            returnable_units=sum(e.units for e in entries),
            line_name=after_sale.line_name,
        ),
        status,
    )


def _ask(order, form: forms.ReturnForm, lines):
    """The return asked for, or None with the refusal shown on the form (nothing saved)."""
    if not form.validate_on_submit():
        return None
    # Photos are stored before the rules are asked: a refused return leaves no row, only
    # files no row names (named by their pixels, so sending them again stores nothing new).
    photos = _store_photos(form)
    if photos is None:
        return None
    try:
        with unit_of_work():
            asked = returns.request(order, form.wanted(), form.reason.data, _shopper(), photos)
    except ReturnRefused as error:
        _show(form, lines, error)
        return None
    return asked


@bp.route("/orders/<ref>/return", methods=["GET", "POST"])
def return_items(ref: str):
    order = payable_order(ref)
    entries = returns.returnable(order)
    lines = [entry.line for entry in entries]
    form = forms.ReturnForm.for_lines(lines)
    # refusals about the list of lines as a whole (also listed in the form's error summary)
    form.lines_errors = form.service_errors = []
    if request.method == "GET":
        return _page(order, form, entries)
    asked = _ask(order, form, lines)
    if asked is None:
        return _page(order, form, entries, status=422)
    flash(
        _("We sent your return request to the shop. You will get an email when it answers."),
        "success",
    )
    return redirect(url_for(".order_page", ref=order.ref, _anchor=f"return-{asked.id}"), 303)
