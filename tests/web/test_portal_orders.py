"""The vendor's orders, parcel page, packing slip and earnings in the portal, used through the
pages with their CSRF tokens, against orders paid at the session's localstripe."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta
from functools import cache
from urllib.parse import urlsplit

import pytest
import segno
from sqlalchemy import func, select, update
from werkzeug.security import generate_password_hash

from app.domain.money import Money
from app.models import OrderEvent, Refund, ReturnRequest, Variant, VendorLedgerEntry, VendorOrder
from app.models.user import Role
from app.services import accounts
from app.services.orders import earnings, fulfilment, returns
from app.transaction import unit_of_work
from app.web.formatting import format_money, money_locale
from tests.conftest import Browser, csrf_from
from tests.factories import PASSWORD
from tests.paid_orders import paid_order, parcel_of

PORTAL = "/en/vendor"


@pytest.fixture(autouse=True)
def _hash_each_password_once(monkeypatch):
    monkeypatch.setattr(accounts, "generate_password_hash", cache(generate_password_hash))


@pytest.fixture
def shop(db, make):
    vendor = make.vendor(slug="tea-shop", name_en="Tea Shop", commission_bp=1500)
    owner = make.user(Role.VENDOR, email="owner@tea.example", vendor=vendor)
    oolong = make.product(
        vendor,
        names={"en": "Oolong"},
        hs_code="090230",
        origin="TW",
        variants=[
            {
                "sku": "OOL-1",
                "price_twd": 680,
                "stock": 30,
                "weight_g": 300,
                "labels": {"en": "150 g"},
            }
        ],
    )
    db.session.commit()
    return vendor, owner, oolong.variants[0]


def signed_in(app, user) -> Browser:
    browser = Browser(app.test_client())
    browser.sign_in(user.email, PASSWORD, "en")
    return browser


def page_of(parcel) -> str:
    return f"{PORTAL}/orders/{parcel.id}"


def act(browser: Browser, parcel, action: str, **data):
    """Post one of the parcel page's forms as the page has it (its token and hidden fields)."""
    page = browser.get(page_of(parcel))
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    seen = re.search(r'name="seen" value="([a-z_]+)"', html)
    fields = {"csrf_token": csrf_from(html)} | ({"seen": seen.group(1)} if seen else {}) | data
    return browser.client.post(f"{page_of(parcel)}/{action}", data=fields)


def status_of(db, parcel) -> str:
    db.session.expire_all()
    return db.session.get(VendorOrder, parcel.id).status


def text(response) -> str:
    return response.get_data(as_text=True)


def followed(browser: Browser, response) -> str:
    assert response.status_code == 303, response.status_code
    return text(browser.get(urlsplit(response.headers["Location"]).path))


# -- who sees what ----------------------------------------------------------------------------


def test_a_vendor_sees_only_its_own_parcels(app, db, make, shop):
    vendor, owner, variant = shop
    rival = make.vendor(slug="rival-tea")
    make.user(Role.VENDOR, email="owner@rival.example", vendor=rival)
    rival_tea = make.product(rival, variants=[{"sku": "RIV-1", "price_twd": 500, "stock": 5}])
    db.session.commit()
    own = paid_order([(variant, 1)])
    theirs = paid_order([(rival_tea.variants[0], 1)], email="other@example.com")
    browser = signed_in(app, owner)

    listing = text(browser.get(f"{PORTAL}/orders"))
    rival_parcel = parcel_of(theirs)
    accept = browser.client.post(
        f"{page_of(rival_parcel)}/accept",
        data={"csrf_token": csrf_from(listing), "seen": "paid"},
    )

    assert own.ref in listing
    assert theirs.ref not in listing
    assert browser.get(page_of(parcel_of(own))).status_code == 200
    assert browser.get(page_of(rival_parcel)).status_code == 404
    assert browser.get(f"{page_of(rival_parcel)}/slip").status_code == 404
    assert accept.status_code == 404
    assert status_of(db, rival_parcel) == "paid"


