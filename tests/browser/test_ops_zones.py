"""An operator creates a featured zone for Thailand, adds three products by typing their names
(search as you type, htmx), puts them in order (a drag and drop, then a Move button), and a
Thai shopper sees them in that order on the home page while a Malaysian shopper does not.
Played in Debian's chromium; every console page on the way passes axe-core.

The console's own words are written in English here: they are new in this issue and join the
catalogs in the lead's translation pass (server.text() would fail on them until then).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_checkout import axe_report, axe_violations
from tests.browser.test_portal_and_search import make_operator, sign_in, unique

pytestmark = pytest.mark.browser


def console_is_accessible(visit_, name: str) -> None:
    visit_.shot(name)
    violations = axe_violations(visit_.page)
    assert not violations, f"{name}:\n{axe_report(violations)}"


def named(action: str, product: str) -> re.Pattern:
    """A button's accessible name: its visible words, then the product it acts on (in a
    visually hidden span, which Chromium sets apart with a space)."""
    return re.compile(rf"^{re.escape(action)} ?: {re.escape(product)}$")


def in_zone_order(page):
    """The product names of the zone's list in the console, top to bottom (expect() waits
    for them: the list is swapped in by htmx after the message that says so)."""
    return page.locator("#zone-order li .zone-product__name > span[lang]")


def test_an_operator_curates_a_zone_for_thailand_and_only_thai_shoppers_see_it(visit, live_server):
    server = live_server
    tag = unique()
    teas = {
        "oolong": (f"Jade Ridge Oolong {tag}", f"ชาอู่หลงสันเขาหยก {tag}"),
        "black": (f"Red Jade Black Tea {tag}", f"ชาดำหยกแดง {tag}"),
        "green": (f"Spring Dew Green Tea {tag}", f"ชาเขียวน้ำค้างฤดูใบไม้ผลิ {tag}"),
    }
    with server.build() as make:
        vendor = make.vendor(slug=f"ridge-{tag}", name_en=f"Ridge Tea {tag}")
        for handle, (en, th) in teas.items():
            make.product(vendor=vendor, handle=handle, names={"en": en, "th": th})
    login = make_operator(server)
    thai_title = f"ชาจากสันเขา {tag}"

    ops = visit(viewport={"width": 1280, "height": 900})
    page = ops.page
    sign_in(ops, server, "en", login)
    ops.goto("/en/ops/")
    page.get_by_role("link", name="Featured zones", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Featured zones")).to_be_visible()
    console_is_accessible(ops, "zones")

    page.get_by_role("link", name="New zone", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="New zone")).to_be_visible()
    page.get_by_label("Web address").fill(f"ridge-{tag}")
    page.get_by_label("Title (English)").fill(f"From the ridge {tag}")
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="ไทย").click()
    page.get_by_label("Title (ไทย)").fill(thai_title)
    page.get_by_role("checkbox", name=server.country("en", "TH"), exact=True).check()
    # the start is filled in with the time now (Taipei): the zone shows at once
    expect(page.get_by_label("Starts (Taipei time)")).not_to_have_value("")
    console_is_accessible(ops, "new-zone")
    page.get_by_role("button", name="Create the zone").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Products of From the ridge {tag}")
    search = page.get_by_role("searchbox", name="Search the store's products")
    for en, _th in teas.values():
        search.fill("")
        search.press_sequentially(en, delay=25)
        # results come as the operator types, without pressing Search
        add = page.get_by_role("button", name=named("Add to the zone", en))
        expect(add).to_be_visible()
        add.click()
        expect(page.get_by_text("Added to the zone, at the end.")).to_be_visible()
        expect(page.locator("#zone-order")).to_contain_text(en)
    oolong, black, green = (en for en, _th in teas.values())
    expect(in_zone_order(page)).to_have_text([oolong, black, green])
    console_is_accessible(ops, "three-added")

    # drag the green tea to the top by its handle (SortableJS)
    handles = page.locator("#zone-order .drag-handle")
    expect(handles.first).to_be_visible()
    handles.nth(2).drag_to(handles.nth(0))
    expect(page.get_by_text("New order saved.")).to_be_visible()
    expect(in_zone_order(page)).to_have_text([green, oolong, black])
    # and the black tea one place up, with its button
    page.get_by_role("button", name=named("Move up", black)).click()
    expect(page.get_by_text("Moved up.")).to_be_visible()
    expect(in_zone_order(page)).to_have_text([green, black, oolong])
    console_is_accessible(ops, "reordered")

    page.get_by_role("link", name="Preview", exact=True).click()
    expect(page.get_by_role("heading", level=2, name="Preview")).to_be_visible()
    console_is_accessible(ops, "preview")
    ops.assert_clean()

    thai = visit(viewport={"width": 1100, "height": 900})
    thai.goto("/th/")
    zone = thai.page.get_by_role("main").get_by_role("region", name=thai_title, exact=True)
    names = zone.locator(".card__name")
    expect(names).to_have_text([teas["green"][1], teas["black"][1], teas["oolong"][1]])
    thai.shot("thai-home")
    thai.assert_clean()

    malay = visit(viewport={"width": 1100, "height": 900})
    malay.goto("/ms/")
    main = malay.page.get_by_role("main")
    expect(main.get_by_role("heading", level=2).first).to_be_visible()
    expect(main.get_by_text(re.compile(re.escape(tag)))).to_have_count(0)
    assert malay.page.goto(server.url(f"/ms/zones/ridge-{tag}")).status == 404
    malay.shot("malaysian-zone-404")
