"""The vendor's earnings: what is pending, what may be paid out, the balance; per month, per
order and the payouts received; the whole ledger as CSV."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from babel.dates import format_skeleton
from flask import g, render_template

from app.services import clock
from app.services.catalog.csv.columns import FORMULA_START
from app.services.orders import earnings
from app.web.access import vendor_staff
from app.web.i18n import current_language
from app.web.portal.imports import _csv_response
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


def _cell(value) -> str:
    """Text that a spreadsheet would run as a formula is quoted; numbers we wrote are not."""
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_START) else value
    return str(value)


def ledger_csv(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(LEDGER_COLUMNS)
    for created, kind, amount, ref, sku, quantity, unit_price, commission_bp, fx, bank in rows:
        percent = (
            Decimal(commission_bp).scaleb(-2).normalize() if commission_bp is not None else None
        )
        writer.writerow(
            _cell(value)
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
        )
    # A BOM, so Excel opens it as UTF-8 (as the catalog export does).
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


@bp.get("/earnings")
@vendor_staff(approved=False)
def earnings_page():
    return render_template(
        "portal/earnings.html", statement=earnings.statement(g.vendor), month_name=month_name
    )


@bp.get("/earnings.csv")
@vendor_staff(approved=False)
def earnings_csv():
    return _csv_response(
        ledger_csv(earnings.ledger_rows(g.vendor)), f"{g.vendor.slug}-earnings.csv"
    )
