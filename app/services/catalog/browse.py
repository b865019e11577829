"""Category and shop listings: a page of cards, where it sits ("Showing 25–48 of 120") and the
filters' counts, from the search index's rows as the app process holds them
(services.catalog.facets, services.search.ranking), then the cards (mostly from the card
cache)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from app.models import Vendor
from app.services import paging
from app.services.catalog import facets as facet_counts
from app.services.catalog.facets import Choice, Facets
from app.services.catalog.storefront import PAGE_SIZE, Card, Sort, cards_for
from app.services.reference import CategoryInfo
from app.services.search import ranking
from app.services.shopper import Shopper

NO_CHOICE = Choice()
ORDERS = {
    Sort.NEWEST: paging.keys(("published_at", True, datetime), ("id", True)),
    Sort.PRICE_ASC: paging.keys(("min_price_twd", False), ("id", False)),
    Sort.PRICE_DESC: paging.keys(("min_price_twd", True), ("id", True)),
}


@dataclass(frozen=True)
class Listing:
    cards: list[Card]
    window: paging.Window
    facets: Facets


def category(
    info: CategoryInfo,
    sort: Sort,
    shopper: Shopper,
    *,
    choice: Choice = NO_CHOICE,
    after: str | None = None,
    before: str | None = None,
    size: int = PAGE_SIZE,
) -> Listing:
    """A page of the category's products that pass the chosen filters, with the counts of
    each filter's values among them (a category in `choice` is ignored)."""
    choice = Choice(
        vendor=choice.vendor, halal=choice.halal, in_stock=choice.in_stock, price=choice.price
    )
    return _listing({"category_id": info.id}, choice, sort, after, before, shopper, size, True)


def shop(
    vendor: Vendor,
    sort: Sort,
    shopper: Shopper,
    *,
    after: str | None = None,
    before: str | None = None,
    size: int = PAGE_SIZE,
) -> Listing:
    """A page of a shop's products (no filters: their counts are not read)."""
    return _listing({"vendor_id": vendor.id}, NO_CHOICE, sort, after, before, shopper, size, False)


def _listing(where, choice, sort, after, before, shopper, size, counted) -> Listing:
    order = ORDERS[sort]
    position = paging.Position.parse(after, before, order)
    ctx = facet_counts.context(shopper)
    every, narrowing = facet_counts.filters(choice, shopper)
    listing = ranking.listed(replace(every, **where), ctx)
    page, window, facets = facet_counts.page_and_facets(
        listing, order, position, size, narrowing, shopper, counted=counted
    )
    cards = cards_for([row.id for row in page], shopper)
    return Listing([cards[row.id] for row in page if row.id in cards], window, facets)
