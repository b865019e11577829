"""A return in the 7-day cooling-off period, played in Debian's chromium by role and label.

A shopper's order is paid and shipped (set up through the services on the live store's
database); in the browser the shopper follows the parcel, says it arrived, and asks to return
one of the two teas with a photo. The vendor, signed in to the portal in another browser,
approves the return and confirms the goods came back; the shopper's order page then shows the
refund. The receipt is also looked at as it prints. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pytest
from PIL import Image
from playwright.sync_api import expect
from sqlalchemy import select

from app.domain import carriers
from app.models.user import Role
from tests.browser.conftest import missing_requirements
from tests.browser.test_checkout import axe_report, axe_violations
from tests.browser.test_portal_and_search import Login, sign_in, unique
from tests.factories import PASSWORD
from tests.tools import require_tool

_reason = missing_requirements()
if _reason:
    require_tool(_reason, module=True)

pytestmark = pytest.mark.browser

TRACKING = "1234567890"


def words(server, msgid: str, **variables) -> str:
    """The English page's text for `msgid`, read from the catalogs as the other browser tests
    read it (a msgid missing from any catalog fails the test)."""
    return server.text("en", msgid, **variables)


@dataclass(frozen=True)
class Sale:
    ref: str
    parcel_id: int
    tea: str
    shop: str
    shopper: Login
    vendor: Login


def a_shipped_order(server) -> Sale:
    """Two teas from one shop, bought by a shopper with an account, paid at localstripe and
    shipped with DHL, all through the services on the live store's database."""
    from app.domain.order_states import Actor
    from app.extensions import db
    from app.models import User, Variant
    from app.services.orders import fulfilment
    from app.transaction import unit_of_work
    from tests.web.test_order_page_and_returns import paid_order

    tag = unique()
    tea, shop = f"Alishan oolong {tag}", f"Alishan Tea {tag}"
    shopper = Login(f"shopper-{tag}@example.com", PASSWORD)
    vendor = Login(f"owner-{tag}@example.com", PASSWORD)
    with server.build() as make:
        made = make.vendor(slug=f"alishan-{tag}", name_en=shop)
        owner_id = make.user(Role.VENDOR, email=vendor.email, vendor=made, name="Owner").id
        user_id = make.user(email=shopper.email, name="Ploy").id
        variant_id = (
            make.product(
                vendor=made,
                names={"en": tea},
                variants=[{"price_twd": 680, "stock": 20, "weight_g": 300}],
            )
            .variants[0]
            .id
        )
    with server.app.app_context():
        try:
            user, owner = db.session.get(User, user_id), db.session.get(User, owner_id)
            order = paid_order(db, [(db.session.get(Variant, variant_id), 2)], user, shopper.email)
            parcel = order.vendor_orders[0]
            with unit_of_work():
                fulfilment.accept(parcel, owner, Actor.VENDOR)
            with unit_of_work():
                fulfilment.ship(parcel, "dhl", TRACKING, owner, Actor.VENDOR)
            return Sale(order.ref, parcel.id, tea, shop, shopper, vendor)
        finally:
            db.session.remove()


def refund_of(server, ref: str) -> tuple[int, str]:
    """The one return's refund (minor units) and the order's currency."""
    from app.extensions import db
    from app.models import Order, ReturnRequest

    with server.app.app_context():
        try:
            order = db.session.scalar(select(Order).where(Order.ref == ref))
            asked = db.session.scalars(
                select(ReturnRequest).where(ReturnRequest.order_id == order.id)
            ).one()
            return asked.refund_minor, order.currency
        finally:
            db.session.remove()


