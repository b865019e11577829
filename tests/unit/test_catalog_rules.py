"""The catalog's rules (app.domain.catalog_rules) on their own: a draft in, every problem out.

The portal form and the catalog CSV both turn these problems into messages
(tests/web/test_one_rule_set.py checks that they say the same); here each rule is checked at
its limits, with the exact path, code and parameters a caller relies on."""

from collections import Counter
from datetime import date, timedelta

import pytest

from app.domain import catalog_rules as rules
from app.domain.catalog_rules import (
    INVALID,
    Certificate,
    Exemption,
    Problem,
    ProductDraft,
    VariantDraft,
    check,
    handle_from,
    kept_variants,
    listing_summary,
    missing_for_listing,
    problem,
)

TODAY = date(2026, 5, 1)
CATEGORIES = frozenset({"tea", "snacks"})
FUTURE = TODAY + timedelta(days=30)
PAST = TODAY - timedelta(days=1)


def variant(**changes) -> VariantDraft:
    """A variant every rule accepts, unless the changes say otherwise."""
    cells = {
        "sku": "OL-150",
        "price_twd": 680,
        "stock": 12,
        "weight_g": 260,
        "labels": {"en": "150 g can"},
    }
    cells.update(changes)
    return VariantDraft(**cells)


def draft(**changes) -> ProductDraft:
    """A product every rule accepts, unless the changes say otherwise."""
    cells = {
        "handle": "oolong",
        "category": "tea",
        "names": {"en": "High Mountain Oolong"},
        "variants": [variant()],
    }
    cells.update(changes)
    return ProductDraft(**cells)


def certificate(**changes) -> Certificate:
    cells = {"body": "THIDA", "number": "THIDA-2026-0001", "expires": FUTURE}
    cells.update(changes)
    return Certificate(**cells)


def problems_of(item: ProductDraft, **kw) -> Counter:
    return Counter(check(item, TODAY, CATEGORIES, **kw))


def expect(*found: Problem) -> Counter:
    return Counter(found)


# -- the baseline: a complete product has no problem ------------------------------------------


def test_a_complete_product_has_no_problem():
    full = draft(
        descriptions={"en": "Rolled by hand.", "th": "ม้วนด้วยมือ"},
        names={"en": "High Mountain Oolong", "zh_Hant": "高山烏龍茶"},
        hs_code="090230",
        origin="TW",
        halal=certificate(),
        exemption="perishable",
        variants=[
            variant(),
            variant(sku="OL-300", price_twd=1300, stock=0, labels={"en": "300 g can"}),
        ],
    )

    assert check(full, TODAY, CATEGORIES) == []


# -- one rule at a time: (what changes, the problems it gives) ---------------------------------

HANDLE_REQUIRED = problem(("handle",), "handle.required")
HANDLE_FORMAT = problem(("handle",), "handle.format")

