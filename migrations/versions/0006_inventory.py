"""Stock has one owner: on hand and reserved units per variant, a stock ledger; archived
products; the halal market policy as data.

- variants.stock becomes on_hand (what the vendor has); variants.reserved counts units held by
  orders not yet shipped, never more than on hand. Every variant's stock so far becomes an
  opening row of the new stock_movements ledger.
- products may be archived (a product orders refer to is archived instead of deleted).
- markets.halal_recognised_only: the market accepts halal certificates only from bodies on
  the recognised list (Malaysia), instead of a code path naming MY.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 19:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

STATUSES_BEFORE = "'draft', 'pending_review', 'active', 'unlisted', 'removed'"
STATUSES_AFTER = STATUSES_BEFORE + ", 'archived'"
REASONS = "'opening', 'vendor_edit', 'import', 'reserve', 'release', 'ship', 'return_restock'"


def upgrade():
    with op.batch_alter_table("variants") as batch_op:
        batch_op.alter_column("stock", new_column_name="on_hand")
        batch_op.drop_constraint(op.f("ck_variants_stock_not_negative"), type_="check")
        batch_op.add_column(sa.Column("reserved", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("variants") as batch_op:
        batch_op.create_check_constraint("on_hand_not_negative", "on_hand >= 0")
        batch_op.create_check_constraint(
            "reserved_within_on_hand", "reserved >= 0 AND reserved <= on_hand"
        )

    op.create_table(
        "stock_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("variant_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("on_hand_delta", sa.Integer(), nullable=False),
        sa.Column("reserved_delta", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("reference", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(f"reason IN ({REASONS})", name=op.f("ck_stock_movements_reason")),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["users.id"], name=op.f("fk_stock_movements_actor_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["variant_id"],
            ["variants.id"],
            name=op.f("fk_stock_movements_variant_id_variants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_movements")),
    )
    op.create_index(
        "ix_stock_movements_variant", "stock_movements", ["variant_id", "id"], unique=False
    )
    op.execute(
        "INSERT INTO stock_movements (variant_id, reason, on_hand_delta, reserved_delta, "
        "created_at) SELECT id, 'opening', on_hand, 0, CURRENT_TIMESTAMP FROM variants "
        "WHERE on_hand <> 0"
    )

    with op.batch_alter_table("products") as batch_op:
        batch_op.drop_constraint(op.f("ck_products_status"), type_="check")
        batch_op.create_check_constraint("status", f"status IN ({STATUSES_AFTER})")

    with op.batch_alter_table("markets") as batch_op:
        batch_op.add_column(
            sa.Column(
                "halal_recognised_only", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
    op.execute("UPDATE markets SET halal_recognised_only = TRUE WHERE code = 'MY'")


def downgrade():
    with op.batch_alter_table("markets") as batch_op:
        batch_op.drop_column("halal_recognised_only")
    op.execute("UPDATE products SET status = 'unlisted' WHERE status = 'archived'")
    with op.batch_alter_table("products") as batch_op:
        batch_op.drop_constraint(op.f("ck_products_status"), type_="check")
        batch_op.create_check_constraint("status", f"status IN ({STATUSES_BEFORE})")
    op.drop_index("ix_stock_movements_variant", table_name="stock_movements")
    op.drop_table("stock_movements")
    with op.batch_alter_table("variants") as batch_op:
        batch_op.drop_constraint(op.f("ck_variants_reserved_within_on_hand"), type_="check")
        batch_op.drop_constraint(op.f("ck_variants_on_hand_not_negative"), type_="check")
        batch_op.drop_column("reserved")
        batch_op.alter_column("on_hand", new_column_name="stock")
        batch_op.create_check_constraint("stock_not_negative", "stock >= 0")
