"""Every page type the app renders is valid HTML, checked by the Nu HTML Checker (vnu).

All pages are written to files first and validated in one run of vnu (the JVM start-up is most
of its cost). htmx fragment responses are not documents and are not checked here.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from app.models import ProductImage
from tests import factories
from tests.conftest import csrf_from
from tests.tools import require_tool

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
LANGUAGES = ("en", "th", "ms", "zh-hant")


def _vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        require_tool("java is missing: install a JRE (`apt-get install default-jre-headless`)")
    if not VNU_JAR.exists():
        require_tool(f"{VNU_JAR.relative_to(ROOT)} is missing: run `npm ci` (or `make test`)")
    return [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


@pytest.fixture
def store(make):
    """A small store with every kind of content a page can show."""
    vendor = make.vendor(slug="lin-family-tea", name_en="Lin Family Tea", name_zh_hant="林家茶園")
    product = make.product(
        vendor=vendor,
        handle="dong-ding-oolong",
        names={"en": "Dong Ding Oolong", "th": "ชาอู่หลงต้งติ่ง", "zh_Hant": "凍頂烏龍茶"},
        descriptions={
            "en": "Roasted oolong from Lugu.\nBrew at 95 °C.",
            "th": "ชาอู่หลงคั่วจากลู่กู่\nชงที่ 95 °C",
        },
        variants=[
            {
                "price_twd": 450,
                "stock": 10,
                "weight_g": 300,
                "labels": {"en": "150 g can", "th": "กระป๋อง 150 กรัม"},
            },
            {
                "price_twd": 880,
                "stock": 0,
                "weight_g": 600,
                "labels": {"en": "Two 150 g cans", "th": "กระป๋อง 150 กรัม 2 กระป๋อง"},
            },
        ],
        image=("p/00/0000000000000000000000000000000a", 1200, 1200),
        hs_code="090230",
        exemption="perishable",
        **factories.halal(),
    )
    product.images.append(
        ProductImage(
            key="p/00/0000000000000000000000000000000b", width=1200, height=900, position=1
        )
    )
    make.product(vendor=vendor, names={"en": "Lishan Oolong"})  # no Thai name: a fallback
    zone = make.zone(products=[product], titles={"en": "From the tea gardens", "th": "จากไร่ชา"})
    make.db.session.flush()
    return {"vendor": vendor, "product": product, "zone": zone}


def _pages(store) -> dict[str, str]:
    vendor, product, zone = store["vendor"], store["product"], store["zone"]
    second = product.variants[1].id
    pages = {}
    for lang in LANGUAGES:
        pages.update(
            {
                f"{lang}-home": f"/{lang}/",
                f"{lang}-category": f"/{lang}/c/tea",
                f"{lang}-category-empty": f"/{lang}/c/electronics",
                f"{lang}-product": f"/{lang}/products/{vendor.slug}/{product.handle}",
                f"{lang}-product-variant": (
                    f"/{lang}/products/{vendor.slug}/{product.handle}?variant={second}"
                ),
                f"{lang}-zone": f"/{lang}/zones/{zone.slug}",
                f"{lang}-vendor": f"/{lang}/shops/{vendor.slug}",
                f"{lang}-sign-in": f"/{lang}/account/sign-in",
                f"{lang}-sign-up": f"/{lang}/account/sign-up",
            }
        )
    return pages


def _save(folder: Path, name: str, response, status: int = 200) -> Path:
    html = response.get_data(as_text=True)
    assert response.status_code == status, f"{name}: HTTP {response.status_code}\n{html[:2000]}"
    assert response.mimetype == "text/html", f"{name}: {response.mimetype}"
    path = folder / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_every_page_type_is_valid_html(client, store, tmp_path):
    command = _vnu_command()
    files = []
    for name, url in _pages(store).items():
        files.append(_save(tmp_path, name, client.get(url)))
    for lang in LANGUAGES:
        files.append(_save(tmp_path, f"{lang}-404", client.get(f"/{lang}/no-such-page"), 404))

    # Forms sent back with their errors shown (error summary, aria-invalid, hints).
    for lang in ("en", "th"):
        page = client.get(f"/{lang}/account/sign-up").get_data(as_text=True)
        response = client.post(
            f"/{lang}/account/sign-up",
            data={"csrf_token": csrf_from(page), "name": "", "email": "nope", "password": "short"},
        )
        files.append(_save(tmp_path, f"{lang}-sign-up-errors", response))
        page = client.get(f"/{lang}/account/sign-in").get_data(as_text=True)
        response = client.post(
            f"/{lang}/account/sign-in",
            data={"csrf_token": csrf_from(page), "email": "x@example.com", "password": "wrong"},
        )
        files.append(_save(tmp_path, f"{lang}-sign-in-errors", response))

    # Signed in: the account page, with the welcome message flashed by sign-up.
    page = client.get("/th/account/sign-up").get_data(as_text=True)
    response = client.post(
        "/th/account/sign-up",
        data={
            "csrf_token": csrf_from(page),
            "name": "Nong Ploy",
            "email": "ploy@example.com",
            "password": factories.PASSWORD,
            "confirm": factories.PASSWORD,
        },
    )
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    files.append(_save(tmp_path, "th-check-email", client.get(response.headers["Location"])))
    page = client.get("/th/account/sign-in").get_data(as_text=True)
    response = client.post(
        "/th/account/sign-in",
        data={
            "csrf_token": csrf_from(page),
            "email": "ploy@example.com",
            "password": factories.PASSWORD,
        },
    )
    assert response.status_code == 303
    files.append(_save(tmp_path, "th-account", client.get("/th/account/")))
    files.append(_save(tmp_path, "en-home-signed-in", client.get("/en/")))

    _validate(command, files, tmp_path)


def _validate(command, files, tmp_path) -> None:
    # A document with a known error proves vnu really read the files.
    canary = tmp_path / "canary.html"
    canary.write_text('<!doctype html><html lang="en"><title>c</title><li>stray</li></html>')
    files.append(canary)

    result = subprocess.run(
        [*command, *map(str, files)], capture_output=True, text=True, timeout=300, check=False
    )
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu did not answer in JSON (exit {result.returncode}):\n{result.stderr}")
    # Templates write htmx attributes as data-hx-*, so nothing needs filtering out.
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    canary_errors = [m for m in errors if m.get("url", "").endswith("/canary.html")]
    assert canary_errors, f"vnu did not report the canary's error:\n{result.stderr[:2000]}"
    errors = [m for m in errors if m not in canary_errors]
    report = "\n".join(
        f"{Path(unquote(urlsplit(m.get('url', '')).path)).name}:{m.get('lastLine', '?')}: "
        f"{m.get('message')}\n    {(m.get('extract') or '').strip()}"
        for m in errors
    )
    assert not errors, f"{len(errors)} HTML errors in {len(files) - 1} pages:\n{report}"


def test_search_portal_and_operator_pages_are_valid_html(app, client, store, make, tmp_path):
    """Search, the vendor portal and the operators' area, including forms with errors."""
    import io

    from app.services import vendors
    from app.services.catalog import imports as catalog_imports

    command = _vnu_command()
    files = []

    def save(name, url, status=200):
        files.append(_save(tmp_path, name, client.get(url), status))

    for lang in ("en", "th"):
        save(f"{lang}-search", f"/{lang}/search?q=oolong")
        save(f"{lang}-search-filtered", f"/{lang}/search?q=oolong&category=tea&in_stock=1")
        save(f"{lang}-search-none", f"/{lang}/search?q=zzzzqqq")
        save(f"{lang}-search-short", f"/{lang}/search?q=p")
        save(f"{lang}-search-empty", f"/{lang}/search")
    save("zh-hant-apply", "/zh-hant/vendor/apply")
    page = client.get("/zh-hant/vendor/apply").get_data(as_text=True)
    errors = client.post(
        "/zh-hant/vendor/apply", data={"csrf_token": csrf_from(page), "ubn": "12345678"}
    )
    files.append(_save(tmp_path, "zh-hant-apply-errors", errors))

    vendor = store["vendor"]
    owner = make.user(role="vendor", vendor=vendor, email="owner@lin.example.com")
    invitation = vendors.invite(vendor, owner, "helper@example.com", "th")
    record = catalog_imports.preview(
        vendor,
        owner,
        "tea.csv",
        b"handle,sku,category,name_en,price_twd,stock,weight_g\nnew-tea,NT-1,tea,New,100,1,100\n",
    )
    make.db.session.flush()
    token = vendors.invitation_token(invitation, app.config["SECRET_KEY"])
    save("th-join", f"/th/vendor/join/{token}")
    save("th-join-invalid", "/th/vendor/join/not-a-token", 404)

    page = client.get("/zh-hant/account/sign-in").get_data(as_text=True)
    client.post(
        "/zh-hant/account/sign-in",
        data={"csrf_token": csrf_from(page), "email": owner.email, "password": factories.PASSWORD},
    )
    product = store["product"]
    for name, url in {
        "vendor-dashboard": "/zh-hant/vendor/",
        "vendor-products": "/zh-hant/vendor/products",
        "vendor-new": "/zh-hant/vendor/products/new",
        "vendor-edit": f"/zh-hant/vendor/products/{product.id}",
        "vendor-images": f"/zh-hant/vendor/products/{product.id}/images",
        "vendor-import": "/zh-hant/vendor/import",
        "vendor-import-preview": f"/zh-hant/vendor/import/{record.id}",
        "vendor-staff": "/zh-hant/vendor/staff",
        "vendor-products-en": "/en/vendor/products",
    }.items():
        save(name, url)
    page = client.get("/zh-hant/vendor/products/new").get_data(as_text=True)
    response = client.post(
        "/zh-hant/vendor/products/new",
        data={
            "csrf_token": csrf_from(page),
            "handle": "Bad Handle",
            "name_en": "",
            "variants-0-sku": "X",
            "variants-0-price_twd": "abc",
        },
    )
    files.append(_save(tmp_path, "vendor-new-errors", response))
    page = client.get("/zh-hant/vendor/import").get_data(as_text=True)
    response = client.post(
        "/zh-hant/vendor/import",
        data={
            "csrf_token": csrf_from(page),
            "file": (io.BytesIO(b"handle,colour\nx,red\n"), "bad.csv"),
        },
        content_type="multipart/form-data",
    )
    files.append(_save(tmp_path, "vendor-import-errors", response))
    client.post("/zh-hant/account/sign-out", data={"csrf_token": csrf_from(page)})

    make.user(role="operator", email="ops@example.com")
    page = client.get("/en/account/sign-in").get_data(as_text=True)
    client.post(
        "/en/account/sign-in",
        data={
            "csrf_token": csrf_from(page),
            "email": "ops@example.com",
            "password": factories.PASSWORD,
        },
    )
    pending = make.vendor(status="pending", slug="waiting-shop")
    save("ops-queue", "/en/ops/vendors")
    save("ops-queue-all", "/en/ops/vendors?status=all")
    save("ops-vendor", f"/en/ops/vendors/{pending.id}")
    page = client.get(f"/en/ops/vendors/{pending.id}").get_data(as_text=True)
    response = client.post(
        f"/en/ops/vendors/{pending.id}",
        data={"csrf_token": csrf_from(page), "decision": "reject", "reason": ""},
    )
    files.append(_save(tmp_path, "ops-vendor-errors", response))

    canary = tmp_path / "canary.html"
    canary.write_text('<!doctype html><html lang="en"><title>c</title><li>stray</li></html>')
    files.append(canary)
    _validate(command, files, tmp_path)


