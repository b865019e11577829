"""Time the bulk-listing import of a 10,000-row file (5,000 products, two options each).

    python -m bench.import_csv [--rows 10000]

Runs in a throwaway SQLite database (or the PostgreSQL server DATABASE_URL points at, in a
new database there); prints the time of the first import and of the re-import (a no-op).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import tempfile
import time

import flask_migrate

from app import create_app
from app.extensions import db
from app.services.catalog import imports as catalog_imports
from app.services.catalog.csv import COLUMNS


def build(rows: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    for n in range(rows):
        product = n // 2
        writer.writerow(
            {
                "handle": f"oolong-{product}",
                "sku": f"OOL-{product}-{n % 2}",
                "category": "tea",
                "name_en": f"High Mountain Oolong No. {product}",
                "name_zh_hant": f"高山烏龍茶 {product} 號",
                "name_th": f"ชาอู่หลงเขาสูง หมายเลข {product}",
                "description_en": "Rolled by hand in Alishan.\nBrew at 95 °C.",
                "variant_en": "150 g" if n % 2 == 0 else "300 g",
                "variant_zh_hant": "150 克" if n % 2 == 0 else "300 克",
                "price_twd": 600 + (n % 2) * 500,
                "stock": n % 40,
                "weight_g": 250 + (n % 2) * 200,
                "hs_code": "090230",
                "origin": "TW",
            }
        )
    return buffer.getvalue().encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="tgg-import-bench-")
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        url = f"sqlite:///{folder}/bench.sqlite3"
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url, MEDIA_ROOT=folder)
    content = build(args.rows)
    with app.app_context():
        flask_migrate.upgrade()
        from app.services import vendors

        vendor, _owner, _password = vendors.create(
            "bench-tea", "Bench Tea", "bench@example.com", approved=True
        )
        db.session.commit()
        print(f"{db.engine.dialect.name}: {args.rows:,} rows, {len(content) / 1e6:.1f} MB")
        for label in ("first import", "same file again"):
            started = time.perf_counter()
            record = catalog_imports.run(vendor, "bench.csv", content)
            db.session.commit()
            seconds = time.perf_counter() - started
            print(
                f"{label:<16} {seconds:6.1f} s  products +{record.products_created} "
                f"~{record.products_updated}, options +{record.variants_created} "
                f"~{record.variants_updated}"
            )


if __name__ == "__main__":
    main()
