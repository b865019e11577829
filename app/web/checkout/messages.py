"""What the cart, checkout and payment pages say when something is refused, in the shopper's
language (services raise codes; these are their words)."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from app.domain.problems import Problem
from app.services.errors import ServiceError

ADDRESS = {
    "required": _l("Please fill this in."),
    "text.too_long": _l("Use at most %(max)d characters."),
    "country.market": _l("We deliver this order to the country you chose to ship to only."),
    "country.format": _l("Choose the country from the list."),
    "postal_code.format": _l("This is not a postal code here. It looks like %(example)s."),
    "phone.format": _l("Enter a phone number with its country code, like %(example)s."),
    "phone.country": _l(
        "The courier needs a number in the country of delivery (this one starts with +%(code)s)."
    ),
    "email.invalid": _l("Enter an email address like name@example.com."),
}

#: Stripe's decline codes shoppers meet most, in their words; anything else is a plain decline
DECLINES = {
    "card_declined": _l("Your card was declined. Try another card, or ask your bank."),
    "insufficient_funds": _l("Your card has insufficient funds. Try another card."),
    "expired_card": _l("Your card has expired. Try another card."),
    "incorrect_cvc": _l("The security code (CVC) is wrong. Check it and try again."),
    "incorrect_number": _l("The card number is wrong. Check it and try again."),
    "processing_error": _l("The card could not be charged just now. Please try again."),
    "authentication_failed": _l("The card's security check was not completed. Try again."),
}


def problem_text(found: Problem) -> str:
    text = ADDRESS.get(found.code, ADDRESS["required"])
    params = found.kwargs
    return str(text % params) if params else str(text)


def decline(code: str | None) -> str:
    return str(DECLINES.get(code or "", DECLINES["card_declined"]))


def cart_refused(error: ServiceError) -> str:
    params = error.params
    if error.code == "quantity.available":
        available = params.get("available", 0)
        if available <= 0:
            return _("Sorry, this is sold out.")
        return ngettext(
            "Only %(num)d left: you can buy at most that many.",
            "Only %(num)d left: you can buy at most that many.",
            available,
        )
    if error.code == "quantity.range":
        return _("Choose a quantity from 1 to %(max)d.", max=params.get("max", 99))
    if error.code == "cart.full":
        return _(
            "Your cart is full (%(max)d items). Check out or remove something first.",
            max=params.get("max", 50),
        )
    return _("Sorry, this is no longer for sale.")


def checkout_refused(error: ServiceError) -> str:
    if error.code == "cart.empty":
        return _("Your cart is empty.")
    if error.code == "cart.not_shipped":
        return _(
            "Some items cannot be sent to the country you ship to: please remove them from your "
            "cart."
        )
    if error.code == "cart.unavailable":
        return _(
            "Some items are no longer available in the quantity you chose: please check your cart."
        )
    if error.code == "checkout.out_of_stock":
        return _(
            "Someone bought the last units while you were checking out: please check your cart."
        )
    if error.code == "checkout.price_changed":
        return _(
            "Prices, the exchange rate or taxes changed since you looked. Please check the new "
            "total, then place your order."
        )
    if error.code == "account.unverified":
        return _("Confirm your email address first: open the link we sent to it.")
    if error.code == "order.not_payable":
        return _("This order can no longer be paid.")
    return _("Paying is not possible just now. Please try again in a few minutes.")