def test_the_list_puts_new_paid_parcels_first_filters_searches_and_pages(
    app, db, shop, monkeypatch
):
    vendor, owner, variant = shop
    first, second, third = (
        paid_order([(variant, 1)], email=f"b{n}@example.com") for n in (1, 2, 3)
    )
    with unit_of_work():
        fulfilment.accept(parcel_of(third), owner)
    browser = signed_in(app, owner)

    def refs(html: str) -> list[str]:
        return re.findall(r">(TGG-[A-Z0-9]+)</a></th>", html)

    everything = text(browser.get(f"{PORTAL}/orders"))
    accepted = text(browser.get(f"{PORTAL}/orders?status=accepted"))
    found = text(browser.get(f"{PORTAL}/orders?q={second.ref[-5:].lower()}"))
    wildcard = text(browser.get(f"{PORTAL}/orders?q=%25"))
    # one parcel a page: "Next page" walks the listing's own order (status, then newest)
    monkeypatch.setattr(fulfilment, "PER_PAGE", 1)
    walked, url = [], f"{PORTAL}/orders"
    while url:
        page = text(browser.get(url))
        walked += refs(page)
        more = re.search(r'href="([^"]+)" rel="next"', page)
        url = more.group(1).replace("&amp;", "&") if more else None

    # new paid parcels first (newest first), then the one being packed
    assert refs(everything) == [second.ref, first.ref, third.ref]
    assert "Being packed" in everything
    assert "Paid" in everything
    assert refs(accepted) == [third.ref]
    assert '<option value="accepted" selected>' in accepted
    assert refs(found) == [second.ref]
    assert refs(wildcard) == []
    assert walked == [second.ref, first.ref, third.ref]


def test_the_dashboard_counts_parcels_waiting_and_links_to_them(app, db, shop):
    vendor, owner, variant = shop
    paid_order([(variant, 1)])
    paid_order([(variant, 2)], email="b2@example.com")
    browser = signed_in(app, owner)

    dashboard = text(browser.get(f"{PORTAL}/"))

    assert "2 paid orders are waiting for you to accept and ship them." in dashboard
    assert f'href="{PORTAL}/orders?status=paid"' in dashboard
    assert f'href="{PORTAL}/orders"' in dashboard
    assert f'href="{PORTAL}/earnings"' in dashboard


# -- acting on a parcel -----------------------------------------------------------------------


def test_accept_ship_and_deliver_through_the_page(app, db, shop, outbox):
    vendor, owner, variant = shop
    order = paid_order([(variant, 2)])
    parcel = parcel_of(order)
    browser = signed_in(app, owner)
    page = text(browser.get(page_of(parcel)))
    assert "Accept the order" in page
    assert "Mark shipped" not in page
    assert all(part in page for part in ("Oolong", "150 g", "OOL-1", "Somchai Jaidee", "10110"))

    accepted = followed(browser, act(browser, parcel, "accept"))
    assert "The shopper was told their parcel is being packed." in accepted
    assert status_of(db, parcel) == "accepted"
    assert '<option value="dhl">DHL Express</option>' in accepted
    assert '<option value="other">Other</option>' in accepted

    wrong = act(browser, parcel, "ship", carrier="dhl", tracking_number="123")
    assert wrong.status_code == 200
    assert re.search(
        r'id="tracking_number-error">This is not a DHL Express tracking number', text(wrong)
    )
    assert 'aria-invalid="true"' in text(wrong)
    assert status_of(db, parcel) == "accepted"

    shipped = followed(
        browser, act(browser, parcel, "ship", carrier="dhl", tracking_number="12345 67890")
    )
    assert "Marked as shipped." in shipped
    assert "1234567890" in shipped
    assert "dhl.com" in shipped
    db.session.expire_all()
    stored = db.session.get(VendorOrder, parcel.id)
    assert (stored.status, stored.carrier, stored.tracking_number) == (
        "shipped",
        "dhl",
        "1234567890",
    )
    assert db.session.get(Variant, variant.id).reserved == 0

    delivered = followed(browser, act(browser, parcel, "deliver"))
    assert "Marked as delivered." in delivered
    assert status_of(db, parcel) == "delivered"
    assert "Next step" not in delivered  # nothing left for the vendor to do
    subjects = [message["Subject"] for message in outbox if message["To"] == order.email]
    assert subjects == [
        f"Order {order.ref} is paid: thank you!",
        f"Order {order.ref}: Tea Shop is packing your parcel",
        f"Order {order.ref}: your parcel from Tea Shop is on its way",
        f"Order {order.ref}: your parcel from Tea Shop has arrived",
    ]


