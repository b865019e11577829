"""Services behind the operators' rules (issue 12): the cache version stamps that tell every
app process to empty its caches, exchange rates from a file (`flask rates import`, all lines
or none), and the commission frozen on a sale: the vendor's own, else the store's default at
the moment of payment."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import event, func, select

from app.domain.store_settings import DEFAULT_COMMISSION_BP
from app.models import AuditEvent, CacheVersion, ExchangeRate, OrderLine
from app.services import cache, cache_versions, clock, reference, settings, vendor_standing
from app.services.cache import TimedValue
from app.services.errors import RulesRefused
from app.services.rates_csv import read
from app.transaction import unit_of_work
from tests.paid_orders import paid_order

# -- cache version stamps -----------------------------------------------------------------------


def versions(db) -> dict[str, int]:
    db.session.expire_all()
    return dict(db.session.execute(select(CacheVersion.area, CacheVersion.version)).all())


@pytest.fixture
def counted_loads():
    """A reference cache and a catalog cache that count their loads."""
    loads = {"reference": 0, "catalog": 0}

    def loader(area):
        def load():
            loads[area] += 1
            return loads[area]

        return load

    values = {
        area: TimedValue(loader(area), ttl=3600, areas=(area,)) for area in ("reference", "catalog")
    }
    yield loads, values
    for value in values.values():  # out of the registry again
        cache._registry[:] = [(v, a) for v, a in cache._registry if v is not value]


def test_a_bump_raises_the_stamp_with_the_transaction_and_empties_this_process_after_commit(
    db, counted_loads
):
    loads, values = counted_loads
    before = versions(db)
    values["reference"].get()
    values["catalog"].get()

    with unit_of_work():
        cache_versions.bump("reference")
        # not before the commit: a request of this process could cache the old rows again
        values["reference"].get()
        assert loads["reference"] == 1

    assert versions(db) == before | {"reference": before["reference"] + 1}
    values["reference"].get()
    values["catalog"].get()
    assert loads == {"reference": 2, "catalog": 1}  # only the area that changed


def test_a_rolled_back_bump_neither_moves_the_stamp_nor_empties_caches(db, counted_loads):
    loads, values = counted_loads
    before = versions(db)
    values["reference"].get()

    def failing_change():
        with unit_of_work():
            cache_versions.bump("reference")
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        failing_change()

    assert versions(db) == before
    values["reference"].get()
    assert loads["reference"] == 1


@pytest.fixture
def fresh_check():
    """The check as in a process that just started, and so again after the test."""
    cache_versions.forget_seen()
    yield
    cache_versions.forget_seen()


def test_another_process_bump_is_seen_by_the_check_at_most_once_a_second(
    db, counted_loads, monkeypatch, fresh_check
):
    loads, values = counted_loads
    now = [1000.0]
    monkeypatch.setattr(cache_versions, "_now", lambda: now[0])
    assert set(cache_versions.check()) == {"reference", "catalog"}  # a process that just started
    values["reference"].get()
    values["catalog"].get()

    # another process raises the catalog's stamp (no after-commit clearing here)
    db.session.execute(
        CacheVersion.__table__.update()
        .where(CacheVersion.area == "catalog")
        .values(version=CacheVersion.version + 1)
    )
    now[0] += 0.5
    assert cache_versions.check() == []  # looked less than a second ago: no statement at all
    values["catalog"].get()
    assert loads["catalog"] == 1

    now[0] += 0.6
    assert cache_versions.check() == ["catalog"]
    values["reference"].get()
    values["catalog"].get()
    assert loads == {"reference": 1, "catalog": 2}
    now[0] += 1.1
    assert cache_versions.check() == []  # nothing moved since


def test_the_check_is_one_statement_of_one_tiny_table(db, app, fresh_check):
    statements = []

    def before(conn, cursor, statement, *args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", before)
    try:
        cache_versions.check()
    finally:
        event.remove(engine, "before_cursor_execute", before)
    checks = [s for s in statements if "cache_versions" in s]
    assert len(checks) == 1
    assert " ".join(checks[0].split()) == (
        "SELECT cache_versions.area, cache_versions.version FROM cache_versions"
    )


def test_unknown_areas_are_refused(db):
    with pytest.raises(ValueError, match="unknown cache area"):
        cache_versions.bump("everything")


# -- exchange rates from a file -----------------------------------------------------------------


def rates_table(db) -> list[tuple]:
    db.session.expire_all()
    return list(
        db.session.execute(
            select(ExchangeRate.currency_code, ExchangeRate.rate, ExchangeRate.as_of).order_by(
                ExchangeRate.id
            )
        ).all()
    )


def import_file(app, tmp_path, content: str):
    path = tmp_path / "rates.csv"
    path.write_text(content, encoding="utf-8")
    return app.test_cli_runner().invoke(args=["rates", "import", str(path)])


def test_a_good_file_adds_every_rate_audited_and_priced_with_at_once(app, db, tmp_path):
    today = clock.today()
    before = rates_table(db)
    reference.get()  # cached: the import must make it reload

    result = import_file(
        app,
        tmp_path,
        "\ufeffcurrency,rate,as_of\n"
        f"THB,1.0455,{today}\n"
        f"myr,0.1349,{today}\n"
        "\n"
        f"SGD,0.0411,{today - timedelta(days=1)}\n",
    )

    assert result.exit_code == 0, result.output
    assert "Imported 3 rate(s)." in result.output
    assert rates_table(db) == [
        *before,
        ("THB", Decimal("1.0455"), today),
        ("MYR", Decimal("0.1349"), today),
        ("SGD", Decimal("0.0411"), today - timedelta(days=1)),
    ]
    assert reference.get().rate_for("THB").rate == Decimal("1.0455")
    rows = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "exchange_rate.added")
    ).all()
    assert [(r.actor_id, r.data["currency"], r.data["source"]) for r in rows] == [
        (None, "THB", "import:rates.csv"),
        (None, "MYR", "import:rates.csv"),
        (None, "SGD", "import:rates.csv"),
    ]


def test_a_bad_file_says_what_is_wrong_on_every_line_and_changes_nothing(app, db, tmp_path):
    today = clock.today()
    before = rates_table(db)
    audit_before = db.session.scalar(select(func.count()).select_from(AuditEvent))

    result = import_file(
        app,
        tmp_path,
        "currency,rate,as_of\n"
        f"THB,1.0455,{today}\n"  # fine, but the file goes in whole or not at all
        f"EUR,0.03,{today}\n"
        f"MYR,-0.1,{today}\n"
        "SGD,0.0411,31/12/2026\n"
        f"PHP,one,{today}\n"
        f"THB,1.05,{today}\n"  # the same day twice
        "PHP,1.83,2026-11-01\n",  # the base data's rate of that day is kept already
    )

    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("line")]
    assert lines == [
        "line 3, currency: No market sells in this currency. Use THB, MYR, SGD or PHP.",
        "line 4, rate: A rate is more than 0.",
        "line 5, as_of: Use a date like 2027-06-30.",
        "line 6, rate: Write the rate as a number, like 1.0825.",
        "line 7, as_of: This currency and day are already on line 2.",
        "line 8, as_of: A rate for this currency and day is already kept: earlier rates are "
        "never overwritten. Date the new rate another day.",
    ]
    assert "6 problem(s) found; nothing was imported." in result.output
    assert rates_table(db) == before
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == audit_before


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "file.empty"),
        (b"currency,rate\nTHB,1.0\n", "file.header"),
        (b"currency,rate,as_of,note\nTHB,1.0,2026-12-01,x\n", "file.header"),
        (b"\xff\xfecurrency", "file.encoding"),
        (b"currency,rate,as_of\n", "file.no_rates"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_whole(db, content, code):
    with pytest.raises(RulesRefused) as refused:
        read(content)
    assert [p.code for p in refused.value.problems] == [code]


def test_a_line_with_too_few_cells_is_reported(db):
    drafts, found = read(b"currency,rate,as_of\nTHB,1.0\nMYR,0.13,2026-12-01\n")
    assert [(p.path, p.code) for p in found] == [((2,), "line.cells")]
    assert [(d.currency, d.line) for d in drafts] == [("MYR", 3)]


# -- the commission frozen on a sale ------------------------------------------------------------


def test_a_sale_is_charged_the_vendor_rate_or_the_default_in_force_when_paid(db, make):
    vendor = make.vendor(slug="commission-shop")
    tea = make.product(vendor, variants=[{"sku": "CM-1", "price_twd": 1000, "stock": 10}])
    variant = tea.variants[0]
    assert vendor.commission_bp is None
    with unit_of_work():
        settings.change({DEFAULT_COMMISSION_BP: 1000}, None)

    first = paid_order([(variant, 1)], email="first@example.com")
    with unit_of_work():
        vendor_standing.set_commission(vendor, 1250, make.user())
    second = paid_order([(variant, 1)], email="second@example.com")
    with unit_of_work():
        settings.change({DEFAULT_COMMISSION_BP: 2000}, None)

    db.session.expire_all()

    def line(order):
        return db.session.scalar(
            select(OrderLine).where(OrderLine.vendor_order_id == order.vendor_orders[0].id)
        )

    # frozen when paid: later changes of the default or the vendor's rate change neither
    assert (line(first).commission_bp, line(first).earning_twd) == (1000, 900)
    assert (line(second).commission_bp, line(second).earning_twd) == (1250, 875)


def test_the_rate_in_force_is_the_latest_not_after_today(db):
    from app.services import rates

    today = clock.today()
    with unit_of_work():
        rates.add_many(
            [
                rates.RateDraft("THB", Decimal("1.01"), today - timedelta(days=2)),
                rates.RateDraft("THB", Decimal("1.09"), today + timedelta(days=3)),
            ],
            None,
        )
    assert reference.get().rate_for("THB").rate == Decimal("1.01")
    [thb] = [row for row in rates.overview() if row.currency == "THB"]
    assert (thb.in_force.rate, thb.stale) == (Decimal("1.01"), False)
    assert [r.rate for r in thb.upcoming] == [Decimal("1.09")]
    assert [r.as_of for r in thb.earlier] == [date(2026, 11, 1)]
