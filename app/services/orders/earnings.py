"""What vendors earn, as a ledger in New Taiwan dollars.

At payment each line gets its earning: the goods at the vendor's prices less the commission,
with the commission rate and the exchange rate frozen on the line. A cancelled parcel or a
return takes the earning of its units back as a reversal entry. An earning is pending until
its parcel's cooling-off window has closed with no return open (the parcel is completed), then
payable; operators record payouts against what is payable. The balance is always earnings −
reversals − payouts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case, func, select

from app.domain import earnings as rules
from app.domain.order_states import VendorOrderStatus
from app.extensions import db
from app.models import Order, OrderLine, Payout, Vendor, VendorLedgerEntry, VendorOrder
from app.models.earnings import LedgerKind
from app.services import audit, claims, clock, settings
from app.services.errors import PayoutRefused

#: parcels whose earnings are settled: the window closed (completed) or nothing is owed
SETTLED = (VendorOrderStatus.COMPLETED, VendorOrderStatus.CANCELLED)


def record_sale(order: Order) -> None:
    """Freeze each line's commission (the vendor's own rate, else the store's default at
    this moment), exchange rate and earning when the order is paid."""
    default_bp = settings.default_commission_bp()
    for vendor_order in order.vendor_orders:
        vendor = db.session.get(Vendor, vendor_order.vendor_id)
        for line in vendor_order.lines:
            if line.earning_twd is not None:
                continue  # a late payment of an order paid once already cannot earn twice
            line.commission_bp = (
                vendor.commission_bp if vendor.commission_bp is not None else default_bp
            )
            line.fx_rate = order.fx_rate
            line.earning_twd = rules.line_earning_twd(
                line.unit_price_twd, line.quantity, line.commission_bp
            )
            db.session.add(
                VendorLedgerEntry(
                    vendor_id=vendor.id,
                    kind=LedgerKind.EARNING.value,
                    amount_twd=line.earning_twd,
                    order_line_id=line.id,
                    vendor_order_id=vendor_order.id,
                )
            )


def _reversed(line: OrderLine) -> int:
    """Dollars of the line's earning taken back so far (a positive number)."""
    return -(
        db.session.scalar(
            select(func.coalesce(func.sum(VendorLedgerEntry.amount_twd), 0)).where(
                VendorLedgerEntry.order_line_id == line.id,
                VendorLedgerEntry.kind == LedgerKind.REVERSAL,
            )
        )
        or 0
    )


def _take_back(line: OrderLine, amount: int, return_id: int | None) -> int:
    if amount > 0:
        db.session.add(
            VendorLedgerEntry(
                vendor_id=line.vendor_order.vendor_id,
                kind=LedgerKind.REVERSAL.value,
                amount_twd=-amount,
                order_line_id=line.id,
                vendor_order_id=line.vendor_order_id,
                return_id=return_id,
            )
        )
    return amount


def reverse_all(line: OrderLine) -> int:
    """A cancelled parcel: the line's whole earning goes back. Returns the dollars."""
    if not line.earning_twd:
        return 0
    return _take_back(line, line.earning_twd - _reversed(line), None)


def reverse_returned(line: OrderLine, units: int, return_id: int) -> int:
    """Returned units: the earning of all units received back so far, less what was taken
    back before (several partial returns of a line take back exactly its earning)."""
    from app.models import ReturnLine, ReturnRequest

    if not line.earning_twd:
        return 0
    back = (
        db.session.scalar(
            select(func.coalesce(func.sum(ReturnLine.quantity), 0))
            .join(ReturnRequest, ReturnRequest.id == ReturnLine.return_id)
            .where(
                ReturnLine.order_line_id == line.id,
                ReturnRequest.status.in_(["received", "refunded"]),
                ReturnRequest.id != return_id,
            )
        )
        or 0
    ) + units
    owed_back = rules.share_of_units(line.earning_twd, line.quantity, min(back, line.quantity))
    return _take_back(line, owed_back - _reversed(line), return_id)


@dataclass
class Balance:
    vendor_id: int
    pending: int = 0
    payable: int = 0

    @property
    def total(self) -> int:
        return self.pending + self.payable


def _settled_case():
    return case((VendorOrder.status.in_(SETTLED), True), else_=False)


def balances(vendor_ids: list[int] | None = None) -> dict[int, Balance]:
    """Per vendor: earnings not yet payable (pending), and what may be paid out now (payable,
    after the payouts already made)."""
    settled = _settled_case()
    stmt = (
        select(
            VendorLedgerEntry.vendor_id,
            settled.label("settled"),
            VendorLedgerEntry.kind,
            func.sum(VendorLedgerEntry.amount_twd),
        )
        .outerjoin(VendorOrder, VendorOrder.id == VendorLedgerEntry.vendor_order_id)
        .group_by(VendorLedgerEntry.vendor_id, settled, VendorLedgerEntry.kind)
    )
    if vendor_ids is not None:
        stmt = stmt.where(VendorLedgerEntry.vendor_id.in_(vendor_ids))
    result: dict[int, Balance] = {}
    for vendor_id, is_settled, kind, amount in db.session.execute(stmt):
        balance = result.setdefault(vendor_id, Balance(vendor_id))
        if kind == LedgerKind.PAYOUT or is_settled:
            balance.payable += amount
        else:
            balance.pending += amount
    return result


