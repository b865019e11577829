"""Buying in a real browser, as a shopper does it: by role, name and label.

A Thai shopper (Thai pages, Thai market) puts goods from two shops in the cart, checks out
with a Thai address and pays on the payment page with localstripe's stand-in for Stripe.js;
only the signed webhook (localstripe sends it about a second later) marks the order paid, and
the order page, which polls, says so. Each test builds its own shops and products, with
photos, on the live store's database. Expected UI text comes from the .po catalogs; the pages
are checked by axe-core in the browser and by the Nu HTML checker as served. Screenshots of
every step go to tests/artifacts/.
"""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import func, select

from tests.browser.conftest import AXE_FILE, Visit, missing_requirements
from tests.tools import require_tool

_reason = missing_requirements()
if _reason:
    require_tool(_reason, module=True)

pytestmark = pytest.mark.browser

#: a Thai browser: the market follows its region (TH, baht)
THAI_BROWSER = {"locale": "th-TH"}
PHONE = {"width": 390, "height": 844}
VISA = "4242424242424242"
#: localstripe's card that is attached fine, then declined when charged (card_declined)
DECLINED_AT_CHARGE = "4000000000000341"
#: the webhook comes about 1 s after the payment; the order page polls every 2 s
PAID_WITHIN_MS = 15_000
BAHT = re.compile(r"฿\s?[\d,]+\.\d\d")
#: a Thai address, as a shopper in Bangkok types it (label msgid -> value)
THAI_ADDRESS = {
    "Full name": "สมชาย ใจดี",
    "Address": "99/1 ซอยสุขุมวิท 23",
    "City or district": "เขตวัฒนา",
    "Province or state": "กรุงเทพมหานคร",
    "Postal code": "10110",
    "Phone": "081 234 5678",
}


@dataclass(frozen=True)
class Goods:
    #: path after the language prefix: /products/<vendor>/<handle>
    path: str
    name: str
    vendor: str


def unique() -> str:
    return uuid.uuid4().hex[:8]


def a_demo_photo(server) -> tuple[str, int, int]:
    """A photo the demo loader stored (its renditions exist, so the pages load it)."""
    from app.extensions import db
    from app.models import ProductImage

    with server.app.app_context():
        try:
            image = db.session.scalars(select(ProductImage).limit(1)).one()
            return image.key, image.width, image.height
        finally:
            db.session.remove()


def two_shops_goods(server) -> tuple[Goods, Goods]:
    """A tea and a cake from two shops of their own, listed (with a photo), in stock."""
    tag = unique()
    photo = a_demo_photo(server)
    made = []
    with server.build() as make:
        for kind, category, name, price, weight in (
            ("tea", "tea", f"ชาอู่หลงอาลีซาน {tag}", 680, 300),
            ("cakes", "snacks", f"พายสับปะรด {tag}", 450, 600),
        ):
            vendor = make.vendor(slug=f"{kind}-{tag}", name_en=f"Taipei {kind} {tag}")
            product = make.product(
                vendor=vendor,
                category=category,
                handle=f"{kind}-{tag}",
                names={"en": f"{kind} {tag}", "th": name},
                variants=[{"price_twd": price, "stock": 20, "weight_g": weight}],
                image=photo,
            )
            made.append(Goods(f"/products/{vendor.slug}/{product.handle}", name, vendor.name_en))
    return made[0], made[1]


def _db_scalar(server, statement):
    from app.extensions import db

    with server.app.app_context():
        try:
            return db.session.scalar(statement)
        finally:
            db.session.remove()


def order_status(server, ref: str) -> str | None:
    from app.models import Order

    return _db_scalar(server, select(Order.status).where(Order.ref == ref))


def failed_payment_events(server) -> int:
    from app.models import StripeEvent

    return _db_scalar(
        server,
        select(func.count())
        .select_from(StripeEvent)
        .where(StripeEvent.type == "payment_intent.payment_failed"),
    )


def cart_link(page: Page, server):
    name = re.compile(rf"^{re.escape(server.text('th', 'Cart'))}\s")
    return page.get_by_role("banner").get_by_role("link", name=name)


