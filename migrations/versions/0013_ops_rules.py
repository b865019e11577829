"""Operators keep the rules: store settings (typed key/value rows, replacing the
HOLD_NEW_LISTINGS environment flag), version stamps per area of cached data so every app
process empties its caches within a second of an operator's change, a "rejected" listing state
with the operator's note, and per-vendor commission that may follow the store's default.

Vendors on the old default (15%) follow the store default from now on (commission_bp NULL);
a vendor with another rate keeps it as its own. The hold-new-listings setting starts from
HOLD_NEW_LISTINGS as the environment says during the upgrade (off when unset).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 10:00:00.000000

"""

import os
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

STATUSES_BEFORE = "'draft', 'pending_review', 'active', 'unlisted', 'removed', 'archived'"
STATUSES_AFTER = (
    "'draft', 'pending_review', 'rejected', 'active', 'unlisted', 'removed', 'archived'"
)
OLD_DEFAULT_COMMISSION_BP = 1500

settings_table = sa.table(
    "store_settings",
    sa.column("key", sa.String),
    sa.column("value", sa.JSON),
    sa.column("updated_at", sa.DateTime),
)
vendors_table = sa.table("vendors", sa.column("commission_bp", sa.Integer))
versions_table = sa.table(
    "cache_versions",
    sa.column("area", sa.String),
    sa.column("version", sa.BigInteger),
    sa.column("updated_at", sa.DateTime),
)


def upgrade():
    op.create_table(
        "store_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_store_settings_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_store_settings")),
    )
    op.create_table(
        "cache_versions",
        sa.Column("area", sa.String(length=32), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("area", name=op.f("pk_cache_versions")),
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    hold = os.environ.get("HOLD_NEW_LISTINGS", "0") == "1"
    op.bulk_insert(
        settings_table,
        [
            {"key": "hold_new_listings", "value": hold, "updated_at": now},
            {"key": "default_commission_bp", "value": OLD_DEFAULT_COMMISSION_BP, "updated_at": now},
        ],
    )
    op.bulk_insert(
        versions_table,
        [
            {"area": "reference", "version": 1, "updated_at": now},
            {"area": "catalog", "version": 1, "updated_at": now},
        ],
    )

    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.add_column(sa.Column("review_note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("reviewed_at", sa.DateTime(), nullable=True))
        batch_op.drop_constraint(op.f("ck_products_status"), type_="check")
        batch_op.create_check_constraint("status", f"status IN ({STATUSES_AFTER})")

    with op.batch_alter_table("vendors", schema=None) as batch_op:
        batch_op.alter_column("commission_bp", existing_type=sa.Integer(), nullable=True)
        batch_op.create_check_constraint(
            "commission_range", "commission_bp IS NULL OR commission_bp BETWEEN 0 AND 10000"
        )
    op.execute(
        vendors_table.update()
        .where(vendors_table.c.commission_bp == OLD_DEFAULT_COMMISSION_BP)
        .values(commission_bp=None)
    )


def downgrade():
    op.execute(
        vendors_table.update()
        .where(vendors_table.c.commission_bp.is_(None))
        .values(commission_bp=OLD_DEFAULT_COMMISSION_BP)
    )
    with op.batch_alter_table("vendors", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_vendors_commission_range"), type_="check")
        batch_op.alter_column("commission_bp", existing_type=sa.Integer(), nullable=False)

    op.execute("UPDATE products SET status = 'unlisted' WHERE status = 'rejected'")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_products_status"), type_="check")
        batch_op.create_check_constraint("status", f"status IN ({STATUSES_BEFORE})")
        batch_op.drop_column("reviewed_at")
        batch_op.drop_column("review_note")

    op.drop_table("cache_versions")
    op.drop_table("store_settings")
