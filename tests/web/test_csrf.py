"""Every state-changing route refuses a post without its CSRF token.

The routes come from the app's URL map, not from a list kept by hand: a route that accepts
POST, PUT, PATCH or DELETE and has no case below fails the test until someone says who posts
to it and what a real post holds. For each route, a fresh client signed in as the person the
form is for (so that CSRF, not access, is what refuses) posts a real form without the token:
the answer is 400, raised by CSRF protection, and nothing changes (database, session, mail,
media folder). Then the same post with the page's token does change something: the refusal
is what kept the world as it was, not a post that would have done nothing anyway.

A route exempt from CSRF protection is listed in EXEMPT with what protects it instead, and has
a test of its own proving that protection (Stripe's webhook: its signature).
"""

from __future__ import annotations

import hashlib
import hmac
import io
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pyotp
import pytest
from flask_wtf.csrf import CSRFError
from PIL import Image
from sqlalchemy import select

from app.domain.addresses import Address as AddressDraft
from app.domain.order_states import Actor
from app.extensions import csrf, limiter
from app.models import (
    HalalBody,
    Order,
    OutboxMessage,
    ProductImage,
    Refund,
    ReturnRequest,
    TaxRule,
    Vendor,
    VendorOrder,
)
from app.models.search import SearchSynonymGroup
from app.services import addresses, cart, clock, reference, vendors
from app.services.accounts import tokens
from app.services.catalog import imports as catalog_imports
from app.services.checkout import payments, placing
from app.services.orders import fulfilment
from app.services.shopper import Shopper
from app.transaction import unit_of_work
from app.web import errors
from tests import after_sale
from tests.conftest import csrf_from
from tests.factories import PASSWORD
from tests.paid_orders import paid_order, parcel_of

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
NEW_PASSWORD = "terraced-tea-fields-at-dawn"
_seq = itertools.count(1)
#: a delivery address in the market the English pages ship to without a choice (Singapore)
SG_ADDRESS = AddressDraft(
    "Tan Wei Ling", "Blk 123 Ang Mo Kio Ave 3", "", "Singapore", "", "560123", "SG", "9123 4567"
)


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 640), (40, 120, 90)).save(buffer, "PNG")
    return buffer.getvalue()


CSV = (
    b"handle,sku,category,name_en,price_twd,stock,weight_g\n"
    b"sun-cake,SC-6,snacks,Sun Cake,320,10,500\n"
)


