"""The bulk-listing CSV (shared/formats/catalog-csv.md), through catalog_csv and catalog_imports
as the portal and `flask catalog import` use them."""

import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.models import (
    AuditEvent,
    CatalogImport,
    Product,
    ProductTranslation,
    Variant,
    VariantTranslation,
)
from app.services import clock
from app.services.catalog import admin as catalog_admin
from app.services.catalog import csv as catalog_csv
from app.services.catalog import imports as catalog_imports
from app.services.errors import ImportAlreadyApplied, ImportFailed
from tests.factories import halal


def row(**cells) -> dict:
    """One data row: a valid single-variant product unless the cells say otherwise."""
    base = {
        "handle": "oolong",
        "sku": "OL-150",
        "category": "tea",
        "name_en": "High Mountain Oolong",
        "price_twd": "680",
        "stock": "12",
        "weight_g": "260",
    }
    base.update(cells)
    return base


def csv_bytes(*rows: dict, columns: list[str] | None = None, bom: bool = False) -> bytes:
    if columns is None:
        columns = []
        for item in rows:
            columns += [name for name in item if name not in columns]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    return b"\xef\xbb\xbf" + data if bom else data


def parse(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def run(vendor, content: bytes, **kw) -> CatalogImport:
    return catalog_imports.run(vendor, "catalog.csv", content, **kw)


def errors_of(vendor, content: bytes) -> list[tuple[int, str | None, str]]:
    with pytest.raises(ImportFailed) as failure:
        catalog_csv.plan(vendor, content)
    return [(e.row, e.column, str(e.message)) for e in failure.value.errors]


def counts(record) -> tuple[int, int, int, int]:
    return (
        record.products_created,
        record.products_updated,
        record.variants_created,
        record.variants_updated,
    )


def table_sizes(db) -> dict[str, int]:
    models = (Product, ProductTranslation, Variant, VariantTranslation, CatalogImport, AuditEvent)
    return {
        model.__name__: db.session.scalar(select(func.count()).select_from(model))
        for model in models
    }


def snapshot(db) -> dict[str, list]:
    """Every catalog row the import can touch, as the database holds it."""
    return {
        "products": db.session.execute(
            select(
                Product.id,
                Product.vendor_id,
                Product.handle,
                Product.category_id,
                Product.status,
                Product.hs_code,
                Product.origin,
                Product.halal_body,
                Product.halal_cert_no,
                Product.halal_expires,
                Product.min_price_twd,
                Product.in_stock,
                Product.updated_at,
            ).order_by(Product.id)
        ).all(),
        "product_texts": db.session.execute(
            select(
                ProductTranslation.id,
                ProductTranslation.product_id,
                ProductTranslation.locale,
                ProductTranslation.name,
                ProductTranslation.description,
            ).order_by(ProductTranslation.id)
        ).all(),
        "variants": db.session.execute(
            select(
                Variant.id,
                Variant.product_id,
                Variant.sku,
                Variant.position,
                Variant.price_twd,
                Variant.on_hand,
                Variant.weight_g,
            ).order_by(Variant.id)
        ).all(),
        "variant_texts": db.session.execute(
            select(
                VariantTranslation.id,
                VariantTranslation.variant_id,
                VariantTranslation.locale,
                VariantTranslation.label,
            ).order_by(VariantTranslation.id)
        ).all(),
    }


def product_of(db, vendor, handle: str) -> Product:
    return db.session.scalar(
        select(Product).where(Product.vendor_id == vendor.id, Product.handle == handle)
    )


def variant_of(db, vendor, sku: str) -> Variant:
    return db.session.scalar(
        select(Variant).where(Variant.vendor_id == vendor.id, Variant.sku == sku)
    )


def names(product: Product) -> dict[str, str]:
    return {t.locale: t.name for t in product.translations}


def labels(variant: Variant) -> dict[str, str]:
    return {t.locale: t.label for t in variant.translations}


@pytest.fixture
def vendor(make):
    return make.vendor(slug="alishan-leaf")


def full_catalog() -> bytes:
    """Two products, one with three variants, every column used somewhere."""
    expires = (clock.today() + timedelta(days=400)).isoformat()
    return csv_bytes(
        row(
            handle="pineapple-cake",
            sku="PC-10",
            category="snacks",
            name_en="Pineapple Cake",
            name_zh_hant="鳳梨酥",
            name_th="ขนมพายสับปะรด",
            name_ms="Kek Nanas",
            description_en="Buttery pastry.\nSweet-tart filling.",
            description_zh_hant="酥香外皮。",
            variant_en="Box of 10",
            variant_zh_hant="10入禮盒",
            price_twd="450",
            stock="120",
            weight_g="600",
            halal="yes",
            halal_cert_body="THIDA",
            halal_cert_no="THIDA-2026-0412",
            halal_cert_expires=expires,
            hs_code="190590",
            origin="TW",
        ),
        row(
            handle="pineapple-cake",
            sku="PC-20",
            category="snacks",
            name_en="",
            variant_en="Box of 20",
            variant_th="กล่อง 20 ชิ้น",
            price_twd="850",
            stock="60",
            weight_g="1150",
        ),
        row(
            handle="pineapple-cake",
            sku="PC-30",
            category="snacks",
            name_en="",
            variant_en="Box of 30",
            price_twd="1200",
            stock="0",
            weight_g="1700",
        ),
        row(handle="oolong", sku="OL-150", halal="no", origin="tw"),
    )


# -- reading the file -----------------------------------------------------------------------------


@pytest.mark.parametrize("bom", [False, True], ids=["plain", "bom"])
def test_utf8_file_imports_with_or_without_bom(db, vendor, bom):
    content = csv_bytes(row(name_zh_hant="高山烏龍茶", name_th="ชาอู่หลง"), bom=bom)

    record = run(vendor, content)

    assert record.status == "applied"
    assert counts(record) == (1, 0, 1, 0)
    product = product_of(db, vendor, "oolong")
    assert names(product) == {"en": "High Mountain Oolong", "zh_Hant": "高山烏龍茶", "th": "ชาอู่หลง"}
    assert [v.sku for v in product.variants] == ["OL-150"]


def test_rows_sharing_a_handle_are_one_product_read_from_its_first_row(db, vendor):
    content = csv_bytes(
        row(sku="OL-150", variant_en="150 g can", price_twd="680", origin="TW", hs_code="090230"),
        row(
            sku="OL-300",
            variant_en="300 g can",
            price_twd="1300",
            stock="0",
            category="snacks",
            name_en="Another name, ignored",
            origin="JP",
            hs_code="999999",
        ),
        row(sku="OL-600", variant_en="600 g gift box", price_twd="2400"),
    )

    record = run(vendor, content)

    assert counts(record) == (1, 0, 3, 0)
    assert record.rows == 3
    product = product_of(db, vendor, "oolong")
    assert product.category.slug == "tea"
    assert names(product) == {"en": "High Mountain Oolong"}
    assert (product.origin, product.hs_code) == ("TW", "090230")
    assert [(v.sku, v.price_twd, labels(v)) for v in product.variants] == [
        ("OL-150", 680, {"en": "150 g can"}),
        ("OL-300", 1300, {"en": "300 g can"}),
        ("OL-600", 2400, {"en": "600 g gift box"}),
    ]
    assert product.min_price_twd == 680


def test_the_result_counts_products_and_variants_created_and_updated(db, vendor):
    first = run(vendor, full_catalog())
    assert counts(first) == (2, 0, 4, 0)
    assert first.rows == 4

    second = run(
        vendor,
        csv_bytes(
            row(handle="oolong", sku="OL-150", name_en="Alishan High Mountain Oolong"),
            row(
                handle="pineapple-cake",
                sku="PC-10",
                category="snacks",
                name_en="Pineapple Cake",
                variant_en="Box of 10",
                price_twd="480",
                stock="120",
                weight_g="600",
            ),
            row(
                handle="pineapple-cake",
                sku="PC-40",
                category="snacks",
                name_en="",
                variant_en="Box of 40",
                price_twd="1500",
                stock="5",
                weight_g="2200",
            ),
            row(handle="sun-cake", sku="SC-6", category="snacks", name_en="Sun Cake"),
        ),
    )

    # oolong: new name (product updated); pineapple-cake: PC-10 repriced, PC-40 new;
    # sun-cake: new product with one variant
    assert counts(second) == (1, 1, 2, 1)
    assert second.rows == 4
    assert names(product_of(db, vendor, "oolong"))["en"] == "Alishan High Mountain Oolong"
    assert variant_of(db, vendor, "PC-10").price_twd == 480
    assert [v.sku for v in product_of(db, vendor, "pineapple-cake").variants] == [
        "PC-10",
        "PC-20",
        "PC-30",
        "PC-40",
    ]


def test_reimporting_the_same_file_is_a_no_op(db, vendor):
    content = full_catalog()
    run(vendor, content)
    before = snapshot(db)

    again = run(vendor, content)

    assert counts(again) == (0, 0, 0, 0)
    assert snapshot(db) == before


def test_reimporting_a_file_with_a_description_but_no_name_in_a_language_is_a_no_op(db, vendor):
    content = csv_bytes(row(description_th="ชาอู่หลงจากภูเขาสูง"))
    run(vendor, content)
    product = product_of(db, vendor, "oolong")
    assert {t.locale: t.description for t in product.translations}["th"] == "ชาอู่หลงจากภูเขาสูง"
    before = snapshot(db)

    again = run(vendor, content)

    assert counts(again) == (0, 0, 0, 0)
    assert snapshot(db) == before


def test_an_existing_sku_is_updated_in_place_and_nothing_else_is_deleted(db, make, vendor):
    oolong = make.product(
        vendor,
        handle="oolong",
        names={"en": "Oolong", "th": "ชาอู่หลง", "zh_Hant": "烏龍茶"},
        variants=[
            {
                "sku": "OL-150",
                "price_twd": 600,
                "stock": 3,
                "weight_g": 250,
                "labels": {"en": "150 g"},
            },
            {
                "sku": "OL-300",
                "price_twd": 1100,
                "stock": 7,
                "weight_g": 450,
                "labels": {"en": "300 g"},
            },
        ],
    )
    other = make.product(vendor, handle="green-tea", variants=[{"sku": "GT-1", "price_twd": 300}])
    variant_id = oolong.variants[0].id

    record = run(
        vendor,
        csv_bytes(
            row(
                sku="OL-150",
                name_en="High Mountain Oolong",
                name_zh_hant="高山烏龍茶",
                price_twd="680",
                stock="40",
                weight_g="260",
                variant_en="150 g can",
            )
        ),
    )

    assert counts(record) == (0, 1, 0, 1)
    db.session.expire_all()
    variant = db.session.get(Variant, variant_id)
    assert (variant.product_id, variant.price_twd, variant.on_hand, variant.weight_g) == (
        oolong.id,
        680,
        40,
        260,
    )
    assert labels(variant) == {"en": "150 g can"}
    assert names(db.session.get(Product, oolong.id)) == {
        "en": "High Mountain Oolong",
        "zh_Hant": "高山烏龍茶",
        "th": "ชาอู่หลง",
    }
    kept = variant_of(db, vendor, "OL-300")
    assert (kept.product_id, kept.price_twd, kept.on_hand) == (oolong.id, 1100, 7)
    assert db.session.get(Product, other.id).variants[0].sku == "GT-1"
    assert db.session.scalar(select(func.count()).select_from(Product)) == 2


def test_empty_cells_mean_not_given(db, make, vendor):
    oolong = make.product(
        vendor,
        handle="oolong",
        names={"en": "Oolong", "th": "ชาอู่หลง"},
        descriptions={"en": "Rolled by hand.", "th": "ม้วนด้วยมือ"},
        hs_code="090230",
        origin="TW",
        variants=[{"sku": "OL-150", "price_twd": 600, "stock": 3, "labels": {"th": "150 กรัม"}}],
        **halal(),
    )
    certificate = (oolong.halal_body, oolong.halal_cert_no, oolong.halal_expires)

    run(
        vendor,
        csv_bytes(
            row(
                sku="OL-150",
                name_en="High Mountain Oolong",
                name_th="",
                description_en="",
                description_th="",
                variant_th="",
                halal="",
                halal_cert_body="",
                hs_code="",
                origin="",
                price_twd="680",
            )
        ),
    )

    db.session.expire_all()
    product = db.session.get(Product, oolong.id)
    assert names(product) == {"en": "High Mountain Oolong", "th": "ชาอู่หลง"}
    assert {t.locale: t.description for t in product.translations} == {
        "en": "Rolled by hand.",
        "th": "ม้วนด้วยมือ",
    }
    assert (product.hs_code, product.origin) == ("090230", "TW")
    assert (product.halal_body, product.halal_cert_no, product.halal_expires) == certificate
    assert labels(product.variants[0]) == {"th": "150 กรัม"}
    assert product.variants[0].price_twd == 680


def test_column_order_is_free(db, vendor):
    columns = list(reversed(list(row(name_th="ชาอู่หลง"))))
    content = csv_bytes(row(name_th="ชาอู่หลง"), columns=columns)
    assert content.startswith(b"name_th,weight_g,stock,price_twd,name_en,category,sku,handle")

    record = run(vendor, content)

    assert counts(record) == (1, 0, 1, 0)
    product = product_of(db, vendor, "oolong")
    assert names(product) == {"en": "High Mountain Oolong", "th": "ชาอู่หลง"}
    assert (product.variants[0].price_twd, product.variants[0].on_hand) == (680, 12)


def test_unknown_columns_are_an_error_that_names_them(db, vendor):
    errors = errors_of(vendor, csv_bytes(row(colour="red", size="L")))

    assert errors == [(1, None, "Unknown columns: colour, size.")]


def test_missing_required_columns_are_named(db, vendor):
    cells = row()
    del cells["price_twd"], cells["weight_g"]

    errors = errors_of(vendor, csv_bytes(cells))

    assert errors == [(1, None, "Missing required columns: price_twd, weight_g.")]


# -- cell errors ----------------------------------------------------------------------------------


def _expired() -> str:
    return (clock.today() - timedelta(days=1)).isoformat()


def _certificate(**cells) -> dict:
    certificate = {
        "halal": "yes",
        "halal_cert_body": "THIDA",
        "halal_cert_no": "THIDA-2026-0001",
        "halal_cert_expires": (clock.today() + timedelta(days=30)).isoformat(),
    }
    certificate.update(cells)
    return certificate


BOTH_OR_NONE = "Give the certifying body, the certificate number and its expiry date together."
CELL_ERRORS = [
    ({"handle": "Oolong Tea"}, "handle", "Use lower-case letters, digits and hyphens"),
    ({"handle": "x" * 65}, "handle", "Use lower-case letters, digits and hyphens"),
    ({"sku": "OL 150"}, "sku", "Use letters, digits, dots, hyphens and underscores"),
    ({"sku": "OL/150"}, "sku", "Use letters, digits, dots, hyphens and underscores"),
    ({"category": "teas"}, "category", "No category “teas”"),
    ({"name_en": ""}, "name_en", "An English name is required."),
    ({"price_twd": "0"}, "price_twd", "Enter a whole number of NT$ above 0, like 450."),
    ({"price_twd": "-5"}, "price_twd", "Enter a whole number of NT$ above 0, like 450."),
    ({"price_twd": "450.5"}, "price_twd", "Enter a whole number of NT$ above 0, like 450."),
    ({"price_twd": "abc"}, "price_twd", "Enter a whole number of NT$ above 0, like 450."),
    ({"stock": "-1"}, "stock", "Enter a whole number of 0 or more."),
    ({"weight_g": "0"}, "weight_g", "Enter the shipping weight in grams, a whole number above 0."),
    ({"halal": "maybe"}, "halal", "Write yes or no."),
    (_certificate(halal_cert_expires=_expired()), "halal_cert_expires", "already expired"),
    (
        _certificate(halal_cert_expires="30/06/2027"),
        "halal_cert_expires",
        "Use a date like 2027-06-30.",
    ),
    (
        _certificate(halal_cert_expires="2027-02-30"),
        "halal_cert_expires",
        "Use a date like 2027-06-30.",
    ),
    ({"hs_code": "1905"}, "hs_code", "An HS code has 6 to 10 digits."),
    ({"hs_code": "90230"}, "hs_code", "If a spreadsheet dropped a leading zero, write 090230"),
    ({"origin": "TWN"}, "origin", "Use a two-letter country code such as TW."),
]


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    CELL_ERRORS,
    ids=[f"{column}={next(iter(cells.values()))!s:.12}" for cells, column, _ in CELL_ERRORS],
)
def test_a_cell_error_names_its_row_column_and_problem(db, vendor, cells, column, message):
    content = csv_bytes(
        row(handle="green-tea", sku="GT-1", name_en="Green Tea"),
        row(**cells),
    )

    errors = errors_of(vendor, content)

    assert [(number, col) for number, col, _ in errors] == [(3, column)]
    assert message in errors[0][2]


