"""The person's own data (Taiwan's PDPA, and Thailand's and Malaysia's): a copy of everything
kept about them, deleting the account, and retention periods for what is kept about anyone.

Deleting keeps what the law requires of a sale (orders, their lines, amounts and tax, the
country they went to) with the name, address, phone and e-mail replaced, and empties the
account row itself (orders, returns and the audit trail point at it) so that it can never
sign in again; every session ends with it.
"""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import selectinload

from app.domain.order_states import OrderStatus, ReturnStatus, VendorOrderStatus
from app.extensions import db
from app.models import (
    Address,
    AuditEvent,
    CartLine,
    CatalogImport,
    Order,
    OutboxMessage,
    ProductImage,
    ReturnPhoto,
    ReturnRequest,
    User,
    VendorInvitation,
    VendorOrder,
    Zone,
)
from app.models.outbox import OutboxStatus
from app.models.user import Role
from app.services import accounts, clock, outbox
from app.services.accounts import sign_ins
from app.services.checkout import lifecycle
from app.services.errors import AccountDeletionRefused, InvalidCredentials

#: what an erased order or account holds instead of the person's details
ERASED = "(deleted)"
ERASED_EMAIL = "deleted@deleted.invalid"
#: audit actions whose data names an e-mail address (kept AUDIT_EMAIL_RETENTION_DAYS)
AUDIT_WITH_EMAIL = (
    "vendor.staff_invited",
    "vendor.staff_joined",
    "vendor.staff_removed",
    "vendor.invitation_revoked",
)
#: parcels and returns still on their way: the vendor needs the address until they are done
#: (an order still waiting for payment is cancelled instead)
_OPEN_PARCELS = (
    VendorOrderStatus.PAID.value,
    VendorOrderStatus.ACCEPTED.value,
    VendorOrderStatus.SHIPPED.value,
)
_OPEN_RETURNS = (
    ReturnStatus.REQUESTED.value,
    ReturnStatus.APPROVED.value,
    ReturnStatus.RECEIVED.value,
)
#: a stored photo file no row names is removed once it is this old (an upload in progress
#: has not written its row yet)
ORPHAN_MEDIA_AGE = timedelta(days=1)


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _orders_of(user: User, *options) -> list[Order]:
    """Their account's orders, and guest orders placed with their address once it is
    confirmed as theirs."""
    mine = Order.user_id == user.id
    if user.email_verified:
        mine = or_(mine, (Order.user_id.is_(None)) & (Order.email == user.email))
    return list(db.session.scalars(select(Order).where(mine).order_by(Order.id).options(*options)))


# -- a copy of their data -----------------------------------------------------------------------


def export(user: User) -> dict:
    """Everything kept about the person, as plain data (the account page's download)."""
    # every parcel's and return's lines with their orders: a long-time customer's copy is a
    # few statements, not one per parcel
    orders = _orders_of(user, selectinload(Order.vendor_orders).selectinload(VendorOrder.lines))
    order_ids = [order.id for order in orders]
    returns = (
        list(
            db.session.scalars(
                select(ReturnRequest)
                .where(ReturnRequest.order_id.in_(order_ids))
                .order_by(ReturnRequest.id)
                .options(selectinload(ReturnRequest.lines))
            )
        )
        if order_ids
        else []
    )
    refs = {order.id: order.ref for order in orders}
    return {
        "profile": {
            "email": user.email,
            "name": user.name,
            "role": user.role,
            "preferred_language": user.preferred_language,
            "created_at": _iso(user.created_at),
            "email_verified_at": _iso(user.email_verified_at),
            "last_sign_in_at": _iso(user.last_sign_in_at),
            "two_step_sign_in": user.two_factor_enabled,
            "vendor": user.vendor.slug if user.vendor is not None else None,
        },
        "addresses": [
            {
                "name": a.name,
                "line1": a.line1,
                "line2": a.line2,
                "city": a.city,
                "region": a.region,
                "postal_code": a.postal_code,
                "country": a.country,
                "phone": a.phone,
                "saved_at": _iso(a.created_at),
                "last_used_at": _iso(a.last_used_at),
            }
            for a in db.session.scalars(
                select(Address).where(Address.user_id == user.id).order_by(Address.id)
            )
        ],
        "orders": [_order_data(order) for order in orders],
        "returns": [
            {
                "order": refs[r.order_id],
                "status": r.status,
                "reason": r.reason,
                "refund_minor": r.refund_minor,
                "requested_at": _iso(r.requested_at),
                "decided_at": _iso(r.decided_at),
                "decision_note": r.decision_note,
                "refunded_at": _iso(r.refunded_at),
                "lines": [
                    {"order_line": line.order_line_id, "quantity": line.quantity}
                    for line in r.lines
                ],
            }
            for r in returns
        ],
        "sign_in_history": [
            {"at": _iso(a.created_at), "address": a.address, "outcome": a.outcome}
            for a in sign_ins.of_user(user)
        ],
    }


