"""The columns of the catalog CSV and where each catalog rule's problem is reported."""

from __future__ import annotations

from app.domain.locales import CONTENT, CONTENT_LOCALES

MAX_ROWS = 10_000
MAX_BYTES = 5 * 1024 * 1024
#: column suffix → content locale (name_zh_hant → zh_Hant)
LOCALE_OF_SUFFIX = {CONTENT[key].column: key for key in CONTENT_LOCALES}
SUFFIXES = tuple(CONTENT[key].column for key in CONTENT_LOCALES)

COLUMNS = [
    "handle",
    "sku",
    "category",
    *[f"name_{suffix}" for suffix in SUFFIXES],
    *[f"description_{suffix}" for suffix in SUFFIXES],
    *[f"variant_{suffix}" for suffix in SUFFIXES],
    "price_twd",
    "stock",
    "weight_g",
    "halal",
    "halal_cert_body",
    "halal_cert_no",
    "halal_cert_expires",
    "hs_code",
    "origin",
    "exemption",
]
REQUIRED = ["handle", "sku", "category", "name_en", "price_twd", "stock", "weight_g"]

_PRODUCT_FIELDS = {
    "handle": "handle",
    "category": "category",
    "hs_code": "hs_code",
    "origin": "origin",
    "exemption": "exemption",
}
_CERTIFICATE = {
    "body": "halal_cert_body",
    "number": "halal_cert_no",
    "expires": "halal_cert_expires",
    "flag": "halal",
}
_VARIANT_FIELDS = {"sku": "sku", "price_twd": "price_twd", "stock": "stock", "weight_g": "weight_g"}


def column_of(path: tuple) -> str | None:
    """The column a problem's path points at: ("names", "zh_Hant") → name_zh_hant,
    ("variants", 2, "stock") → stock."""
    head = path[0]
    if head in _PRODUCT_FIELDS:
        return _PRODUCT_FIELDS[head]
    if head in ("names", "descriptions"):
        return f"{head[:-1]}_{CONTENT[path[1]].column}"
    if head == "halal":
        return _CERTIFICATE[path[1]]
    if head == "variants" and len(path) >= 3:
        if path[2] == "labels":
            return f"variant_{CONTENT[path[3]].column}"
        return _VARIANT_FIELDS[path[2]]
    return None


def order(column: str | None) -> int:
    return COLUMNS.index(column) if column in COLUMNS else -1