def test_the_first_data_row_is_row_2(db, vendor):
    errors = errors_of(vendor, csv_bytes(row(price_twd="0"), row(handle="green-tea", sku="GT-1")))

    assert [(number, column) for number, column, _ in errors] == [(2, "price_twd")]


def test_row_numbers_are_spreadsheet_rows_not_lines_of_text(db, vendor):
    content = csv_bytes(
        row(handle="a", sku="A-1", description_en="Line one.\nLine two.\nLine three."),
        {},
        row(handle="b", sku="B-1", stock="-1"),
    )

    errors = errors_of(vendor, content)

    # row 2 spans three lines of text, row 3 is empty: the bad row is the spreadsheet's row 4
    assert [(number, column) for number, column, _ in errors] == [(4, "stock")]


def test_errors_on_several_rows_are_all_reported_in_row_order(db, vendor):
    content = csv_bytes(
        row(handle="a", sku="A-1", stock="-1"),
        row(handle="b", sku="B-1"),
        row(handle="c", sku="C-1", weight_g="0", origin="TWN"),
    )

    errors = errors_of(vendor, content)

    assert [(number, column) for number, column, _ in errors] == [
        (2, "stock"),
        (4, "weight_g"),
        (4, "origin"),
    ]


def test_a_duplicate_sku_in_the_file_points_at_the_first_row(db, vendor):
    content = csv_bytes(
        row(handle="a", sku="X-1"),
        row(handle="b", sku="B-1"),
        row(handle="c", sku="X-1"),
    )

    errors = errors_of(vendor, content)

    assert errors == [(4, "sku", "This SKU is already on row 2.")]


