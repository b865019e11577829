"""The rules of a synonym group as operators write it (domain.search_words): the words one per
line, and what makes a group refused before the database is asked."""

from __future__ import annotations

from app.domain.search_words import NAME_MAX, TERM_MAX, TERMS_MAX, check_group, parse_terms


def codes(found) -> list[str]:
    """Each problem's code, checked to sit under the field it is about, with its limits."""
    for p in found:
        field = "name" if p.code.startswith("name.") else p.code.split(".")[0]
        assert p.path == ({"term": "terms"}.get(field, field),), p
    return [p.code for p in found]


def test_words_are_read_one_per_line_blank_lines_and_repeats_left_out():
    typed = "  black   tea \n\nชาดำ\r\nBlack Tea\n紅茶\n   \nteh, tarik\n"
    assert parse_terms(typed) == ["black tea", "ชาดำ", "紅茶", "teh, tarik"]
    assert parse_terms("") == parse_terms(None) == []


def test_a_group_needs_a_name_and_two_words_unless_it_stands_for_an_attribute():
    assert codes(check_group("tea", None, ["tea", "ชา"])) == []
    assert codes(check_group("", None, ["tea", "ชา"])) == ["name.required"]
    assert codes(check_group("tea", None, ["tea"])) == ["terms.too_few"]
    assert codes(check_group("tea", None, [])) == ["terms.required"]
    assert codes(check_group("halal", "halal", ["halal"])) == []
    assert codes(check_group("made here", "origin:TW", ["buatan taiwan"])) == []
    assert codes(check_group("tea", "origin:JP", ["tea", "ชา"])) == ["attribute.unknown"]
    assert codes(check_group("tea", "", ["tea", "ชา"])) == ["attribute.unknown"]


def test_the_limits_hold_at_their_edges():
    words = [f"w{i}" for i in range(TERMS_MAX)]
    assert codes(check_group("n" * NAME_MAX, None, words)) == []
    [name] = check_group("n" * (NAME_MAX + 1), None, words)
    assert (name.path, name.code, name.kwargs) == (("name",), "name.length", {"max": 64})
    [many] = check_group("many", None, [*words, "one more"])
    assert (many.path, many.code, many.kwargs) == (("terms",), "terms.too_many", {"max": 40})
    assert codes(check_group("long", None, ["a", "b" * TERM_MAX])) == []
    [long] = check_group("long", None, ["a", "b" * (TERM_MAX + 1)])
    assert (long.path, long.code, long.kwargs) == (
        ("terms",),
        "term.length",
        {"term": "b" * 20 + "…", "max": 100},
    )
