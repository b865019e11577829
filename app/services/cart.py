"""The cart: what a shopper means to buy, priced for their market with shipping and import tax
per vendor parcel.

A cart is a list of items (variant, quantity, the zone it was found in). A guest's items live in
the signed session cookie (the web layer keeps them); a signed-in shopper's in cart_lines, and a
guest's items join the account's at sign-in. Pricing reads today's prices and rates every time:
the currency of an order is fixed only when it is placed.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import and_, bindparam, delete, literal, select, union_all

from app.domain import landed_cost
from app.domain.locales import fallback_chain
from app.domain.money import Money
from app.extensions import db
from app.models import (
    CartLine,
    Product,
    ProductImage,
    ProductTranslation,
    Variant,
    VariantTranslation,
    Vendor,
    Zone,
)
from app.models.vendor import brand_name
from app.services import claims, pricing
from app.services.catalog import storefront
from app.services.errors import CartRefused
from app.services.i18n import Text, resolve_map
from app.services.shopper import Shopper

#: a cart holds at most this many different items, each at most MAX_QUANTITY times
MAX_LINES = 50
MAX_QUANTITY = 99


@dataclass(frozen=True)
class Item:
    variant_id: int
    quantity: int
    zone_id: int | None = None


# -- changing a cart ----------------------------------------------------------------------------


def _available(variant_ids: Iterable[int]) -> dict[int, int]:
    """Units a shopper can buy now per variant, for visible products only."""
    rows = db.session.execute(
        select(Variant.id, Variant.on_hand - Variant.reserved)
        .join(Product, Product.id == Variant.product_id)
        .where(Variant.id.in_(set(variant_ids)), *storefront.visible())
    )
    return {variant_id: max(units, 0) for variant_id, units in rows}


def _known_zones(items: Iterable[Item]) -> set[int]:
    """The zones named by `items` that exist: a zone id comes from a form field (anyone can
    type one), and a guest's cart may name a zone deleted since."""
    wanted = {i.zone_id for i in items if i.zone_id is not None}
    if not wanted:
        return set()
    return set(db.session.scalars(select(Zone.id).where(Zone.id.in_(wanted))))


def _quantity(value) -> int:
    if type(value) is not int or not 0 <= value <= MAX_QUANTITY:
        raise CartRefused("quantity.range", field="quantity", max=MAX_QUANTITY)
    return value


def add(items: Sequence[Item], variant_id: int, quantity, zone_id: int | None = None) -> list[Item]:
    """The cart with `quantity` more of a variant. Raises CartRefused: variant.unavailable,
    quantity.range, quantity.available (params available), cart.full."""
    quantity = _quantity(quantity)
    if quantity == 0:
        raise CartRefused("quantity.range", field="quantity", max=MAX_QUANTITY)
    current = next((i for i in items if i.variant_id == variant_id), None)
    return set_quantity(
        items,
        variant_id,
        (current.quantity if current else 0) + quantity,
        zone_id if zone_id is not None or current is None else current.zone_id,
    )


def set_quantity(
    items: Sequence[Item], variant_id: int, quantity, zone_id: int | None = None
) -> list[Item]:
    """The cart with exactly `quantity` of a variant (0 removes it). Raises CartRefused."""
    quantity = _quantity(quantity)
    others = [i for i in items if i.variant_id != variant_id]
    if quantity == 0:
        return others
    available = _available([variant_id]).get(variant_id)
    if available is None:
        raise CartRefused("variant.unavailable", field="quantity")
    if quantity > available:
        raise CartRefused("quantity.available", field="quantity", available=available)
    current = next((i for i in items if i.variant_id == variant_id), None)
    if current is None and len(others) >= MAX_LINES:
        raise CartRefused("cart.full", field="quantity", max=MAX_LINES)
    kept_zone = zone_id if zone_id is not None else (current.zone_id if current else None)
    item = Item(variant_id, quantity, kept_zone)
    if current is None:
        return [*others, item]
    return [item if i.variant_id == variant_id else i for i in items]


def remove(items: Sequence[Item], variant_id: int) -> list[Item]:
    return [i for i in items if i.variant_id != variant_id]