def add_from_product_page(visit_: Visit, goods: Goods, count_after: int) -> None:
    page, server = visit_.page, visit_.server
    visit_.goto("/th" + goods.path)
    expect(page.get_by_role("heading", level=1, name=goods.name, exact=True)).to_be_visible()
    page.get_by_role("button", name=server.text("th", "Add to cart"), exact=True).click()
    # htmx swaps in the message under the button and the header's new count; no page load
    added = page.get_by_role("status").filter(has_text=server.text("th", "Added to your cart."))
    expect(added).to_be_visible()
    expect(cart_link(page, server)).to_contain_text(str(count_after))
    assert visit_.path() == "/th" + goods.path


def order_total(page: Page, server) -> str:
    """The "Total" of the order total table (cart and checkout)."""
    table = page.get_by_role("table", name=server.text("th", "Order total"), exact=True)
    row = table.get_by_role("row", name=re.compile(rf"^{re.escape(server.text('th', 'Total'))}\s"))
    total = row.get_by_role("cell").inner_text().strip()
    assert BAHT.fullmatch(total), f"not a price in baht: {total!r}"
    return total


def open_cart_with_two_parcels(visit_: Visit, goods: tuple[Goods, Goods]) -> str:
    """From the header's cart link: one parcel per shop. Returns the order total."""
    page, server = visit_.page, visit_.server
    cart_link(page, server).click()
    expect(page).to_have_url(server.url("/th/cart"))
    expect(page.get_by_role("heading", level=1, name=server.text("th", "Cart"))).to_be_visible()
    for item in goods:
        parcel = page.get_by_role(
            "region",
            name=server.text("th", "Parcel from %(vendor)s", vendor=item.vendor),
            exact=True,
        )
        expect(parcel.get_by_role("listitem")).to_have_count(1)
        expect(parcel.get_by_role("link", name=item.name, exact=True)).to_be_visible()
        expect(parcel).to_contain_text(BAHT)
    total = order_total(page, server)
    visit_.shot("cart-two-parcels")
    return total


def check_out(visit_: Visit, total: str, email: str) -> str:
    """Checkout from the cart: the address filled in by label, the order placed. Returns the
    order's reference (from the payment page's URL)."""
    page, server = visit_.page, visit_.server
    page.get_by_role("link", name=server.text("th", "Checkout"), exact=True).click()
    expect(page).to_have_url(server.url("/th/checkout"))
    return place_order(visit_, total, email)


def place_order(visit_: Visit, total: str, email: str) -> str:
    """On the checkout page: the address filled in by label, the order placed."""
    page, server = visit_.page, visit_.server
    expect(page.get_by_role("heading", level=1, name=server.text("th", "Checkout"))).to_be_visible()
    assert order_total(page, server) == total, "checkout shows another total than the cart"
    page.get_by_label(server.text("th", "Email"), exact=True).fill(email)
    for label, value in THAI_ADDRESS.items():
        page.get_by_label(server.text("th", label), exact=True).fill(value)
    country = page.get_by_label(server.text("th", "Country"), exact=True)
    expect(country.locator("option:checked")).to_have_text(server.country("th", "TH"))
    visit_.shot("checkout-filled")
    place = server.text("th", "Place order and pay %(total)s", total=total)
    page.get_by_role("button", name=place, exact=True).click()
    expect(page).to_have_url(re.compile(r"/th/checkout/[^/]+/pay$"))
    expect(page.get_by_role("heading", level=1, name=server.text("th", "Payment"))).to_be_visible()
    return page.url.rsplit("/", 2)[-2]


def card_form(page: Page, server):
    return page.get_by_role("group", name=server.text("th", "Card"), exact=True)


def fill_card(page: Page, server, number: str) -> None:
    """localstripe's card form: five plain inputs, named by payment.js from their
    placeholders (number, exp_month, exp_year of two digits, cvc, postal_code)."""
    card = card_form(page, server)
    for name, value in (
        ("number", number),
        ("exp month", "12"),
        ("exp year", "30"),
        ("cvc", "123"),
        ("postal code", "10110"),
    ):
        card.get_by_role("textbox", name=name, exact=True).fill(value)


def pay(page: Page, server, total: str) -> None:
    name = server.text("th", "Pay %(total)s", total=total)
    button = page.get_by_role("button", name=name, exact=True)
    expect(button).to_be_enabled()
    button.click()


