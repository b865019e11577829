"""The vendor's earnings: what is pending, what may be paid out, the balance; per month, per
order and the payouts received; the whole ledger as CSV."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_skeleton
from flask import g, render_template

from app.domain import spreadsheet
from app.services import clock
from app.services.orders import earnings
from app.web.access import vendor_staff
from app.web.downloads import csv_attachment
from app.web.i18n import current_language
from app.web.portal.routes import bp

#: the CSV's columns, one row per ledger entry (amounts in whole NT$, signed)
LEDGER_COLUMNS = [
    "date",
    "kind",
    "amount_twd",
    "order_ref",
    "sku",
    "quantity",
    "unit_price_twd",
    "commission_percent",
    "fx_rate",
    "bank_reference",
]


def month_name(key: str) -> str:
    """ "2026-05" as the vendor's language writes a month: 2026年5月, May 2026."""
    year, month = (int(part) for part in key.split("-"))
    return format_skeleton("yMMMM", date(year, month, 1), locale=current_language().babel)


def ledger_csv(rows) -> bytes:
    return spreadsheet.csv_bytes(LEDGER_COLUMNS, (_ledger_row(*row) for row in rows))


def _ledger_row(created, kind, amount, ref, sku, quantity, unit_price, commission_bp, fx, bank):
    percent = Decimal(commission_bp).scaleb(-2).normalize() if commission_bp is not None else None
    return [
        spreadsheet.cell(value)
        for value in (
            clock.local(created).strftime("%Y-%m-%d %H:%M:%S"),
            kind,
            amount,
            ref,
            sku,
            quantity,
            unit_price,
            f"{percent:f}" if percent is not None else None,
            f"{fx:f}" if fx is not None else None,
            bank,
        )
    ]


@bp.get("/earnings")
@vendor_staff(approved=False)
def earnings_page():
    return render_template(
        "portal/earnings.html", statement=earnings.statement(g.vendor), month_name=month_name
    )


@bp.get("/earnings.csv")
@vendor_staff(approved=False)
def earnings_csv():
    return csv_attachment(
        ledger_csv(earnings.ledger_rows(g.vendor)), f"{g.vendor.slug}-earnings.csv"
    )
