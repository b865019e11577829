"""The order state machine, table-driven (indico's transactions_test.py): every move the
design allows, by whom, is allowed; every other (from, to, who) is refused."""

from __future__ import annotations

import itertools

import pytest

from app.domain.order_states import (
    Actor,
    OrderStatus,
    ReturnStatus,
    VendorOrderStatus,
    order_move_allowed,
    return_move_allowed,
    vendor_order_move_allowed,
)

#: DESIGN.md, Orders: an order is paid, or ends unpaid (expired, cancelled); a payment that
#: arrives after it ended makes it paid when the stock can be held again. Paid is final here
#: (what happens after payment happens to its vendor orders).
ORDER_ALLOWED = {
    ("awaiting_payment", "paid"),
    ("awaiting_payment", "expired"),
    ("awaiting_payment", "cancelled"),
    ("expired", "paid"),
    ("cancelled", "paid"),
}

VENDOR, OPERATOR, SHOPPER, SYSTEM = "vendor", "operator", "shopper", "system"
SHIPPERS = {VENDOR, OPERATOR}

#: awaiting_payment → paid → accepted → shipped → delivered → completed, each by whom;
#: cancelled before shipping; a parcel cancelled because its order was never paid goes to the
#: vendor after all when the payment comes late (only the store itself moves unpaid parcels).
VENDOR_ORDER_ALLOWED = {
    ("awaiting_payment", "paid"): {SYSTEM},
    ("awaiting_payment", "cancelled"): {SYSTEM},
    ("cancelled", "paid"): {SYSTEM},
    ("paid", "accepted"): SHIPPERS,
    ("paid", "cancelled"): SHIPPERS,
    ("accepted", "shipped"): SHIPPERS,
    ("accepted", "cancelled"): SHIPPERS,
    ("shipped", "delivered"): {VENDOR, OPERATOR, SHOPPER},
    ("delivered", "completed"): {SYSTEM},
}

#: a return: requested → approved | rejected; approved → received → refunded
RETURN_ALLOWED = {
    ("requested", "approved"): SHIPPERS,
    ("requested", "rejected"): SHIPPERS,
    ("approved", "received"): SHIPPERS,
    ("received", "refunded"): {SYSTEM},
}

ACTORS = [a.value for a in Actor]


def test_the_statuses_and_actors_are_the_designed_ones():
    assert {s.value for s in OrderStatus} == {"awaiting_payment", "paid", "expired", "cancelled"}
    assert {s.value for s in VendorOrderStatus} == {
        "awaiting_payment",
        "paid",
        "accepted",
        "shipped",
        "delivered",
        "completed",
        "cancelled",
    }
    assert {s.value for s in ReturnStatus} == {
        "requested",
        "approved",
        "rejected",
        "received",
        "refunded",
    }
    assert set(ACTORS) == {VENDOR, OPERATOR, SHOPPER, SYSTEM}


@pytest.mark.parametrize(
    ("current", "wanted"), list(itertools.product([s.value for s in OrderStatus], repeat=2))
)
def test_an_order_moves_only_as_the_table_says(current, wanted):
    assert order_move_allowed(current, wanted) == ((current, wanted) in ORDER_ALLOWED)


@pytest.mark.parametrize(
    ("current", "wanted"),
    list(itertools.product([s.value for s in VendorOrderStatus], repeat=2)),
)
def test_a_vendor_order_moves_only_as_the_table_says_and_only_by_whom_it_says(current, wanted):
    allowed = VENDOR_ORDER_ALLOWED.get((current, wanted), set())
    for actor in ACTORS:
        assert vendor_order_move_allowed(current, wanted, actor) == (actor in allowed), actor


@pytest.mark.parametrize(
    ("current", "wanted"), list(itertools.product([s.value for s in ReturnStatus], repeat=2))
)
def test_a_return_moves_only_as_the_table_says_and_only_by_whom_it_says(current, wanted):
    allowed = RETURN_ALLOWED.get((current, wanted), set())
    for actor in ACTORS:
        assert return_move_allowed(current, wanted, actor) == (actor in allowed), actor


def test_without_an_actor_a_vendor_order_move_is_the_store_s_own():
    assert vendor_order_move_allowed("awaiting_payment", "paid")
    assert not vendor_order_move_allowed("paid", "accepted")


def test_nothing_moves_to_or_from_a_status_that_does_not_exist():
    for status in OrderStatus:
        assert not order_move_allowed(status, "refunded")
        assert not order_move_allowed("refunded", status)
    for status, actor in itertools.product(VendorOrderStatus, ACTORS):
        assert not vendor_order_move_allowed(status, "lost", actor)
        assert not vendor_order_move_allowed("lost", status, actor)
    assert not vendor_order_move_allowed("paid", "accepted", "stranger")


def test_a_shipped_parcel_can_no_longer_be_cancelled_and_nothing_goes_backwards():
    for status, actor in itertools.product(("shipped", "delivered", "completed"), ACTORS):
        assert not vendor_order_move_allowed(status, "cancelled", actor)
    flow = ["awaiting_payment", "paid", "accepted", "shipped", "delivered", "completed"]
    for later, earlier in itertools.combinations(reversed(flow), 2):
        for actor in ACTORS:
            assert not vendor_order_move_allowed(later, earlier, actor)
    assert not order_move_allowed("paid", "awaiting_payment")
    assert not order_move_allowed("expired", "awaiting_payment")
