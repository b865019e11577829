"""The operators' side of featured zones: the list the console shows, and the zone form's
writes (text per language, markets, schedule, home-page position, banner photo).

Every write is audited in the same unit of work (services.audit): a new zone with what it
holds, an edit with the fields before and after, a banner change with the photos' keys.
Raises ZoneRefused with every problem at once (domain.zone_rules, plus slug.taken and
banner.<reason> found here).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import selectinload

from app.domain import zone_rules
from app.domain.locales import CONTENT_LOCALES
from app.domain.problems import problem
from app.domain.zone_rules import Schedule, ZoneDraft
from app.extensions import db
from app.models import Product, User, Zone, ZoneMarket, ZoneProduct, ZoneTranslation
from app.services import audit, cache_versions, claims, reference, zone_stats
from app.services.catalog import media
from app.services.catalog.images import Upload
from app.services.errors import ImageRejected, NotFound, ZoneRefused
from app.services.i18n import Text, resolve
from app.services.zones import shown


@dataclass(frozen=True)
class ZoneRow:
    """A zone as the console's list shows it."""

    zone: Zone
    title: Text
    schedule: Schedule
    markets: list[str]
    products: int
    #: products in the zone that shoppers do not see (unlisted, shop closed, out of stock)
    hidden: int
    #: content locales without a title of their own: shoppers reading them see English
    falls_back: list[str]


def find(zone_id: int) -> Zone:
    zone = db.session.get(Zone, zone_id)
    if zone is None:
        raise NotFound()
    return zone


def overview(now: datetime, content_locale: str = "en") -> list[ZoneRow]:
    """Every zone, flagship first then by home-page position, in four statements."""
    zones = db.session.scalars(
        select(Zone)
        .options(selectinload(Zone.markets))
        .order_by(Zone.is_flagship.desc(), Zone.position, Zone.id)
    ).all()
    if not zones:
        return []
    visible = case((and_(*shown()), 1), else_=0)
    counts = {
        row.zone_id: (row.products, row.products - row.visible)
        for row in db.session.execute(
            select(
                ZoneProduct.zone_id,
                func.count().label("products"),
                func.coalesce(func.sum(visible), 0).label("visible"),
            )
            .join(Product, Product.id == ZoneProduct.product_id)
            .group_by(ZoneProduct.zone_id)
        )
    }
    return [
        ZoneRow(
            zone=zone,
            title=title(zone, content_locale),
            schedule=zone_rules.schedule(zone.starts_at, zone.ends_at, now),
            markets=sorted(m.market_code for m in zone.markets),
            products=counts.get(zone.id, (0, 0))[0],
            hidden=counts.get(zone.id, (0, 0))[1],
            falls_back=falls_back(zone),
        )
        for zone in zones
    ]


def title(zone: Zone, content_locale: str) -> Text:
    """The zone's title for a reader of content_locale (its slug if it has none at all)."""
    return resolve(zone.translations, "title", content_locale) or Text(zone.slug, "en", True)


def falls_back(zone: Zone) -> list[str]:
    """Content locales the zone has no title in (shoppers reading them see the English one)."""
    titled = {t.locale for t in zone.translations if t.title.strip()}
    return [locale for locale in CONTENT_LOCALES if locale not in titled]


def draft_of(zone: Zone) -> ZoneDraft:
    """What the zone holds now, as the form edits it."""
    return ZoneDraft(
        slug=zone.slug,
        titles={t.locale: t.title for t in zone.translations if t.title},
        blurbs={t.locale: t.blurb for t in zone.translations if t.blurb},
        markets=tuple(sorted(m.market_code for m in zone.markets)),
        starts_at=zone.starts_at,
        ends_at=zone.ends_at,
        position=zone.position,
        accent=zone.accent,
    )


def _snapshot(draft: ZoneDraft) -> dict:
    """A draft as audit data (JSON)."""
    return {
        "slug": draft.slug,
        "titles": {k: v for k, v in sorted(draft.titles.items()) if v},
        "blurbs": {k: v for k, v in sorted(draft.blurbs.items()) if v},
        "markets": sorted(draft.markets),
        "starts_at": draft.starts_at.isoformat() if draft.starts_at else None,
        "ends_at": draft.ends_at.isoformat() if draft.ends_at else None,
        "position": draft.position,
        "accent": draft.accent,
    }


