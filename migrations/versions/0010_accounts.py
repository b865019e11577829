"""Accounts people can trust: a session version per user (sign-out and password changes end
every session and remember cookie), e-mail verification, TOTP for operators, deleted accounts
kept as empty rows; every sign-in attempt for operators; indexes for /media/ (a photo is served
only while a row names it) and for invitations per address.

Accounts that exist before this revision count as verified: they have been receiving their
order and vendor mail at that address, and nobody is locked out of checkout by the upgrade.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 09:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("session_version", sa.Integer(), server_default="1", nullable=False)
        )
        batch_op.add_column(sa.Column("email_verified_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("totp_secret", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("totp_last_step", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("deleted_at", sa.DateTime(), nullable=True))
    op.execute("UPDATE users SET email_verified_at = created_at")

    op.create_table(
        "sign_in_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("email_hash", sa.String(length=64), nullable=False),
        sa.Column("address", sa.String(length=45), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('signed_in', 'code_asked', 'wrong_password', 'unknown_account', "
            "'wrong_code', 'locked', 'inactive')",
            name=op.f("ck_sign_in_attempts_outcome"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_sign_in_attempts_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_attempts")),
    )
    with op.batch_alter_table("sign_in_attempts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sign_in_attempts_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_sign_in_attempts_email_hash"), ["email_hash"], unique=False
        )
        batch_op.create_index(
            "ix_sign_in_attempts_user_created", ["user_id", "created_at"], unique=False
        )

    with op.batch_alter_table("product_images", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_product_images_key"), ["key"], unique=False)
    with op.batch_alter_table("return_photos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_return_photos_key"), ["key"], unique=False)
    with op.batch_alter_table("vendor_invitations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vendor_invitations_email"), ["email"], unique=False)


def downgrade():
    with op.batch_alter_table("vendor_invitations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vendor_invitations_email"))
    with op.batch_alter_table("return_photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_return_photos_key"))
    with op.batch_alter_table("product_images", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_images_key"))
    op.drop_table("sign_in_attempts")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("deleted_at")
        batch_op.drop_column("totp_last_step")
        batch_op.drop_column("totp_secret")
        batch_op.drop_column("email_verified_at")
        batch_op.drop_column("session_version")
