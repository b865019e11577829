"""A vendor joins, lists a product in Thai with a photo, and a Thai shopper finds it; search
updates as a shopper types. Played in Debian's chromium, by role and label."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

pytestmark = pytest.mark.browser

OPERATOR = ("ops@demo.example.com", "goodgoods-operator")  # the demo store's operator
THAI_NAME = "ชาอู่หลงกุ้ยเฟยทดสอบ"


def _(live_server, lang, message, **variables):
    return live_server.gettext(lang, message, **variables)


def sign_in(visit_, live_server, lang, email, password):
    page = visit_.page
    visit_.goto(f"/{lang}/account/sign-in")
    page.get_by_label(_(live_server, lang, "Email")).fill(email)
    page.get_by_label(_(live_server, lang, "Password"), exact=True).fill(password)
    page.get_by_role("main").get_by_role("button", name=_(live_server, lang, "Sign in")).click()
    page.wait_for_url(re.compile(r"/account/$|/ops/|/vendor/"))


def test_vendor_applies_is_approved_lists_in_thai_and_a_shopper_finds_it(
    visit, live_server, tmp_path
):
    zh = "zh-hant"
    t = lambda message, **kw: _(live_server, zh, message, **kw)  # noqa: E731
    vendor = visit(viewport={"width": 1100, "height": 900})
    page = vendor.page
    vendor.goto(f"/{zh}/vendor/apply")
    page.get_by_label(t("Company name in Chinese")).fill("貴妃茶舍")
    page.get_by_label(t("Company name in English")).fill("Guifei Tea House")
    page.get_by_label(t("Unified business number")).fill("04595252")
    page.get_by_label(t("Business address")).fill("南投縣鹿谷鄉中正路1號")
    page.get_by_role("group", name=t("What do you sell?")).get_by_label("茶葉").check()
    page.get_by_label(t("Contact person")).fill("黃美玲")
    page.get_by_label(t("Email")).fill("owner@guifei.example.com")
    page.get_by_label(t("Phone")).fill("+886-49-275-0000")
    page.get_by_label(t("Password"), exact=True).fill("guifei-oolong-2026")
    page.get_by_label(t("Repeat password")).fill("guifei-oolong-2026")
    vendor.shot("application-filled")
    page.get_by_role("button", name=t("Send application")).click()
    page.get_by_role("heading", name=t("Your application is being reviewed")).wait_for()
    vendor.shot("waiting-for-review")

    operator = visit(viewport={"width": 1100, "height": 900})
    sign_in(operator, live_server, "en", *OPERATOR)
    operator.goto("/en/ops/vendors")
    operator.page.get_by_role("link", name="Guifei Tea House").click()
    operator.shot("application-to-decide")
    operator.page.get_by_role("button", name="Approve").click()
    operator.page.wait_for_url(re.compile(r"/en/ops/vendors$"))
    operator.shot("approved")

    vendor.goto(f"/{zh}/vendor/products/new")
    page.get_by_label(t("Category")).select_option(label="茶葉")
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
    shopper.goto("/th/")
    search_box = shopper.page.get_by_role("searchbox", name=_(live_server, "th", "Search")).first
    search_box.fill("กุ้ยเฟย")
    search_box.press("Enter")
    shopper.page.wait_for_url(re.compile(r"/th/search\?"))
    card = shopper.page.get_by_role("link", name=re.compile(THAI_NAME))
    card.first.wait_for()
    shopper.shot("found-in-thai")
    card.first.click()
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
    shopper = visit(viewport={"width": 1100, "height": 900})
    page = shopper.page
    shopper.goto("/zh-hant/search")
    page.evaluate("window.__sameDocument = true")
    box = page.get_by_role("searchbox", name=_(live_server, "zh-hant", "Search")).last
    box.press_sequentially("烏龍", delay=80)
    page.wait_for_url(re.compile(r"q=%E7%83%8F%E9%BE%8D"))
    page.get_by_role("status").filter(has_text=re.compile(r"\d")).first.wait_for()
    assert page.evaluate("window.__sameDocument") is True
    assert page.locator("#results .card").count() > 0
    shopper.shot("typed-oolong")

    header = page.get_by_role("searchbox", name=_(live_server, "zh-hant", "Search")).first
    header.press_sequentially("ชา", delay=80)
    page.locator("#site-search-suggestions li").first.wait_for()
    shopper.shot("suggestions")
    shopper.assert_clean()


VENDOR = ("vendor@demo.example.com", "goodgoods-vendor")  # the demo store's vendor owner


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


@pytest.mark.parametrize(
    ("who", "lang", "paths"),
    [
        (
            None,
            "th",
            [
                "/search?q=ชา",
                "/search?q=zzqqxx",
                "/zones/taipei-good-goods",
                "/shops/alishan-leaf",
                "/account/sign-in",
                "/account/sign-up",
                "/vendor/apply",
                "/no-such-page",
            ],
        ),
        (
            VENDOR,
            "zh-hant",
            [
                "/vendor/",
                "/vendor/products",
                "/vendor/products/new",
                "/vendor/import",
                "/vendor/staff",
            ],
        ),
        (OPERATOR, "en", ["/ops/vendors", "/ops/vendors?status=approved"]),
    ],
    ids=["shopper-pages", "vendor-portal", "ops"],
)
def test_every_other_page_has_no_serious_accessibility_violation(
    visit, live_server, who, lang, paths
):
    visit_ = visit()
    if who:
        sign_in(visit_, live_server, lang, *who)
    reports = []
    for path in paths:
        response = visit_.page.goto(live_server.url(f"/{lang}{path}"))
        assert response.status == (404 if path == "/no-such-page" else 200), path
        visit_.shot(path.strip("/").replace("/", "-").split("?")[0] or "home")
        reports.append(_serious_violations(visit_, path))
    report = "\n".join(r for r in reports if r)
    assert not report, f"axe found serious problems:\n{report}"