def balance(vendor: Vendor) -> Balance:
    return balances([vendor.id]).get(vendor.id, Balance(vendor.id))


def record_payout(
    vendor: Vendor, amount_twd, reference: str, paid_on: date, operator, payable_seen=None
) -> Payout:
    """A bank transfer made to a vendor, against the payable amount the operator saw when
    given. Raises PayoutRefused: payout.changed (what is payable is no longer what the page
    showed: another payout was recorded meanwhile, or the same form was sent twice),
    payout.amount (not a whole number above 0, or more than is payable), payout.reference."""
    # one payout of a vendor at a time: two recorded at the same moment (a double click, two
    # operators) would each read the balance before the other took it, and pay it twice
    # (SQLite's writers queue anyway)
    claims.one_at_a_time(vendor)
    payable = balance(vendor).payable
    if payable_seen is not None and payable_seen != payable:
        raise PayoutRefused("payout.changed", field="amount_twd", payable=payable)
    if type(amount_twd) is not int or not 0 < amount_twd <= payable:
        raise PayoutRefused("payout.amount", field="amount_twd", payable=payable)
    reference = (reference or "").strip()
    if not reference or len(reference) > 64:
        raise PayoutRefused("payout.reference", field="bank_reference")
    payout = Payout(
        vendor_id=vendor.id,
        amount_twd=amount_twd,
        bank_reference=reference,
        paid_on=paid_on,
        recorded_by_id=getattr(operator, "id", None),
    )
    db.session.add(payout)
    db.session.flush()
    db.session.add(
        VendorLedgerEntry(
            vendor_id=vendor.id,
            kind=LedgerKind.PAYOUT.value,
            amount_twd=-amount_twd,
            payout_id=payout.id,
        )
    )
    audit.record(
        operator,
        "payout.recorded",
        vendor,
        {"amount_twd": amount_twd, "reference": reference, "paid_on": paid_on.isoformat()},
    )
    return payout


@dataclass
class MonthRow:
    month: str
    earned: int = 0
    reversed: int = 0
    paid_out: int = 0


@dataclass
class Statement:
    balance: Balance
    months: list[MonthRow] = field(default_factory=list)
    #: per vendor order: (vendor order, order ref, earned, reversed, settled)
    orders: list[tuple] = field(default_factory=list)
    payouts: list[Payout] = field(default_factory=list)


def statement(vendor: Vendor, limit: int = 100) -> Statement:
    """The vendor's earnings page: per month and per order, pending vs payable, payouts."""
    rows = db.session.execute(
        select(VendorLedgerEntry.kind, VendorLedgerEntry.amount_twd, VendorLedgerEntry.created_at)
        .where(VendorLedgerEntry.vendor_id == vendor.id)
        .order_by(VendorLedgerEntry.id)
    ).all()
    months: dict[str, MonthRow] = defaultdict(lambda: MonthRow(""))
    for kind, amount, created in rows:
        key = clock.local(created).strftime("%Y-%m")
        row = months[key]
        row.month = key
        if kind == LedgerKind.EARNING:
            row.earned += amount
        elif kind == LedgerKind.REVERSAL:
            row.reversed -= amount
        else:
            row.paid_out -= amount
    per_order = db.session.execute(
        select(
            VendorOrder,
            Order.ref,
            func.sum(
                case((VendorLedgerEntry.kind == "earning", VendorLedgerEntry.amount_twd), else_=0)
            ),
            func.sum(
                case((VendorLedgerEntry.kind == "reversal", VendorLedgerEntry.amount_twd), else_=0)
            ),
        )
        .join(VendorLedgerEntry, VendorLedgerEntry.vendor_order_id == VendorOrder.id)
        .join(Order, Order.id == VendorOrder.order_id)
        .where(VendorOrder.vendor_id == vendor.id)
        .group_by(VendorOrder.id, Order.ref)
        .order_by(VendorOrder.id.desc())
        .limit(limit)
    ).all()
    return Statement(
        balance=balance(vendor),
        months=sorted(months.values(), key=lambda m: m.month, reverse=True),
        orders=[
            (vo, ref, earned, -reversed_, vo.status in SETTLED)
            for vo, ref, earned, reversed_ in per_order
        ],
        payouts=list(
            db.session.scalars(
                select(Payout).where(Payout.vendor_id == vendor.id).order_by(Payout.id.desc())
            )
        ),
    )


def ledger_rows(vendor: Vendor) -> list[tuple]:
    """Every entry with its order reference, oldest first (the CSV export)."""
    return db.session.execute(
        select(
            VendorLedgerEntry.created_at,
            VendorLedgerEntry.kind,
            VendorLedgerEntry.amount_twd,
            Order.ref,
            OrderLine.sku,
            OrderLine.quantity,
            OrderLine.unit_price_twd,
            OrderLine.commission_bp,
            OrderLine.fx_rate,
            Payout.bank_reference,
        )
        .outerjoin(OrderLine, OrderLine.id == VendorLedgerEntry.order_line_id)
        .outerjoin(Order, Order.id == OrderLine.order_id)
        .outerjoin(Payout, Payout.id == VendorLedgerEntry.payout_id)
        .where(VendorLedgerEntry.vendor_id == vendor.id)
        .order_by(VendorLedgerEntry.id)
    ).all()
