"""Accounts: sign-up, sign-in, sign-out, and the account page."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from app.extensions import limiter
from app.services import accounts
from app.services import addresses as saved_addresses
from app.services.checkout import queries as checkout_queries
from app.services.errors import EmailTaken, InvalidCredentials
from app.transaction import unit_of_work
from app.web.account.forms import SignInForm, SignOutForm, SignUpForm
from app.web.checkout import cart_store
from app.web.safe_redirect import safe_next

bp = Blueprint("account", __name__, url_prefix="/<lang:lang>/account", template_folder="templates")


def _sign_in_limit() -> str:
    return current_app.config["RATELIMIT_SIGN_IN"]


def _sign_up_limit() -> str:
    return current_app.config["RATELIMIT_SIGN_UP"]


def _after_sign_in(user) -> str:
    target = safe_next(request.form.get("next") or request.args.get("next"))
    if target:
        return target
    if user.is_operator:
        return url_for("ops.home")
    if user.is_vendor_staff:
        return url_for("vendor.dashboard")
    return url_for("account.overview")


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("account.overview"))
    form = SignInForm()
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next")) or ""
    if form.validate_on_submit():
        try:
            with unit_of_work():
                user = accounts.authenticate(form.email.data, form.password.data)
                cart_store.join_account(user)
        except InvalidCredentials:
            form.password.errors.append(_("That email and password do not match an account."))
        else:
            login_user(user, remember=form.remember.data)
            return redirect(_after_sign_in(user), code=303)
    return render_template("account/sign_in.html", form=form)


@bp.route("/sign-up", methods=["GET", "POST"])
@limiter.limit(_sign_up_limit, methods=["POST"])
def sign_up():
    if current_user.is_authenticated:
        return redirect(url_for("account.overview"))
    form = SignUpForm()
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next")) or ""
    if form.validate_on_submit():
        try:
            with unit_of_work():
                user = accounts.create_user(
                    form.email.data, form.password.data, form.name.data, preferred_language=g.lang
                )
                cart_store.join_account(user)
        except EmailTaken:
            form.email.errors.append(_("An account with this email already exists."))
        else:
            login_user(user)
            flash(_("Welcome to Taipei Good Goods!"), "success")
            return redirect(_after_sign_in(user), code=303)
    return render_template("account/sign_up.html", form=form)


@bp.post("/sign-out")
def sign_out():
    form = SignOutForm()
    if form.validate_on_submit():
        logout_user()
        flash(_("You have signed out."), "info")
    return redirect(url_for("shop.home"), code=303)


@bp.get("/")
@login_required
def overview():
    return render_template(
        "account/overview.html",
        orders=checkout_queries.for_user(current_user),
        addresses=saved_addresses.for_user(current_user),
        confirm=SignOutForm(),
    )


@bp.post("/addresses/<int:address_id>/forget")
@login_required
def forget_address(address_id: int):
    if SignOutForm().validate_on_submit():
        with unit_of_work():
            forgotten = saved_addresses.forget(current_user, address_id)
        if forgotten:
            flash(_("The address was removed."), "success")
    return redirect(url_for("account.overview"), code=303)