def a_photo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (120, 80, 40)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_shopper_returns_a_tea_and_sees_the_refund(visit, live_server, javascript):
    server = live_server
    sale = a_shipped_order(server)
    shopper = visit(viewport={"width": 1100, "height": 1000}, java_script_enabled=javascript)
    page = shopper.page
    sign_in(shopper, server, "en", sale.shopper)
    shopper.goto(f"/en/orders/{sale.ref}")

    parcel = page.get_by_role(
        "region", name=words(server, "Parcel from %(vendor)s", vendor=sale.shop), exact=True
    )
    shipped = words(
        server,
        "Shipped with %(carrier)s, tracking number %(number)s",
        carrier="DHL Express",
        number=TRACKING,
    )
    expect(parcel.get_by_role("listitem").filter(has_text=shipped)).to_be_visible()
    track = parcel.get_by_role("link", name=words(server, "Track your parcel"))
    expect(track).to_have_attribute("href", carriers.tracking_link("dhl", TRACKING))
    shopper.shot("order-shipped")

    parcel.get_by_role("button", name=re.compile(f"^{words(server, 'I received it')}")).click()
    thanks = words(server, "Thank you for telling us. The 7-day return period starts now.")
    expect(page.get_by_text(thanks)).to_be_visible()
    window = re.escape(
        words(
            server,
            "You may return goods within 7 days of receiving them, until %(deadline)s.",
            deadline="@@",
        )
    ).replace("@@", ".+")
    expect(parcel.get_by_text(re.compile(f"^{window}$"))).to_be_visible()
    shopper.shot("order-delivered")

    parcel.get_by_role("link", name=re.compile(f"^{words(server, 'Return items')}")).click()
    expect(page).to_have_url(server.url(f"/en/orders/{sale.ref}/return"))
    expect(page.get_by_role("heading", level=1, name=words(server, "Return items"))).to_be_visible()
    how_many = page.get_by_label(words(server, "How many to return: %(item)s", item=sale.tea))
    expect(how_many).to_have_attribute("max", "2")
    how_many.fill("1")
    page.get_by_label(words(server, "Why are you returning them?")).fill(
        "One tin was dented on arrival."
    )
    page.get_by_label(words(server, "Photos (optional)")).set_input_files(
        [{"name": "dented-tin.png", "mimeType": "image/png", "buffer": a_photo()}]
    )
    shopper.shot("return-form-filled")
    if javascript:
        violations = axe_violations(page)
        assert not violations, axe_report(violations)
    page.get_by_role("button", name=words(server, "Ask to return these items")).click()

    expect(page).to_have_url(re.compile(rf"/en/orders/{sale.ref}#return-\d+$"))
    sent = words(
        server, "We sent your return request to the shop. You will get an email when it answers."
    )
    expect(page.get_by_text(sent)).to_be_visible()
    returns = parcel.get_by_role("list", name=words(server, "Returns"), exact=True)
    expect(returns.get_by_text(words(server, "Waiting for the shop's answer"))).to_be_visible()
    expect(returns.get_by_text(f"1 × {sale.tea}")).to_be_visible()
    shopper.shot("return-requested")

    # the vendor, in a browser of their own
    vendor = visit(viewport={"width": 1100, "height": 1000})
    vendor.prefix += "-vendor"  # its screenshots apart from the shopper's
    sign_in(vendor, server, "en", sale.vendor)
    vendor.goto(f"/en/vendor/orders/{sale.parcel_id}")
    photo = words(server, "Photo %(n)d from the shopper", n=1)
    expect(vendor.page.get_by_role("img", name=photo)).to_be_visible()
    vendor.page.get_by_role("button", name=words(server, "Approve the return")).click()
    expect(vendor.page.get_by_text(words(server, "Return approved."), exact=True)).to_be_visible()
    vendor.shot("return-approved")
    vendor.page.get_by_role("button", name=words(server, "Confirm the goods were received")).click()
    received = words(server, "Goods received. The shopper is refunded and the stock is back.")
    expect(vendor.page.get_by_text(received)).to_be_visible()
    vendor.shot("goods-received")

    # the shopper sees the refund, in the order's currency
    refund_minor, currency = refund_of(server, sale.ref)
    assert currency == "THB"  # a Thai address: the order was charged in baht
    refund = re.compile(rf"THB\s?{re.escape(f'{refund_minor / 100:,.2f}')}")
    page.reload()
    expect(returns.get_by_text(words(server, "Refunded"), exact=True)).to_be_visible()
    refunded = words(server, "Refunded to your card: %(amount)s", amount="@@")
    expect(
        returns.get_by_text(re.compile(re.escape(refunded).replace("@@", refund.pattern)))
    ).to_be_visible()
    receipt = page.get_by_role("region", name=words(server, "Receipt"), exact=True)
    refunds = receipt.get_by_role("row", name=re.compile(words(server, "Refunded to your card")))
    expect(refunds.get_by_role("cell")).to_have_text(refund)
    shopper.shot("refunded")
    if javascript:
        violations = axe_violations(page)
        assert not violations, axe_report(violations)

    # printed: the receipt without the site's header, footer or any form
    page.emulate_media(media="print")
    expect(page.get_by_role("banner")).to_be_hidden()
    expect(page.get_by_role("contentinfo")).to_be_hidden()
    expect(page.get_by_role("button")).to_have_count(0)
    expect(receipt).to_be_visible()
    shopper.shot("receipt-printed")
    page.emulate_media(media="screen")

    for seen in (shopper, vendor):
        seen.assert_clean()