def test_halal_yes_needs_the_certificate(db, vendor):
    errors = errors_of(vendor, csv_bytes(row(halal="yes")))

    assert errors == [
        (2, "halal_cert_body", BOTH_OR_NONE),
        (2, "halal_cert_no", BOTH_OR_NONE),
        (2, "halal_cert_expires", BOTH_OR_NONE),
    ]


def test_a_valid_certificate_is_stored(db, vendor):
    expires = clock.today() + timedelta(days=30)
    run(
        vendor,
        csv_bytes(
            row(
                **_certificate(
                    halal="YES", halal_cert_body="thida", halal_cert_expires=expires.isoformat()
                )
            )
        ),
    )

    product = product_of(db, vendor, "oolong")
    assert (product.halal_body, product.halal_cert_no, product.halal_expires) == (
        "THIDA",
        "THIDA-2026-0001",
        expires,
    )


def test_variant_en_is_required_when_a_handle_has_several_rows(db, vendor):
    content = csv_bytes(
        row(sku="OL-150", variant_en="150 g can"),
        row(sku="OL-300", variant_zh_hant="300 克"),
        row(handle="green-tea", sku="GT-1"),
    )

    errors = errors_of(vendor, content)

    assert [(number, column) for number, column, _ in errors] == [(3, "variant_en")]


