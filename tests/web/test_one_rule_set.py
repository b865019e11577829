"""One set of catalog rules: the same bad product, typed into the portal's product form and
uploaded as a catalog CSV, is refused by the same rule with the same words: the form shows the
message under the field, the import report on the row and column, with the rule's code.

The expected wording is read from the rules' own messages (app/services/catalog/problems.py),
so these tests fail when either path says something else, not when the wording changes."""

import csv
import io
import re
from dataclasses import dataclass

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from app.domain.catalog_rules import Exemption, Problem, problem
from app.models import CatalogImport, Product
from app.services.catalog import imports as catalog_imports
from app.services.catalog.problems import message
from app.services.errors import ImportFailed
from tests.factories import PASSWORD

FORM_URL = "/en/vendor/products/new"
EXPIRED = "2020-01-01"
FUTURE = "2099-12-31"


def product_form(category_id: int, **changes) -> dict:
    """The portal form for a valid one-option product, unless the changes say otherwise."""
    data = {
        "category": str(category_id),
        "handle": "oriental-beauty",
        "name_en": "Oriental Beauty Oolong",
        "name_zh_Hant": "東方美人茶",
        "description_en": "Honey notes from leafhopper-bitten leaves.",
        "variants-0-sku": "ALS-OB-75",
        "variants-0-price_twd": "900",
        "variants-0-stock": "12",
        "variants-0-weight_g": "180",
        "variants-0-label_en": "75 g tin",
        "hs_code": "",
        "origin": "TW",
        "halal_body": "",
        "halal_cert_no": "",
        "halal_expires": "",
        "exemption": "",
    }
    data.update(changes)
    return data


def csv_row(**changes) -> dict:
    """The same product as one catalog row."""
    cells = {
        "handle": "oriental-beauty",
        "sku": "ALS-OB-75",
        "category": "tea",
        "name_en": "Oriental Beauty Oolong",
        "name_zh_hant": "東方美人茶",
        "description_en": "Honey notes from leafhopper-bitten leaves.",
        "variant_en": "75 g tin",
        "price_twd": "900",
        "stock": "12",
        "weight_g": "180",
        "halal": "",
        "halal_cert_body": "",
        "halal_cert_no": "",
        "halal_cert_expires": "",
        "hs_code": "",
        "origin": "TW",
        "exemption": "",
    }
    cells.update(changes)
    return cells


def csv_bytes(*rows: dict) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


@dataclass
class Refusal:
    """A rule's problem, where the form shows it and where the import report puts it."""

    problem: Problem
    form_field: str
    column: str
    row: int = 2


@dataclass
class Case:
    id: str
    form: dict
    rows: list[dict]
    expected: list[Refusal]
    #: another product of the vendor already has the SKU ALS-OB-75
    sku_taken: bool = False


def refused(path, code, form_field, column, row=2, **params) -> Refusal:
    return Refusal(problem(path, code, **params), form_field, column, row)


def option(name, code, row=2, index=0, **params) -> Refusal:
    column = {"price_twd": "price_twd", "stock": "stock", "weight_g": "weight_g", "sku": "sku"}
    return refused(
        ("variants", index, name), code, f"variants-{index}-{name}", column[name], row, **params
    )


SECOND_OPTION = {
    "variants-1-sku": "ALS-OB-150",
    "variants-1-price_twd": "1700",
    "variants-1-stock": "4",
    "variants-1-weight_g": "300",
    "variants-1-label_zh_Hant": "150 克",
}

