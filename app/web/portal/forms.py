"""Vendor portal forms."""

from __future__ import annotations

from flask import request
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

from app.domain.catalog_rules import (
    INVALID,
    Certificate,
    Exemption,
    ProductDraft,
    VariantDraft,
)
from app.domain.ids import parse_id
from app.domain.locales import CONTENT, CONTENT_LOCALES, PORTAL_ORDER
from app.services import vendors
from app.services.catalog import images as product_images
from app.services.catalog import media
from app.services.catalog.problems import message
from app.services.errors import ServiceError, WeakPassword
from app.web import labels
from app.web.account.forms import new_password_fields, weak_password
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
PORTAL_LOCALES = [(key, CONTENT[key].native_name) for key in PORTAL_ORDER]


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

    def to_application(self, language: str) -> vendors.Application:
        return vendors.Application(
            name_zh_hant=self.name_zh_hant.data,
            name_en=self.name_en.data,
            ubn=self.ubn.data,
            contact_name=self.contact_name.data,
            email=self.email.data,
            phone=self.phone.data,
            address=self.address.data,
            password=self.password.data,
            category_ids=list(self.categories.data or []),
            language=language,
        )

    def show_error(self, error: ServiceError) -> None:
        if isinstance(error, WeakPassword):
            self.password.errors.append(weak_password(error))
            return
        messages = {
            "ubn.invalid": _l(
                "This is not a valid unified business number. Check the 8 digits on your "
                "registration."
            ),
            "ubn.taken": _l("A vendor with this business number is already registered."),
            "email.invalid": _l("Enter an email address like name@example.com."),
        }
        getattr(self, error.field).errors.append(messages[error.code])


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
        numbers = [self.price_twd, self.stock, self.weight_g]
        return (
            not self.variant_id.data
            and not any(text and text.strip() for text in texts)
            and all(not (n.raw_data and n.raw_data[0].strip()) for n in numbers)
        )

    def to_draft(self) -> VariantDraft:
        return VariantDraft(
            id=parse_id(self.variant_id.data),
            sku=(self.sku.data or "").strip(),
            price_twd=_typed(self.price_twd),
            stock=_typed(self.stock),
            weight_g=_typed(self.weight_g),
            labels={loc: getattr(self, f"label_{loc}").data or "" for loc in CONTENT_LOCALES},
            remove=bool(self.remove.data),
        )

    def fill(self, variant) -> None:
        self.variant_id.data = str(variant.id)
        self.sku.data = variant.sku
        self.price_twd.data = variant.price_twd
        self.stock.data = variant.on_hand
        self.weight_g.data = variant.weight_g
        for row in variant.translations:
            getattr(self, f"label_{row.locale}").data = row.label


def _typed(field):
    """A number or date field's value for the rules: None when left empty, INVALID when
    typed but not readable (its own message is already on the field)."""
    if field.data is not None:
        return field.data
    typed = field.raw_data[0].strip() if field.raw_data else ""
    return INVALID if typed else None


