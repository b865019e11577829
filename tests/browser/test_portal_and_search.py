"""A vendor joins, lists a product in Thai with a photo, and a Thai shopper finds it; search
updates as a shopper types. Played in Debian's chromium, by role and label.

The accounts, shops and products each test signs in with or looks for are built here with the
test factories, under names of their own; expected UI text is read from the .po catalogs.
"""

from __future__ import annotations

import io
import re
import uuid
from dataclasses import dataclass

import pytest
from PIL import Image
from playwright.sync_api import expect

from app.models.user import Role
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser

THAI_NAME = "ชาอู่หลงกุ้ยเฟยทดสอบ"
THAI_QUERY = "กุ้ยเฟย"


@dataclass(frozen=True)
class Login:
    email: str
    password: str


def unique() -> str:
    return uuid.uuid4().hex[:8]


def make_operator(server) -> Login:
    email = f"operator-{unique()}@example.com"
    with server.build() as make:
        make.user(Role.OPERATOR, email=email, name="Operator Test")
    return Login(email, PASSWORD)


def sign_in(visit_, server, lang, login: Login):
    page = visit_.page
    visit_.goto(f"/{lang}/account/sign-in")
    page.get_by_label(server.text(lang, "Email")).fill(login.email)
    page.get_by_label(server.text(lang, "Password"), exact=True).fill(login.password)
    page.get_by_role("main").get_by_role("button", name=server.text(lang, "Sign in")).click()
    page.wait_for_url(re.compile(r"/account/$|/ops/|/vendor/"))


def search_from_the_header(shopper, server, lang: str, query: str):
    """Type `query` in the search box of the header on the home page, press Enter; the
    results page's main region."""
    shopper.goto(f"/{lang}/")
    box = shopper.page.get_by_role("banner").get_by_role(
        "searchbox", name=server.text(lang, "Search")
    )
    box.fill(query)
    box.press("Enter")
    shopper.page.wait_for_url(re.compile(rf"/{lang}/search\?"))
    return shopper.page.get_by_role("main")


def result_cards(page, expected_name: str):
    """The result cards of the search page, found by the list that holds `expected_name`."""
    link = page.get_by_role("link", name=expected_name, exact=True)
    return page.get_by_role("main").get_by_role("list").filter(has=link).get_by_role("listitem")


def card_names(cards) -> list[str]:
    return [name.strip() for name in cards.get_by_role("link").all_inner_texts()]