def test_cart_checkout_payment_and_order_pages_are_valid_html(client, store, make, tmp_path):
    """The cart (two parcels, an exempt item, a line that needs attention), checkout (as shown,
    with its errors, and refused because the total changed), the payment page, the order page
    waiting and paid, and the account page listing them."""
    from sqlalchemy import select

    from app.models import Order, Variant
    from app.services.checkout import payments
    from app.transaction import unit_of_work

    command = _vnu_command()
    files = []

    def save(name, response, status=200):
        files.append(_save(tmp_path, name, response, status))

    bakery = make.vendor(slug="sunny-bakery", name_en="Sunny Bakery")
    cake = make.product(
        bakery,
        category="snacks",
        names={"en": "Pineapple Cake"},
        exemption="perishable",
        variants=[{"price_twd": 450, "stock": 3, "weight_g": 600}],
    ).variants[0]
    make.user(email="mei@example.com")
    make.db.session.commit()
    save("en-cart-empty", client.get("/en/cart"))
    page = client.get("/en/account/sign-in").get_data(as_text=True)
    client.post(
        "/en/account/sign-in",
        data={
            "csrf_token": csrf_from(page),
            "email": "mei@example.com",
            "password": factories.PASSWORD,
        },
    )
    product = store["product"]
    token = csrf_from(client.get("/en/cart").get_data(as_text=True))
    for variant, quantity in ((product.variants[0], 2), (cake, 3)):
        client.post(
            "/en/cart/add",
            data={"csrf_token": token, "variant": str(variant.id), "quantity": str(quantity)},
        )
    for lang in LANGUAGES:
        save(f"{lang}-cart", client.get(f"/{lang}/cart"))
    make.db.session.get(Variant, cake.id).on_hand = 2  # sold elsewhere: the line needs a fix
    make.db.session.commit()
    save("en-cart-too-many", client.get("/en/cart"))
    client.post(
        "/en/cart/quantity",
        data={"csrf_token": token, "variant": str(cake.id), "quantity": "1"},
    )

    for lang in ("en", "th"):
        save(f"{lang}-checkout", client.get(f"/{lang}/checkout"))
    page = client.get("/en/checkout").get_data(as_text=True)
    fingerprint = re.search(r'name="fingerprint" type="hidden" value="([^"]+)"', page)[1]
    form = {
        "csrf_token": token,
        "email": "mei@example.com",
        "name": "Tan Wei Ling",
        "line1": "Blk 123 Ang Mo Kio Ave 3",
        "line2": "",
        "city": "Singapore",
        "region": "",
        "postal_code": "560123",
        "country": "SG",
        "phone": "9123 4567",
        "save_address": "y",
        "fingerprint": fingerprint,
    }
    bad = form | {"name": "", "postal_code": "ABC", "phone": "12"}
    save("en-checkout-errors", client.post("/en/checkout", data=bad), 422)
    save("en-checkout-changed", client.post("/en/checkout", data=form | {"fingerprint": "x"}), 409)
    placed = client.post("/en/checkout", data=form)
    assert placed.status_code == 303, placed.get_data(as_text=True)[:2000]
    save("en-pay", client.get(placed.headers["Location"]))
    order = make.db.session.scalar(select(Order))
    for lang in ("en", "zh-hant"):
        save(f"{lang}-order-waiting", client.get(f"/{lang}/orders/{order.ref}"))
    with unit_of_work():
        payments.handle(
            {
                "id": "evt_valid_html",
                "type": "payment_intent.succeeded",
                "data": {
                    "object": {
                        "id": order.payment_intent_id,
                        "amount": payments.stripe_amount(order),
                        "currency": order.currency.lower(),
                    }
                },
            }
        )
    save("en-order-paid", client.get(f"/en/orders/{order.ref}"))
    save("en-account-orders", client.get("/en/account/"))
    _validate(command, files, tmp_path)