class ProductForm(StoreForm):
    category = SelectField(_l("Category"), coerce=optional_int, validators=[required()])
    handle = StringField(
        _l("Web address name"),
        validators=[optional(), max_length(64)],
        description=_l(
            "Lower-case letters, digits and hyphens, e.g. pineapple-cake-10. "
            "It becomes part of the product's address; left blank, it is made from the "
            "English name."
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

    def prepare(self, categories: list[tuple[int, str]], slugs: dict[int, str]) -> None:
        self.category.choices = [("", _l("Choose a category"))] + categories
        self.exemption.choices = [("", _l("Applies (the default)"))] + [
            (value.value, str(labels.EXEMPTIONS[value.value])) for value in Exemption
        ]
        self._slugs = slugs

    def wants_more_rows(self) -> bool:
        """The "add another option" button re-shows the form with one more empty row."""
        if "add_variant" in request.form:
            self.variants.append_entry()
            return True
        return False

    def fill(self, product) -> None:
        """Show a saved product, with a spare row for a new option."""
        self.category.data = product.category_id
        self.handle.data = product.handle
        self.hs_code.data = product.hs_code
        self.origin.data = product.origin
        self.halal_body.data = product.halal_body
        self.halal_cert_no.data = product.halal_cert_no
        self.halal_expires.data = product.halal_expires
        self.exemption.data = product.exemption or ""
        for row in product.translations:
            getattr(self, f"name_{row.locale}").data = row.name
            getattr(self, f"description_{row.locale}").data = row.description
        while len(self.variants):
            self.variants.pop_entry()
        for variant in product.variants:
            self.variants.append_entry().form.fill(variant)
        self.variants.append_entry()

    def _rows(self) -> list:
        return [entry.form for entry in self.variants if not entry.form.is_blank()]

    def to_draft(self) -> ProductDraft:
        certificate = Certificate(
            (self.halal_body.data or "").strip() or None,
            (self.halal_cert_no.data or "").strip() or None,
            _typed(self.halal_expires),
        )
        return ProductDraft(
            handle=(self.handle.data or "").strip(),
            category=self._slugs.get(self.category.data),
            names={loc: getattr(self, f"name_{loc}").data or "" for loc in CONTENT_LOCALES},
            descriptions={
                loc: getattr(self, f"description_{loc}").data or "" for loc in CONTENT_LOCALES
            },
            variants=[row.to_draft() for row in self._rows()],
            hs_code=(self.hs_code.data or "").strip() or None,
            origin=(self.origin.data or "").strip().upper(),
            halal=certificate,
            exemption=self.exemption.data or None,
        )

    def show_problems(self, problems) -> None:
        """Each problem under its field (or above the form) in the rule's words, the words
        the catalog CSV uses: they replace what the field itself said (a number or date it
        could not read, a length or choice it refused). One message a field, the first."""
        self.service_errors = []
        rows = self._rows()
        ruled = set()
        for found in problems:
            field = self._field_for(found.path, rows)
            if field is None:
                self.service_errors.append(message(found))
            elif field.name not in ruled:
                ruled.add(field.name)
                field.errors = [message(found)]

    def _field_for(self, path: tuple, rows: list):
        head = path[0]
        if head in ("names", "descriptions"):
            return getattr(self, f"{head[:-1]}_{path[1]}")
        if head == "halal":
            return {
                "body": self.halal_body,
                "number": self.halal_cert_no,
                "expires": self.halal_expires,
            }[path[1]]
        if head == "variants":
            if len(path) < 3 or path[1] >= len(rows):
                return None
            row = rows[path[1]]
            if path[2] == "labels":
                return getattr(row, f"label_{path[3]}")
            return getattr(row, path[2])
        return getattr(self, head, None)


class QuickEditForm(StoreForm):
    price_twd = WholeNumberField(_l("Price (NT$)"), validators=[required()])
    stock = WholeNumberField(_l("Stock"), validators=[required()])

    def error_text(self, problems=()) -> str:
        texts = [str(e) for errors in self.errors.values() for e in errors]
        return " ".join(texts + [str(message(p)) for p in problems])


class ListingForm(StoreForm):
    listed = HiddenField()


class ImagesForm(StoreForm):
    images = MultipleFileField(
        _l("Add photos"),
        validators=[required()],
        description=_l("JPEG, PNG or WebP, up to 8 MB each, 8 photos per product."),
    )

    def uploads(self) -> list[product_images.Upload]:
        return [
            product_images.Upload(file.filename or "", file.read(media.MAX_BYTES + 1))
            for file in self.images.data
            if file
        ]

    @staticmethod
    def refusal(item) -> str:
        if item.reason == "too_many":
            return str(
                _l("%(file)s was not added: a product can have 8 photos.", file=item.filename)
            )
        return labels.photo_refused(item.reason, item.filename)


class AltTextForm(StoreForm):
    alt_zh_Hant = StringField(
        _l("Description of the photo (Chinese)"), validators=[max_length(250)]
    )
    alt_en = StringField(_l("Description of the photo (English)"), validators=[max_length(250)])
    alt_th = StringField(_l("Description of the photo (Thai)"), validators=[max_length(250)])
    alt_ms = StringField(_l("Description of the photo (Malay)"), validators=[max_length(250)])

    @classmethod
    def for_image(cls, image) -> AltTextForm:
        form = cls(prefix=f"alt-{image.id}", formdata=None)
        for row in image.translations:
            getattr(form, f"alt_{row.locale}").data = row.alt
        return form

    def alts(self) -> dict[str, str]:
        return {loc: getattr(self, f"alt_{loc}").data or "" for loc in CONTENT_LOCALES}


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
