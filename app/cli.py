"""Command-line interface (`flask --app wsgi ...`), thin wrappers over the services."""

from __future__ import annotations

from flask import Flask


def register_cli(app: Flask) -> None:
    from app.commands import (
        analytics,
        demo,
        orders,
        outbox,
        privacy,
        rates,
        search,
        tax,
        users,
        vendors,
        zones,
    )

    app.cli.add_command(tax.tax_group)
    app.cli.add_command(analytics.analytics_group)
    app.cli.add_command(rates.rates_group)
    app.cli.add_command(vendors.vendors_group)
    app.cli.add_command(vendors.catalog_group)
    app.cli.add_command(demo.demo_data)
    app.cli.add_command(users.users_group)
    app.cli.add_command(search.search_group)
    app.cli.add_command(outbox.outbox_group)
    app.cli.add_command(outbox.worker)
    app.cli.add_command(orders.orders_group)
    app.cli.add_command(zones.zones_group)
    app.cli.add_command(privacy.privacy_group)
