"""Vendors: applying, the operators' decision, staff invitations."""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select

from app.domain import plain_text
from app.domain import ubn as ubn_rules
from app.extensions import db
from app.models import Category, User, Vendor, VendorInvitation
from app.models.user import Role
from app.models.vendor import SLUG, VendorStatus
from app.services import accounts, audit, claims, clock, links, outbox
from app.services.accounts import throttle, tokens
from app.services.catalog import events as product_events
from app.services.errors import (
    BusinessNumberTaken,
    EmailTaken,
    InvalidBusinessNumber,
    InvalidDecision,
    InvalidVendor,
    InvitationInvalid,
    InvitationRefused,
    NotFound,
)
from app.services.search import service as search_service

INVITATION_DAYS = 7


@dataclass
class Application:
    name_zh_hant: str
    name_en: str
    ubn: str
    contact_name: str
    email: str
    phone: str
    address: str
    password: str
    category_ids: list[int] = field(default_factory=list)
    language: str = "zh-hant"


#: the longest company name (the application form's limit and the column's size)
NAME_MAX = 160
#: tries for a free slug when shops of the same name apply at the same moment
SLUG_ATTEMPTS = 3


class SlugTakenMeanwhile(Exception):
    """Another application took the slug between slug_for and the write."""


def normalise_ubn(value: str) -> str:
    """Full-width digits (１２３) and spaces are common in forms typed in Taiwan."""
    return re.sub(r"[\s-]", "", unicodedata.normalize("NFKC", value or ""))


def check_ubn(value: str, vendor_id: int | None = None) -> str:
    """The normalised number. Raises InvalidBusinessNumber or BusinessNumberTaken."""
    number = normalise_ubn(value)
    if not ubn_rules.is_valid(number):
        raise InvalidBusinessNumber(field="ubn")
    taken = db.session.scalar(select(Vendor.id).where(Vendor.ubn == number))
    if taken is not None and taken != vendor_id:
        raise BusinessNumberTaken(field="ubn")
    return number


def slug_for(name: str) -> str:
    """A URL slug from the English name, unique among vendors."""
    base = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", name).lower()).strip("-")
    base = base[:48].strip("-") or "shop"
    slug, n = base, 2
    while db.session.scalar(select(Vendor.id).where(Vendor.slug == slug)) is not None:
        slug = f"{base}-{n}"
        n += 1
    return slug


def apply(application: Application) -> tuple[Vendor, User] | None:
    """A vendor application and its owner account, waiting for an operator; the owner is
    mailed a link to confirm the address.

    When the address already has an account nothing is created and None is returned: that
    account's holder is told by e-mail instead, and the applicant's page says the same as for
    anyone else (nobody learns from it who has an account).
    Raises InvalidBusinessNumber, BusinessNumberTaken, InvalidEmail or WeakPassword; nothing
    is saved then.
    """
    number = check_ubn(application.ubn)
    address = accounts.check_email(application.email)
    contact = plain_text.single_line(application.contact_name)
    accounts.check_password(application.password, email=address, name=contact)
    existing = accounts.find_by_email(address)
    if existing is not None:
        accounts.spend_a_hash(application.password)
        if throttle.allow("RATELIMIT_MAILS_PER_ADDRESS", accounts.email_hash(address)):
            outbox.mail(
                existing.email,
                "mail/vendor_apply_existing.txt",
                existing.preferred_language or application.language,
                name=existing.name,
                link=links.absolute("account.sign_in", lang=application.language),
            )
        return None
    try:
        # nothing is kept when another request takes the address at the same moment
        with db.session.begin_nested():
            vendor, owner = _applicant(application, number, address, contact)
    except EmailTaken:
        return None
    audit.record(owner, "vendor.applied", vendor, {"ubn": number})
    language = owner.preferred_language or "zh-hant"
    outbox.mail(
        owner.email,
        "mail/vendor_application_received.txt",
        language,
        vendor=vendor,
        owner=owner,
        link=links.absolute(
            "account.verify_email", lang=language, token=tokens.make(owner, tokens.VERIFY)
        ),
    )
    return vendor, owner


def _applicant(
    application: Application, number: str, address: str, contact: str
) -> tuple[Vendor, User]:
    """The pending vendor and its owner account. Raises BusinessNumberTaken or EmailTaken
    when another application takes the number or the address at the same moment."""
    vendor = Vendor(
        slug=slug_for(plain_text.single_line(application.name_en)),
        name_en=plain_text.single_line(application.name_en)[:NAME_MAX],
        name_zh_hant=plain_text.single_line(application.name_zh_hant)[:NAME_MAX],
        ubn=number,
        status=VendorStatus.PENDING.value,
        contact_name=contact,
        email=address,
        phone=plain_text.single_line(application.phone),
        address=plain_text.clean(application.address).strip(),
    )
    if application.category_ids:
        vendor.categories = list(
            db.session.scalars(select(Category).where(Category.id.in_(application.category_ids)))
        )
    refusals = {
        "vendors.ubn": lambda: BusinessNumberTaken(field="ubn"),
        "vendors.slug": SlugTakenMeanwhile,
    }
    for attempt in range(SLUG_ATTEMPTS):
        try:
            with claims.claiming(refusals):
                db.session.add(vendor)
            break
        except SlugTakenMeanwhile:
            # a shop of the same name applied at the same moment: the next free slug
            if attempt == SLUG_ATTEMPTS - 1:
                raise
            vendor.slug = slug_for(vendor.name_en)
    owner = accounts.create_user(
        application.email,
        application.password,
        application.contact_name,
        role=Role.VENDOR,
        preferred_language=application.language,
        vendor_id=vendor.id,
        is_vendor_owner=True,
    )
    return vendor, owner