def merge(into: Sequence[Item], more: Sequence[Item]) -> list[Item]:
    """A guest's cart joining an account's at sign-in: quantities add up, limited by what is
    available; items no longer for sale are dropped."""
    wanted: dict[int, Item] = {i.variant_id: i for i in into}
    for item in more:
        current = wanted.get(item.variant_id)
        quantity = item.quantity + (current.quantity if current else 0)
        zone = current.zone_id if current and current.zone_id else item.zone_id
        wanted[item.variant_id] = Item(item.variant_id, quantity, zone)
    available = _available(wanted)
    merged = []
    for item in wanted.values():
        units = min(item.quantity, available.get(item.variant_id, 0), MAX_QUANTITY)
        if units > 0:
            merged.append(replace(item, quantity=units))
    return merged[:MAX_LINES]


# -- the account cart ---------------------------------------------------------------------------


def account_items(user, to_change: bool = False) -> list[Item]:
    """The account's cart. to_change: the caller will save a changed cart in this
    transaction; another request changing the same cart waits until this one commits (the
    account's row is locked; SQLite's writers queue anyway). Without it, two adds at the same
    moment (a double click, two tabs) each read the cart before the other's add: one add was
    lost, or both wrote the same line and the second was a 500."""
    if to_change:
        claims.one_at_a_time(user)
    rows = db.session.scalars(
        select(CartLine).where(CartLine.user_id == user.id).order_by(CartLine.id)
    )
    return [Item(row.variant_id, row.quantity, row.zone_id) for row in rows]


def save_account_items(user, items: Sequence[Item]) -> None:
    """Make the account's cart exactly `items`."""
    db.session.execute(delete(CartLine).where(CartLine.user_id == user.id))
    zones = _known_zones(items)
    db.session.add_all(
        CartLine(
            user_id=user.id,
            variant_id=i.variant_id,
            quantity=i.quantity,
            zone_id=i.zone_id if i.zone_id in zones else None,
        )
        for i in items
    )
    db.session.flush()


# -- pricing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PricedLine:
    variant_id: int
    product_id: int
    category_id: int
    vendor_slug: str
    handle: str
    name: Text
    label: Text | None
    sku: str
    image_key: str | None
    quantity: int
    unit_price: Money
    unit_price_twd: int
    weight_g: int
    hs_code: str | None
    origin: str
    exemption: str | None
    zone_id: int | None
    #: units a shopper could buy now
    available: int
    #: the product is still listed by an approved vendor
    for_sale: bool = True
    #: the store ships the product's category to the shopper's market (operators may stop a
    #: category a market restricts: reference.Restriction)
    ships: bool = True
    #: what the market asks of the product's category, per content locale (a notice shown
    #: before payment: an import licence, a quota); empty: nothing
    notice: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def total(self) -> Money:
        return self.unit_price * self.quantity

    @property
    def problem(self) -> str | None:
        """Why this line cannot be bought as it is: unavailable (no longer listed), sold_out,
        or too_many (more than is left), not_shipped (its category does not ship to the
        market)."""
        if not self.for_sale:
            return "unavailable"
        if not self.ships:
            return "not_shipped"
        if self.available <= 0:
            return "sold_out"
        if self.quantity > self.available:
            return "too_many"
        return None


@dataclass(frozen=True)
class Parcel:
    """One vendor's goods: one parcel, one shipping fee, its own import taxes."""

    vendor_id: int
    vendor_name: str
    lines: list[PricedLine]
    weight_g: int
    shipping_twd: int
    quote: landed_cost.TaxQuote

    @property
    def total(self) -> Money:
        return self.quote.landed_total

    @property
    def notices(self) -> list[dict[str, str]]:
        """What the market asks of the parcel's goods (an import licence, a quota), once
        each, per content locale: shown before payment."""
        found: list[dict[str, str]] = []
        for line in self.lines:
            if line.notice and line.notice not in found:
                found.append(line.notice)
        return found


