"""The console's "see the business" pages (issue 12), through the test client with CSRF on:
the analytics dashboard, operations health and the audit log browser.

The orders are placed and paid as shoppers pay them (tests/paid_orders.py: localstripe and the
signed webhook), in Thailand (THB) and Malaysia (MYR). The figures the page shows are computed
again here, independently, from those orders: goods charged in the market's currency divided
by the exchange rate frozen on each order.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, time, timedelta
from fractions import Fraction
from html import unescape

import pytest
from sqlalchemy import func, select, update

from app import jobs
from app.domain.money import minor_unit
from app.models import (
    AuditEvent,
    ExchangeRate,
    Order,
    OrderLine,
    OutboxMessage,
    ReturnRequest,
    SalesDay,
    SalesDayKey,
    StripeEvent,
    ZoneDailyStat,
)
from app.models.user import Role
from app.services import audit, cart, clock
from app.services.analytics import rollup
from app.services.checkout import placing
from app.transaction import unit_of_work
from tests.after_sale import ask_return, delivered_order
from tests.conftest import Browser, csrf_from
from tests.factories import PASSWORD
from tests.paid_orders import paid_order
from tests.services.test_checkout import ADDRESSES, shopper

OPS = "/en/ops"
#: statements the analytics page may run, however many orders there are: the operator, the
#: days rolled up, their sums (two), today's sums (four), returns, vendor names, zone views
ANALYTICS_QUERY_CEILING = 12


def text(response) -> str:
    """The page's words, without markup."""
    html = response.get_data(as_text=True)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def rows_of(response, slug: str) -> list[list[str]]:
    """The body rows of the numbers table of the figure `slug`, cell texts."""
    html = response.get_data(as_text=True)
    section = re.search(
        rf'<section class="figure" aria-labelledby="figure-{slug}">(.*?)</section>', html, re.S
    )
    assert section, slug
    body = re.search(r"<tbody>(.*?)</tbody>", section.group(1), re.S).group(1)
    return [
        [
            unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def csv_of(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(response.get_data().decode("utf-8-sig"))))


def twd(orders: list[Order]) -> Fraction:
    """The orders' goods in NT$, exactly: each at its own frozen rate."""
    return sum(
        (
            Fraction(o.goods_minor, 10 ** minor_unit(o.currency)) / Fraction(o.fx_rate)
            for o in orders
        ),
        Fraction(0),
    )


def whole(value: Fraction) -> int:
    return int(value + Fraction(1, 2))  # half-up, amounts are positive


@pytest.fixture
def ops(app, db, make) -> Browser:
    """An operator, signed in."""
    operator = make.user(Role.OPERATOR, email="ops@example.com", name="Olivia Ops")
    db.session.commit()
    browser = Browser(app.test_client())
    browser.sign_in(operator.email, PASSWORD, "en")
    browser.operator = operator
    return browser


@pytest.fixture
def shop(db, make):
    tea = make.vendor(slug="lin-tea", name_en="Lin Family Tea", name_zh_hant="林家茶園")
    cakes = make.vendor(slug="sun-cakes", name_en="Sunny Cakes", name_zh_hant="日光餅舖")
    oolong = make.product(
        tea,
        handle="oolong",
        names={"en": "Dong Ding Oolong"},
        category="tea",
        variants=[{"sku": "DD-150", "price_twd": 680, "stock": 50, "weight_g": 300}],
    )
    cake = make.product(
        cakes,
        handle="sun-cake",
        names={"en": "Sun Cake"},
        category="snacks",
        variants=[{"sku": "SC-6", "price_twd": 450, "stock": 50, "weight_g": 400}],
    )
    db.session.commit()
    return tea, cakes, oolong.variants[0], cake.variants[0]


@pytest.fixture
def sales(db, shop):
    """Five paid orders and one placed but never paid:

    TH  two oolong; one oolong and one cake (two vendors); two cakes, paid 3 Taipei days ago
    MY  one oolong, paid at 00:30 Taipei today (still yesterday in UTC); one oolong delivered
        with a return asked for
    """
    _tea, _cakes, oolong, cake = shop
    th = [
        paid_order([(oolong, 2)], "TH"),
        paid_order([(oolong, 1), (cake, 1)], "TH"),
        paid_order([(cake, 2)], "TH"),
    ]
    my = [paid_order([(oolong, 1)], "MY"), delivered_order(oolong, 1, market="MY")]
    ask_return(my[1], 1)
    today = clock.today()
    early = datetime.combine(today, time(0, 30), tzinfo=clock.STORE_TZ)
    with unit_of_work():
        db.session.execute(
            update(Order)
            .where(Order.id == th[2].id)
            .values(paid_at=clock.now() - timedelta(days=3))
        )
        db.session.execute(update(Order).where(Order.id == my[0].id).values(paid_at=early))
    # placed, never paid: not a sale
    who = shopper("TH", "en")
    wanted = [cart.Item(oolong.id, 3)]
    with unit_of_work():
        placing.place(
            who,
            wanted,
            placing.Buyer("later@example.com", "en"),
            ADDRESSES["TH"],
            cart.price(wanted, who).fingerprint,
        )
    db.session.expire_all()
    orders = {o.id: o for o in db.session.scalars(select(Order))}
    return [orders[o.id] for o in th], [orders[o.id] for o in my]


# -- analytics ----------------------------------------------------------------------------------


def test_dashboard_figures_match_the_paid_orders(db, ops, sales):
    th, my = sales
    paid = th + my
    page = ops.get(f"{OPS}/analytics?days=30")
    assert page.status_code == 200
    words = text(page)

    # the headline: GMV of the five paid orders (not the unpaid one), in NT$
    total = whole(twd(paid))
    assert abs(total - (680 * 2 + 680 + 450 + 450 * 2 + 680 + 680)) <= len(paid)
    assert f"NT${total:,}" in words
    assert "5 paid orders" in words
    assert "20% of orders with a return" in words  # one of five

    markets = {
        row["market"]: row for row in csv_of(ops.get(f"{OPS}/analytics/markets.csv?days=30"))
    }
    assert set(markets) == {"TH", "MY"}
    for code, orders in (("TH", th), ("MY", my)):
        row = markets[code]
        assert row["currency"] == orders[0].currency
        assert int(row["orders"]) == len(orders)
        assert int(row["gmv_twd"]) == whole(twd(orders))
        goods = sum(o.goods_minor for o in orders)
        unit = 10 ** minor_unit(orders[0].currency)
        average = Fraction(goods, len(orders) * unit)
        assert Fraction(row["average_order"]) == Fraction(round(average * unit), unit)
        assert int(row["average_order_twd"]) == whole(twd(orders) / len(orders))

    returns = {
        row["market"]: row for row in csv_of(ops.get(f"{OPS}/analytics/returns.csv?days=30"))
    }
    assert (returns["MY"]["orders_with_return"], returns["MY"]["return_rate"]) == ("1", "0.500")
    assert (returns["TH"]["orders_with_return"], returns["TH"]["return_rate"]) == ("0", "0.000")
    assert (returns[""]["orders"], returns[""]["return_rate"]) == ("5", "0.200")


def test_orders_count_on_the_taipei_day_they_were_paid(db, ops, sales):
    th, my = sales
    daily = csv_of(ops.get(f"{OPS}/analytics/daily.csv?days=7"))
    today, three_days_ago = clock.today(), clock.today() - timedelta(days=3)

    assert [row["day"] for row in daily] == [
        (today - timedelta(days=n)).isoformat() for n in range(6, -1, -1)
    ]
    by_day = {row["day"]: row for row in daily}
    # the MY order paid at 00:30 Taipei (16:30 UTC the day before) is today's
    assert int(by_day[today.isoformat()]["orders"]) == 4
    assert int(by_day[today.isoformat()]["gmv_twd"]) == whole(twd(th[:2] + my))
    assert int(by_day[three_days_ago.isoformat()]["orders"]) == 1
    assert int(by_day[three_days_ago.isoformat()]["gmv_twd"]) == whole(twd(th[2:]))
    assert sum(int(row["orders"]) for row in daily) == 5


def test_vendors_and_categories_add_up_to_the_goods_sold(db, ops, sales, shop):
    tea, cakes, oolong, cake = shop
    th, my = sales
    vendors = csv_of(ops.get(f"{OPS}/analytics/vendors.csv?days=30"))
    categories = csv_of(ops.get(f"{OPS}/analytics/categories.csv?days=30"))

    # the tea shop sold in four orders (two TH, two MY), the cake shop in two (TH)
    assert [(r["vendor"], r["orders"]) for r in vendors] == [
        ("Lin Family Tea", "4"),
        ("Sunny Cakes", "2"),
    ]
    assert [(r["category"], r["orders"]) for r in categories] == [
        ("Tea", "4"),
        ("Snacks & pastries", "2"),
    ]

    def goods_of(variant) -> Fraction:
        lines = db.session.execute(
            select(OrderLine.goods_minor, Order.currency, Order.fx_rate)
            .join(Order, Order.id == OrderLine.order_id)
            .where(OrderLine.variant_id == variant.id, Order.status == "paid")
        ).all()
        return sum(
            (Fraction(g, 10 ** minor_unit(c)) / Fraction(fx) for g, c, fx in lines), Fraction(0)
        )

    assert int(vendors[0]["gmv_twd"]) == whole(goods_of(oolong))
    assert int(vendors[1]["gmv_twd"]) == whole(goods_of(cake))
    assert [r["gmv_twd"] for r in categories] == [r["gmv_twd"] for r in vendors]
    # every breakdown adds up to the same whole (to a dollar of rounding per row)
    assert abs(sum(int(r["gmv_twd"]) for r in vendors) - whole(twd(th + my))) <= 1


def test_goods_bought_from_a_zone_show_under_that_zone_with_its_views(db, make, ops, sales):
    th, _my = sales
    zone = make.zone(slug="good-goods", titles={"en": "Taipei Good Goods"})
    quiet = make.zone(slug="quiet", titles={"en": "Quiet zone"})
    with unit_of_work():
        db.session.execute(
            update(OrderLine).where(OrderLine.order_id == th[0].id).values(zone_id=zone.id)
        )
        # page views counted in batches: 3 yesterday and 5 today; the quiet zone sold nothing
        for day, views in ((clock.today() - timedelta(days=1), 3), (clock.today(), 5)):
            db.session.add(ZoneDailyStat(zone_id=zone.id, day=day, views=views))
        db.session.add(ZoneDailyStat(zone_id=quiet.id, day=clock.today(), views=2))

    zones = csv_of(ops.get(f"{OPS}/analytics/zones.csv?days=30"))

    assert [
        (r["zone"], r["zone_page_views"], r["orders"], r["orders_per_view"], r["gmv_twd"])
        for r in zones
    ] == [
        ("Taipei Good Goods", "8", "1", "0.125", str(whole(twd(th[:1])))),
        ("Quiet zone", "2", "0", "0.000", "0"),
    ]
    assert "12.5%" in text(ops.get(f"{OPS}/analytics?days=30"))


def test_the_page_table_and_the_csv_say_the_same(db, ops, sales):
    page = ops.get(f"{OPS}/analytics?days=30")
    for slug, key, number in (
        ("markets", "gmv_twd", 3),
        ("vendors", "gmv_twd", 2),
        ("daily", "orders", 1),
    ):
        table = rows_of(page, slug)
        rows = csv_of(ops.get(f"{OPS}/analytics/{slug}.csv?days=30"))
        assert len(table) == len(rows), slug
        assert [re.sub(r"\D", "", r[number]) for r in table] == [r[key] for r in rows], slug


def test_charts_are_svg_with_a_name_a_description_and_the_numbers(db, ops, sales):
    html = ops.get(f"{OPS}/analytics").get_data(as_text=True)

    charts = re.findall(
        r'<svg class="chart" id="([^"]+)" role="img" aria-labelledby="([^"]+)"', html
    )
    assert {c for c, _ in charts} >= {"chart-gmv-per-day", "chart-gmv-by-market", "chart-vendors"}
    for chart_id, labelled_by in charts:
        assert labelled_by == f"{chart_id}-title {chart_id}-desc"
        assert f'<title id="{chart_id}-title">' in html
        assert f'<desc id="{chart_id}-desc">' in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert html.count('<table class="data">') == 6  # a table of numbers per figure


def test_a_roll_up_of_closed_days_changes_no_figure(app, db, ops, sales):
    """The sweep sums closed days once; the dashboard then reads those sums instead of the
    orders, and every figure stays what it was."""
    before = {
        slug: csv_of(ops.get(f"{OPS}/analytics/{slug}.csv?days=30"))
        for slug in ("daily", "markets", "vendors", "categories", "returns")
    }
    cli = app.test_cli_runner()
    assert (
        cli.invoke(args=["analytics", "roll-up"]).output == f"{rollup.SPAN_DAYS} days rolled up.\n"
    )
    assert cli.invoke(args=["analytics", "roll-up"]).output == "0 days rolled up.\n"  # once a day
    assert db.session.scalar(select(func.count()).select_from(SalesDayKey)) > 0

    for slug, rows in before.items():
        assert csv_of(ops.get(f"{OPS}/analytics/{slug}.csv?days=30")) == rows, slug


def test_the_sweep_rolls_up_a_few_closed_days_at_a_time_oldest_first(app, db, monkeypatch):
    """The scheduled sweep (every app process, or the worker) catches up on a backlog in
    short transactions; today is never rolled up."""
    monkeypatch.setattr(jobs, "_worker_app", app)
    due = rollup.due()
    assert len(due) == rollup.SPAN_DAYS
    assert due[-1] < clock.today()  # yesterday (from an hour after midnight)

    jobs.sweep()

    assert rollup.due() == due[rollup.DAYS_PER_SWEEP :]
    assert (
        list(db.session.scalars(select(SalesDay.day).order_by(SalesDay.day)))
        == (due[: rollup.DAYS_PER_SWEEP])
    )


def test_opening_the_dashboard_writes_nothing(db, ops, sales, count_queries):
    with count_queries() as statements:
        assert ops.get(f"{OPS}/analytics").status_code == 200
    writes = [
        s for s in statements if s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_the_dashboard_runs_a_bounded_number_of_statements(db, ops, shop, count_queries):
    _tea, _cakes, oolong, cake = shop
    paid_order([(oolong, 1)], "TH")
    ops.get(f"{OPS}/analytics")  # caches warm
    with count_queries() as few:
        assert ops.get(f"{OPS}/analytics").status_code == 200
    for market in ("TH", "MY", "SG", "TH"):
        paid_order([(oolong, 1), (cake, 1)], market)
    with count_queries() as more:
        assert ops.get(f"{OPS}/analytics").status_code == 200

    assert len(more) == len(few)
    assert len(more) <= ANALYTICS_QUERY_CEILING
    # with the closed days rolled up (as every day after the first sweep)
    with unit_of_work():
        for order in db.session.scalars(select(Order)):
            order.paid_at -= timedelta(days=2)
        rollup.roll_up(rollup.due())
    with count_queries() as rolled:
        page = ops.get(f"{OPS}/analytics")
    assert "5 paid orders" in text(page)
    assert len(rolled) <= ANALYTICS_QUERY_CEILING


def test_an_empty_store_shows_empty_charts_not_an_error(db, ops):
    page = ops.get(f"{OPS}/analytics")
    assert page.status_code == 200
    assert "Nothing in this period." in text(page)
    assert csv_of(ops.get(f"{OPS}/analytics/vendors.csv")) == []
    assert ops.get(f"{OPS}/analytics/nonsense.csv").status_code == 404


# -- operations health --------------------------------------------------------------------------


def _failed_mail(db) -> OutboxMessage:
    message = OutboxMessage(
        kind="mail",
        payload={
            "to": "buyer@example.com",
            "subject": "Your order",
            "body": "Thank you",
            "template": "order_paid",
        },
        status="failed",
        attempts=5,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )
    db.session.add(message)
    db.session.commit()
    return message


def test_health_shows_what_is_stuck_and_waiting(db, make, ops, sales):
    _th, my = sales
    failed = _failed_mail(db)
    make.vendor(slug="new-tea", status="pending", name_en="New Tea Farm")
    with unit_of_work():
        db.session.execute(
            update(ExchangeRate)
            .where(ExchangeRate.currency_code == "PHP")
            .values(as_of=clock.today() - timedelta(days=10))
        )
    with unit_of_work():
        db.session.execute(
            update(ReturnRequest).values(requested_at=clock.now() - timedelta(days=4))
        )

    words = text(ops.get(f"{OPS}/health"))

    assert f"#{failed.id}" in words
    assert "SMTPServerDisconnected: Connection unexpectedly closed" in words
    assert "1 failed after every attempt" in words
    # every paid order came through a signed webhook: each outcome with its count
    outcomes = db.session.execute(
        select(StripeEvent.outcome, func.count()).group_by(StripeEvent.outcome)
    ).all()
    assert sum(count for _outcome, count in outcomes) >= 5
    for outcome, count in outcomes:
        assert f"{outcome or 'no outcome recorded'}: {count}" in words
    assert "PHP: in force since" in words
    assert "New Tea Farm" in words
    assert my[1].ref in words  # the return asked for 4 days ago


def test_retry_sends_a_failed_delivery_again_and_is_audited(db, ops, outbox):
    failed = _failed_mail(db)
    page = ops.get(f"{OPS}/health").get_data(as_text=True)
    assert f'action="{OPS}/health/deliveries/{failed.id}/retry"' in page
    outbox.clear()

    response = ops.client.post(
        f"{OPS}/health/deliveries/{failed.id}/retry", data={"csrf_token": csrf_from(page)}
    )

    assert response.status_code == 303
    db.session.expire_all()
    message = db.session.get(OutboxMessage, failed.id)
    assert message.status == "sent"
    assert [m["To"] for m in outbox] == ["buyer@example.com"]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "outbox.retried"))
    assert event.actor_id == ops.operator.id
    assert event.target_id == failed.id
    assert event.data["before"]["status"] == "failed"
    assert event.data["after"]["status"] == "pending"
    assert "Sent: the delivery went through this time." in text(ops.get(f"{OPS}/health"))

    # retried already (another tab): refused, nothing audited again
    again = ops.client.post(
        f"{OPS}/health/deliveries/{failed.id}/retry", data={"csrf_token": csrf_from(page)}
    )
    assert again.status_code == 303
    assert "there is nothing to retry" in text(ops.get(f"{OPS}/health"))
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "outbox.retried")
        )
        == 1
    )
    assert (
        ops.client.post(
            f"{OPS}/health/deliveries/999999/retry", data={"csrf_token": csrf_from(page)}
        ).status_code
        == 404
    )