def test_an_sku_of_another_of_the_vendors_products_is_an_error(db, make, vendor):
    make.product(vendor, handle="green-tea", variants=[{"sku": "GT-1", "price_twd": 300}])

    errors = errors_of(vendor, csv_bytes(row(handle="a", sku="A-1"), row(sku="GT-1")))

    assert len(errors) == 1
    assert errors[0][:2] == (3, "sku")
    assert "green-tea" in errors[0][2]


def test_every_problem_is_reported_even_when_rows_have_cell_errors(db, make, vendor):
    """The spec: validation runs over the whole file and reports every problem."""
    make.product(vendor, handle="green-tea", variants=[{"sku": "GT-1", "price_twd": 300}])

    errors = errors_of(
        vendor, csv_bytes(row(handle="a", sku="A-1", price_twd="0"), row(sku="GT-1"))
    )

    assert [(number, column) for number, column, _ in errors] == [(2, "price_twd"), (3, "sku")]


def test_a_file_with_any_error_changes_nothing(db, make, vendor):
    existing = make.product(
        vendor, handle="oolong", variants=[{"sku": "OL-150", "price_twd": 600, "stock": 3}]
    )
    rows = [row(sku="OL-150", price_twd="999", stock="1", name_en="Renamed")]
    rows += [row(handle=f"tea-{n}", sku=f"T-{n}", name_en=f"Tea {n}") for n in range(50)]
    rows.append(row(handle="last", sku="LAST-1", weight_g="heavy"))
    content = csv_bytes(*rows)
    before_sizes, before = table_sizes(db), snapshot(db)

    with pytest.raises(ImportFailed) as failure:
        run(vendor, content)

    assert [(e.row, e.column) for e in failure.value.errors] == [(53, "weight_g")]
    assert table_sizes(db) == before_sizes
    assert snapshot(db) == before
    db.session.expire_all()
    assert db.session.get(Product, existing.id).variants[0].price_twd == 600


