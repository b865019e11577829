"""The catalog's rules for a product and its variants: one set for the portal form and the
bulk-listing CSV.

Pure: a draft goes in, problems come out as (path, code, params). Each caller turns a code
into its own shape (a message under a form field; a row and column in the import report);
the rules and their limits live here only. Checks that need the catalog (is this handle or
SKU someone else's?) are made by the catalog service with codes from this module too.

A draft's value is None when it was not given (a CSV cell left empty, which keeps what the
product has); `INVALID` when it was given but could not be read as its type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from app.domain.problems import Problem, problem

HANDLE = re.compile(r"[a-z0-9-]{1,64}")
SKU = re.compile(r"[A-Za-z0-9._-]{1,64}")
HS_CODE = re.compile(r"[0-9]{6,10}")
COUNTRY = re.compile(r"[A-Z]{2}")
MAX_PRICE_TWD = 10_000_000
MAX_STOCK = 1_000_000
MAX_WEIGHT_G = 100_000
NAME_MAX = 200
DESCRIPTION_MAX = 10_000
LABEL_MAX = 120
CERTIFICATE_FIELD_MAX = 64


class Exemption(StrEnum):
    """Why Taiwan's 7-day cooling-off period does not apply to a product."""

    PERISHABLE = "perishable"
    HYGIENE_SEALED = "hygiene_sealed"
    CUSTOM_MADE = "custom_made"


