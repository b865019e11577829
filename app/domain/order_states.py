"""Order states and the moves between them, as data (indico's payment transactions; DESIGN.md,
Orders). One service writes states (services.checkout.lifecycle, later services.orders); it
asks `allowed` first and refuses anything else."""

from __future__ import annotations

from enum import StrEnum


class OrderStatus(StrEnum):
    AWAITING_PAYMENT = "awaiting_payment"
    PAID = "paid"
    #: unpaid past its time: the reservation went back on sale
    EXPIRED = "expired"
    #: the shopper gave up before paying
    CANCELLED = "cancelled"


class VendorOrderStatus(StrEnum):
    AWAITING_PAYMENT = "awaiting_payment"
    PAID = "paid"
    ACCEPTED = "accepted"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    COMPLETED = "completed"
    #: before shipping, by the vendor, an operator, or because the order was never paid
    CANCELLED = "cancelled"


#: order status → statuses it may move to
ORDER_MOVES: dict[str, frozenset[str]] = {
    OrderStatus.AWAITING_PAYMENT: frozenset(
        {OrderStatus.PAID, OrderStatus.EXPIRED, OrderStatus.CANCELLED}
    ),
    # a payment that arrives after the order ran out of time or was given up: it is paid when
    # the stock can be held again (else the money goes back and the order stays as it was)
    OrderStatus.EXPIRED: frozenset({OrderStatus.PAID}),
    OrderStatus.CANCELLED: frozenset({OrderStatus.PAID}),
    OrderStatus.PAID: frozenset(),
}

VENDOR_ORDER_MOVES: dict[str, frozenset[str]] = {
    VendorOrderStatus.AWAITING_PAYMENT: frozenset(
        {VendorOrderStatus.PAID, VendorOrderStatus.CANCELLED}
    ),
    VendorOrderStatus.PAID: frozenset({VendorOrderStatus.ACCEPTED, VendorOrderStatus.CANCELLED}),
    VendorOrderStatus.ACCEPTED: frozenset({VendorOrderStatus.SHIPPED, VendorOrderStatus.CANCELLED}),
    VendorOrderStatus.SHIPPED: frozenset({VendorOrderStatus.DELIVERED}),
    VendorOrderStatus.DELIVERED: frozenset({VendorOrderStatus.COMPLETED}),
    VendorOrderStatus.COMPLETED: frozenset(),
    # an order never paid, paid late after all: its parcels go to the vendor after all
    VendorOrderStatus.CANCELLED: frozenset({VendorOrderStatus.PAID}),
}


def order_move_allowed(current: str, wanted: str) -> bool:
    return wanted in ORDER_MOVES.get(current, frozenset())


def vendor_order_move_allowed(current: str, wanted: str) -> bool:
    return wanted in VENDOR_ORDER_MOVES.get(current, frozenset())
