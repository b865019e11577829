"""The forms of the operators' catalog moderation and of markets, money and rules: each
field typed in a plain text input (a number typed wrong is shown back as typed), parse errors
in our catalogs, and every problem a service finds put under its field."""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.fields import Field
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import TextInput

from app.domain import market_data
from app.domain.landed_cost import Applies, Kind
from app.domain.market_data import TAX_LABELS, TaxRuleDraft, places
from app.domain.money import minor_unit
from app.domain.search_words import HALAL, TAIWAN_MADE
from app.services import clock, rule_problems
from app.web import labels
from app.web.forms import StoreForm
from app.web.validators import DayField, WholeNumberField, max_length, optional, required


class DecimalTextField(Field):
    """A decimal number typed as text: full-width digits are read, a comma is not (in a rate
    it is too easily a decimal comma); the parse error is in our catalogs."""

    widget = TextInput()

    def __init__(self, label=None, validators=None, example: str = "1.0825", **kwargs):
        super().__init__(label, validators, **kwargs)
        self.example = example

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return format(self.data, "f") if self.data is not None else ""

    def process_formdata(self, valuelist):
        self.data = None
        if not valuelist or not valuelist[0].strip():
            return
        text = unicodedata.normalize("NFKC", valuelist[0]).strip()
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or "," in text:
            raise ValueError(str(_l("Enter a number like %(example)s.", example=self.example)))
        self.data = value


class ChoiceField(SelectField):
    """A select whose refusals are in our catalogs (WTForms' own are English only)."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("invalid_choice_message", _l("Choose one of the list."))
        kwargs.setdefault("invalid_value_message", _l("Choose one of the list."))
        super().__init__(label, validators, **kwargs)


def show_problems(form, problems, fields: dict[str, str] | None = None) -> None:
    """Each problem under the field its path names (fields maps a path's first part to a
    field name when they differ); a problem with no field goes to the error summary."""
    fields = fields or {}
    for found in problems:
        name = fields.get(str(found.path[0]), str(found.path[0])) if found.path else None
        field = form._fields.get(name) if name else None
        text = rule_problems.message(found)
        if field is None:
            form.service_errors = [*getattr(form, "service_errors", []), text]
        else:
            field.errors = [*field.errors, text]


def optional_int(value):
    """A choice's value as an int; nothing chosen (or garbage) stays None."""
    try:
        return int(value) if value not in ("", None) else None
    except (TypeError, ValueError):
        return None


def percent_fraction(value: Decimal | None) -> Decimal | None:
    """7 (percent) as 0.07."""
    return value / 100 if value is not None else None


# -- catalog moderation -------------------------------------------------------------------------


class ModerationForm(StoreForm):
    """Approve, reject, remove or restore a listing; a rejection or removal says why."""

    decision = HiddenField()
    reason = TextAreaField(
        _l("Reason for the vendor"),
        validators=[max_length(2000)],
        description=_l("Required to reject or remove: the vendor reads it in the portal."),
    )


class StandingForm(StoreForm):
    """Suspend a vendor (with a reason the vendor reads) or reinstate it. On the vendor's page
    beside the commission form: the token is checked by the store-wide CSRF protection."""

    class Meta(StoreForm.Meta):
        csrf = False

    decision = HiddenField()
    reason = TextAreaField(
        _l("Why the shop is suspended"),
        validators=[max_length(2000)],
        description=_l("The vendor reads it on the portal's first page."),
    )


class CommissionForm(StoreForm):
    commission = DecimalTextField(
        _l("Commission for this vendor (%)"),
        validators=[optional()],
        example="12.5",
        description=_l("Leave it empty to follow the store's default."),
    )

    def fill(self, commission_bp: int | None) -> None:
        self.commission.data = (
            (Decimal(commission_bp) / 100).normalize() if commission_bp is not None else None
        )

    def basis_points(self) -> tuple[int | None, list]:
        """(the rate in basis points, None to follow the default; problems)."""
        if self.commission.data is None:
            return None, []
        return market_data.commission_bp(self.commission.data)


# -- store settings -----------------------------------------------------------------------------


