"""The shopper's order page after payment and the 7-day returns (issue 11), through the test
client with CSRF on.

Orders are placed and paid as a shopper pays them (placed, paid with pm_card_visa at the
session's localstripe, the signed succeeded event handled as the webhook would), then moved on
by the vendor through the fulfilment services. Time is frozen by replacing
app.services.clock.now: the test client runs the app in this process.
"""

from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from babel.dates import format_datetime
from PIL import Image
from sqlalchemy import func, select

from app.domain import carriers
from app.domain.order_states import Actor
from app.models import Order, OrderEvent, OrderLine, Refund, ReturnRequest, VendorOrder
from app.services import cart, clock
from app.services.checkout import payments, placing, queries
from app.services.orders import fulfilment, returns
from app.transaction import unit_of_work
from tests.conftest import Browser, csrf_from
from tests.factories import PASSWORD
from tests.services.test_checkout import ADDRESSES, _event, shopper
from tests.web.test_cart_and_checkout import Node, amount, body_of, doc_of, notices, rows_of

TAIPEI = clock.STORE_TZ
OWN_EMAIL = "ploy@example.com"


# -- the store and its orders -------------------------------------------------------------------


class Shop:
    def __init__(self, make):
        self.tea = make.vendor(slug="lin-tea", name_en="Lin Tea")
        self.tea_owner = make.user(role="vendor", vendor=self.tea)
        self.sauces = make.vendor(slug="kao-sauces", name_en="Kao Sauces")
        self.sauces_owner = make.user(role="vendor", vendor=self.sauces)
        self.oolong = make.product(
            self.tea,
            names={"en": "Oolong"},
            variants=[{"sku": "OOL-1", "price_twd": 680, "stock": 20, "weight_g": 300}],
        ).variants[0]
        self.cake = make.product(
            self.tea,
            category="snacks",
            names={"en": "Pineapple cake"},
            exemption="perishable",
            variants=[{"sku": "CAKE-10", "price_twd": 450, "stock": 10, "weight_g": 600}],
        ).variants[0]
        self.oil = make.product(
            self.sauces,
            category="sauces-condiments",
            names={"en": "Sesame oil"},
            variants=[{"sku": "OIL-1", "price_twd": 320, "stock": 10, "weight_g": 500}],
        ).variants[0]
        self.ploy = make.user(email=OWN_EMAIL, name="Ploy")
        self.other = make.user(email="other@example.com")


@pytest.fixture
def shop(db, make) -> Shop:
    made = Shop(make)
    db.session.commit()  # a refused post rolls back to here, as a request's would
    return made


def paid_order(db, items, user=None, email: str = OWN_EMAIL) -> Order:
    """Placed in Thailand by `user` (None: a guest), paid at localstripe, the succeeded event
    handled as the webhook route would."""
    who = shopper("TH", "en")
    wanted = [cart.Item(variant.id, units) for variant, units in items]
    priced = cart.price(wanted, who)
    with unit_of_work():
        order = placing.place(
            who, wanted, placing.Buyer(email, "en", user), ADDRESSES["TH"], priced.fingerprint
        )
    with unit_of_work():
        assert payments.pay(order, "pm_card_visa").status == "succeeded"
    with unit_of_work():
        assert payments.handle(_event("payment_intent.succeeded", order)) == "paid"
    db.session.expire_all()
    return db.session.get(Order, order.id)


def parcel_of(db, order: Order, vendor) -> VendorOrder:
    return db.session.scalar(
        select(VendorOrder).where(
            VendorOrder.order_id == order.id, VendorOrder.vendor_id == vendor.id
        )
    )


def line_of(db, order: Order, variant) -> OrderLine:
    return db.session.scalar(
        select(OrderLine).where(OrderLine.order_id == order.id, OrderLine.variant_id == variant.id)
    )


def ship(parcel: VendorOrder, owner, number: str = "1234567890") -> None:
    with unit_of_work():
        fulfilment.accept(parcel, owner)
    with unit_of_work():
        fulfilment.ship(parcel, "dhl", number, owner)


def deliver(db, parcel: VendorOrder, owner) -> VendorOrder:
    ship(parcel, owner)
    with unit_of_work():
        fulfilment.deliver(parcel, owner, Actor.VENDOR)
    db.session.expire_all()
    return db.session.get(VendorOrder, parcel.id)


