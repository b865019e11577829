"""What operators keep per market besides taxes and rates: the shipping rate of a vendor
parcel (first kilogram and each further one, in NT$) and the halal certifying bodies (for
Malaysia, whether JAKIM recognises each). Each change is audited with its values before and
after and raises the reference data's cache stamp (every app server prices and badges with it
within a second)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.domain import halal, market_data
from app.domain.problems import problem
from app.extensions import db
from app.models import HalalBody, Market, ShippingRate, User
from app.services import audit, cache_versions, claims
from app.services.errors import RulesRefused


def shipping_rates() -> list[tuple[Market, ShippingRate | None]]:
    rates = {row.market_code: row for row in db.session.scalars(select(ShippingRate))}
    markets = db.session.scalars(
        select(Market).where(Market.is_active.is_(True)).order_by(Market.position)
    )
    return [(market, rates.get(market.code)) for market in markets]


def set_shipping(market: Market, first_kg_twd: int | None, extra_kg_twd: int | None, actor: User):
    """Returns whether it changed. Raises RulesRefused (domain.market_data.check_shipping)."""
    found = market_data.check_shipping(first_kg_twd, extra_kg_twd)
    if found:
        raise RulesRefused(found)
    row = db.session.get(ShippingRate, market.code)
    before = {"first_kg_twd": row.first_kg_twd, "extra_kg_twd": row.extra_kg_twd} if row else None
    after = {"first_kg_twd": first_kg_twd, "extra_kg_twd": extra_kg_twd}
    if before == after:
        return False
    if row is None:
        row = ShippingRate(market_code=market.code)
        db.session.add(row)
    row.first_kg_twd = first_kg_twd
    row.extra_kg_twd = extra_kg_twd
    db.session.flush()
    audit.record(
        actor,
        "shipping_rate.set",
        market,
        {"market": market.code, "before": before, "after": after},
    )
    cache_versions.bump("reference")
    return True


def halal_bodies() -> list[HalalBody]:
    return list(
        db.session.scalars(
            select(HalalBody).order_by(HalalBody.recognised_by_jakim.desc(), HalalBody.code)
        )
    )


def _values(body: HalalBody) -> dict:
    return {
        "code": body.code,
        "name": body.name,
        "country": body.country,
        "recognised_by_jakim": body.recognised_by_jakim,
    }


def save_halal_body(
    body: HalalBody | None, code: str, name: str, country: str, recognised: bool, actor: User
) -> HalalBody:
    """Add a certifying body (body None) or change one; `recognised`: JAKIM recognises it, so
    its certificates count in Malaysia. Raises RulesRefused (code.format, code.taken,
    name.required, name.length, country.format)."""
    code = halal.normalise_body(code)
    country = (country or "").strip().upper()
    name = " ".join((name or "").split())
    found = market_data.check_halal_body(code, name, country)
    if not found:
        taken = db.session.scalar(select(HalalBody.id).where(func.upper(HalalBody.code) == code))
        if taken is not None and (body is None or taken != body.id):
            found.append(problem(("code",), "code.taken"))
    if found:
        raise RulesRefused(found)
    before = _values(body) if body is not None else None
    # another operator adding the same code at the same moment (services.claims)
    with claims.claiming(
        {"halal_bodies.code": lambda: RulesRefused([problem(("code",), "code.taken")])}
    ):
        if body is None:
            body = HalalBody()
            db.session.add(body)
        body.code, body.name, body.country = code, name, country
        body.recognised_by_jakim = recognised
    after = _values(body)
    if before != after:
        audit.record(
            actor,
            "halal_body.created" if before is None else "halal_body.updated",
            body,
            {"before": before, "after": after},
        )
        cache_versions.bump("reference")
    return body