def expect_paid(visit_: Visit, ref: str, email: str, goods: tuple[Goods, ...]) -> None:
    page, server = visit_.page, visit_.server
    expect(page).to_have_url(server.url(f"/th/orders/{ref}"))
    title = server.text("th", "Order %(ref)s", ref=ref)
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    status = page.get_by_role("heading", level=2, name=server.text("th", "Paid"), exact=True)
    expect(status).to_be_visible(timeout=PAID_WITHIN_MS)
    thanks = server.text(
        "th",
        "Thank you! We sent the receipt to %(email)s. Each shop now packs its parcel.",
        email=email,
    )
    expect(page.get_by_text(thanks, exact=True)).to_be_visible()
    assert order_status(server, ref) == "paid"
    # the receipt below says so too: each shop's parcel is paid, none still waiting
    receipt = page.get_by_role("region", name=server.text("th", "Receipt"), exact=True)
    for item in goods:
        parcel = server.text("th", "Parcel from %(vendor)s", vendor=item.vendor)
        name = f"{parcel} · {server.text('th', 'Paid')}"
        expect(receipt.get_by_role("region", name=name, exact=True)).to_be_visible()


def test_thai_shopper_buys_from_two_shops_and_pays_by_card(visit, live_server, stripe_webhooks):
    server = live_server
    goods = two_shops_goods(server)
    email = f"somchai-{unique()}@example.com"
    visit_ = visit(**THAI_BROWSER)
    page = visit_.page

    add_from_product_page(visit_, goods[0], count_after=1)
    visit_.shot("added-from-first-product-page")
    add_from_product_page(visit_, goods[1], count_after=2)
    visit_.shot("added-from-second-product-page")
    total = open_cart_with_two_parcels(visit_, goods)
    ref = check_out(visit_, total, email)
    assert order_status(server, ref) == "awaiting_payment"
    # htmx (served from its CDN URL, SRI checked) still runs under the page's own policy: a
    # deferred script, so wait for it to have run (a refused script never does)
    page.wait_for_function("() => typeof window.htmx === 'object'", timeout=10_000)

    fill_card(page, server, VISA)
    visit_.shot("payment-card-filled")
    pay(page, server, total)
    expect_paid(visit_, ref, email, goods)
    visit_.shot("order-paid")
    visit_.assert_clean()


def test_a_declined_card_says_why_and_another_card_pays(visit, live_server, stripe_webhooks):
    server = live_server
    goods = two_shops_goods(server)
    email = f"malee-{unique()}@example.com"
    visit_ = visit(viewport=PHONE, is_mobile=True, has_touch=True, **THAI_BROWSER)
    page = visit_.page
    add_from_product_page(visit_, goods[0], count_after=1)
    add_from_product_page(visit_, goods[1], count_after=2)
    total = open_cart_with_two_parcels(visit_, goods)
    ref = check_out(visit_, total, email)
    failed_before = failed_payment_events(server)
    visit_.shot("payment")

    fill_card(page, server, DECLINED_AT_CHARGE)
    pay(page, server, total)
    declined = server.text("th", "Your card was declined. Try another card, or ask your bank.")
    alert = page.get_by_role("main").get_by_role("alert")
    expect(alert).to_have_text(declined)
    expect(page).to_have_url(server.url(f"/th/checkout/{ref}/pay"))
    visit_.shot("card-declined")

    # Stripe's payment_failed event arrives; the order stays payable, the reason kept.
    deadline = time.monotonic() + 10
    while failed_payment_events(server) == failed_before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert failed_payment_events(server) > failed_before, "no payment_failed webhook arrived"
    assert order_status(server, ref) == "awaiting_payment"
    page.reload()
    expect(page.get_by_role("heading", level=1, name=server.text("th", "Payment"))).to_be_visible()
    expect(alert).to_have_text(declined)

    fill_card(page, server, VISA)
    pay(page, server, total)
    expect_paid(visit_, ref, email, goods)
    visit_.shot("paid-with-another-card")
    visit_.assert_clean()


