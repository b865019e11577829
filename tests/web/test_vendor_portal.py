"""The vendor portal and the operators' queue, driven as people use them (CSRF on)."""

import io
import re

import pytest
from markupsafe import escape
from PIL import Image
from sqlalchemy import select

from app.models import CatalogImport, Product, User, Variant, Vendor
from app.services import vendors
from app.services.catalog import admin
from tests.conftest import csrf_from
from tests.factories import PASSWORD


def html(response):
    return response.get_data(as_text=True)


APPLICATION = {
    "name_zh_hant": "鶯歌陶藝工坊",
    "name_en": "Yingge Clay Studio",
    "ubn": "04595252",
    "contact_name": "陳志明",
    "email": "owner@yingge.example.com",
    "phone": "+886-2-2678-0000",
    "address": "新北市鶯歌區尖山埔路1號",
    "password": "clay-and-fire-2026",
    "confirm": "clay-and-fire-2026",
}


@pytest.fixture
def approved(make):
    vendor = make.vendor(
        slug="alishan-leaf", name_en="Alishan Leaf Tea Co.", name_zh_hant="阿里山葉茶坊"
    )
    owner = make.user(role="vendor", vendor=vendor, email="owner@alishan.example.com")
    return vendor, owner


def test_apply_then_operator_approves_and_the_vendor_is_told(browser, db, make, outbox):
    response = browser.submit("/zh-hant/vendor/apply", APPLICATION)
    assert response.status_code == 303
    assert response.headers["Location"] == "/zh-hant/account/check-email"
    vendor = db.session.scalar(select(Vendor).where(Vendor.name_en == "Yingge Clay Studio"))
    assert vendor.status == "pending"
    assert outbox[-1]["To"] == "owner@yingge.example.com"
    assert "/zh-hant/account/verify/" in outbox[-1].get_content()  # confirm the address
    browser.sign_in("owner@yingge.example.com", APPLICATION["password"], lang="zh-hant")
    dashboard = html(browser.get("/zh-hant/vendor/"))
    assert "owner@yingge.example.com" in dashboard  # "we will email ..." while pending
    assert browser.get("/zh-hant/vendor/products").status_code == 302  # not yet

    browser.client.post("/zh-hant/account/sign-out", data={"csrf_token": csrf_from(dashboard)})
    make.user(role="operator", email="ops@example.com")
    browser.sign_in("ops@example.com", PASSWORD)
    queue = html(browser.get("/en/ops/vendors"))
    assert "Yingge Clay Studio" in queue
    page = f"/en/ops/vendors/{vendor.id}"
    refused = browser.submit(page, {"decision": "reject", "reason": ""})
    assert "Give the applicant a reason for the rejection." in html(refused)
    db.session.expire_all()
    assert db.session.get(Vendor, vendor.id).status == "pending"
    done = browser.submit(page, {"decision": "approve", "reason": ""})
    assert done.status_code == 303
    db.session.expire_all()
    vendor = db.session.get(Vendor, vendor.id)
    operator = db.session.scalar(select(User).where(User.email == "ops@example.com"))
    assert vendor.status == "approved"
    assert vendor.decided_by_id == operator.id
    mail = outbox[-1]
    assert mail["To"] == "owner@yingge.example.com"
    assert "/zh-hant/vendor/" in mail.get_content()


def test_rejected_applicant_sees_the_reason(browser, db, make, outbox):
    browser.submit("/zh-hant/vendor/apply", APPLICATION)
    vendor = db.session.scalar(select(Vendor).where(Vendor.name_en == "Yingge Clay Studio"))
    vendors.decide(
        vendor, make.user(role="operator"), False, "Business number belongs to another company."
    )
    db.session.commit()
    browser.sign_in("owner@yingge.example.com", APPLICATION["password"], lang="zh-hant")
    page = html(browser.get("/zh-hant/vendor/"))
    assert "Business number belongs to another company." in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("ubn", "12345678", "This is not a valid unified business number."),
        ("email", "nope", "Enter an email address like name@example.com."),
        ("name_en", "", "Please fill this in."),
    ],
)
def test_application_errors_save_nothing(browser, db, field, value, message):
    response = browser.submit("/en/vendor/apply", {**APPLICATION, field: value})
    assert response.status_code == 200
    assert message in html(response)
    assert db.session.scalar(select(Vendor).where(Vendor.name_en == "Yingge Clay Studio")) is None