class World:
    """What a route needs, made when first asked for (each case gets its own world)."""

    def __init__(self, app, make):
        self.app = app
        self.make = make
        self.n = next(_seq)

    @cached_property
    def vendor(self):
        return self.make.vendor(slug=f"csrf-shop-{self.n}")

    @cached_property
    def owner(self):
        return self.make.user(role="vendor", vendor=self.vendor)

    @cached_property
    def product(self):
        product = self.make.product(
            self.vendor,
            handle="celadon-cup",
            names={"en": "Celadon cup"},
            variants=[{"sku": "CUP-1", "price_twd": 300, "stock": 5}],
            image=("p/cd/cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd", 900, 900),
        )
        product.images.append(
            ProductImage(key="p/ef/efefefefefefefefefefefefefefefef", width=900, height=900)
        )
        self.make.db.session.flush()
        return product

    @cached_property
    def image(self):
        return max(self.product.images, key=lambda image: image.id)  # the second photo

    @cached_property
    def staff_member(self):
        return self.make.user(role="vendor", vendor=self.vendor, is_vendor_owner=False)

    @cached_property
    def invitation(self):
        return vendors.invite(self.vendor, self.owner, f"invitee{self.n}@example.com", "en")

    @cached_property
    def invitation_token(self):
        return vendors.invitation_token(self.invitation, self.app.config["SECRET_KEY"])

    @cached_property
    def catalog_import(self):
        record = catalog_imports.preview(self.vendor, self.owner, "cakes.csv", CSV)
        assert record is not None
        return record

    @cached_property
    def applicant(self):
        return self.make.vendor(slug=f"csrf-applicant-{self.n}", status="pending")

    @cached_property
    def shopper(self):
        return self.make.user(role="shopper")

    @cached_property
    def in_cart(self) -> list[cart.Item]:
        """One cup in the shopper's cart."""
        items = [cart.Item(self.product.variants[0].id, 1)]
        cart.save_account_items(self.shopper, items)
        return items

    @property
    def cart_page(self) -> str:
        assert self.in_cart
        return "/en/cart"

    @property
    def checkout_page(self) -> str:
        assert self.in_cart
        return "/en/checkout"

    @property
    def fingerprint(self) -> str:
        """What the checkout page shows the shopper (Singapore, English)."""
        ref = reference.get()
        who = Shopper(content_locale="en", market=ref.markets["SG"], ref=ref, today=clock.today())
        return cart.price(self.in_cart, who).fingerprint

    @cached_property
    def order(self) -> Order:
        """The shopper's order, waiting to be paid."""
        ref = reference.get()
        who = Shopper(content_locale="en", market=ref.markets["SG"], ref=ref, today=clock.today())
        items = [cart.Item(self.product.variants[0].id, 1)]
        buyer = placing.Buyer(self.shopper.email, "en", self.shopper)
        return placing.place(who, items, buyer, SG_ADDRESS, cart.price(items, who).fingerprint)

    @cached_property
    def address(self):
        return addresses.remember(self.shopper, SG_ADDRESS)

    @cached_property
    def shipped_parcel(self) -> VendorOrder:
        """The shopper's paid order (one cup, to Thailand), its parcel shipped by the shop."""
        from tests.web.test_order_page_and_returns import paid_order

        variant = self.product.variants[0]
        order = paid_order(self.make.db, [(variant, 1)], self.shopper, self.shopper.email)
        parcel = order.vendor_orders[0]
        with unit_of_work():
            fulfilment.accept(parcel, self.owner)
        with unit_of_work():
            fulfilment.ship(parcel, "dhl", "1234567890", self.owner)
        return parcel

    @cached_property
    def delivered_parcel(self) -> VendorOrder:
        parcel = self.shipped_parcel
        with unit_of_work():
            fulfilment.deliver(parcel, self.shopper, Actor.SHOPPER)
        return parcel

    def _delivered(self, units: int) -> Order:
        """A paid order of the cup (to Thailand), delivered."""
        variant = self.product.variants[0]
        return after_sale.delivered_order(variant, units, email=f"buyer{next(_seq)}@example.com")

    @cached_property
    def waiting_return(self) -> ReturnRequest:
        """A return the shop has left without a decision for 4 days."""
        return after_sale.ask_return(self._delivered(1), 1, days_ago=4)

    @cached_property
    def approved_return(self) -> ReturnRequest:
        return after_sale.approved_return(self._delivered(1), 1)

    @cached_property
    def stuck_refund(self) -> Refund:
        """A returned cup's refund that Stripe refused (pending, with its error)."""
        return after_sale.stuck_refund(self._delivered(1))

    @cached_property
    def failed_delivery(self) -> OutboxMessage:
        """A mail the outbox gave up on after all its attempts (the health page retries it)."""
        message = OutboxMessage(
            kind="mail",
            payload={"to": "buyer@example.com", "subject": "Your order", "body": "Thank you"},
            status="failed",
            attempts=5,
            last_error="SMTPServerDisconnected: Connection unexpectedly closed",
        )
        self.make.db.session.add(message)
        self.make.db.session.flush()
        return message

    @cached_property
    def payable_vendor(self) -> Vendor:
        """The shop, with a sale whose cooling-off window has closed (payable)."""
        after_sale.settle(self._delivered(1))
        return self.vendor

    @cached_property
    def paid_parcel(self) -> VendorOrder:
        """A cup paid for (to Thailand), waiting for the shop."""
        variant = self.product.variants[0]
        return parcel_of(paid_order([(variant, 1)], email=f"buyer{next(_seq)}@example.com"))

    @cached_property
    def accepted_parcel(self) -> VendorOrder:
        parcel = self.paid_parcel
        with unit_of_work():
            fulfilment.accept(parcel, self.owner)
        return parcel

    @cached_property
    def operator(self):
        return self.make.user(role="operator")

    @cached_property
    def totp_secret(self) -> str:
        return pyotp.random_base32()

    @cached_property
    def two_step_operator(self):
        """An operator with two-step sign-in on: the password leads to the code step."""
        user = self.make.user(role="operator")
        user.totp_secret = self.totp_secret
        self.make.db.session.flush()
        return user

    @property
    def two_step_turned_on(self) -> str:
        """The signed-in operator turns two-step sign-in on: its page then offers "off"."""
        self.operator.totp_secret = self.totp_secret
        self.make.db.session.flush()
        return "/en/account/two-step"

    @cached_property
    def unverified(self):
        return self.make.user(role="shopper", verified=False)

    @cached_property
    def verify_token(self) -> str:
        return tokens.make(self.unverified, tokens.VERIFY)

    @cached_property
    def reset_token(self) -> str:
        return tokens.make(self.shopper, tokens.RESET)

    @cached_property
    def zone(self):
        """A zone in Thailand with two products (not the cup, which can be added)."""
        bowls = [
            self.make.product(self.vendor, handle=f"bowl-{n}", names={"en": f"Tea bowl {n}"})
            for n in (1, 2)
        ]
        return self.make.zone(slug=f"csrf-zone-{self.n}", markets=["TH"], products=bowls)

    def zone_products(self) -> list[int]:
        return [row.product_id for row in self.zone.products]

    def user(self, who: str):
        if who == "vendor":
            return self.owner
        if who == "shopper":
            return self.shopper
        if who == "operator":
            return self.operator
        if who == "two_step":
            return self.two_step_operator
        if who == "unverified":
            return self.unverified
        return self.make.user(role=who)


