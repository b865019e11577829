"""Words as a shopper reads them: loanwords the Thai dictionary lacks stay whole, and a
category is "about" a query only through whole words (services.search.words, service)."""

import pytest

from app.services.search.service import _word_test
from app.services.search.text import normalise
from app.services.search.words import segment, thai_parts


def keys(text: str) -> list[str]:
    return [w.key for w in segment(normalise(text))]


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        # crafts and stationery: not งา (sesame) + นค + ราฟต์
        ("งานคราฟต์และเครื่องเขียน", "งา"),
        # shacha sauce holds no ชา (tea)
        ("ซอสซาชา", "ชา"),
    ],
)
def test_loanwords_stay_whole(text, hidden):
    assert hidden not in keys(text)


def test_crafts_are_cut_where_a_reader_would():
    assert keys("งานคราฟต์") == ["งาน", "คราฟต"]
    assert keys("กระดาษคราฟท์") == ["กระดาษ", "คราฟท"]  # kraft paper, the other spelling


@pytest.mark.parametrize(
    ("typed", "word", "same"),
    [
        ("tea", "tea", True),
        ("sauce", "sauces", True),  # a plural
        ("noodle", "noodles", True),
        ("tea", "teapots", False),  # a longer word is another word
        ("te", "tea", False),
        ("茶", "茶叶", True),  # Chinese compounds start with their word
        ("叶", "茶叶", False),
        ("ชา", "ชาม", False),  # Thai: whole words only (a bowl is not tea)
        ("ชา", "ชา", True),
    ],
)
def test_a_category_word_is_the_typed_word(typed, word, same):
    assert _word_test(typed)(word) is same


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("ชาเขียว", ("ชา", "เขียว")),  # green tea is a tea
        ("ข้าวเหนียว", ("ข้าว", "เหนียว")),  # sticky rice is rice
        ("มะม่วง", None),  # a mango is not purple (ม่วง)
        ("กระดาษ", None),  # paper: กระ is only its first syllable
        ("ตะไคร้", None),
        ("คุกกี้", None),  # a loanword, not คุก (jail)
    ],
)
def test_a_thai_compound_is_cut_into_words_only_where_it_is_two(word, parts):
    assert thai_parts(word) == parts