def test_a_move_the_status_does_not_allow_is_told_not_a_500(app, db, shop):
    vendor, owner, variant = shop
    parcel = parcel_of(paid_order([(variant, 1)]))
    browser = signed_in(app, owner)

    response = act(browser, parcel, "deliver")

    assert "That is not possible now: the parcel is “Paid”." in followed(browser, response)
    assert status_of(db, parcel) == "paid"


def test_cancelling_needs_a_reason_and_refunds_the_shopper(app, db, shop, outbox):
    vendor, owner, variant = shop
    order = paid_order([(variant, 2)])
    parcel = parcel_of(order)
    browser = signed_in(app, owner)

    empty = act(browser, parcel, "cancel", reason="  ")
    assert empty.status_code == 200
    assert 'id="reason-error">Please say why you are cancelling.' in text(empty)
    assert '<details class="danger-zone" open>' in text(empty)
    assert status_of(db, parcel) == "paid"
    assert db.session.scalar(select(func.count()).select_from(Refund)) == 0

    done = followed(browser, act(browser, parcel, "cancel", reason="The kettle broke, sorry"))

    assert "Cancelled. The shopper is refunded" in done
    assert "The kettle broke, sorry" in done
    assert status_of(db, parcel) == "cancelled"
    refund = db.session.scalar(select(Refund))
    assert (refund.amount_minor, refund.reason, refund.status) == (
        parcel.total_minor,
        "parcel_cancelled",
        "succeeded",
    )
    assert db.session.get(Variant, variant.id).reserved == 0
    [mail] = [message for message in outbox if "cancelled" in message["Subject"]]
    assert mail["To"] == order.email
    assert mail["Subject"] == f"Order {order.ref}: a parcel was cancelled and refunded"
    assert "The kettle broke, sorry" in mail.get_content()


def test_two_people_accepting_at_once_one_wins_the_other_is_told(app, db, make, shop, outbox):
    vendor, owner, variant = shop
    member = make.user(Role.VENDOR, vendor=vendor, is_vendor_owner=False)
    order = paid_order([(variant, 1)])
    parcel = parcel_of(order)
    first, second = signed_in(app, owner), signed_in(app, member)
    # both have the page open while it is still paid
    pages = [text(b.get(page_of(parcel))) for b in (first, second)]
    posts = [{"csrf_token": csrf_from(html), "seen": "paid"} for html in pages]

    won = first.client.post(f"{page_of(parcel)}/accept", data=posts[0])
    lost = second.client.post(f"{page_of(parcel)}/accept", data=posts[1])

    assert "The shopper was told their parcel is being packed." in followed(first, won)
    told = followed(second, lost)
    assert "This parcel was already accepted. Nothing else was changed." in told
    assert status_of(db, parcel) == "accepted"
    moves = db.session.scalars(
        select(OrderEvent.to_status).where(OrderEvent.vendor_order_id == parcel.id)
    ).all()
    assert moves == ["paid", "accepted"]
    assert [m["Subject"] for m in outbox if "packing" in m["Subject"]] == [
        f"Order {order.ref}: Tea Shop is packing your parcel"
    ]