CASES = [
    Case(
        "bad handle",
        {"handle": "Not A Handle"},
        [csv_row(handle="Not A Handle")],
        [refused(("handle",), "handle.format", "handle", "handle")],
    ),
    Case(
        "bad SKU",
        {"variants-0-sku": "ALS OB/75"},
        [csv_row(sku="ALS OB/75")],
        [option("sku", "sku.format")],
    ),
    Case(
        "price 0",
        {"variants-0-price_twd": "0"},
        [csv_row(price_twd="0")],
        [option("price_twd", "price.range", max=10_000_000)],
    ),
    Case(
        "price not a number",
        {"variants-0-price_twd": "abc"},
        [csv_row(price_twd="abc")],
        [option("price_twd", "price.range", max=10_000_000)],
    ),
    Case(
        "stock -1",
        {"variants-0-stock": "-1"},
        [csv_row(stock="-1")],
        [option("stock", "stock.range", max=1_000_000)],
    ),
    Case(
        "weight 0",
        {"variants-0-weight_g": "0"},
        [csv_row(weight_g="0")],
        [option("weight_g", "weight.range", max=100_000)],
    ),
    Case(
        "no English name",
        {"name_en": ""},
        [csv_row(name_en="")],
        [refused(("names", "en"), "name.required", "name_en", "name_en")],
    ),
    Case(
        "English name too long",
        {"name_en": "n" * 201},
        [csv_row(name_en="n" * 201)],
        [refused(("names", "en"), "text.too_long", "name_en", "name_en", max=200)],
    ),
    Case(
        "no category",
        {"category": ""},
        [csv_row(category="")],
        [refused(("category",), "category.required", "category", "category")],
    ),
    Case(
        "HS code too short",
        {"hs_code": "1905"},
        [csv_row(hs_code="1905")],
        [refused(("hs_code",), "hs_code.format", "hs_code", "hs_code")],
    ),
    Case(
        "HS code too long",
        {"hs_code": "09023010001"},
        [csv_row(hs_code="09023010001")],
        [refused(("hs_code",), "hs_code.format", "hs_code", "hs_code")],
    ),
    Case(
        "HS code that lost its leading zero",
        {"hs_code": "90230"},
        [csv_row(hs_code="90230")],
        [refused(("hs_code",), "hs_code.leading_zero", "hs_code", "hs_code", suggestion="090230")],
    ),
    Case(
        "origin of three letters",
        {"origin": "TWN"},
        [csv_row(origin="TWN")],
        [refused(("origin",), "origin.format", "origin", "origin")],
    ),
    Case(
        # the form offers a select: a value not among its options is the rule's refusal too
        "unknown exemption",
        {"exemption": "fragile"},
        [csv_row(exemption="fragile")],
        [
            refused(
                ("exemption",),
                "exemption.unknown",
                "exemption",
                "exemption",
                choices=", ".join(e.value for e in Exemption),
            )
        ],
    ),
    Case(
        "halal certificate without number and expiry",
        {"halal_body": "THIDA"},
        [csv_row(halal="yes", halal_cert_body="THIDA")],
        [
            refused(("halal", "number"), "halal.incomplete", "halal_cert_no", "halal_cert_no"),
            refused(
                ("halal", "expires"), "halal.incomplete", "halal_expires", "halal_cert_expires"
            ),
        ],
    ),
    Case(
        "halal certificate expired",
        {"halal_body": "THIDA", "halal_cert_no": "T-1", "halal_expires": EXPIRED},
        [
            csv_row(
                halal="yes",
                halal_cert_body="THIDA",
                halal_cert_no="T-1",
                halal_cert_expires=EXPIRED,
            )
        ],
        [refused(("halal", "expires"), "halal.expired", "halal_expires", "halal_cert_expires")],
    ),
    Case(
        "halal expiry not a date",
        {"halal_body": "THIDA", "halal_cert_no": "T-1", "halal_expires": "30/06/2027"},
        [
            csv_row(
                halal="yes",
                halal_cert_body="THIDA",
                halal_cert_no="T-1",
                halal_cert_expires="30/06/2027",
            )
        ],
        [refused(("halal", "expires"), "date.format", "halal_expires", "halal_cert_expires")],
    ),
    Case(
        "SKU of another product",
        {},
        [csv_row()],
        [option("sku", "sku.taken", handle="first-tin")],
        sku_taken=True,
    ),
    Case(
        "two options not named in English",
        {"variants-0-label_en": "", "variants-0-label_zh_Hant": "75 克", **SECOND_OPTION},
        [
            csv_row(variant_en="", variant_zh_hant="75 克"),
            csv_row(
                sku="ALS-OB-150",
                name_en="",
                name_zh_hant="",
                description_en="",
                variant_en="",
                variant_zh_hant="150 克",
                price_twd="1700",
                stock="4",
                weight_g="300",
            ),
        ],
        [
            refused(
                ("variants", 0, "labels", "en"),
                "label.required_when_several",
                "variants-0-label_en",
                "variant_en",
            ),
            refused(
                ("variants", 1, "labels", "en"),
                "label.required_when_several",
                "variants-1-label_en",
                "variant_en",
                row=3,
            ),
        ],
    ),
]