class SettingsForm(StoreForm):
    hold_new_listings = BooleanField(
        _l("Hold new and changed listings for review"),
        description=_l(
            "While on, a new listing, or a listed product whose words, category, certificate or "
            "photos change, waits in the review queue, hidden from shoppers, until an operator "
            "approves it."
        ),
    )
    default_commission = DecimalTextField(
        _l("Default commission (%)"),
        validators=[required()],
        example="15",
        description=_l(
            "What the store keeps of each sale, for vendors without a rate of their own. Sales "
            "already paid keep the rate they were paid at."
        ),
    )

    def fill(self, hold: bool, commission_bp: int) -> None:
        self.hold_new_listings.data = hold
        self.default_commission.data = (Decimal(commission_bp) / 100).normalize()

    def basis_points(self) -> tuple[int | None, list]:
        return market_data.commission_bp(self.default_commission.data)


# -- exchange rates -----------------------------------------------------------------------------


class RateForm(StoreForm):
    currency = ChoiceField(_l("Currency"))
    rate = DecimalTextField(
        _l("Units of the currency for NT$1"),
        validators=[required()],
        example="1.0825",
        description=_l("For example 1.0825 Thai baht for one New Taiwan dollar."),
    )
    as_of = DayField(
        _l("In force from"),
        validators=[required()],
        default=clock.today,
        description=_l("Carts priced on and after this day use the rate."),
    )


# -- tax rules and duty rates -------------------------------------------------------------------

KIND_LABELS = {
    Kind.DUTY.value: _l("Duty"),
    Kind.TAX.value: _l("Tax added on top"),
    Kind.INCLUDED.value: _l("Tax inside the price (shown, not added)"),
}
APPLIES_LABELS = {
    Applies.ALWAYS.value: _l("Whatever the goods are worth"),
    Applies.AT_OR_UNDER.value: _l("Goods worth the threshold or less"),
    Applies.OVER.value: _l("Goods worth more than the threshold"),
}


class TaxRuleForm(StoreForm):
    market = ChoiceField(_l("Market"))
    name = StringField(
        _l("Name on quotes and receipts"),
        validators=[required(), max_length(80)],
        description=_l("In English, as the customs authority calls it: “VAT”, “Import duty”."),
    )
    label = ChoiceField(
        _l("Shoppers see it as"),
        choices=[SelectChoice(key, labels.TAX_LABELS[key]) for key in TAX_LABELS],
    )
    kind = ChoiceField(_l("Kind"), choices=[SelectChoice(k, v) for k, v in KIND_LABELS.items()])
    rate = DecimalTextField(
        _l("Rate (%)"),
        validators=[required()],
        example="7",
        description=_l("For a duty at each category's rate, enter 0."),
    )
    applies = ChoiceField(
        _l("Applies to"), choices=[SelectChoice(k, v) for k, v in APPLIES_LABELS.items()]
    )
    threshold = DecimalTextField(
        _l("Threshold (in the market's currency)"),
        validators=[optional()],
        example="500.00",
        description=_l("The goods value of one parcel the rule compares with."),
    )
    threshold_per_order = BooleanField(
        _l("The threshold weighs the whole order"),
        description=_l(
            "All the order's parcels together, as customs counts parcels that arrive for one "
            "person on the same day (the Philippines)."
        ),
    )
    shipping_in_base = BooleanField(_l("Shipping is taxed too"), default=True)
    prior_in_base = BooleanField(_l("Earlier lines (duty) are taxed too"))
    uses_category_rate = BooleanField(_l("Use each category's duty rate"))
    position = WholeNumberField(
        _l("Order"),
        validators=[required()],
        default=10,
        description=_l("Rules apply in this order: a duty before the tax on it."),
    )
    valid_from = DayField(_l("First day"), validators=[required()], default=clock.today)
    valid_to = DayField(
        _l("Last day"),
        validators=[optional()],
        description=_l("Leave empty while the rule has no end."),
    )

    def prepare(self, markets) -> TaxRuleForm:
        self.market.choices = [(m.code, f"{m.code} · {m.currency_code}") for m in markets]
        self._currencies = {m.code: m.currency_code for m in markets}
        return self

    def fill(self, rule) -> None:
        self.market.data = rule.market_code
        self.name.data = rule.name
        self.label.data = rule.label
        self.kind.data = rule.kind
        self.rate.data = (rule.rate * 100).normalize()
        self.applies.data = rule.applies
        if rule.threshold_minor is not None:
            currency = self._currencies.get(rule.market_code, "TWD")
            self.threshold.data = Decimal(rule.threshold_minor).scaleb(-minor_unit(currency))
        self.threshold_per_order.data = rule.threshold_per_order
        self.shipping_in_base.data = rule.shipping_in_base
        self.prior_in_base.data = rule.prior_in_base
        self.uses_category_rate.data = rule.uses_category_rate
        self.position.data = rule.position
        self.valid_from.data = rule.valid_from
        self.valid_to.data = rule.valid_to

    def _threshold_minor(self) -> int | None:
        value = self.threshold.data
        if value is None:
            return None
        currency = self._currencies.get(self.market.data)
        digits = minor_unit(currency) if currency else 2
        if places(value) > digits:
            self.threshold.errors = [
                *self.threshold.errors,
                _l("Use at most %(places)d decimal places.", places=digits),
            ]
            return None
        return int(value.scaleb(digits))

    def to_draft(self, rule_id: int | None) -> TaxRuleDraft | None:
        """The rule as typed, or None when a field could not be read."""
        threshold = self._threshold_minor()
        if self.errors:
            return None
        return TaxRuleDraft(
            market=self.market.data,
            name=self.name.data or "",
            label=self.label.data,
            kind=self.kind.data,
            rate=percent_fraction(self.rate.data),
            applies=self.applies.data,
            threshold_minor=threshold,
            shipping_in_base=self.shipping_in_base.data,
            prior_in_base=self.prior_in_base.data,
            uses_category_rate=self.uses_category_rate.data,
            position=self.position.data,
            valid_from=self.valid_from.data,
            valid_to=self.valid_to.data,
            id=rule_id,
            threshold_per_order=self.threshold_per_order.data,
        )