def test_a_move_someone_else_made_first_is_told_as_such(app, db, shop, monkeypatch):
    """The conditional update lost (the other request committed between our read and write)."""
    vendor, owner, variant = shop
    parcel = parcel_of(paid_order([(variant, 1)]))
    browser = signed_in(app, owner)
    page = text(browser.get(page_of(parcel)))
    real_move = fulfilment.transitions.move

    def beaten(vendor_order, to, *args, **kwargs):
        db.session.execute(
            update(VendorOrder).where(VendorOrder.id == vendor_order.id).values(status="cancelled")
        )
        return real_move(vendor_order, to, *args, **kwargs)

    monkeypatch.setattr(fulfilment.transitions, "move", beaten)
    response = browser.client.post(
        f"{page_of(parcel)}/accept", data={"csrf_token": csrf_from(page), "seen": "paid"}
    )

    assert "This parcel was already cancelled." in followed(browser, response)


# -- the packing slip -------------------------------------------------------------------------


def test_the_packing_slip_has_the_qr_code_and_the_customs_description(app, db, shop):
    vendor, owner, variant = shop
    order = paid_order([(variant, 3)])
    parcel = parcel_of(order)
    browser = signed_in(app, owner)

    response = browser.get(f"{page_of(parcel)}/slip")

    html = text(response)
    svg = re.search(r'<svg[^>]*class="slip__qr-code".*?</svg>', html, re.S)
    assert svg, "no inline QR code"
    # the code holds the order's reference (segno draws the same modules for it again)
    modules = re.search(r' d="([^"]+)"', svg.group(0)).group(1)
    assert f'd="{modules}"' in segno.make(order.ref, error="m", micro=False).svg_inline(border=2)
    assert f"<title>QR code of order {order.ref}</title>" in svg.group(0)
    assert "<path" in svg.group(0)
    assert "style=" not in svg.group(0)
    # the page's own policy still forbids inline styles and scripts: the SVG needs neither
    assert "style-src 'self'" in response.headers["Content-Security-Policy"]
    line = parcel.lines[0]
    declared = format_money(
        Money(line.unit_price_minor * 3, order.currency), money_locale("en", order.market_code)
    )
    assert declared.startswith("THB")  # the charge currency, not the vendor's NT$
    row = re.search(r"<tr>\s*<td>Oolong · 150 g.*?</tr>", html, re.S).group(0)
    assert all(part in row for part in ("090230", "Taiwan (TW)", "<td>3</td>", declared))
    assert "Somchai Jaidee" in html
    assert "Thailand (TH)" in html


def test_the_packing_slip_speaks_the_vendors_language(app, db, shop):
    vendor, owner, variant = shop
    parcel = parcel_of(paid_order([(variant, 1)]))
    browser = signed_in(app, owner)

    html = text(browser.get(f"/zh-hant/vendor/orders/{parcel.id}/slip"))

    assert '<html lang="zh-Hant' in html
    assert "泰國 (TH)" in html  # the country in the vendor's language, from CLDR


# -- returns of a parcel ----------------------------------------------------------------------


def _delivered(owner, variant, units: int = 3):
    order = paid_order([(variant, units)])
    parcel = parcel_of(order)
    with unit_of_work():
        fulfilment.accept(parcel, owner)
        fulfilment.ship(parcel, "dhl", "1234567890", owner)
        fulfilment.deliver(parcel, owner, "vendor")
    return order, parcel


def _ask_back(order, units: int, reason: str):
    line = order.vendor_orders[0].lines[0]
    with unit_of_work():
        return returns.request(order, {line.id: units}, reason)


def test_a_return_is_approved_then_received_and_refunded_from_the_parcel_page(
    app, db, shop, outbox
):
    vendor, owner, variant = shop
    order, parcel = _delivered(owner, variant)
    requested = _ask_back(order, 1, "Too bitter for me")
    stock_before = db.session.get(Variant, variant.id).on_hand
    browser = signed_in(app, owner)
    page = text(browser.get(page_of(parcel)))
    assert "Too bitter for me" in page
    assert "Approve the return" in page
    action = f"{page_of(parcel)}/returns/{requested.id}"

    approved = browser.client.post(
        f"{action}/decide", data={"csrf_token": csrf_from(page), "decision": "approve"}
    )
    approved_page = followed(browser, approved)
    received = browser.client.post(
        f"{action}/receive", data={"csrf_token": csrf_from(approved_page)}
    )

    assert "Return approved." in approved_page
    assert "Confirm the goods were received" in approved_page
    assert "Goods received." in followed(browser, received)
    db.session.expire_all()
    done = db.session.get(ReturnRequest, requested.id)
    assert done.status == "refunded"
    assert db.session.get(Refund, done.refund_id).amount_minor == done.refund_minor
    assert db.session.get(Variant, variant.id).on_hand == stock_before + 1
    subjects = [m["Subject"] for m in outbox if m["To"] == order.email]
    assert f"Order {order.ref}: your return is approved" in subjects
    assert any(s.startswith(f"Order {order.ref}: refunded") for s in subjects), subjects


