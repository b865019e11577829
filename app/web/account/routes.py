"""Accounts: signing in (with the second step for those who turned it on), signing up,
signing out, and the account page. Mailed links are in mailed_links.py, the person's settings
and data in settings.py (they add their routes to this blueprint)."""

from __future__ import annotations

import time

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.extensions import db, limiter
from app.models import User
from app.models.user import SignInOutcome
from app.services import accounts
from app.services import addresses as saved_addresses
from app.services.accounts import registration, sign_ins, signing_in
from app.services.checkout import queries as checkout_queries
from app.services.errors import AccountLocked, InvalidCredentials, InvalidEmail, WeakPassword
from app.transaction import unit_of_work
from app.web import sessions
from app.web.account.forms import (
    CodeForm,
    SignInForm,
    SignOutForm,
    SignUpForm,
    locked,
    weak_password,
)
from app.web.checkout import cart_store
from app.web.safe_redirect import safe_next

bp = Blueprint("account", __name__, url_prefix="/<lang:lang>/account", template_folder="templates")

#: session key of a sign-in waiting for its second step: account, version, when, remember, next
PENDING = "_sign_in_pending"
#: how long the second step may wait after the password
PENDING_SECONDS = 300


def _sign_in_limit() -> str:
    return current_app.config["RATELIMIT_SIGN_IN"]


def _sign_up_limit() -> str:
    return current_app.config["RATELIMIT_SIGN_UP"]


def _after_sign_in(user, target: str | None) -> str:
    target = safe_next(target)
    if target:
        return target
    if user.is_operator:
        return url_for("ops.home")
    if user.is_vendor_staff:
        return url_for("vendor.dashboard")
    return url_for("account.overview")


def _record(user_id, email: str, outcome: str) -> None:
    with unit_of_work():
        sign_ins.record(user_id, email, request.remote_addr, outcome)


def _finish(user: User, remember: bool, target: str | None):
    """The checks passed: record it, join the guest cart, start the session."""
    with unit_of_work():
        signing_in.signed_in(user)
        sign_ins.record(user.id, user.email, request.remote_addr, SignInOutcome.SIGNED_IN)
        cart_store.join_account(user)
    sessions.sign_in(user, remember=remember)
    return redirect(_after_sign_in(user, target), code=303)


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("account.overview"))
    form = SignInForm()
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next")) or ""
    if not form.validate_on_submit():
        return render_template("account/sign_in.html", form=form)
    email = form.email.data
    try:
        user = signing_in.check_password(email, form.password.data, sessions.device_for(email))
    except AccountLocked as error:
        _record(error.params.get("user_id"), email, SignInOutcome.LOCKED)
        form.password.errors.append(locked(error.params["seconds"]))
        return render_template("account/sign_in.html", form=form), 429
    except InvalidCredentials as error:
        _record(error.params.get("user_id"), email, error.params["outcome"])
        form.password.errors.append(_("That email and password do not match an account."))
        return render_template("account/sign_in.html", form=form)
    if user.two_factor_enabled:
        _record(user.id, email, SignInOutcome.CODE_ASKED)
        session[PENDING] = {
            "id": user.id,
            "v": user.session_version,
            "at": int(time.time()),
            "remember": bool(form.remember.data),
            "next": safe_next(form.next.data),
        }
        return redirect(url_for("account.sign_in_code"), code=303)
    return _finish(user, bool(form.remember.data), form.next.data)


def _pending_user() -> tuple[User | None, dict]:
    pending = session.get(PENDING)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None, {}
    user = db.session.get(User, pending.get("id"))
    if user is None or not user.is_active or user.session_version != pending.get("v"):
        return None, {}
    return user, pending


@bp.route("/sign-in/code", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
def sign_in_code():
    """The second step: the code from the authenticator app."""
    user, pending = _pending_user()
    if user is None:
        session.pop(PENDING, None)
        flash(_("Please sign in again."), "info")
        return redirect(url_for("account.sign_in"), code=303)
    form = CodeForm()
    if not form.validate_on_submit():
        return render_template("account/sign_in_code.html", form=form)
    try:
        with unit_of_work():
            signing_in.check_code(user, form.code.data, sessions.device_for(user.email))
    except AccountLocked as error:
        _record(user.id, user.email, SignInOutcome.LOCKED)
        form.code.errors.append(locked(error.params["seconds"]))
        return render_template("account/sign_in_code.html", form=form), 429
    except InvalidCredentials:
        _record(user.id, user.email, SignInOutcome.WRONG_CODE)
        form.code.errors.append(
            _("That code is not right, or was used already. Wait for the next one and try again.")
        )
        return render_template("account/sign_in_code.html", form=form)
    session.pop(PENDING, None)
    return _finish(user, pending.get("remember", False), pending.get("next"))


@bp.route("/sign-up", methods=["GET", "POST"])
@limiter.limit(_sign_up_limit, methods=["POST"])
def sign_up():
    """The same answer whether or not the address has an account (registration.register)."""
    if current_user.is_authenticated:
        return redirect(url_for("account.overview"))
    form = SignUpForm()
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next")) or ""
    if form.validate_on_submit():
        try:
            with unit_of_work():
                registration.register(form.email.data, form.password.data, form.name.data, g.lang)
        except InvalidEmail:
            form.email.errors.append(_("Enter an email address like name@example.com."))
        except WeakPassword as error:
            form.password.errors.append(weak_password(error))
        else:
            return redirect(url_for("account.check_email"), code=303)
    return render_template("account/sign_up.html", form=form)


@bp.get("/check-email")
def check_email():
    return render_template("account/check_email.html")


@bp.post("/sign-out")
def sign_out():
    """Ends this account's sessions everywhere: every session and remember cookie made before
    is refused from now on."""
    form = SignOutForm()
    if form.validate_on_submit():
        if current_user.is_authenticated:
            with unit_of_work():
                accounts.end_sessions(current_user)
        sessions.sign_out()
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