def test_account_pages_are_valid_html(app, client, store, make, tmp_path):
    """Signing in with a code, mailed links and what they lead to, the account's settings,
    checkout for an address not confirmed yet, and the operators' sign-in record."""
    import pyotp

    from app.services.accounts import tokens

    command = _vnu_command()
    files = []

    def save(name, url, status=200):
        files.append(_save(tmp_path, name, client.get(url), status))

    def post(name, url, data, status=200):
        page = client.get(url).get_data(as_text=True)
        response = client.post(url, data={"csrf_token": csrf_from(page), **data})
        files.append(_save(tmp_path, name, response, status))

    def sign_in(email):
        page = client.get("/en/account/sign-in").get_data(as_text=True)
        return client.post(
            "/en/account/sign-in",
            data={"csrf_token": csrf_from(page), "email": email, "password": factories.PASSWORD},
        )

    def sign_out():
        page = client.get("/en/").get_data(as_text=True)
        client.post("/en/account/sign-out", data={"csrf_token": csrf_from(page)})

    unverified = make.user(email="new@example.com", verified=False)
    save("th-check-email", "/th/account/check-email")
    save("th-forgot", "/th/account/password/forgot")
    post("en-forgot-errors", "/en/account/password/forgot", {"email": "nope"})
    reset = tokens.make(unverified, tokens.RESET)
    save("th-reset", f"/th/account/password/reset/{reset}")
    post(
        "en-reset-errors",
        f"/en/account/password/reset/{reset}",
        {"password": "password1234", "confirm": "password1234"},
    )
    save("en-link-invalid", "/en/account/password/reset/not-a-token", 404)
    save("th-verify", f"/th/account/verify/{tokens.make(unverified, tokens.VERIFY)}")

    assert sign_in(unverified.email).status_code == 303
    save("en-account-unverified", "/en/account/")
    save("en-password", "/en/account/password")
    post(
        "en-password-errors",
        "/en/account/password",
        {"current": "wrong", "password": "short", "confirm": "other"},
    )
    save("en-delete", "/en/account/delete")
    post("en-delete-errors", "/en/account/delete", {"password": "not-it"})
    oolong = store["product"].variants[0]
    page = client.get("/en/cart").get_data(as_text=True)
    client.post(
        "/en/cart/add",
        data={"csrf_token": csrf_from(page), "variant": str(oolong.id), "quantity": "1"},
    )
    save("en-checkout-verify-first", "/en/checkout")
    sign_out()

    operator = make.user(role="operator", email="ops@example.com")
    assert sign_in(operator.email).status_code == 303
    save("en-two-step-setup", "/en/account/two-step")
    post("en-two-step-errors", "/en/account/two-step", {"code": "000000"})
    save("en-ops-sign-ins", "/en/ops/sign-ins")
    save("en-ops-sign-ins-filtered", "/en/ops/sign-ins?email=nope&outcome=locked")
    html = client.get("/en/account/two-step").get_data(as_text=True)
    secret = re.search(r"<code>([A-Z2-7]+)</code>", html)[1]
    client.post(
        "/en/account/two-step",
        data={"csrf_token": csrf_from(html), "code": pyotp.TOTP(secret).now()},
    )
    save("en-two-step-on", "/en/account/two-step")
    sign_out()
    sign_in(operator.email)
    save("en-sign-in-code", "/en/account/sign-in/code")
    post("en-sign-in-code-errors", "/en/account/sign-in/code", {"code": "12"})

    _validate(command, files, tmp_path)


