"""What the portal says after an action, in the vendor's language."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import ngettext

from app.services.errors import InvitationRefused, ListingRefused
from app.services.reference import CategoryInfo
from app.web.context import category_name as _category_text
from app.web.formatting import format_list
from app.web.i18n import current_language
from app.web.labels import LISTING_NEEDS


def category_name(info: CategoryInfo) -> str:
    return _category_text(info).value


def _needs(missing: list[str]) -> str:
    return format_list([str(LISTING_NEEDS[item]) for item in missing], current_language().babel)


def saved(product, created: bool) -> str:
    if product.status == "draft":
        return _(
            "Saved as a draft. Shoppers will see it once it has %(needs)s.",
            needs=_needs(missing_of(product)),
        )
    if product.status == "pending_review":
        if created:
            return _("Saved. An operator reviews new listings before shoppers see them.")
        return _("Changes saved. An operator reviews them before shoppers see the product again.")
    return _("Product saved. Add photos next.") if created else _("Changes saved.")


def missing_of(product) -> list[str]:
    from app.services.catalog import listing

    return listing.missing(product)


def photos_added(product, count: int) -> str:
    added = ngettext("%(num)d photo added.", "%(num)d photos added.", count)
    if product.status == "active":
        return added + " " + _("The product is listed: shoppers can see it now.")
    return added


def draft_again() -> str:
    return _("Without a photo the product went back to being a draft, hidden from shoppers.")


def listing_refused(error: ListingRefused) -> str:
    if error.code == "listing.removed":
        return _("Operators removed this listing.")
    if error.code == "delete.reserved":
        return _(
            "Orders waiting to be shipped hold this product's stock: it cannot be deleted yet."
        )
    return _(
        "The product cannot be listed yet: it needs %(needs)s.",
        needs=_needs(error.params.get("missing", [])),
    )


def deleted(name: str, deleted: bool) -> str:
    if deleted:
        return _("%(name)s was deleted.", name=name)
    return _("%(name)s was archived: orders refer to it, so it is kept for them.", name=name)


def imported(record) -> str:
    drafts = record.products_created
    text = _("Import finished.")
    if drafts:
        text += " " + ngettext(
            "%(num)d new product is a draft until it has a photo.",
            "%(num)d new products are drafts until they have a photo.",
            drafts,
        )
    return text


def invitation_refused(error: InvitationRefused) -> str:
    if error.code == "vendor.not_approved":
        return _("You can invite staff once your shop is approved.")
    if error.code == "owner.unverified":
        return _("Confirm your own email address first: open the link we sent you.")
    return _(
        "You sent %(limit)d invitations today, the most for one day. Try again tomorrow.",
        limit=error.params.get("limit", 0),
    )
