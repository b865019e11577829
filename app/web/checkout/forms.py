"""Cart and checkout forms. Address fields carry the HTML standard's autocomplete tokens so a
phone's autofill fills them."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, HiddenField, SelectField, StringField, TelField

from app.domain import addresses
from app.web.checkout.messages import problem_text
from app.web.forms import StoreForm
from app.web.validators import WholeNumberField, max_length, optional, required


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
    #: first option, so the attribute is left out (the validator still checks the value)
    country = SelectField(_l("Country"), validators=[required()], render_kw={"required": False})
    phone = TelField(
        _l("Phone"),
        validators=[required(), max_length(32)],
        description=_l("With the country code, e.g. +66 81 234 5678: the courier calls it."),
    )
    save_address = BooleanField(_l("Save this address to my account"))
    #: what the shopper was shown: a different total is never charged silently
    fingerprint = HiddenField()

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
        self.country.choices = [(market, country_name)]
        if not self.country.data:
            self.country.data = market

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
