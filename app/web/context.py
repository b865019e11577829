"""Per-request context shared by every blueprint: the shopper, URLs for the page in other
languages, asset URLs, and Jinja filters."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from babel import Locale
from flask import Flask, current_app, g, request, url_for

from app.domain import landed_cost
from app.domain.locales import CONTENT, LANGUAGES
from app.domain.money import Money
from app.services import clock, links, reference
from app.services.i18n import Text, resolve, resolve_city, resolve_map
from app.services.reference import CategoryInfo
from app.services.shopper import Shopper
from app.web import formatting, labels
from app.web.i18n import current_language, market_code_for_request


def shopper() -> Shopper:
    if "shopper" not in g:
        ref = reference.get()
        code = market_code_for_request(set(ref.markets))
        if code not in ref.markets:  # a language whose default market is switched off
            code = next(iter(ref.markets))
        g.shopper = Shopper(
            content_locale=current_language().content,
            market=ref.markets[code],
            ref=ref,
            today=clock.today(),
        )
    return g.shopper


def display_locale() -> str:
    """The Babel locale money and numbers are formatted in on this page."""
    if "display_locale" not in g:
        g.display_locale = formatting.money_locale(current_language().code, shopper().market.code)
    return g.display_locale


def external_url(endpoint: str, **values) -> str:
    """An absolute URL, on SITE_URL when configured (behind a proxy), else this host."""
    return links.absolute(endpoint, **values)


def _query_to_keep(path_arguments) -> dict[str, str]:
    """The query's own parameters: never url_for's keywords (_external, _scheme, _anchor,
    _method: a visitor's ?_external=1 must not build a URL on their terms, nor raise), and
    never one that would replace a part of the path (?slug=...)."""
    return {
        key: value
        for key, value in request.args.items()
        if not key.startswith("_") and key not in path_arguments
    }


def page_url_in(lang_code: str, external: bool = False) -> str | None:
    """This page in another language, keeping its query (the language switcher)."""
    if request.endpoint is None or request.url_rule is None:
        return None
    if "lang" not in request.url_rule.arguments:
        return None
    values = dict(request.view_args or {})
    values.update(_query_to_keep(request.url_rule.arguments))
    values["lang"] = lang_code
    if external:
        return external_url(request.endpoint, **values)
    return url_for(request.endpoint, **values)


def alternates() -> list[dict[str, str]]:
    """hreflang links for every language and x-default (home: the language chooser at /)."""
    links = []
    for code, lang in LANGUAGES.items():
        href = page_url_in(code, external=True)
        if href is None:
            return []
        links.append({"hreflang": lang.html_lang, "href": href})
    if request.endpoint == "shop.home":
        default = external_url("root")
    else:
        default = page_url_in("en", external=True)
    links.append({"hreflang": "x-default", "href": default})
    return links


@lru_cache(maxsize=256)
def _file_hash(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def static_url(filename: str) -> str:
    """A cache-busted static URL, so static files can be cached for a year."""
    path = Path(current_app.static_folder) / filename
    return url_for("static", filename=filename, v=_file_hash(str(path)))


def media_url(key: str, rendition: str) -> str:
    return url_for("media", filename=f"{key}-{rendition}.webp")


@lru_cache(maxsize=64)
def _territory_name(babel_locale: str, code: str) -> str:
    return Locale.parse(babel_locale).territories.get(code, code)


def market_name(code: str) -> str:
    """The market's country name in the page language (from CLDR, via Babel)."""
    return _territory_name(current_language().babel, code)


def category_name(category: CategoryInfo) -> Text:
    return resolve_map(category.names, current_language().content) or Text(
        category.slug, "en", True
    )


def band_label(band) -> str:
    """A price band in the market currency: "Under ฿300", "฿300 – ฿1,000", "฿3,000 and up"."""
    from flask_babel import gettext as _

    currency = shopper().market.currency

    def fmt(major: int) -> str:
        return formatting.format_whole_money(major, currency, display_locale())

    if band.low is None:
        return _("Under %(amount)s", amount=fmt(band.high))
    if band.high is None:
        return _("%(amount)s and up", amount=fmt(band.low))
    return _("%(low)s – %(high)s", low=fmt(band.low), high=fmt(band.high))


def localised(values) -> Text | None:
    """A text kept per content locale ({"en": ..., "th": ...}) in the page's language, with
    the usual fallbacks."""
    return resolve_map(values or {}, current_language().content)


def resolve_vendor_text(vendor, field: str) -> Text | None:
    return resolve(vendor.translations, field, current_language().content)


def vendor_city(vendor) -> Text | None:
    return resolve_city(vendor.city_en, vendor.city_zh_hant, current_language().content)


def listing_page_url(after: str | None = None, before: str | None = None) -> str:
    """This listing's page after or before a cursor (neither: its first page), with the
    same sort, filters and query."""
    values = dict(request.view_args or {})
    kept = _query_to_keep(request.url_rule.arguments)
    values.update({k: v for k, v in kept.items() if k not in ("after", "before")})
    values.update(after=after, before=before)
    return url_for(request.endpoint, **values)


def _money_for(amount_minor: int, order) -> str:
    """An order's amount as its shopper reads money (mail has no request to ask)."""
    return formatting.format_money(
        Money(amount_minor, order.currency),
        formatting.money_locale(order.language, order.market_code),
    )


def _price_basis() -> str:
    """What the shopper's market adds to shown prices (the price notes say it)."""
    who = shopper()
    return landed_cost.price_basis(who.ref.tax_rules.get(who.market.code, ()), who.today)


def _cart_count() -> int:
    from app.web.checkout.routes import cart_count

    return cart_count()


def register_context(app: Flask) -> None:
    # Functions go in the environment's globals, so imported macros see them too (an import
    # does not get the context unless it says `with context`).
    app.jinja_env.globals.update(
        page_url_in=page_url_in,
        alternates=alternates,
        shopper=shopper,
        static_url=static_url,
        media_url=media_url,
        external_url=external_url,
        market_name=market_name,
        category_name=category_name,
        resolve_vendor_text=resolve_vendor_text,
        localised=localised,
        vendor_city=vendor_city,
        listing_page_url=listing_page_url,
        sort_labels=labels.SORTS,
        search_sorts=labels.SEARCH_SORTS,
        band_label=band_label,
        tax_label=labels.tax_label,
        exemption_labels=labels.EXEMPTIONS,
        exemption_details=labels.EXEMPTION_DETAILS,
        status_labels=labels.PRODUCT_STATUSES,
        vendor_status_labels=labels.VENDOR_STATUSES,
        locale_names=labels.LOCALE_NAMES,
        content_locales=CONTENT,
        cart_count=_cart_count,
        price_basis=_price_basis,
        money=Money,
        money_for=_money_for,
        order_status_labels=labels.ORDER_STATUSES,
        vendor_order_status_labels=labels.VENDOR_ORDER_STATUSES,
        #: "only N left" from this many units available
        few_left=5,
        listing_needs=labels.LISTING_NEEDS,
        languages=LANGUAGES,
    )

    @app.context_processor
    def _request_values():
        return {"lang": current_language()}

    @app.template_filter("money")
    def _money(value: Money) -> str:
        return formatting.format_money(value, display_locale())

    @app.template_filter("human_list")
    def _human_list(values) -> str:
        return formatting.format_list([str(v) for v in values], current_language().babel)

    @app.template_filter("locale_name")
    def _locale_name(value: str) -> str:
        return labels.LOCALE_NAMES[value]

    @app.template_filter("listing_need")
    def _listing_need(value: str) -> str:
        return str(labels.LISTING_NEEDS[value])

    @app.template_filter("percent")
    def _percent(value) -> str:
        return formatting.format_rate_percent(value, display_locale())

    @app.template_filter("number")
    def _number(value) -> str:
        return formatting.format_number(value, current_language().babel)

    @app.template_filter("day")
    def _day(value, fmt: str = "medium") -> str:
        return formatting.format_day(value, current_language().babel, fmt)

    @app.template_filter("moment")
    def _moment(value, fmt: str = "medium") -> str:
        return formatting.format_moment(value, current_language().babel, fmt)