PRODUCT_CASES = [
    # handle: required, then lower-case letters, digits and hyphens, 1 to 64
    ("handle missing", {"handle": None}, [HANDLE_REQUIRED]),
    ("handle empty", {"handle": ""}, [HANDLE_REQUIRED]),
    ("handle with spaces and capitals", {"handle": "Oolong Tea"}, [HANDLE_FORMAT]),
    ("handle with an underscore", {"handle": "oolong_tea"}, [HANDLE_FORMAT]),
    ("handle with a non-ASCII letter", {"handle": "crème"}, [HANDLE_FORMAT]),
    ("handle of one character", {"handle": "a"}, []),
    ("handle of digits and hyphens", {"handle": "tea-2026-10"}, []),
    ("handle of 64 characters", {"handle": "x" * 64}, []),
    ("handle of 65 characters", {"handle": "x" * 65}, [HANDLE_FORMAT]),
    # category: required for a new product, and one of the store's
    ("category missing", {"category": None}, [problem(("category",), "category.required")]),
    ("category empty", {"category": ""}, [problem(("category",), "category.required")]),
    (
        "category unknown",
        {"category": "teas"},
        [problem(("category",), "category.unknown", slug="teas", slugs="snacks, tea")],
    ),
    ("category known", {"category": "snacks"}, []),
    # names and descriptions
    ("no names", {"names": {}}, [problem(("names", "en"), "name.required")]),
    ("English name blank", {"names": {"en": "   "}}, [problem(("names", "en"), "name.required")]),
    (
        "only a Thai name",
        {"names": {"th": "ชาอู่หลง"}},
        [problem(("names", "en"), "name.required")],
    ),
    ("English name of 200 characters", {"names": {"en": "n" * 200}}, []),
    (
        "English name of 201 characters",
        {"names": {"en": "n" * 201}},
        [problem(("names", "en"), "text.too_long", max=200)],
    ),
    (
        "Thai name of 201 characters",
        {"names": {"en": "Oolong", "th": "ช" * 201}},
        [problem(("names", "th"), "text.too_long", max=200)],
    ),
    ("empty Malay name", {"names": {"en": "Oolong", "ms": ""}}, []),
    ("description of 10,000 characters", {"descriptions": {"en": "d" * 10_000}}, []),
    (
        "description of 10,001 characters",
        {"descriptions": {"zh_Hant": "茶" * 10_001}},
        [problem(("descriptions", "zh_Hant"), "text.too_long", max=10_000)],
    ),
    ("empty description", {"descriptions": {"en": ""}}, []),
    # HS code: 6, 8 or 10 digits; an odd count is a spreadsheet that dropped a leading zero
    ("no HS code", {"hs_code": None}, []),
    ("empty HS code", {"hs_code": ""}, []),
    ("HS code of 6 digits", {"hs_code": "090230"}, []),
    ("HS code of 8 digits", {"hs_code": "09023010"}, []),
    ("HS code of 10 digits", {"hs_code": "0902301000"}, []),
    (
        "HS code of 5 digits",
        {"hs_code": "90230"},
        [problem(("hs_code",), "hs_code.leading_zero", suggestion="090230")],
    ),
    (
        "HS code of 7 digits",
        {"hs_code": "9023010"},
        [problem(("hs_code",), "hs_code.leading_zero", suggestion="09023010")],
    ),
    (
        "HS code of 9 digits",
        {"hs_code": "902301000"},
        [problem(("hs_code",), "hs_code.leading_zero", suggestion="0902301000")],
    ),
    ("HS code of 3 digits", {"hs_code": "902"}, [problem(("hs_code",), "hs_code.format")]),
    ("HS code of 4 digits", {"hs_code": "1905"}, [problem(("hs_code",), "hs_code.format")]),
    (
        "HS code of 11 digits",
        {"hs_code": "09023010001"},
        [problem(("hs_code",), "hs_code.format")],
    ),
    (
        "HS code of 12 digits",
        {"hs_code": "090230100010"},
        [problem(("hs_code",), "hs_code.format")],
    ),
    ("HS code with a letter", {"hs_code": "09023a"}, [problem(("hs_code",), "hs_code.format")]),
    ("5 characters, one a letter", {"hs_code": "9023a"}, [problem(("hs_code",), "hs_code.format")]),
    (
        "HS code with a dot",
        {"hs_code": "0902.30"},
        [problem(("hs_code",), "hs_code.format")],
    ),
    # digits of other scripts are digits to Python, not to customs
    (
        "5 full-width digits",
        {"hs_code": "９０２３０"},
        [problem(("hs_code",), "hs_code.format")],
    ),
    (
        "6 full-width digits",
        {"hs_code": "０９０２３０"},
        [problem(("hs_code",), "hs_code.format")],
    ),
    # origin: two capital letters (the callers upper-case what vendors type)
    ("no origin", {"origin": None}, []),
    ("origin TW", {"origin": "TW"}, []),
    ("origin TWN", {"origin": "TWN"}, [problem(("origin",), "origin.format")]),
    ("origin T", {"origin": "T"}, [problem(("origin",), "origin.format")]),
    ("origin in lower case", {"origin": "tw"}, [problem(("origin",), "origin.format")]),
    ("origin empty", {"origin": ""}, [problem(("origin",), "origin.format")]),
    ("origin with digits", {"origin": "T1"}, [problem(("origin",), "origin.format")]),
    # cooling-off exemption: blank (the period applies) or one of the three reasons
    ("no exemption", {"exemption": None}, []),
    ("blank exemption", {"exemption": ""}, []),
    *[(f"exemption {e.value}", {"exemption": e.value}, []) for e in Exemption],
    (
        "exemption unknown",
        {"exemption": "fragile"},
        [
            problem(
                ("exemption",),
                "exemption.unknown",
                choices="perishable, hygiene_sealed, custom_made",
            )
        ],
    ),
    (
        "exemption in capitals",
        {"exemption": "PERISHABLE"},
        [
            problem(
                ("exemption",),
                "exemption.unknown",
                choices="perishable, hygiene_sealed, custom_made",
            )
        ],
    ),
]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [case[1:] for case in PRODUCT_CASES],
    ids=[case[0] for case in PRODUCT_CASES],
)
def test_product_rules(changes, expected):
    assert problems_of(draft(**changes)) == expect(*expected)