def test_the_console_home_links_the_health_page_with_its_counts(db, ops):
    _failed_mail(db)
    home = ops.get(f"{OPS}/")
    assert "1 delivery failed" in text(home)
    assert f'href="{OPS}/health"' in home.get_data(as_text=True)


# -- the audit log ------------------------------------------------------------------------------


@pytest.fixture
def log(db, make, ops):
    """Audit rows by two operators and the store itself, on three Taipei days."""
    other = make.user(Role.OPERATOR, email="max@example.com", name="Max Ops")
    zone = make.zone(slug="logged")
    now = clock.now()
    rows = [
        (ops.operator, "zone.updated", {"before": {"title": "Old"}, "after": {"title": "New"}}, 0),
        (other, "rate.set", {"before": {"rate": "1.00"}, "after": {"rate": "1.05"}}, 0),
        (other, "zone.updated", {"before": {"position": 1}, "after": {"position": 2}}, 2),
        (None, "rates.imported", {"rows": 4}, 5),
    ]
    with unit_of_work():
        for actor, action, data, days_ago in rows:
            event = audit.record(actor, action, zone, data)
            event.created_at = now - timedelta(days=days_ago)
    return ops.operator, other


def _actions(response) -> list[str]:
    return re.findall(r'<th scope="row"><code>([^<]+)</code>', response.get_data(as_text=True))


