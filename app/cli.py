"""Command-line interface (`flask --app wsgi ...`), thin wrappers over the services."""

from __future__ import annotations

from flask import Flask


def register_cli(app: Flask) -> None:
    from app.commands import demo, orders, outbox, search, tax, users, vendors

    app.cli.add_command(tax.tax_group)
    app.cli.add_command(vendors.vendors_group)
    app.cli.add_command(vendors.catalog_group)
    app.cli.add_command(demo.demo_data)
    app.cli.add_command(users.users_group)
    app.cli.add_command(search.search_group)
    app.cli.add_command(outbox.outbox_group)
    app.cli.add_command(outbox.worker)
    app.cli.add_command(orders.orders_group)