@dataclass(frozen=True)
class PricedCart:
    currency: str
    market_code: str
    rate: object  # reference.RateInfo
    parcels: list[Parcel] = field(default_factory=list)

    @property
    def lines(self) -> list[PricedLine]:
        return [line for parcel in self.parcels for line in parcel.lines]

    @property
    def count(self) -> int:
        return sum(line.quantity for line in self.lines)

    def _sum(self, part) -> Money:
        total = Money.zero(self.currency)
        for parcel in self.parcels:
            total += part(parcel)
        return total

    @property
    def goods(self) -> Money:
        return self._sum(lambda p: p.quote.goods)

    @property
    def shipping(self) -> Money:
        return self._sum(lambda p: p.quote.shipping)

    @property
    def tax(self) -> Money:
        return self._sum(lambda p: p.quote.total_tax)

    @property
    def total(self) -> Money:
        return self.goods + self.shipping + self.tax

    @property
    def problems(self) -> list[PricedLine]:
        return [line for line in self.lines if line.problem]

    @property
    def fingerprint(self) -> str:
        """What the shopper was shown: each line's price and quantity, every fee and tax, the
        currency and the rate. Checkout refuses to charge a cart whose fingerprint changed."""
        parts = [self.currency, self.market_code, str(self.rate.rate)]
        for parcel in self.parcels:
            parts.append(f"p{parcel.vendor_id}:{parcel.quote.shipping.amount_minor}")
            parts.extend(f"{line.name}:{line.amount.amount_minor}" for line in parcel.quote.lines)
            parts.extend(
                f"v{line.variant_id}x{line.quantity}@{line.unit_price.amount_minor}"
                for line in parcel.lines
            )
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


@functools.cache
def _rows_statement():
    """Per variant of the cart: what its line shows and prices, with its product's and
    vendor's columns, whether the storefront still shows the product (storefront.visible,
    the one rule) and its first photo. Plain rows, one statement: the cart page is opened
    as often as any listing, and loading three kinds of entity for it cost more than
    rendering it. Built once (the ids are a parameter): building it took longer than
    running it."""
    first_photo = (
        select(ProductImage.key)
        .where(ProductImage.product_id == Product.id)
        .order_by(ProductImage.position, ProductImage.id)
        .limit(1)
        .scalar_subquery()
    )
    return (
        select(
            Variant.id,
            Variant.product_id,
            Variant.sku,
            Variant.price_twd,
            Variant.weight_g,
            (Variant.on_hand - Variant.reserved).label("units"),
            Product.category_id,
            Product.handle,
            Product.hs_code,
            Product.origin,
            Product.exemption,
            Product.vendor_id,
            Vendor.slug.label("vendor_slug"),
            Vendor.name_en.label("vendor_en"),
            Vendor.name_zh_hant.label("vendor_zh_hant"),
            and_(*storefront.visible()).label("for_sale"),
            first_photo.label("image_key"),
        )
        .join(Product, Product.id == Variant.product_id)
        .join(Vendor, Vendor.id == Product.vendor_id)
        .where(Variant.id.in_(bindparam("variant_ids", expanding=True)))
    )


@functools.cache
def _texts_statement():
    """Product names and variant labels of the cart, in the shopper's fallback chain only,
    in one statement (built once, as _rows_statement)."""
    locales = bindparam("locales", expanding=True)
    names = select(
        literal("p").label("kind"),
        ProductTranslation.product_id.label("owner"),
        ProductTranslation.locale,
        ProductTranslation.name.label("text"),
    ).where(
        ProductTranslation.product_id.in_(bindparam("product_ids", expanding=True)),
        ProductTranslation.locale.in_(locales),
    )
    labels = select(
        literal("v"),
        VariantTranslation.variant_id,
        VariantTranslation.locale,
        VariantTranslation.label,
    ).where(
        VariantTranslation.variant_id.in_(bindparam("variant_ids", expanding=True)),
        VariantTranslation.locale.in_(locales),
    )
    return union_all(names, labels)


def _rows(variant_ids: list[int]):
    return db.session.execute(_rows_statement(), {"variant_ids": variant_ids}).all()


