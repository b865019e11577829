"""Vendor portal forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, MultipleFileField
from wtforms import (
    BooleanField,
    EmailField,
    FieldList,
    FormField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    TelField,
    TextAreaField,
)
from wtforms.widgets import CheckboxInput, ListWidget

from app.web.account.forms import new_password_fields
from app.web.forms import StoreForm, SubForm
from app.web.validators import (
    DayField,
    WholeNumberField,
    email,
    max_length,
    optional,
    required,
)

#: content locales in the order the portal shows them (Chinese first: vendors write it first)
PORTAL_LOCALES = [
    ("zh_Hant", "繁體中文"),
    ("en", "English"),
    ("th", "ไทย"),
    ("ms", "Bahasa Melayu"),
]


def optional_int(value):
    """Choices' values as ints; the placeholder "" stays None."""
    return int(value) if value not in ("", None) else None


class CheckboxList(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ApplicationForm(StoreForm):
    name_zh_hant = StringField(
        _l("Company name in Chinese"), validators=[required(), max_length(160)]
    )
    name_en = StringField(_l("Company name in English"), validators=[required(), max_length(160)])
    ubn = StringField(
        _l("Unified business number"),
        validators=[required(), max_length(20)],
        description=_l("The 8-digit number (統一編號) on your business registration."),
    )
    contact_name = StringField(_l("Contact person"), validators=[required(), max_length(120)])
    email = EmailField(
        _l("Email"),
        validators=[required(), email(), max_length(254)],
        description=_l("You sign in with this address; we write to it about your application."),
    )
    phone = TelField(_l("Phone"), validators=[required(), max_length(40)])
    address = TextAreaField(_l("Business address"), validators=[required(), max_length(500)])
    categories = CheckboxList(_l("What do you sell?"), coerce=int, validators=[optional()])
    password, confirm = new_password_fields()


class VariantForm(SubForm):
    variant_id = HiddenField()
    sku = StringField(_l("SKU"), validators=[optional(), max_length(64)])
    label_zh_Hant = StringField(_l("Option name (Chinese)"), validators=[max_length(120)])
    label_en = StringField(_l("Option name (English)"), validators=[max_length(120)])
    label_th = StringField(_l("Option name (Thai)"), validators=[max_length(120)])
    label_ms = StringField(_l("Option name (Malay)"), validators=[max_length(120)])
    price_twd = WholeNumberField(_l("Price (NT$)"), validators=[optional()])
    stock = WholeNumberField(_l("Stock"), validators=[optional()])
    weight_g = WholeNumberField(_l("Shipping weight (g)"), validators=[optional()])
    remove = BooleanField(_l("Remove this option"))

    def is_blank(self) -> bool:
        """A new row left empty is ignored (the form always offers one spare row)."""
        texts = [
            self.sku.data,
            self.label_en.data,
            self.label_zh_Hant.data,
            self.label_th.data,
            self.label_ms.data,
        ]
        numbers = [self.price_twd.data, self.stock.data, self.weight_g.data]
        return (
            not self.variant_id.data
            and not any(text and text.strip() for text in texts)
            and all(number is None for number in numbers)
        )


class ProductForm(StoreForm):
    category = SelectField(_l("Category"), coerce=optional_int, validators=[required()])
    handle = StringField(
        _l("Web address name"),
        validators=[required(), max_length(64)],
        description=_l(
            "Lower-case letters, digits and hyphens, e.g. pineapple-cake-10. "
            "It becomes part of the product's address."
        ),
    )
    name_zh_Hant = StringField(_l("Product name"), validators=[max_length(200)])
    name_en = StringField(_l("Product name"), validators=[max_length(200)])
    name_th = StringField(_l("Product name"), validators=[max_length(200)])
    name_ms = StringField(_l("Product name"), validators=[max_length(200)])
    description_zh_Hant = TextAreaField(_l("Description"), validators=[max_length(10000)])
    description_en = TextAreaField(_l("Description"), validators=[max_length(10000)])
    description_th = TextAreaField(_l("Description"), validators=[max_length(10000)])
    description_ms = TextAreaField(_l("Description"), validators=[max_length(10000)])
    variants = FieldList(FormField(VariantForm), min_entries=1)
    hs_code = StringField(
        _l("HS code"),
        validators=[max_length(10)],
        description=_l("6 to 10 digits; customs use it for the import duty."),
    )
    origin = StringField(
        _l("Country of origin"),
        validators=[required(), max_length(2)],
        default="TW",
        description=_l("Two letters, e.g. TW."),
    )
    halal_body = StringField(
        _l("Certifying body"),
        validators=[max_length(64)],
        description=_l("As printed, e.g. THIDA or JAKIM."),
    )
    halal_cert_no = StringField(_l("Certificate number"), validators=[max_length(64)])
    halal_expires = DayField(_l("Valid until"), validators=[optional()])
    exemption = SelectField(_l("7-day cooling-off period"), validators=[optional()])


class QuickEditForm(StoreForm):
    price_twd = WholeNumberField(_l("Price (NT$)"), validators=[required()])
    stock = WholeNumberField(_l("Stock"), validators=[required()])


class ListingForm(StoreForm):
    listed = HiddenField()


class ImagesForm(StoreForm):
    images = MultipleFileField(
        _l("Add photos"),
        validators=[required()],
        description=_l("JPEG, PNG or WebP, up to 8 MB each, 8 photos per product."),
    )


class AltTextForm(StoreForm):
    alt_zh_Hant = StringField(
        _l("Description of the photo (Chinese)"), validators=[max_length(250)]
    )
    alt_en = StringField(_l("Description of the photo (English)"), validators=[max_length(250)])
    alt_th = StringField(_l("Description of the photo (Thai)"), validators=[max_length(250)])
    alt_ms = StringField(_l("Description of the photo (Malay)"), validators=[max_length(250)])


class ImportForm(StoreForm):
    file = FileField(
        _l("Catalog file (CSV)"),
        validators=[required()],
        description=_l("UTF-8 CSV, at most 10,000 rows and 5 MB."),
    )


class ConfirmForm(StoreForm):
    pass


class InviteForm(StoreForm):
    email = EmailField(
        _l("Staff member's email"), validators=[required(), email(), max_length(254)]
    )


class JoinForm(StoreForm):
    name = StringField(_l("Your name"), validators=[required(), max_length(120)])
    password, confirm = new_password_fields()