def test_zone_console_pages_are_valid_html(client, store, make, tmp_path):
    """The operators' featured zones: the list, the form (new, with its errors, edit with a
    banner), a zone's products (flagged ones, search results), the preview and the stats."""
    command = _vnu_command()
    files = []
    product = store["product"]
    sold_out = make.product(
        store["vendor"], names={"en": "Sold-out Oolong"}, variants=[{"price_twd": 300}]
    )
    zone = make.zone(
        slug="tea-week",
        titles={"en": "Tea week", "th": "สัปดาห์ชา"},
        markets=["TH", "SG"],
        products=[product, sold_out],
        banner_key="p/00/0000000000000000000000000000000a",
        banner_width=1200,
        banner_height=400,
    )
    make.user(role="operator", email="zones@example.com")
    make.db.session.commit()
    page = client.get("/en/account/sign-in").get_data(as_text=True)
    client.post(
        "/en/account/sign-in",
        data={
            "csrf_token": csrf_from(page),
            "email": "zones@example.com",
            "password": factories.PASSWORD,
        },
    )

    def save(name, url):
        files.append(_save(tmp_path, name, client.get(url)))

    for lang in ("en", "th", "zh-hant"):
        save(f"{lang}-ops-zones", f"/{lang}/ops/zones")
        save(f"{lang}-ops-zone-edit", f"/{lang}/ops/zones/{zone.id}")
        save(f"{lang}-ops-zone-products", f"/{lang}/ops/zones/{zone.id}/products?q=oolong")
        save(f"{lang}-ops-zone-preview", f"/{lang}/ops/zones/{zone.id}/preview?market=TH")
    save("en-ops-zone-new", "/en/ops/zones/new")
    save("en-ops-zone-products-none", f"/en/ops/zones/{zone.id}/products?q=zzzzqqq")
    save("en-ops-zone-stats", "/en/ops/zones/stats")
    save("en-zone-with-banner", "/en/zones/tea-week")
    page = client.get("/en/ops/zones/new").get_data(as_text=True)
    errors = client.post(
        "/en/ops/zones/new",
        data={
            "csrf_token": csrf_from(page),
            "slug": "Bad Slug",
            "starts_at": "2027-01-02T10:00",
            "ends_at": "2027-01-01T10:00",
            "position": "-1",
        },
    )
    files.append(_save(tmp_path, "en-ops-zone-new-errors", errors))
    _validate(command, files, tmp_path)


