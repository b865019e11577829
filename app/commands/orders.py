"""`flask orders list|show|expire`: support's view of orders, and the unpaid-order sweep."""

from __future__ import annotations

import json

import click
from flask.cli import with_appcontext

from app.domain.order_states import OrderStatus
from app.services.checkout import lifecycle, queries
from app.services.errors import NotFound
from app.transaction import unit_of_work


@click.group("orders")
def orders_group() -> None:
    """Orders."""


@orders_group.command("list")
@click.option("--status", type=click.Choice([s.value for s in OrderStatus]), default=None)
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--json", "as_json", is_flag=True, help="One JSON document for scripts.")
@with_appcontext
def list_orders(status: str | None, limit: int, as_json: bool) -> None:
    """Newest orders first: ref, status, market, currency, total (minor units), intent."""
    orders = queries.listing(status, limit)
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "ref": o.ref,
                        "status": o.status,
                        "market": o.market_code,
                        "currency": o.currency,
                        "total_minor": o.total_minor,
                        "payment_intent_id": o.payment_intent_id,
                        "created_at": o.created_at.isoformat(),
                    }
                    for o in orders
                ],
                ensure_ascii=False,
            )
        )
        return
    for o in orders:
        click.echo(
            f"{o.ref}  {o.status:<16} {o.market_code} {o.currency} {o.total_minor:>12}  "
            f"{o.payment_intent_id or '-'}  {o.created_at:%Y-%m-%d %H:%M}"
        )


@orders_group.command("show")
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True, help="One JSON document for scripts.")
@with_appcontext
def show_order(ref: str, as_json: bool) -> None:
    """One order with its vendor orders and lines (amounts in minor units)."""
    try:
        data = queries.as_data(queries.by_ref(ref.strip().upper()))
    except NotFound:
        raise click.ClickException(f"No order {ref!r}.") from None
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    totals = data["totals"]
    click.echo(f"{data['ref']}  {data['status']}  {data['market']} {data['currency']}")
    click.echo(
        f"goods {totals['goods_minor']}  shipping {totals['shipping_minor']}  "
        f"tax {totals['tax_minor']}  total {totals['total_minor']}"
    )
    click.echo(f"payment intent {data['payment_intent_id'] or '-'}")
    for vendor_order in data["vendor_orders"]:
        click.echo(f"  {vendor_order['vendor']}: {vendor_order['status']}")
        for line in vendor_order["lines"]:
            click.echo(
                f"    {line['sku']} × {line['quantity']} at {line['unit_price_minor']} "
                f"(tax {line['tax_minor']})"
            )


@orders_group.command("complete")
@with_appcontext
def complete() -> None:
    """Parcels delivered more than 7 days ago with no return open become completed, and their
    earnings payable (safe to run from cron)."""
    from app.services.orders import fulfilment

    with unit_of_work():
        count = fulfilment.complete_due()
    click.echo(f"{count} parcel(s) completed.")


@orders_group.command("expire")
@with_appcontext
def expire() -> None:
    """Give back the stock of orders unpaid past their time (safe to run from cron)."""
    count = lifecycle.expire_due(each=unit_of_work)
    click.echo(f"{count} unpaid order(s) expired.")
