"""The links an account is mailed: confirm the address, choose a new password. Opening a link
(a GET) shows a page with a button; only the button's POST changes anything, so a mail
scanner that follows links uses nothing up."""

from __future__ import annotations

from flask import current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.extensions import limiter
from app.services.accounts import registration
from app.services.errors import InvalidEmail, TokenInvalid, WeakPassword
from app.transaction import unit_of_work
from app.web import sessions
from app.web.account.forms import ForgotForm, ResetForm, SignOutForm, weak_password
from app.web.account.routes import bp
from app.web.safe_redirect import safe_next


def _mail_limit() -> str:
    return current_app.config["RATELIMIT_ACCOUNT_MAIL"]


def _link_dead():
    return render_template("account/link_invalid.html"), 404


@bp.route("/verify/<token>", methods=["GET", "POST"])
def verify_email(token: str):
    form = SignOutForm()
    try:
        if not form.validate_on_submit():
            registration.verification_user(token)
            return render_template("account/verify.html", form=form)
        with unit_of_work():
            registration.verify(token)
    except TokenInvalid:
        return _link_dead()
    flash(_("Thank you: your email address is confirmed."), "success")
    if current_user.is_authenticated:
        return redirect(url_for("account.overview"), code=303)
    return redirect(url_for("account.sign_in"), code=303)


@bp.post("/verify/resend")
@login_required
@limiter.limit(_mail_limit)
def resend_verification():
    if SignOutForm().validate_on_submit():
        with unit_of_work():
            sent = registration.resend_verification(current_user)
        if sent:
            flash(_("We sent a new link to %(email)s.", email=current_user.email), "success")
        elif current_user.email_verified:
            flash(_("Your email address is already confirmed."), "info")
        else:
            flash(_("We already sent several links today. Please check your inbox."), "info")
    return redirect(safe_next(request.form.get("next")) or url_for("account.overview"), code=303)


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(_mail_limit, methods=["POST"])
def forgot_password():
    """The same answer whether or not the address has an account."""
    form = ForgotForm()
    if form.validate_on_submit():
        try:
            with unit_of_work():
                registration.send_password_link(form.email.data, g.lang)
        except InvalidEmail:
            form.email.errors.append(_("Enter an email address like name@example.com."))
        else:
            return redirect(url_for("account.check_email"), code=303)
    return render_template("account/forgot.html", form=form)


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    try:
        user = registration.password_link_user(token)
    except TokenInvalid:
        return _link_dead()
    form = ResetForm()
    if form.validate_on_submit():
        try:
            with unit_of_work():
                registration.reset_password(token, form.password.data)
        except TokenInvalid:
            return _link_dead()
        except WeakPassword as error:
            form.password.errors.append(weak_password(error))
        else:
            if current_user.is_authenticated:
                sessions.sign_out()
            flash(_("Your new password is saved. Sign in with it now."), "success")
            return redirect(url_for("account.sign_in"), code=303)
    return render_template("account/reset.html", form=form, email=user.email)