def test_browsing_pages_are_valid_html(client, store, make, tmp_path):
    """Listings past their first page (the pager's Previous and Next), category filters chosen
    and matching nothing, a page behind a stale cursor, and shops' cities in each language."""
    command = _vnu_command()
    files = []
    shop = make.vendor(slug="many-teas", name_en="Many Teas", city_en="Chiayi", city_zh_hant="嘉義")
    teas = [
        make.product(shop, names={"en": f"Tea {n}"}, variants=[{"price_twd": 100 + n, "stock": 1}])
        for n in range(30)
    ]
    zone = make.zone(slug="all-teas", products=teas, titles={"en": "All teas", "th": "ชาทั้งหมด"})

    def save(name, url):
        files.append(_save(tmp_path, name, client.get(url)))

    def following(url):
        page = client.get(url).get_data(as_text=True)
        return re.search(r'<a class="button" href="([^"]+)" rel="next"', page)[1].replace(
            "&amp;", "&"
        )

    for lang in LANGUAGES:
        save(f"{lang}-category-page-2", following(f"/{lang}/c/tea?sort=price_asc"))
        save(f"{lang}-shop-page-2", following(f"/{lang}/shops/many-teas"))
        save(f"{lang}-zone-page-2", following(f"/{lang}/zones/{zone.slug}"))
    save("th-search-page-2", following("/th/search?q=tea"))
    save("th-category-filtered", "/th/c/tea?in_stock=1&halal=1&vendor=lin-family-tea&price=0-300")
    save("en-category-filtered", "/en/c/tea?sort=price_desc&vendor=many-teas&price=0-10")
    save("en-category-nothing-matches", "/en/c/tea?vendor=many-teas&halal=1")
    save("en-category-stale-cursor", "/en/c/tea?after=WzEsMV0")  # [1, 1]: past the end
    save("th-shop-lin", f"/th/shops/{store['vendor'].slug}")
    _validate(command, files, tmp_path)


