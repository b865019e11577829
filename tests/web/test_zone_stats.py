"""What shoppers do with a zone, as operators see it (issue 12): a product found in a zone
carries the zone through the cart to the paid order's line; views and adds to cart are
counted without a database write on the page view (in this process, or in Redis when it is
set) and reach zone_daily_stats in batches (the sweep, `flask zones flush-stats`); a batch
that cannot be saved is kept for the next flush.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from app import jobs
from app.models import Order, OrderLine, ZoneDailyStat
from app.models.user import Role
from app.services import clock, zone_stats
from tests.conftest import Browser
from tests.factories import PASSWORD
from tests.web.test_cart_and_checkout import (
    SG_ADDRESS,
    body_of,
    doc_of,
    paid_event,
    place,
    post,
    signed_webhook,
)
from tests.web.test_ops_zones import text

WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture(autouse=True)
def _nothing_counted_yet(db):
    """Counts other tests left in this process's memory are not this test's."""
    zone_stats.take()
    zone_stats.known_zones.invalidate()
    yield
    zone_stats.take()


@pytest.fixture
def picks(db, make):
    """Zone "picks" (Singapore, where the English pages ship) with an oolong and a cake."""
    shop = make.vendor(slug="lin-tea", name_en="Lin Tea Garden")
    oolong = make.product(
        shop,
        handle="oolong",
        names={"en": "Dong Ding Oolong"},
        variants=[{"sku": "DD-1", "price_twd": 680, "stock": 10}],
    )
    cake = make.product(
        shop,
        handle="cake",
        category="snacks",
        names={"en": "Pineapple Cake"},
        variants=[{"sku": "PC-1", "price_twd": 450, "stock": 10}],
    )
    zone = make.zone(slug="picks", titles={"en": "Picks"}, markets=["SG"], products=[oolong, cake])
    db.session.commit()
    return zone, oolong, cake


def writes(statements: list[str]) -> list[str]:
    return [s for s in statements if s.lstrip().upper().startswith(WRITES)]


def stat_row(db, zone) -> tuple[int, int, int] | None:
    db.session.expire_all()
    row = db.session.get(ZoneDailyStat, (zone.id, clock.today()))
    return (row.views, row.product_views, row.add_to_carts) if row else None


def card_link(response, name: str) -> str:
    doc = doc_of(response)
    for link in doc.find_all("a", class_="card__link"):
        if name in link.text():
            return link.attrs["href"]
    raise AssertionError(f"no card for {name}")


def test_views_are_counted_without_writing_to_the_database(db, client, picks, count_queries):
    zone, oolong, _cake = picks
    with count_queries() as statements:
        page = client.get("/en/zones/picks")
        product = client.get(card_link(page, "Dong Ding Oolong"))
        client.get(card_link(page, "Pineapple Cake"))
        # not views of the zone: the buy box redrawn by htmx, a made-up zone, another page
        client.get(f"/en/products/lin-tea/oolong?zone={zone.id}", headers={"HX-Request": "true"})
        client.get("/en/products/lin-tea/oolong?zone=987654")
        client.get("/en/products/lin-tea/oolong")
    assert page.status_code == product.status_code == 200
    assert statements, "the recorder saw the pages' reads"
    assert writes(statements) == []
    assert stat_row(db, zone) is None  # nothing written yet

    assert jobs.flush_zone_stats() == 1
    assert stat_row(db, zone) == (1, 2, 0)
    # flushed counts are not counted twice
    assert jobs.flush_zone_stats() == 0
    assert stat_row(db, zone) == (1, 2, 0)


def test_the_scheduled_sweep_saves_the_counts(app, db, client, picks, monkeypatch):
    """The sweep every app process runs without a worker (and the worker runs with one)."""
    zone, _oolong, _cake = picks
    client.get("/en/zones/picks")
    post(client, "/en/cart/add", {"variant": str(picks[2].variants[0].id), "zone": zone.id})
    monkeypatch.setattr(jobs, "_worker_app", app)

    jobs.sweep()

    assert stat_row(db, zone) == (1, 0, 1)


@pytest.fixture
def with_redis(app, fixture_app, redis_url, monkeypatch):
    """REDIS_URL set for the requests and for the flush (the test's own app context)."""
    from redis import Redis

    connection = Redis.from_url(redis_url)
    for key in connection.scan_iter(match="tgg:zone-stats:*"):
        connection.delete(key)
    for either in (app, fixture_app):
        monkeypatch.setitem(either.config, "REDIS_URL", redis_url)
    return connection


def test_with_redis_views_go_to_a_hash_per_zone_and_day_and_the_command_flushes_them(
    app, db, client, picks, with_redis, count_queries
):
    zone, _oolong, _cake = picks
    with count_queries() as statements:
        page = client.get("/en/zones/picks")
        client.get("/en/zones/picks")
        client.get(card_link(page, "Pineapple Cake"))
    assert writes(statements) == []
    key = f"tgg:zone-stats:live:{clock.today().isoformat()}:{zone.id}"
    assert with_redis.hgetall(key) == {b"views": b"2", b"product_views": b"1"}

    result = app.test_cli_runner().invoke(args=["zones", "flush-stats"])

    assert result.exit_code == 0, result.output
    assert result.output.strip() == "1 zone-day row(s) updated."
    assert stat_row(db, zone) == (2, 1, 0)
    assert list(with_redis.scan_iter(match="tgg:zone-stats:*")) == []


@pytest.mark.parametrize("store", ["memory", "redis"])
def test_a_batch_that_cannot_be_saved_waits_for_the_next_flush(
    request, db, client, picks, monkeypatch, store
):
    zone, _oolong, _cake = picks
    if store == "redis":
        request.getfixturevalue("with_redis")
    for _ in range(3):
        client.get("/en/zones/picks")

    def refuse(batch):
        raise RuntimeError("database went away")

    with monkeypatch.context() as patched:
        patched.setattr(zone_stats, "record", refuse)
        with pytest.raises(RuntimeError):
            jobs.flush_zone_stats()
    assert stat_row(db, zone) is None
    client.get("/en/zones/picks")

    jobs.flush_zone_stats()

    assert stat_row(db, zone) == (4, 0, 0)


def test_a_product_found_in_a_zone_is_attributed_to_it_through_the_paid_order(
    app, db, client, make, picks
):
    """A guest opens the zone, follows a card, adds two from the product page, checks out
    and pays; the order line names the zone, and the zone's stats page says so. An unpaid
    order from the zone and a paid one from elsewhere are not the zone's."""
    zone, oolong, cake = picks
    page = client.get("/en/zones/picks")
    link = card_link(page, "Dong Ding Oolong")
    assert parse_qs(urlsplit(link).query)["zone"] == [str(zone.id)]
    product_page = client.get(link)
    form = doc_of(product_page).find("form", action="/en/cart/add")
    fields = {i.attrs["name"]: i.attrs.get("value", "") for i in form.find_all("input")}
    assert fields["zone"] == str(zone.id)
    added = client.post("/en/cart/add", data=fields | {"quantity": "2"})
    assert added.status_code == 303

    placed = place(client, SG_ADDRESS | {"email": "wei@example.com"})
    assert placed.status_code == 303, body_of(placed, placed.status_code)[:2000]
    pay_url = placed.headers["Location"]
    ref = re.fullmatch(r"/en/checkout/(TGG-[A-Z0-9]+)/pay", pay_url)[1]
    paid = post(client, pay_url, {"payment_method": "pm_card_visa"}, page=pay_url).get_json()
    assert paid["status"] == "succeeded"
    db.session.expire_all()
    order = db.session.scalar(select(Order).where(Order.ref == ref))
    assert signed_webhook(client, paid_event(order)).status_code == 200
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "paid"
    [line] = db.session.scalars(select(OrderLine).where(OrderLine.order_id == order.id)).all()
    assert (line.zone_id, line.product_id, line.quantity) == (zone.id, oolong.id, 2)

    # a cake from the zone, never paid; an oolong bought without the zone, paid
    other = app.test_client()
    other.get("/en/zones/picks")
    post(other, "/en/cart/add", {"variant": str(cake.variants[0].id), "zone": str(zone.id)})
    assert place(other, SG_ADDRESS | {"email": "kim@example.com"}).status_code == 303
    third = app.test_client()
    post(third, "/en/cart/add", {"variant": str(oolong.variants[0].id), "quantity": "1"})
    plain = place(third, SG_ADDRESS | {"email": "lee@example.com"}).headers["Location"]
    post(third, plain, {"payment_method": "pm_card_visa"}, page=plain)
    db.session.expire_all()
    plain_order = db.session.scalar(select(Order).where(Order.ref == plain.split("/")[3]))
    assert signed_webhook(third, paid_event(plain_order)).status_code == 200

    jobs.flush_zone_stats()
    operator = make.user(Role.OPERATOR, email="stats@example.com")
    db.session.commit()
    ops = Browser(app.test_client())
    ops.sign_in(operator.email, PASSWORD)
    stats = doc_of(ops.get("/en/ops/zones/stats?days=7"))
    row = next(r for r in stats.find_all("tr") if r.find("th") and "Picks" in r.find("th").text())
    cells = [re.sub(r"\s+", " ", td.text()).strip() for td in row.find_all("td")]
    # views, product views, added to cart, orders, units, revenue (2 × NT$680), orders per view
    assert cells == ["2", "1", "2", "1", "2", "NT$1,360", "50%"]
    assert "revenue is the price of those goods in NT$" in text(ops.get("/en/ops/zones/stats"))