def test_rejecting_a_return_needs_a_reason(app, db, shop, outbox):
    vendor, owner, variant = shop
    order, parcel = _delivered(owner, variant)
    requested = _ask_back(order, 2, "Changed my mind")
    browser = signed_in(app, owner)
    action = f"{page_of(parcel)}/returns/{requested.id}/decide"
    token = csrf_from(text(browser.get(page_of(parcel))))

    bare = browser.client.post(action, data={"csrf_token": token, "decision": "reject"})
    assert bare.status_code == 200
    assert f'id="note-{requested.id}-error">Please say why you reject the return' in text(bare)
    db.session.expire_all()
    assert db.session.get(ReturnRequest, requested.id).status == "requested"

    rejected = browser.client.post(
        action, data={"csrf_token": token, "decision": "reject", "note": "The seal is broken"}
    )

    assert "Return rejected." in followed(browser, rejected)
    db.session.expire_all()
    stored = db.session.get(ReturnRequest, requested.id)
    assert (stored.status, stored.decision_note) == ("rejected", "The seal is broken")
    [mail] = [m for m in outbox if m["Subject"].endswith("your return was not accepted")]
    assert "The seal is broken" in mail.get_content()


def test_a_return_decided_twice_is_told_not_a_500(app, db, shop):
    vendor, owner, variant = shop
    order, parcel = _delivered(owner, variant)
    requested = _ask_back(order, 1, "Too sweet")
    browser = signed_in(app, owner)
    token = csrf_from(text(browser.get(page_of(parcel))))
    action = f"{page_of(parcel)}/returns/{requested.id}/decide"

    browser.client.post(action, data={"csrf_token": token, "decision": "approve"})
    again = browser.client.post(
        action, data={"csrf_token": token, "decision": "reject", "note": "No"}
    )

    assert "This return was already handled" in followed(browser, again)
    db.session.expire_all()
    assert db.session.get(ReturnRequest, requested.id).status == "approved"


def test_goods_received_confirmed_by_someone_else_first_are_not_restocked_twice(
    app, db, shop, monkeypatch
):
    """The other confirmation committed between this request's read and its write."""
    vendor, owner, variant = shop
    order, parcel = _delivered(owner, variant)
    requested = _ask_back(order, 1, "Too sweet")
    with unit_of_work():
        returns.decide(requested, True, owner, "vendor")
    browser = signed_in(app, owner)
    token = csrf_from(text(browser.get(page_of(parcel))))
    stock_before = db.session.get(Variant, variant.id).on_hand
    allowed = returns.return_move_allowed

    def beaten(current, to, role):
        db.session.execute(
            update(ReturnRequest).where(ReturnRequest.id == requested.id).values(status="received")
        )
        return allowed(current, to, role)

    monkeypatch.setattr(returns, "return_move_allowed", beaten)
    response = browser.client.post(
        f"{page_of(parcel)}/returns/{requested.id}/receive", data={"csrf_token": token}
    )

    assert "This return was already handled" in followed(browser, response)
    db.session.expire_all()
    assert db.session.get(Variant, variant.id).on_hand == stock_before
    assert db.session.scalar(select(func.count()).select_from(Refund)) == 0