def test_an_update_may_leave_the_name_and_category_unsaid():
    """name_required=False (an update): no English name and no category are fine, but a
    category that is given is still checked."""
    unsaid = draft(names={}, category=None)
    assert check(unsaid, TODAY, CATEGORIES, name_required=False) == []
    assert problems_of(draft(names={}, category="teas"), name_required=False) == expect(
        problem(("category",), "category.unknown", slug="teas", slugs="snacks, tea")
    )
    assert problems_of(draft(category=""), name_required=False) == expect(
        problem(("category",), "category.required")
    )
    # too long is too long, required or not
    assert problems_of(draft(names={"en": "n" * 201}), name_required=False) == expect(
        problem(("names", "en"), "text.too_long", max=200)
    )


# -- the halal certificate ------------------------------------------------------------------------


def incomplete(*parts: str) -> list[Problem]:
    return [problem(("halal", part), "halal.incomplete") for part in parts]


HALAL_CASES = [
    ("not given", None, []),
    ("none (no certificate)", Certificate(), []),
    ("complete", certificate(), []),
    ("expires today", certificate(expires=TODAY), []),
    ("body only", Certificate(body="THIDA"), incomplete("number", "expires")),
    ("number only", Certificate(number="T-1"), incomplete("body", "expires")),
    ("expiry only", Certificate(expires=FUTURE), incomplete("body", "number")),
    ("no expiry", certificate(expires=None), incomplete("expires")),
    ("no body", certificate(body=None), incomplete("body")),
    ("empty number", certificate(number=""), incomplete("number")),
    (
        "expired yesterday",
        certificate(expires=PAST),
        [problem(("halal", "expires"), "halal.expired")],
    ),
    (
        "expiry not a date",
        certificate(expires=INVALID),
        [problem(("halal", "expires"), "date.format")],
    ),
    (
        "body only and expiry not a date",
        Certificate(body="THIDA", expires=INVALID),
        [*incomplete("number"), problem(("halal", "expires"), "date.format")],
    ),
    ("body of 64 characters", certificate(body="B" * 64), []),
    (
        "body of 65 characters",
        certificate(body="B" * 65),
        [problem(("halal", "body"), "text.too_long", max=64)],
    ),
    ("number of 64 characters", certificate(number="9" * 64), []),
    (
        "number of 65 characters",
        certificate(number="9" * 65),
        [problem(("halal", "number"), "text.too_long", max=64)],
    ),
    (
        "expired, incomplete and too long",
        Certificate(body="B" * 65, expires=PAST),
        [
            *incomplete("number"),
            problem(("halal", "body"), "text.too_long", max=64),
            problem(("halal", "expires"), "halal.expired"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("given", "expected"),
    [case[1:] for case in HALAL_CASES],
    ids=[case[0] for case in HALAL_CASES],
)
def test_certificate_rules(given, expected):
    assert problems_of(draft(halal=given)) == expect(*expected)


def test_an_expired_certificate_the_product_already_has_is_kept():
    """An exported catalog imports back even after its certificate expired."""
    current = certificate(expires=PAST)

    assert check(draft(halal=certificate(expires=PAST)), TODAY, CATEGORIES, current) == []


@pytest.mark.parametrize(
    "current",
    [
        None,
        certificate(number="THIDA-2025-0099", expires=PAST),
        certificate(body="JAKIM", expires=PAST),
        certificate(expires=PAST - timedelta(days=1)),
    ],
    ids=["no certificate yet", "another number", "another body", "another expiry"],
)
def test_an_expired_certificate_that_is_not_the_products_is_refused(current):
    expired = draft(halal=certificate(expires=PAST))

    assert check(expired, TODAY, CATEGORIES, current) == [
        problem(("halal", "expires"), "halal.expired")
    ]


# -- variants -------------------------------------------------------------------------------------


def at(index: int, name: str, code: str, **params) -> Problem:
    return problem(("variants", index, name), code, **params)


def price(index: int = 0) -> Problem:
    return at(index, "price_twd", "price.range", max=10_000_000)


def stock(index: int = 0) -> Problem:
    return at(index, "stock", "stock.range", max=1_000_000)


def weight(index: int = 0) -> Problem:
    return at(index, "weight_g", "weight.range", max=100_000)


VARIANT_CASES = [
    # SKU: required, then letters, digits, dots, hyphens and underscores, 1 to 64
    ("SKU missing", {"sku": None}, [at(0, "sku", "sku.required")]),
    ("SKU empty", {"sku": ""}, [at(0, "sku", "sku.required")]),
    ("SKU with a space", {"sku": "OL 150"}, [at(0, "sku", "sku.format")]),
    ("SKU with a slash", {"sku": "OL/150"}, [at(0, "sku", "sku.format")]),
    ("SKU of every allowed kind", {"sku": "Ol.150_b-2"}, []),
    ("SKU of one character", {"sku": "X"}, []),
    ("SKU of 64 characters", {"sku": "S" * 64}, []),
    ("SKU of 65 characters", {"sku": "S" * 65}, [at(0, "sku", "sku.format")]),
    # price: whole NT$ from 1 to 10,000,000
    ("price 1", {"price_twd": 1}, []),
    ("price 10,000,000", {"price_twd": 10_000_000}, []),
    ("price 0", {"price_twd": 0}, [price()]),
    ("price -5", {"price_twd": -5}, [price()]),
    ("price 10,000,001", {"price_twd": 10_000_001}, [price()]),
    ("price not given", {"price_twd": None}, [price()]),
    ("price not a number", {"price_twd": INVALID}, [price()]),
    ("price a fraction", {"price_twd": 450.5}, [price()]),
    ("price True", {"price_twd": True}, [price()]),
    ("price as text", {"price_twd": "450"}, [price()]),
    # stock: whole units from 0 to 1,000,000
    ("stock 0", {"stock": 0}, []),
    ("stock 1,000,000", {"stock": 1_000_000}, []),
    ("stock -1", {"stock": -1}, [stock()]),
    ("stock -3", {"stock": -3}, [stock()]),
    ("stock 1,000,001", {"stock": 1_000_001}, [stock()]),
    ("stock not given", {"stock": None}, [stock()]),
    ("stock not a number", {"stock": INVALID}, [stock()]),
    ("stock False", {"stock": False}, [stock()]),
    # shipping weight: whole grams from 1 to 100,000
    ("weight 1", {"weight_g": 1}, []),
    ("weight 100,000", {"weight_g": 100_000}, []),
    ("weight 0", {"weight_g": 0}, [weight()]),
    ("weight 100,001", {"weight_g": 100_001}, [weight()]),
    ("weight not given", {"weight_g": None}, [weight()]),
    ("weight not a number", {"weight_g": INVALID}, [weight()]),
    # option names
    ("no option name for the only option", {"labels": {}}, []),
    ("option name of 120 characters", {"labels": {"en": "l" * 120}}, []),
    (
        "option name of 121 characters",
        {"labels": {"en": "l" * 121}},
        [problem(("variants", 0, "labels", "en"), "text.too_long", max=120)],
    ),
    (
        "Thai option name of 121 characters",
        {"labels": {"th": "ช" * 121}},
        [problem(("variants", 0, "labels", "th"), "text.too_long", max=120)],
    ),
    ("empty Malay option name", {"labels": {"en": "150 g", "ms": ""}}, []),
    (
        "everything wrong with one option",
        {"sku": "", "price_twd": 0, "stock": -1, "weight_g": None, "labels": {"en": "l" * 121}},
        [
            at(0, "sku", "sku.required"),
            price(),
            stock(),
            weight(),
            problem(("variants", 0, "labels", "en"), "text.too_long", max=120),
        ],
    ),
]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [case[1:] for case in VARIANT_CASES],
    ids=[case[0] for case in VARIANT_CASES],
)
def test_variant_rules(changes, expected):
    assert problems_of(draft(variants=[variant(**changes)])) == expect(*expected)


def test_a_product_needs_an_option():
    none = problem(("variants",), "variants.none")

    assert problems_of(draft(variants=[])) == expect(none)
    # options marked for removal do not count, and are not checked
    removed = variant(remove=True, sku="", price_twd=0)
    assert problems_of(draft(variants=[removed])) == expect(none)


def test_problems_point_at_the_options_index_in_the_draft():
    """The form and the CSV find the row by this index, so a removed option before a bad one
    must not shift it."""
    gone = variant(sku="OL-75", remove=True, labels={})
    bad = variant(sku="OL-300", price_twd=0, labels={"en": "300 g"})
    items = draft(variants=[gone, variant(), bad])

    assert problems_of(items) == expect(price(2))
    assert kept_variants(items) == [(1, items.variants[1]), (2, bad)]


def test_each_option_needs_its_own_sku_and_the_second_names_the_first():
    items = draft(
        variants=[
            variant(sku="OL-75", labels={"en": "75 g"}),
            variant(sku="OL-150"),
            variant(sku="OL-150", labels={"en": "150 g again"}),
            variant(sku="OL-150", labels={"en": "150 g a third time"}),
        ]
    )

    assert problems_of(items) == expect(
        at(2, "sku", "sku.duplicate", first=1), at(3, "sku", "sku.duplicate", first=1)
    )


def test_a_removed_option_frees_its_sku():
    items = draft(variants=[variant(remove=True), variant(), variant(sku="OL-300", labels={})])

    # OL-150 is only on one kept option; the third needs an English name, there being two
    assert problems_of(items) == expect(
        problem(("variants", 2, "labels", "en"), "label.required_when_several")
    )


def test_skus_that_break_the_format_are_not_also_duplicates():
    items = draft(
        variants=[variant(sku="OL 150"), variant(sku="OL 150", labels={"en": "150 g again"})]
    )

    assert problems_of(items) == expect(at(0, "sku", "sku.format"), at(1, "sku", "sku.format"))


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        ([{"en": "150 g"}, {"en": "300 g"}], []),
        (
            [{}, {"zh_Hant": "300 克"}],
            [
                problem(("variants", 0, "labels", "en"), "label.required_when_several"),
                problem(("variants", 1, "labels", "en"), "label.required_when_several"),
            ],
        ),
        (
            [{"en": "150 g"}, {"en": "  "}],
            [problem(("variants", 1, "labels", "en"), "label.required_when_several")],
        ),
    ],
    ids=["both named", "neither named in English", "one blank"],
)
def test_several_options_each_need_an_english_name(labels, expected):
    items = draft(variants=[variant(sku=f"OL-{n}", labels=names) for n, names in enumerate(labels)])

    assert problems_of(items) == expect(*expected)


