"""The operators' zone console: a banner photo per zone, daily counts of what shoppers did with
each zone (views, product views from the zone, adds to cart; counted in memory or Redis and
added here in batches, never written on a page view), and an index on the zone of order lines
for the orders and revenue per zone.

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-02 09:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("zones", schema=None) as batch_op:
        batch_op.add_column(sa.Column("banner_key", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("banner_width", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("banner_height", sa.Integer(), nullable=True))

    op.create_table(
        "zone_daily_stats",
        sa.Column("zone_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("views", sa.Integer(), nullable=False),
        sa.Column("product_views", sa.Integer(), nullable=False),
        sa.Column("add_to_carts", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "views >= 0 AND product_views >= 0 AND add_to_carts >= 0",
            name=op.f("ck_zone_daily_stats_counts"),
        ),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.id"],
            name=op.f("fk_zone_daily_stats_zone_id_zones"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("zone_id", "day", name=op.f("pk_zone_daily_stats")),
    )

    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_lines_zone_id"), ["zone_id"], unique=False)


def downgrade():
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_lines_zone_id"))
    op.drop_table("zone_daily_stats")
    with op.batch_alter_table("zones", schema=None) as batch_op:
        batch_op.drop_column("banner_height")
        batch_op.drop_column("banner_width")
        batch_op.drop_column("banner_key")
