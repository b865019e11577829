"""Applying, deciding, staff invitations: the rules behind the portal and `flask vendors add`."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.models import AuditEvent, User, Vendor, VendorInvitation
from app.services import vendors
from app.services.errors import (
    BusinessNumberTaken,
    InvalidBusinessNumber,
    InvalidDecision,
    InvitationInvalid,
    InvitationRefused,
)
from app.transaction import unit_of_work
from tests.conftest import csrf_from


def application(**changes):
    data = {
        "name_zh_hant": "阿里山葉茶坊",
        "name_en": "Alishan Leaf Tea Co.",
        "ubn": "04595252",
        "contact_name": "林雅婷",
        "email": "owner@alishan.example.com",
        "phone": "+886-5-123-4567",
        "address": "嘉義縣阿里山鄉中正村1號",
        "password": "a-long-password",
        "category_ids": [],
        "language": "zh-hant",
    }
    data.update(changes)
    return vendors.Application(**data)


def count(db, model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_apply_creates_a_pending_vendor_and_its_owner(db, make):
    tea = make.category("tea")
    vendor, owner = vendors.apply(application(category_ids=[tea.id]))
    assert vendor.status == "pending"
    assert vendor.slug == "alishan-leaf-tea-co"
    assert [c.slug for c in vendor.categories] == ["tea"]
    assert owner.role == "vendor"
    assert owner.is_vendor_owner
    assert owner.vendor_id == vendor.id
    assert owner.preferred_language == "zh-hant"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "vendor.applied"))
    assert event.actor_id == owner.id
    assert event.target_id == vendor.id


def test_full_width_digits_and_spaces_in_the_business_number_are_accepted(db):
    vendor, _ = vendors.apply(application(ubn="０４５ ９５２５２"))
    assert vendor.ubn == "04595252"


@pytest.mark.parametrize("ubn", ["04595256", "1234567", "abcdefgh", ""])
def test_invalid_business_number_saves_nothing(db, ubn):
    with pytest.raises(InvalidBusinessNumber):
        vendors.apply(application(ubn=ubn))
    assert count(db, Vendor) == 0
    assert count(db, User) == 0


def test_business_number_and_email_are_unique(db, outbox):
    vendors.apply(application())
    with pytest.raises(BusinessNumberTaken):
        vendors.apply(application(email="other@example.com"))
    # an address that has an account makes nothing, and says so only to that address
    with unit_of_work():
        again = vendors.apply(application(ubn="22099131", email="OWNER@alishan.example.com"))
    assert again is None
    assert count(db, Vendor) == 1
    assert count(db, User) == 1
    # (in the owner's language) no application was made: a link to sign in, none to confirm
    told = [m for m in outbox if "/zh-hant/account/sign-in" in m.get_content()]
    assert [m["To"] for m in told] == ["owner@alishan.example.com"]
    assert "/account/verify/" not in told[0].get_content()


def test_slugs_stay_unique(db):
    first, _ = vendors.apply(application())
    second, _ = vendors.apply(application(ubn="22099131", email="b@example.com"))
    assert (first.slug, second.slug) == ("alishan-leaf-tea-co", "alishan-leaf-tea-co-2")


def test_decisions(db, make):
    operator = make.user(role="operator")
    vendor, _ = vendors.apply(application())
    with pytest.raises(InvalidDecision):
        vendors.decide(vendor, operator, approve=False, reason="  ")
    assert vendor.status == "pending"
    vendors.decide(vendor, operator, approve=False, reason="The business number is not yours.")
    assert vendor.status == "rejected"
    assert vendor.decided_by_id == operator.id
    assert vendor.decided_at is not None
    with pytest.raises(InvalidDecision):
        vendors.decide(vendor, operator, approve=True, reason=None)  # already decided
    actions = list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
    assert actions == ["vendor.applied", "vendor.rejected"]


def test_invitation_tokens(db, make, app):
    vendor = make.vendor()
    owner = make.user(role="vendor", vendor=vendor)
    invitation = vendors.invite(vendor, owner, "Staff@Example.com", "th")
    secret = app.config["SECRET_KEY"]
    token = vendors.invitation_token(invitation, secret)
    assert vendors.invitation_from_token(token, secret) is invitation
    with pytest.raises(InvitationInvalid):
        vendors.invitation_from_token(token + "x", secret)
    with pytest.raises(InvitationInvalid):
        vendors.invitation_from_token(token, "another-secret")
    member = vendors.accept(invitation, "Somchai", "another-long-password")
    assert member.vendor_id == vendor.id
    assert not member.is_vendor_owner
    assert member.email == "staff@example.com"
    assert member.preferred_language == "th"
    with pytest.raises(InvitationInvalid):
        vendors.invitation_from_token(token, secret)  # used


def test_invitations_expire_and_can_be_withdrawn(db, make, app, monkeypatch):
    vendor = make.vendor()
    owner = make.user(role="vendor", vendor=vendor)
    invitation = vendors.invite(vendor, owner, "late@example.com", "zh-hant")
    token = vendors.invitation_token(invitation, app.config["SECRET_KEY"])
    import itsdangerous.timed

    real_now = itsdangerous.timed.TimestampSigner.get_timestamp
    monkeypatch.setattr(
        itsdangerous.timed.TimestampSigner,
        "get_timestamp",
        lambda self: real_now(self) + int(timedelta(days=8).total_seconds()),
    )
    with pytest.raises(InvitationInvalid):
        vendors.invitation_from_token(token, app.config["SECRET_KEY"])
    monkeypatch.undo()
    vendors.revoke(invitation, owner)
    with pytest.raises(InvitationInvalid):
        vendors.invitation_from_token(token, app.config["SECRET_KEY"])


def test_an_existing_account_is_told_of_an_invitation_instead_of_getting_a_link(db, make, outbox):
    vendor = make.vendor()
    owner = make.user(role="vendor", vendor=vendor)
    make.user(email="taken@example.com")
    with unit_of_work():
        invitation = vendors.invite(vendor, owner, "taken@example.com", "en")
    assert invitation.is_open  # the owner sees it like any other
    (mail,) = outbox
    assert mail["To"] == "taken@example.com"
    assert "already has an account" in mail.get_content()
    assert "/vendor/join/" not in mail.get_content()


@pytest.mark.parametrize("status", ["pending", "rejected"])
def test_pending_and_rejected_vendors_invite_nobody(db, make, outbox, status):
    vendor = make.vendor(status=status)
    owner = make.user(role="vendor", vendor=vendor)
    with pytest.raises(InvitationRefused) as refused:
        vendors.invite(vendor, owner, "helper@example.com", "en")
    assert refused.value.code == "vendor.not_approved"
    assert count(db, VendorInvitation) == 0


def test_an_owner_whose_address_is_not_confirmed_invites_nobody(db, make):
    vendor = make.vendor()
    owner = make.user(role="vendor", vendor=vendor, verified=False)
    with pytest.raises(InvitationRefused) as refused:
        vendors.invite(vendor, owner, "helper@example.com", "en")
    assert refused.value.code == "owner.unverified"


def test_invitations_are_one_per_address_and_limited(db, make, outbox, fixture_app, monkeypatch):
    vendor = make.vendor()
    owner = make.user(role="vendor", vendor=vendor)
    with unit_of_work():
        first = vendors.invite(vendor, owner, "helper@example.com", "en")
        again = vendors.invite(vendor, owner, "HELPER@example.com", "en")
    assert again is first  # one open invitation, one mail
    assert len(outbox) == 1

    # a victim's address gets a few invitation mails a day, from all vendors together
    for _ in range(4):
        other = make.vendor()
        with unit_of_work():
            vendors.invite(
                other, make.user(role="vendor", vendor=other), "victim@example.com", "en"
            )
    assert sum(m["To"] == "victim@example.com" for m in outbox) == 3

    monkeypatch.setitem(fixture_app.config, "INVITATIONS_PER_DAY", 3)
    vendors.invite(vendor, owner, "two@example.com", "en")
    vendors.invite(vendor, owner, "three@example.com", "en")
    with pytest.raises(InvitationRefused) as refused:
        vendors.invite(vendor, owner, "four@example.com", "en")
    assert refused.value.code == "invitations.limit"


def test_line_breaks_in_names_never_reach_a_mail_subject_or_a_new_line(db, outbox):
    with unit_of_work():
        vendor, owner = vendors.apply(
            application(
                name_zh_hant="阿里山\r\nBcc: victim@example.com",
                contact_name="Lin\u2028Click http://evil.example",
            )
        )
    assert vendor.name_zh_hant == "阿里山 Bcc: victim@example.com"
    assert owner.name == "Lin Click http://evil.example"
    (mail,) = outbox
    assert mail["Bcc"] is None
    assert "\n" not in mail["Subject"]
    lines = mail.get_content().splitlines()
    assert not any(line.startswith(("Click", "Bcc")) for line in lines)
    assert any("Lin Click http://evil.example" in line for line in lines)


def test_cli_vendors_add(app, db):
    runner = app.test_cli_runner()
    bad = runner.invoke(
        args=[
            "vendors",
            "add",
            "shop",
            "--name",
            "Shop",
            "--email",
            "a@example.com",
            "--ubn",
            "12345678",
        ]
    )
    assert bad.exit_code == 1
    assert "not a valid unified business number" in bad.output
    assert count(db, Vendor) == 0
    good = runner.invoke(
        args=[
            "vendors",
            "add",
            "tea-house",
            "--name",
            "Tea House",
            "--email",
            "a@example.com",
            "--ubn",
            "04595252",
            "--approved",
        ]
    )
    assert good.exit_code == 0, good.output
    vendor = db.session.scalar(select(Vendor).where(Vendor.slug == "tea-house"))
    assert vendor.status == "approved"
    assert vendor.ubn == "04595252"
    # no password on the terminal (or in its scrollback): a one-time link to choose one
    lines = good.output.splitlines()
    assert lines[:3] == [
        "Vendor tea-house created (approved).",
        "Owner account: a@example.com",
        "One-time link for the owner to choose a password (valid 7 days):",
    ]
    assert len(lines) == 4
    link = re.fullmatch(r"http://localhost(/zh-hant/account/password/reset/\S+)", lines[3])
    assert link, good.output
    owner = db.session.scalar(select(User).where(User.email == "a@example.com"))
    assert not owner.email_verified
    client = app.test_client()
    page = client.get(link.group(1))
    assert page.status_code == 200
    chosen = client.post(
        link.group(1),
        data={
            "csrf_token": csrf_from(page.get_data(as_text=True)),
            "password": "oolong-terraces-at-dawn",
            "confirm": "oolong-terraces-at-dawn",
        },
    )
    assert chosen.status_code == 303
    db.session.expire_all()
    assert db.session.get(User, owner.id).email_verified  # the link came to that address
    assert client.get(link.group(1)).status_code == 404  # once only
    again = runner.invoke(
        args=[
            "vendors",
            "add",
            "tea-house-2",
            "--name",
            "Tea",
            "--email",
            "b@example.com",
            "--ubn",
            "04595252",
        ]
    )
    assert again.exit_code == 1
    assert "already exists" in again.output
    slug = runner.invoke(
        args=["vendors", "add", "Bad Slug", "--name", "X", "--email", "c@example.com"]
    )
    assert slug.exit_code == 1
    assert "slug" in slug.output


@pytest.mark.parametrize(
    ("name", "email", "message"),
    [
        ("Tea House", "not-an-address", "not an e-mail address"),
        ("Tea House", "owner@", "not an e-mail address"),
        ("   ", "owner@example.com", "Give the vendor a name"),
        ("x" * 161, "owner@example.com", "Give the vendor a name"),
    ],
)
def test_cli_vendors_add_checks_name_and_email_like_the_form(app, db, name, email, message):
    result = app.test_cli_runner().invoke(
        args=["vendors", "add", "tea-house", "--name", name, "--email", email]
    )
    assert result.exit_code == 1
    assert message in result.output
    assert count(db, Vendor) == 0
    assert count(db, User) == 0


def test_cli_create_operator_refuses_a_bad_address(app, db, monkeypatch):
    monkeypatch.setenv("OPERATOR_PASSWORD", "a-long-enough-password")
    runner = app.test_cli_runner()
    bad = runner.invoke(args=["users", "create-operator", "operator-at-example"])
    assert bad.exit_code == 1
    assert "not an e-mail address" in bad.output
    good = runner.invoke(args=["users", "create-operator", "Ops@Example.com"])
    assert good.exit_code == 0, good.output
    operator = db.session.scalar(select(User).where(User.email == "ops@example.com"))
    assert operator.role == "operator"