@dataclass(frozen=True)
class Case:
    #: who the form is for: anonymous, shopper, vendor (the owner of an approved vendor), operator,
    #: two_step (an operator with two-step sign-in: signed in up to the code), unverified
    who: str
    #: the page holding the form (where the token for the control post comes from)
    page: Callable[[World], str]
    #: a real post's fields, without the token
    data: Callable[[World], dict] = lambda w: {}
    #: values for the URL's parameters other than lang
    params: Callable[[World], dict] = lambda w: {}
    #: files a real post uploads
    files: Callable[[World], dict] = lambda w: {}
    #: fields a real post copies from the form's page (a secret the page shows)
    from_page: Callable[[World, str], dict] = lambda w, html: {}


def _hs_rate_form(**values) -> dict:
    return {
        "market": "TH",
        "hs_prefix": "0902",
        "rate": "90",
        "valid_from": "2026-01-01",
    } | values


def _hs_duty(world: World, prefix: str):
    from app.models import DutyRate

    return world.make.db.session.scalar(
        select(DutyRate).where(DutyRate.market_code == "TH", DutyRate.hs_prefix == prefix)
    )


def _th_tea_duty(world: World):
    return _hs_duty(world, "0902")


def _th_coffee_duty(world: World):
    return _hs_duty(world, "0901")


def _product_form(world: World, handle: str) -> dict:
    return {
        "category": str(world.make.category("tea").id),
        "handle": handle,
        "name_en": "Oriental Beauty Oolong",
        "variants-0-sku": f"OB-{handle}",
        "variants-0-price_twd": "900",
        "variants-0-stock": "12",
        "variants-0-weight_g": "180",
        "origin": "TW",
        "exemption": "",
    }


def _edit_form(world: World) -> dict:
    variant = world.product.variants[0]
    return _product_form(world, world.product.handle) | {
        "name_en": "Celadon cup, renamed",
        "variants-0-variant_id": str(variant.id),
        "variants-0-sku": variant.sku,
    }


def _zone_form(world: World, **changes) -> dict:
    """The operators' zone form, as a real post fills it in."""
    return {
        "slug": f"csrf-new-zone-{world.n}",
        "title_en": "Celadon week",
        "markets": "TH",
        "starts_at": "2027-01-01T10:00",
        "position": "0",
        "accent": "jade",
    } | changes


def _tax_rule_form(**changes) -> dict:
    """A tax rule that overlaps none of the base data's."""
    form = {
        "market": "TH",
        "name": "Excise",
        "label": "vat",
        "kind": "tax",
        "rate": "3",
        "applies": "always",
        "threshold": "",
        "shipping_in_base": "y",
        "prior_in_base": "y",
        "position": "20",
        "valid_from": "2027-01-01",
        "valid_to": "",
    }
    return form | changes


def _th_vat(world: World) -> TaxRule:
    return world.make.db.session.scalar(
        select(TaxRule).where(TaxRule.market_code == "TH", TaxRule.name == "VAT")
    )


def _synonym_group(world: World) -> SearchSynonymGroup:
    """A seeded group (migration 0009)."""
    return world.make.db.session.scalar(
        select(SearchSynonymGroup).where(SearchSynonymGroup.name == "coffee")
    )


def _halal_body(world: World) -> HalalBody:
    return world.make.db.session.scalar(select(HalalBody).where(HalalBody.code == "THIDA"))