def test_vendor_applies_is_approved_lists_in_thai_and_a_shopper_finds_it(
    visit, live_server, tmp_path
):
    server = live_server
    zh = "zh-hant"
    t = lambda message, **kw: server.text(zh, message, **kw)  # noqa: E731
    tea = server.category_name("tea", zh)
    operator_login = make_operator(server)
    # a Thai oolong that is not the one the shopper looks for
    other_thai_name = f"ชาอู่หลงภูเขาทดสอบ {unique()}"
    with server.build() as make:
        make.product(names={"en": "Mountain oolong", "th": other_thai_name})

    vendor = visit(viewport={"width": 1100, "height": 900})
    page = vendor.page
    vendor.goto(f"/{zh}/vendor/apply")
    page.get_by_label(t("Company name in Chinese")).fill("貴妃茶舍")
    page.get_by_label(t("Company name in English")).fill("Guifei Tea House")
    page.get_by_label(t("Unified business number")).fill("04595252")
    page.get_by_label(t("Business address")).fill("南投縣鹿谷鄉中正路1號")
    page.get_by_role("group", name=t("What do you sell?")).get_by_label(tea).check()
    page.get_by_label(t("Contact person")).fill("黃美玲")
    page.get_by_label(t("Email")).fill("owner@guifei.example.com")
    page.get_by_label(t("Phone")).fill("+886-49-275-0000")
    page.get_by_label(t("Password"), exact=True).fill("guifei-oolong-2026")
    page.get_by_label(t("Repeat password")).fill("guifei-oolong-2026")
    vendor.shot("application-filled")
    page.get_by_role("button", name=t("Send application")).click()
    # the same answer whoever owns the address: check the inbox, then sign in
    page.get_by_role("heading", name=t("Check your inbox")).wait_for()
    sign_in(vendor, server, zh, Login("owner@guifei.example.com", "guifei-oolong-2026"))
    page.get_by_role("heading", name=t("Your application is being reviewed")).wait_for()
    vendor.shot("waiting-for-review")

    operator = visit(viewport={"width": 1100, "height": 900})
    sign_in(operator, server, "en", operator_login)
    operator.goto("/en/ops/vendors")
    operator.page.get_by_role("link", name="Guifei Tea House", exact=True).click()
    operator.shot("application-to-decide")
    operator.page.get_by_role("button", name=server.text("en", "Approve")).click()
    operator.page.wait_for_url(re.compile(r"/en/ops/vendors$"))
    expect(operator.page.get_by_role("link", name="Guifei Tea House", exact=True)).to_have_count(0)
    operator.shot("approved")

    vendor.goto(f"/{zh}/vendor/products/new")
    page.get_by_label(t("Category")).select_option(label=tea)
    page.get_by_label(t("Web address name")).fill("guifei-oolong")
    for legend, name in (
        ("繁體中文", "貴妃烏龍茶"),
        ("English", "Concubine Oolong"),
        ("ไทย", THAI_NAME),
    ):
        page.get_by_role("group", name=legend, exact=True).get_by_label(t("Product name")).fill(
            name
        )
    option = page.get_by_role("group", name=t("Option %(number)d", number=1))
    option.get_by_label(t("SKU")).fill("GF-OOLONG-150")
    option.get_by_label(t("Price (NT$)")).fill("1200")
    option.get_by_label(t("Stock")).fill("15")
    option.get_by_label(t("Shipping weight (g)")).fill("250")
    option.get_by_label(t("Option name (English)")).fill("150 g tin")
    vendor.shot("product-filled")
    page.get_by_role("button", name=t("Save product")).click()
    page.wait_for_url(re.compile(r"/images$"))

    picture = tmp_path / "tin.png"
    buffer = io.BytesIO()
    Image.new("RGB", (900, 900), (150, 40, 60)).save(buffer, "PNG")
    picture.write_bytes(buffer.getvalue())
    page.get_by_label(t("Add photos")).set_input_files(str(picture))
    page.get_by_role("button", name=t("Upload")).click()
    page.get_by_role("img", name=t("Photo %(number)d", number=1)).wait_for()
    vendor.shot("photo-uploaded")

    shopper = visit(viewport={"width": 390, "height": 844})
    main = search_from_the_header(shopper, server, "th", THAI_QUERY)
    expect(main.get_by_role("status")).to_have_text(
        server.ntext("th", "%(num)d product", "%(num)d products", 1)
    )
    cards = result_cards(shopper.page, THAI_NAME)
    expect(cards).to_have_count(1)
    assert all(THAI_QUERY in name for name in card_names(cards)), card_names(cards)
    expect(main.get_by_role("link", name=other_thai_name)).to_have_count(0)
    shopper.shot("found-in-thai")
    cards.get_by_role("link", name=THAI_NAME, exact=True).click()
    shopper.page.wait_for_url(re.compile(r"/th/products/guifei-tea-house/guifei-oolong$"))
    shopper.page.get_by_role("heading", level=1, name=THAI_NAME).wait_for()
    # the product page replaced the search page (not nested inside its results)
    assert shopper.page.get_by_role("banner").count() == 1
    photo = shopper.page.get_by_role("img", name=THAI_NAME).first
    assert "/media/" in photo.get_attribute("src")
    assert shopper.page.evaluate(
        "img => img.complete && img.naturalWidth > 0", photo.element_handle()
    )
    shopper.shot("product-in-thai")
    for seen in (vendor, operator, shopper):
        seen.assert_clean()


def test_results_follow_the_shopper_typing(visit, live_server):
    server = live_server
    zh = "zh-hant"
    tag = unique()
    query = "霧鹿"
    matching = [f"霧鹿紅烏龍 {tag}", f"霧鹿蜜香紅茶 {tag}"]
    # shares the first character typed, so it shows while typing and must go after
    near_miss = f"霧峰香米 {tag}"
    with server.build() as make:
        vendor = make.vendor(slug=f"wulu-{tag}", name_en=f"Wulu Tea {tag}")
        for n, name in enumerate([*matching, near_miss]):
            make.product(vendor=vendor, names={"en": f"Taitung product {tag} {n}", "zh_Hant": name})

    shopper = visit(viewport={"width": 1100, "height": 900})
    page = shopper.page
    shopper.goto(f"/{zh}/search")
    page.evaluate("window.__sameDocument = true")
    main = page.get_by_role("main")
    box = main.get_by_role("searchbox", name=server.text(zh, "Search"))
    box.press_sequentially(query, delay=80)
    page.wait_for_url(re.compile(r"q=%E9%9C%A7%E9%B9%BF"))
    expect(main.get_by_role("heading", level=1)).to_have_text(
        server.text(zh, "Results for “%(query)s”", query=query)
    )
    expect(main.get_by_role("status")).to_have_text(
        server.ntext(zh, "%(num)d product", "%(num)d products", len(matching))
    )
    cards = result_cards(page, matching[0])
    expect(cards).to_have_count(len(matching))
    assert sorted(card_names(cards)) == sorted(matching)
    expect(main.get_by_role("link", name=near_miss)).to_have_count(0)
    assert page.evaluate("window.__sameDocument") is True
    shopper.shot("typed-wulu")

    header = page.get_by_role("banner")
    header.get_by_role("searchbox", name=server.text(zh, "Search")).press_sequentially(
        query, delay=80
    )
    see_all = page.get_by_role(
        "link", name=server.text(zh, "See all results for “%(query)s”", query=query)
    )
    expect(header.get_by_role("list").filter(has=see_all)).to_be_visible()
    suggestions = header.get_by_role("list").filter(has=see_all).get_by_role("link")
    expect(suggestions).to_have_count(len(matching) + 1)
    assert sorted(suggestions.all_inner_texts()[:-1]) == sorted(matching)
    shopper.shot("suggestions")
    shopper.assert_clean()


