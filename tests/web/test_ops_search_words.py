"""Search words in the operators' console: the synonym groups search reads, added, changed and
deleted by an operator through the test client with CSRF on, each change audited and seen by
shoppers' searches at once; bad input refused under its field, changing nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models import AuditEvent
from app.models.search import SearchSynonym, SearchSynonymGroup
from tests.web import test_ops_rules
from tests.web.test_ops_rules import OPS, audit_rows, field_error, text

ops = test_ops_rules.ops  # the signed-in operator fixture

PAGE = f"{OPS}/search-words"


@pytest.fixture
def yoga_mat(make):
    """A product named only in English, "Cork Yoga Mat": shoppers who type "เสื่อโยคะ"
    (Thai) or "tikar senaman" (Malay) find it only through a group."""
    return make.product(names={"en": "Cork Yoga Mat"}, category="tea")


def found_names(client, query: str, lang: str = "en") -> str:
    return text(client.get(f"/{lang}/search", query_string={"q": query}))


def groups_state(db) -> tuple:
    db.session.expire_all()
    return (
        db.session.execute(
            select(
                SearchSynonymGroup.id, SearchSynonymGroup.name, SearchSynonymGroup.attribute
            ).order_by(SearchSynonymGroup.id)
        ).all(),
        db.session.execute(
            select(SearchSynonym.group_id, SearchSynonym.term).order_by(SearchSynonym.id)
        ).all(),
        db.session.scalar(select(func.count()).select_from(AuditEvent)),
    )


def group_named(db, name: str) -> SearchSynonymGroup:
    db.session.expire_all()
    return db.session.scalar(select(SearchSynonymGroup).where(SearchSynonymGroup.name == name))


def test_a_group_added_by_an_operator_finds_products_in_other_languages(db, ops, yoga_mat, client):
    assert "Cork Yoga Mat" not in found_names(client, "เสื่อโยคะ", "th")

    added = ops.submit(
        PAGE,
        {
            "name": " yoga mat ",
            "terms": "yoga mat\n\nเสื่อโยคะ\ntikar senaman\n瑜珈墊\nYoga Mat\n",
            "attribute": "",
        },
    )

    assert added.status_code == 303
    group = group_named(db, "yoga mat")
    # blank lines and a repeat in another case left out, the first spelling kept
    assert [t.term for t in group.terms] == ["yoga mat", "เสื่อโยคะ", "tikar senaman", "瑜珈墊"]
    assert group.attribute is None
    [created] = audit_rows(db, "search_synonyms.created")
    assert created.actor_id == ops.operator.id
    assert created.data == {
        "before": None,
        "after": {
            "name": "yoga mat",
            "attribute": None,
            "terms": ["yoga mat", "เสื่อโยคะ", "tikar senaman", "瑜珈墊"],
        },
    }
    assert "Added the group “yoga mat”." in text(ops.get(PAGE))
    # shoppers find the English name with the Thai, Malay and Chinese words at once
    for query, lang in [("เสื่อโยคะ", "th"), ("tikar senaman", "ms"), ("瑜珈墊", "zh-hant")]:
        assert "Cork Yoga Mat" in found_names(client, query, lang), query


def test_changing_and_deleting_a_group_is_audited_and_searched_at_once(db, ops, yoga_mat, client):
    ops.submit(PAGE, {"name": "yoga mat", "terms": "yoga mat\nเสื่อโยคะ", "attribute": ""})
    group = group_named(db, "yoga mat")
    page = f"{PAGE}/{group.id}"
    form = text(ops.get(page))
    assert "Change the group" in form

    changed = ops.submit(
        page, {"name": "yoga mats", "terms": "yoga mat\ntikar senaman", "attribute": ""}
    )

    assert changed.status_code == 303
    group = group_named(db, "yoga mats")
    assert [t.term for t in group.terms] == ["yoga mat", "tikar senaman"]
    [updated] = audit_rows(db, "search_synonyms.updated")
    assert updated.data["before"]["terms"] == ["yoga mat", "เสื่อโยคะ"]
    assert updated.data["after"]["terms"] == ["yoga mat", "tikar senaman"]
    assert "Cork Yoga Mat" not in found_names(client, "เสื่อโยคะ", "th")
    assert "Cork Yoga Mat" in found_names(client, "tikar senaman", "ms")

    # saving the same words again changes nothing and audits nothing
    ops.submit(page, {"name": "yoga mats", "terms": "yoga mat\ntikar senaman", "attribute": ""})
    assert len(audit_rows(db, "search_synonyms.updated")) == 1

    deleted = ops.submit(page, {}, action=f"{page}/delete")

    assert deleted.status_code == 303
    assert group_named(db, "yoga mats") is None
    [gone] = audit_rows(db, "search_synonyms.deleted")
    assert gone.data["before"]["terms"] == ["yoga mat", "tikar senaman"]
    assert "Cork Yoga Mat" not in found_names(client, "tikar senaman", "ms")
    assert ops.get(page).status_code == 404


def test_bad_groups_are_refused_under_their_fields_and_change_nothing(db, ops):
    before = groups_state(db)

    empty = ops.submit(PAGE, {"name": "", "terms": "", "attribute": ""})
    assert field_error(empty, "name") == "Please fill this in."
    assert field_error(empty, "terms") == "Write the words, one per line."

    alone = ops.submit(PAGE, {"name": "yoga mat", "terms": "yoga mat", "attribute": ""})
    assert field_error(alone, "terms").startswith("Write at least two words that mean the same")

    # ชาดำ is in the seeded "black tea" group; 紅茶 and 红茶 are one word in two scripts
    taken = ops.submit(
        PAGE, {"name": "Black Tea", "terms": "ชาดำ\n茶葉\n茶叶\nholy!", "attribute": ""}
    )
    assert field_error(taken, "name") == "Another group already has this name."
    assert text(taken).count("Please check the form") == 1
    refused = field_error(taken, "terms")
    assert "“ชาดำ” is already in the group “black tea”." in refused
    assert "“茶叶” is the same word as “茶葉”: write it once." in refused

    unknown = ops.submit(PAGE, {"name": "x", "terms": "a\nb", "attribute": "origin:JP"})
    assert field_error(unknown, "attribute") == "Choose one of the list."

    marks = ops.submit(PAGE, {"name": "marks", "terms": "tea\n!!!", "attribute": ""})
    assert "“!!!” has no letters or digits to search for." in field_error(marks, "terms")

    long = ops.submit(PAGE, {"name": "n" * 65, "terms": "a\n" + "b" * 101, "attribute": ""})
    assert field_error(long, "name") == "Use at most 64 characters."
    assert "is too long: at most 100 characters." in field_error(long, "terms")

    many = ops.submit(
        PAGE, {"name": "many", "terms": "\n".join(f"w{i}" for i in range(41)), "attribute": ""}
    )
    assert field_error(many, "terms") == "At most 40 words in one group."

    assert groups_state(db) == before


def test_a_word_can_move_to_another_group_once_taken_out_of_its_own(db, ops):
    coffee = group_named(db, "coffee")
    kept = [t.term for t in coffee.terms if t.term != "kopi"]
    ops.submit(f"{PAGE}/{coffee.id}", {"name": "coffee", "terms": "\n".join(kept)})

    moved = ops.submit(PAGE, {"name": "kopi", "terms": "kopi\nkopi o", "attribute": ""})

    assert moved.status_code == 303
    assert [t.term for t in group_named(db, "kopi").terms] == ["kopi", "kopi o"]


def test_an_attribute_group_of_one_word_is_allowed(db, ops, make):
    added = ops.submit(
        PAGE, {"name": "made here", "terms": "buatan taiwan", "attribute": "origin:TW"}
    )
    assert added.status_code == 303
    assert group_named(db, "made here").attribute == "origin:TW"


def test_the_reading_box_shows_how_search_reads_a_query(db, ops):
    page = text(ops.get(PAGE, query_string={"q": "ชาดำ ฮาลาล"}))
    # the other words as the group writes them (search keeps them folded: 红茶)
    assert "ชาดำ : also finds black tea, ชาแดง, 紅茶, teh hitam" in page
    assert "ฮาลาล : also finds halal, 清真; and halal products" in page

    alone = text(ops.get(PAGE, query_string={"q": "zzyzx"}))
    assert "zzyzx : found as written only" in alone
    # every group is listed with its words, each linking to its form
    assert "black tea black tea · ชาดำ · ชาแดง · 紅茶 · teh hitam" in alone


def test_words_keep_their_place_and_a_new_order_alone_changes_nothing(db, ops):
    coffee = group_named(db, "coffee")
    written = [t.term for t in coffee.terms]
    page = f"{PAGE}/{coffee.id}"

    ops.submit(page, {"name": "coffee", "terms": "\n".join(reversed(written))})
    assert audit_rows(db, "search_synonyms.updated") == []

    ops.submit(page, {"name": "coffee", "terms": "\n".join(["kopi o", *reversed(written)])})
    assert [t.term for t in group_named(db, "coffee").terms] == [*written, "kopi o"]
    [updated] = audit_rows(db, "search_synonyms.updated")
    assert updated.data["after"]["terms"] == [*written, "kopi o"]


def test_the_page_costs_the_same_with_more_groups(db, ops, count_queries):
    def cost() -> int:
        ops.get(PAGE, query_string={"q": "ชาดำ"})
        with count_queries() as statements:
            assert ops.get(PAGE, query_string={"q": "ชาดำ"}).status_code == 200
        return len(statements)

    few = cost()
    for n in range(12):
        db.session.add(
            SearchSynonymGroup(
                name=f"group {n}",
                terms=[SearchSynonym(term=f"word {n}"), SearchSynonym(term=f"other {n}")],
            )
        )
    db.session.commit()
    assert cost() == few
    assert few <= 3, few  # the operator, the groups, their words