def _order_data(order: Order) -> dict:
    return {
        "ref": order.ref,
        "placed_at": _iso(order.created_at),
        "status": order.status,
        "email": order.email,
        "currency": order.currency,
        "goods_minor": order.goods_minor,
        "shipping_minor": order.shipping_minor,
        "tax_minor": order.tax_minor,
        "total_minor": order.total_minor,
        "paid_at": _iso(order.paid_at),
        "ship_to": {
            "name": order.ship_name,
            "line1": order.ship_line1,
            "line2": order.ship_line2,
            "city": order.ship_city,
            "region": order.ship_region,
            "postal_code": order.ship_postal_code,
            "country": order.ship_country,
            "phone": order.ship_phone,
        },
        "parcels": [
            {
                "status": parcel.status,
                "carrier": parcel.carrier,
                "tracking_number": parcel.tracking_number,
                "lines": [
                    {
                        "id": line.id,
                        "product": line.product_name,
                        "option": line.variant_label,
                        "sku": line.sku,
                        "quantity": line.quantity,
                        "unit_price_minor": line.unit_price_minor,
                    }
                    for line in parcel.lines
                ],
            }
            for parcel in order.vendor_orders
        ],
    }


# -- deleting the account -----------------------------------------------------------------------


def delete_account(user: User, password: str) -> None:
    """Erase the account. Raises InvalidCredentials (wrong password) or AccountDeletionRefused
    (account.operator, account.vendor_owner, account.orders_open: a paid parcel or a return
    still on its way needs the address). Orders still waiting for payment are cancelled."""
    if not accounts.password_matches(user, password):
        raise InvalidCredentials(field="password")
    if user.role == Role.OPERATOR:
        raise AccountDeletionRefused("account.operator")
    if user.is_vendor_owner and user.vendor_id is not None:
        raise AccountDeletionRefused("account.vendor_owner")
    orders = _orders_of(user)
    _refuse_if_open(orders)
    email, language = user.email, user.preferred_language or "en"

    for order in orders:
        if order.status == OrderStatus.AWAITING_PAYMENT:
            lifecycle.cancel(order, user)
        order.email = ERASED_EMAIL
        order.ship_name = ERASED
        order.ship_line1 = ERASED
        order.ship_line2 = ""
        order.ship_city = ERASED
        order.ship_region = ""
        order.ship_postal_code = ""
        order.ship_phone = ""
    order_ids = [order.id for order in orders]
    if order_ids:
        return_ids = select(ReturnRequest.id).where(ReturnRequest.order_id.in_(order_ids))
        db.session.execute(delete(ReturnPhoto).where(ReturnPhoto.return_id.in_(return_ids)))
    db.session.execute(delete(Address).where(Address.user_id == user.id))
    db.session.execute(delete(CartLine).where(CartLine.user_id == user.id))
    sign_ins.forget_user(user, email)
    db.session.execute(
        update(VendorInvitation).where(VendorInvitation.email == email).values(email=ERASED_EMAIL)
    )
    _scrub_audit(lambda event: event.data.get("email") == email)

    user.email = f"deleted-{user.id}@deleted.invalid"
    user.name = ""
    user.password_hash = "!"  # noqa: S105 - matches no password (no hash werkzeug can read)
    user.is_active_account = False
    user.deleted_at = clock.now()
    user.role = Role.SHOPPER.value
    user.vendor_id = None
    user.is_vendor_owner = False
    user.preferred_language = None
    user.email_verified_at = None
    user.totp_secret = None
    user.totp_last_step = None
    accounts.end_sessions(user)
    db.session.flush()
    outbox.mail(email, "mail/account_deleted.txt", language)