def create(
    slug: str, name: str, email: str, ubn: str | None = None, approved: bool = False
) -> tuple[Vendor, User]:
    """A vendor and its owner account from the command line (same rules as the form).

    The owner has no password anyone knows: they choose one through a one-time link
    (`tokens.make(owner, tokens.SET)`), which also confirms the address.
    Raises InvalidVendor (slug.format, slug.taken, name.length), InvalidBusinessNumber,
    BusinessNumberTaken, InvalidEmail or EmailTaken.
    """
    if not SLUG.fullmatch(slug or ""):
        raise InvalidVendor("slug.format", field="slug")
    if db.session.scalar(select(Vendor.id).where(Vendor.slug == slug)) is not None:
        raise InvalidVendor("slug.taken", field="slug")
    name = plain_text.single_line(name or "")
    if not name or len(name) > NAME_MAX:
        raise InvalidVendor("name.length", field="name", max=NAME_MAX)
    number = check_ubn(ubn) if ubn else None
    # checked before the vendor row exists, so a refused address leaves nothing to undo
    address = accounts.check_email(email)
    if accounts.find_by_email(address) is not None:
        raise EmailTaken(field="email")
    vendor = Vendor(
        slug=slug,
        name_en=name,
        name_zh_hant=name,
        ubn=number,
        email=address,
        status=VendorStatus.PENDING.value,
    )
    db.session.add(vendor)
    db.session.flush()
    owner = accounts.create_user(
        email,
        secrets.token_urlsafe(32),
        name,
        role=Role.VENDOR,
        preferred_language="zh-hant",
        vendor_id=vendor.id,
        is_vendor_owner=True,
    )
    audit.record(None, "vendor.created", vendor, {"by": "cli"})
    if approved:
        _set_decision(vendor, None, approve=True, reason=None)
    return vendor, owner


def decide(vendor: Vendor, operator: User, approve: bool, reason: str | None) -> None:
    """Approve or reject an application. A rejection needs a reason the applicant can act on.

    Raises InvalidDecision when the vendor is not pending or the reason is missing.
    """
    if vendor.status != VendorStatus.PENDING:
        raise InvalidDecision(field="decision")
    if not approve and not (reason or "").strip():
        raise InvalidDecision(field="reason")
    _set_decision(vendor, operator, approve, reason)
    owner = owner_of(vendor)
    if owner is not None:
        language = owner.preferred_language or "zh-hant"
        outbox.mail(
            owner.email,
            "mail/vendor_approved.txt" if approve else "mail/vendor_rejected.txt",
            language,
            vendor=vendor,
            owner=owner,
            link=links.absolute("vendor.dashboard", lang=language),
        )


def _set_decision(vendor: Vendor, operator: User | None, approve: bool, reason) -> None:
    vendor.status = (VendorStatus.APPROVED if approve else VendorStatus.REJECTED).value
    vendor.decided_by_id = operator.id if operator else None
    vendor.decided_at = clock.now()
    vendor.decision_reason = (reason or "").strip() or None
    product_events.vendor_changed(vendor)
    search_service.invalidate_vendor_names()
    audit.record(
        operator,
        "vendor.approved" if approve else "vendor.rejected",
        vendor,
        {"reason": vendor.decision_reason},
    )


def owner_of(vendor: Vendor) -> User | None:
    return db.session.scalar(
        select(User).where(User.vendor_id == vendor.id, User.is_vendor_owner.is_(True))
    )


# -- staff ------------------------------------------------------------------------------------


def staff(vendor: Vendor) -> list[User]:
    return list(
        db.session.scalars(
            select(User).where(User.vendor_id == vendor.id).order_by(User.created_at)
        )
    )


def open_invitations(vendor: Vendor) -> list[VendorInvitation]:
    return list(
        db.session.scalars(
            select(VendorInvitation)
            .where(
                VendorInvitation.vendor_id == vendor.id,
                VendorInvitation.accepted_at.is_(None),
                VendorInvitation.revoked_at.is_(None),
            )
            .order_by(VendorInvitation.created_at.desc())
        )
    )