def test_a_file_that_is_not_utf8_says_so(db, vendor):
    content = "handle,sku,category,name_en,name_zh_hant,price_twd,stock,weight_g\r\n"
    content += "oolong,OL-150,tea,Oolong,高山烏龍茶,680,12,260\r\n"

    errors = errors_of(vendor, content.encode("cp950"))

    assert len(errors) == 1
    assert errors[0][:2] == (0, None)
    assert "not UTF-8" in errors[0][2]


# -- text cells -----------------------------------------------------------------------------------


def test_a_quoted_multi_line_description_keeps_its_line_break(db, vendor):
    content = csv_bytes(row(description_en="Rolled by hand.\nBrew at 95°C, three times."))
    assert b'"Rolled by hand.\nBrew at 95' in content

    run(vendor, content)

    product = product_of(db, vendor, "oolong")
    assert product.translations[0].description == "Rolled by hand.\nBrew at 95°C, three times."


def test_invisible_control_characters_in_cells_are_dropped(db, vendor):
    # Spreadsheets carry stray control characters (vertical tabs from merged cells, escapes
    # from pasted terminal text); they are invisible and no page could show them.
    run(vendor, csv_bytes(row(name_en="Oolong\x0b Tea\x1b", description_en="One\x0c\r\nTwo")))

    product = product_of(db, vendor, "oolong")
    english = next(t for t in product.translations if t.locale == "en")
    assert (english.name, english.description) == ("Oolong Tea", "One\nTwo")