def test_the_issues_example_reports_every_problem_at_once():
    """A bad price, a bad handle, a missing English name, stock -3, a missing weight and a
    short HS code: all six, not the first."""
    bad = draft(
        handle="Oolong Tea!",
        names={"zh_Hant": "高山烏龍茶"},
        hs_code="1905",
        variants=[variant(price_twd=INVALID, stock=-3, weight_g=None)],
    )

    assert problems_of(bad) == expect(
        HANDLE_FORMAT,
        problem(("names", "en"), "name.required"),
        problem(("hs_code",), "hs_code.format"),
        price(),
        stock(),
        weight(),
    )


def test_every_kind_of_problem_at_once():
    bad = ProductDraft(
        handle=None,
        category="teas",
        names={"th": "ช" * 201},
        descriptions={"en": "d" * 10_001},
        hs_code="90230",
        origin="TWN",
        exemption="fragile",
        halal=Certificate(body="THIDA", expires=PAST),
        variants=[variant(sku="bad sku"), variant(stock=None, labels={})],
    )

    found = check(bad, TODAY, CATEGORIES)

    assert [p.code for p in found] == [
        "handle.required",
        "category.unknown",
        "name.required",
        "text.too_long",
        "text.too_long",
        "hs_code.leading_zero",
        "origin.format",
        "exemption.unknown",
        "halal.incomplete",
        "halal.expired",
        "sku.format",
        "stock.range",
        "label.required_when_several",
    ]