def _problems(draft: ZoneDraft, zone: Zone | None) -> list:
    found = zone_rules.check(draft, reference.get().markets.keys())
    if not any(p.path == ("slug",) for p in found):
        taken = db.session.scalar(
            select(Zone.id).where(Zone.slug == draft.slug, Zone.id != (zone.id if zone else -1))
        )
        if taken is not None:
            found.append(problem(("slug",), "slug.taken"))
    return found


def _store_banner(banner: Upload, media_root: str):
    try:
        return media.store_image(banner.data, media_root)
    except ImageRejected as error:
        raise ZoneRefused([problem(("banner",), f"banner.{error.reason}")]) from None


def _apply(zone: Zone, draft: ZoneDraft) -> None:
    zone.slug = draft.slug
    zone.starts_at = draft.starts_at
    zone.ends_at = draft.ends_at
    zone.position = draft.position
    zone.accent = draft.accent
    rows = {t.locale: t for t in zone.translations}
    for locale in CONTENT_LOCALES:
        title = (draft.titles.get(locale) or "").strip()
        blurb = (draft.blurbs.get(locale) or "").strip()
        row = rows.get(locale)
        if not title and not blurb:
            if row is not None:
                zone.translations.remove(row)
        elif row is None:
            zone.translations.append(ZoneTranslation(locale=locale, title=title, blurb=blurb))
        else:
            row.title, row.blurb = title, blurb
    wanted = set(draft.markets)
    for row in list(zone.markets):
        if row.market_code not in wanted:
            zone.markets.remove(row)
    have = {row.market_code for row in zone.markets}
    for code in sorted(wanted - have):
        zone.markets.append(ZoneMarket(market_code=code))


def _slug_claimed():
    """Another operator saving the same slug at the same moment is slug.taken."""
    return claims.claiming({"zones.slug": lambda: ZoneRefused([problem(("slug",), "slug.taken")])})


def _set_banner(zone: Zone, stored, actor: User | None) -> None:
    before = zone.banner_key
    if stored is None:
        zone.banner_key = zone.banner_width = zone.banner_height = None
    else:
        zone.banner_key, zone.banner_width, zone.banner_height = (
            stored.key,
            stored.width,
            stored.height,
        )
    if zone.banner_key != before:
        audit.record(
            actor, "zone.banner_changed", zone, {"before": before, "after": zone.banner_key}
        )


def create(
    draft: ZoneDraft, actor: User | None, banner: Upload | None = None, media_root: str = ""
) -> Zone:
    """A new zone. Raises ZoneRefused."""
    found = _problems(draft, None)
    if found:
        raise ZoneRefused(found)
    stored = _store_banner(banner, media_root) if banner else None
    zone = Zone(slug=draft.slug, is_flagship=False, starts_at=draft.starts_at)
    with _slug_claimed():
        _apply(zone, draft)
        db.session.add(zone)
    audit.record(actor, "zone.created", zone, {"after": _snapshot(draft)})
    # counted from its first view: in this process at once, in the others within a second
    zone_stats.known_zones.invalidate()
    cache_versions.bump("catalog")
    if stored is not None:
        _set_banner(zone, stored, actor)
    db.session.flush()
    return zone


def update(
    zone: Zone,
    draft: ZoneDraft,
    actor: User | None,
    banner: Upload | None = None,
    remove_banner: bool = False,
    media_root: str = "",
) -> bool:
    """Save the form over the zone; False when nothing changed. Raises ZoneRefused."""
    # one edit of a zone at a time, on the zone as the last one left it: a form saved twice
    # at the same moment (a double click, two operators) wrote the same new title twice
    claims.one_at_a_time(zone, "translations", "markets")
    found = _problems(draft, zone)
    if found:
        raise ZoneRefused(found)
    stored = _store_banner(banner, media_root) if banner else None
    before, after = _snapshot(draft_of(zone)), _snapshot(draft)
    changed = [key for key in after if before[key] != after[key]]
    if changed:
        with _slug_claimed():
            _apply(zone, draft)
        audit.record(
            actor,
            "zone.edited",
            zone,
            {
                "before": {key: before[key] for key in changed},
                "after": {key: after[key] for key in changed},
            },
        )
    banner_before = zone.banner_key
    if stored is not None or remove_banner:
        _set_banner(zone, stored, actor)
    db.session.flush()
    if changed or zone.banner_key != banner_before:
        cache_versions.bump("catalog")  # pages showing the zone, in every app process
        return True
    return False
