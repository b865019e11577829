"""Twenty shoppers race for the last five units: exactly five orders are placed and paid, the
other fifteen are told it is sold out (409, never a 500), and nothing is oversold.

Everything is real: gunicorn (several processes, several threads each) over a throwaway
database (SQLite or PostgreSQL, as DATABASE_URL says), each shopper a `requests.Session` with
its own cookie, the pages' CSRF tokens, localstripe charging the card and sending the signed
webhook that marks the order paid. Run with -s to see the figures.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from app.domain import cooling_off
from app.domain.order_states import Actor
from app.extensions import db as _db
from app.models import Order, OrderLine, ReturnLine, StockMovement, Variant, Vendor
from app.services.errors import PayoutRefused
from app.services.orders import earnings, fulfilment
from app.transaction import unit_of_work
from tests.conftest import csrf_from
from tests.live_store import LiveStore, eventually, migrated_app, throwaway_database
from tests.servers import free_port, wait_until

ROOT = Path(__file__).resolve().parents[2]
BUYERS = 20
UNITS = 5
FINGERPRINT = re.compile(r'name="fingerprint"[^>]*value="([^"]+)"')
CHECKOUT_KEY = re.compile(r'name="checkout_key"[^>]*value="([^"]+)"')
PAY_URL = re.compile(r"^/en/checkout/(TGG-[A-Z0-9]+)/pay$")
#: gunicorn: processes × threads answering at once
WORKERS, THREADS = 3, 4


@pytest.fixture(scope="module")
def store(tmp_path_factory, test_settings, localstripe):
    """gunicorn on a database of its own, localstripe's webhooks going to it."""
    with throwaway_database(tmp_path_factory, "race-store") as database_url:
        app = migrated_app(test_settings, database_url)
        port = free_port()
        log = tmp_path_factory.mktemp("race-gunicorn") / "gunicorn.log"
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": test_settings["MEDIA_ROOT"],
            "MAIL_SERVER": "127.0.0.1",
            "MAIL_PORT": str(test_settings["MAIL_PORT"]),
            "STRIPE_API_BASE": test_settings["STRIPE_API_BASE"],
            "STRIPE_JS_URL": test_settings["STRIPE_JS_URL"],
            "STRIPE_SECRET_KEY": test_settings["STRIPE_SECRET_KEY"],
            "STRIPE_PUBLISHABLE_KEY": test_settings["STRIPE_PUBLISHABLE_KEY"],
            "STRIPE_WEBHOOK_SECRET": test_settings["STRIPE_WEBHOOK_SECRET"],
        }
        env.pop("REDIS_URL", None)
        # Every shopper here comes from 127.0.0.1: the per-address checkout limit (20 a
        # minute, for people) would turn the race into a rate-limit test.
        factory = "app:create_app('testing', RATELIMIT_CHECKOUT='10000 per minute')"
        with log.open("wb") as output:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "--no-control-socket",
                    "-w",
                    str(WORKERS),
                    "-k",
                    "gthread",
                    "--threads",
                    str(THREADS),
                    "-b",
                    f"127.0.0.1:{port}",
                    factory,
                ],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        url = f"http://127.0.0.1:{port}"
        try:

            def up() -> bool:
                with requests.get(f"{url}/robots.txt", timeout=10) as response:
                    return response.ok

            wait_until(up, "gunicorn")
            localstripe.clear()  # less for localstripe to pickle after each write
            localstripe.register_webhook(
                f"{url}/webhooks/stripe", test_settings["STRIPE_WEBHOOK_SECRET"]
            )
            store = LiveStore(app=app, url=url, tap=None)
            store.log = log
            yield store
        finally:
            localstripe.forget_webhooks()
            process.terminate()
            process.wait(timeout=20)
            with app.app_context():
                _db.session.remove()
                _db.engine.dispose()


