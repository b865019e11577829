"""The vendor portal's blueprint, its shared helpers, and applying, the dashboard and staff.

The portal's other pages are in products.py, photos.py and imports.py (they add their routes
to this blueprint; app.web imports them before registering it). Routes load (the vendor's own
records only), call one service inside the unit of work, and render; what a page shows comes
from services.catalog.portal, and forms turn what was typed into drafts and problems back into
messages.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import limiter
from app.services import reference, settings, vendors
from app.services.catalog import portal
from app.services.errors import (
    BusinessNumberTaken,
    EmailTaken,
    InvalidBusinessNumber,
    InvalidDecision,
    InvalidEmail,
    InvitationInvalid,
    InvitationRefused,
    NotFound,
    WeakPassword,
)
from app.services.orders import fulfilment
from app.transaction import unit_of_work
from app.web import sessions
from app.web.access import vendor_staff
from app.web.account.forms import weak_password
from app.web.i18n import current_language
from app.web.portal import forms, messages

bp = Blueprint("vendor", __name__, url_prefix="/<lang:lang>/vendor", template_folder="templates")


def owned(loader, *args):
    try:
        return loader(g.vendor, *args)
    except NotFound:
        abort(404)


def reader_locale() -> str:
    return current_language().content


def hold() -> bool:
    """Operators hold new and changed listings for review (a store setting)."""
    return settings.hold_new_listings()


def category_choices() -> list[tuple[int, str]]:
    ref = reference.get()
    return [(info.id, messages.category_name(info)) for info in ref.categories_in_order()]


# -- applying ---------------------------------------------------------------------------------


@bp.route("/apply", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def apply():
    if current_user.is_authenticated:
        return render_template("portal/apply_signed_in.html")
    form = forms.ApplicationForm()
    form.categories.choices = category_choices()
    if form.validate_on_submit():
        try:
            with unit_of_work():
                # None when the address has an account: answered the same (vendors.apply)
                vendors.apply(form.to_application(g.lang))
        except (InvalidBusinessNumber, BusinessNumberTaken, InvalidEmail, WeakPassword) as error:
            form.show_error(error)
        else:
            flash(
                _(
                    "Thank you! We sent a message to the address you gave: confirm it, then "
                    "sign in to follow your application."
                ),
                "success",
            )
            return redirect(url_for("account.check_email"), code=303)
    return render_template("portal/apply.html", form=form)


# -- dashboard --------------------------------------------------------------------------------


@bp.get("/")
@vendor_staff(approved=False)
def dashboard():
    return render_template(
        "portal/dashboard.html",
        vendor=g.vendor,
        board=portal.dashboard(g.vendor, reader_locale()),
        low_stock=portal.LOW_STOCK,
        waiting=fulfilment.waiting_count(g.vendor),
    )


# -- staff ------------------------------------------------------------------------------------


@bp.route("/staff", methods=["GET", "POST"])
@vendor_staff(approved=False, owner=True)
def staff():
    form = forms.InviteForm()
    if form.validate_on_submit():
        try:
            with unit_of_work():
                invitation = vendors.invite(g.vendor, current_user, form.email.data, g.lang)
        except InvitationRefused as error:
            form.email.errors.append(messages.invitation_refused(error))
        except InvalidEmail:
            form.email.errors.append(_("Enter an email address like name@example.com."))
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
    invitation = owned(vendors.vendor_invitation, invitation_id)
    if forms.ConfirmForm().validate_on_submit():
        with unit_of_work():
            vendors.revoke(invitation, current_user)
        flash(_("Invitation withdrawn."), "success")
    return redirect(url_for("vendor.staff"), code=303)


@bp.post("/staff/<int:user_id>/remove")
@vendor_staff(approved=False, owner=True)
def remove_member(user_id: int):
    member = owned(vendors.vendor_member, user_id)
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
        except WeakPassword as error:
            form.password.errors.append(weak_password(error))
            return render_template("portal/join.html", form=form, invitation=invitation)
        sessions.sign_in(user)
        flash(
            _("Welcome to the %(vendor)s team!", vendor=invitation.vendor.name_zh_hant), "success"
        )
        return redirect(url_for("vendor.dashboard"), code=303)
    return render_template("portal/join.html", form=form, invitation=invitation)