def product_form(**changes):
    data = {
        "category": "",
        "handle": "oriental-beauty",
        "name_en": "Oriental Beauty Oolong",
        "name_th": "ชาโอเรียนทัลบิวตี้",
        "name_zh_Hant": "東方美人茶",
        "description_en": "Honey notes from leafhopper-bitten leaves.",
        "variants-0-sku": "ALS-OB-75",
        "variants-0-price_twd": "900",
        "variants-0-stock": "12",
        "variants-0-weight_g": "180",
        "variants-0-label_en": "75 g tin",
        "origin": "TW",
        "exemption": "",
    }
    data.update(changes)
    return data


def png(color=(40, 120, 90)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (900, 900), color).save(buffer, "PNG")
    return buffer.getvalue()


def upload_photo(browser, product_id: int, lang: str = "en"):
    url = f"/{lang}/vendor/products/{product_id}/images"
    token = csrf_from(html(browser.get(url)))
    return browser.client.post(
        url,
        data={"csrf_token": token, "images": [(io.BytesIO(png()), "photo.png")]},
        content_type="multipart/form-data",
    )


def test_vendor_lists_a_product_that_thai_shoppers_find(browser, db, approved, make):
    vendor, owner = approved
    browser.sign_in(owner.email, PASSWORD, lang="zh-hant")
    tea = make.category("tea")
    response = browser.submit("/zh-hant/vendor/products/new", product_form(category=str(tea.id)))
    assert response.status_code == 303, html(response)[:2000]
    product = db.session.scalar(select(Product).where(Product.handle == "oriental-beauty"))
    # saved as a draft until it has a photo: shoppers never see a blank tile
    assert product.status == "draft"
    assert product.min_price_twd == 900
    assert "ชาโอเรียนทัลบิวตี้" not in html(browser.get("/th/c/tea"))
    assert browser.get("/th/products/alishan-leaf/oriental-beauty").status_code == 404
    assert upload_photo(browser, product.id, "zh-hant").status_code == 303
    db.session.expire_all()
    assert db.session.get(Product, product.id).status == "active"
    listing = html(browser.get("/th/c/tea"))
    assert "ชาโอเรียนทัลบิวตี้" in listing
    page = html(browser.get("/th/products/alishan-leaf/oriental-beauty"))
    assert "ชาโอเรียนทัลบิวตี้" in page
    assert "฿928.89" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name_en": ""}, "An English name is required."),
        ({"handle": "Not A Handle"}, "Use lower-case letters, digits and hyphens, at most 64."),
        ({"variants-0-price_twd": "0"}, "Enter a whole number of NT$ above 0, like 450."),
        # the rule's words, not the number field's own (tests/web/test_one_rule_set.py)
        ({"variants-0-price_twd": "abc"}, "Enter a whole number of NT$ above 0, like 450."),
        (
            {"halal_body": "THIDA"},
            "Give the certifying body, the certificate number and its expiry date together.",
        ),
        (
            {"halal_body": "THIDA", "halal_cert_no": "T-1", "halal_expires": "2020-01-01"},
            "This certificate has already expired.",
        ),
    ],
)
def test_product_form_errors_save_nothing(browser, db, approved, make, changes, message):
    vendor, owner = approved
    browser.sign_in(owner.email, PASSWORD)
    tea = make.category("tea")
    response = browser.submit(
        "/en/vendor/products/new", product_form(category=str(tea.id), **changes)
    )
    assert response.status_code == 200
    assert message in html(response)
    assert db.session.scalar(select(Product).where(Product.vendor_id == vendor.id)) is None


def test_sku_must_be_unique_within_the_vendor(browser, db, approved, make):
    vendor, owner = approved
    make.product(
        vendor, handle="first-tin", variants=[{"sku": "ALS-OB-75", "price_twd": 100, "stock": 1}]
    )
    browser.sign_in(owner.email, PASSWORD)
    response = browser.submit(
        "/en/vendor/products/new", product_form(category=str(make.category("tea").id))
    )
    assert "This SKU belongs to your product “first-tin”." in html(response)