def _serious_violations(visit_, path: str) -> str:
    """axe-core's serious and critical findings on the page now open, as a readable report."""
    from tests.browser.conftest import AXE_FILE

    page = visit_.page
    page.evaluate(AXE_FILE.read_text(encoding="utf-8"))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    return "\n".join(
        f"{path}: {v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    {node['target']}" for node in v["nodes"])
        for v in serious
    )


def _shopper_pages(server) -> tuple[None, list[str]]:
    """A shop with a jasmine tea in a zone of its own, and the pages a shopper sees."""
    tag = unique()
    with server.build() as make:
        vendor = make.vendor(slug=f"jasmine-{tag}", name_en=f"Jasmine House {tag}")
        product = make.product(
            vendor=vendor, names={"en": f"Jasmine green tea {tag}", "th": f"ชามะลิ {tag}"}
        )
        zone = make.zone(slug=f"jasmine-{tag}", titles={"en": f"Jasmine {tag}"}, products=[product])
        shop, zone_slug = vendor.slug, zone.slug
    return None, [
        "/search?q=มะลิ",
        "/search?q=zzqqxx",
        f"/zones/{zone_slug}",
        f"/shops/{shop}",
        "/account/sign-in",
        "/account/sign-up",
        "/vendor/apply",
        "/no-such-page",
    ]


def _vendor_portal(server) -> tuple[Login, list[str]]:
    """A vendor owner with one product, and the portal pages they work in."""
    tag = unique()
    email = f"owner-{tag}@example.com"
    with server.build() as make:
        vendor = make.vendor(slug=f"portal-{tag}", name_en=f"Portal Tea {tag}")
        make.user(Role.VENDOR, email=email, vendor=vendor, name="Owner Test")
        make.product(vendor=vendor, names={"en": f"Portal oolong {tag}", "zh_Hant": "烏龍茶"})
    pages = ["/vendor/", "/vendor/products", "/vendor/products/new", "/vendor/import"]
    return Login(email, PASSWORD), [*pages, "/vendor/staff"]


def _ops(server) -> tuple[Login, list[str]]:
    """An operator, a pending application to look at, and the operators' queue."""
    tag = unique()
    with server.build() as make:
        make.vendor(slug=f"pending-{tag}", name_en=f"Pending Tea {tag}", status="pending")
    return make_operator(server), ["/ops/vendors", "/ops/vendors?status=approved"]


@pytest.mark.parametrize(
    ("lang", "build"),
    [("th", _shopper_pages), ("zh-hant", _vendor_portal), ("en", _ops)],
    ids=["shopper-pages", "vendor-portal", "ops"],
)
def test_every_other_page_has_no_serious_accessibility_violation(visit, live_server, lang, build):
    login, paths = build(live_server)
    visit_ = visit()
    if login:
        sign_in(visit_, live_server, lang, login)
    reports = []
    for path in paths:
        response = visit_.page.goto(live_server.url(f"/{lang}{path}"))
        assert response.status == (404 if path == "/no-such-page" else 200), path
        expect(visit_.page.get_by_role("main").get_by_role("heading", level=1)).to_be_visible()
        # the shot is named by the kind of page, not by the names this test made up
        kind = re.sub(r"-[0-9a-f]{8}$", "", path.split("?")[0].strip("/").replace("/", "-"))
        visit_.shot(kind or "home")
        reports.append(_serious_violations(visit_, path))
    report = "\n".join(r for r in reports if r)
    assert not report, f"axe found serious problems:\n{report}"