def _texts(product_ids: set[int], variant_ids: set[int], shopper: Shopper):
    """(product names, variant labels): locale → text per id."""
    found: dict[str, dict[int, dict[str, str]]] = {"p": {}, "v": {}}
    rows = db.session.execute(
        _texts_statement(),
        {
            "product_ids": sorted(product_ids),
            "variant_ids": sorted(variant_ids),
            "locales": list(fallback_chain(shopper.content_locale)),
        },
    )
    for kind, owner, locale, text in rows:
        found[kind].setdefault(owner, {})[locale] = text
    return found["p"], found["v"]


def price(items: Sequence[Item], shopper: Shopper) -> PricedCart:
    """The cart in the shopper's market today: lines grouped by vendor parcel, each parcel
    with its shipping fee and its import taxes from the one landed-cost function."""
    market, ref = shopper.market, shopper.ref
    cart = PricedCart(market.currency, market.code, ref.rate_for(market.currency))
    if not items:
        return cart
    locale = shopper.content_locale
    rows = {row.id: row for row in _rows([i.variant_id for i in items])}
    names, labels = _texts({row.product_id for row in rows.values()}, set(rows), shopper)
    zones = _known_zones(items)
    by_vendor: dict[int, list[PricedLine]] = {}
    vendors: dict[int, str] = {}
    for item in items:
        row = rows.get(item.variant_id)
        if row is None:
            continue
        if item.zone_id is not None and item.zone_id not in zones:
            item = replace(item, zone_id=None)  # never an order line naming no zone
        vendors[row.vendor_id] = brand_name(row.vendor_en, row.vendor_zh_hant, locale)
        by_vendor.setdefault(row.vendor_id, []).append(
            _line(item, row, names.get(row.product_id, {}), labels.get(row.id, {}), shopper)
        )
    # the goods of the whole order, for thresholds that weigh the order rather than one parcel
    order_goods = sum(
        (line.total for lines in by_vendor.values() for line in lines), Money.zero(market.currency)
    )
    parcels = [
        _parcel(vendor_id, vendors[vendor_id], lines, shopper, order_goods)
        for vendor_id, lines in by_vendor.items()
    ]
    return replace(cart, parcels=parcels)


def _line(item: Item, row, names: dict, labels: dict, shopper: Shopper) -> PricedLine:
    locale = shopper.content_locale
    restriction = shopper.ref.restriction(shopper.market.code, row.category_id)
    return PricedLine(
        variant_id=row.id,
        product_id=row.product_id,
        category_id=row.category_id,
        vendor_slug=row.vendor_slug,
        handle=row.handle,
        name=resolve_map(names, locale) or Text(row.handle, "en", True),
        label=resolve_map(labels, locale),
        sku=row.sku,
        image_key=row.image_key,
        quantity=item.quantity,
        unit_price=pricing.market_price(row.price_twd, shopper.market, shopper.ref),
        unit_price_twd=row.price_twd,
        weight_g=row.weight_g,
        hs_code=row.hs_code,
        origin=row.origin,
        exemption=row.exemption,
        zone_id=item.zone_id,
        available=max(row.units, 0) if row.for_sale else 0,
        for_sale=bool(row.for_sale),
        ships=shopper.ref.ships(shopper.market.code, row.category_id),
        notice=dict(restriction.notice) if restriction is not None else {},
    )


def _parcel(
    vendor_id: int, vendor_name: str, lines: list[PricedLine], shopper: Shopper, order_goods: Money
) -> Parcel:
    weight = sum(line.weight_g * line.quantity for line in lines)
    shipping_twd = pricing.shipping_twd(weight, shopper.market)
    shipping = pricing.market_price(shipping_twd, shopper.market, shopper.ref)
    quote = pricing.quote_parcel(
        shopper.ref,
        shopper.market,
        [landed_cost.Goods(line.total, line.hs_code, line.category_id) for line in lines],
        shipping,
        shopper.today,
        order_goods,
    )
    return Parcel(
        vendor_id=vendor_id,
        vendor_name=vendor_name,
        lines=lines,
        weight_g=weight,
        shipping_twd=shipping_twd,
        quote=quote,
    )