@dataclass
class Buyer:
    number: int
    url: str
    http: requests.Session = field(default_factory=requests.Session)
    checkout_status: int | None = None
    checkout_page: str = ""
    ref: str | None = None
    paid_answer: dict | None = None
    error: BaseException | None = None

    @property
    def email(self) -> str:
        return f"racer{self.number}@example.com"

    def get(self, path: str) -> requests.Response:
        response = self.http.get(self.url + path, timeout=60)
        assert response.status_code == 200, (path, response.status_code)
        return response

    def post(self, path: str, data: dict) -> requests.Response:
        return self.http.post(self.url + path, data=data, timeout=60, allow_redirects=False)

    def fill_cart(self, variant_id: int) -> str:
        """Add one unit, open checkout: the form as this shopper would send it."""
        token = csrf_from(self.get("/en/cart").text)
        added = self.post("/en/cart/add", {"csrf_token": token, "variant": variant_id})
        assert added.status_code == 303, added.status_code
        return self.get("/en/checkout").text

    def place(self, checkout_page: str) -> None:
        self.checkout_status = None
        response = self.post(
            "/en/checkout",
            {
                "csrf_token": csrf_from(checkout_page),
                "fingerprint": FINGERPRINT.search(checkout_page).group(1),
                "checkout_key": CHECKOUT_KEY.search(checkout_page).group(1),
                "email": self.email,
                "name": f"Racer {self.number}",
                "line1": "Blk 123 Ang Mo Kio Ave 3",
                "line2": f"#05-{self.number:02d}",
                "city": "Singapore",
                "region": "",
                "postal_code": "560123",
                "country": "SG",
                "phone": "+65 9123 4567",
            },
        )
        self.checkout_status = response.status_code
        self.checkout_page = response.text
        if response.status_code == 303:
            path = requests.utils.urlparse(response.headers["Location"]).path
            self.ref = PAY_URL.match(path).group(1)

    def pay(self) -> None:
        path = f"/en/checkout/{self.ref}/pay"
        token = csrf_from(self.get(path).text)
        answer = self.post(path, {"csrf_token": token, "payment_method": "pm_card_visa"})
        assert answer.status_code == 200, answer.text[:300]
        self.paid_answer = answer.json()


