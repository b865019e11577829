"""What each catalog rule's code says to a vendor, in their language. One wording per rule,
whether the problem is shown under a form field or on a row of the import report."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from app.domain.catalog_rules import Problem

MESSAGES = {
    "handle.required": _l("Required: lower-case letters, digits and hyphens, at most 64."),
    "handle.format": _l("Use lower-case letters, digits and hyphens, at most 64."),
    "handle.taken": _l("Another of your products already uses this handle."),
    "category.required": _l("Choose a category."),
    "category.unknown": _l("No category “%(slug)s”. Use one of: %(slugs)s."),
    "name.required": _l("An English name is required."),
    "text.too_long": _l("Use at most %(max)d characters."),
    "hs_code.format": _l("An HS code has 6 to 10 digits."),
    "hs_code.leading_zero": _l(
        "An HS code has 6, 8 or 10 digits. If a spreadsheet dropped a leading zero, write "
        "%(suggestion)s (and format the column as text so it keeps it)."
    ),
    "origin.format": _l("Use a two-letter country code such as TW."),
    "exemption.unknown": _l("Leave it blank or write one of: %(choices)s."),
    "halal.incomplete": _l(
        "Give the certifying body, the certificate number and its expiry date together."
    ),
    "halal.expired": _l("This certificate has already expired."),
    "halal.flag": _l("Write yes or no."),
    "date.format": _l("Use a date like 2027-06-30."),
    "variants.none": _l("A product needs at least one option."),
    "sku.required": _l("Required: letters, digits, dots, hyphens and underscores, at most 64."),
    "sku.format": _l("Use letters, digits, dots, hyphens and underscores, at most 64."),
    "sku.duplicate": _l("Each option needs its own SKU."),
    "sku.duplicate_row": _l("This SKU is already on row %(row)d."),
    "sku.taken": _l("This SKU belongs to your product “%(handle)s”."),
    "price.range": _l("Enter a whole number of NT$ above 0, like 450."),
    "stock.range": _l("Enter a whole number of 0 or more."),
    "stock.below_reserved": _l(
        "%(reserved)d unit(s) are reserved by orders not yet shipped: stock cannot go below that."
    ),
    "weight.range": _l("Enter the shipping weight in grams, a whole number above 0."),
    "label.required_when_several": _l("Name each option in English when there are several."),
}


def message(found: Problem):
    """The problem in the vendor's language (a lazy string)."""
    text = MESSAGES[found.code]
    params = found.kwargs
    return text % params if params else text