@pytest.fixture
def approved(make):
    vendor = make.vendor(slug="alishan-leaf", name_en="Alishan Leaf Tea Co.")
    owner = make.user(role="vendor", vendor=vendor, email="owner@alishan.example.com")
    return vendor, owner


FIELD_ERROR = re.compile(r'<p class="field__error" id="([^"]+)-error">(.*?)</p>', re.S)


def field_errors(page: str) -> dict[str, str]:
    """Each field's error text on a form page, by the field's id."""
    return dict(FIELD_ERROR.findall(page))


def products_named(db, handle: str) -> int:
    return db.session.scalar(
        select(func.count()).select_from(Product).where(Product.handle == handle)
    )


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_the_form_and_the_csv_refuse_a_product_with_the_same_rule(
    browser, db, approved, make, case
):
    vendor, owner = approved
    if case.sku_taken:
        make.product(
            vendor,
            handle="first-tin",
            variants=[{"sku": "ALS-OB-75", "price_twd": 800, "stock": 3}],
        )
    browser.sign_in(owner.email, PASSWORD)

    response = browser.submit(FORM_URL, product_form(make.category("tea").id, **case.form))

    assert response.status_code == 200
    shown = field_errors(response.get_data(as_text=True))
    by_field: dict[str, list[str]] = {}
    for item in case.expected:
        by_field.setdefault(item.form_field, []).append(str(escape(message(item.problem))))
    assert shown == {name: " ".join(texts) for name, texts in by_field.items()}
    assert products_named(db, "oriental-beauty") == 0

    with pytest.raises(ImportFailed) as failure:
        catalog_imports.run(vendor, "catalog.csv", csv_bytes(*case.rows))

    reported = [(e.row, e.column, e.code, str(e.message)) for e in failure.value.errors]
    assert reported == [
        (item.row, item.column, item.problem.code, str(message(item.problem)))
        for item in case.expected
    ]
    assert products_named(db, "oriental-beauty") == 0
    assert db.session.scalar(select(func.count()).select_from(CatalogImport)) == 0


def test_the_form_shows_every_problem_of_a_submission_at_once(browser, db, approved, make):
    vendor, owner = approved
    browser.sign_in(owner.email, PASSWORD)
    wrong = {
        "handle": "Oriental Beauty!",
        "name_en": "",
        "hs_code": "1905",
        "halal_body": "THIDA",
        "variants-0-price_twd": "abc",
        "variants-0-stock": "-3",
        "variants-0-weight_g": "",
    }

    response = browser.submit(FORM_URL, product_form(make.category("tea").id, **wrong))

    assert response.status_code == 200
    expected = {
        "handle": problem(("handle",), "handle.format"),
        "name_en": problem(("names", "en"), "name.required"),
        "hs_code": problem(("hs_code",), "hs_code.format"),
        "halal_cert_no": problem(("halal", "number"), "halal.incomplete"),
        "halal_expires": problem(("halal", "expires"), "halal.incomplete"),
        "variants-0-price_twd": problem(
            ("variants", 0, "price_twd"), "price.range", max=10_000_000
        ),
        "variants-0-stock": problem(("variants", 0, "stock"), "stock.range", max=1_000_000),
        "variants-0-weight_g": problem(("variants", 0, "weight_g"), "weight.range", max=100_000),
    }
    page = response.get_data(as_text=True)
    assert field_errors(page) == {
        name: str(escape(message(found))) for name, found in expected.items()
    }
    # the summary above the form links each product field to the same words; the options'
    # fields are summed up in one line
    summary = re.search(r'<div class="error-summary".*?</div>', page, re.S).group(0)
    for name, found in expected.items():
        if not name.startswith("variants-"):
            assert re.search(
                f'href="#{name}">[^<]*: {re.escape(str(escape(message(found))))}<', summary
            )
    assert "Some options of the product need attention (see below)." in summary
    assert db.session.scalar(select(Product).where(Product.vendor_id == vendor.id)) is None
