"""Import duty by HS code (issue 13), through the pages with CSRF on: the product page, the
cart and the receipt show the same lines to the minor unit; a market's notice for a category
is shown before payment and a category stopped for a market cannot be bought there; operators
list, edit, confirm and end-date duty rates, audited, and an edit holds for carts priced after
it, never for placed orders (their tax lines keep the rate and heading they were charged)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.models import CategoryRestriction, DutyRate, Order, OrderTaxLine
from app.services import cache
from tests.factories import PASSWORD
from tests.web import test_ops_rules
from tests.web.test_cart_and_checkout import (
    TH_ADDRESS,
    add,
    body_of,
    cart_page,
    choose_market,
    doc_of,
    notices,
    place,
    rows_of,
)
from tests.web.test_ops_rules import OPS, audit_rows, field_error

ops = test_ops_rules.ops  # the signed-in operator fixture

OOLONG = "/en/products/lin-tea/oolong"


@pytest.fixture
def oolong(db, make):
    """Oolong tea with its HS code (0902.30), and a pineapple cake without one."""
    shop = make.vendor(slug="lin-tea", name_en="Lin Tea Garden")
    tea = make.product(
        shop,
        handle="oolong",
        names={"en": "Dong Ding Oolong"},
        variants=[{"sku": "OOLONG", "price_twd": 1200, "stock": 20, "weight_g": 300}],
        hs_code="090230",
    )
    db.session.commit()
    cache.invalidate_all()
    yield tea.variants[0]
    cache.invalidate_all()


def tax_rows(table) -> dict[str, str]:
    """The tax rows of a costs table (without subtotal, shipping and total)."""
    return {
        name: value.replace("\xa0", " ")
        for name, value in rows_of(table).items()
        if name not in {"Price", "Subtotal", "Shipping fee", "Total"}
    }


def th_order(db, client, variant, adding: bool = True) -> Order:
    if adding:
        choose_market(client, "TH", OOLONG)
        add(client, variant, 1)
    response = place(client, TH_ADDRESS | {"email": "somchai@example.com"})
    assert response.status_code == 303, body_of(response, response.status_code)[:2000]
    ref = re.search(r"(TGG-[A-Z0-9]+)", response.headers["Location"])[1]
    db.session.expire_all()
    return db.session.scalar(select(Order).where(Order.ref == ref))


def test_product_page_cart_and_receipt_show_the_same_duty_lines(db, client, oolong):
    choose_market(client, "TH", OOLONG)
    product = doc_of(client.get(OOLONG))
    on_product = tax_rows(product.find("table", class_="landed__table"))
    # NT$1,200 → ฿1,238.52, one kilo ฿258.03: 90% duty on 1,496.55 → 1,346.90 (0.5 rounds up);
    # VAT 7% on 2,843.45 → 199.04
    assert on_product == {
        "Import duty, tea (0902) 90%": "THB 1,346.90",
        "VAT 7%": "THB 199.04",
    }
    add(client, oolong, 1)
    in_cart = tax_rows(cart_page(client).find("table", class_="landed__table"))
    assert in_cart == on_product

    order = th_order(db, client, oolong, adding=False)
    receipt = doc_of(client.get(f"/en/orders/{order.ref}"))
    assert tax_rows(receipt.find("table", class_="landed__table")) == on_product
    # read in Thai, the line names the goods in Thai, from the order's own snapshot
    in_thai = doc_of(client.get(f"/th/orders/{order.ref}"))
    assert "ชา (0902)" in in_thai.find("table", class_="landed__table").text()
    [stored_duty, stored_vat] = db.session.scalars(
        select(OrderTaxLine)
        .where(OrderTaxLine.vendor_order_id == order.vendor_orders[0].id)
        .order_by(OrderTaxLine.position)
    )
    # the snapshot keeps the rate and heading it charged, and names the goods in each language
    assert (stored_duty.rate, stored_duty.heading) == (Decimal("0.9"), "0902")
    assert stored_duty.goods_names["th"] == "ชา"
    assert sum(line.amount_minor for line in (stored_duty, stored_vat)) == order.tax_minor


def test_a_market_notice_is_shown_before_payment(db, client, oolong):
    choose_market(client, "TH", OOLONG)
    product = doc_of(client.get(OOLONG))
    assert "quota goods in Thailand" in product.find("section", class_="landed").text()
    add(client, oolong, 1)
    assert "quota goods in Thailand" in cart_page(client).text()
    assert "quota goods in Thailand" in doc_of(client.get("/en/checkout")).text()
    # Singapore asks nothing of tea
    choose_market(client, "SG", OOLONG)
    assert "quota goods" not in cart_page(client).text()


def test_a_category_stopped_for_a_market_cannot_be_bought_there(db, client, oolong, make):
    tea = make.category("tea")
    restriction = db.session.scalar(
        select(CategoryRestriction).where(
            CategoryRestriction.market_code == "TH", CategoryRestriction.category_id == tea.id
        )
    )
    restriction.blocked = True
    db.session.commit()
    cache.invalidate_all()
    choose_market(client, "TH", OOLONG)
    assert "We cannot send this to Thailand." in doc_of(client.get(OOLONG)).text()
    add(client, oolong, 1)
    cart = cart_page(client)
    assert "We cannot send this to the country you ship to: please remove it." in notices(cart)
    response = place(client, TH_ADDRESS | {"email": "somchai@example.com"})
    refused = doc_of(response, 409)
    assert (
        "Some items cannot be sent to the country you ship to: please remove them from your "
        "cart." in notices(refused)
    )
    db.session.expire_all()
    assert db.session.scalar(select(Order.id).limit(1)) is None
    # the same goods ship to Singapore
    choose_market(client, "SG", OOLONG)
    assert "please remove it" not in notices(cart_page(client))


# -- the operators' console ---------------------------------------------------------------------


def th_tea_rate(db) -> DutyRate:
    db.session.expire_all()
    return db.session.scalar(
        select(DutyRate).where(DutyRate.market_code == "TH", DutyRate.hs_prefix == "0902")
    )


def rate_form(**values) -> dict:
    return {
        "market": "TH",
        "hs_prefix": "0902",
        "rate": "90",
        "tax_rate": "",
        "valid_from": "2026-01-01",
        "valid_to": "",
        "note": "",
    } | values


def test_the_console_lists_the_rates_to_be_confirmed_first(db, ops):
    page = doc_of(ops.client.get(f"{OPS}/duty-rates/hs"))
    statuses = [row.find("td").text() for row in page.find("table").find("tbody").find_all("tr")]
    assert statuses[0] == "To be confirmed"
    assert statuses[-1] == "Confirmed"  # Thailand's tea, the one confirmed figure
    assert statuses == sorted(statuses, key=lambda s: s != "To be confirmed")
    nav = page.find("nav", class_="filters")
    assert nav.find("a", aria_current="page").text() == "Duty by HS code"


def test_an_edited_rate_holds_for_carts_priced_after_it_never_for_placed_orders(
    db, client, oolong, ops
):
    order = th_order(db, client, oolong)
    charged = [
        (line.name, line.rate, line.amount_minor)
        for line in db.session.scalars(
            select(OrderTaxLine).where(OrderTaxLine.vendor_order_id == order.vendor_orders[0].id)
        )
    ]
    assert charged[0][:2] == ("Import duty, tea (0902)", Decimal("0.9"))

    rate = th_tea_rate(db)
    saved = ops.submit(
        f"{OPS}/duty-rates/hs/{rate.id}",
        rate_form(rate="30", note="Inside the WTO quota", confirmed="y"),
    )
    assert saved.status_code == 303
    [audited] = audit_rows(db, "hs_duty_rate.updated")
    assert audited.actor_id == ops.operator.id
    assert (audited.data["before"]["rate"], audited.data["after"]["rate"]) == ("0.9", "0.3")

    choose_market(client, "TH", OOLONG)
    add(client, oolong, 1)
    cart = tax_rows(cart_page(client).find("table", class_="landed__table"))
    assert "Import duty, tea (0902) 30%" in cart
    db.session.expire_all()
    assert [
        (line.name, line.rate, line.amount_minor)
        for line in db.session.scalars(
            select(OrderTaxLine).where(OrderTaxLine.vendor_order_id == order.vendor_orders[0].id)
        )
    ] == charged


def test_confirming_and_ending_a_rate_are_audited(db, client, oolong, ops):
    coffee = db.session.scalar(
        select(DutyRate).where(DutyRate.market_code == "TH", DutyRate.hs_prefix == "0901")
    )
    assert not coffee.confirmed
    listing = f"{OPS}/duty-rates/hs"
    response = ops.submit(listing, {}, action=f"{listing}/{coffee.id}/confirm")
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(DutyRate, coffee.id).confirmed
    [confirmed] = audit_rows(db, "hs_duty_rate.confirmed")
    assert confirmed.data["after"]["confirmed"] is True

    # tea's rate ends: tea with its code then pays the tea category's highest heading rate
    # still in force (coffee, 0901: 90%) under the name of the category
    rate = th_tea_rate(db)
    ended = ops.submit(
        f"{OPS}/duty-rates/hs/{rate.id}",
        {"end-valid_to": "2026-01-01"},
        action=f"{OPS}/duty-rates/hs/{rate.id}/end",
    )
    assert ended.status_code == 303
    [audited] = audit_rows(db, "hs_duty_rate.ended")
    assert audited.data["after"]["valid_to"] == "2026-01-01"
    choose_market(client, "TH", OOLONG)
    add(client, oolong, 1)
    cart = tax_rows(cart_page(client).find("table", class_="landed__table"))
    assert list(cart) == ["Import duty, Tea 90%", "VAT 7%"]


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"hs_prefix": "09x2"}, "hs_prefix", "Write an HS chapter (2 digits)"),
        ({"hs_prefix": "090"}, "hs_prefix", "Write an HS chapter (2 digits)"),
        ({"hs_prefix": ""}, "hs_prefix", "Enter the HS code the rate is for"),
        ({"rate": "-5"}, "rate", "A rate cannot be negative."),
        ({"valid_to": "2025-12-31"}, "valid_to", "The last day cannot be before the first day."),
        # Thailand's tea already has a rate from 2026-01-01 with no end
        ({"valid_from": "2026-06-01"}, "valid_from", "already has a rate for this code"),
    ],
)
def test_a_bad_rate_is_refused_under_its_field_and_changes_nothing(db, ops, values, field, message):
    before = db.session.scalar(select(DutyRate.id).order_by(DutyRate.id.desc()).limit(1))
    response = ops.submit(f"{OPS}/duty-rates/hs/new", rate_form(**values))
    assert response.status_code == 200
    assert message in field_error(response, field)
    db.session.expire_all()
    assert db.session.scalar(select(DutyRate.id).order_by(DutyRate.id.desc()).limit(1)) == before
    assert audit_rows(db, "hs_duty_rate.added") == []


def test_an_operator_adds_a_rate_for_a_subheading(db, client, oolong, ops):
    response = ops.submit(
        f"{OPS}/duty-rates/hs/new",
        rate_form(hs_prefix="0902.30", rate="60", note="Tariff checked"),
    )
    assert response.status_code == 303
    [added] = audit_rows(db, "hs_duty_rate.added")
    assert added.data["after"] | {"note": ""} == {
        "market": "TH",
        "hs_prefix": "090230",
        "rate": "0.6",
        "tax_rate": None,
        "confirmed": False,
        "valid_from": "2026-01-01",
        "valid_to": None,
        "note": "",
    }
    # the longer prefix wins over the heading's 90%
    choose_market(client, "TH", OOLONG)
    add(client, oolong, 1)
    cart = tax_rows(cart_page(client).find("table", class_="landed__table"))
    assert list(cart)[0] == "Import duty, black and oolong tea, packs up to 3 kg (0902.30) 60%"


# -- vendors ------------------------------------------------------------------------------------


def test_vendors_pick_the_hs_code_from_a_list_in_chinese_and_are_told_why(db, browser, make):
    vendor = make.vendor(slug="alishan-leaf", name_en="Alishan Leaf Tea Co.")
    owner = make.user(role="vendor", vendor=vendor, email="owner@alishan.example.com")
    db.session.commit()
    browser.sign_in(owner.email, PASSWORD, lang="zh-hant")
    for url in ("/zh-hant/vendor/products/new", "/zh-hant/vendor/import"):
        page = doc_of(browser.get(url))
        listed = page.find("details", class_="hs-headings")
        rows = {
            row.find("code").text(): row.find_all("td")[1].text()
            for row in listed.find("tbody").find_all("tr")
        }
        assert rows["090230"] == "紅茶、烏龍茶（每包 3 公斤以下）"
        assert rows["190590"] == "鳳梨酥及其他糕餅"
    # the code field suggests them, and the form says why a code matters
    form = doc_of(browser.get("/en/vendor/products/new"))
    assert form.find("input", name="hs_code").attrs["list"] == "hs-codes"
    options = [option.attrs["value"] for option in form.by_id("hs-codes").find_all("option")]
    assert "090230" in options
    assert "highest duty rate of its category" in form.find("details", class_="hs-headings").text()


def test_operators_set_a_notice_and_stop_a_category_for_a_market(db, client, oolong, ops, make):
    tea = make.category("tea")
    page = f"{OPS}/duty-rates/restrictions"
    response = ops.submit(
        page,
        {
            "market": "MY",
            "category": str(tea.id),
            "notice_en": "Tea needs a permit in Malaysia.",
            "notice_ms": "Teh memerlukan permit.",
        },
    )
    assert response.status_code == 303
    [audited] = audit_rows(db, "category_restriction.set")
    assert audited.data["after"] == {
        "notice": {"en": "Tea needs a permit in Malaysia.", "ms": "Teh memerlukan permit."},
        "blocked": False,
    }
    assert audited.data["before"] is None
    choose_market(client, "MY", OOLONG)
    add(client, oolong, 1)
    assert "Tea needs a permit in Malaysia." in cart_page(client).text()

    stopped = ops.submit(page, {"market": "MY", "category": str(tea.id), "blocked": "y"})
    assert stopped.status_code == 303
    assert "please remove it" in notices(cart_page(client))
    # a stop in Malaysia leaves Singapore alone
    choose_market(client, "SG", OOLONG)
    assert "please remove it" not in notices(cart_page(client))
    assert len(audit_rows(db, "category_restriction.set")) == 2