def test_a_product_saved_twice_at_the_same_moment_is_made_once(
    browser, db, approved, make, monkeypatch
):
    """A double click on "Save" (or two of the shop's staff): both requests check before
    either writes, so the unique handle refuses the second, which then shows what the checks
    say now instead of a server error."""
    vendor, owner = approved
    tea = make.category("tea")
    browser.sign_in(owner.email, PASSWORD)
    form = product_form(category=str(tea.id))
    assert browser.submit("/en/vendor/products/new", form).status_code == 303
    looks = []

    def before_the_first_wrote(*args):
        # the second request's checks ran before the first one's product existed
        looks.append(args)
        return []

    monkeypatch.setattr(admin, "problems", before_the_first_wrote)
    response = browser.submit("/en/vendor/products/new", form)

    assert len(looks) == 1
    assert response.status_code == 200
    assert "Another of your products already uses this handle." in html(response)
    db.session.expire_all()
    handles = db.session.scalars(select(Product.handle).where(Product.vendor_id == vendor.id))
    assert list(handles) == ["oriental-beauty"]


def test_edit_adds_an_option_and_removes_another(browser, db, approved, make):
    vendor, owner = approved
    product = make.product(
        vendor,
        handle="cake",
        names={"en": "Cake"},
        variants=[
            {"sku": "C-1", "price_twd": 300, "stock": 5, "labels": {"en": "Box of 6"}},
            {"sku": "C-2", "price_twd": 500, "stock": 5, "labels": {"en": "Box of 12"}},
        ],
    )
    first, second = product.variants
    browser.sign_in(owner.email, PASSWORD)
    url = f"/en/vendor/products/{product.id}"
    page = html(browser.get(url))
    assert 'value="C-1"' in page
    assert 'value="C-2"' in page
    data = product_form(
        category=str(product.category_id),
        handle="cake",
        name_en="Cake",
        name_th="",
        name_zh_Hant="",
    )
    data.update(
        {
            "variants-0-variant_id": str(first.id),
            "variants-0-sku": "C-1",
            "variants-0-price_twd": "320",
            "variants-0-stock": "4",
            "variants-0-weight_g": "400",
            "variants-0-label_en": "Box of 6",
            "variants-1-variant_id": str(second.id),
            "variants-1-sku": "C-2",
            "variants-1-price_twd": "500",
            "variants-1-stock": "5",
            "variants-1-weight_g": "700",
            "variants-1-label_en": "Box of 12",
            "variants-1-remove": "y",
            "variants-2-variant_id": "",
            "variants-2-sku": "C-24",
            "variants-2-price_twd": "900",
            "variants-2-stock": "2",
            "variants-2-weight_g": "1300",
            "variants-2-label_en": "Box of 24",
        }
    )
    response = browser.submit(url, data)
    assert response.status_code == 303, html(response)[:3000]
    db.session.expire_all()
    skus = {v.sku: v.price_twd for v in db.session.get(Product, product.id).variants}
    assert skus == {"C-1": 320, "C-24": 900}
    assert db.session.get(Product, product.id).min_price_twd == 320


def two_option_form(product, rows):
    data = product_form(category=str(product.category_id), handle=product.handle, name_en="Cake")
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"variants-{index}-{key}"] = value
    return data


def test_a_stale_form_updates_the_option_it_names_by_sku(browser, db, approved, make):
    """A form opened before a colleague's change (or edited by hand) carries no usable option
    id: the SKU still says which option it is, so nothing is duplicated or lost."""
    vendor, owner = approved
    product = make.product(
        vendor,
        handle="cake",
        variants=[{"sku": "C-6", "price_twd": 300, "stock": 5, "labels": {"en": "Box of 6"}}],
    )
    browser.sign_in(owner.email, PASSWORD)
    row = {"sku": "C-6", "price_twd": "330", "stock": "9", "weight_g": "400", "label_en": "Six"}
    for stale_id in ("", "not-a-number", "0", "9" * 25, "²"):
        response = browser.submit(
            f"/en/vendor/products/{product.id}",
            two_option_form(product, [{**row, "variant_id": stale_id}]),
        )
        assert response.status_code == 303, html(response)[:2000]
    db.session.expire_all()
    variants = db.session.get(Product, product.id).variants
    assert [(v.sku, v.price_twd, v.on_hand) for v in variants] == [("C-6", 330, 9)]


