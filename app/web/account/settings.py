"""The signed-in person's settings and data: password, two-step sign-in (operators), a copy of
their data, deleting the account."""

from __future__ import annotations

import json

import segno
from flask import abort, current_app, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.extensions import limiter
from app.services import accounts, clock
from app.services.accounts import privacy, registration, two_factor
from app.services.errors import (
    AccountDeletionRefused,
    InvalidCredentials,
    TwoFactorRefused,
    WeakPassword,
)
from app.transaction import unit_of_work
from app.web import downloads, sessions
from app.web.account.forms import (
    ChangePasswordForm,
    CodeForm,
    DeleteForm,
    deletion_refused,
    weak_password,
)
from app.web.account.routes import bp

#: session key of the secret shown while two-step sign-in is being set up
TOTP_PENDING = "_totp_pending"


def _guess_limit() -> str:
    return current_app.config["RATELIMIT_SIGN_IN"]


@bp.route("/password", methods=["GET", "POST"])
@login_required
@limiter.limit(_guess_limit, methods=["POST"])
def change_password():
    """A new password ends every other session; this one stays signed in."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            with unit_of_work():
                accounts.change_password(user, form.current.data, form.password.data)
                registration.password_changed(user)
        except InvalidCredentials:
            form.current.errors.append(_("That is not your current password."))
        except WeakPassword as error:
            form.password.errors.append(weak_password(error))
        else:
            sessions.resume(user)
            flash(_("Your password is changed. Other devices were signed out."), "success")
            return redirect(url_for("account.overview"), code=303)
    return render_template("account/password.html", form=form)


# -- two-step sign-in ---------------------------------------------------------------------------


def _operator():
    if not current_user.is_operator:
        abort(404)
    return current_user._get_current_object()


@bp.route("/two-step", methods=["GET", "POST"])
@login_required
@limiter.limit(_guess_limit, methods=["POST"])
def two_step():
    """Operators turn on a code from an authenticator app as a second step of signing in."""
    user = _operator()
    form = CodeForm()
    if user.two_factor_enabled:
        return render_template("account/two_step.html", form=form, enabled=True)
    secret = session.get(TOTP_PENDING) or two_factor.new_secret()
    session[TOTP_PENDING] = secret
    if form.validate_on_submit():
        try:
            with unit_of_work():
                two_factor.enable(user, secret, form.code.data)
        except TwoFactorRefused:
            form.code.errors.append(
                _("That code is not right. Check the time on your phone and try the next one.")
            )
        else:
            session.pop(TOTP_PENDING, None)
            flash(_("Two-step sign-in is on."), "success")
            return redirect(url_for("account.overview"), code=303)
    uri = two_factor.provisioning_uri(user, secret)
    return render_template(
        "account/two_step.html",
        form=form,
        enabled=False,
        secret=secret,
        qr=segno.make(uri, error="m").svg_data_uri(scale=5, border=2),
    )


@bp.post("/two-step/off")
@login_required
@limiter.limit(_guess_limit)
def two_step_off():
    user = _operator()
    form = CodeForm()
    if form.validate_on_submit() and user.two_factor_enabled:
        try:
            with unit_of_work():
                two_factor.disable(user, form.code.data)
        except TwoFactorRefused:
            flash(_("That code is not right: two-step sign-in stays on."), "error")
        else:
            flash(_("Two-step sign-in is off."), "info")
    return redirect(url_for("account.two_step"), code=303)


# -- the person's data --------------------------------------------------------------------------


@bp.get("/data.json")
@login_required
def export_data():
    """Everything kept about the signed-in person, as a JSON file to keep."""
    data = privacy.export(current_user._get_current_object())
    body = json.dumps(data, ensure_ascii=False, indent=2)
    name = f"taipei-good-goods-my-data-{clock.today().isoformat()}.json"
    return downloads.attachment(body, name, "application/json")


@bp.route("/delete", methods=["GET", "POST"])
@login_required
@limiter.limit(_guess_limit, methods=["POST"])
def delete_account():
    form = DeleteForm()
    refused = None
    if form.validate_on_submit():
        try:
            with unit_of_work():
                privacy.delete_account(current_user._get_current_object(), form.password.data)
        except InvalidCredentials:
            form.password.errors.append(_("That is not your password."))
        except AccountDeletionRefused as error:
            refused = deletion_refused(error)
        else:
            sessions.sign_out()
            flash(_("Your account and your personal data are deleted."), "info")
            return redirect(url_for("shop.home"), code=303)
    return render_template("account/delete.html", form=form, refused=refused)