# -- problems -------------------------------------------------------------------------------------


def test_a_problems_parameters_are_kept_in_name_order():
    found = problem(("category",), "category.unknown", slugs="snacks, tea", slug="teas")

    assert found.params == (("slug", "teas"), ("slugs", "snacks, tea"))
    assert found.kwargs == {"slug": "teas", "slugs": "snacks, tea"}
    assert found == Problem(("category",), "category.unknown", found.params)
    assert problem(("handle",), "handle.format").kwargs == {}


def test_invalid_says_what_it_is():
    assert repr(INVALID) == "INVALID"
    assert rules.INVALID is INVALID


def test_a_certificate_knows_which_parts_were_given():
    assert Certificate().empty
    assert Certificate().given() == (False, False, False)
    assert Certificate(number="T-1").given() == (False, True, False)
    assert not Certificate(number="T-1").empty
    assert Certificate(body="", number="", expires=None).empty
    assert Certificate(expires=FUTURE).given() == (False, False, True)
    assert Certificate(body="THIDA", expires=INVALID).given() == (True, False, True)


# -- listing --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variants", "expected"),
    [
        ([(450, 3)], (450, True)),
        ([(450, 0)], (450, False)),
        ([(900, 0), (450, 0), (600, 0)], (450, False)),
        ([(450, 0), (900, 1)], (450, True)),
        ([(900, 2), (450, 0)], (450, True)),
    ],
    ids=["one in stock", "one sold out", "all sold out", "dearest in stock", "first in stock"],
)
def test_listing_summary_is_the_lowest_price_and_whether_any_can_be_bought(variants, expected):
    assert listing_summary(variants) == expected
    assert listing_summary(iter(variants)) == expected


