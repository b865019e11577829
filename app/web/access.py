"""Who may open the vendor portal and the operators' area.

Anonymous visitors are sent to sign in (whatever the id in the URL, so nothing leaks); signed-in
people without the role get 404, as does vendor staff asking for another vendor's record: the
portal never confirms that someone else's product, image or import exists.
"""

from __future__ import annotations

from functools import wraps

from flask import abort, current_app, flash, g, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import login_manager


def _signed_in() -> bool:
    return current_user.is_authenticated


def vendor_staff(approved: bool = True, owner: bool = False):
    """The signed-in user's vendor becomes `g.vendor`.

    approved: the route lists or edits goods, which only approved vendors may do; others are
    sent to the dashboard, which explains the application's status.
    owner: only the vendor's owner (staff management).
    """

    def decorate(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not _signed_in():
                return login_manager.unauthorized()
            if not current_user.is_vendor_staff:
                abort(404)
            if owner and not current_user.is_vendor_owner:
                abort(404)
            g.vendor = current_user.vendor
            if approved and not g.vendor.is_approved:
                return redirect(url_for("vendor.dashboard"))
            return view(*args, **kwargs)

        return wrapper

    return decorate


def operator(view):
    """Operators only; with REQUIRE_OPERATOR_TOTP (production), only once they have turned on
    two-step sign-in (until then every operators' page leads to setting it up)."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if not _signed_in():
            return login_manager.unauthorized()
        if not current_user.is_operator:
            abort(404)
        if current_app.config.get("REQUIRE_OPERATOR_TOTP") and not current_user.two_factor_enabled:
            flash(_("Turn on two-step sign-in to use the operators' area."), "info")
            return redirect(url_for("account.two_step"))
        return view(*args, **kwargs)

    return wrapper