class EndRuleForm(StoreForm):
    """On the rule's page beside the rule's own form: its fields carry the prefix "end" and
    the token is checked by the store-wide CSRF protection."""

    class Meta(StoreForm.Meta):
        csrf = False

    valid_to = DayField(
        _l("Last day the rule applies"),
        validators=[required()],
        default=clock.today,
        description=_l("Carts priced after this day go without the rule; orders keep theirs."),
    )


class DutyRateForm(StoreForm):
    market = ChoiceField(_l("Market"))
    category = ChoiceField(_l("Category"), coerce=optional_int)
    rate = DecimalTextField(_l("Duty rate (%)"), validators=[required()], example="90")


# -- shipping and halal bodies ------------------------------------------------------------------


class ShippingForm(StoreForm):
    """One per market on one page, each with its market's prefix; the token is checked by the
    store-wide CSRF protection (a prefixed token field would be named per market)."""

    class Meta(StoreForm.Meta):
        csrf = False

    first_kg_twd = WholeNumberField(_l("First kilogram (NT$)"), validators=[required()])
    extra_kg_twd = WholeNumberField(
        _l("Each further kilogram (NT$)"),
        validators=[required()],
        description=_l("Each started kilogram after the first; 0 for none."),
    )


class HalalBodyForm(StoreForm):
    # checked all at once by domain.market_data.check_halal_body (services.markets)
    code = StringField(
        _l("Code"),
        validators=[max_length(32)],
        description=_l("As vendors write it on their listings, e.g. JAKIM or THIDA."),
    )
    name = StringField(_l("Name"), validators=[max_length(200)])
    country = StringField(_l("Country"), description=_l("Two-letter code, e.g. MY."))
    recognised = BooleanField(
        _l("Recognised by JAKIM"),
        description=_l("Its certificates earn the halal badge in Malaysia."),
    )


class SynonymGroupForm(StoreForm):
    # checked all at once by services.search.synonym_groups (domain.search_words)
    name = StringField(
        _l("Name"),
        validators=[max_length(200)],
        description=_l("What the words mean, for operators, e.g. black tea."),
    )
    attribute = ChoiceField(
        _l("The words also find"),
        choices=[
            SelectChoice("", _l("Only products named with one of the words")),
            SelectChoice(HALAL, _l("Halal products: a certificate the shopper's market accepts")),
            SelectChoice(
                TAIWAN_MADE, _l("Goods made in Taiwan, when other words are typed beside them")
            ),
        ],
        default="",
    )
    terms = TextAreaField(
        _l("Words that mean the same"),
        validators=[max_length(8000)],
        description=_l(
            "One per line, in any language and as shoppers type them: ชาดำ, black tea, 紅茶, "
            "teh hitam. A search for one finds products named with any of them."
        ),
    )
