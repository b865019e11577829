"""Search index versions: each row of search_documents records the index version that wrote
it, and search_removals the products taken out, so every app process keeps an in-memory copy
of the ranking rows and catches up by reading only what changed (services.search.memory).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-08 10:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "search_documents",
        sa.Column("seq", sa.BigInteger(), nullable=False, server_default="0"),
    )
    op.create_index("ix_search_documents_seq", "search_documents", ["seq"], unique=False)
    op.create_table(
        "search_removals",
        sa.Column("product_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_search_removals")),
    )
    op.create_index("ix_search_removals_seq", "search_removals", ["seq"], unique=False)


def downgrade():
    op.drop_index("ix_search_removals_seq", table_name="search_removals")
    op.drop_table("search_removals")
    op.drop_index("ix_search_documents_seq", table_name="search_documents")
    with op.batch_alter_table("search_documents") as batch_op:
        batch_op.drop_column("seq")