def test_the_audit_log_lists_who_did_what_newest_first(db, ops, log):
    page = ops.get(f"{OPS}/audit")
    words = text(page)

    # the first two share a moment: the later row first
    assert _actions(page) == ["rate.set", "zone.updated", "zone.updated", "rates.imported"]
    for who in ("Max Ops", "Olivia Ops", "The store itself"):
        assert who in words
    # before and after, side by side
    assert re.search(r"title\s+Old\s+New", words)
    assert re.search(r"rate\s+1\.00\s+1\.05", words)


def test_the_audit_log_filters_by_person_kind_and_taipei_days(db, ops, log):
    me, other = log
    by_other = ops.get(f"{OPS}/audit?person={other.id}")
    assert sorted(_actions(by_other)) == ["rate.set", "zone.updated"]
    assert _actions(ops.get(f"{OPS}/audit?person=system")) == ["rates.imported"]
    assert _actions(ops.get(f"{OPS}/audit?kind=rate.set")) == ["rate.set"]
    assert _actions(ops.get(f"{OPS}/audit?person={other.id}&kind=zone.updated")) == ["zone.updated"]
    today = clock.today()
    two_days_ago = (today - timedelta(days=2)).isoformat()
    assert _actions(ops.get(f"{OPS}/audit?date_from={two_days_ago}&date_to={two_days_ago}")) == [
        "zone.updated"
    ]
    assert len(_actions(ops.get(f"{OPS}/audit?date_from={today.isoformat()}"))) == 2
    # the filter offers the people and kinds the log holds
    html = ops.get(f"{OPS}/audit").get_data(as_text=True)
    assert f'<option value="{other.id}">' in html
    assert '<option value="rates.imported">' in html