def test_a_row_naming_an_option_by_id_keeps_it_even_after_a_new_row_with_its_old_sku(
    browser, db, approved, make
):
    vendor, owner = approved
    product = make.product(
        vendor,
        handle="cake",
        variants=[{"sku": "C-6", "price_twd": 300, "stock": 5, "labels": {"en": "Box of 6"}}],
    )
    six = product.variants[0]
    browser.sign_in(owner.email, PASSWORD)
    rows = [
        {"variant_id": "", "sku": "C-6", "price_twd": "999", "label_en": "New box"},
        {"variant_id": str(six.id), "sku": "C-6B", "price_twd": "300", "label_en": "Box of 6"},
        # a spare row ticked for removal names nothing: it removes nothing
        {"variant_id": "", "sku": "C-6B", "price_twd": "1", "remove": "y"},
    ]
    for row in rows:
        row.update({"stock": "5", "weight_g": "400"})
    response = browser.submit(f"/en/vendor/products/{product.id}", two_option_form(product, rows))
    assert response.status_code == 303, html(response)[:2000]
    db.session.expire_all()
    variants = {v.sku: v for v in db.session.get(Product, product.id).variants}
    assert set(variants) == {"C-6", "C-6B"}
    assert (variants["C-6B"].id, variants["C-6B"].price_twd) == (six.id, 300)
    assert variants["C-6"].id != six.id
    assert variants["C-6"].price_twd == 999


def test_two_options_can_swap_skus(browser, db, approved, make):
    vendor, owner = approved
    product = make.product(
        vendor,
        handle="cake",
        variants=[
            {"sku": "C-6", "price_twd": 300, "stock": 5, "labels": {"en": "Box of 6"}},
            {"sku": "C-12", "price_twd": 500, "stock": 5, "labels": {"en": "Box of 12"}},
        ],
    )
    six, twelve = product.variants
    browser.sign_in(owner.email, PASSWORD)
    rows = [
        {"variant_id": str(six.id), "sku": "C-12", "price_twd": "300", "stock": "5"},
        {"variant_id": str(twelve.id), "sku": "C-6", "price_twd": "500", "stock": "5"},
    ]
    for index, label in enumerate(("Box of 6", "Box of 12")):
        rows[index].update({"weight_g": "400", "label_en": label})
    response = browser.submit(f"/en/vendor/products/{product.id}", two_option_form(product, rows))
    assert response.status_code == 303, html(response)[:2000]
    db.session.expire_all()
    assert {v.id: v.sku for v in db.session.get(Product, product.id).variants} == {
        six.id: "C-12",
        twelve.id: "C-6",
    }


def test_invisible_control_characters_are_dropped_from_typed_text(browser, db, approved, make):
    vendor, owner = approved
    browser.sign_in(owner.email, PASSWORD)
    tea = make.category("tea")
    response = browser.submit(
        "/en/vendor/products/new",
        product_form(
            category=str(tea.id),
            name_en="Oriental\x00 Beauty\x1b Oolong",
            description_en="Line one\r\nLine\x0b two",
        ),
    )
    assert response.status_code == 303, html(response)[:2000]
    product = db.session.scalar(select(Product).where(Product.handle == "oriental-beauty"))
    english = next(t for t in product.translations if t.locale == "en")
    assert (english.name, english.description) == ("Oriental Beauty Oolong", "Line one\nLine two")


