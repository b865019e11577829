"""The operators' pages after payment (issue 11), through the test client with CSRF on:
returns a vendor left waiting, refunds Stripe refused, and payouts to vendors.

The shop sells Oolong at NT$680 with a 15% commission, so each unit earns the vendor NT$578.
Orders are paid at the session's localstripe (tests/paid_orders.py) and moved on by the
services (tests/after_sale.py); the operator then acts through the pages.
"""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest
from sqlalchemy import func, select

from app.domain.order_states import Actor
from app.models import (
    AuditEvent,
    OutboxMessage,
    Payout,
    Refund,
    ReturnRequest,
    Variant,
    VendorLedgerEntry,
)
from app.models.user import Role
from app.services import clock, outbox
from app.services.orders import earnings, returns
from app.transaction import unit_of_work
from tests.after_sale import (
    PHOTO,
    approved_return,
    ask_return,
    delivered_order,
    settle,
    stripe_refuses_refunds,
    stuck_refund,
)
from tests.conftest import Browser, csrf_from
from tests.factories import PASSWORD

OPS = "/en/ops"


@pytest.fixture
def shop(db, make):
    vendor = make.vendor(
        slug="lin-tea", name_en="Lin Family Tea", name_zh_hant="林家茶園", commission_bp=1500
    )
    make.user(Role.VENDOR, email="owner@lin-tea.example", vendor=vendor)
    product = make.product(
        vendor,
        handle="oolong",
        names={"en": "Dong Ding Oolong"},
        variants=[{"sku": "DD-150", "price_twd": 680, "stock": 20, "weight_g": 300}],
    )
    db.session.commit()
    return vendor, product.variants[0]


@pytest.fixture
def ops(app, db, make) -> Browser:
    """An operator, signed in."""
    operator = make.user(Role.OPERATOR, email="ops@example.com", name="Olivia Ops")
    db.session.commit()
    browser = Browser(app.test_client())
    browser.sign_in(operator.email, PASSWORD, "en")
    browser.operator = operator
    return browser


def text(response) -> str:
    """The page's words, without markup."""
    html = response.get_data(as_text=True)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def post(browser: Browser, page: str, action: str, data: dict):
    """Send a form of `page` as the person reading it would (the page's CSRF token)."""
    return browser.submit(page, data, action=action)


def audit_rows(db, action: str) -> list[AuditEvent]:
    db.session.expire_all()
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def section(page: str, start: str, end: str | None = None) -> str:
    """The words of the page from heading `start` up to heading `end`."""
    after = page.split(start, 1)[1]
    return after.split(end, 1)[0] if end else after


# -- returns ------------------------------------------------------------------------------------

OVERDUE = "Waiting for the vendor for more than 3 days"
OTHERS = "Other open returns"


def test_the_returns_page_puts_returns_vendors_left_waiting_first(db, shop, ops):
    vendor, oolong = shop
    late_order = delivered_order(oolong, 2, email="late@example.com")
    late = ask_return(late_order, 1, "Leaves smell musty", photos=[PHOTO], days_ago=4)
    fresh_order = delivered_order(oolong, 1, email="fresh@example.com")
    fresh = ask_return(fresh_order, 1, "Bought twice by mistake", days_ago=1)
    approved_order = delivered_order(oolong, 1, email="approved@example.com")
    approved_return(approved_order, 1, reason="Too bitter")
    closed_order = delivered_order(oolong, 1, email="closed@example.com")
    closed = ask_return(closed_order, 1, "Changed my mind")
    with unit_of_work():
        returns.decide(closed, False, None, Actor.VENDOR, "The seal is broken")

    response = ops.get(f"{OPS}/returns")

    assert response.status_code == 200
    page = text(response)
    waiting = section(page, OVERDUE, OTHERS)
    others = section(page, OTHERS)
    # the one a vendor has left for 4 days, with everything the operator decides on
    assert late_order.ref in waiting
    assert "Lin Family Tea 林家茶園" in waiting
    assert "Leaves smell musty" in waiting
    assert "Dong Ding Oolong (DD-150): 1 of 2" in waiting
    assert "4 days ago" in waiting
    assert "The vendor has not decided for more than 3 days" in waiting
    assert fresh_order.ref not in waiting
    assert approved_order.ref not in waiting
    html = response.get_data(as_text=True)
    # the shopper's photo, through the private route only (never the public /media/ path)
    assert re.search(
        r'<a href="/en/return-photos/(\d+)/zoom\.webp"><img src="/en/return-photos/\1/thumb\.webp"',
        html,
    )
    assert PHOTO.key not in html
    assert 'alt="Photo 1 from the shopper"' in html
    # every other open return below, each with what may be done with it
    assert fresh_order.ref in others
    assert "1 day ago" in others
    assert approved_order.ref in others
    assert "Return approved" in others
    assert "Confirm the goods were received" in others
    assert late_order.ref not in others
    # a decided (rejected) return is no longer open
    assert closed_order.ref not in page
    assert html.count(f'action="/en/ops/returns/{late.id}/decide"') == 2  # approve, reject
    assert html.count(f'action="/en/ops/returns/{fresh.id}/decide"') == 2


