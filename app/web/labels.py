"""Translated names of values stored as codes (tax labels, exemptions, sort orders)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from app.domain.locales import CONTENT

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


def tax_label(line) -> str:
    label = TAX_LABELS.get(line.label)
    return str(label) if label is not None else line.name


PRODUCT_STATUSES = {
    "draft": _l("Draft"),
    "pending_review": _l("Waiting for review"),
    "active": _l("Listed"),
    "unlisted": _l("Unlisted"),
    "removed": _l("Removed by operators"),
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
