"""Checkout: the delivery address and contact, the cooling-off terms and exempt items, the
total as it will be charged; placing the order; paying it on the payment page."""

from __future__ import annotations

from flask import (
    abort,
    current_app,
    flash,
    g,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import limiter, talisman
from app.extensions_setup import payment_content_security_policy
from app.services import addresses as saved_addresses
from app.services import cart
from app.services.checkout import lifecycle, payments, placing, queries
from app.services.errors import (
    AlreadyPlaced,
    CheckoutRefused,
    Invalid,
    NotFound,
    NotPayable,
    OutOfStock,
    PaymentUnavailable,
    PriceChanged,
)
from app.transaction import unit_of_work
from app.web.checkout import cart_store, forms, messages
from app.web.checkout.routes import bp
from app.web.context import market_name, shopper


def _signed_in_user():
    return current_user._get_current_object() if current_user.is_authenticated else None


def _place_limit() -> str:
    return current_app.config["RATELIMIT_CHECKOUT"]


def _checkout_page(form: forms.CheckoutForm, priced, notice: str | None = None, status=200):
    return (
        render_template(
            "checkout/checkout.html",
            form=form,
            priced=priced,
            notice=notice,
            saved=saved_addresses.for_user(current_user) if current_user.is_authenticated else [],
        ),
        status,
    )


def _prefill(form: forms.CheckoutForm) -> None:
    if not current_user.is_authenticated:
        return
    form.email.data = current_user.email
    chosen = saved_addresses.choose(
        current_user, request.args.get("address"), shopper().market.code
    )
    if chosen is not None:
        form.fill(chosen)


@bp.route("/checkout", methods=["GET", "POST"])
@limiter.limit(_place_limit, methods=["POST"])
def checkout():
    if current_user.is_authenticated and not current_user.email_verified:
        # a registered shopper orders once their address is confirmed (a guest needs no account)
        status = 200 if request.method == "GET" else 403
        return render_template("checkout/verify_first.html"), status
    if request.method == "POST":
        # this form placed its order already (a double click, the Back button): that order
        placed = _placed_before(request.form.get("checkout_key"))
        if placed is not None:
            return placed
    who = shopper()
    priced = cart.price(cart_store.items(), who)
    if not priced.lines:
        flash(_("Your cart is empty."), "info")
        return redirect(url_for(".view_cart"), 303)
    form = forms.CheckoutForm()
    form.prepare(who.market.code, market_name(who.market.code))
    if request.method == "GET":
        _prefill(form)
        form.fingerprint.data = priced.fingerprint
        form.checkout_key.data = placing.new_key()
        return _checkout_page(form, priced)
    if form.fingerprint.data != priced.fingerprint:
        # the total shown is not today's (a price, the rate or taxes changed, or the shopper
        # chose another market meanwhile): show the new one first, charge nothing
        form.fingerprint.data = priced.fingerprint
        notice = messages.checkout_refused(PriceChanged())
        return _checkout_page(form, priced, notice=notice, status=409)
    if not form.validate_on_submit():
        form.fingerprint.data = priced.fingerprint
        return _checkout_page(form, priced, status=422)
    return _place(form, who)


def _place(form: forms.CheckoutForm, who):
    buyer = placing.Buyer(form.email.data, g.lang, _signed_in_user())
    try:
        # give back what expired before taking more
        lifecycle.expire_due(limit=20, each=unit_of_work)
        with unit_of_work():
            order = placing.place(
                who,
                cart_store.items_to_change(),
                buyer,
                form.address(),
                form.fingerprint.data,
                form.checkout_key.data,
            )
            if buyer.user is not None and form.save_address.data:
                saved_addresses.remember(buyer.user, form.address())
            cart_store.save([])
    except Invalid as failure:
        form.show_problems(failure.problems)
        return _checkout_page(form, cart.price(cart_store.items(), who), status=422)
    except AlreadyPlaced:
        # sent again at the same moment: the other request placed it and has committed
        placed = _placed_before(form.checkout_key.data)
        if placed is not None:
            return placed
        return redirect(url_for(".view_cart"), 303)
    except (PriceChanged, CheckoutRefused, OutOfStock, PaymentUnavailable) as error:
        priced = cart.price(cart_store.items(), who)
        form.fingerprint.data = priced.fingerprint
        return _checkout_page(form, priced, notice=messages.checkout_refused(error), status=409)
    cart_store.remember_order(order.ref)
    return redirect(url_for(".pay", ref=order.ref), 303)


def _placed_before(key: str | None):
    """Where a checkout form sent again leads: the order it placed (its payment page, or its
    page once paid). None when the form has placed nothing yet. The key is the form's secret:
    whoever holds it filled in that form, and may see its order (a guest's is remembered in
    this browser).

    The cart loses what that order holds, as the first send emptied it: a guest's second
    click carries the cookie from before the first answer, and its answer is the cookie the
    browser keeps. Anything added to the cart since (back from the order page) stays."""
    order = placing.placed_with(key)
    if order is None:
        return None
    ordered = placing.ordered_variants(order)
    with unit_of_work():
        cart_store.save([i for i in cart_store.items_to_change() if i.variant_id not in ordered])
    cart_store.remember_order(order.ref)
    return redirect(url_for(".pay", ref=order.ref), 303)


def payable_order(ref: str):
    try:
        return queries.visible_to(ref, current_user, cart_store.guest_orders())
    except NotFound:
        abort(404)


@bp.get("/checkout/<ref>/pay")
@talisman(content_security_policy=False)  # its own policy, set below: Stripe.js may load here
def pay(ref: str):
    order = payable_order(ref)
    if order.status != "awaiting_payment":
        return redirect(url_for(".order_page", ref=order.ref), 303)
    try:
        setup_secret = payments.card_form_secret()
    except PaymentUnavailable as error:
        setup_secret, notice = None, messages.checkout_refused(error)
    else:
        notice = None
    response = make_response(
        render_template(
            "checkout/pay.html",
            order=order,
            receipt=queries.receipt(order),
            setup_secret=setup_secret,
            notice=notice,
            last_error=_last_decline(order),
        )
    )
    response.headers["Content-Security-Policy"] = payment_content_security_policy(current_app)
    response.cache_control.no_store = True
    return response


def _last_decline(order) -> str | None:
    declined = [p for p in order.payments if p.last_error]
    return messages.decline(declined[-1].last_error) if declined else None


@bp.post("/checkout/<ref>/pay")
@limiter.limit(_place_limit)
def pay_with_card(ref: str):
    """The payment page's script posts the card's payment method here (JSON back)."""
    order = payable_order(ref)
    payment_method = (request.form.get("payment_method") or "").strip()
    if not payment_method.startswith(("pm_", "card_")) or len(payment_method) > 100:
        return jsonify(status="error", message=_("Enter your card details.")), 400
    try:
        with unit_of_work():
            attempt = payments.pay(order, payment_method)
    except (NotPayable, PaymentUnavailable) as error:
        return jsonify(status="error", message=messages.checkout_refused(error)), 409
    body = {"status": attempt.status, "next": url_for(".order_page", ref=order.ref)}
    if attempt.status == "declined":
        body["message"] = messages.decline(attempt.code)
        body["setup_secret"] = payments.card_form_secret()
    if attempt.status == "requires_action":
        body["client_secret"] = attempt.client_secret
    return jsonify(body)


@bp.post("/checkout/<ref>/cancel")
def cancel(ref: str):
    order = payable_order(ref)
    if forms.RemoveForm().validate_on_submit():
        with unit_of_work():
            done = lifecycle.cancel(order, _signed_in_user())
        flash(
            _("Your order was cancelled.") if done else _("This order can no longer be cancelled."),
            "info",
        )
    return redirect(url_for(".order_page", ref=order.ref), 303)