def test_listing_summary_of_no_variants_is_refused():
    with pytest.raises(ValueError, match="^a product has at least one variant$"):
        listing_summary([])


@pytest.mark.parametrize(
    ("has_english_name", "photos", "missing"),
    [
        (True, 1, []),
        (True, 8, []),
        (True, 0, ["photo"]),
        (False, 1, ["name_en"]),
        (False, 0, ["name_en", "photo"]),
    ],
)
def test_what_a_product_lacks_before_it_is_listed(has_english_name, photos, missing):
    assert missing_for_listing(has_english_name, photos) == missing


@pytest.mark.parametrize(
    ("name", "handle"),
    [
        ("Pineapple Cake (10 pcs)", "pineapple-cake-10-pcs"),
        ("Crème Brûlée", "creme-brulee"),
        ("  --Oolong--  ", "oolong"),
        ("High   Mountain\tOolong", "high-mountain-oolong"),
        ("鳳梨酥", ""),
        ("鳳梨酥 Pineapple Cake", "pineapple-cake"),
        ("a" * 70, "a" * 64),
        # cut at 64, the cut must not leave a trailing hyphen
        ("a" * 63 + " b", "a" * 63),
        # leading punctuation is dropped before the cut, so it does not cost a character
        ("(" + "a" * 64 + ")", "a" * 64),
    ],
)
def test_a_handle_is_made_from_an_english_name(name, handle):
    made = handle_from(name)

    assert made == handle
    assert made == "" or rules.HANDLE.fullmatch(made)
