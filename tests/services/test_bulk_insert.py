"""The bulk path (COPY on PostgreSQL) stores rows exactly as an ORM insert would."""

from datetime import UTC, date, datetime

from sqlalchemy import select

from app.models import Product, ProductTranslation
from app.services import bulk_insert


def test_rows_get_column_defaults_and_typed_values(db, make):
    vendor = make.vendor()
    tea = make.category("tea")
    published = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
    before = datetime.now(UTC)
    bulk_insert.insert_rows(
        Product.__table__,
        [
            {
                "id": 900_001,
                "vendor_id": vendor.id,
                "handle": "bulk-oolong",
                "category_id": tea.id,
                "min_price_twd": 680,
                "published_at": published,
                "halal_expires": date(2027, 6, 30),
                "hs_code": None,
            }
        ],
    )
    bulk_insert.insert_rows(
        ProductTranslation.__table__,
        [{"id": 900_001, "product_id": 900_001, "locale": "th", "name": "ชาอู่หลง 'กลิ่น\tดอกไม้'"}],
    )
    product = db.session.scalar(select(Product).where(Product.handle == "bulk-oolong"))
    # defaults an INSERT would have applied
    assert (product.status, product.origin, product.in_stock) == ("draft", "TW", True)
    assert before <= product.created_at <= datetime.now(UTC)
    # values converted as the column types say (aware UTC datetimes, dates, NULL)
    assert product.published_at == published
    assert product.halal_expires == date(2027, 6, 30)
    assert product.hs_code is None
    assert [(t.locale, t.name, t.description) for t in product.translations] == [
        ("th", "ชาอู่หลง 'กลิ่น\tดอกไม้'", "")
    ]