def test_an_operator_approves_a_waiting_return_and_confirms_the_goods_came_back(
    db, shop, ops, outbox, localstripe
):
    vendor, oolong = shop
    order = delivered_order(oolong, 2)
    requested = ask_return(order, 1, days_ago=4)
    page = f"{OPS}/returns"
    outbox.clear()

    approved = post(ops, page, f"{OPS}/returns/{requested.id}/decide", {"decision": "approve"})

    assert approved.status_code == 303
    db.session.expire_all()
    assert db.session.get(ReturnRequest, requested.id).status == "approved"
    assert db.session.get(ReturnRequest, requested.id).decided_by_id == ops.operator.id
    assert [m["To"] for m in outbox] == ["buyer@example.com"]
    assert outbox[0]["Subject"] == f"Order {order.ref}: your return is approved"
    assert [(a.actor_id, a.target_id) for a in audit_rows(db, "return.approved")] == [
        (ops.operator.id, requested.id)
    ]
    assert "Return approved. The shopper was told." in text(ops.get(page))
    on_hand = db.session.get(Variant, oolong.id).on_hand

    received = post(ops, page, f"{OPS}/returns/{requested.id}/receive", {})

    assert received.status_code == 303
    db.session.expire_all()
    done = db.session.get(ReturnRequest, requested.id)
    assert done.status == "refunded"  # Stripe refunded it right after the commit
    refunds = localstripe.get("/v1/refunds", payment_intent=order.payment_intent_id)["data"]
    assert [r["amount"] for r in refunds] == [done.refund_minor]
    assert db.session.get(Variant, oolong.id).on_hand == on_hand + 1
    assert [a.target_id for a in audit_rows(db, "return.received")] == [requested.id]
    assert order.ref not in text(ops.get(page))  # nothing left to do on it


def test_rejecting_a_return_needs_a_reason_that_the_shopper_is_sent(db, shop, ops, outbox):
    vendor, oolong = shop
    order = delivered_order(oolong, 1)
    requested = ask_return(order, 1, days_ago=5)
    page = f"{OPS}/returns"
    action = f"{OPS}/returns/{requested.id}/decide"
    outbox.clear()

    refused = post(ops, page, action, {"decision": "reject", "note": "  "})

    assert refused.status_code == 200
    assert "Say why the return is rejected: the shopper reads it." in text(refused)
    assert 'aria-invalid="true"' in refused.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(ReturnRequest, requested.id).status == "requested"
    assert outbox == []
    assert audit_rows(db, "return.rejected") == []

    reason = "The photos show the seal was opened after delivery."
    rejected = post(ops, page, action, {"decision": "reject", "note": reason})

    assert rejected.status_code == 303
    db.session.expire_all()
    assert db.session.get(ReturnRequest, requested.id).status == "rejected"
    assert [m["Subject"] for m in outbox] == [f"Order {order.ref}: your return was not accepted"]
    assert reason in outbox[0].get_content()
    [row] = audit_rows(db, "return.rejected")
    assert (row.actor_id, row.data["note"]) == (ops.operator.id, reason)

    # a second operator, still looking at the old page, is told it is done
    again = post(ops, page, action, {"decision": "approve"})
    assert again.status_code == 303
    assert "This return was already handled: it is now “Return rejected”." in text(ops.get(page))
    db.session.expire_all()
    assert db.session.get(ReturnRequest, requested.id).status == "rejected"
    assert len(outbox) == 1


# -- refunds ------------------------------------------------------------------------------------


