"""Cart and checkout forms. Address fields carry the HTML standard's autocomplete tokens so a
phone's autofill fills them."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import MultipleFileField
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    SelectField,
    StringField,
    TelField,
    TextAreaField,
    ValidationError,
)

from app.domain import addresses
from app.web.checkout.after_sale import line_name
from app.web.checkout.messages import problem_text
from app.web.forms import StoreForm
from app.web.validators import (
    WholeNumberField,
    max_length,
    optional,
    required,
)


class AddToCartForm(StoreForm):
    variant = HiddenField()
    quantity = WholeNumberField(_l("Quantity"), validators=[optional()], default=1)
    #: the featured zone the shopper came from (carried to the order line)
    zone = HiddenField()


class QuantityForm(StoreForm):
    variant = HiddenField()
    quantity = WholeNumberField(_l("Quantity"), validators=[required()])


class RemoveForm(StoreForm):
    variant = HiddenField()


class CheckoutForm(StoreForm):
    email = EmailField(_l("Email"), validators=[required(), max_length(254)])
    name = StringField(_l("Full name"), validators=[required(), max_length(120)])
    line1 = StringField(
        _l("Address"),
        validators=[required(), max_length(200)],
        description=_l("House number, building, street"),
    )
    line2 = StringField(
        _l("Apartment, floor, unit (optional)"), validators=[optional(), max_length(200)]
    )
    city = StringField(_l("City or district"), validators=[required(), max_length(100)])
    region = StringField(_l("Province or state"), validators=[optional(), max_length(100)])
    postal_code = StringField(_l("Postal code"), validators=[required(), max_length(10)])
    #: one choice, the market's country: HTML allows `required` on a select only with an empty
    #: first option, so the attribute is left out (the validator still checks the value). Any
    #: other value is refused by the address rules (country.market, country.format, in our
    #: words and with the other fields' problems), not by WTForms' "Not a valid choice."
    country = SelectField(
        _l("Country"),
        validators=[required()],
        render_kw={"required": False},
        validate_choice=False,
    )
    phone = TelField(
        _l("Phone"),
        validators=[required(), max_length(32)],
        description=_l("With the country code, e.g. +66 81 234 5678: the courier calls it."),
    )
    save_address = BooleanField(_l("Save this address to my account"))
    #: what the shopper was shown: a different total is never charged silently
    fingerprint = HiddenField()
    #: one per checkout page shown (services.checkout.placing.new_key): sent twice, it opens
    #: the order it placed
    checkout_key = HiddenField()

    AUTOCOMPLETE = {
        "email": "email",
        "name": "name",
        "line1": "address-line1",
        "line2": "address-line2",
        "city": "address-level2",
        "region": "address-level1",
        "postal_code": "postal-code",
        "country": "country",
        "phone": "tel",
    }

    def prepare(self, market: str, country_name: str) -> None:
        self.market = market
        self.country.choices = [(market, country_name)]
        if not self.country.data:
            self.country.data = market

    def validate(self, extra_validators=None) -> bool:
        """When a field is missing, the address rules' problems with the others show too:
        every problem at once, not one more round trip each."""
        if super().validate(extra_validators):
            return True
        market = getattr(self, "market", None)
        if market is not None:
            for found in addresses.check(self.address(), market):
                field = getattr(self, found.path[0], None)
                if field is not None and not field.errors:
                    field.errors = [problem_text(found)]
        return False

    def fill(self, address) -> None:
        for name in ("name", "line1", "line2", "city", "region", "postal_code", "phone"):
            getattr(self, name).data = getattr(address, name)

    def address(self) -> addresses.Address:
        return addresses.Address(
            name=self.name.data or "",
            line1=self.line1.data or "",
            line2=self.line2.data or "",
            city=self.city.data or "",
            region=self.region.data or "",
            postal_code=self.postal_code.data or "",
            country=self.country.data or "",
            phone=self.phone.data or "",
        )

    def show_problems(self, problems) -> None:
        """Each rule's problem under its field (it replaces the field's own message)."""
        for found in problems:
            field = getattr(self, found.path[0], None)
            if field is not None:
                field.errors = [problem_text(found)]


def _not_negative(form, field) -> None:
    # a number that did not parse already says so (data is None then)
    if field.data is not None and field.data < 0:
        raise ValidationError(str(_l("Enter a number of at least %(min)s.", min=0)))


class ReceivedForm(StoreForm):
    """ "I received it" on a shipped parcel: the token is all it carries."""


class ReturnForm(StoreForm):
    """A return request: how many of each line (one field per order line, added by
    `for_lines`), why, and optional photos. Quantities are only parsed here; how many may go
    back is the returns service's rule."""

    reason = TextAreaField(
        _l("Why are you returning them?"),
        validators=[required(), max_length(2000)],
        description=_l("The shop reads this before it answers."),
    )
    photos = MultipleFileField(
        _l("Photos (optional)"),
        description=_l("Up to 4 photos: JPEG, PNG or WebP, up to 8 MB each."),
    )

    @classmethod
    def for_lines(cls, lines) -> ReturnForm:
        class Bound(cls):
            pass

        for line in lines:
            field = WholeNumberField(
                line_name(line), validators=[optional(), _not_negative], default=0
            )
            setattr(Bound, f"line_{line.id}", field)
        return Bound()

    def line_field(self, line):
        return self[f"line_{line.id}"]

    def wanted(self) -> dict[int, int]:
        """Order line id → units asked back (0 and empty left out)."""
        found = {}
        for name, field in self._fields.items():
            if name.startswith("line_") and field.data:
                found[int(name.removeprefix("line_"))] = field.data
        return found

    def uploads(self) -> list:
        return [file for file in self.photos.data or [] if file and file.filename]
