"""`flask tax quote`: the import taxes on one parcel, from the same function as every page."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation

import click
from flask.cli import with_appcontext

from app.domain import duty_rates, landed_cost
from app.domain.money import Money, minor_unit
from app.services import clock, pricing, reference


@click.group("tax")
def tax_group() -> None:
    """Import tax (landed cost) tools."""


def _amount(value: str, currency: str, option: str) -> Money:
    try:
        amount = Decimal(value.strip())
    except InvalidOperation:
        raise click.BadParameter(f"{value!r} is not an amount", param_hint=option) from None
    if not amount.is_finite() or amount < 0:
        raise click.BadParameter("must be zero or more", param_hint=option)
    if amount != amount.quantize(Decimal(1).scaleb(-minor_unit(currency))):
        places = minor_unit(currency)
        raise click.BadParameter(
            f"{currency} has {places} decimal places; {value} has more", param_hint=option
        )
    return Money.from_major(amount, currency)


@tax_group.command("quote")
@click.option("--market", required=True, help="Destination market: TH, MY, SG, PH or TW.")
@click.option("--goods", required=True, help="Goods value (FOB) in the market's currency.")
@click.option(
    "--shipping", default="0", show_default=True, help="Shipping in the market's currency."
)
@click.option(
    "--category",
    "category_slug",
    default=None,
    help="Category slug: its highest duty rate in the market when no --hs is given.",
)
@click.option(
    "--hs",
    "hs_code",
    default=None,
    help="The goods' HS code (0902, 0902.30...): the longest matching prefix's duty rate.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@with_appcontext
def quote(
    market: str,
    goods: str,
    shipping: str,
    category_slug: str | None,
    hs_code: str | None,
    as_json: bool,
) -> None:
    """The import taxes added on top of one parcel's price under the rules in force today.
    Without --hs or --category the goods pay no duty."""
    ref = reference.get()
    info = ref.markets.get(market.strip().upper())
    if info is None:
        raise click.BadParameter(
            f"unknown market {market!r}; choose from {', '.join(ref.markets)}",
            param_hint="--market",
        )
    category_id = None
    if category_slug:
        category = ref.category_by_slug(category_slug)
        if category is None:
            raise click.BadParameter(f"unknown category {category_slug!r}", param_hint="--category")
        category_id = category.id
    if hs_code is not None:
        hs_code = duty_rates.normalise_hs(hs_code)
        if not (hs_code and hs_code.isascii() and hs_code.isdigit() and 2 <= len(hs_code) <= 10):
            raise click.BadParameter(
                "an HS code is 2 to 10 digits, such as 0902 or 0902.30", param_hint="--hs"
            )
    goods_money = _amount(goods, info.currency, "--goods")
    shipping_money = _amount(shipping, info.currency, "--shipping")
    result = pricing.quote_parcel(
        ref,
        info,
        [landed_cost.Goods(goods_money, hs_code, category_id)],
        shipping_money,
        clock.today(),
    )
    if as_json:
        click.echo(json.dumps(quote_as_dict(info.code, result), ensure_ascii=False))
        return
    click.echo(
        f"Market {info.code} ({info.currency}), goods {goods_money.major}, "
        f"shipping {shipping_money.major}"
    )
    if not result.lines:
        click.echo("No import tax is added.")
    for line in result.lines:
        rate = f"{line.rate * 100:.2f}%" if line.rate is not None else "mixed"
        click.echo(
            f"  {line.name:<40} {rate:>8} of {line.base.major:>12}  = {line.amount.major:>10}"
        )
    for line in result.included:
        click.echo(f"  ({line.name} included in the price: {line.amount.major})")
    click.echo(f"Total tax: {result.total_tax.major} {info.currency}")


def quote_as_dict(market_code: str, result) -> dict:
    return {
        "market": market_code,
        "currency": result.currency,
        "lines": [
            {
                "name": line.name,
                "rate": rate_text(line.rate),
                "heading": line.heading,
                "base_minor": line.base.amount_minor,
                "amount_minor": line.amount.amount_minor,
            }
            for line in result.lines
        ],
        "total_tax_minor": result.total_tax.amount_minor,
    }


def rate_text(rate: Decimal | None) -> str | None:
    """A rate as an exact decimal string ("0.9", "0.07"), never a float."""
    if rate is None:
        return None
    return format(rate.normalize(), "f")