def _run(buyers, work) -> None:
    def guarded(buyer):
        try:
            work(buyer)
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            buyer.error = error

    threads = [threading.Thread(target=guarded, args=(b,)) for b in buyers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    errors = [f"buyer {b.number}: {b.error!r}" for b in buyers if b.error]
    assert not errors, "\n".join(errors)


def test_twenty_buyers_race_for_the_last_five_units(store, smtp_sink):
    with store.build() as make:
        product = make.product(
            make.vendor(),
            names={"en": "Last-batch oolong"},
            variants=[{"price_twd": 880, "stock": UNITS, "weight_g": 300}],
        )
        variant_id = product.variants[0].id
    smtp_sink.messages.clear()
    buyers = [Buyer(n, store.url) for n in range(1, BUYERS + 1)]
    try:
        pages = {}

        def ready(buyer):
            pages[buyer.number] = buyer.fill_cart(variant_id)

        _run(buyers, ready)
        start = threading.Barrier(BUYERS)
        answered: list[float] = []

        def race(buyer):
            start.wait(timeout=60)
            began = time.perf_counter()
            buyer.place(pages[buyer.number])
            answered.append(time.perf_counter() - began)

        began = time.perf_counter()
        _run(buyers, race)
        race_seconds = time.perf_counter() - began

        statuses = sorted(b.checkout_status for b in buyers)
        assert statuses == [303] * UNITS + [409] * (BUYERS - UNITS), store.log.read_text()[-3000:]
        winners = [b for b in buyers if b.checkout_status == 303]
        for loser in (b for b in buyers if b.checkout_status == 409):
            assert "Sold out: please remove it." in loser.checkout_page

        began = time.perf_counter()
        _run(winners, Buyer.pay)
        assert [b.paid_answer["status"] for b in winners] == ["succeeded"] * UNITS

        def all_paid() -> bool:
            with store.session() as session:
                return (
                    session.scalar(
                        select(func.count()).select_from(Order).where(Order.status == "paid")
                    )
                    == UNITS
                )

        eventually(all_paid, "five orders paid by webhook", seconds=30)
        paid_seconds = time.perf_counter() - began
    finally:
        for buyer in buyers:
            buyer.http.close()

    with store.session() as session:
        orders = session.scalars(
            select(Order)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .where(OrderLine.variant_id == variant_id)
        ).all()
        assert sorted(o.ref for o in orders) == sorted(b.ref for b in winners)
        assert {o.status for o in orders} == {"paid"}
        variant = session.get(Variant, variant_id)
        assert (variant.on_hand, variant.reserved) == (UNITS, UNITS)  # available: 0
        reservations = session.scalars(
            select(StockMovement.reserved_delta).where(
                StockMovement.variant_id == variant_id, StockMovement.reason == "reserve"
            )
        ).all()
        assert reservations == [1] * UNITS
    confirmed = eventually(
        lambda: len(smtp_sink.messages) >= UNITS and smtp_sink.messages, "confirmation mails"
    )
    assert sorted(m["To"] for m in confirmed) == sorted(b.email for b in winners)

    backend = store.app.config["SQLALCHEMY_DATABASE_URI"].split(":")[0]
    print(
        f"\n[{backend}, gunicorn {WORKERS}×{THREADS}] {BUYERS} checkouts for {UNITS} units "
        f"answered in {race_seconds:.2f} s ({BUYERS / race_seconds:.1f} checkouts/s, "
        f"{UNITS / race_seconds:.1f} orders placed/s; slowest answer {max(answered):.2f} s); "
        f"{UNITS} paid (card + webhook) in {paid_seconds:.2f} s"
    )


def test_buyers_of_the_same_items_in_any_order_all_get_their_orders(store):
    """Carts holding the same items in different orders, two options of one product among
    them: every checkout goes through (on PostgreSQL, stock taken in cart order made them
    wait for each other in a circle until one was aborted: a 500)."""
    with store.build() as make:
        two_options = make.product(
            make.vendor(),
            variants=[
                {"price_twd": 300, "stock": 100, "weight_g": 200},
                {"price_twd": 320, "stock": 100, "weight_g": 200},
            ],
        )
        single = make.product(
            make.vendor(), variants=[{"price_twd": 150, "stock": 100, "weight_g": 100}]
        )
        a1, a2 = (v.id for v in two_options.variants)
        (b,) = (v.id for v in single.variants)
    patterns = [(a1, b), (b, a2, a1), (a2,), (b,), (a2, a1), (b, a1)]
    buyers = [Buyer(n, store.url) for n in range(1, BUYERS + 1)]
    carts = {buyer.number: patterns[buyer.number % len(patterns)] for buyer in buyers}
    try:
        pages = {}

        def ready(buyer):
            token = csrf_from(buyer.get("/en/cart").text)
            for variant_id in carts[buyer.number]:
                added = buyer.post("/en/cart/add", {"csrf_token": token, "variant": variant_id})
                assert added.status_code == 303, added.status_code
            pages[buyer.number] = buyer.get("/en/checkout").text

        _run(buyers, ready)
        start = threading.Barrier(BUYERS)

        def race(buyer):
            start.wait(timeout=60)
            buyer.place(pages[buyer.number])

        began = time.perf_counter()
        _run(buyers, race)
        seconds = time.perf_counter() - began
    finally:
        for buyer in buyers:
            buyer.http.close()

    assert [b.checkout_status for b in buyers] == [303] * BUYERS, store.log.read_text()[-3000:]
    wanted = {variant_id: 0 for variant_id in (a1, a2, b)}
    for cart_items in carts.values():
        for variant_id in cart_items:
            wanted[variant_id] += 1
    with store.session() as session:
        held = {v: session.get(Variant, v).reserved for v in wanted}
    assert held == wanted

    backend = store.app.config["SQLALCHEMY_DATABASE_URI"].split(":")[0]
    print(
        f"\n[{backend}, gunicorn {WORKERS}×{THREADS}] {BUYERS} orders of 1 to 3 lines placed "
        f"at once in {seconds:.2f} s: {BUYERS / seconds:.1f} orders placed/s"
    )


def test_a_double_click_on_place_order_places_one_order(store):
    """Eight shoppers each send their checkout form twice at the same moment from one browser
    (a double click: the same cookie, the same form): one order each, both answers lead to
    it, nothing reserved twice, never a 500."""
    with store.build() as make:
        product = make.product(
            make.vendor(),
            names={"en": "Double-click oolong"},
            variants=[{"price_twd": 500, "stock": 100, "weight_g": 300}],
        )
        variant_id = product.variants[0].id
    shoppers = [Buyer(n, store.url) for n in range(101, 109)]
    # the second click: the same browser (its cookies) sending the same page's form
    twins = [Buyer(b.number, store.url) for b in shoppers]
    try:
        pages = {}

        def ready(buyer):
            pages[buyer.number] = buyer.fill_cart(variant_id)

        _run(shoppers, ready)
        for shopper, twin in zip(shoppers, twins, strict=True):
            twin.http.cookies.update(shopper.http.cookies)
        start = threading.Barrier(len(shoppers) * 2)

        def click(buyer):
            start.wait(timeout=60)
            buyer.place(pages[buyer.number])

        _run(shoppers + twins, click)
    finally:
        for buyer in shoppers + twins:
            buyer.http.close()

    for shopper, twin in zip(shoppers, twins, strict=True):
        assert (shopper.checkout_status, twin.checkout_status) == (303, 303), store.log.read_text()[
            -3000:
        ]
        assert shopper.ref == twin.ref
    with store.session() as session:
        placed = session.scalars(
            select(Order.ref)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .where(OrderLine.variant_id == variant_id)
        ).all()
        assert sorted(placed) == sorted(b.ref for b in shoppers)
        assert session.get(Variant, variant_id).reserved == len(shoppers)


def delivered_order(store, shopper: Buyer, name: str) -> tuple[int, int]:
    """Two units of a new shop's product bought, paid (card and webhook) and delivered.
    Returns (the order line's id, its units)."""
    with store.build() as make:
        product = make.product(
            make.vendor(),
            names={"en": name},
            variants=[{"price_twd": 600, "stock": 10, "weight_g": 300}],
        )
        variant_id = product.variants[0].id
    token = csrf_from(shopper.get("/en/cart").text)
    added = shopper.post(
        "/en/cart/add", {"csrf_token": token, "variant": variant_id, "quantity": 2}
    )
    assert added.status_code == 303, added.status_code
    shopper.place(shopper.get("/en/checkout").text)
    assert shopper.checkout_status == 303, shopper.checkout_page[:2000]
    shopper.pay()

    def delivered() -> bool:
        with store.session() as session:
            order = session.scalar(select(Order).where(Order.ref == shopper.ref))
            if order.status != "paid":
                return False
            parcel = order.vendor_orders[0]
            fulfilment.accept(parcel, None)
            fulfilment.ship(parcel, "dhl", "1234567890", None)
            fulfilment.deliver(parcel, None, Actor.SHOPPER)
            return True

    eventually(delivered, "the order paid by webhook, then delivered", seconds=30)
    with store.session() as session:
        line = session.scalar(select(OrderLine).join(Order).where(Order.ref == shopper.ref))
        return line.id, line.quantity


def test_a_double_click_on_ask_for_a_return_asks_once(store):
    """A shopper sends the return form for both units of a delivered parcel twice at the same
    moment from one browser: one request goes to the shop, the other is told nothing is left
    to return (never a second request for the same units: refunds must not pass the line)."""
    shopper = Buyer(201, store.url)
    twin = Buyer(201, store.url)
    try:
        line_id, units = delivered_order(store, shopper, "Return-race oolong")
        url = f"/en/orders/{shopper.ref}/return"
        token = csrf_from(shopper.get(url).text)
        twin.http.cookies.update(shopper.http.cookies)
        form = {"csrf_token": token, "reason": "Arrived crushed", f"line_{line_id}": str(units)}
        start = threading.Barrier(2)
        answers: dict[int, requests.Response] = {}

        def click(buyer):
            start.wait(timeout=60)
            answers[id(buyer)] = buyer.http.post(
                store.url + url, data=form, timeout=60, allow_redirects=False
            )

        _run([shopper, twin], click)
    finally:
        shopper.http.close()
        twin.http.close()

    statuses = sorted(answer.status_code for answer in answers.values())
    assert statuses == [303, 422], store.log.read_text()[-3000:]
    with store.session() as session:
        asked = session.scalars(
            select(ReturnLine.quantity).where(ReturnLine.order_line_id == line_id)
        ).all()
        assert asked == [units]


def test_a_payout_recorded_twice_at_the_same_moment_is_recorded_once(store, monkeypatch):
    """An operator's double click on "Record payout" (or two operators): both read what is
    payable before either records it; the second must find nothing left, not pay it again."""
    shopper = Buyer(301, store.url)
    try:
        delivered_order(store, shopper, "Payout-race oolong")
    finally:
        shopper.http.close()
    with store.session() as session:
        order = session.scalar(select(Order).where(Order.ref == shopper.ref))
        parcel = order.vendor_orders[0]
        # its cooling-off window closed with no return: the earning is payable
        fulfilment.complete_due(now=parcel.delivered_at + cooling_off.WINDOW + timedelta(hours=1))
        vendor_id = parcel.vendor_id
    with store.app.app_context():
        payable = earnings.balance(_db.session.get(Vendor, vendor_id)).payable
        _db.session.remove()
    assert payable > 0
    first_read = threading.Event()
    real_balance = earnings.balance

    def balance_then_wait(vendor):
        found = real_balance(vendor)
        if not first_read.is_set():
            first_read.set()  # the second click reads now, before this one records
            time.sleep(0.5)
        return found

    monkeypatch.setattr(earnings, "balance", balance_then_wait)
    outcomes: list[str] = []

    def record(first: bool) -> None:
        if not first:
            first_read.wait(timeout=10)
        try:
            with store.app.app_context(), unit_of_work():
                vendor = _db.session.get(Vendor, vendor_id)
                earnings.record_payout(vendor, payable, "TT-2026-1201", date(2026, 12, 1), None)
            outcomes.append("recorded")
        except PayoutRefused as refused:
            outcomes.append(refused.code)
        finally:
            with store.app.app_context():
                _db.session.remove()

    threads = [threading.Thread(target=record, args=(first,)) for first in (True, False)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["payout.amount", "recorded"]
    with store.app.app_context():
        assert real_balance(_db.session.get(Vendor, vendor_id)).payable == 0
        _db.session.remove()