#: endpoint → what a real post to it is
CASES: dict[str, Case] = {
    "shop.choose_market": Case(
        "shopper", lambda w: "/en/", data=lambda w: {"market": "MY", "next": "/en/"}
    ),
    "account.sign_in": Case(
        "anonymous",
        lambda w: "/en/account/sign-in",
        data=lambda w: {"email": w.make.user().email, "password": PASSWORD},
    ),
    "account.sign_up": Case(
        "anonymous",
        lambda w: "/en/account/sign-up",
        data=lambda w: {
            "name": "Mei",
            "email": f"new{w.n}@example.com",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    ),
    "account.sign_out": Case("shopper", lambda w: "/en/account/"),
    "vendor.apply": Case(
        "anonymous",
        lambda w: "/en/vendor/apply",
        data=lambda w: {
            "name_zh_hant": "鶯歌陶藝工坊",
            "name_en": "Yingge Clay Studio",
            "ubn": "04595252",
            "contact_name": "陳志明",
            "email": f"applicant{w.n}@example.com",
            "phone": "+886-2-2678-0000",
            "address": "新北市鶯歌區尖山埔路1號",
            "password": "clay-and-fire-2026",
            "confirm": "clay-and-fire-2026",
        },
    ),
    "vendor.new_product": Case(
        "vendor",
        lambda w: "/en/vendor/products/new",
        data=lambda w: _product_form(w, "oriental-beauty"),
    ),
    "vendor.edit_product": Case(
        "vendor",
        lambda w: f"/en/vendor/products/{w.product.id}",
        data=_edit_form,
        params=lambda w: {"product_id": w.product.id},
    ),
    "vendor.listing": Case(
        "vendor",
        lambda w: "/en/vendor/products",
        data=lambda w: {"listed": "0"},
        params=lambda w: {"product_id": w.product.id},
    ),
    "vendor.delete_product": Case(
        "vendor",
        lambda w: "/en/vendor/products",
        data=lambda w: {},
        params=lambda w: {"product_id": w.product.id},
    ),
    "vendor.quick_edit": Case(
        "vendor",
        lambda w: "/en/vendor/products",
        data=lambda w: {"price_twd": "350", "stock": "0"},
        params=lambda w: {"variant_id": w.product.variants[0].id},
    ),
    "vendor.images": Case(
        "vendor",
        lambda w: f"/en/vendor/products/{w.product.id}/images",
        params=lambda w: {"product_id": w.product.id},
        files=lambda w: {"images": (io.BytesIO(png()), "cup.png")},
    ),
    "vendor.move_image": Case(
        "vendor",
        lambda w: f"/en/vendor/products/{w.product.id}/images",
        data=lambda w: {"direction": "up"},
        params=lambda w: {"product_id": w.product.id, "image_id": w.image.id},
    ),
    "vendor.delete_image": Case(
        "vendor",
        lambda w: f"/en/vendor/products/{w.product.id}/images",
        params=lambda w: {"product_id": w.product.id, "image_id": w.image.id},
    ),
    "vendor.image_alt": Case(
        "vendor",
        lambda w: f"/en/vendor/products/{w.product.id}/images",
        data=lambda w: {f"alt-{w.image.id}-alt_en": "A green cup"},
        params=lambda w: {"product_id": w.product.id, "image_id": w.image.id},
    ),
    "vendor.bulk_import": Case(
        "vendor",
        lambda w: "/en/vendor/import",
        files=lambda w: {"file": (io.BytesIO(CSV), "cakes.csv")},
    ),
    "vendor.import_confirm": Case(
        "vendor",
        lambda w: f"/en/vendor/import/{w.catalog_import.id}",
        params=lambda w: {"import_id": w.catalog_import.id},
    ),
    "vendor.staff": Case(
        "vendor", lambda w: "/en/vendor/staff", data=lambda w: {"email": f"helper{w.n}@example.com"}
    ),
    "vendor.revoke_invitation": Case(
        "vendor",
        lambda w: "/en/vendor/staff",
        params=lambda w: {"invitation_id": w.invitation.id},
    ),
    "vendor.remove_member": Case(
        "vendor",
        lambda w: "/en/vendor/staff",
        params=lambda w: {"user_id": w.staff_member.id},
    ),
    "vendor.join": Case(
        "anonymous",
        lambda w: f"/en/vendor/join/{w.invitation_token}",
        data=lambda w: {"name": "Somchai", "password": PASSWORD, "confirm": PASSWORD},
        params=lambda w: {"token": w.invitation_token},
    ),
    "ops.vendor_detail": Case(
        "operator",
        lambda w: f"/en/ops/vendors/{w.applicant.id}",
        data=lambda w: {"decision": "approve", "reason": ""},
        params=lambda w: {"vendor_id": w.applicant.id},
    ),
    "ops.decide_return": Case(
        "operator",
        lambda w: "/en/ops/returns",
        data=lambda w: {"decision": "approve"},
        params=lambda w: {"return_id": w.waiting_return.id},
    ),
    "ops.receive_return": Case(
        "operator",
        lambda w: "/en/ops/returns",
        params=lambda w: {"return_id": w.approved_return.id},
    ),
    "ops.retry_refund": Case(
        "operator",
        lambda w: "/en/ops/refunds",
        params=lambda w: {"refund_id": w.stuck_refund.id},
    ),
    "ops.retry_delivery": Case(
        "operator",
        lambda w: "/en/ops/health",
        params=lambda w: {"message_id": w.failed_delivery.id},
    ),
    "ops.vendor_payouts": Case(
        "operator",
        lambda w: f"/en/ops/payouts/{w.payable_vendor.id}",
        data=lambda w: {"amount_twd": "1", "bank_reference": "CTBC-0001", "paid_on": "2026-11-30"},
        params=lambda w: {"vendor_id": w.payable_vendor.id},
    ),
    # -- issue 12: catalog moderation, markets, money and rules (tests/web/test_ops_*.py)
    "ops.moderate_product": Case(
        "operator",
        lambda w: f"/en/ops/products/{w.product.id}",
        data=lambda w: {"decision": "remove", "reason": "Counterfeit", "back": "product"},
        params=lambda w: {"product_id": w.product.id},
    ),
    "ops.vendor_account": Case(
        "operator",
        lambda w: f"/en/ops/vendors/{w.vendor.id}/account",
        data=lambda w: {"commission": "12"},
        params=lambda w: {"vendor_id": w.vendor.id},
    ),
    "ops.vendor_standing_decision": Case(
        "operator",
        lambda w: f"/en/ops/vendors/{w.vendor.id}/account",
        data=lambda w: {"decision": "suspend", "reason": "Unpaid fees"},
        params=lambda w: {"vendor_id": w.vendor.id},
    ),
    "ops.store_settings": Case(
        "operator",
        lambda w: "/en/ops/settings",
        data=lambda w: {"hold_new_listings": "y", "default_commission": "15"},
    ),
    "ops.exchange_rates": Case(
        "operator",
        lambda w: "/en/ops/rates",
        data=lambda w: {"currency": "THB", "rate": "1.05", "as_of": clock.today().isoformat()},
    ),
    "ops.new_tax_rule": Case(
        "operator", lambda w: "/en/ops/taxes/new", data=lambda w: _tax_rule_form()
    ),
    "ops.edit_tax_rule": Case(
        "operator",
        lambda w: f"/en/ops/taxes/{_th_vat(w).id}",
        data=lambda w: _tax_rule_form(name="VAT", rate="8", valid_from="2026-01-01"),
        params=lambda w: {"rule_id": _th_vat(w).id},
    ),
    "ops.end_tax_rule": Case(
        "operator",
        lambda w: f"/en/ops/taxes/{_th_vat(w).id}",
        data=lambda w: {"end-valid_to": "2027-06-30"},
        params=lambda w: {"rule_id": _th_vat(w).id},
    ),
    "ops.duty_rates": Case(
        "operator",
        lambda w: "/en/ops/duty-rates",
        data=lambda w: {"market": "MY", "category": str(w.make.category("tea").id), "rate": "7"},
    ),
    # -- issue 13: duty rates by HS code (tests/web/test_duty_by_hs.py)
    "ops.new_hs_duty_rate": Case(
        "operator",
        lambda w: "/en/ops/duty-rates/hs/new",
        data=lambda w: _hs_rate_form(hs_prefix="0902.30", rate="60"),
    ),
    "ops.edit_hs_duty_rate": Case(
        "operator",
        lambda w: f"/en/ops/duty-rates/hs/{_th_tea_duty(w).id}",
        data=lambda w: _hs_rate_form(rate="30"),
        params=lambda w: {"rate_id": _th_tea_duty(w).id},
    ),
    "ops.confirm_hs_duty_rate": Case(
        "operator",
        lambda w: "/en/ops/duty-rates/hs",
        params=lambda w: {"rate_id": _th_coffee_duty(w).id},
    ),
    "ops.end_hs_duty_rate": Case(
        "operator",
        lambda w: f"/en/ops/duty-rates/hs/{_th_tea_duty(w).id}",
        data=lambda w: {"end-valid_to": "2027-06-30"},
        params=lambda w: {"rate_id": _th_tea_duty(w).id},
    ),
    "ops.category_restrictions": Case(
        "operator",
        lambda w: "/en/ops/duty-rates/restrictions",
        data=lambda w: {
            "market": "PH",
            "category": str(w.make.category("tea").id),
            "blocked": "y",
        },
    ),
    "ops.set_shipping": Case(
        "operator",
        lambda w: "/en/ops/shipping",
        data=lambda w: {"MY-first_kg_twd": "410", "MY-extra_kg_twd": "90"},
        params=lambda w: {"market_code": "MY"},
    ),
    "ops.halal_bodies": Case(
        "operator",
        lambda w: "/en/ops/halal",
        data=lambda w: {"code": f"HB{w.n}", "name": "A halal body", "country": "ID"},
    ),
    "ops.edit_halal_body": Case(
        "operator",
        lambda w: f"/en/ops/halal/{_halal_body(w).id}",
        data=lambda w: {"code": "THIDA", "name": "Renamed", "country": "TW", "recognised": "y"},
        params=lambda w: {"body_id": _halal_body(w).id},
    ),
    "ops.search_words": Case(
        "operator",
        lambda w: "/en/ops/search-words",
        data=lambda w: {"name": f"speaker {w.n}", "terms": f"speaker {w.n}\nลำโพง {w.n}"},
    ),
    "ops.edit_search_words": Case(
        "operator",
        lambda w: f"/en/ops/search-words/{_synonym_group(w).id}",
        data=lambda w: {"name": "coffee", "terms": "coffee\nkopi o"},
        params=lambda w: {"group_id": _synonym_group(w).id},
    ),
    "ops.delete_search_words": Case(
        "operator",
        lambda w: f"/en/ops/search-words/{_synonym_group(w).id}",
        params=lambda w: {"group_id": _synonym_group(w).id},
    ),
    "ops.new_zone": Case("operator", lambda w: "/en/ops/zones/new", data=lambda w: _zone_form(w)),
    "ops.edit_zone": Case(
        "operator",
        lambda w: f"/en/ops/zones/{w.zone.id}",
        data=lambda w: _zone_form(w, slug=w.zone.slug, title_en="Renamed"),
        params=lambda w: {"zone_id": w.zone.id},
    ),
    "ops.add_zone_product": Case(
        "operator",
        lambda w: f"/en/ops/zones/{w.zone.id}/products",
        data=lambda w: {"product": str(w.product.id)},
        params=lambda w: {"zone_id": w.zone.id},
    ),
    "ops.move_zone_product": Case(
        "operator",
        lambda w: f"/en/ops/zones/{w.zone.id}/products",
        data=lambda w: {"direction": "up"},
        params=lambda w: {"zone_id": w.zone.id, "product_id": w.zone_products()[1]},
    ),
    "ops.reorder_zone_products": Case(
        "operator",
        lambda w: f"/en/ops/zones/{w.zone.id}/products",
        data=lambda w: {"order": list(reversed(w.zone_products()))},
        params=lambda w: {"zone_id": w.zone.id},
    ),
    "ops.remove_zone_product": Case(
        "operator",
        lambda w: f"/en/ops/zones/{w.zone.id}/products",
        params=lambda w: {"zone_id": w.zone.id, "product_id": w.zone_products()[0]},
    ),
    "vendor.accept_order": Case(
        "vendor",
        lambda w: f"/en/vendor/orders/{w.paid_parcel.id}",
        data=lambda w: {"seen": "paid"},
        params=lambda w: {"vendor_order_id": w.paid_parcel.id},
    ),
    "vendor.ship_order": Case(
        "vendor",
        lambda w: f"/en/vendor/orders/{w.accepted_parcel.id}",
        data=lambda w: {"seen": "accepted", "carrier": "dhl", "tracking_number": "1234567890"},
        params=lambda w: {"vendor_order_id": w.accepted_parcel.id},
    ),
    "vendor.deliver_order": Case(
        "vendor",
        lambda w: f"/en/vendor/orders/{w.shipped_parcel.id}",
        data=lambda w: {"seen": "shipped"},
        params=lambda w: {"vendor_order_id": w.shipped_parcel.id},
    ),
    "vendor.cancel_order": Case(
        "vendor",
        lambda w: f"/en/vendor/orders/{w.paid_parcel.id}",
        data=lambda w: {"seen": "paid", "reason": "The kiln cracked this cup"},
        params=lambda w: {"vendor_order_id": w.paid_parcel.id},
    ),
    "vendor.decide_return": Case(
        "vendor",
        lambda w: f"/en/vendor/orders/{w.waiting_return.vendor_order_id}",
        data=lambda w: {"decision": "reject", "note": "The cup was used"},
        params=lambda w: {
            "vendor_order_id": w.waiting_return.vendor_order_id,
            "return_id": w.waiting_return.id,
        },
    ),
    "vendor.receive_return": Case(
        "vendor",
        lambda w: f"/en/vendor/orders/{w.approved_return.vendor_order_id}",
        params=lambda w: {
            "vendor_order_id": w.approved_return.vendor_order_id,
            "return_id": w.approved_return.id,
        },
    ),
    "checkout.add_to_cart": Case(
        "shopper",
        lambda w: f"/en/products/{w.vendor.slug}/{w.product.handle}",
        data=lambda w: {"variant": str(w.product.variants[0].id), "quantity": "1"},
    ),
    "checkout.change_quantity": Case(
        "shopper",
        lambda w: w.cart_page,
        data=lambda w: {"variant": str(w.product.variants[0].id), "quantity": "2"},
    ),
    "checkout.remove_from_cart": Case(
        "shopper",
        lambda w: w.cart_page,
        data=lambda w: {"variant": str(w.product.variants[0].id)},
    ),
    "checkout.checkout": Case(
        "shopper",
        lambda w: w.checkout_page,
        data=lambda w: {
            "email": w.shopper.email,
            "name": SG_ADDRESS.name,
            "line1": SG_ADDRESS.line1,
            "city": SG_ADDRESS.city,
            "postal_code": SG_ADDRESS.postal_code,
            "country": SG_ADDRESS.country,
            "phone": SG_ADDRESS.phone,
            "fingerprint": w.fingerprint,
        },
    ),
    # the payment page's script posts the card's payment method (JSON back); a declined card
    # is the post that changes something here (the next attempt gets a new PaymentIntent)
    "checkout.pay_with_card": Case(
        "shopper",
        lambda w: f"/en/checkout/{w.order.ref}/pay",
        data=lambda w: {"payment_method": "pm_card_chargeCustomerFail"},
        params=lambda w: {"ref": w.order.ref},
    ),
    "checkout.cancel": Case(
        "shopper",
        lambda w: f"/en/checkout/{w.order.ref}/pay",
        params=lambda w: {"ref": w.order.ref},
    ),
    "account.sign_in_code": Case(
        "two_step",
        lambda w: "/en/account/sign-in/code",
        data=lambda w: {"code": pyotp.TOTP(w.totp_secret).now()},
    ),
    "account.verify_email": Case(
        "anonymous",
        lambda w: f"/en/account/verify/{w.verify_token}",
        params=lambda w: {"token": w.verify_token},
    ),
    "account.resend_verification": Case("unverified", lambda w: "/en/account/"),
    "account.forgot_password": Case(
        "anonymous",
        lambda w: "/en/account/password/forgot",
        data=lambda w: {"email": w.shopper.email},
    ),
    "account.reset_password": Case(
        "anonymous",
        lambda w: f"/en/account/password/reset/{w.reset_token}",
        data=lambda w: {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
        params=lambda w: {"token": w.reset_token},
    ),
    "account.change_password": Case(
        "shopper",
        lambda w: "/en/account/password",
        data=lambda w: {"current": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    ),
    "account.two_step": Case(
        "operator",
        lambda w: "/en/account/two-step",
        from_page=lambda w, html: {
            "code": pyotp.TOTP(re.search(r"<code>([A-Z2-7]+)</code>", html)[1]).now()
        },
    ),
    "account.two_step_off": Case(
        "operator",
        lambda w: w.two_step_turned_on,
        data=lambda w: {"code": pyotp.TOTP(w.totp_secret).now()},
    ),
    "account.delete_account": Case(
        "shopper", lambda w: "/en/account/delete", data=lambda w: {"password": PASSWORD}
    ),
    "account.forget_address": Case(
        "shopper",
        lambda w: "/en/account/",
        params=lambda w: {"address_id": w.address.id},
    ),
    "checkout.parcel_received": Case(
        "shopper",
        lambda w: f"/en/orders/{w.shipped_parcel.order.ref}",
        params=lambda w: {"ref": w.shipped_parcel.order.ref, "parcel_id": w.shipped_parcel.id},
    ),
    "checkout.return_items": Case(
        "shopper",
        lambda w: f"/en/orders/{w.delivered_parcel.order.ref}/return",
        data=lambda w: {f"line_{w.delivered_parcel.lines[0].id}": "1", "reason": "Chipped rim"},
        params=lambda w: {"ref": w.delivered_parcel.order.ref},
    ),
}

#: endpoint → what protects it instead of a CSRF token (each has its own test below)
EXEMPT: dict[str, str] = {
    "webhooks.stripe_webhook": (
        "Stripe posts it, with no session or page to take a token from: its Stripe-Signature "
        "(an HMAC of the body with our webhook secret) is what a forger cannot make"
    ),
}


def state_changing_rules(app):
    rules = [rule for rule in app.url_map.iter_rules() if (rule.methods or set()) & STATE_CHANGING]
    return sorted(rules, key=lambda rule: rule.rule)


def snapshot(app, db, outbox, client) -> dict:
    """Everything a post could change: every table's rows, the session, mail, media files."""
    db.session.expire_all()
    tables = {}
    for table in db.metadata.sorted_tables:
        rows = db.session.execute(select(table)).all()
        tables[table.name] = sorted(tuple(map(repr, row)) for row in rows)
    cookie = client.get_cookie("session")
    session = {}
    if cookie is not None:
        session = app.session_interface.get_signing_serializer(app).loads(cookie.value)
        # messages to show, and Flask-Login's note of whether the sign-in is fresh: bookkeeping
        # (signing in or out changes _user_id)
        session.pop("_flashes", None)
        session.pop("_fresh", None)
    media = Path(app.config["MEDIA_ROOT"])
    return {
        "tables": tables,
        "session": session,
        "mail": len(outbox),
        "media": sorted(str(p.relative_to(media)) for p in media.rglob("*")),
    }


def changed(before: dict, after: dict) -> list[str]:
    differ = [key for key in before if key != "tables" and before[key] != after[key]]
    return differ + [
        f"table {name}"
        for name in before["tables"]
        if before["tables"][name] != after["tables"][name]
    ]


@pytest.fixture
def csrf_refusals(monkeypatch):
    """The errors the 400 page was rendered for."""
    seen = []
    render = errors.render_error

    def spy(status, error=None):
        seen.append((status, error))
        return render(status, error)

    monkeypatch.setattr(errors, "render_error", spy)
    return seen


def test_every_state_changing_route_has_a_case(app):
    endpoints = {rule.endpoint for rule in state_changing_rules(app)}
    unknown = sorted(endpoints - CASES.keys() - EXEMPT.keys())
    assert not unknown, (
        f"{unknown} accept POST/PUT/PATCH/DELETE but tests/web/test_csrf.py has no case for "
        "them: add one saying who posts there and what a real post holds"
    )
    stale = sorted((CASES.keys() | EXEMPT.keys()) - endpoints)
    assert not stale, f"{stale} are no longer routes: remove their cases"
    assert not CASES.keys() & EXEMPT.keys()


def test_only_the_listed_routes_are_exempt_from_csrf_protection(app):
    """An exemption is a decision: nothing is exempt that EXEMPT does not list with a reason."""
    exempt_views = {
        f"{app.view_functions[endpoint].__module__}.{app.view_functions[endpoint].__name__}"
        for endpoint in EXEMPT
    }
    assert csrf._exempt_views == exempt_views
    assert not csrf._exempt_blueprints


def test_posts_without_the_csrf_token_are_refused_and_change_nothing(
    app, db, make, outbox, csrf_refusals, subtests
):
    rules = state_changing_rules(app)
    assert len(rules) >= 20  # the map was read: sign-in, the portal, the operators' queue...
    for rule in rules:
        case = CASES.get(rule.endpoint)
        if case is None:
            # exempt ones are proven by their own test; others are named by
            # test_every_state_changing_route_has_a_case
            continue
        with subtests.test(rule.endpoint):
            limiter.reset()  # a sign-in per case: stay under the sign-in rate limit
            world = World(app, make)
            client = app.test_client()
            if case.who != "anonymous":
                user = world.user(case.who)
                page = client.get("/en/account/sign-in").get_data(as_text=True)
                signed_in = client.post(
                    "/en/account/sign-in",
                    data={"email": user.email, "password": PASSWORD, "csrf_token": csrf_from(page)},
                )
                assert signed_in.status_code == 303, rule.endpoint
            params = case.params(world)
            assert set(params) == set(rule.arguments) - {"lang"}, f"{rule}: {params}"
            url = app.url_map.bind("localhost").build(rule.endpoint, {"lang": "en", **params})
            form_page = client.get(case.page(world))
            assert form_page.status_code == 200, (rule.endpoint, case.page(world))
            token = csrf_from(form_page.get_data(as_text=True))
            data = case.data(world) | case.from_page(world, form_page.get_data(as_text=True))
            for method in sorted((rule.methods or set()) & STATE_CHANGING):
                before = snapshot(app, db, outbox, client)
                csrf_refusals.clear()
                refused = client.open(url, method=method, data=data | case.files(world))
                assert refused.status_code == 400, (rule.endpoint, method, refused.status_code)
                assert "Something went wrong with that form" in refused.get_data(as_text=True)
                assert [type(error) for _status, error in csrf_refusals] == [CSRFError]
                after = snapshot(app, db, outbox, client)
                assert not changed(before, after), (rule.endpoint, changed(before, after))

                # the same post with the token acts: the refusal above is what kept things
                accepted = client.open(
                    url,
                    method=method,
                    data=data | case.files(world) | {"csrf_token": token},
                )
                assert accepted.status_code in (200, 303), (rule.endpoint, accepted.status_code)
                assert changed(before, snapshot(app, db, outbox, client)), (
                    f"{rule.endpoint}: the post with its token changed nothing, so the case "
                    "does not show that the refusal protects anything"
                )


def test_the_stripe_webhook_is_exempt_and_only_a_valid_signature_gets_in(
    app, db, make, outbox, csrf_refusals
):
    """No CSRF token (Stripe has none to send), so the signature is all that stands between
    a forged "payment succeeded" and a paid order."""
    world = World(app, make)
    order = world.order
    db.session.commit()
    event = json.dumps(
        {
            "id": f"evt_csrf_{world.n}",
            "object": "event",
            "type": "payment_intent.succeeded",
            "data": {
                "object": {
                    "id": order.payment_intent_id,
                    "object": "payment_intent",
                    "amount": payments.stripe_amount(order),
                    "currency": order.currency.lower(),
                }
            },
        }
    )
    stamp = int(time.time())

    def signature(secret: str) -> str:
        mac = hmac.new(secret.encode(), f"{stamp}.{event}".encode(), hashlib.sha256)
        return f"t={stamp},v1={mac.hexdigest()}"

    client = app.test_client()
    for forged in (None, "t=1,v1=00", signature("whsec_someone_elses")):
        before = snapshot(app, db, outbox, client)
        headers = {"Stripe-Signature": forged} if forged else {}
        refused = client.post(
            "/webhooks/stripe", data=event, content_type="application/json", headers=headers
        )
        assert refused.status_code == 400, forged
        assert refused.get_json() == {"error": "invalid signature"}
        assert not csrf_refusals  # refused for its signature, not for a missing token
        assert not changed(before, snapshot(app, db, outbox, client)), forged

    accepted = client.post(
        "/webhooks/stripe",
        data=event,
        content_type="application/json",
        headers={"Stripe-Signature": signature(app.config["STRIPE_WEBHOOK_SECRET"])},
    )
    assert accepted.status_code == 200
    assert accepted.get_json() == {"received": True, "outcome": "paid"}
    assert not csrf_refusals
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "paid"