def test_a_refund_stripe_refused_is_shown_and_retry_refunds_it_exactly_once(
    db, shop, ops, localstripe
):
    vendor, oolong = shop
    order = delivered_order(oolong, 2)
    refund = stuck_refund(order)
    intent = order.payment_intent_id
    assert localstripe.get("/v1/refunds", payment_intent=intent)["data"] == []

    listed = ops.get(f"{OPS}/refunds")

    assert listed.status_code == 200
    page = text(listed)
    assert order.ref in page
    assert "Returned goods" in page
    assert "Your card's issuer refused the refund." in page
    assert "Next attempt" in page  # the outbox keeps trying on its own meanwhile
    amount = refund.amount_minor
    assert f"THB {amount // 100:,}.{amount % 100:02d}" in page
    html = listed.get_data(as_text=True)
    assert f'action="/en/ops/refunds/{refund.id}/retry"' in html

    retried = post(ops, f"{OPS}/refunds", f"{OPS}/refunds/{refund.id}/retry", {})

    assert retried.status_code == 303
    db.session.expire_all()
    assert db.session.get(Refund, refund.id).status == "succeeded"
    assert db.session.get(Refund, refund.id).error is None
    refunds = localstripe.get("/v1/refunds", payment_intent=intent)["data"]
    assert [r["amount"] for r in refunds] == [amount]
    [row] = audit_rows(db, "refund.retried")
    assert (row.actor_id, row.target_id) == (ops.operator.id, refund.id)
    assert row.data["error"] == "Your card's issuer refused the refund."
    after = text(ops.get(f"{OPS}/refunds"))
    assert "Refunded: Stripe accepted the refund." in after
    assert order.ref not in after

    # pressing Retry again (an old tab) sends nothing more
    again = ops.client.post(
        f"{OPS}/refunds/{refund.id}/retry", data={"csrf_token": csrf_from(html)}
    )
    assert again.status_code == 303
    assert "This refund is no longer waiting: nothing was sent again." in text(
        ops.get(f"{OPS}/refunds")
    )
    assert len(localstripe.get("/v1/refunds", payment_intent=intent)["data"]) == 1
    assert len(audit_rows(db, "refund.retried")) == 1


def test_a_refund_whose_delivery_gave_up_is_shown_and_retried(
    db, shop, ops, localstripe, monkeypatch
):
    """Not a Stripe answer this time: the call itself kept failing until the outbox gave up."""
    vendor, oolong = shop
    order = delivered_order(oolong, 1)
    requested = approved_return(order, 1)
    start = clock.now()
    unreachable = ConnectionError("Stripe unreachable")
    with stripe_refuses_refunds(times=None, error=unreachable) as refused:
        with unit_of_work():
            returns.receive(requested, None, Actor.VENDOR)
        for later in (1, 2, 3, 4):  # each wait of the backoff has passed
            monkeypatch.setattr(
                clock, "now", lambda later=later: start + timedelta(hours=3 * later)
            )
            outbox.deliver()
    monkeypatch.undo()  # back to the real time
    assert len(refused) == outbox.MAX_ATTEMPTS
    db.session.expire_all()
    message = db.session.scalar(select(OutboxMessage).where(OutboxMessage.kind == "refund"))
    assert (message.status, message.attempts) == ("failed", outbox.MAX_ATTEMPTS)
    refund = db.session.scalar(select(Refund).where(Refund.order_id == order.id))
    assert (refund.status, refund.error) == ("pending", None)

    page = text(ops.get(f"{OPS}/refunds"))

    assert order.ref in page
    assert f"Gave up after {outbox.MAX_ATTEMPTS} attempts" in page
    assert "ConnectionError: Stripe unreachable" in page

    retried = post(ops, f"{OPS}/refunds", f"{OPS}/refunds/{refund.id}/retry", {})

    assert retried.status_code == 303
    db.session.expire_all()
    assert db.session.get(Refund, refund.id).status == "succeeded"
    refunds = localstripe.get("/v1/refunds", payment_intent=order.payment_intent_id)["data"]
    assert [r["amount"] for r in refunds] == [refund.amount_minor]
    assert order.ref not in text(ops.get(f"{OPS}/refunds"))


# -- payouts ------------------------------------------------------------------------------------


def sold_returned_settled(oolong):
    """Three units sold (NT$1,734 earned), one returned and refunded (NT$578 taken back), the
    parcel's window closed: NT$1,156 payable."""
    order = delivered_order(oolong, 3)
    requested = approved_return(order, 1)
    with unit_of_work():
        returns.receive(requested, None, Actor.VENDOR)
    settle(order)
    return order


def ledger(db, vendor) -> dict[str, int]:
    db.session.expire_all()
    rows = db.session.execute(
        select(VendorLedgerEntry.kind, func.sum(VendorLedgerEntry.amount_twd))
        .where(VendorLedgerEntry.vendor_id == vendor.id)
        .group_by(VendorLedgerEntry.kind)
    )
    return dict(rows.all())


