"""Markets, money and rules in the operators' console (issue 12), through the test client with
CSRF on: store settings, exchange rates (history kept, stale ones flagged on the console's
first page), import-tax rules (overlaps refused; a change holds for carts priced after it and
never for placed orders), duty rates, shipping rates and halal certifying bodies.

Every form refuses bad input with a message under the field and changes nothing; every form
that acts leaves an audit row saying who changed what, with the values before and after.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from html import unescape

import pytest
from sqlalchemy import func, select

from app.models import (
    AuditEvent,
    CategoryDutyRate,
    ExchangeRate,
    HalalBody,
    OrderTaxLine,
    ShippingRate,
    StoreSetting,
    TaxRule,
)
from app.models.user import Role
from app.services import cart, clock, rates, reference
from tests.conftest import Browser
from tests.factories import PASSWORD
from tests.web.test_cart_and_checkout import doc_of

OPS = "/en/ops"


@pytest.fixture
def ops(app, db, make) -> Browser:
    """An operator, signed in."""
    operator = make.user(Role.OPERATOR, email="rules@example.com", name="Rita Rules")
    db.session.commit()
    browser = Browser(app.test_client())
    browser.sign_in(operator.email, PASSWORD, "en")
    browser.operator = operator
    return browser


def text(response) -> str:
    html = response.get_data(as_text=True)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def field_error(response, field_id: str) -> str:
    """The message under the form field with this id ("" when there is none)."""
    found = doc_of(response).by_id(f"{field_id}-error")
    return re.sub(r"\s+", " ", found.text()).strip() if found else ""


def audit_rows(db, action: str) -> list[AuditEvent]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
        )
    )


def count(db, model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def test_the_operator_opens_every_page_of_the_rules(db, ops):
    for path in (
        "/",
        "/settings",
        "/rates",
        "/taxes",
        "/taxes/new",
        "/duty-rates",
        "/shipping",
        "/halal",
        "/review",
        "/products",
    ):
        response = ops.get(OPS + path)
        assert response.status_code == 200, path


# -- store settings -----------------------------------------------------------------------------


def settings_rows(db) -> dict:
    db.session.expire_all()
    return dict(db.session.execute(select(StoreSetting.key, StoreSetting.value)).all())


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Please fill this in."),
        ("fifteen", "Enter a number like 15."),
        ("1,5", "Enter a number like 15."),
        ("-1", "Enter a percentage from 0 to 100."),
        ("101", "Enter a percentage from 0 to 100."),
        ("12.345", "Use at most 2 decimal places."),
    ],
)
def test_settings_refuse_a_commission_that_is_no_percentage(db, ops, typed, message):
    before = settings_rows(db)

    response = ops.submit(
        f"{OPS}/settings", {"hold_new_listings": "y", "default_commission": typed}
    )

    assert response.status_code == 200
    assert field_error(response, "default_commission") == message
    assert doc_of(response).by_id("default_commission").attrs["value"] == typed
    assert settings_rows(db) == before
    assert audit_rows(db, "setting.changed") == []


def test_settings_hold_listings_and_set_the_default_commission(db, ops):
    assert settings_rows(db) == {"hold_new_listings": False, "default_commission_bp": 1500}

    response = ops.submit(
        f"{OPS}/settings", {"hold_new_listings": "y", "default_commission": "12.5"}
    )

    assert response.status_code == 303
    assert settings_rows(db) == {"hold_new_listings": True, "default_commission_bp": 1250}
    rows = audit_rows(db, "setting.changed")
    assert [(r.actor_id, r.data) for r in rows] == [
        (ops.operator.id, {"key": "hold_new_listings", "before": False, "after": True}),
        (ops.operator.id, {"key": "default_commission_bp", "before": 1500, "after": 1250}),
    ]
    page = ops.get(f"{OPS}/settings")
    assert doc_of(page).by_id("default_commission").attrs["value"] == "12.5"
    assert "checked" in doc_of(page).by_id("hold_new_listings").attrs

    # sent again unchanged: nothing to audit
    ops.submit(f"{OPS}/settings", {"hold_new_listings": "y", "default_commission": "12.50"})
    assert len(audit_rows(db, "setting.changed")) == 2


# -- exchange rates -----------------------------------------------------------------------------


def rates_of(db, currency: str) -> list[tuple[Decimal, date]]:
    db.session.expire_all()
    return list(
        db.session.execute(
            select(ExchangeRate.rate, ExchangeRate.as_of)
            .where(ExchangeRate.currency_code == currency)
            .order_by(ExchangeRate.as_of)
        ).all()
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"rate": ""}, "rate", "Please fill this in."),
        ({"rate": "abc"}, "rate", "Enter a number like 1.0825."),
        ({"rate": "1,05"}, "rate", "Enter a number like 1.0825."),
        ({"rate": "-1.05"}, "rate", "A rate is more than 0."),
        ({"rate": "0"}, "rate", "A rate is more than 0."),
        ({"rate": "1.000000000001"}, "rate", "Use at most 10 decimal places."),
        ({"as_of": "2026-13-01"}, "as_of", "Enter a date like 2027-06-30."),
        ({"as_of": ""}, "as_of", "Please fill this in."),
        ({"currency": "TWD"}, "currency", "Choose one of the list."),
    ],
)
def test_a_rate_form_with_bad_input_says_why_under_the_field(db, ops, changes, field, message):
    before = rates_of(db, "THB")
    form = {"currency": "THB", "rate": "1.05", "as_of": clock.today().isoformat()} | changes

    response = ops.submit(f"{OPS}/rates", form)

    assert response.status_code == 200
    assert field_error(response, field) == message
    assert rates_of(db, "THB") == before
    assert audit_rows(db, "exchange_rate.added") == []


def test_a_rate_dated_too_far_ahead_is_refused(db, ops):
    ahead = clock.today() + timedelta(days=32)
    response = ops.submit(f"{OPS}/rates", {"currency": "THB", "rate": "1.05", "as_of": str(ahead)})
    assert field_error(response, "as_of") == "Date it at most 31 days ahead."


def test_a_new_rate_is_a_new_row_and_the_history_is_kept(db, ops):
    today = clock.today()
    before = rates_of(db, "THB")
    assert before == [(Decimal("1.0321"), date(2026, 11, 1))]

    response = ops.submit(
        f"{OPS}/rates", {"currency": "THB", "rate": "1.0502", "as_of": str(today)}
    )

    assert response.status_code == 303
    assert rates_of(db, "THB") == [*before, (Decimal("1.0502"), today)]
    [row] = audit_rows(db, "exchange_rate.added")
    assert row.actor_id == ops.operator.id
    assert row.data == {
        "currency": "THB",
        "source": "form",
        "before": {"rate": "1.0321", "as_of": "2026-11-01"},
        "after": {"rate": "1.0502", "as_of": today.isoformat()},
    }
    page = text(ops.get(f"{OPS}/rates"))
    assert "1.0502" in page  # in force
    assert "1.0321" in page  # among the earlier rates

    # the same day again: never overwritten
    again = ops.submit(f"{OPS}/rates", {"currency": "THB", "rate": "1.06", "as_of": str(today)})
    assert field_error(again, "as_of").startswith("A rate for this currency and day is already")
    assert rates_of(db, "THB") == [*before, (Decimal("1.0502"), today)]


def test_a_rate_added_twice_at_the_same_moment_is_kept_once(db, ops, monkeypatch):
    # a double click on "Add": both requests checked before either added the rate
    today = str(clock.today())
    form = {"currency": "THB", "rate": "1.0502", "as_of": today}
    assert ops.submit(f"{OPS}/rates", form).status_code == 303
    kept = rates_of(db, "THB")
    real_check = rates.check
    looks = []

    def before_the_first_added(drafts, on):
        looks.append(on)
        return [] if len(looks) == 1 else real_check(drafts, on)

    monkeypatch.setattr(rates, "check", before_the_first_added)
    again = ops.submit(f"{OPS}/rates", form)

    assert len(looks) == 2  # the second looked again when the database refused it
    assert field_error(again, "as_of").startswith("A rate for this currency and day is already")
    assert rates_of(db, "THB") == kept
    assert len(audit_rows(db, "exchange_rate.added")) == 1


def test_the_first_page_flags_rates_older_than_seven_days(db, ops):
    today = clock.today()
    home = text(ops.get(f"{OPS}/"))
    # the base data's rates date from 2026-11-01
    assert "4 exchange rates are older than 7 days" in home

    for currency, days_ago in (("THB", 0), ("MYR", 7), ("SGD", 3)):
        ops.submit(
            f"{OPS}/rates",
            {"currency": currency, "rate": "1.1", "as_of": str(today - timedelta(days=days_ago))},
        )
    home = text(ops.get(f"{OPS}/"))
    assert "1 exchange rate is older than 7 days" in home
    assert "PHP: in force since" in home
    assert "THB:" not in home
    assert "MYR:" not in home  # 7 days is not older than 7 days

    ops.submit(
        f"{OPS}/rates",
        {"currency": "PHP", "rate": "1.8", "as_of": str(today - timedelta(days=8))},
    )
    assert "1 exchange rate is older than 7 days" in text(ops.get(f"{OPS}/"))
    ops.submit(f"{OPS}/rates", {"currency": "PHP", "rate": "1.8", "as_of": str(today)})
    home = text(ops.get(f"{OPS}/"))
    assert "older than 7 days" not in home.replace("within the last 7 days", "")
    assert "Every exchange rate in force was set within the last 7 days." in home


# -- tax rules ----------------------------------------------------------------------------------


def rule_form(**changes) -> dict:
    form = {
        "market": "TH",
        "name": "Excise",
        "label": "vat",
        "kind": "tax",
        "rate": "3",
        "applies": "always",
        "threshold": "",
        "shipping_in_base": "y",
        "position": "30",
        "valid_from": "2027-01-01",
        "valid_to": "",
    }
    form.update(changes)
    return {key: value for key, value in form.items() if value is not None}


def rules_snapshot(db) -> list[tuple]:
    db.session.expire_all()
    return [
        (
            r.id,
            r.market_code,
            r.name,
            r.rate,
            r.applies,
            r.threshold_minor,
            r.valid_from,
            r.valid_to,
        )
        for r in db.session.scalars(select(TaxRule).order_by(TaxRule.id))
    ]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"valid_from": "2027-03-01", "valid_to": "2027-02-28"},
            "valid_to",
            "The last day cannot be before the first day.",
        ),
        ({"rate": "-7"}, "rate", "A rate cannot be negative."),
        ({"rate": "seven"}, "rate", "Enter a number like 7."),
        ({"rate": "7.12345"}, "rate", "Use at most 4 decimal places."),
        ({"rate": "1001"}, "rate", "Enter at most 1000 percent."),
        (
            {"applies": "over", "threshold": ""},
            "threshold",
            "A rule for goods at or under, or over, a value needs that value.",
        ),
        ({"applies": "over", "threshold": "-5"}, "threshold", "The value cannot be negative."),
        ({"applies": "over", "threshold": "5.001"}, "threshold", "Use at most 2 decimal places."),
        ({"name": ""}, "name", "Please fill this in."),
        ({"valid_from": ""}, "valid_from", "Please fill this in."),
        ({"market": "XX"}, "market", "Choose one of the list."),
        (
            {"uses_category_rate": "y"},
            "uses_category_rate",
            "Only a duty takes the rate of the goods' category.",
        ),
    ],
)
def test_a_tax_rule_form_with_bad_input_says_why_and_saves_nothing(
    db, ops, changes, field, message
):
    before = rules_snapshot(db)

    response = ops.submit(f"{OPS}/taxes/new", rule_form(**changes))

    assert response.status_code == 200
    assert field_error(response, field) == message
    assert rules_snapshot(db) == before
    assert audit_rows(db, "tax_rule.created") == []


def test_an_overlapping_rule_is_refused_with_a_message(db, ops):
    before = rules_snapshot(db)

    # Thailand's VAT runs from 2026-01-01 with no end: a second VAT from 2027 would overlap it
    response = ops.submit(
        f"{OPS}/taxes/new", rule_form(name="VAT", label="vat", rate="8", valid_from="2027-01-01")
    )

    assert field_error(response, "valid_from") == (
        "Another rule of the same name and kind would apply to the same parcels on the same "
        "days: VAT (2026-01-01 – …). End that rule first, or choose other days or values."
    )
    assert rules_snapshot(db) == before

    # Malaysia's two sales taxes are one at or under RM 500 and one over it: a third "Sales tax"
    # over RM 1,000 overlaps the one over RM 500
    response = ops.submit(
        f"{OPS}/taxes/new",
        rule_form(
            market="MY", name="sales tax", label="sales_tax", applies="over", threshold="1000.00"
        ),
    )
    assert "Sales tax (2026-01-01 – …)" in field_error(response, "valid_from")
    assert rules_snapshot(db) == before


def test_ending_a_rule_then_adding_its_successor(db, ops):
    vat = db.session.scalar(
        select(TaxRule).where(TaxRule.market_code == "TH", TaxRule.name == "VAT")
    )
    page = f"{OPS}/taxes/{vat.id}"

    refused = ops.submit(page, {"end-valid_to": "2025-12-31"}, action=f"{page}/end")
    assert field_error(refused, "end-valid_to") == "The last day cannot be before the first day."
    assert audit_rows(db, "tax_rule.ended") == []

    ended = ops.submit(page, {"end-valid_to": "2026-12-31"}, action=f"{page}/end")
    assert ended.status_code == 303
    added = ops.submit(
        f"{OPS}/taxes/new", rule_form(name="VAT", rate="8", valid_from="2027-01-01", position="20")
    )
    assert added.status_code == 303

    db.session.expire_all()
    [ended_row] = audit_rows(db, "tax_rule.ended")
    assert ended_row.data["before"]["valid_to"] is None
    assert ended_row.data["after"]["valid_to"] == "2026-12-31"
    [created] = audit_rows(db, "tax_rule.created")
    assert created.actor_id == ops.operator.id
    assert created.data["before"] is None
    assert (created.data["after"]["name"], created.data["after"]["rate"]) == ("VAT", "0.08")
    listing = text(ops.get(f"{OPS}/taxes"))
    assert "VAT" in listing
    assert "not in force today" in listing


def test_an_operator_says_whether_a_threshold_weighs_the_whole_order(db, ops):
    ph_vat = db.session.scalar(
        select(TaxRule).where(TaxRule.market_code == "PH", TaxRule.name == "VAT")
    )
    edit = doc_of(ops.get(f"{OPS}/taxes/{ph_vat.id}"))
    assert "checked" in edit.by_id("threshold_per_order").attrs  # as migration 0017 set it

    over = rule_form(
        market="MY", applies="over", threshold="500.00", threshold_per_order="y", name="Levy"
    )
    assert ops.submit(f"{OPS}/taxes/new", over).status_code == 303
    # a rule for every parcel has no threshold to weigh: the box means nothing there
    always = rule_form(market="MY", threshold_per_order="y", name="Duty stamp", position="40")
    assert ops.submit(f"{OPS}/taxes/new", always).status_code == 303

    db.session.expire_all()
    saved = dict(
        db.session.execute(
            select(TaxRule.name, TaxRule.threshold_per_order).where(TaxRule.market_code == "MY")
        ).all()
    )
    assert (saved["Levy"], saved["Duty stamp"]) == (True, False)
    levy = [
        row for row in audit_rows(db, "tax_rule.created") if row.data["after"]["name"] == "Levy"
    ]
    assert levy[0].data["after"]["threshold_per_order"] is True


def test_the_rules_list_says_which_thresholds_weigh_the_whole_order(db, ops):
    # the Philippines adds up same-day parcels to one person (migration 0017)
    page = doc_of(ops.get(f"{OPS}/taxes"))
    philippines = page.find("section", **{"aria-labelledby": "PH"}).text()
    thailand = page.find("section", **{"aria-labelledby": "TH"}).text()
    assert philippines.count("(₱10,000.00, counted on the whole order)") == 2
    assert "whole order" not in thailand


def _th_items(make):
    shop = make.vendor(slug="tax-shop")
    product = make.product(
        shop, variants=[{"sku": "TAX-1", "price_twd": 1000, "stock": 5, "weight_g": 500}]
    )
    return [cart.Item(product.variants[0].id, 1)]


def _vat_line(quote_lines) -> object:
    return next(line for line in quote_lines if line.name == "VAT")


def test_a_rule_change_holds_for_carts_priced_after_it_never_for_placed_orders(db, ops, make):
    from app.services.checkout import placing
    from app.transaction import unit_of_work
    from tests.services.test_checkout import ADDRESSES, shopper

    items = _th_items(make)
    who = shopper("TH", "en")
    priced = cart.price(items, who)
    vat_before = _vat_line(priced.parcels[0].quote.lines)
    assert vat_before.rate == Decimal("0.07")
    with unit_of_work():
        order = placing.place(
            who, items, placing.Buyer("tax@example.com", "en"), ADDRESSES["TH"], priced.fingerprint
        )
    charged = [
        (line.name, line.rate, line.amount_minor)
        for line in db.session.scalars(
            select(OrderTaxLine).where(OrderTaxLine.vendor_order_id == order.vendor_orders[0].id)
        )
    ]
    assert ("VAT", Decimal("0.07"), vat_before.amount.amount_minor) in charged

    vat = db.session.scalar(
        select(TaxRule).where(TaxRule.market_code == "TH", TaxRule.name == "VAT")
    )
    # the rule as its edit page shows it, with 10% for 7%
    saved = ops.submit(
        f"{OPS}/taxes/{vat.id}",
        rule_form(
            name="VAT",
            rate="10",
            valid_from="2026-01-01",
            position="20",
            shipping_in_base="y",
            prior_in_base="y",
        ),
    )
    assert saved.status_code == 303

    # a cart priced now pays the new rate (this test's own session forgets the rows it read)
    db.session.expire_all()
    priced_after = cart.price(items, shopper("TH", "en"))
    vat_after = _vat_line(priced_after.parcels[0].quote.lines)
    assert vat_after.rate == Decimal("0.10")
    assert vat_after.amount.amount_minor > vat_before.amount.amount_minor
    # ... the order placed before keeps what it was charged
    db.session.expire_all()
    assert [
        (line.name, line.rate, line.amount_minor)
        for line in db.session.scalars(
            select(OrderTaxLine).where(OrderTaxLine.vendor_order_id == order.vendor_orders[0].id)
        )
    ] == charged
    [updated] = audit_rows(db, "tax_rule.updated")
    assert (updated.data["before"]["rate"], updated.data["after"]["rate"]) == ("0.07", "0.1")


# -- duty rates, shipping, halal bodies ---------------------------------------------------------


@pytest.mark.parametrize(
    ("rate", "message"),
    [
        ("", "Please fill this in."),
        ("-1", "A rate cannot be negative."),
        ("x", "Enter a number like 90."),
    ],
)
def test_a_duty_rate_form_with_bad_input_changes_nothing(db, ops, make, rate, message):
    before = count(db, CategoryDutyRate)
    tea = make.category("tea")
    response = ops.submit(
        f"{OPS}/duty-rates", {"market": "MY", "category": str(tea.id), "rate": rate}
    )
    assert field_error(response, "rate") == message
    assert count(db, CategoryDutyRate) == before


def test_a_duty_rate_is_set_and_audited(db, ops, make):
    tea = make.category("tea")
    row = db.session.scalar(
        select(CategoryDutyRate).where(
            CategoryDutyRate.market_code == "MY", CategoryDutyRate.category_id == tea.id
        )
    )
    before = str(row.rate) if row else None

    response = ops.submit(
        f"{OPS}/duty-rates", {"market": "MY", "category": str(tea.id), "rate": "12.5"}
    )

    assert response.status_code == 303
    assert reference.get().duty_table("MY").category_rates[tea.id] == Decimal("0.125")
    [audited] = audit_rows(db, "duty_rate.set")
    assert audited.data == {
        "market": "MY",
        "category": "tea",
        "before": {"rate": before},
        "after": {"rate": "0.125"},
    }


def shipping_of(db, market: str) -> tuple[int, int]:
    db.session.expire_all()
    row = db.session.get(ShippingRate, market)
    return row.first_kg_twd, row.extra_kg_twd


@pytest.mark.parametrize(
    ("first", "extra", "field", "message"),
    [
        ("0", "100", "MY-first_kg_twd", "The first kilogram costs more than NT$0."),
        ("-300", "100", "MY-first_kg_twd", "The first kilogram costs more than NT$0."),
        ("300", "-1", "MY-extra_kg_twd", "A fee cannot be negative."),
        ("300", "", "MY-extra_kg_twd", "Please fill this in."),
        ("3.5", "10", "MY-first_kg_twd", "Enter a whole number, like 450."),
    ],
)
def test_shipping_refuses_negative_and_empty_fees(db, ops, first, extra, field, message):
    before = shipping_of(db, "MY")
    response = ops.submit(
        f"{OPS}/shipping",
        {"MY-first_kg_twd": first, "MY-extra_kg_twd": extra},
        action=f"{OPS}/shipping/MY",
    )
    assert response.status_code == 200
    assert field_error(response, field) == message
    assert doc_of(response).by_id(field.replace("MY-", "MY-")).attrs["value"] in (first, extra)
    assert shipping_of(db, "MY") == before
    assert audit_rows(db, "shipping_rate.set") == []


def test_a_shipping_rate_is_changed_and_audited(db, ops):
    before = shipping_of(db, "MY")
    response = ops.submit(
        f"{OPS}/shipping",
        {"MY-first_kg_twd": "420", "MY-extra_kg_twd": "95"},
        action=f"{OPS}/shipping/MY",
    )
    assert response.status_code == 303
    assert shipping_of(db, "MY") == (420, 95)
    assert reference.get().markets["MY"].shipping.first_kg_twd == 420
    [row] = audit_rows(db, "shipping_rate.set")
    assert row.data == {
        "market": "MY",
        "before": {"first_kg_twd": before[0], "extra_kg_twd": before[1]},
        "after": {"first_kg_twd": 420, "extra_kg_twd": 95},
    }


def test_halal_bodies_are_added_recognised_and_refused_when_wrong(db, ops):
    before = count(db, HalalBody)
    refused = ops.submit(f"{OPS}/halal", {"code": "bad code!", "name": "", "country": "Malaysia"})
    assert field_error(refused, "code").startswith("Write the code as vendors write it")
    assert field_error(refused, "name") == "Please fill this in."
    assert field_error(refused, "country") == "Use a two-letter country code such as MY."
    taken = ops.submit(f"{OPS}/halal", {"code": "jakim", "name": "Again", "country": "MY"})
    assert field_error(taken, "code") == "Another body already has this code."
    assert count(db, HalalBody) == before

    added = ops.submit(
        f"{OPS}/halal", {"code": "mui", "name": "Majelis Ulama Indonesia", "country": "id"}
    )
    assert added.status_code == 303
    body = db.session.scalar(select(HalalBody).where(HalalBody.code == "MUI"))
    assert (body.country, body.recognised_by_jakim) == ("ID", False)
    assert "MUI" not in reference.get().recognised_halal_bodies

    page = f"{OPS}/halal/{body.id}"
    ops.submit(
        page, {"code": "MUI", "name": "Majelis Ulama Indonesia", "country": "ID", "recognised": "y"}
    )
    assert "MUI" in reference.get().recognised_halal_bodies
    [created] = audit_rows(db, "halal_body.created")
    [updated] = audit_rows(db, "halal_body.updated")
    assert created.data["before"] is None
    assert created.data["after"]["code"] == "MUI"
    assert updated.data["before"]["recognised_by_jakim"] is False
    assert updated.data["after"]["recognised_by_jakim"] is True


# -- statements per page ------------------------------------------------------------------------


def test_the_rules_pages_cost_the_same_with_more_rates_and_rules(db, ops, count_queries):
    from app.services import rates, tax_rules
    from app.transaction import unit_of_work

    pages = ("/rates", "/taxes", "/duty-rates", "/shipping", "/halal", "/settings", "/")

    def costs() -> list[int]:
        found = []
        for path in pages:
            ops.get(OPS + path)
            with count_queries() as statements:
                assert ops.get(OPS + path).status_code == 200
            found.append(len(statements))
        return found

    few = costs()
    today = clock.today()
    with unit_of_work():
        rates.add_many(
            [
                rates.RateDraft(currency, Decimal("1.0") + Decimal(n) / 100, today - timedelta(n))
                for currency in ("THB", "MYR", "SGD", "PHP")
                for n in range(1, 25)
            ],
            None,
        )
        for n in range(6):
            tax_rules.save(
                tax_rules.market_data.TaxRuleDraft(
                    market="PH",
                    name=f"Levy {n}",
                    label="vat",
                    kind="tax",
                    rate=Decimal("0.01"),
                    applies="always",
                    threshold_minor=None,
                    shipping_in_base=True,
                    prior_in_base=False,
                    uses_category_rate=False,
                    position=40 + n,
                    valid_from=date(2027, 1, 1),
                    valid_to=None,
                ),
                None,
                ops.operator,
            )
    many = costs()
    assert many == few
    print(dict(zip(pages, few, strict=True)))


# -- an audit row for every form ----------------------------------------------------------------


def test_every_form_of_moderation_and_rules_leaves_its_audit_row(db, ops, make):
    """Each form of catalog moderation and of markets, money and rules, sent once as an
    operator fills it in: one audit row per change, naming the operator, with the values
    before and after."""
    vendor = make.vendor(slug="audited-shop")
    waiting = make.product(vendor, handle="waiting", status="pending_review")
    live = make.product(vendor, handle="live")
    tea = make.category("tea")
    vat = db.session.scalar(
        select(TaxRule).where(TaxRule.market_code == "TH", TaxRule.name == "VAT")
    )
    thida = db.session.scalar(select(HalalBody).where(HalalBody.code == "THIDA"))
    db.session.commit()
    today = str(clock.today())
    account = f"{OPS}/vendors/{vendor.id}/account"
    forms = [
        # (page, action or None, form, the audit actions it writes)
        (
            "/settings",
            None,
            {"hold_new_listings": "y", "default_commission": "14"},
            ["setting.changed", "setting.changed"],
        ),
        (
            "/rates",
            None,
            {"currency": "MYR", "rate": "0.14", "as_of": today},
            ["exchange_rate.added"],
        ),
        ("/taxes/new", None, rule_form(), ["tax_rule.created"]),
        (
            f"/taxes/{vat.id}",
            None,
            rule_form(
                name="VAT", rate="7.5", valid_from="2026-01-01", position="20", prior_in_base="y"
            ),
            ["tax_rule.updated"],
        ),
        (
            f"/taxes/{vat.id}",
            f"/taxes/{vat.id}/end",
            {"end-valid_to": "2027-12-31"},
            ["tax_rule.ended"],
        ),
        (
            "/duty-rates",
            None,
            {"market": "PH", "category": str(tea.id), "rate": "7"},
            ["duty_rate.set"],
        ),
        (
            "/shipping",
            "/shipping/SG",
            {"SG-first_kg_twd": "333", "SG-extra_kg_twd": "99"},
            ["shipping_rate.set"],
        ),
        (
            "/halal",
            None,
            {
                "code": "HFCE",
                "name": "Halal Food Council of Europe",
                "country": "BE",
                "recognised": "y",
            },
            ["halal_body.created"],
        ),
        (
            f"/halal/{thida.id}",
            None,
            {"code": "THIDA", "name": "Renamed", "country": "TW"},
            ["halal_body.updated"],
        ),
        (
            f"/products/{waiting.id}",
            f"/products/{waiting.id}/moderate",
            {"decision": "approve"},
            ["product.approved"],
        ),
        (
            f"/products/{live.id}",
            f"/products/{live.id}/moderate",
            {"decision": "remove", "reason": "Fake"},
            ["product.removed"],
        ),
        (
            f"/products/{live.id}",
            f"/products/{live.id}/moderate",
            {"decision": "restore"},
            ["product.restored"],
        ),
        (account, None, {"commission": "9.5"}, ["vendor.commission_set"]),
        (
            account,
            f"/vendors/{vendor.id}/standing",
            {"decision": "suspend", "reason": "Fees"},
            ["vendor.suspended"],
        ),
        (
            account,
            f"/vendors/{vendor.id}/standing",
            {"decision": "reinstate"},
            ["vendor.reinstated"],
        ),
    ]
    for page, action, form, actions in forms:
        page_url = page if page.startswith("/en/") else OPS + page
        seen = db.session.scalar(select(func.max(AuditEvent.id))) or 0
        response = ops.submit(page_url, form, action=OPS + action if action else None)
        assert response.status_code == 303, (page, action, text(response)[:500])
        db.session.expire_all()
        rows = db.session.scalars(
            select(AuditEvent).where(AuditEvent.id > seen).order_by(AuditEvent.id)
        ).all()
        assert [row.action for row in rows] == actions, (page, action)
        for row in rows:
            assert row.actor_id == ops.operator.id
            assert {"before", "after"} <= set(row.data), row.action
            assert row.data["before"] != row.data["after"], row.action
