"""The demo catalogue, read from app/demo/data/:
- `<vendor-slug>.csv`, one per demo vendor, in the catalog CSV format vendors upload
  (../shared/formats/catalog-csv.md);
- `pictures.csv` (handle, motif): what images.py draws for each product.
Dates in the catalog files are relative to the day of loading, so the demo's certificates never
run out: a cell `today+N` is that day plus N days. `dated()` writes them as ISO dates before
anything reads the file; after that each file is a valid import file.
"""

from __future__ import annotations

import csv
import itertools
import re
from datetime import date, timedelta
from pathlib import Path

from app.demo.vendors import VENDORS
from app.services.catalog.csv import reader as catalog_csv

DATA_DIR = Path(__file__).with_name("data")
#: a whole cell `today+N`: the day of loading plus N days
RELATIVE_DATE = re.compile(rb"(?<![^,\n])today\+([0-9]{1,5})(?![^,\r\n])")


def catalog_files() -> dict[str, Path]:
    """Vendor slug -> the demo catalog file of that vendor, in the order of the demo vendors."""
    return {spec["slug"]: DATA_DIR / f"{spec['slug']}.csv" for spec in VENDORS}


def dated(content: bytes, today: date) -> bytes:
    """A demo catalog file with its `today+N` cells written as ISO dates counted from `today`."""
    return RELATIVE_DATE.sub(
        lambda match: (today + timedelta(days=int(match[1]))).isoformat().encode(), content
    )


def read_catalogue(today: date) -> list[dict]:
    """The demo products, interleaved by category so that any prefix of the list
    (`flask demo-data --products 40`) still shows every category."""
    with (DATA_DIR / "pictures.csv").open(encoding="utf-8", newline="") as handle:
        motifs = {row["handle"]: row["motif"] for row in csv.DictReader(handle)}
    products: list[dict] = []
    for vendor, path in catalog_files().items():
        _header, rows = catalog_csv.read_rows(dated(path.read_bytes(), today))
        by_handle: dict[str, dict] = {}
        for _number, cells in rows:
            spec = by_handle.get(cells["handle"])
            if spec is None:
                spec = by_handle[cells["handle"]] = _spec(vendor, cells, motifs)
            spec["variants"].append(
                {
                    "sku": cells["sku"],
                    "labels": catalog_csv.texts(cells, "variant"),
                    "price_twd": int(cells["price_twd"]),
                    "stock": int(cells["stock"]),
                    "weight_g": int(cells["weight_g"]),
                }
            )
        products.extend(by_handle.values())
    by_category: dict[str, list[dict]] = {}
    for product in products:
        by_category.setdefault(product["category"], []).append(product)
    rounds = itertools.zip_longest(*by_category.values())
    return [product for group in rounds for product in group if product is not None]


def _spec(vendor: str, cells: dict[str, str], motifs: dict[str, str]) -> dict:
    """A product as the bulk path takes it, from the cells of its first row."""
    halal = None
    if cells.get("halal", "").lower() == "yes":
        halal = {
            "body": cells["halal_cert_body"].upper(),
            "number": cells["halal_cert_no"],
            "expires": cells["halal_cert_expires"],
        }
    return {
        "handle": cells["handle"],
        "vendor": vendor,
        "category": cells["category"],
        "names": catalog_csv.texts(cells, "name"),
        "descriptions": catalog_csv.texts(cells, "description"),
        "variants": [],
        "halal": halal,
        "exempt": cells.get("exemption", "").lower() or None,
        "hs_code": cells.get("hs_code") or None,
        "origin": (cells.get("origin") or "TW").upper(),
        "motif": motifs[cells["handle"]],
    }