def test_another_parcels_return_is_not_reached_through_this_parcel(app, db, shop):
    vendor, owner, variant = shop
    order, parcel = _delivered(owner, variant)
    requested = _ask_back(order, 1, "Too sweet")
    other = parcel_of(paid_order([(variant, 1)], email="b2@example.com"))
    browser = signed_in(app, owner)
    token = csrf_from(text(browser.get(page_of(parcel))))

    response = browser.client.post(
        f"{page_of(other)}/returns/{requested.id}/decide",
        data={"csrf_token": token, "decision": "approve"},
    )

    assert response.status_code == 404
    db.session.expire_all()
    assert db.session.get(ReturnRequest, requested.id).status == "requested"


# -- earnings ---------------------------------------------------------------------------------


def test_the_earnings_page_and_csv_match_the_ledger(app, db, make, shop):
    vendor, owner, variant = shop
    operator = make.user(Role.OPERATOR)
    # one parcel completed (payable), one cancelled (earned, then taken back), one pending
    done_order, done = _delivered(owner, variant, units=2)
    with unit_of_work():
        fulfilment.complete_due(now=done.delivered_at + timedelta(days=8))
    cancelled = parcel_of(paid_order([(variant, 1)], email="b2@example.com"))
    with unit_of_work():
        fulfilment.cancel(cancelled, "Out of stock after all", owner)
    pending = paid_order([(variant, 3)], email="b3@example.com")
    with unit_of_work():
        earnings.record_payout(vendor, 1000, "=1+1 TRANSFER", date(2026, 5, 4), operator)
    balance = earnings.balance(vendor)
    entries = db.session.scalars(
        select(VendorLedgerEntry)
        .where(VendorLedgerEntry.vendor_id == vendor.id)
        .order_by(VendorLedgerEntry.id)
    ).all()
    browser = signed_in(app, owner)

    page = text(browser.get(f"{PORTAL}/earnings"))
    download = browser.get(f"{PORTAL}/earnings.csv")

    # 680 less 15% is 578 a unit: 2 completed (1,156 less the 1,000 paid out), 3 pending
    assert (balance.payable, balance.pending, balance.total) == (156, 1734, 1890)
    stats = re.findall(r'<span class="stats__number">([^<]+)</span> (\w+)', page)
    assert stats == [("NT$1,734", "pending"), ("NT$156", "payable"), ("NT$1,890", "balance")]
    for order, earned, taken_back, state in (
        (done_order, "NT$1,156", "NT$0", "Settled"),
        (cancelled.order, "NT$578", "NT$578", "Settled"),
        (pending, "NT$1,734", "NT$0", "Pending"),
    ):
        row = re.search(rf">{order.ref}</a></th>(.*?)</tr>", page, re.S).group(1)
        assert re.findall(r"<td>([^<]+)</td>", row) == [earned, taken_back, state]
    month = re.search(r"<tbody>\s*<tr><th scope=\"row\">[^<]+</th>(.*?)</tr>", page, re.S)
    assert re.findall(r"<td>([^<]+)</td>", month.group(1)) == ["NT$3,468", "NT$578", "NT$1,000"]
    assert "NT$1,000" in page
    assert "=1+1 TRANSFER" in page
    assert download.mimetype == "text/csv"
    assert {"private", "no-store"} <= set(
        download.headers["Cache-Control"].replace(" ", "").split(",")
    )
    assert download.headers["Content-Disposition"] == 'attachment; filename="tea-shop-earnings.csv"'
    rows = list(csv.DictReader(io.StringIO(download.get_data().decode("utf-8-sig"))))
    assert len(rows) == len(entries) == 5  # an earning per line (3), a reversal, a payout
    assert [int(r["amount_twd"]) for r in rows] == [e.amount_twd for e in entries]
    assert sum(int(r["amount_twd"]) for r in rows) == balance.total
    payout = next(r for r in rows if r["kind"] == "payout")
    assert payout["bank_reference"] == "'=1+1 TRANSFER"  # a spreadsheet shows it, never runs it
    sale = next(r for r in rows if r["order_ref"] == pending.ref)
    assert (sale["sku"], sale["quantity"], sale["unit_price_twd"], sale["commission_percent"]) == (
        "OOL-1",
        "3",
        "680",
        "15",
    )
