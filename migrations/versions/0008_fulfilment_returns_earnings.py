"""After payment: fulfilment fields on vendor orders (carrier, tracking, when accepted,
shipped, delivered, completed, why cancelled), the commission, exchange rate and earning frozen
on each order line, returns (lines, photos), the vendors' ledger in TWD and payouts.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 19:03:14.511281

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "payouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("amount_twd", sa.Integer(), nullable=False),
        sa.Column("bank_reference", sa.String(length=64), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("amount_twd > 0", name=op.f("ck_payouts_amount_positive")),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["users.id"],
            name=op.f("fk_payouts_recorded_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"], ["vendors.id"], name=op.f("fk_payouts_vendor_id_vendors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payouts")),
    )
    with op.batch_alter_table("payouts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payouts_vendor_id"), ["vendor_id"], unique=False)

    op.create_table(
        "return_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("vendor_order_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("refund_minor", sa.BigInteger(), nullable=False),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("refunded_at", sa.DateTime(), nullable=True),
        sa.Column("refund_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('requested', 'approved', 'rejected', 'received', 'refunded')",
            name=op.f("ck_return_requests_status"),
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["users.id"],
            name=op.f("fk_return_requests_decided_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_return_requests_order_id_orders"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["refund_id"],
            ["refunds.id"],
            name=op.f("fk_return_requests_refund_id_refunds"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["vendor_order_id"],
            ["vendor_orders.id"],
            name=op.f("fk_return_requests_vendor_order_id_vendor_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_requests")),
    )
    with op.batch_alter_table("return_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_return_requests_order_id"), ["order_id"], unique=False)
        batch_op.create_index("ix_return_requests_status", ["status", "requested_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_return_requests_vendor_order_id"), ["vendor_order_id"], unique=False
        )

    op.create_table(
        "return_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("goods_minor", sa.BigInteger(), nullable=False),
        sa.Column("tax_minor", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_return_lines_quantity_positive")),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["order_lines.id"],
            name=op.f("fk_return_lines_order_line_id_order_lines"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["return_id"],
            ["return_requests.id"],
            name=op.f("fk_return_lines_return_id_return_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_lines")),
    )
    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_return_lines_return_id"), ["return_id"], unique=False)

    op.create_table(
        "return_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["return_id"],
            ["return_requests.id"],
            name=op.f("fk_return_photos_return_id_return_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_photos")),
    )
    with op.batch_alter_table("return_photos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_return_photos_return_id"), ["return_id"], unique=False)

    op.create_table(
        "vendor_ledger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("amount_twd", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=True),
        sa.Column("vendor_order_id", sa.Integer(), nullable=True),
        sa.Column("return_id", sa.Integer(), nullable=True),
        sa.Column("payout_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(kind = 'earning' AND amount_twd >= 0) OR (kind <> 'earning' AND amount_twd <= 0)",
            name=op.f("ck_vendor_ledger_sign"),
        ),
        sa.CheckConstraint(
            "kind IN ('earning', 'reversal', 'payout')", name=op.f("ck_vendor_ledger_kind")
        ),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["order_lines.id"],
            name=op.f("fk_vendor_ledger_order_line_id_order_lines"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["payout_id"], ["payouts.id"], name=op.f("fk_vendor_ledger_payout_id_payouts")
        ),
        sa.ForeignKeyConstraint(
            ["return_id"],
            ["return_requests.id"],
            name=op.f("fk_vendor_ledger_return_id_return_requests"),
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"], ["vendors.id"], name=op.f("fk_vendor_ledger_vendor_id_vendors")
        ),
        sa.ForeignKeyConstraint(
            ["vendor_order_id"],
            ["vendor_orders.id"],
            name=op.f("fk_vendor_ledger_vendor_order_id_vendor_orders"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendor_ledger")),
    )
    with op.batch_alter_table("vendor_ledger", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vendor_ledger_order_line_id"), ["order_line_id"], unique=False
        )
        batch_op.create_index("ix_vendor_ledger_vendor", ["vendor_id", "id"], unique=False)

    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("commission_bp", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("fx_rate", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("earning_twd", sa.Integer(), nullable=True))

    with op.batch_alter_table("vendor_orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("carrier", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("tracking_number", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("accepted_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("shipped_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("delivered_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("completed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("cancel_reason", sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table("vendor_orders", schema=None) as batch_op:
        batch_op.drop_column("cancel_reason")
        batch_op.drop_column("completed_at")
        batch_op.drop_column("delivered_at")
        batch_op.drop_column("shipped_at")
        batch_op.drop_column("accepted_at")
        batch_op.drop_column("tracking_number")
        batch_op.drop_column("carrier")

    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_column("earning_twd")
        batch_op.drop_column("fx_rate")
        batch_op.drop_column("commission_bp")

    with op.batch_alter_table("vendor_ledger", schema=None) as batch_op:
        batch_op.drop_index("ix_vendor_ledger_vendor")
        batch_op.drop_index(batch_op.f("ix_vendor_ledger_order_line_id"))

    op.drop_table("vendor_ledger")
    with op.batch_alter_table("return_photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_return_photos_return_id"))

    op.drop_table("return_photos")
    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_return_lines_return_id"))

    op.drop_table("return_lines")
    with op.batch_alter_table("return_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_return_requests_vendor_order_id"))
        batch_op.drop_index("ix_return_requests_status")
        batch_op.drop_index(batch_op.f("ix_return_requests_order_id"))

    op.drop_table("return_requests")
    with op.batch_alter_table("payouts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payouts_vendor_id"))

    op.drop_table("payouts")