def test_the_payouts_page_shows_what_each_vendor_is_owed(db, shop, ops, make):
    vendor, oolong = shop
    sold_returned_settled(oolong)
    delivered_order(oolong, 1)  # still in its cooling-off window: NT$578 pending
    quiet = make.vendor(slug="quiet-shop", name_en="Quiet Shop")
    db.session.commit()

    response = ops.get(f"{OPS}/payouts")

    assert response.status_code == 200
    page = text(response)
    assert "Lin Family Tea 林家茶園 NT$578 NT$1,156 NT$1,734" in page
    assert quiet.name_en not in page  # nothing earned, nothing owed
    assert f'href="/en/ops/payouts/{vendor.id}"' in response.get_data(as_text=True)


def test_a_payout_is_recorded_only_up_to_what_is_payable_and_the_ledger_balances(db, shop, ops):
    vendor, oolong = shop
    sold_returned_settled(oolong)
    page = f"{OPS}/payouts/{vendor.id}"
    form = {"bank_reference": "CTBC 0088-1130-77", "paid_on": "2026-11-30"}

    too_much = ops.submit(page, {**form, "amount_twd": "1157"})

    assert too_much.status_code == 200
    assert "Enter a whole number of dollars from NT$1 to NT$1,156 (what is payable now)." in text(
        too_much
    )
    assert 'id="amount_twd-error"' in too_much.get_data(as_text=True)
    nothing = ops.submit(page, {**form, "amount_twd": "0"})
    assert "from NT$1 to NT$1,156" in text(nothing)
    no_reference = ops.submit(page, {**form, "amount_twd": "1000", "bank_reference": " "})
    assert no_reference.status_code == 200
    assert 'id="bank_reference-error"' in no_reference.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Payout)) == 0

    # the operator's page, as it was before the payout is recorded (for a second send below)
    stale = ops.get(page).get_data(as_text=True)
    recorded = ops.submit(page, {**form, "amount_twd": "1,000"})

    assert recorded.status_code == 303
    db.session.expire_all()
    [payout] = db.session.scalars(select(Payout)).all()
    assert (payout.amount_twd, payout.bank_reference, payout.paid_on.isoformat()) == (
        1000,
        "CTBC 0088-1130-77",
        "2026-11-30",
    )
    assert payout.recorded_by_id == ops.operator.id
    [row] = audit_rows(db, "payout.recorded")
    assert (row.actor_id, row.target_id, row.data["amount_twd"]) == (
        ops.operator.id,
        vendor.id,
        1000,
    )
    after = text(ops.get(page))
    assert "Recorded a payout of NT$1,000 to Lin Family Tea." in after
    assert "NT$1,000 CTBC 0088-1130-77" in after
    assert "NT$156 payable" in after

    # the vendor sees it, and the ledger adds up: earnings − reversals − payouts = balance
    statement = earnings.statement(vendor)
    assert [(p.amount_twd, p.bank_reference) for p in statement.payouts] == [
        (1000, "CTBC 0088-1130-77")
    ]
    assert (statement.balance.pending, statement.balance.payable) == (0, 156)
    sums = ledger(db, vendor)
    assert sums == {"earning": 1734, "reversal": -578, "payout": -1000}
    assert 1734 - 578 - 1000 == sum(sums.values()) == statement.balance.total == 156

    # the same form sent again (a double click, a reload) records nothing more
    again = ops.client.post(
        page,
        data={
            **form,
            "amount_twd": "100",
            "payable_seen": re.search(r'name="payable_seen"[^>]*value="(\d+)"', stale).group(1),
            "csrf_token": csrf_from(stale),
        },
    )
    assert again.status_code == 200
    assert "What is payable changed while this page was open (it is now NT$156)" in text(again)
    assert db.session.scalar(select(func.count()).select_from(Payout)) == 1


def test_the_vendor_reads_the_payout_on_their_earnings_page(app, db, shop, ops):
    vendor, oolong = shop
    sold_returned_settled(oolong)
    assert (
        ops.submit(
            f"{OPS}/payouts/{vendor.id}",
            {"amount_twd": "1156", "bank_reference": "ESUN-7781", "paid_on": "2026-11-30"},
        ).status_code
        == 303
    )
    owner = Browser(app.test_client())
    owner.sign_in("owner@lin-tea.example", PASSWORD, "en")

    page = text(owner.get("/en/vendor/earnings"))

    assert "ESUN-7781" in page
    assert "NT$0 payable" in page