def test_moderation_and_rules_pages_are_valid_html(client, store, make, tmp_path):
    """Catalog moderation and markets, money and rules in the operators' console (issue 12),
    with and without errors, and the portal's notices of an operator's decision."""
    from sqlalchemy import select

    from app.models import HalalBody, TaxRule
    from app.models.search import SearchSynonymGroup

    command = _vnu_command()
    files = []

    def save(name, response, status=200):
        files.append(_save(tmp_path, name, response, status))

    vendor, product = store["vendor"], store["product"]
    owner = make.user(role="vendor", vendor=vendor, email="owner@lin.example.com")
    waiting = make.product(
        vendor=vendor,
        names={"en": "Alishan Oolong", "th": "ชาอู่หลงอาลีซาน"},
        status="pending_review",
        image=("p/00/0000000000000000000000000000000c", 1200, 1200),
    )
    make.product(
        vendor=vendor,
        names={"en": "Jasmine Tea"},
        status="rejected",
        review_note="Show the tin's label.",
    )
    make.product(vendor=vendor, names={"en": "Gone Tea"}, status="removed", review_note="Fake")
    suspended = make.vendor(slug="closed-tea", status="suspended", decision_reason="Fees unpaid")
    make.user(role="operator", email="ops@example.com")
    make.db.session.commit()
    vat = make.db.session.scalar(select(TaxRule).where(TaxRule.market_code == "TH"))
    body = make.db.session.scalar(select(HalalBody))
    words = make.db.session.scalar(select(SearchSynonymGroup))

    def sign_in(email, lang="en"):
        page = client.get(f"/{lang}/account/sign-in").get_data(as_text=True)
        client.post(
            f"/{lang}/account/sign-in",
            data={"csrf_token": csrf_from(page), "email": email, "password": factories.PASSWORD},
        )

    def post(name, page_url, data, action=None):
        page = client.get(page_url).get_data(as_text=True)
        save(name, client.post(action or page_url, data={"csrf_token": csrf_from(page), **data}))

    sign_in(owner.email)
    save("portal-products-decided", client.get("/en/vendor/products"))
    save("portal-waiting", client.get(f"/en/vendor/products/{waiting.id}"))
    page = client.get("/en/vendor/").get_data(as_text=True)
    client.post("/en/account/sign-out", data={"csrf_token": csrf_from(page)})

    sign_in("ops@example.com")
    for lang in ("en", "th"):
        ops = f"/{lang}/ops"
        for name, path in {
            "home": "/",
            "review": "/review",
            "products": "/products?q=tea",
            "product": f"/products/{waiting.id}",
            "product-live": f"/products/{product.id}",
            "vendor-account": f"/vendors/{vendor.id}/account",
            "vendor-suspended": f"/vendors/{suspended.id}/account",
            "vendors-search": "/vendors?status=all&q=tea",
            "settings": "/settings",
            "rates": "/rates",
            "taxes": "/taxes",
            "tax-new": "/taxes/new",
            "tax-edit": f"/taxes/{vat.id}",
            "duty-rates": "/duty-rates",
            "shipping": "/shipping",
            "halal": "/halal",
            "halal-body": f"/halal/{body.id}",
            "search-words": "/search-words?q=ชาดำ+halal",
            "search-word-group": f"/search-words/{words.id}",
        }.items():
            save(f"{lang}-ops-{name}", client.get(ops + path))

    ops = "/en/ops"
    post(
        "ops-reject-errors",
        f"{ops}/products/{waiting.id}",
        {"decision": "reject", "reason": ""},
        action=f"{ops}/products/{waiting.id}/moderate",
    )
    post("ops-settings-errors", f"{ops}/settings", {"default_commission": "x"})
    post(
        "ops-rates-errors", f"{ops}/rates", {"currency": "THB", "rate": "-1", "as_of": "2099-01-01"}
    )
    post(
        "ops-tax-errors",
        f"{ops}/taxes/new",
        {
            "market": "TH",
            "name": "",
            "label": "vat",
            "kind": "tax",
            "rate": "-1",
            "applies": "over",
            "position": "1",
            "valid_from": "2027-02-01",
            "valid_to": "2027-01-01",
        },
    )
    post(
        "ops-tax-end-errors",
        f"{ops}/taxes/{vat.id}",
        {"end-valid_to": "2000-01-01"},
        action=f"{ops}/taxes/{vat.id}/end",
    )
    post("ops-duty-errors", f"{ops}/duty-rates", {"market": "MY", "category": "", "rate": "-2"})
    post(
        "ops-shipping-errors",
        f"{ops}/shipping",
        {"MY-first_kg_twd": "0", "MY-extra_kg_twd": "x"},
        action=f"{ops}/shipping/MY",
    )
    post("ops-halal-errors", f"{ops}/halal", {"code": "x y", "name": "", "country": "Malaysia"})
    post("ops-search-words-errors", f"{ops}/search-words", {"name": "", "terms": "ชาดำ\n!!!"})
    post("ops-commission-errors", f"{ops}/vendors/{vendor.id}/account", {"commission": "200"})
    post(
        "ops-suspend-errors",
        f"{ops}/vendors/{vendor.id}/account",
        {"decision": "suspend"},
        action=f"{ops}/vendors/{vendor.id}/standing",
    )
    _validate(command, files, tmp_path)


