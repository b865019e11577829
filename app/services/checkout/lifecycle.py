"""What happens to an order after it is placed: paid (only from a signed webhook), expired when
unpaid for too long, cancelled by the shopper; and a payment that cannot be kept refunded in
full at once.

Every move is a conditional UPDATE on the status the move starts from (the transition table
says which), so a webhook and the expiry sweep racing for one order cannot both win: the loser
sees the row moved and takes the other path.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime

from sqlalchemy import select, update

from app.domain.money import minor_unit
from app.domain.order_states import (
    OrderStatus,
    VendorOrderStatus,
    order_move_allowed,
    vendor_order_move_allowed,
)
from app.extensions import db
from app.integrations.stripe_payments import stripe_amount
from app.models import Order, OrderLine, Payment, VendorOrder
from app.models.payment import PaymentStatus
from app.services import clock, inventory, outbox
from app.services.checkout import events, payments, refunds

EXPIRE_BATCH = 200


def _move(order: Order, to: str, actor=None, note: str = "") -> bool:
    """Move the order from the status it has to `to`, if the table allows and nobody moved it
    first. Returns whether this call moved it."""
    current = order.status
    if not order_move_allowed(current, to):
        return False
    moved = db.session.execute(
        update(Order)
        .where(Order.id == order.id, Order.status == current)
        .values(status=to, updated_at=clock.now())
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(order)
    if moved.rowcount != 1:
        return False
    events.record(order, "status", from_status=current, to_status=to, actor=actor, note=note)
    return True


def _move_parcels(order: Order, to: str) -> None:
    for vendor_order in db.session.scalars(
        select(VendorOrder).where(VendorOrder.order_id == order.id)
    ):
        if vendor_order_move_allowed(vendor_order.status, to):
            events.record(
                order,
                "status",
                vendor_order=vendor_order,
                from_status=vendor_order.status,
                to_status=to,
            )
            vendor_order.status = to


def _lines(order: Order) -> list[OrderLine]:
    """In the order stock movements lock them (see inventory)."""
    return list(
        db.session.scalars(
            select(OrderLine)
            .where(OrderLine.order_id == order.id)
            .order_by(OrderLine.product_id, OrderLine.variant_id)
        )
    )


def _release(order: Order) -> None:
    for line in _lines(order):
        inventory.release(line.variant_id, line.quantity, reference=order.ref)


def _reserve_again(order: Order) -> bool:
    """Hold every line's stock again (a late payment); all or nothing."""
    held = []
    for line in _lines(order):
        if not inventory.reserve(line.variant_id, line.quantity, reference=order.ref):
            for variant_id, quantity in held:
                inventory.release(variant_id, quantity, reference=order.ref)
            return False
        held.append((line.variant_id, line.quantity))
    return True


# -- paid -----------------------------------------------------------------------------------------


def payment_succeeded(intent_id: str, amount: int | None, currency: str) -> str:
    """A signed payment_intent.succeeded: the order is paid, or, when it can no longer be
    kept, the money goes back in full at once."""
    payment = db.session.scalar(select(Payment).where(Payment.intent_id == intent_id))
    if payment is None:
        return "ignored: unknown intent"
    if payment.status == PaymentStatus.SUCCEEDED:
        return "already recorded"
    order = db.session.get(Order, payment.order_id)
    expected = stripe_amount(payment.amount_minor, payment.currency, minor_unit(payment.currency))
    payment.status = PaymentStatus.SUCCEEDED.value
    payment.succeeded_at = clock.now()
    if (amount, currency) != (expected, payment.currency):
        refunds.request(order, payment, payment.amount_minor, "amount_mismatch")
        return f"refunded: paid {amount} {currency}, expected {expected} {payment.currency}"
    if order.status == OrderStatus.PAID:
        refunds.request(order, payment, payment.amount_minor, "paid_twice")
        return "refunded: the order was already paid"
    if order.status == OrderStatus.AWAITING_PAYMENT and _move(order, OrderStatus.PAID):
        _paid(order, payment)
        return "paid"
    # it expired or was cancelled before the money came (maybe this very moment)
    if _reserve_again(order) and _move(order, OrderStatus.PAID, note="paid after it expired"):
        _paid(order, payment)
        return "paid late: stock held again"
    refunds.request(order, payment, payment.amount_minor, "stock_gone")
    outbox.mail(
        order.email,
        "mail/order_refunded_unavailable.txt",
        order.language,
        order=order,
        link=order_link(order),
    )
    return "refunded: the order had expired and the stock is gone"


def _paid(order: Order, payment: Payment) -> None:
    from app.services.orders import earnings

    order.paid_at = clock.now()
    _move_parcels(order, VendorOrderStatus.PAID)
    earnings.record_sale(order)
    for other in db.session.scalars(
        select(Payment).where(
            Payment.order_id == order.id,
            Payment.status == PaymentStatus.OPEN,
            Payment.id != payment.id,
        )
    ):
        payments.cancel(other)
    from app.services.checkout import confirmation

    confirmation.send(order)


def payment_failed(intent_id: str, code: str | None) -> str:
    """The card was refused: the order stays payable with another card (and keeps its
    reservation until it expires)."""
    payment = db.session.scalar(select(Payment).where(Payment.intent_id == intent_id))
    if payment is None:
        return "ignored: unknown intent"
    payment.last_error = (code or "card_declined")[:64]
    return f"declined: {payment.last_error}"


# -- unpaid ---------------------------------------------------------------------------------------


def _end_unpaid(order: Order, to: str, actor=None) -> bool:
    if not _move(order, to, actor=actor):
        return False
    _release(order)
    _move_parcels(order, VendorOrderStatus.CANCELLED)
    for payment in db.session.scalars(
        select(Payment).where(Payment.order_id == order.id, Payment.status == PaymentStatus.OPEN)
    ):
        payments.cancel(payment)
    return True


def cancel(order: Order, actor=None) -> bool:
    """The shopper gives up before paying: the stock goes back on sale."""
    return _end_unpaid(order, OrderStatus.CANCELLED, actor)


def expire_due(
    now: datetime | None = None,
    limit: int = EXPIRE_BATCH,
    each: Callable[[], AbstractContextManager] = nullcontext,
) -> int:
    """Orders unpaid past their time give their stock back. Safe to run from cron, the worker
    and beside requests at once. Returns how many expired.

    `each` wraps every order's expiry (callers pass unit_of_work): one short transaction per
    order, so an expiry never holds many orders' stock locks at once while checkouts take the
    same rows in another order (a deadlock on PostgreSQL).
    """
    now = now or clock.now()
    due = db.session.scalars(
        select(Order.id)
        .where(Order.status == OrderStatus.AWAITING_PAYMENT, Order.expires_at <= now)
        .order_by(Order.expires_at, Order.id)
        .limit(limit)
    ).all()
    expired = 0
    for order_id in due:
        with each():
            order = db.session.get(Order, order_id)
            if order is not None and _end_unpaid(order, OrderStatus.EXPIRED):
                expired += 1
    return expired


def order_link(order: Order) -> str:
    from app.services.checkout import queries

    return queries.link(order)
