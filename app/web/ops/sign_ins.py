"""Sign-in attempts, for operators: the latest first, filtered by the e-mail typed (whether or
not it has an account) and by how they ended."""

from __future__ import annotations

from flask import render_template, request
from flask_babel import lazy_gettext as _l

from app.models.user import SignInOutcome
from app.services import accounts
from app.services.accounts import sign_ins
from app.services.errors import InvalidEmail
from app.web.access import operator
from app.web.ops.routes import bp

OUTCOMES = {
    SignInOutcome.SIGNED_IN.value: _l("Signed in"),
    SignInOutcome.CODE_ASKED.value: _l("Password right, code asked"),
    SignInOutcome.WRONG_PASSWORD.value: _l("Wrong password"),
    SignInOutcome.UNKNOWN_ACCOUNT.value: _l("No such account"),
    SignInOutcome.WRONG_CODE.value: _l("Wrong code"),
    SignInOutcome.LOCKED.value: _l("Refused: too many failures"),
    SignInOutcome.INACTIVE.value: _l("Closed account"),
}


@bp.get("/sign-ins")
@operator
def sign_ins_page():
    email = (request.args.get("email") or "").strip()[:254]
    outcome = request.args.get("outcome") or ""
    if outcome not in OUTCOMES:
        outcome = ""
    bad_email = False
    if email:
        try:
            accounts.check_email(email)
        except InvalidEmail:
            bad_email = True
    rows = [] if bad_email else sign_ins.recent(email or None, outcome or None)
    return render_template(
        "ops/sign_ins.html",
        rows=rows,
        email=email,
        outcome=outcome,
        outcomes=OUTCOMES,
        bad_email=bad_email,
        retention_days=sign_ins.retention_days(),
    )