def _refuse_if_open(orders: list[Order]) -> None:
    ids = [order.id for order in orders]
    if not ids:
        return
    parcel = db.session.scalar(
        select(VendorOrder.id)
        .where(VendorOrder.order_id.in_(ids), VendorOrder.status.in_(_OPEN_PARCELS))
        .limit(1)
    )
    open_return = db.session.scalar(
        select(ReturnRequest.id)
        .where(ReturnRequest.order_id.in_(ids), ReturnRequest.status.in_(_OPEN_RETURNS))
        .limit(1)
    )
    if parcel is not None or open_return is not None:
        raise AccountDeletionRefused("account.orders_open")


def _scrub_audit(matches, before=None) -> int:
    stmt = select(AuditEvent).where(AuditEvent.action.in_(AUDIT_WITH_EMAIL))
    if before is not None:
        stmt = stmt.where(AuditEvent.created_at < before)
    scrubbed = 0
    for event in db.session.scalars(stmt.execution_options(yield_per=500)):
        data = dict(event.data or {})
        if data.get("email") and data["email"] != ERASED and matches(event):
            data["email"] = ERASED
            event.data = data
            scrubbed += 1
    db.session.flush()
    return scrubbed


# -- retention ------------------------------------------------------------------------------


def purge() -> dict[str, int]:
    """Forget what is past its retention period. Safe to run again at any time (cron): what
    was purged is not counted twice. Returns what was removed, by kind."""
    config = current_app.config
    now = clock.now()

    def days(setting: str):
        return now - timedelta(days=config[setting])

    removed = {"sign_in_attempts": sign_ins.purge(days("SIGN_IN_RETENTION_DAYS"))}
    old_imports = CatalogImport.created_at < days("IMPORT_RETENTION_DAYS")
    removed["import_previews"] = (
        db.session.execute(
            delete(CatalogImport).where(old_imports, CatalogImport.status == "previewed")
        ).rowcount
        or 0
    )
    removed["import_files"] = (
        db.session.execute(
            update(CatalogImport)
            .where(old_imports, CatalogImport.content != b"")
            .values(content=b"")
        ).rowcount
        or 0
    )
    removed["audit_emails"] = _scrub_audit(
        lambda event: True, before=days("AUDIT_EMAIL_RETENTION_DAYS")
    )
    removed["delivered_mail"] = (
        db.session.execute(
            delete(OutboxMessage).where(
                OutboxMessage.status.in_((OutboxStatus.SENT.value, OutboxStatus.FAILED.value)),
                OutboxMessage.created_at < days("OUTBOX_RETENTION_DAYS"),
            )
        ).rowcount
        or 0
    )
    db.session.flush()
    return removed


def purge_media_files(root: str | os.PathLike) -> int:
    """Remove stored photo files that no product photo, return photo or zone banner names any
    more (older than ORPHAN_MEDIA_AGE). The files, not the database: run after the purge's
    commit."""
    base = Path(root)
    if not (base / "p").is_dir():
        return 0
    live = set(db.session.scalars(select(ProductImage.key)))
    live |= set(db.session.scalars(select(ReturnPhoto.key)))
    live |= set(db.session.scalars(select(Zone.banner_key).where(Zone.banner_key.is_not(None))))
    cutoff = time.time() - ORPHAN_MEDIA_AGE.total_seconds()
    removed = 0
    for path in (base / "p").rglob("*.webp"):
        key = path.relative_to(base).as_posix().rsplit("-", 1)[0]
        if key not in live and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
