"""A checkout form's one-time key on the order it placed: the same form sent twice (a
double click, a second tab, the Back button) opens the order placed the first time instead
of placing another one. Unique, so two sends at the same moment cannot both place one.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 12:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("checkout_key", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_orders_checkout_key"), ["checkout_key"])


def downgrade():
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_orders_checkout_key"), type_="unique")
        batch_op.drop_column("checkout_key")
