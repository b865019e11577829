"""`like.contains`: the words are matched literally, wildcards and the escape included."""

import pytest
from sqlalchemy import create_engine, literal, select

from app.services import like


@pytest.mark.parametrize(
    ("text", "words", "found"),
    [
        ("Oolong 50% off", "50%", True),
        ("Oolong 50 off", "50%", False),
        ("dd_150", "d_1", True),
        ("ddx150", "d_1", False),
        ("a\\b", "a\\b", True),
        ("ab", "a\\b", False),
        ("Dong Ding", "ng d", True),
    ],
)
def test_contains_matches_the_words_literally(text, words, found):
    with create_engine("sqlite://").connect() as conn:
        assert conn.scalar(select(like.contains(literal(text), words))) is found


def test_a_vendor_finds_its_products_by_name_sku_or_handle_with_wildcards_literal(db, make):
    from app.services.catalog import portal

    vendor = make.vendor()
    plum = make.product(
        vendor=vendor,
        names={"en": "Salted Plum 50%"},
        handle="salted-plum",
        variants=[{"price_twd": 120, "sku": "SP_01"}],
    )
    oolong = make.product(vendor=vendor, names={"en": "Oolong 500"}, handle="oolong")
    make.product(names={"en": "Salted Plum 50%"})  # another vendor's

    def found(q):
        products, _ = portal.vendor_products(vendor, None, portal.ProductFilter.of(q, None))
        return {p.id for p in products}

    assert found("plum 50%") == {plum.id}
    assert found("50%") == {plum.id}  # not "500"
    assert found("sp_0") == {plum.id}  # the SKU, any case
    assert found("oolon") == {oolong.id}  # the handle or the name
    assert found("p_um") == set()
