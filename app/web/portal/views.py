"""Glue between the portal's forms and the services, and the data each page shows."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from app.domain.ids import parse_id
from app.domain.locales import CONTENT_LOCALES
from app.extensions import db
from app.models import Product, Variant
from app.models.catalog import Exemption
from app.services import vendors
from app.services.catalog import admin as catalog_admin
from app.services.catalog import imports as catalog_imports
from app.services.catalog.admin import ProductInput, VariantInput
from app.services.errors import (
    BusinessNumberTaken,
    EmailTaken,
    InvalidBusinessNumber,
)
from app.services.i18n import resolve
from app.web import labels
from app.web.i18n import current_language
from app.web.portal.forms import PORTAL_LOCALES


def category_choices(categories) -> list[tuple[int, str]]:
    locale = current_language().content
    choices = []
    for category in categories:
        name = resolve(category.translations, "name", locale)
        choices.append((category.id, name.value if name else category.slug))
    return choices


def application_from(form, language: str) -> vendors.Application:
    return vendors.Application(
        name_zh_hant=form.name_zh_hant.data,
        name_en=form.name_en.data,
        ubn=form.ubn.data,
        contact_name=form.contact_name.data,
        email=form.email.data,
        phone=form.phone.data,
        address=form.address.data,
        password=form.password.data,
        category_ids=list(form.categories.data or []),
        language=language,
    )


def add_service_error(form, error) -> None:
    messages = {
        InvalidBusinessNumber: _(
            "This is not a valid unified business number. Check the 8 digits on your registration."
        ),
        BusinessNumberTaken: _("A vendor with this business number is already registered."),
        EmailTaken: _("An account with this email already exists."),
    }
    getattr(form, error.field).errors.append(messages[type(error)])


# -- product form -----------------------------------------------------------------------------


def prepare_product_form(form, categories) -> None:
    form.category.choices = [("", _("Choose a category"))] + categories
    form.exemption.choices = [("", _("Applies (the default)"))] + [
        (value.value, str(labels.EXEMPTIONS[value.value])) for value in Exemption
    ]


def product_form_context() -> dict:
    from app.models import HalalBody
    from app.services.i18n import HTML_LANG

    return {
        "locales": PORTAL_LOCALES,
        "html_lang": HTML_LANG,
        "halal_codes": list(db.session.scalars(select(HalalBody.code).order_by(HalalBody.code))),
    }


def wants_more_rows(form) -> bool:
    """The "add another option" button re-shows the form with one more empty row."""
    from flask import request

    if "add_variant" in request.form:
        form.variants.append_entry()
        return True
    return False


def form_for(product: Product):
    from app.web.portal.forms import ProductForm

    form = ProductForm(
        formdata=None,
        category=product.category_id,
        handle=product.handle,
        hs_code=product.hs_code,
        origin=product.origin,
        halal_body=product.halal_body,
        halal_cert_no=product.halal_cert_no,
        halal_expires=product.halal_expires,
        exemption=product.exemption or "",
    )
    texts = {t.locale: t for t in product.translations}
    for locale in CONTENT_LOCALES:
        if locale in texts:
            getattr(form, f"name_{locale}").data = texts[locale].name
            getattr(form, f"description_{locale}").data = texts[locale].description
    while len(form.variants):
        form.variants.pop_entry()
    for variant in product.variants:
        entry = form.variants.append_entry()
        entry.variant_id.data = str(variant.id)
        entry.sku.data = variant.sku
        entry.price_twd.data = variant.price_twd
        entry.stock.data = variant.stock
        entry.weight_g.data = variant.weight_g
        for row in variant.translations:
            getattr(entry, f"label_{row.locale}").data = row.label
    form.variants.append_entry()  # a spare row for a new option
    return form


def product_input(form) -> ProductInput:
    variants = []
    for entry in form.variants:
        if entry.is_blank():
            continue
        variants.append(
            VariantInput(
                id=parse_id(entry.variant_id.data),
                sku=(entry.sku.data or "").strip(),
                price_twd=entry.price_twd.data if entry.price_twd.data is not None else 0,
                stock=entry.stock.data if entry.stock.data is not None else -1,
                weight_g=entry.weight_g.data if entry.weight_g.data is not None else 0,
                labels={loc: getattr(entry, f"label_{loc}").data or "" for loc in CONTENT_LOCALES},
                remove=bool(entry.remove.data),
            )
        )
    return ProductInput(
        handle=(form.handle.data or "").strip(),
        category_id=form.category.data,
        names={loc: getattr(form, f"name_{loc}").data or "" for loc in CONTENT_LOCALES},
        descriptions={
            loc: getattr(form, f"description_{loc}").data or "" for loc in CONTENT_LOCALES
        },
        variants=variants,
        hs_code=(form.hs_code.data or "").strip() or None,
        origin=(form.origin.data or "").strip().upper(),
        halal_body=form.halal_body.data,
        halal_cert_no=form.halal_cert_no.data,
        halal_expires=form.halal_expires.data,
        exemption=form.exemption.data or None,
    )


def add_errors(form, errors: dict) -> None:
    """Service errors (field name → message) onto the form's fields; `variants-N-sku` style
    names reach the rows of the variant table."""
    form.service_errors = []
    for name, message in errors.items():
        if name.startswith("variants-"):
            _, index, field = name.split("-", 2)
            real = [e for e in form.variants if not e.is_blank()]
            if int(index) < len(real) and hasattr(real[int(index)], field):
                getattr(real[int(index)], field).errors.append(message)
                continue
        field = getattr(form, name, None)
        if field is not None and hasattr(field, "errors") and isinstance(field.errors, list):
            field.errors.append(message)
        else:
            form.service_errors.append(message)


# -- pages ------------------------------------------------------------------------------------


def dashboard(vendor) -> dict:
    return {
        "vendor": vendor,
        "counts": catalog_admin.status_counts(vendor),
        "low_stock": _low_stock_rows(vendor) if vendor.is_approved else [],
        "gaps": [
            (product, [labels.LOCALE_NAMES[locale] for locale in missing])
            for product, missing in catalog_admin.translation_gaps(vendor)
        ]
        if vendor.is_approved
        else [],
        "imports": catalog_imports.recent(vendor, 5) if vendor.is_approved else [],
    }


def _low_stock_rows(vendor):
    return [_row(variant, product) for variant, product in catalog_admin.low_stock(vendor)]


def product_name(product: Product) -> str:
    name = resolve(product.translations, "name", current_language().content)
    return name.value if name else product.handle


def variant_row(variant: Variant) -> dict:
    return _row(variant, db.session.get(Product, variant.product_id))


def _row(variant: Variant, product: Product) -> dict:
    label = resolve(variant.translations, "label", current_language().content)
    return {
        "id": variant.id,
        "sku": variant.sku,
        "label": label.value if label else "",
        "price_twd": variant.price_twd,
        "stock": variant.stock,
        "product_id": product.id,
        "product_name": product_name(product),
    }


def product_list(vendor, after: int | None) -> dict:
    products, next_after = catalog_admin.vendor_products(vendor, after)
    rows = [
        {
            "product": product,
            "name": product_name(product),
            "completeness": catalog_admin.completeness(product),
            "variants": [_row(v, product) for v in product.variants],
        }
        for product in products
    ]
    return {"rows": rows, "locales": PORTAL_LOCALES, "next_after": next_after}


def image_page(product: Product) -> dict:
    from app.web.portal.forms import AltTextForm

    ordered = sorted(product.images, key=lambda img: (img.position, img.id))
    alt_forms = {}
    for image in ordered:
        form = AltTextForm(prefix=f"alt-{image.id}", formdata=None)
        for row in image.translations:
            getattr(form, f"alt_{row.locale}").data = row.alt
        alt_forms[image.id] = form
    return {
        "ordered": ordered,
        "alt_forms": alt_forms,
        "name": product_name(product),
        "max_images": 8,
    }


def alts_from(form) -> dict[str, str]:
    return {loc: getattr(form, f"alt_{loc}").data or "" for loc in CONTENT_LOCALES}


def image_refusal(item) -> str:
    reasons = {
        "too_big": _("%(file)s is larger than 8 MB.", file=item.filename),
        "not_image": _("%(file)s is not a picture we can read.", file=item.filename),
        "format": _("%(file)s is not a JPEG, PNG or WebP picture.", file=item.filename),
        "too_many_pixels": _(
            "%(file)s has too many pixels (at most 40 megapixels).", file=item.filename
        ),
        "too_many": _("%(file)s was not added: a product can have 8 photos.", file=item.filename),
    }
    return reasons.get(item.reason, reasons["not_image"])


def import_page(vendor) -> dict:
    return {"imports": catalog_imports.recent(vendor)}