def signed_in(client, email: str = OWN_EMAIL):
    Browser(client).sign_in(email, PASSWORD)
    return client


def freeze(monkeypatch, moment) -> None:
    monkeypatch.setattr(clock, "now", lambda: moment)


def png(size: int = 48, colour=(200, 40, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (size, size), colour).save(buffer, "PNG")
    return buffer.getvalue()


# -- reading the pages --------------------------------------------------------------------------


def order_doc(client, order: Order, lang: str = "en") -> Node:
    return doc_of(client.get(f"/{lang}/orders/{order.ref}"))


def parcel_section(doc: Node, parcel: VendorOrder) -> Node:
    section = doc.by_id(f"parcel-{parcel.id}")
    assert section is not None, f"no section for parcel {parcel.id}"
    return section


def steps(section: Node) -> list[str]:
    timeline = section.find("ol", class_="parcel-timeline")
    return [li.find("span", class_="timeline__what").text() for li in timeline.find_all("li")]


def step_times(section: Node) -> list[str]:
    timeline = section.find("ol", class_="parcel-timeline")
    return [li.find("time").text() for li in timeline.find_all("li")]


def window(section: Node) -> str:
    found = section.find("p", class_="return-window")
    return found.text() if found else ""


def returns_of(section: Node) -> list[Node]:
    listed = section.find("ul", class_="returns")
    return listed.find_all("li", class_="return") if listed else []


def moment(value, lang: str = "en") -> str:
    """A moment as the shopper's language writes it (Babel; the store's clocks are Taipei's)."""
    return format_datetime(value, "medium", tzinfo=TAIPEI, locale={"en": "en", "th": "th"}[lang])


def return_url(order: Order) -> str:
    return f"/en/orders/{order.ref}/return"


def ask_return(client, order: Order, wanted: dict, reason: str = "Too bitter for me", files=None):
    """The return page's form, as a person fills it in: the page's token, a quantity per line
    (order line → units), the reason, photos (name → bytes)."""
    token = csrf_from(body_of(client.get(return_url(order))))
    data = {"csrf_token": token, "reason": reason}
    data |= {f"line_{line.id}": str(units) for line, units in wanted.items()}
    if files:
        data["photos"] = [(io.BytesIO(content), name) for name, content in files.items()]
    return client.post(return_url(order), data=data, content_type="multipart/form-data")


def errors_of(doc: Node) -> list[str]:
    return [node.text() for node in doc.find_all(class_="field__error")]


def return_count(db) -> int:
    return db.session.scalar(select(func.count()).select_from(ReturnRequest))


# -- 1. the timeline --------------------------------------------------------------------------


def test_each_parcel_has_a_timeline_with_dates_in_the_shoppers_language_and_tracking(
    db, client, shop
):
    order = paid_order(db, [(shop.oolong, 2), (shop.oil, 1)], shop.ploy)
    tea = parcel_of(db, order, shop.tea)
    sauces = parcel_of(db, order, shop.sauces)
    signed_in(client)

    doc = order_doc(client, order)
    assert doc.by_id("order-status").find("p").text().startswith("Thank you!")
    for parcel in (tea, sauces):
        section = parcel_section(doc, parcel)
        assert steps(section) == ["Order placed", "Paid"]
        assert window(section) == "You may return goods within 7 days of receiving them."
        assert section.find("form", class_="received") is None  # not shipped yet

    ship(tea, shop.tea_owner)
    with unit_of_work():
        fulfilment.cancel(sauces, "The last bottle broke in the shop", shop.sauces_owner)
    db.session.expire_all()

    doc = order_doc(client, order)
    assert doc.by_id("order-status").find("p").text() == (
        "Where each parcel is, and any returns, are shown below."
    )
    section = parcel_section(doc, tea)
    assert section.find("p", class_="parcel__status").text() == "Status: Shipped"
    assert steps(section) == [
        "Order placed",
        "Paid",
        "The shop accepted the order and is packing it",
        "Shipped with DHL Express, tracking number 1234567890",
    ]
    track = section.find("a", rel="external noopener noreferrer")
    assert track.text() == "Track your parcel"
    assert track.attrs["href"] == carriers.tracking_link("dhl", "1234567890")
    assert "1234567890" in track.attrs["href"]
    button = section.find("form", class_="received").find("button")
    assert button.text().startswith("I received it")

    cancelled = parcel_section(doc, sauces)
    assert steps(cancelled)[-1] == (
        "Cancelled: The last bottle broke in the shop. The money for this parcel goes back to "
        "your card."
    )
    assert cancelled.find("form") is None
    assert window(cancelled) == ""  # nothing to return from a parcel that never left

    # each step's moment, in the page's language
    events = db.session.scalars(
        select(OrderEvent)
        .where(OrderEvent.vendor_order_id == tea.id, OrderEvent.kind == "status")
        .order_by(OrderEvent.id)
    ).all()
    moments = [order.created_at, *(event.created_at for event in events)]
    assert step_times(section) == [moment(m) for m in moments]
    thai = parcel_section(order_doc(client, order, "th"), tea)
    assert step_times(thai) == [moment(m, "th") for m in moments]
    assert step_times(thai) != step_times(section)


# -- 2. "I received it" -------------------------------------------------------------------------


def received_url(order: Order, parcel: VendorOrder) -> str:
    return f"/en/orders/{order.ref}/parcels/{parcel.id}/received"


def post_received(client, order, parcel):
    token = csrf_from(body_of(client.get("/en/cart")))
    return client.post(received_url(order, parcel), data={"csrf_token": token})


def test_i_received_it_marks_the_parcel_delivered_for_its_own_shopper_only(
    app, db, client, shop, outbox
):
    order = paid_order(db, [(shop.oolong, 1)], shop.ploy)
    tea = parcel_of(db, order, shop.tea)
    ship(tea, shop.tea_owner)
    outbox.clear()

    someone_else = signed_in(app.test_client(), "other@example.com")
    anonymous = app.test_client()
    for stranger in (someone_else, anonymous):
        assert post_received(stranger, order, tea).status_code == 404
    db.session.expire_all()
    assert db.session.get(VendorOrder, tea.id).status == "shipped"

    signed_in(client)
    answer = post_received(client, order, tea)
    assert answer.status_code == 303
    assert answer.headers["Location"] == f"/en/orders/{order.ref}#parcel-{tea.id}"
    doc = order_doc(client, order)
    assert "Thank you for telling us. The 7-day return period starts now." in notices(doc)
    db.session.expire_all()
    tea = db.session.get(VendorOrder, tea.id)
    assert tea.status == "delivered"
    event = db.session.scalars(select(OrderEvent).where(OrderEvent.to_status == "delivered")).one()
    assert event.actor_id == shop.ploy.id
    section = parcel_section(doc, tea)
    assert steps(section)[-1] == "Delivered"
    assert section.find("form", class_="received") is None
    deadline = moment(tea.delivered_at + timedelta(days=7))
    assert window(section) == (
        f"You may return goods within 7 days of receiving them, until {deadline}."
    )
    assert [m["To"] for m in outbox] == [OWN_EMAIL]  # the parcel_delivered mail

    # a second press changes nothing and says why
    post_received(client, order, tea)
    assert "This parcel is not on its way, so it cannot be marked as received." in notices(
        order_doc(client, order)
    )
    # a parcel of another order is not this order's
    other_order = paid_order(db, [(shop.oolong, 1)], shop.ploy)
    other_parcel = parcel_of(db, other_order, shop.tea)
    assert post_received(client, order, other_parcel).status_code == 404


def test_a_guests_parcel_is_received_only_in_a_browser_that_has_the_order(app, db, client, shop):
    order = paid_order(db, [(shop.oolong, 1)], None, email="guest@example.com")
    tea = parcel_of(db, order, shop.tea)
    ship(tea, shop.tea_owner)
    other_guest = app.test_client()
    other_order = paid_order(db, [(shop.oil, 1)], None, email="another@example.com")
    other_guest.get(f"/en/orders/link/{queries.token_for(other_order)}")  # its own order only
    for stranger in (other_guest, signed_in(app.test_client(), "other@example.com")):
        assert post_received(stranger, order, tea).status_code == 404

    opened = client.get(f"/en/orders/link/{queries.token_for(order)}")  # the mail's link
    assert opened.status_code == 303
    assert post_received(client, order, tea).status_code == 303
    db.session.expire_all()
    assert db.session.get(VendorOrder, tea.id).status == "delivered"
    event = db.session.scalars(select(OrderEvent).where(OrderEvent.to_status == "delivered")).one()
    assert event.actor_id is None


# -- 3. returns in the 7-day window -------------------------------------------------------------


def test_a_return_at_6_days_23_hours_is_accepted_and_at_7_days_1_hour_refused(
    db, client, shop, monkeypatch
):
    order = paid_order(db, [(shop.oolong, 3)], shop.ploy)
    tea = deliver(db, parcel_of(db, order, shop.tea), shop.tea_owner)
    oolong = line_of(db, order, shop.oolong)
    deadline = moment(tea.delivered_at + timedelta(days=7))
    signed_in(client)

    freeze(monkeypatch, tea.delivered_at + timedelta(days=6, hours=23))
    section = parcel_section(order_doc(client, order), tea)
    assert window(section) == (
        f"You may return goods within 7 days of receiving them, until {deadline}."
    )
    link = section.find("p", class_="no-print").find("a")
    assert link.attrs["href"] == return_url(order)
    answer = ask_return(client, order, {oolong: 1})
    assert answer.status_code == 303
    asked = db.session.scalars(select(ReturnRequest)).one()
    assert answer.headers["Location"] == f"/en/orders/{order.ref}#return-{asked.id}"
    assert (asked.status, [(rl.order_line_id, rl.quantity) for rl in asked.lines]) == (
        "requested",
        [(oolong.id, 1)],
    )
    doc = order_doc(client, order)
    assert "We sent your return request to the shop." in notices(doc)
    [shown] = returns_of(parcel_section(doc, tea))
    assert shown.find("span", class_="return__status").text() == "Waiting for the shop's answer"
    assert [li.text() for li in shown.find("ul").find_all("li")] == ["1 × Oolong"]
    money = shown.find("p", class_="return__money").text()
    assert money.startswith("Refund once the shop has the items back:")
    assert amount(money) == Decimal(asked.refund_minor) / 100

    # the page was opened just before the deadline, the form sent just after it
    page = body_of(client.get(return_url(order)))
    freeze(monkeypatch, tea.delivered_at + timedelta(days=7, hours=1))
    refused = client.post(
        return_url(order),
        data={"csrf_token": csrf_from(page), f"line_{oolong.id}": "1", "reason": "Also this one"},
    )
    doc = doc_of(refused, 422)
    message = "The 7-day return period for Oolong has ended: it can no longer be returned."
    assert doc.by_id(f"line_{oolong.id}").text() == message  # under the line it is about
    assert message in doc.find(class_="error-summary").text()
    assert return_count(db) == 1

    section = parcel_section(order_doc(client, order), tea)
    assert window(section) == (
        f"The 7-day return period ended on {deadline}: these goods can no longer be returned."
    )
    assert section.find("p", class_="no-print") is None  # no "Return items" any more
    page = doc_of(client.get(return_url(order)))
    assert page.find("form", class_="return-form") is None
    assert "Oolong: The 7-day return period has ended" in page.text()


def test_an_exempt_line_is_marked_and_cannot_be_returned(db, client, shop):
    order = paid_order(db, [(shop.oolong, 1), (shop.cake, 2)], shop.ploy)
    tea = deliver(db, parcel_of(db, order, shop.tea), shop.tea_owner)
    cake = line_of(db, order, shop.cake)
    oolong = line_of(db, order, shop.oolong)
    signed_in(client)

    section = parcel_section(order_doc(client, order), tea)
    exempt = section.find("ul", class_="exempt-lines").find_all("li")
    assert [li.text() for li in exempt] == ["Cannot be returned: Pineapple cake (Perishable goods)"]

    page = doc_of(client.get(return_url(order)))
    assert page.find("input", name=f"line_{oolong.id}").attrs["max"] == "1"
    assert page.find("input", name=f"line_{cake.id}") is None
    refused_lines = [p.text() for p in page.find_all("p", class_="return-line--refused")]
    assert refused_lines == ["Pineapple cake: Perishable goods"]

    answer = ask_return(client, order, {cake: 1}, reason="Crushed in the box")
    doc = doc_of(answer, 422)
    assert doc.by_id(f"line_{cake.id}").text() == (
        "Pineapple cake cannot be returned for a change of mind, as shown before you paid."
    )
    assert return_count(db) == 0
    # with the oolong it is refused as a whole: nothing is saved, not even the oolong
    doc_of(ask_return(client, order, {oolong: 1, cake: 1}), 422)
    assert return_count(db) == 0


def test_quantities_above_what_is_left_and_bad_input_are_refused(db, client, shop):
    order = paid_order(db, [(shop.oolong, 3)], shop.ploy)
    deliver(db, parcel_of(db, order, shop.tea), shop.tea_owner)
    oolong = line_of(db, order, shop.oolong)
    signed_in(client)
    assert ask_return(client, order, {oolong: 2}).status_code == 303

    page = doc_of(client.get(return_url(order)))
    box = page.find("input", name=f"line_{oolong.id}")
    assert (box.attrs["type"], box.attrs["min"], box.attrs["max"]) == ("number", "0", "1")
    hint = page.by_id(f"line_{oolong.id}-hint")
    assert hint.text() == "You can return up to 1."
    assert f"line_{oolong.id}-hint" in box.attrs["aria-describedby"]

    cases = [
        (
            {oolong: 2},
            "Too bitter",
            f"line_{oolong.id}-error",
            "You can return at most 1 of Oolong.",
        ),
        (
            {oolong: "abc"},
            "Too bitter",
            f"line_{oolong.id}-error",
            "Enter a whole number, like 450.",
        ),
        ({oolong: -1}, "Too bitter", f"line_{oolong.id}-error", "Enter a number of at least 0."),
        ({oolong: 0}, "Too bitter", "lines-error", "Choose at least one item to return."),
        ({oolong: 1}, "", "reason-error", "Please fill this in."),
        (
            {oolong: 1},
            "   ",
            "reason-error",
            "Please tell the shop why you are returning the items.",
        ),
    ]
    for wanted, reason, where, message in cases:
        doc = doc_of(ask_return(client, order, wanted, reason=reason), 422)
        assert doc.by_id(where).text() == message, (wanted, reason)
        assert message in doc.find(class_="error-summary").text()
    assert return_count(db) == 1


def test_one_return_is_one_parcel(db, client, shop):
    order = paid_order(db, [(shop.oolong, 1), (shop.oil, 1)], shop.ploy)
    deliver(db, parcel_of(db, order, shop.tea), shop.tea_owner)
    deliver(db, parcel_of(db, order, shop.sauces), shop.sauces_owner)
    signed_in(client)
    both = {line_of(db, order, shop.oolong): 1, line_of(db, order, shop.oil): 1}
    doc = doc_of(ask_return(client, order, both), 422)
    assert doc.by_id("lines-error").text() == (
        "Choose items from one parcel at a time: each shop takes back its own parcel."
    )
    assert return_count(db) == 0
    assert ask_return(client, order, {line_of(db, order, shop.oil): 1}).status_code == 303


def test_photos_are_checked_like_product_photos(app, db, client, shop):
    order = paid_order(db, [(shop.oolong, 3)], shop.ploy)
    tea = deliver(db, parcel_of(db, order, shop.tea), shop.tea_owner)
    oolong = line_of(db, order, shop.oolong)
    signed_in(client)

    doc = doc_of(
        ask_return(client, order, {oolong: 1}, files={"notes.txt": b"it arrived broken"}), 422
    )
    assert doc.by_id("photos-error").text() == "notes.txt is not a picture we can read."
    too_many = {f"photo{n}.png": png(colour=(n * 40, 90, 90)) for n in range(5)}
    doc = doc_of(ask_return(client, order, {oolong: 1}, files=too_many), 422)
    assert doc.by_id("photos-error").text() == "Add at most 4 photos."
    assert return_count(db) == 0

    answer = ask_return(client, order, {oolong: 1}, files={"broken-lid.png": png()})
    assert answer.status_code == 303
    asked = db.session.scalars(select(ReturnRequest)).one()
    [photo] = asked.photos
    assert (photo.width, photo.height) == (48, 48)
    # private: kept out of the public media folder, whose files anyone may fetch
    assert (Path(app.config["PRIVATE_MEDIA_ROOT"]) / f"{photo.key}-thumb.webp").is_file()
    assert not (Path(app.config["MEDIA_ROOT"]) / f"{photo.key}-thumb.webp").exists()
    assert client.get(f"/media/{photo.key}-thumb.webp").status_code == 404
    [shown] = returns_of(parcel_section(order_doc(client, order), tea))
    img = shown.find("ul", class_="return__photos").find("img")
    assert img.attrs["src"] == f"/en/return-photos/{photo.id}/thumb.webp"
    assert img.attrs["alt"] == "Your photo 1"
    mine = client.get(img.attrs["src"])
    assert (mine.status_code, mine.mimetype) == (200, "image/webp")
    assert "private" in mine.headers["Cache-Control"]


def test_a_return_photo_opens_for_its_shopper_shop_and_operators_only(app, db, client, shop, make):
    order = paid_order(db, [(shop.oolong, 2), (shop.oil, 1)], shop.ploy)
    deliver(db, parcel_of(db, order, shop.tea), shop.tea_owner)
    signed_in(client)
    oolong = line_of(db, order, shop.oolong)
    assert ask_return(client, order, {oolong: 1}, files={"lid.png": png()}).status_code == 303
    [photo] = db.session.scalars(select(ReturnRequest)).one().photos
    url = f"/en/return-photos/{photo.id}/zoom.webp"
    operator = make.user(email="ops@example.com", role="operator")
    db.session.commit()

    def opened(email: str | None) -> int:
        visitor = app.test_client()
        if email:
            signed_in(visitor, email)
        return visitor.get(url).status_code

    assert client.get(url).status_code == 200
    assert opened(shop.tea_owner.email) == 200  # the shop the parcel came from
    assert opened(operator.email) == 200
    assert opened(None) == 404
    assert opened("other@example.com") == 404
    assert opened(shop.sauces_owner.email) == 404  # a shop in the same order, not this parcel
    assert client.get(f"/en/return-photos/{photo.id}/original.webp").status_code == 404
    assert client.get(f"/en/return-photos/{photo.id + 1}/zoom.webp").status_code == 404


def test_two_partial_returns_keep_every_total_right(db, client, shop):
    order = paid_order(db, [(shop.oolong, 3)], shop.ploy)
    tea = deliver(db, parcel_of(db, order, shop.tea), shop.tea_owner)
    oolong = line_of(db, order, shop.oolong)
    signed_in(client)

    def vendor_takes_back() -> ReturnRequest:
        asked = db.session.scalars(
            select(ReturnRequest).where(ReturnRequest.status == "requested")
        ).one()
        with unit_of_work():
            returns.decide(asked, True, shop.tea_owner, Actor.VENDOR)
        with unit_of_work():
            returns.receive(asked, shop.tea_owner)
        db.session.expire_all()
        return db.session.get(ReturnRequest, asked.id)

    assert ask_return(client, order, {oolong: 1}).status_code == 303
    first = vendor_takes_back()
    assert ask_return(client, order, {oolong: 2}, reason="The rest too").status_code == 303
    second = vendor_takes_back()
    assert (first.status, second.status) == ("refunded", "refunded")

    doc = order_doc(client, order)
    shown = returns_of(parcel_section(doc, tea))
    assert [r.find("span", class_="return__status").text() for r in shown] == ["Refunded"] * 2
    amounts = [amount(r.find("p", class_="return__money").text()) for r in shown]
    assert amounts == [Decimal(first.refund_minor) / 100, Decimal(second.refund_minor) / 100]
    # the first: one unit and its share of tax; the second brings the parcel's shipping back
    assert first.refund_minor == oolong.unit_price_minor + first.lines[0].tax_minor
    assert second.refund_minor == (
        2 * oolong.unit_price_minor + second.lines[0].tax_minor + tea.shipping_minor
    )
    totals = rows_of(doc.find("table", class_="totals"))
    refunds_table = rows_of(doc.find("table", class_="totals--refunds"))
    assert amount(totals["Total"]) == Decimal(order.total_minor) / 100  # what was paid, kept
    assert amount(refunds_table["Refunded to your card"]) == sum(amounts)
    assert sum(amounts) == amount(totals["Total"])  # the whole parcel came back
    assert amount(refunds_table["Paid, less refunds"]) == 0
    refunded = db.session.scalar(select(func.sum(Refund.amount_minor)))
    assert refunded == first.refund_minor + second.refund_minor == order.total_minor


def test_a_rejected_return_shows_the_shops_reason(db, client, shop):
    order = paid_order(db, [(shop.oolong, 1)], shop.ploy)
    tea = deliver(db, parcel_of(db, order, shop.tea), shop.tea_owner)
    signed_in(client)
    assert ask_return(client, order, {line_of(db, order, shop.oolong): 1}).status_code == 303
    asked = db.session.scalars(select(ReturnRequest)).one()
    with unit_of_work():
        returns.decide(asked, False, shop.tea_owner, Actor.VENDOR, "The seal was opened")
    section = parcel_section(order_doc(client, order), tea)
    [shown] = returns_of(section)
    assert shown.find("span", class_="return__status").text() == "Not accepted by the shop"
    assert "The shop's reason: The seal was opened" in shown.text()
    assert steps(section)[-1] == "The shop did not accept your return: The seal was opened"
    assert section.find("p", class_="no-print") is not None  # it may be asked for again


# -- 4. who may use the new pages -------------------------------------------------------------


@pytest.mark.parametrize("owner", ["account", "guest"])
def test_nobody_else_reaches_an_orders_return_and_received_routes(app, db, client, shop, owner):
    user = shop.ploy if owner == "account" else None
    order = paid_order(db, [(shop.oolong, 2)], user, email="owner@example.com")
    tea = deliver(db, parcel_of(db, order, shop.tea), shop.tea_owner)
    oolong = line_of(db, order, shop.oolong)
    other_guest = app.test_client()
    guest_order = paid_order(db, [(shop.oil, 1)], None, email="another@example.com")
    other_guest.get(f"/en/orders/link/{queries.token_for(guest_order)}")
    strangers = {
        "another shopper": signed_in(app.test_client(), "other@example.com"),
        "anonymous": app.test_client(),
        "another guest": other_guest,
    }
    for who, stranger in strangers.items():
        token = csrf_from(body_of(stranger.get("/en/cart")))
        answers = {
            "return page": stranger.get(return_url(order)),
            "return post": stranger.post(
                return_url(order),
                data={"csrf_token": token, f"line_{oolong.id}": "1", "reason": "Mine now"},
            ),
            "received": stranger.post(received_url(order, tea), data={"csrf_token": token}),
        }
        for route, answer in answers.items():
            assert answer.status_code == 404, (who, route, answer.status_code)
    assert return_count(db) == 0

    # its own shopper gets in
    if owner == "account":
        signed_in(client)
    else:
        client.get(f"/en/orders/link/{queries.token_for(order)}")
    assert client.get(return_url(order)).status_code == 200


# -- 5. valid HTML ----------------------------------------------------------------------------


def test_the_order_and_return_pages_are_valid_html(db, client, shop, tmp_path):
    from tests.web.test_html_validity import _validate, _vnu_command

    command = _vnu_command()
    order = paid_order(db, [(shop.oolong, 2), (shop.cake, 1), (shop.oil, 1)], shop.ploy)
    ship(parcel_of(db, order, shop.sauces), shop.sauces_owner)
    deliver(db, parcel_of(db, order, shop.tea), shop.tea_owner)
    oolong = line_of(db, order, shop.oolong)
    signed_in(client)
    assert ask_return(client, order, {oolong: 1}, files={"lid.png": png()}).status_code == 303
    pages = {
        "order": body_of(client.get(f"/en/orders/{order.ref}")),
        "order-th": body_of(client.get(f"/th/orders/{order.ref}")),
        "return": body_of(client.get(return_url(order))),
        "return-refused": body_of(
            ask_return(client, order, {oolong: 5}, reason="", files={"x.txt": b"x"}), 422
        ),
    }
    files = []
    for name, html in pages.items():
        path = tmp_path / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        files.append(path)
    _validate(command, files, tmp_path)