def test_markup_in_a_description_is_stored_and_shown_as_text(db, client, vendor, make):
    script = '<script>alert("x")</script> <b>bold</b>'
    run(vendor, csv_bytes(row(description_en=script)))

    product = product_of(db, vendor, "oolong")
    assert product.translations[0].description == script
    make.photo(product)
    db.session.commit()
    page = client.get(f"/en/products/{vendor.slug}/oolong")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "&lt;script&gt;alert(" in html
    assert '<script>alert("x")' not in html
    assert "<b>bold</b>" not in html


# -- limits ---------------------------------------------------------------------------------------


def _many_rows(count: int) -> bytes:
    header = "handle,sku,category,name_en,price_twd,stock,weight_g\r\n"
    body = "".join(f"p-{n},S-{n},tea,Tea {n},100,1,100\r\n" for n in range(count))
    return (header + body).encode()


def test_more_than_10000_rows_is_refused(db, vendor):
    errors = errors_of(vendor, _many_rows(10_001))

    assert len(errors) == 1
    assert errors[0][:2] == (0, None)
    assert "10,000" in errors[0][2]


def test_10000_rows_are_accepted(db, vendor):
    plan = catalog_csv.plan(vendor, _many_rows(10_000))

    assert plan.rows == 10_000
    assert (plan.products_created, plan.variants_created) == (10_000, 10_000)


def test_a_file_over_5_mb_is_refused(db, vendor):
    header = b"handle,sku,category,name_en,description_en,price_twd,stock,weight_g\r\n"
    content = header + b"oolong,OL-150,tea,Oolong," + b"a" * (5 * 1024 * 1024) + b",680,12,260\r\n"
    assert len(content) > 5 * 1024 * 1024

    errors = errors_of(vendor, content)

    assert len(errors) == 1
    assert errors[0][:2] == (0, None)
    assert "5 MB" in errors[0][2]
    assert db.session.scalar(select(func.count()).select_from(Product)) == 0


# -- export and template --------------------------------------------------------------------------


