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


class Actor(StrEnum):
    VENDOR = "vendor"
    OPERATOR = "operator"
    SHOPPER = "shopper"
    #: the store itself: webhooks, the expiry sweep, the cooling-off clock
    SYSTEM = "system"


_PEOPLE_WHO_SHIP = frozenset({Actor.VENDOR, Actor.OPERATOR})
V = VendorOrderStatus

#: (from, to) → who may make that move
VENDOR_ORDER_MOVES: dict[tuple[str, str], frozenset[str]] = {
    (V.AWAITING_PAYMENT, V.PAID): frozenset({Actor.SYSTEM}),
    (V.AWAITING_PAYMENT, V.CANCELLED): frozenset({Actor.SYSTEM}),
    # an order never paid that is paid late after all: its parcels go to the vendor after all
    # (a parcel cancelled after payment never comes back: the money went back with it)
    (V.CANCELLED, V.PAID): frozenset({Actor.SYSTEM}),
    (V.PAID, V.ACCEPTED): _PEOPLE_WHO_SHIP,
    (V.PAID, V.CANCELLED): _PEOPLE_WHO_SHIP,
    (V.ACCEPTED, V.SHIPPED): _PEOPLE_WHO_SHIP,
    (V.ACCEPTED, V.CANCELLED): _PEOPLE_WHO_SHIP,
    (V.SHIPPED, V.DELIVERED): frozenset({Actor.VENDOR, Actor.OPERATOR, Actor.SHOPPER}),
    # the cooling-off window closed with no return open
    (V.DELIVERED, V.COMPLETED): frozenset({Actor.SYSTEM}),
}


class ReturnStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    #: the vendor has the goods back; the refund follows
    RECEIVED = "received"
    REFUNDED = "refunded"


R = ReturnStatus
#: (from, to) → who may make that move (operators step in when a vendor does not decide within
#: 3 days, and may always)
RETURN_MOVES: dict[tuple[str, str], frozenset[str]] = {
    (R.REQUESTED, R.APPROVED): _PEOPLE_WHO_SHIP,
    (R.REQUESTED, R.REJECTED): _PEOPLE_WHO_SHIP,
    (R.APPROVED, R.RECEIVED): _PEOPLE_WHO_SHIP,
    (R.RECEIVED, R.REFUNDED): frozenset({Actor.SYSTEM}),
}
#: a return is open while the vendor still has to act on it
OPEN_RETURNS = frozenset({R.REQUESTED, R.APPROVED, R.RECEIVED})


def order_move_allowed(current: str, wanted: str) -> bool:
    return wanted in ORDER_MOVES.get(current, frozenset())


def vendor_order_move_allowed(current: str, wanted: str, actor: str = Actor.SYSTEM) -> bool:
    return actor in VENDOR_ORDER_MOVES.get((current, wanted), frozenset())


def return_move_allowed(current: str, wanted: str, actor: str) -> bool:
    return actor in RETURN_MOVES.get((current, wanted), frozenset())
