"""Browsing in a real browser at phone, tablet, laptop and wide-screen widths: the category bar
shows every category, a zone's row shows the cards that fit with a way to the rest and focus
rings nobody cuts off, and on a phone the search filters wait behind a "Filters" disclosure so
the first products are on the first screen. Screenshots of every step go to tests/artifacts/.
"""

from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from tests.browser.conftest import AXE_FILE, missing_requirements
from tests.factories import halal
from tests.tools import require_tool

_reason = missing_requirements()
if _reason:
    require_tool(_reason, module=True)

pytestmark = pytest.mark.browser

WIDTHS = {"phone": 360, "tablet": 768, "laptop": 1280, "wide": 1920}
HEIGHTS = {"phone": 740, "tablet": 1024, "laptop": 800, "wide": 1080}
#: cards a zone's row shows: two rows of two on phones, one row of four or six wider
ZONE_CARDS = {"phone": 4, "tablet": 4, "laptop": 6, "wide": 6}

#: the box of the focused element's outline (outline width and offset added), and whether
#: every ancestor that clips its content (overflow other than visible) contains it whole
RING_CHECK = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const grow = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
  const box = el.getBoundingClientRect();
  const ring = {left: box.left - grow, top: box.top - grow,
                right: box.right + grow, bottom: box.bottom + grow};
  const clippedBy = [];
  for (let up = el.parentElement; up; up = up.parentElement) {
    const s = getComputedStyle(up);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
    const r = up.getBoundingClientRect();
    if (ring.left < r.left - 0.5 || ring.right > r.right + 0.5
        || ring.top < r.top - 0.5 || ring.bottom > r.bottom + 0.5) {
      clippedBy.push(up.tagName + '.' + up.className);
    }
  }
  return {style: style.outlineStyle, grow, ring, clippedBy,
          inView: ring.left >= 0 && ring.right <= innerWidth
                  && ring.top >= 0 && ring.bottom <= innerHeight};
}"""

#: a link's box and whether it shows whole, inside the viewport and every clipping ancestor
SHOWN_WHOLE = """(el) => {
  const b = el.getBoundingClientRect();
  if (b.width === 0 || b.left < -0.5 || b.right > innerWidth + 0.5) return false;
  for (let up = el.parentElement; up; up = up.parentElement) {
    const s = getComputedStyle(up);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
    const r = up.getBoundingClientRect();
    if (b.left < r.left - 0.5 || b.right > r.right + 0.5) return false;
  }
  return true;
}"""


#: whether some of a link shows inside every clipping ancestor (the browser scrolls a link
#: taking the focus into view only when none of it does)
PARTLY_SHOWN = """(el) => {
  const b = el.getBoundingClientRect();
  for (let up = el.parentElement; up; up = up.parentElement) {
    const s = getComputedStyle(up);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
    const r = up.getBoundingClientRect();
    if (Math.min(b.right, r.right) - Math.max(b.left, r.left) < 8) return false;
  }
  return b.right > 8 && b.left < innerWidth - 8;
}"""


def unique() -> str:
    return uuid.uuid4().hex[:8]


def category_names(server, lang: str) -> list[str]:
    from app.extensions import db
    from app.models import Category

    with server.app.app_context():
        slugs = list(db.session.scalars(select(Category.slug).order_by(Category.position)))
        db.session.remove()
    return [server.category_name(slug, lang) for slug in slugs]


def serious_violations(page: Page) -> str:
    page.evaluate(AXE_FILE.read_text(encoding="utf-8"))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    {node['target']}" for node in v["nodes"])
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    )


def open_at(visit, size: str, path: str, **options):
    visit_ = visit(viewport={"width": WIDTHS[size], "height": HEIGHTS[size]}, **options)
    visit_.goto(path)
    return visit_


@pytest.mark.parametrize("lang", ["en", "th"])
@pytest.mark.parametrize("size", list(WIDTHS))
def test_every_category_is_within_reach_at_every_width(visit, live_server, lang, size):
    server = live_server
    visit_ = open_at(visit, size, f"/{lang}/")
    page = visit_.page
    bar = page.get_by_role("navigation", name=server.text(lang, "Categories"))
    names = category_names(server, lang)
    links = bar.get_by_role("link")
    expect(links).to_have_count(len(names))
    assert [name.strip() for name in links.all_inner_texts()] == names
    visit_.shot(f"{size}-bar")

    if size != "phone":
        # the bar wraps: every category shows whole, none behind a scroller
        for index in range(len(names)):
            assert links.nth(index).evaluate(SHOWN_WHOLE), f"{names[index]} is cut off"
        expect(bar.get_by_role("button")).to_have_count(0)  # hidden: nothing to scroll
    else:
        # one line that scrolls, with buttons: the last categories are not in view yet
        assert not links.last.evaluate(SHOWN_WHOLE)
        onward = bar.get_by_role("button", name=server.text(lang, "Scroll the categories on"))
        back = bar.get_by_role("button", name=server.text(lang, "Scroll the categories back"))
        expect(onward).to_be_visible()
        expect(back).to_have_attribute("aria-disabled", "true")
        for _ in range(len(names)):
            if links.last.evaluate(SHOWN_WHOLE):
                break
            onward.click()
            page.wait_for_timeout(150)
        assert links.last.evaluate(SHOWN_WHOLE), "the buttons never bring the last category"
        expect(onward).to_have_attribute("aria-disabled", "true")
        expect(back).to_have_attribute("aria-disabled", "false")
        visit_.shot("phone-bar-scrolled-by-button")
        # by keyboard: each category comes into view as it takes the focus
        links.first.focus()
        for index in range(len(names)):
            expect(links.nth(index)).to_be_focused()
            assert links.nth(index).evaluate(SHOWN_WHOLE), f"{names[index]} focused out of view"
            ring = page.evaluate(RING_CHECK)
            assert not ring["clippedBy"], f"{names[index]}: focus ring cut by {ring['clippedBy']}"
            if index + 1 < len(names):
                page.keyboard.press("Tab")
        visit_.shot("phone-bar-last-focused")
    report = serious_violations(page)
    assert not report, f"axe found serious problems at {size}:\n{report}"
    visit_.assert_clean()


@pytest.mark.parametrize("lang", ["en"])
def test_the_category_bar_scrolls_without_javascript_too(visit, live_server, lang):
    """No buttons without JavaScript; the bar still scrolls, and the keyboard brings each
    category into view."""
    server = live_server
    visit_ = open_at(visit, "phone", f"/{lang}/", java_script_enabled=False)
    page = visit_.page
    bar = page.get_by_role("navigation", name=server.text(lang, "Categories"))
    links = bar.get_by_role("link")
    expect(bar.get_by_role("button")).to_have_count(0)
    links.first.focus()
    for index in range(links.count()):
        expect(links.nth(index)).to_be_focused()
        assert links.nth(index).evaluate(PARTLY_SHOWN), f"category {index + 1} out of sight"
        if index + 1 < links.count():
            page.keyboard.press("Tab")
    visit_.shot("phone-bar-without-js")
    visit_.assert_clean()


@pytest.fixture(scope="module")
def eight_card_zone(live_server):
    """A zone of eight teas on the home page of every market, first after the flagship."""
    tag = unique()
    title = f"Eight teas {tag}"
    with live_server.build() as make:
        vendor = make.vendor(slug=f"eight-{tag}", name_en=f"Eight Teas {tag}")
        products = [
            make.product(vendor=vendor, names={"en": f"Tea {tag} no. {n}"}) for n in range(1, 9)
        ]
        make.zone(slug=f"eight-{tag}", products=products, titles={"en": title}, position=-1000)
    return title, [f"Tea {tag} no. {n}" for n in range(1, 9)]


@pytest.mark.parametrize("size", list(WIDTHS))
def test_a_zone_row_shows_what_fits_and_leads_to_the_rest(
    visit, live_server, eight_card_zone, size
):
    server = live_server
    title, names = eight_card_zone
    visit_ = open_at(visit, size, "/en/")
    page = visit_.page
    zone = page.get_by_role("region", name=title)
    zone.scroll_into_view_if_needed()
    cards = zone.get_by_role("listitem")
    shown = [index for index in range(cards.count()) if cards.nth(index).is_visible()]
    assert len(shown) == ZONE_CARDS[size], f"{len(shown)} cards show at {size}"
    assert shown == list(range(len(shown))), "the first cards show, in order"
    for index in shown:
        link = cards.nth(index).get_by_role("link", name=names[index])
        assert link.evaluate(SHOWN_WHOLE), f"card {index + 1} is cut off at {size}"
    grid = zone.get_by_role("list")
    assert grid.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), "the row scrolls sideways"
    visit_.shot(f"{size}-zone-row")

    # a keyboard user reaches the first card and sees all of its focus ring
    first = zone.get_by_role("link", name=names[0])
    zone.get_by_role("link", name=server.text("en", "See all")).focus()
    page.keyboard.press("Tab")
    expect(first).to_be_focused()
    ring = page.evaluate(RING_CHECK)
    assert ring["style"] != "none", ring
    assert ring["grow"] > 0, ring
    assert not ring["clippedBy"], f"the focus ring is cut by {ring['clippedBy']}"
    assert ring["inView"], ring
    visit_.shot(f"{size}-first-card-focused")

    see_all = zone.get_by_role("link", name=server.text("en", "See all"))
    see_all.click()
    page.wait_for_url("**/en/zones/eight-*")
    listed = page.get_by_role("main").locator("ul.grid").get_by_role("listitem")
    expect(listed).to_have_count(len(names))
    visit_.shot(f"{size}-zone-page")
    visit_.assert_clean()


@pytest.fixture(scope="module")
def jasmine_teas(live_server):
    """Five jasmine teas from two shops, one halal, one sold out: a search with filters."""
    tag = unique()
    word = f"jasmine{tag}"
    with live_server.build() as make:
        shops = [make.vendor(slug=f"{word}-{n}", name_en=f"Jasmine Shop {n} {tag}") for n in (1, 2)]
        for n in range(5):
            make.product(
                vendor=shops[n % 2],
                names={"en": f"{word} tea no. {n}"},
                variants=[{"price_twd": 300 + 400 * n, "stock": 0 if n == 4 else 5}],
                **(halal() if n == 1 else {}),
            )
    return word


@pytest.mark.parametrize("path", ["/en/search?q={word}", "/en/c/tea"])
def test_on_a_phone_the_filters_wait_behind_a_disclosure(visit, live_server, jasmine_teas, path):
    server = live_server
    visit_ = open_at(visit, "phone", path.format(word=jasmine_teas))
    page = visit_.page
    main = page.get_by_role("main")
    first_card = main.locator("ul.grid > li").first.get_by_role("link").first
    box = first_card.bounding_box()
    assert box is not None
    # its picture starts on the first screen, with at least 40 px of it showing
    assert box["y"] + 40 < HEIGHTS["phone"], (
        f"the first product starts at {box['y']:.0f}px, below a {HEIGHTS['phone']}px screen"
    )
    in_stock = main.get_by_role("checkbox", name=server.text("en", "In stock"))
    expect(in_stock).to_be_hidden()
    visit_.shot("phone-first-screen")
    report = serious_violations(page)
    assert not report, f"axe found serious problems:\n{report}"

    main.get_by_text(server.text("en", "Filters"), exact=True).click()
    expect(in_stock).to_be_visible()
    visit_.shot("phone-filters-open")
    in_stock.check()
    page.wait_for_url("**in_stock=1**")
    # the results came back with the filters still open, the box still ticked and focused
    expect(in_stock).to_be_visible()
    expect(in_stock).to_be_checked()
    expect(in_stock).to_be_focused()
    visit_.shot("phone-filter-applied")
    visit_.assert_clean()


@pytest.mark.parametrize("path", ["/en/search?q={word}", "/en/c/tea"])
def test_on_a_wide_screen_the_filters_stand_beside_the_results(
    visit, live_server, jasmine_teas, path
):
    server = live_server
    visit_ = open_at(visit, "laptop", path.format(word=jasmine_teas))
    page = visit_.page
    main = page.get_by_role("main")
    expect(main.get_by_role("checkbox", name=server.text("en", "In stock"))).to_be_visible()
    expect(main.get_by_text(server.text("en", "Filters"), exact=True)).to_be_hidden()
    visit_.shot("laptop-filters")
    visit_.assert_clean()


def test_filters_work_without_javascript_on_a_phone(visit, live_server, jasmine_teas):
    server = live_server
    visit_ = open_at(visit, "phone", f"/en/search?q={jasmine_teas}", java_script_enabled=False)
    page = visit_.page
    main = page.get_by_role("main")
    main.get_by_text(server.text("en", "Filters"), exact=True).click()
    main.get_by_role("checkbox", name=server.text("en", "Halal certified")).check()
    main.get_by_role("button", name=server.text("en", "Apply filters")).click()
    page.wait_for_url("**halal=1**")
    cards = main.locator("ul.grid > li")
    expect(cards).to_have_count(1)
    expect(cards.get_by_role("link").first).to_have_text(f"{jasmine_teas} tea no. 1")
    visit_.shot("phone-halal-without-js")
    # the card's "Add to cart" is a form of its own, not one nested in the filters' form: it
    # posts the product to the cart, not a search
    cards.get_by_role("button", name=server.text("en", "Add to cart")).click()
    page.wait_for_url("**/en/cart")
    expect(page.get_by_role("main")).to_contain_text(f"{jasmine_teas} tea no. 1")
    visit_.shot("phone-added-from-results-without-js")
    visit_.assert_clean()


#: the visible controls that something else covers: for each link, button, field and
#: disclosure summary shown whole (in the viewport once scrolled to, and inside every clipping
#: ancestor), what the browser finds at its centre when it is not the control or inside it
COVERED_CONTROLS = """() => {
  const covered = [];
  const controls = document.querySelectorAll('a[href], button, select, input, textarea, summary');
  for (const el of controls) {
    const b0 = el.getBoundingClientRect();
    // checkVisibility: not in a closed <details> (its boxes are laid out all the same)
    if (b0.width < 2 || b0.height < 2
        || !el.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})) continue;
    el.scrollIntoView({block: 'center', inline: 'nearest'});
    const b = el.getBoundingClientRect();
    let whole = b.left >= 0 && b.right <= innerWidth && b.top >= 0 && b.bottom <= innerHeight;
    for (let up = el.parentElement; whole && up; up = up.parentElement) {
      const s = getComputedStyle(up);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const r = up.getBoundingClientRect();
      whole = b.left >= r.left - 0.5 && b.right <= r.right + 0.5
              && b.top >= r.top - 0.5 && b.bottom <= r.bottom + 0.5;
    }
    if (!whole) continue;
    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    if (hit && !el.contains(hit) && !(hit.control === el)) {
      const what = (n) => n.tagName.toLowerCase()
        + (n.className ? '.' + String(n.className).trim().split(/\\s+/).join('.') : '');
      const section = hit.closest('section, header, nav, footer');
      covered.push(`${what(el)} "${(el.textContent || el.name || '').trim().slice(0, 40)}"`
                   + ` under ${what(hit)}` + (section ? ` in ${what(section)}` : ''));
    }
  }
  return covered;
}"""


@pytest.mark.parametrize("lang", ["en", "th"])
def test_on_a_phone_nothing_covers_a_control_on_the_home_page(
    visit, live_server, eight_card_zone, lang
):
    """Every control the home page shows can be tapped: no card, picture or zone lies over
    it, with the language and market panel closed or open (a zone card's picture once took
    the taps meant for the controls above and below it on phones)."""
    server = live_server
    visit_ = visit(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    visit_.goto(f"/{lang}/")
    page = visit_.page
    page.wait_for_load_state("load")
    flagship = page.locator("section.zone--flagship")
    expect(flagship).to_have_count(1)
    # laid out at the phone's width: a phone zooms a page out to fit anything wider (a card's
    # hidden text once escaped a zone's scroller), and what moves as it does takes taps meant
    # for something else
    width = page.evaluate("[innerWidth, document.documentElement.scrollWidth]")
    assert width == [390, 390], f"the page is laid out {width[1]} px wide on a 390 px phone"
    covered = page.evaluate(COVERED_CONTROLS)
    assert not covered, "covered controls:\n" + "\n".join(covered)
    page.evaluate("scrollTo(0, 0)")
    page.get_by_role("group").filter(has_text=server.text(lang, "Language and market")).click()
    expect(page.get_by_label(server.text(lang, "Ship to"), exact=True)).to_be_visible()
    covered = page.evaluate(COVERED_CONTROLS)
    assert not covered, "covered controls with the panel open:\n" + "\n".join(covered)
    visit_.shot(f"{lang}-phone-home-panel-open")
    visit_.assert_clean()