def test_the_export_imported_back_is_a_no_op(db, make, vendor):
    run(vendor, full_catalog())
    make.product(
        vendor,
        handle="green-tea",
        names={"en": "Green Tea", "zh_Hant": "綠茶"},
        descriptions={"en": "Grassy.\nFresh."},
        variants=[
            {"sku": "GT-1", "price_twd": 300, "stock": 2, "labels": {"en": "100 g"}},
            {
                "sku": "GT-2",
                "price_twd": 550,
                "stock": 0,
                "labels": {"en": "200 g", "th": "200 ก."},
            },
        ],
        hs_code="090210",
    )
    make.product(make.vendor(), handle="green-tea")  # another vendor's: not exported
    before = snapshot(db)

    exported = catalog_csv.export(vendor)

    assert exported.startswith(b"\xef\xbb\xbf")
    assert sorted(r["sku"] for r in parse(exported)) == [
        "GT-1",
        "GT-2",
        "OL-150",
        "PC-10",
        "PC-20",
        "PC-30",
    ]
    record = run(vendor, exported)
    assert counts(record) == (0, 0, 0, 0)
    assert snapshot(db) == before


def test_the_export_of_a_product_whose_certificate_has_expired_imports_back(db, make, vendor):
    """A certificate that lapsed since it was entered must not block re-importing the export
    (say, to change prices): the file repeats what the catalog already holds."""
    make.product(
        vendor,
        handle="medjool-dates",
        names={"en": "Medjool Dates"},
        variants=[{"sku": "MD-1", "price_twd": 400, "stock": 5}],
        **halal(expires=clock.today() - timedelta(days=1)),
    )
    before = snapshot(db)

    record = run(vendor, catalog_csv.export(vendor))

    assert counts(record) == (0, 0, 0, 0)
    assert snapshot(db) == before


def test_the_export_escapes_formulas_and_round_trips_them(db, make, vendor):
    product = make.product(
        vendor,
        handle="sale-tea",
        names={"en": '=HYPERLINK("http://evil.example")', "zh_Hant": "-50% 特價茶"},
        descriptions={"en": "+1 cup a day", "zh_Hant": "@home"},
        variants=[{"sku": "ST-1", "price_twd": 300, "stock": 1}],
    )
    before = snapshot(db)

    exported = catalog_csv.export(vendor)

    cells = parse(exported)[0]
    assert cells["name_en"] == '\'=HYPERLINK("http://evil.example")'
    assert cells["name_zh_hant"] == "'-50% 特價茶"
    assert cells["description_en"] == "'+1 cup a day"
    assert cells["description_zh_hant"] == "'@home"
    record = run(vendor, exported)
    assert counts(record) == (0, 0, 0, 0)
    assert snapshot(db) == before
    db.session.expire_all()
    assert names(db.session.get(Product, product.id)) == {
        "en": '=HYPERLINK("http://evil.example")',
        "zh_Hant": "-50% 特價茶",
    }


def test_the_template_imports_cleanly(db, vendor):
    template = catalog_csv.template()
    assert template.startswith(b"\xef\xbb\xbf")
    assert parse(template)[0].keys() == set(catalog_csv.COLUMNS)

    record = run(vendor, template)

    assert counts(record) == (1, 0, 2, 0)
    product = product_of(db, vendor, "pineapple-cake")
    assert product.category.slug == "snacks"
    assert product.halal_body == "THIDA"
    assert [v.sku for v in product.variants] == ["PC-10", "PC-20"]
    assert counts(run(vendor, template)) == (0, 0, 0, 0)


# -- vendors and moderation -----------------------------------------------------------------------


def test_imports_are_per_vendor(db, make, vendor):
    other = make.vendor(slug="other-leaf")
    theirs = make.product(
        other,
        handle="oolong",
        names={"en": "Their Oolong"},
        variants=[{"sku": "OL-150", "price_twd": 999, "stock": 1}],
    )
    before = snapshot(db)

    record = run(vendor, csv_bytes(row(sku="OL-150", price_twd="680")))

    assert counts(record) == (1, 0, 1, 0)
    ours = product_of(db, vendor, "oolong")
    assert ours.id != theirs.id
    assert names(ours) == {"en": "High Mountain Oolong"}
    assert ours.variants[0].price_twd == 680
    db.session.expire_all()
    theirs = db.session.get(Product, theirs.id)
    assert (theirs.vendor_id, names(theirs)) == (other.id, {"en": "Their Oolong"})
    assert (theirs.variants[0].price_twd, theirs.variants[0].on_hand) == (999, 1)
    after = snapshot(db)
    assert [p for p in after["products"] if p.vendor_id == other.id] == [
        p for p in before["products"] if p.vendor_id == other.id
    ]