def test_quick_edit_with_and_without_htmx(browser, db, approved, make):
    vendor, owner = approved
    product = make.product(vendor, variants=[{"sku": "Q-1", "price_twd": 300, "stock": 5}])
    variant = product.variants[0]
    browser.sign_in(owner.email, PASSWORD)
    token = csrf_from(html(browser.get("/en/vendor/products")))
    plain = browser.client.post(
        f"/en/vendor/variants/{variant.id}",
        data={"csrf_token": token, "price_twd": "350", "stock": "0"},
    )
    assert plain.status_code == 303
    db.session.expire_all()
    assert (
        db.session.get(Variant, variant.id).price_twd,
        db.session.get(Product, product.id).in_stock,
    ) == (350, False)
    fragment = browser.client.post(
        f"/en/vendor/variants/{variant.id}",
        data={"csrf_token": token, "price_twd": "360", "stock": "7"},
        headers={"HX-Request": "true"},
    )
    body = html(fragment)
    assert fragment.status_code == 200
    assert body.lstrip().startswith(f'<tr id="variant-{variant.id}"')
    assert 'value="360"' in body
    assert "Saved" in body
    bad = browser.client.post(
        f"/en/vendor/variants/{variant.id}",
        data={"csrf_token": token, "price_twd": "-5", "stock": "7"},
        headers={"HX-Request": "true"},
    )
    assert "Enter a whole number of NT$ above 0, like 450." in html(bad)
    blank = browser.client.post(
        f"/en/vendor/variants/{variant.id}",
        data={"csrf_token": token, "price_twd": "  ", "stock": "7"},
        headers={"HX-Request": "true"},
    )
    assert blank.status_code == 200
    assert "Please fill this in." in html(blank)
    db.session.expire_all()
    assert db.session.get(Variant, variant.id).price_twd == 360


