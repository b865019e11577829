"""Thresholds that weigh the whole order: since May 2025 the Philippines adds up same-day
shipments to one consignee before applying its ₱10,000 de minimis
(../shared/notes/duty-rates.md), and a shopper's parcels from several shops are sent within
the same day or two, so the store counts them together (it pays customs whatever they charge,
and must not collect less). Philippine rules with a threshold get the flag; every other rule
keeps weighing its own parcel.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 13:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

tax_rules = sa.table(
    "tax_rules",
    sa.column("market_code", sa.String),
    sa.column("applies", sa.String),
    sa.column("threshold_per_order", sa.Boolean),
)


def upgrade():
    with op.batch_alter_table("tax_rules", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "threshold_per_order", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )
    op.execute(
        tax_rules.update()
        .where(tax_rules.c.market_code == "PH", tax_rules.c.applies != "always")
        .values(threshold_per_order=True)
    )


def downgrade():
    with op.batch_alter_table("tax_rules", schema=None) as batch_op:
        batch_op.drop_column("threshold_per_order")
