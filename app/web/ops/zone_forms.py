"""The zone form of the operators' console, and what the console says when the zone rules or
the curation service refuse something.

Times are typed and shown in Taipei time (the store's clock, whatever the operator's browser
thinks) and kept in UTC.
"""

from __future__ import annotations

from datetime import UTC

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.widgets import CheckboxInput, ListWidget

from app.domain import zone_rules
from app.domain.locales import CONTENT
from app.domain.problems import Problem
from app.domain.zone_rules import ZoneDraft
from app.services import clock
from app.services.catalog import media
from app.services.catalog.images import Upload
from app.services.errors import CurationRefused
from app.web import labels
from app.web.forms import StoreForm
from app.web.validators import WholeNumberField, optional, required

#: the languages of a zone's text, English first: it is the one every zone needs
ZONE_LOCALES = ("en", "zh_Hant", "th", "ms")
#: the palette of zone banners, as operators read it
ACCENT_LABELS = {
    "red": _l("Red"),
    "jade": _l("Jade"),
    "gold": _l("Gold"),
    "indigo": _l("Indigo"),
    "plum": _l("Plum"),
}
#: why a product of a zone is not shown to shoppers (services.zone_curation.hidden_reason)
HIDDEN_REASONS = {
    "unlisted": _l("Hidden from shoppers: not listed"),
    "shop_closed": _l("Hidden from shoppers: the shop is not open"),
    "out_of_stock": _l("Hidden from shoppers: out of stock"),
}
TIME_FORMAT = "%Y-%m-%dT%H:%M"