def test_insight_pages_are_valid_html(client, store, make, tmp_path):
    """The console's analytics (charts, tables; with orders and empty), operations health (a
    failed delivery, a vendor waiting) and the audit log (changes, a refused filter)."""
    from app.models import OutboxMessage
    from app.services import audit
    from app.transaction import unit_of_work
    from tests.paid_orders import paid_order

    command = _vnu_command()
    files = []

    def save(name, url):
        files.append(_save(tmp_path, name, client.get(url)))

    operator = make.user(role="operator", email="insight@example.com", name="Olivia Ops")
    make.vendor(slug="waiting-tea", status="pending", name_en="Waiting Tea")
    make.db.session.add(
        OutboxMessage(
            kind="mail",
            payload={"to": "a@example.com", "subject": "Hi", "body": "Hi", "template": "x"},
            status="failed",
            attempts=5,
            last_error="SMTPServerDisconnected: <closed>",
        )
    )
    make.db.session.commit()
    page = client.get("/en/account/sign-in").get_data(as_text=True)
    client.post(
        "/en/account/sign-in",
        data={
            "csrf_token": csrf_from(page),
            "email": operator.email,
            "password": factories.PASSWORD,
        },
    )
    save("en-ops-analytics-empty", "/en/ops/analytics")
    paid_order([(store["product"].variants[0], 2)], "TH")
    paid_order([(store["product"].variants[0], 1)], "MY")
    with unit_of_work():
        audit.record(
            operator,
            "rate.set",
            store["vendor"],
            {"before": {"rate": "1.00", "as_of": None}, "after": {"rate": "1.05"}, "note": "x"},
        )
        audit.record(None, "rates.imported", None, {"rows": 4})

    for lang in ("en", "th", "zh-hant"):
        save(f"{lang}-ops-home", f"/{lang}/ops/")
        save(f"{lang}-ops-analytics", f"/{lang}/ops/analytics")
        save(f"{lang}-ops-health", f"/{lang}/ops/health")
        save(f"{lang}-ops-audit", f"/{lang}/ops/audit")
    save("en-ops-analytics-week", "/en/ops/analytics?days=7")
    save("en-ops-audit-filtered", f"/en/ops/audit?person={operator.id}&kind=rate.set")
    save("en-ops-audit-refused", "/en/ops/audit?date_from=2026-11-20&date_to=2026-11-10")
    _validate(command, files, tmp_path)