@pytest.mark.parametrize(("hold", "status"), [(False, "active"), (True, "pending_review")])
def test_new_products_follow_the_moderation_rule(db, make, vendor, hold, status):
    existing = make.product(vendor, handle="green-tea", variants=[{"sku": "GT-1", "price_twd": 9}])
    restocked = make.product(
        vendor,
        handle="black-tea",
        names={"en": "Black Tea"},
        variants=[{"sku": "BT-1", "price_twd": 9, "stock": 1}],
    )

    run(
        vendor,
        csv_bytes(
            row(),
            row(handle="green-tea", sku="GT-1", name_en="Green"),
            row(handle="black-tea", sku="BT-1", name_en="Black Tea", price_twd="12", stock="99"),
        ),
        hold_for_review=hold,
    )

    new = product_of(db, vendor, "oolong")
    # a new product without a photo is a draft; its first photo lists it by the store's rule
    assert new.status == "draft"
    # a listed product whose name changed waits for review again while listings are held;
    # new prices and stock are not reviewed
    assert db.session.get(Product, existing.id).status == status
    assert db.session.get(Product, restocked.id).status == "active"
    make.photo(new, hold_for_review=hold)
    assert new.status == status


# -- preview, then confirm ------------------------------------------------------------------------


def test_an_applied_import_is_refused_a_second_time_and_later_edits_stay(db, make, vendor):
    """A second confirm (another tab, the back button) would put the file's prices back over
    the vendor's later edits: it is refused and changes nothing."""
    owner = make.user(role="vendor", vendor=vendor)
    make.product(
        vendor,
        handle="sun-cake",
        names={"en": "Sun Cake"},
        category="snacks",
        variants=[{"sku": "SC-6", "price_twd": 300, "stock": 10}],
    )
    content = csv_bytes(
        row(handle="sun-cake", sku="SC-6", category="snacks", name_en="Sun Cake", price_twd="320"),
        row(),
    )
    record = catalog_imports.preview(vendor, owner, "cakes.csv", content)
    catalog_imports.confirm(vendor, record, owner)
    # the oolong is new; only the sun cake's option changes (its price)
    assert (record.status, counts(record)) == ("applied", (1, 0, 1, 1))
    applied_at = record.applied_at
    sun_cake = variant_of(db, vendor, "SC-6")
    assert sun_cake.price_twd == 320
    catalog_admin.quick_update(sun_cake, 400, 10, owner)  # the vendor's later edit
    before = snapshot(db)
    audit_rows = table_sizes(db)["AuditEvent"]

    with pytest.raises(ImportAlreadyApplied):
        catalog_imports.confirm(vendor, record, owner)

    db.session.expire_all()
    assert variant_of(db, vendor, "SC-6").price_twd == 400
    assert product_of(db, vendor, "sun-cake").min_price_twd == 400
    record = db.session.get(CatalogImport, record.id)
    assert (record.status, counts(record), record.applied_at) == (
        "applied",
        (1, 0, 1, 1),
        applied_at,
    )
    assert snapshot(db) == before
    assert table_sizes(db)["AuditEvent"] == audit_rows


# -- the command line -----------------------------------------------------------------------------


def cli_import(app, vendor, path):
    return app.test_cli_runner().invoke(
        args=["catalog", "import", "--vendor", vendor.slug, str(path)]
    )


def test_cli_imports_a_file(app, db, vendor, tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_bytes(full_catalog())

    result = cli_import(app, vendor, path)

    assert result.exit_code == 0, result.output
    assert "2 products created" in result.output
    assert "4 variants created" in result.output
    db.session.expire_all()
    assert (
        db.session.scalar(
            select(func.count()).select_from(Variant).where(Variant.vendor_id == vendor.id)
        )
        == 4
    )


def test_cli_reports_each_problem_with_row_and_column_and_exits_1(app, db, vendor, tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_bytes(csv_bytes(row(handle="green-tea", sku="GT-1"), row(price_twd="450.5")))
    before = table_sizes(db)

    result = cli_import(app, vendor, path)

    assert result.exit_code == 1
    assert "row 3, price_twd: Enter a whole number of NT$ above 0, like 450." in result.output
    assert "nothing was imported" in result.output
    db.session.expire_all()
    assert table_sizes(db) == before
