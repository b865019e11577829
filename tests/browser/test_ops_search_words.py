"""An operator teaches search a word: a product named only in English ("Harbour Yoga Mat") is
not found by a Thai shopper typing เสื่อโยคะ (yoga mat) until the operator adds a group of words
that mean the same; the reading box then shows how search reads the Thai word, and the
shopper finds the product. Played in Debian's chromium, keyboard and labels only; each
console page passes axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_ops_zones import console_is_accessible
from tests.browser.test_portal_and_search import (
    make_operator,
    search_from_the_header,
    sign_in,
    unique,
)

pytestmark = pytest.mark.browser


def test_an_operator_adds_words_and_a_thai_shopper_finds_the_english_name(visit, live_server):
    server = live_server
    tag = unique()
    name = f"Harbour Yoga Mat {tag}"
    thai = "เสื่อโยคะ"
    with server.build() as make:
        make.product(names={"en": name}, category="tea")
    login = make_operator(server)

    shopper = visit(viewport={"width": 390, "height": 844})
    main = search_from_the_header(shopper, server, "th", thai)
    expect(main.get_by_role("link", name=name)).to_have_count(0)

    ops = visit(viewport={"width": 1280, "height": 900})
    page = ops.page
    sign_in(ops, server, "en", login)
    ops.goto("/en/ops/")
    page.get_by_role("link", name="Listings", exact=True).click()
    page.get_by_role("link", name="Search words", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Search words")).to_be_visible()
    console_is_accessible(ops, "search-words")

    # a word another group has is refused under the field, and nothing is added
    page.get_by_label("Name", exact=True).fill(f"yoga mats {tag}")
    page.get_by_label("Words that mean the same").fill(f"yoga mat\n{thai}\nชาดำ")
    page.get_by_role("button", name="Add the group").click()
    expect(page.get_by_role("alert")).to_contain_text("is already in the group “black tea”")
    console_is_accessible(ops, "search-words-refused")

    page.get_by_label("Words that mean the same").fill(f"yoga mat\n{thai}")
    page.get_by_label("The words also find").select_option(
        label="Only products named with one of the words"
    )
    page.get_by_role("button", name="Add the group").click()
    expect(page.get_by_role("status").filter(has_text="Added the group")).to_have_text(
        f"Added the group “yoga mats {tag}”."
    )
    expect(page.get_by_role("alert")).to_have_count(0)
    expect(page.get_by_role("link", name=f"yoga mats {tag}", exact=True)).to_be_visible()

    query = page.get_by_role("searchbox", name="Query")
    query.fill(thai)
    query.press("Enter")
    expect(page.get_by_role("main")).to_contain_text(f"{thai}: also finds yoga mat")
    console_is_accessible(ops, "search-words-reading")

    main = search_from_the_header(shopper, server, "th", thai)
    expect(main.get_by_role("link", name=name).first).to_be_visible()
    shopper.shot("found-through-the-group")
    for seen in (ops, shopper):
        seen.assert_clean()