def test_photo_upload_shows_on_the_storefront(browser, db, approved, make):
    vendor, owner = approved
    product = make.product(vendor, handle="cup", names={"en": "Celadon cup"})
    browser.sign_in(owner.email, PASSWORD)
    url = f"/en/vendor/products/{product.id}/images"
    token = csrf_from(html(browser.get(url)))
    buffer = io.BytesIO()
    Image.new("RGB", (900, 900), (40, 120, 90)).save(buffer, "PNG")
    response = browser.client.post(
        url,
        data={
            "csrf_token": token,
            "images": [
                (io.BytesIO(buffer.getvalue()), "cup.png"),
                (io.BytesIO(b"%PDF-1.7 not a picture"), "menu.pdf"),
            ],
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    page = html(browser.get(url))
    assert "menu.pdf is not a picture we can read." in page
    db.session.expire_all()
    [image] = db.session.get(Product, product.id).images
    shop = html(browser.get("/en/products/alishan-leaf/cup"))
    assert f"/media/{image.key}-zoom.webp" in shop
    media = browser.get(f"/media/{image.key}-list.webp")
    assert media.status_code == 200
    assert media.mimetype == "image/webp"
    # cached for a day, not for ever: a photo the vendor deletes must leave caches too
    assert "max-age=86400" in media.headers["Cache-Control"]
    assert "immutable" not in media.headers["Cache-Control"]
    media.close()


def test_photo_descriptions_typed_in_the_portal_are_kept_and_shown(browser, db, approved, make):
    vendor, owner = approved
    product = make.product(
        vendor,
        handle="cup",
        names={"en": "Celadon cup"},
        image=("p/cd/cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd", 900, 900),
    )
    image = product.images[0]
    typed = {
        "zh_Hant": "青瓷茶杯，釉色如雨後天青",
        "en": 'Celadon cup & saucer in "rain" glaze',
        "th": "ถ้วยชาเซลาดอนสีเขียวอ่อน",
    }
    browser.sign_in(owner.email, PASSWORD)
    images_page = f"/en/vendor/products/{product.id}/images"
    response = browser.submit(
        images_page,
        {f"alt-{image.id}-alt_{locale}": text for locale, text in typed.items()}
        | {f"alt-{image.id}-alt_ms": ""},
        action=f"/en/vendor/products/{product.id}/images/{image.id}/alt",
    )
    assert response.status_code == 303
    assert "Photo description saved." in html(browser.get(images_page))
    db.session.expire_all()
    stored = db.session.get(Product, product.id).images[0].translations
    assert {row.locale: row.alt for row in stored} == typed
    # the shop's photo carries the description in the shopper's language (Malay: English)
    for prefix, locale in (("zh-hant", "zh_Hant"), ("en", "en"), ("th", "th"), ("ms", "en")):
        page = html(browser.get(f"/{prefix}/products/alishan-leaf/cup"))
        assert f'alt="{escape(typed[locale])}"' in page, prefix


def test_unlist_hides_the_product_from_shoppers(browser, db, approved, make):
    vendor, owner = approved
    product = make.product(
        vendor, handle="gone", names={"en": "Gone"}, image=("p/go/gone", 800, 800)
    )
    browser.sign_in(owner.email, PASSWORD)
    assert browser.get("/en/products/alishan-leaf/gone").status_code == 200
    browser.submit(
        "/en/vendor/products", {"listed": "0"}, action=f"/en/vendor/products/{product.id}/listing"
    )
    assert browser.get("/en/products/alishan-leaf/gone").status_code == 404
    browser.submit(
        "/en/vendor/products", {"listed": "1"}, action=f"/en/vendor/products/{product.id}/listing"
    )
    assert browser.get("/en/products/alishan-leaf/gone").status_code == 200


def test_a_product_without_a_photo_cannot_be_listed_again(browser, db, approved, make):
    vendor, owner = approved
    product = make.product(vendor, handle="bare", names={"en": "Bare"}, status="unlisted")
    browser.sign_in(owner.email, PASSWORD)
    response = browser.submit(
        "/en/vendor/products",
        {"listed": "1"},
        action=f"/en/vendor/products/{product.id}/listing",
        follow_redirects=True,
    )
    assert "The product cannot be listed yet: it needs a photo." in html(response)
    assert db.session.get(Product, product.id).status == "unlisted"
    assert browser.get("/en/products/alishan-leaf/bare").status_code == 404


def test_owner_invites_staff_who_join_by_the_emailed_link(browser, db, approved, outbox):
    vendor, owner = approved
    browser.sign_in(owner.email, PASSWORD, lang="th")
    response = browser.submit("/th/vendor/staff", {"email": "helper@example.com"})
    assert response.status_code == 303
    link = re.search(r"http://localhost(/th/vendor/join/\S+)", outbox[-1].get_content()).group(1)
    assert outbox[-1]["To"] == "helper@example.com"
    page = html(browser.get("/th/vendor/staff"))
    browser.client.post("/th/account/sign-out", data={"csrf_token": csrf_from(page)})
    joined = browser.submit(
        link, {"name": "Somchai", "password": "staff-password-1", "confirm": "staff-password-1"}
    )
    assert joined.status_code == 303
    member = db.session.scalar(select(User).where(User.email == "helper@example.com"))
    assert member.vendor_id == vendor.id
    assert not member.is_vendor_owner
    assert browser.get("/th/vendor/products").status_code == 200
    assert browser.get("/th/vendor/staff").status_code == 404  # owners only
    assert browser.get(link).status_code == 404  # an invitation works once


def test_export_and_template_downloads(browser, db, approved, make):
    vendor, owner = approved
    make.product(
        vendor,
        handle="tea",
        names={"en": "Tea", "th": "ชา"},
        variants=[{"sku": "T-1", "price_twd": 450, "stock": 3}],
    )
    browser.sign_in(owner.email, PASSWORD)
    export = browser.get("/en/vendor/export.csv")
    assert export.mimetype == "text/csv"
    assert "attachment" in export.headers["Content-Disposition"]
    text = export.data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("handle,sku,category,name_en")
    assert "tea,T-1,tea,Tea,,ชา" in text
    template = browser.get("/en/vendor/import/template.csv")
    assert template.data.startswith(b"\xef\xbb\xbf")


def test_upload_preview_then_confirm(browser, db, approved, make):
    vendor, owner = approved
    browser.sign_in(owner.email, PASSWORD)
    csv_text = (
        "handle,sku,category,name_en,name_th,price_twd,stock,weight_g\n"
        "sun-cake,SC-6,snacks,Sun Cake,ขนมเปี๊ยะ,320,10,500\n"
    )
    token = csrf_from(html(browser.get("/en/vendor/import")))
    preview = browser.client.post(
        "/en/vendor/import",
        data={"csrf_token": token, "file": (io.BytesIO(csv_text.encode()), "cakes.csv")},
        content_type="multipart/form-data",
    )
    assert preview.status_code == 303
    page = html(browser.get(preview.headers["Location"]))
    assert "sun-cake" in page
    assert db.session.scalar(select(Product).where(Product.handle == "sun-cake")) is None
    confirm_url = re.search(r'action="(/en/vendor/import/\d+/confirm)"', page).group(1)
    done = browser.submit(preview.headers["Location"], {}, action=confirm_url)
    assert done.status_code == 303
    assert "Import finished." in html(browser.get(done.headers["Location"]))
    product = db.session.scalar(select(Product).where(Product.handle == "sun-cake"))
    assert product.variants[0].price_twd == 320


def test_confirming_an_applied_import_again_is_refused_and_keeps_later_edits(browser, db, approved):
    """A stale tab or the back button confirms again: the file's NT$320 must not overwrite
    the NT$400 the vendor set since, and the import's figures stay as they were."""
    vendor, owner = approved
    browser.sign_in(owner.email, PASSWORD)
    csv_text = (
        "handle,sku,category,name_en,price_twd,stock,weight_g\n"
        "sun-cake,SC-6,snacks,Sun Cake,320,10,500\n"
    )
    token = csrf_from(html(browser.get("/en/vendor/import")))
    preview = browser.client.post(
        "/en/vendor/import",
        data={"csrf_token": token, "file": (io.BytesIO(csv_text.encode()), "cakes.csv")},
        content_type="multipart/form-data",
    )
    preview_url = preview.headers["Location"]
    confirm_url = re.search(
        r'action="(/en/vendor/import/\d+/confirm)"', html(browser.get(preview_url))
    ).group(1)
    assert browser.submit(preview_url, {}, action=confirm_url).status_code == 303
    record = db.session.scalar(select(CatalogImport).where(CatalogImport.vendor_id == vendor.id))
    figures = (record.status, record.products_created, record.variants_created)
    assert figures == ("applied", 1, 1)
    variant = db.session.scalar(select(Variant).where(Variant.sku == "SC-6"))
    quick = browser.submit(
        "/en/vendor/products",
        {"price_twd": "400", "stock": "10"},
        action=f"/en/vendor/variants/{variant.id}",
    )
    assert quick.status_code == 303

    again = browser.submit(preview_url, {}, action=confirm_url)

    assert again.status_code == 303
    db.session.expire_all()
    assert db.session.get(Variant, variant.id).price_twd == 400
    record = db.session.get(CatalogImport, record.id)
    assert (record.status, record.products_created, record.variants_created) == figures
    assert again.headers["Location"].endswith(preview_url)
    page = html(browser.get(preview_url))
    assert "This import was already applied; nothing was changed." in page
    assert "Import finished." not in page


def test_bad_upload_lists_rows_and_changes_nothing(browser, db, approved):
    vendor, owner = approved
    browser.sign_in(owner.email, PASSWORD, lang="zh-hant")
    csv_text = (
        "handle,sku,category,name_en,price_twd,stock,weight_g,colour\n"
        "ok,OK-1,tea,Tea,100,1,100,red\n"
    )
    token = csrf_from(html(browser.get("/zh-hant/vendor/import")))
    response = browser.client.post(
        "/zh-hant/vendor/import",
        data={"csrf_token": token, "file": (io.BytesIO(csv_text.encode()), "bad.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "colour" in html(response)
    assert db.session.scalar(select(Product).where(Product.vendor_id == vendor.id)) is None


def test_the_product_list_says_which_products_lack_an_hs_code(browser, db, approved, make):
    """Without an HS code a product is charged its category's highest duty: the vendor sees
    which ones, in their own language, with a link to the field."""
    vendor, owner = approved
    coded = make.product(vendor, handle="coded", names={"en": "Coded Oolong"}, hs_code="090230")
    bare = make.product(vendor, handle="bare", names={"en": "Bare Oolong"})
    browser.sign_in(owner.email, PASSWORD)
    for prefix, words in (
        ("en", "No HS code: shoppers pay the highest import duty of its category."),
        ("zh-hant", "尚未填寫 HS 編碼"),
    ):
        page = html(browser.get(f"/{prefix}/vendor/products"))
        rows = page.split('<section class="product-row"')[1:]
        flagged = [row for row in rows if words in row]
        assert len(flagged) == 1, prefix
        assert f"/vendor/products/{bare.id}#hs_code" in flagged[0]
        assert not any(f"/vendor/products/{coded.id}#hs_code" in row for row in rows)
