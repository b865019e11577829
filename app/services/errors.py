"""Errors that services raise, as data: a typed code, the field at fault and the values a
message needs. Routes and commands turn them into words in the reader's language; services
never return (result, failure) pairs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class ServiceError(Exception):
    """A rule refused the request. `field` names the input at fault, when there is one."""

    #: what went wrong, stable across languages (subclasses set their own)
    code = "refused"

    def __init__(self, code: str | None = None, field: str | None = None, **params: Any) -> None:
        self.code = code or type(self).code
        self.field = field
        self.params = params
        super().__init__(f"{self.code}" + (f" ({field})" if field else ""))


class NotFound(ServiceError):
    code = "not_found"


# -- accounts ---------------------------------------------------------------------------------


class EmailTaken(ServiceError):
    code = "email.taken"


class InvalidEmail(ServiceError):
    code = "email.invalid"


class WeakPassword(ServiceError):
    code = "password.weak"


class InvalidCredentials(ServiceError):
    """Wrong e-mail, password or code; params: outcome (for the sign-in record) and user_id
    (None when the e-mail has no account). Pages say no more than that it did not match."""

    code = "credentials.invalid"


class AccountLocked(ServiceError):
    """Too many failed sign-ins for this account just now; params: seconds (until it opens
    again) and user_id."""

    code = "sign_in.locked"


class TokenInvalid(ServiceError):
    """A mailed link that is forged, expired, already used, or for an account that is gone."""

    code = "token.invalid"


class TwoFactorRefused(ServiceError):
    """code.invalid (wrong or already used code), two_factor.operators_only."""

    code = "two_factor.refused"


class AccountDeletionRefused(ServiceError):
    """account.vendor_owner (a shop's owner closes the shop with the operators first),
    account.operator."""

    code = "account.deletion_refused"


class InvitationRefused(ServiceError):
    """vendor.not_approved (pending or rejected vendors invite nobody), owner.unverified,
    invitations.limit (params limit)."""

    code = "invitation.refused"


# -- vendors ----------------------------------------------------------------------------------


class InvalidBusinessNumber(ServiceError):
    code = "ubn.invalid"


class BusinessNumberTaken(ServiceError):
    code = "ubn.taken"


class InvalidVendor(ServiceError):
    """The command line's vendor: `code` is slug.format, slug.taken or name.length."""

    code = "vendor.invalid"


class InvalidDecision(ServiceError):
    """The vendor is not waiting for a decision, or a refusal has no reason."""

    code = "decision.invalid"


class InvitationInvalid(ServiceError):
    """Expired, revoked, already used or not ours."""

    code = "invitation.invalid"


# -- catalog ----------------------------------------------------------------------------------


class Invalid(ServiceError):
    """Catalog rules refused a product: every problem at once, each a
    `catalog_rules.Problem` (path, code, params)."""

    code = "invalid"

    def __init__(self, problems: Sequence) -> None:
        super().__init__()
        self.problems = list(problems)

    def __str__(self) -> str:
        return "; ".join(f"{'.'.join(map(str, p.path))}: {p.code}" for p in self.problems)


class ListingRefused(ServiceError):
    """The product cannot be listed: `code` is listing.removed (operators took it down) or
    listing.incomplete (params: missing, a list of what it lacks)."""

    code = "listing.refused"


class StockBelowReserved(ServiceError):
    """On hand cannot go below the units reserved by orders (params: reserved)."""

    code = "stock.below_reserved"


class ImageRejected(ServiceError):
    """A photo was refused: `code` is too_big, not_image, format, too_many_pixels or
    too_many."""

    code = "image.rejected"

    @property
    def reason(self) -> str:
        return self.code


class ImportFailed(ServiceError):
    """A catalog file was refused: `errors` are the rows, columns and problems found."""

    code = "import.failed"

    def __init__(self, errors: Sequence) -> None:
        super().__init__()
        self.errors = list(errors)

    def __str__(self) -> str:
        return "\n".join(map(str, self.errors[:20]))


class ImportAlreadyApplied(ServiceError):
    """The import was confirmed before: confirming it again would undo later edits."""

    code = "import.already_applied"


# -- cart and checkout --------------------------------------------------------------------------


class CartRefused(ServiceError):
    """The cart cannot hold that: variant.unavailable, quantity.range (params max),
    quantity.available (params available), cart.full (params max)."""

    code = "cart.refused"


class CheckoutRefused(ServiceError):
    """The order cannot be placed as it is: cart.empty, cart.unavailable (lines no longer for
    sale or more than is left), market.shipping (nothing ships there), email.invalid,
    account.unverified (a signed-in buyer's e-mail address is not confirmed yet)."""

    code = "checkout.refused"


class AlreadyPlaced(ServiceError):
    """This checkout form placed its order already (sent twice: a double click, a second
    tab, the Back button); params: ref, the order it placed (None when it was placed by
    another request at the same moment, not yet readable in this transaction)."""

    code = "checkout.already_placed"


class PriceChanged(ServiceError):
    """Prices, rates or taxes changed since the shopper saw them: nothing is charged until the
    shopper has seen the new total."""

    code = "checkout.price_changed"


class OutOfStock(ServiceError):
    """Another shopper took the last units while this order was being placed (params
    variant_ids)."""

    code = "checkout.out_of_stock"


class NotPayable(ServiceError):
    """The order is paid, expired or cancelled: params status."""

    code = "order.not_payable"


class PaymentDeclined(ServiceError):
    """The card was refused: `code` is Stripe's (card_declined, expired_card, ...)."""

    code = "payment.declined"


class PaymentUnavailable(ServiceError):
    """The payment provider could not be reached or answered with an error."""

    code = "payment.unavailable"


# -- after payment ------------------------------------------------------------------------------


class InvalidTransition(ServiceError):
    """A status move the rules refuse: transition.refused (not from this status, or not by this
    person) or transition.stale (someone else moved it first). Params: status, wanted."""

    code = "transition.refused"


class FulfilmentRefused(ServiceError):
    """Shipping details refused: carrier.unknown, tracking.required, tracking.format;
    cancel.reason (a cancellation needs a reason)."""

    code = "fulfilment.refused"


class ReturnRefused(ServiceError):
    """A return the rules refuse: return.exempt, return.not_delivered, return.window_closed,
    return.quantity, return.empty, return.reason, return.parcels (params name the line when
    there is one), return.photos (more than params max)."""

    code = "return.refused"


class PayoutRefused(ServiceError):
    """payout.amount (more than is payable, or not a whole positive number),
    payout.reference."""

    code = "payout.refused"


# -- featured zones ---------------------------------------------------------------------------


class ZoneRefused(ServiceError):
    """The zone form was refused: every problem at once, each a `domain.problems.Problem`
    (codes of domain.zone_rules, slug.taken, and banner.<ImageRejected's code>)."""

    code = "zone.refused"

    def __init__(self, problems: Sequence) -> None:
        super().__init__()
        self.problems = list(problems)

    def __str__(self) -> str:
        return "; ".join(f"{'.'.join(map(str, p.path))}: {p.code}" for p in self.problems)


class CurationRefused(ServiceError):
    """A change to a zone's products refused: product.unknown (no such product, or one
    shoppers will never see again), product.in_zone (already there), product.not_in_zone,
    order.stale (the order sent does not name exactly the zone's products: changed in another
    tab)."""

    code = "curation.refused"


# -- store rules kept by operators -------------------------------------------------------------


class RulesRefused(ServiceError):
    """What an operator entered about the store or its markets was refused (settings,
    exchange rates, tax rules, duty rates, shipping, halal bodies, commission): every problem
    at once, each a `domain.problems.Problem` (codes of domain.market_data and
    domain.store_settings, and rate.exists, rule.overlap with params rules, body.taken)."""

    code = "rules.refused"

    def __init__(self, problems: Sequence) -> None:
        super().__init__()
        self.problems = list(problems)

    def __str__(self) -> str:
        return "; ".join(f"{'.'.join(map(str, p.path))}: {p.code}" for p in self.problems)


class ModerationRefused(ServiceError):
    """An operator's decision on a listing or a vendor refused: reason.required (a rejection,
    removal or suspension says why), state (params status: the record is not in a state this
    decision applies to, e.g. approving a listing already approved in another tab)."""

    code = "moderation.refused"


# -- the operators' audit log ------------------------------------------------------------------


class AuditFilterRefused(ServiceError):
    """The audit log's filter was refused: every problem at once, each a
    `domain.problems.Problem` (domain.date_range: to.before_from)."""

    code = "audit_filter.refused"

    def __init__(self, problems: Sequence) -> None:
        super().__init__()
        self.problems = list(problems)
