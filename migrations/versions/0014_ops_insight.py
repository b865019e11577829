"""Operators' insight (issue 12): the dashboard's daily roll-up of paid orders (sales_days,
sales_day_markets, sales_day_keys), and indexes for the dashboard's orders of a period, the
audit log browsed by person or kind, and the latest Stripe webhooks.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 12:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "sales_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("rolled_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_sales_days")),
    )
    op.create_table(
        "sales_day_markets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("market_code", sa.String(length=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("fx_rate", sa.BigInteger(), nullable=False),
        sa.Column("orders", sa.Integer(), nullable=False),
        sa.Column("goods_minor", sa.BigInteger(), nullable=False),
        sa.Column("gmv_twd_micro", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_day_markets")),
    )
    with op.batch_alter_table("sales_day_markets", schema=None) as batch_op:
        batch_op.create_index("ix_sales_day_markets_day", ["day"], unique=False)
    op.create_table(
        "sales_day_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("dimension", sa.String(length=16), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=False),
        sa.Column("orders", sa.Integer(), nullable=False),
        sa.Column("gmv_twd_micro", sa.BigInteger(), nullable=False),
        sa.CheckConstraint(
            "dimension IN ('vendor', 'category', 'zone')",
            name=op.f("ck_sales_day_keys_dimension"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_day_keys")),
    )
    with op.batch_alter_table("sales_day_keys", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sales_day_keys_dimension_day", ["dimension", "day", "key_id"], unique=False
        )

    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index("ix_orders_status_paid", ["status", "paid_at"], unique=False)
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_audit_events_actor_created", ["actor_id", "created_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_audit_events_action_created", ["action", "created_at", "id"], unique=False
        )
    with op.batch_alter_table("stripe_events", schema=None) as batch_op:
        batch_op.create_index("ix_stripe_events_received_at", ["received_at"], unique=False)


def downgrade():
    with op.batch_alter_table("stripe_events", schema=None) as batch_op:
        batch_op.drop_index("ix_stripe_events_received_at")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_action_created")
        batch_op.drop_index("ix_audit_events_actor_created")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_status_paid")
    with op.batch_alter_table("sales_day_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_sales_day_keys_dimension_day")
    op.drop_table("sales_day_keys")
    with op.batch_alter_table("sales_day_markets", schema=None) as batch_op:
        batch_op.drop_index("ix_sales_day_markets_day")
    op.drop_table("sales_day_markets")
    op.drop_table("sales_days")