def test_without_javascript_the_order_is_placed_and_the_payment_page_says_why(visit, live_server):
    server = live_server
    goods = two_shops_goods(server)
    visit_ = visit(java_script_enabled=False, **THAI_BROWSER)
    page = visit_.page
    added = server.text("th", "Added to your cart.")
    for count, item in enumerate(goods, start=1):
        visit_.goto("/th" + item.path)
        page.get_by_role("button", name=server.text("th", "Add to cart"), exact=True).click()
        # without htmx the form posts and lands on the cart, with the flash message
        expect(page).to_have_url(server.url("/th/cart"))
        expect(page.get_by_text(added, exact=True)).to_be_visible()
        expect(cart_link(page, server)).to_contain_text(str(count))
    visit_.goto("/th/")
    total = open_cart_with_two_parcels(visit_, goods)
    ref = check_out(visit_, total, f"nojs-{unique()}@example.com")

    needs_js = server.text(
        "th",
        "Paying by card needs JavaScript: please turn it on for this page. Your order is "
        "held until the time above.",
    )
    expect(page.get_by_text(needs_js, exact=True)).to_be_visible()
    expect(
        page.get_by_role("button", name=server.text("th", "Pay %(total)s", total=total))
    ).to_be_disabled()
    visit_.shot("payment-needs-javascript")
    assert order_status(server, ref) == "awaiting_payment"
    visit_.goto(f"/th/orders/{ref}")
    status = server.text("th", "Waiting for payment")
    expect(page.get_by_role("heading", level=2, name=status, exact=True)).to_be_visible()
    visit_.shot("order-awaiting-payment")
    visit_.assert_clean()


def axe_violations(page: Page) -> list[dict]:
    """axe-core's findings on the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_FILE.read_text(encoding="utf-8"))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return results["violations"]


def axe_report(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    {node['target']}: {node['html'][:200]}" for node in v["nodes"])
        for v in violations
    )


def test_checkout_pages_pass_axe_and_the_html_checker(
    visit, live_server, stripe_webhooks, tmp_path
):
    """The cart, checkout (also with its errors shown), payment and confirmation pages: axe-core
    on the page as the shopper has it (the card form mounted), the Nu HTML checker on the HTML
    as served to this browser (its cookies: the same cart and order)."""
    from tests.web.test_html_validity import _validate, _vnu_command

    command = _vnu_command()
    server = live_server
    goods = two_shops_goods(server)
    email = f"axe-{unique()}@example.com"
    visit_ = visit(**THAI_BROWSER)
    page = visit_.page
    found: dict[str, list[dict]] = {}
    files = []

    def check(name: str, html: str | None = None) -> None:
        found[name] = axe_violations(page)
        if html is None:
            response = page.context.request.get(page.url)
            assert response.status == 200, f"{name}: HTTP {response.status}"
            html = response.text()
        path = tmp_path / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        files.append(path)

    add_from_product_page(visit_, goods[0], count_after=1)
    add_from_product_page(visit_, goods[1], count_after=2)
    total = open_cart_with_two_parcels(visit_, goods)
    check("cart")

    page.get_by_role("link", name=server.text("th", "Checkout"), exact=True).click()
    expect(page.get_by_role("heading", level=1, name=server.text("th", "Checkout"))).to_be_visible()
    check("checkout")
    page.get_by_role(
        "button", name=server.text("th", "Place order and pay %(total)s", total=total)
    ).click()
    summary = page.get_by_role("alert").filter(has_text=server.text("th", "Please check the form"))
    expect(summary).to_be_visible()
    visit_.shot("checkout-errors")
    check("checkout-errors", html=page.content())  # a POST's answer: the page as it stands
    # the refused form is answered 422, as it should be: not a failure of the page
    for problems in (visit_.failed_requests, visit_.console_errors):
        problems[:] = [p for p in problems if "/th/checkout" not in p or " 422" not in p]

    ref = place_order(visit_, total, email)
    expect(card_form(page, server).get_by_role("textbox")).to_have_count(5)
    visit_.shot("payment")
    check("payment")

    fill_card(page, server, VISA)
    pay(page, server, total)
    expect_paid(visit_, ref, email, goods)
    check("confirmation")

    report = "\n".join(
        f"{name}:\n{axe_report(violations)}" for name, violations in found.items() if violations
    )
    assert not report, f"axe found problems:\n{report}"
    _validate(command, files, tmp_path)
    visit_.assert_clean()