class CheckboxList(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def taipei_time(label, **kwargs) -> DateTimeLocalField:
    """A date and time typed in Taipei time; its data is aware (Asia/Taipei)."""
    return DateTimeLocalField(
        label,
        format=[TIME_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        tz=clock.STORE_TZ,
        invalid_value_message=_l("Enter a date and time like 2027-06-30 18:00."),
        **kwargs,
    )


def _text_fields(cls):
    """A title and a blurb field per language (title_en, blurb_en, ...)."""
    for locale in ZONE_LOCALES:
        name = CONTENT[locale].native_name
        setattr(cls, f"title_{locale}", StringField(_l("Title (%(language)s)", language=name)))
        setattr(
            cls,
            f"blurb_{locale}",
            TextAreaField(_l("Short description (%(language)s)", language=name)),
        )
    return cls


@_text_fields
class ZoneForm(StoreForm):
    slug = StringField(
        _l("Web address"),
        description=_l(
            "The end of the zone's address, /zones/…: lower-case letters, digits and hyphens."
        ),
    )
    markets = CheckboxList(_l("Shown to shoppers in"), validators=[optional()])
    starts_at = taipei_time(
        _l("Starts (Taipei time)"),
        validators=[required()],
        description=_l("The zone appears on its own at this time."),
    )
    ends_at = taipei_time(
        _l("Ends (Taipei time)"),
        validators=[optional()],
        description=_l("Leave empty to keep it running until someone ends it."),
    )
    position = WholeNumberField(
        _l("Place on the home page"),
        validators=[required()],
        default=0,
        description=_l("Smaller numbers come first; the flagship zone is always first."),
    )
    accent = SelectField(_l("Banner colour"))
    banner = FileField(
        _l("Banner photo"),
        description=_l("JPEG, PNG or WebP, up to 8 MB. Optional: without one the colour shows."),
    )
    remove_banner = BooleanField(_l("Remove the banner photo"))

    def __init__(self, markets: list[tuple[str, str]], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.markets.choices = markets
        self.accent.choices = [(key, label) for key, label in ACCENT_LABELS.items()]

    @classmethod
    def of(cls, draft: ZoneDraft, markets: list[tuple[str, str]]) -> ZoneForm:
        """The form filled from what a zone holds (shown in Taipei time)."""
        data = {
            "slug": draft.slug,
            "markets": list(draft.markets),
            "starts_at": draft.starts_at.astimezone(clock.STORE_TZ) if draft.starts_at else None,
            "ends_at": draft.ends_at.astimezone(clock.STORE_TZ) if draft.ends_at else None,
            "position": draft.position,
            "accent": draft.accent,
        }
        for locale in ZONE_LOCALES:
            data[f"title_{locale}"] = draft.titles.get(locale, "")
            data[f"blurb_{locale}"] = draft.blurbs.get(locale, "")
        return cls(markets, data=data)

    def draft(self) -> ZoneDraft:
        """What was typed, read into the rules' types (times in UTC)."""

        def text(name: str) -> str:
            return (self[name].data or "").strip()

        def utc(field):
            return field.data.astimezone(UTC) if field.data else None

        return ZoneDraft(
            slug=text("slug"),
            titles={loc: text(f"title_{loc}") for loc in ZONE_LOCALES if text(f"title_{loc}")},
            blurbs={loc: text(f"blurb_{loc}") for loc in ZONE_LOCALES if text(f"blurb_{loc}")},
            markets=tuple(self.markets.data or ()),
            starts_at=utc(self.starts_at),
            ends_at=utc(self.ends_at),
            position=self.position.data,
            accent=self.accent.data or "",
        )

    def upload(self) -> Upload | None:
        file = self.banner.data
        if not file or not getattr(file, "filename", ""):
            return None
        return Upload(file.filename, file.read(media.MAX_BYTES + 1))

    def show(self, problems: list[Problem]) -> None:
        """Each problem in words under its field."""
        for found in problems:
            name = "_".join(map(str, found.path[:2])).replace("titles_", "title_")
            name = name.replace("blurbs_", "blurb_")
            field = self._fields.get(name)
            if field is None:
                self.service_errors = [*getattr(self, "service_errors", []), message(found)]
                continue
            field.errors = [*field.errors, message(found, self)]


def message(found: Problem, form: ZoneForm | None = None) -> str:
    """A zone rule's refusal in the operator's language."""
    params = found.kwargs
    code = found.code
    if code.startswith("banner."):
        name = form.banner.data.filename if form is not None and form.banner.data else ""
        return labels.photo_refused(code.removeprefix("banner."), name)
    texts = {
        "slug.required": _l("Give the zone a web address: lower-case letters, digits, hyphens."),
        "slug.format": _l(
            "Use lower-case letters, digits and hyphens (not at the start or end), "
            "at most 64 characters."
        ),
        "slug.taken": _l("Another zone already has this web address."),
        "title.required": _l(
            "An English title is required: shoppers whose language has no title see it."
        ),
        "title.too_long": _l("Use at most %(max)d characters."),
        "blurb.too_long": _l("Use at most %(max)d characters."),
        "markets.required": _l("Choose at least one market where the zone shows."),
        "markets.unknown": _l("The store does not ship to %(codes)s."),
        "starts.required": _l("Please fill this in."),
        "ends.before_start": _l("The end must come after the start."),
        "position.range": _l("Enter a whole number from 0 to %(max)d."),
        "accent.unknown": _l("Choose one of the colours."),
    }
    text = texts[code]
    return str(text % params if params else text)


# -- curation ---------------------------------------------------------------------------------


class AddProductForm(StoreForm):
    product = HiddenField()
    #: the search the operator was on, shown again after the product is added
    q = HiddenField()


class OrderForm(StoreForm):
    """The zone's products in the order shown (the drag-and-drop post), and the Move and
    Remove buttons that post the same form elsewhere."""

    direction = HiddenField()


def curation_refused(error: CurationRefused) -> str:
    texts = {
        "product.unknown": _("That product cannot be added: it is no longer sold."),
        "product.in_zone": _("That product is already in the zone."),
        "product.not_in_zone": _("That product is no longer in the zone."),
        "order.stale": _(
            "The zone's products changed in another window: here is the order now. "
            "Nothing was moved."
        ),
    }
    return texts.get(error.code, _("Nothing was changed."))


#: where a zone is in its schedule, as the zone list says it
SCHEDULE_LABELS = {
    zone_rules.Schedule.SCHEDULED: _l("Scheduled"),
    zone_rules.Schedule.RUNNING: _l("Showing now"),
    zone_rules.Schedule.ENDED: _l("Ended"),
}
