"""The rules of a featured zone: what operators may save, when a zone runs, and how its
products are ordered.

Pure: a draft goes in, problems come out as (path, code, params) (domain.problems). The zone
service adds the one check that needs the database (is the slug another zone's?) with a code
from here; the console's form turns each code into words under its field.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.domain.locales import CONTENT_LOCALES
from app.domain.problems import Problem, problem

#: lower-case letters, digits and inner hyphens, as in the zone's URL (/zones/<slug>)
SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
SLUG_MAX = 64
TITLE_MAX = 120
BLURB_MAX = 2000
POSITION_MAX = 9999
#: the colours of the zone banner (models.zone.ACCENTS, repeated here: the domain imports no
#: models; a test keeps the two lists equal)
ACCENTS = ("red", "jade", "gold", "indigo", "plum")
#: the language whose title every zone needs: shoppers of a language the zone lacks see it
REQUIRED_LOCALE = "en"


class Schedule(StrEnum):
    SCHEDULED = "scheduled"
    RUNNING = "running"
    ENDED = "ended"


@dataclass
class ZoneDraft:
    """What an operator typed, already read into types (times in UTC, aware)."""

    slug: str
    titles: dict[str, str] = field(default_factory=dict)
    blurbs: dict[str, str] = field(default_factory=dict)
    markets: tuple[str, ...] = ()
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    position: int | None = 0
    accent: str = "red"


def check(draft: ZoneDraft, known_markets: Collection[str]) -> list[Problem]:
    """Every problem of the draft at once (empty: it may be saved)."""
    found: list[Problem] = []
    if not draft.slug:
        found.append(problem(("slug",), "slug.required"))
    elif len(draft.slug) > SLUG_MAX or not SLUG.fullmatch(draft.slug):
        found.append(problem(("slug",), "slug.format"))
    for locale in CONTENT_LOCALES:
        title = draft.titles.get(locale, "")
        if len(title) > TITLE_MAX:
            found.append(problem(("titles", locale), "title.too_long", max=TITLE_MAX))
        if len(draft.blurbs.get(locale, "")) > BLURB_MAX:
            found.append(problem(("blurbs", locale), "blurb.too_long", max=BLURB_MAX))
    if not draft.titles.get(REQUIRED_LOCALE):
        found.append(problem(("titles", REQUIRED_LOCALE), "title.required"))
    unknown = sorted(set(draft.markets) - set(known_markets))
    if unknown:
        found.append(problem(("markets",), "markets.unknown", codes=", ".join(unknown)))
    elif not draft.markets:
        found.append(problem(("markets",), "markets.required"))
    if draft.starts_at is None:
        found.append(problem(("starts_at",), "starts.required"))
    elif draft.ends_at is not None and draft.ends_at <= draft.starts_at:
        found.append(problem(("ends_at",), "ends.before_start"))
    if draft.position is None or not 0 <= draft.position <= POSITION_MAX:
        found.append(problem(("position",), "position.range", max=POSITION_MAX))
    if draft.accent not in ACCENTS:
        found.append(problem(("accent",), "accent.unknown"))
    return found


def schedule(starts_at: datetime, ends_at: datetime | None, now: datetime) -> Schedule:
    """Whether the zone is waiting for its start, showing now, or over (the storefront's
    query asks the same: starts_at <= now < ends_at)."""
    if now < starts_at:
        return Schedule.SCHEDULED
    if ends_at is not None and now >= ends_at:
        return Schedule.ENDED
    return Schedule.RUNNING


def moved(ids: Sequence[int], item: int, offset: int) -> list[int]:
    """The order after moving `item` `offset` places (-1: up, +1: down); at either end the
    order stays as it is."""
    order = list(ids)
    index = order.index(item)
    target = index + offset
    if not 0 <= target < len(order):
        return order
    order.insert(target, order.pop(index))
    return order


def rearranged(current: Sequence[int], wanted: Sequence[int]) -> list[int] | None:
    """The order an operator dropped the products in, when it names exactly the zone's
    products (None otherwise: a product added or removed in another tab meanwhile)."""
    wanted = list(wanted)
    if len(wanted) != len(set(wanted)) or set(wanted) != set(current):
        return None
    return wanted
