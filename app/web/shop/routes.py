"""The storefront: home, listings, product, zone and shop pages, sitemaps."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    make_response,
    render_template,
    request,
    session,
    url_for,
)

from app.services import clock, zone_stats, zones
from app.services.catalog import browse
from app.services.catalog import storefront as catalog
from app.services.catalog.facets import Choice
from app.services.catalog.storefront import Sort
from app.services.search import service as search_service
from app.web.context import shopper
from app.web.htmx import hx_redirect, render_page_or_block, triggered_by, wants_fragment
from app.web.page_cache import page
from app.web.params import id_arg
from app.web.safe_redirect import safe_next
from app.web.shop.structured import product_jsonld

bp = Blueprint("shop", __name__, url_prefix="/<lang:lang>", template_folder="templates")


@bp.get("/")
def home():
    return page(_home)


def _home():
    who = shopper()
    live = zones.live_zones(who, clock.now())
    categories = who.ref.categories_in_order()
    return render_template("shop/home.html", zones=live, categories=categories)


@bp.get("/c/<slug>")
def category(slug: str):
    return page(lambda: _category(slug))


def _category(slug: str):
    who = shopper()
    info = who.ref.category_by_slug(slug)
    if info is None:
        abort(404)
    sort = Sort.parse(request.args.get("sort"))
    choice = _choice()
    listing = browse.category(info, sort, who, choice=choice, **_cursors())
    return render_page_or_block(
        "shop/category.html",
        "results",
        category=info,
        sort=sort,
        choice=choice,
        facets=listing.facets,
        filters_open=triggered_by("facets"),
        cards=listing.cards,
        window=listing.window,
    )


@bp.get("/products/<vendor_slug>/<handle>")
def product(vendor_slug: str, handle: str):
    zone_id = id_arg("zone")
    if zone_id is not None and not wants_fragment():  # a card of a zone was followed
        zone_stats.count("product_views", zone_id)
    return page(lambda: _product(vendor_slug, handle, zone_id))


def _product(vendor_slug: str, handle: str, zone_id: int | None):
    who = shopper()
    view = catalog.product_detail(vendor_slug, handle, who)
    if view is None:
        abort(404)
    chosen = id_arg("variant")
    selected = next((v for v in view.variants if v.id == chosen), None)
    if selected is None:
        selected = next((v for v in view.variants if v.in_stock), view.variants[0])
    estimate = catalog.estimate_for(view, selected, who)
    return render_page_or_block(
        "shop/product.html",
        "buy_box",
        view=view,
        selected=selected,
        estimate=estimate,
        product_jsonld=product_jsonld(view, who),
        zone_id=zone_id,
    )


@bp.get("/zones/<slug>")
def zone(slug: str):
    zone_id = zones.running_zone_id(slug, shopper().market.code, clock.now())
    if zone_id is None:
        abort(404)
    if not any(_cursors().values()):  # the zone opened (not a further page of it)
        zone_stats.count("views", zone_id, trusted=True)
    return page(lambda: _zone(zone_id))


def _zone(zone_id: int):
    view, window = zones.zone_page(zone_id, shopper(), **_cursors())
    return render_page_or_block(
        "shop/zone.html", "results", zone=view, cards=view.cards, window=window, card_zone=view.id
    )


@bp.get("/shops/<vendor_slug>")
def vendor(vendor_slug: str):
    return page(lambda: _vendor(vendor_slug))


def _vendor(vendor_slug: str):
    who = shopper()
    found = catalog.approved_vendor(vendor_slug)
    if found is None:
        abort(404)
    sort = Sort.parse(request.args.get("sort"))
    listing = browse.shop(found, sort, who, **_cursors())
    return render_page_or_block(
        "shop/vendor.html",
        "results",
        vendor=found,
        sort=sort,
        cards=listing.cards,
        window=listing.window,
    )


def _cursors() -> dict[str, str | None]:
    """The page of a listing the URL asks for (services.paging)."""
    return {"after": request.args.get("after"), "before": request.args.get("before")}


def _flag(name: str) -> bool:
    return request.args.get(name) in ("1", "on", "y")


def _choice() -> Choice:
    args = request.args
    return Choice(
        category=args.get("category") or None,
        vendor=args.get("vendor") or None,
        halal=_flag("halal"),
        in_stock=_flag("in_stock"),
        price=args.get("price") or None,
    )


def _search_params() -> search_service.Params:
    args = request.args
    choice = _choice()
    return search_service.Params(
        q=args.get("q", "")[:500],
        category=choice.category,
        vendor=choice.vendor,
        halal=choice.halal,
        in_stock=choice.in_stock,
        price=choice.price,
        sort=args.get("sort", "relevance"),
        after=args.get("after") or None,
        before=args.get("before") or None,
    )


@bp.get("/search")
def search():
    return page(_search)


def _search():
    who = shopper()
    params = _search_params()
    result = search_service.search(params, who)
    flagship = zones.flagship(who, clock.now()) if not result.cards else None
    return render_page_or_block(
        "shop/search.html",
        "results",
        result=result,
        params=params,
        flagship=flagship,
        filters_open=triggered_by("facets"),
        cards=result.cards,
        window=result.window,
    )


@bp.get("/search/suggest")
def suggest():
    """Suggestions under the search box (requested by htmx only: a fragment)."""
    found = search_service.suggest(request.args.get("q"), shopper())
    response = make_response(render_template("shop/_suggestions.html", found=found))
    response.vary.add("HX-Request")
    return response


@bp.post("/market")
def choose_market():
    """The ship-to switcher: a plain form post, kept in the signed session cookie."""
    code = request.form.get("market", "")
    if code in shopper().ref.markets:
        session["market"] = code
        session.permanent = True
    return hx_redirect(safe_next(request.form.get("next")) or url_for("shop.home"))