class _Invalid:
    """A value that was given but is not a number or date (e.g. "12a" for a price)."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()


@dataclass
class VariantDraft:
    sku: str | None
    price_twd: int | None = None
    #: units on hand (what the vendor has; reservations are kept apart by inventory)
    stock: int | None = None
    weight_g: int | None = None
    labels: dict[str, str] = field(default_factory=dict)
    #: the variant's id when the form names one
    id: int | None = None
    remove: bool = False


@dataclass
class Certificate:
    body: str | None = None
    number: str | None = None
    expires: date | None = None

    def given(self) -> tuple[bool, bool, bool]:
        return (bool(self.body), bool(self.number), self.expires is not None)

    @property
    def empty(self) -> bool:
        return not any(self.given())


@dataclass
class ProductDraft:
    handle: str | None
    category: str | None = None
    names: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    variants: list[VariantDraft] = field(default_factory=list)
    hs_code: str | None = None
    origin: str | None = None
    #: None: not given (keep the product's); an empty Certificate: no certificate
    halal: Certificate | None = None
    exemption: str | None = None


def kept_variants(draft: ProductDraft) -> list[tuple[int, VariantDraft]]:
    """(index in the draft, variant) for the variants that stay."""
    return [(i, v) for i, v in enumerate(draft.variants) if not v.remove]


def check(
    draft: ProductDraft,
    today: date,
    categories: frozenset[str] | set[str],
    current_certificate: Certificate | None = None,
    name_required: bool = True,
) -> list[Problem]:
    """Every problem with a draft at once (never just the first).

    `current_certificate` is the one the product already has: an expired certificate is
    refused unless it is that one, so an exported catalog imports back unchanged.
    `name_required`: a new product needs an English name; an update may leave it unsaid.
    """
    problems: list[Problem] = []
    problems += check_handle(draft.handle)
    if draft.category is not None or name_required:
        problems += check_category(draft.category, categories)
    problems += check_texts(draft, name_required)
    problems += check_hs_code(draft.hs_code)
    if draft.origin is not None and not COUNTRY.fullmatch(draft.origin):
        problems.append(problem(("origin",), "origin.format"))
    if draft.exemption and draft.exemption not in {e.value for e in Exemption}:
        problems.append(
            problem(
                ("exemption",), "exemption.unknown", choices=", ".join(e.value for e in Exemption)
            )
        )
    if draft.halal is not None:
        problems += check_certificate(draft.halal, today, current_certificate)
    problems += check_variants(draft.variants)
    return problems


def check_handle(handle: str | None) -> list[Problem]:
    if not handle:
        return [problem(("handle",), "handle.required")]
    if not HANDLE.fullmatch(handle):
        return [problem(("handle",), "handle.format")]
    return []


def check_category(category: str | None, categories) -> list[Problem]:
    if not category:
        return [problem(("category",), "category.required")]
    if category not in categories:
        return [
            problem(
                ("category",),
                "category.unknown",
                slug=category,
                slugs=", ".join(sorted(categories)),
            )
        ]
    return []


def check_texts(draft: ProductDraft, name_required: bool) -> list[Problem]:
    problems = []
    if name_required and not (draft.names.get("en") or "").strip():
        problems.append(problem(("names", "en"), "name.required"))
    for locale, name in draft.names.items():
        if name and len(name) > NAME_MAX:
            problems.append(problem(("names", locale), "text.too_long", max=NAME_MAX))
    for locale, text in draft.descriptions.items():
        if text and len(text) > DESCRIPTION_MAX:
            problems.append(problem(("descriptions", locale), "text.too_long", max=DESCRIPTION_MAX))
    return problems


def check_hs_code(code: str | None) -> list[Problem]:
    """6 to 10 digits. HS codes have an even number of digits, and spreadsheets drop the
    leading zero of chapters 01-09 (090230 becomes 90230): say so instead of "too short"."""
    if not code or HS_CODE.fullmatch(code) and len(code) % 2 == 0:
        return []
    if code.isascii() and code.isdigit() and len(code) % 2 == 1 and 5 <= len(code) <= 9:
        return [problem(("hs_code",), "hs_code.leading_zero", suggestion="0" + code)]
    return [problem(("hs_code",), "hs_code.format")]


def check_certificate(
    certificate: Certificate, today: date, current: Certificate | None = None
) -> list[Problem]:
    """Body, number and expiry go together: all three or none; and not already expired
    (unless it is the certificate the product already has)."""
    problems = []
    given = certificate.given()
    if any(given) and not all(given):
        for part, present in zip(("body", "number", "expires"), given, strict=True):
            if not present:
                problems.append(problem(("halal", part), "halal.incomplete"))
    for part, value in (("body", certificate.body), ("number", certificate.number)):
        if value and len(value) > CERTIFICATE_FIELD_MAX:
            problems.append(problem(("halal", part), "text.too_long", max=CERTIFICATE_FIELD_MAX))
    if certificate.expires is INVALID:
        problems.append(problem(("halal", "expires"), "date.format"))
    elif certificate.expires is not None and certificate.expires < today:
        unchanged = current is not None and (
            current.body,
            current.number,
            current.expires,
        ) == (certificate.body, certificate.number, certificate.expires)
        if not unchanged:
            problems.append(problem(("halal", "expires"), "halal.expired"))
    return problems


def _whole_in(value, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def check_variants(variants: list[VariantDraft]) -> list[Problem]:
    kept = [(i, v) for i, v in enumerate(variants) if not v.remove]
    if not kept:
        return [problem(("variants",), "variants.none")]
    problems = []
    first_row: dict[str, int] = {}
    several = len(kept) > 1
    for index, variant in kept:
        at = ("variants", index)
        if not variant.sku:
            problems.append(problem((*at, "sku"), "sku.required"))
        elif not SKU.fullmatch(variant.sku):
            problems.append(problem((*at, "sku"), "sku.format"))
        elif variant.sku in first_row:
            problems.append(problem((*at, "sku"), "sku.duplicate", first=first_row[variant.sku]))
        else:
            first_row[variant.sku] = index
        if not _whole_in(variant.price_twd, 1, MAX_PRICE_TWD):
            problems.append(problem((*at, "price_twd"), "price.range", max=MAX_PRICE_TWD))
        if not _whole_in(variant.stock, 0, MAX_STOCK):
            problems.append(problem((*at, "stock"), "stock.range", max=MAX_STOCK))
        if not _whole_in(variant.weight_g, 1, MAX_WEIGHT_G):
            problems.append(problem((*at, "weight_g"), "weight.range", max=MAX_WEIGHT_G))
        for locale, label in variant.labels.items():
            if label and len(label) > LABEL_MAX:
                problems.append(problem((*at, "labels", locale), "text.too_long", max=LABEL_MAX))
        if several and not (variant.labels.get("en") or "").strip():
            problems.append(problem((*at, "labels", "en"), "label.required_when_several"))
    return problems


# -- listing ------------------------------------------------------------------------------------


def listing_summary(variants) -> tuple[int, bool]:
    """What listings sort and filter by, from (price_twd, units available) per variant: the
    lowest price, and whether any unit can be bought."""
    pairs = list(variants)
    if not pairs:
        raise ValueError("a product has at least one variant")
    return min(price for price, _ in pairs), any(available > 0 for _, available in pairs)


def missing_for_listing(has_english_name: bool, photos: int) -> list[str]:
    """What a saved product still lacks before shoppers may see it ("" when complete).

    A product without a photo or an English name would show as a blank or unreadable tile, so
    it stays a draft that the vendor sees with this list."""
    missing = []
    if not has_english_name:
        missing.append("name_en")
    if photos < 1:
        missing.append("photo")
    return missing


def handle_from(name: str) -> str:
    """A handle from an English name ("Pineapple Cake (10 pcs)" → "pineapple-cake-10-pcs")."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:64].strip("-")
