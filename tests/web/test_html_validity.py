"""Every page type the app renders is valid HTML, checked by the Nu HTML Checker (vnu).

All pages are written to files first and validated in one run of vnu (the JVM start-up is most
of its cost). htmx fragment responses are not documents and are not checked here.
"""

from __future__ import annotations

import json
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
    files.append(_save(tmp_path, "th-account", client.get(response.headers["Location"])))
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