def vendor_invitation(vendor: Vendor, invitation_id: int) -> VendorInvitation:
    """One of the vendor's invitations. Raises NotFound for anyone else's."""
    invitation = db.session.get(VendorInvitation, invitation_id)
    if invitation is None or invitation.vendor_id != vendor.id:
        raise NotFound()
    return invitation


def vendor_member(vendor: Vendor, user_id: int) -> User:
    """One of the vendor's staff. Raises NotFound for anyone else."""
    user = db.session.get(User, user_id)
    if user is None or user.vendor_id != vendor.id:
        raise NotFound()
    return user


def invite(vendor: Vendor, owner: User, email: str, language: str) -> VendorInvitation:
    """Invite a staff member by e-mail: the invitation, open for INVITATION_DAYS.

    The owner is answered the same whether or not the address has an account: an address
    without one gets the link to join; an account's holder is told of the invitation instead
    (an account cannot join a second shop). An open invitation to the same address is
    returned again without another mail, and one address gets at most
    RATELIMIT_MAILS_PER_ADDRESS such mails from all vendors together.
    Raises InvitationRefused (vendor.not_approved: pending and rejected vendors invite
    nobody; owner.unverified; invitations.limit: INVITATIONS_PER_DAY) or InvalidEmail.
    """
    if not vendor.is_approved:
        raise InvitationRefused("vendor.not_approved")
    if not owner.email_verified:
        raise InvitationRefused("owner.unverified")
    address = accounts.check_email(email)
    since = clock.now() - timedelta(days=INVITATION_DAYS)
    already = next((i for i in open_invitations(vendor) if i.email == address), None)
    if already is not None and already.created_at > since:
        return already
    limit = current_app.config["INVITATIONS_PER_DAY"]
    sent_today = db.session.scalar(
        select(func.count())
        .select_from(VendorInvitation)
        .where(
            VendorInvitation.vendor_id == vendor.id,
            VendorInvitation.created_at > clock.now() - timedelta(days=1),
        )
    )
    if sent_today >= limit:
        raise InvitationRefused("invitations.limit", limit=limit)
    invitation = VendorInvitation(
        vendor_id=vendor.id, email=address, invited_by_id=owner.id, language=language
    )
    db.session.add(invitation)
    db.session.flush()
    audit.record(owner, "vendor.staff_invited", vendor, {"email": invitation.email})
    if not throttle.allow("RATELIMIT_MAILS_PER_ADDRESS", accounts.email_hash(address)):
        return invitation
    holder = accounts.find_by_email(address)
    if holder is None:
        token = invitation_token(invitation, current_app.config["SECRET_KEY"])
        outbox.mail(
            invitation.email,
            "mail/vendor_invitation.txt",
            language,
            invitation=invitation,
            link=links.absolute("vendor.join", lang=language, token=token),
        )
    else:
        outbox.mail(
            holder.email,
            "mail/vendor_invitation_existing.txt",
            holder.preferred_language or language,
            invitation=invitation,
            name=holder.name,
        )
    return invitation


def _serializer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt="vendor-invitation")


def invitation_token(invitation: VendorInvitation, secret: str) -> str:
    return _serializer(secret).dumps({"id": invitation.id, "email": invitation.email})


def invitation_from_token(token: str, secret: str) -> VendorInvitation:
    """The open invitation a token stands for. Raises InvitationInvalid."""
    try:
        data = _serializer(secret).loads(token, max_age=INVITATION_DAYS * 24 * 3600)
    except (BadSignature, SignatureExpired):
        raise InvitationInvalid() from None
    invitation = (
        db.session.get(VendorInvitation, data.get("id")) if isinstance(data, dict) else None
    )
    if invitation is None or invitation.email != data.get("email") or not invitation.is_open:
        raise InvitationInvalid()
    return invitation


def accept(invitation: VendorInvitation, name: str, password: str) -> User:
    """Create the staff account. Raises InvitationInvalid, WeakPassword or EmailTaken."""
    if not invitation.is_open:
        raise InvitationInvalid()
    user = accounts.create_user(
        invitation.email,
        password,
        name,
        role=Role.VENDOR,
        preferred_language=invitation.language,
        vendor_id=invitation.vendor_id,
        verified=True,  # the link came to this address
    )
    invitation.accepted_at = clock.now()
    audit.record(user, "vendor.staff_joined", invitation.vendor, {"email": user.email})
    return user


def revoke(invitation: VendorInvitation, owner: User) -> None:
    if invitation.is_open:
        invitation.revoked_at = clock.now()
        audit.record(
            owner, "vendor.invitation_revoked", invitation.vendor, {"email": invitation.email}
        )


def remove_staff(vendor: Vendor, owner: User, member: User) -> None:
    """Staff leave the vendor (their account stays, as a shopper). Owners cannot be removed."""
    if member.vendor_id != vendor.id or member.is_vendor_owner:
        raise InvalidDecision(field="member")
    member.vendor_id = None
    member.role = Role.SHOPPER.value
    audit.record(owner, "vendor.staff_removed", vendor, {"email": member.email})