def test_a_range_that_ends_before_it_starts_is_refused_under_the_field(db, ops, log):
    page = ops.get(f"{OPS}/audit?date_from=2026-11-20&date_to=2026-11-10")
    assert page.status_code == 200
    assert "The last day cannot be before the first day." in text(page)
    assert _actions(page) == []
    assert ops.get(f"{OPS}/audit?date_from=not-a-day").status_code == 200


def test_the_audit_log_pages_by_cursor_and_shows_every_row_once(db, ops, make):
    zone = make.zone(slug="busy")
    with unit_of_work():
        for n in range(57):
            audit.record(ops.operator, f"test.step{n:02d}", zone, {"n": n})

    seen: list[str] = []
    url = f"{OPS}/audit"
    for _page in range(3):
        response = ops.get(url)
        seen += _actions(response)
        found = re.search(r'href="([^"]+)" rel="next"', response.get_data(as_text=True))
        if not found:
            break
        url = unescape(found.group(1))
    assert seen == [f"test.step{n:02d}" for n in range(56, -1, -1)]


def test_an_operators_retry_shows_in_the_audit_log(db, ops):
    failed = _failed_mail(db)
    page = ops.get(f"{OPS}/health").get_data(as_text=True)
    ops.client.post(
        f"{OPS}/health/deliveries/{failed.id}/retry", data={"csrf_token": csrf_from(page)}
    )
    log = ops.get(f"{OPS}/audit?kind=outbox.retried")
    assert _actions(log) == ["outbox.retried"]
    assert "Olivia Ops" in text(log)
