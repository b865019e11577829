"""Translated names of values stored as codes (tax labels, exemptions, sort orders)."""

from __future__ import annotations

from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.domain import duty_rates
from app.domain.locales import CONTENT, LANGUAGES

TAX_LABELS = {
    "duty": _l("Import duty"),
    "vat": _l("VAT"),
    "sales_tax": _l("Sales tax"),
    "gst": _l("GST"),
    "business_tax": _l("Business tax"),
}

EXEMPTIONS = {
    "perishable": _l("Perishable goods"),
    "hygiene_sealed": _l("Hygiene-sealed goods"),
    "custom_made": _l("Made to order"),
}

EXEMPTION_DETAILS = {
    "perishable": _l(
        "Fresh food spoils on the way back, so it cannot be returned for a change of mind."
    ),
    "hygiene_sealed": _l(
        "Once the hygiene seal is broken, this item cannot be returned for a change of mind."
    ),
    "custom_made": _l(
        "This item is made to your order, so it cannot be returned for a change of mind."
    ),
}

#: what a draft needs before shoppers may see it (services.catalog.listing)
LISTING_NEEDS = {
    "name_en": _l("an English name"),
    "photo": _l("a photo"),
}

SORTS = {
    "newest": _l("Newest"),
    "price_asc": _l("Price: low to high"),
    "price_desc": _l("Price: high to low"),
}


def _content_locale() -> str:
    """The content locale of the language being rendered: the page's, or a mail's (mail
    renders under force_locale, outside the page's request)."""
    babel = str(get_locale() or "en")
    return next((lang.content for lang in LANGUAGES.values() if lang.babel == babel), "en")


def tax_label(line) -> str:
    """A tax line's name in the page's language: "Import duty, tea (0902)" for a duty line
    on one heading's goods (quotes, cart lines and order snapshots alike)."""
    label = TAX_LABELS.get(line.label)
    if label is None:
        return line.name
    names = getattr(line, "goods_names", None) or {}
    heading = getattr(line, "heading", None)
    if not names and not heading:
        return str(label)
    from app.services.i18n import resolve_map

    what = resolve_map(names, _content_locale()) if names else None
    code = duty_rates.display_hs(heading) if heading else None
    if what and code:
        return _("%(tax)s, %(goods)s (%(code)s)", tax=label, goods=what.value, code=code)
    return _("%(tax)s, %(goods)s", tax=label, goods=what.value if what else code)


PRODUCT_STATUSES = {
    "draft": _l("Draft"),
    "pending_review": _l("Waiting for review"),
    "rejected": _l("Not approved"),
    "active": _l("Listed"),
    "unlisted": _l("Unlisted"),
    "removed": _l("Removed by operators"),
    "archived": _l("Deleted, kept for orders"),
}

ORDER_STATUSES = {
    "awaiting_payment": _l("Waiting for payment"),
    "paid": _l("Paid"),
    "expired": _l("Expired unpaid"),
    "cancelled": _l("Cancelled"),
}

VENDOR_ORDER_STATUSES = {
    "awaiting_payment": _l("Waiting for payment"),
    "paid": _l("Paid"),
    "accepted": _l("Being packed"),
    "shipped": _l("Shipped"),
    "delivered": _l("Delivered"),
    "completed": _l("Completed"),
    "cancelled": _l("Cancelled"),
}

RETURN_STATUSES = {
    "requested": _l("Return requested"),
    "approved": _l("Return approved"),
    "rejected": _l("Return rejected"),
    "received": _l("Returned goods received"),
    "refunded": _l("Return refunded"),
}

VENDOR_STATUSES = {
    "pending": _l("Waiting for review"),
    "approved": _l("Approved"),
    "rejected": _l("Rejected"),
    "suspended": _l("Suspended"),
}

#: content locales by their own names (a vendor reads which language a text is in)
LOCALE_NAMES = {key: locale.native_name for key, locale in CONTENT.items()}

SEARCH_SORTS = {
    "relevance": _l("Best match"),
    "price_asc": _l("Price: low to high"),
    "price_desc": _l("Price: high to low"),
    "newest": _l("Newest"),
}


#: a refused photo, by ImageRejected's code: product, zone banner and return photos go through
#: the same image checks (app.services.catalog.media)
PHOTO_REFUSALS = {
    "too_big": _l("%(file)s is larger than 8 MB."),
    "not_image": _l("%(file)s is not a picture we can read."),
    "format": _l("%(file)s is not a JPEG, PNG or WebP picture."),
    "too_many_pixels": _l("%(file)s has too many pixels (at most 40 megapixels)."),
}


def photo_refused(reason: str, filename: str) -> str:
    """Why the photo `filename` was refused (an unknown reason reads as "not a picture")."""
    text = PHOTO_REFUSALS.get(reason, PHOTO_REFUSALS["not_image"])
    return str(text % {"file": filename})


def return_move_refused(error) -> str:
    """A return's step refused because someone else moved it first (services'
    InvalidTransition): the same words in the portal and the console."""
    status = error.params.get("status", "")
    return _(
        "This return was already handled: it is now “%(status)s”. Nothing else was changed.",
        status=RETURN_STATUSES.get(status, status),
    )
