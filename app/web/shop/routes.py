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

from app.services import clock, zones
from app.services.catalog import storefront as catalog
from app.services.catalog.storefront import Sort
from app.services.search import service as search_service
from app.web.context import shopper
from app.web.htmx import hx_redirect, render_listing, render_page_or_block, wants_more_items
from app.web.params import id_arg
from app.web.safe_redirect import safe_next
from app.web.shop.structured import product_jsonld

bp = Blueprint("shop", __name__, url_prefix="/<lang:lang>", template_folder="templates")


@bp.get("/")
def home():
    who = shopper()
    live = zones.live_zones(who, clock.now())
    categories = who.ref.categories_in_order()
    return render_template("shop/home.html", zones=live, categories=categories)


@bp.get("/c/<slug>")
def category(slug: str):
    who = shopper()
    info = who.ref.category_by_slug(slug)
    if info is None:
        abort(404)
    sort = Sort.parse(request.args.get("sort"))
    page = catalog.category_page(info, sort, request.args.get("after"), who)
    more = page.next_cursor and url_for(
        "shop.category", slug=slug, sort=sort.value, after=page.next_cursor
    )
    return render_listing(
        "shop/category.html", category=info, sort=sort, cards=page.cards, more_href=more
    )


@bp.get("/products/<vendor_slug>/<handle>")
def product(vendor_slug: str, handle: str):
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
        zone_id=id_arg("zone"),
    )


@bp.get("/zones/<slug>")
def zone(slug: str):
    who = shopper()
    found = zones.zone_by_slug(slug, who, clock.now())
    if found is None:
        abort(404)
    view, next_after = zones.zone_page(found, who, id_arg("after"))
    more = next_after and url_for("shop.zone", slug=slug, after=next_after)
    return render_listing(
        "shop/zone.html", zone=view, cards=view.cards, more_href=more, card_zone=view.id
    )


@bp.get("/shops/<vendor_slug>")
def vendor(vendor_slug: str):
    who = shopper()
    found = catalog.approved_vendor(vendor_slug)
    if found is None:
        abort(404)
    sort = Sort.parse(request.args.get("sort"))
    page = catalog.vendor_page(found, sort, request.args.get("after"), who)
    more = page.next_cursor and url_for(
        "shop.vendor", vendor_slug=vendor_slug, sort=sort.value, after=page.next_cursor
    )
    return render_listing(
        "shop/vendor.html", vendor=found, sort=sort, cards=page.cards, more_href=more
    )


def _search_params() -> search_service.Params:
    args = request.args
    return search_service.Params(
        q=args.get("q", "")[:500],
        category=args.get("category") or None,
        vendor=args.get("vendor") or None,
        halal=args.get("halal") in ("1", "on", "y"),
        in_stock=args.get("in_stock") in ("1", "on", "y"),
        price=args.get("price") or None,
        sort=args.get("sort", "relevance"),
        after=args.get("after") or None,
    )


@bp.get("/search")
def search():
    who = shopper()
    params = _search_params()
    # "Load more" shows only more cards: the facet counts are not needed for it.
    result = search_service.search(params, who, facets=not wants_more_items())
    flagship = zones.flagship(who, clock.now()) if not result.cards else None
    more = result.next_cursor and url_for(
        "shop.search",
        q=params.q,
        category=params.category,
        vendor=params.vendor,
        halal=1 if params.halal else None,
        in_stock=1 if params.in_stock else None,
        price=params.price,
        sort=params.sort,
        after=result.next_cursor,
    )
    return render_listing(
        "shop/search.html",
        result=result,
        params=params,
        flagship=flagship,
        cards=result.cards,
        more_href=more,
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
