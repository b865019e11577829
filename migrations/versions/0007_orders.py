"""Selling: carts, saved addresses, orders split into vendor orders with snapshot lines and
tax lines, the payment and refund ledger, Stripe events; shipping rates become "first kg +
each further kg" in TWD per market.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 21:00:00

"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

#: base data: one vendor parcel from Taiwan, first kilogram and each further one (TWD), close
#: to what the weight bands of 0002 charged for a typical parcel
SHIPPING = {
    "TH": (250, 160),
    "MY": (270, 160),
    "SG": (310, 170),
    "PH": (330, 190),
    "TW": (100, 30),
}


def _money(name, nullable=False):
    return sa.Column(name, sa.BigInteger(), nullable=nullable)


def _fk(column, target, ondelete=None, table=None):
    return sa.ForeignKeyConstraint(
        [column],
        [target],
        name=op.f(f"fk_{table}_{column}_{target.split('.')[0]}"),
        ondelete=ondelete,
    )


def upgrade():
    # -- shipping: first kg + each further kg, in TWD ----------------------------------------
    op.drop_table("shipping_rates")
    with op.batch_alter_table("markets") as batch_op:
        batch_op.drop_column("extra_kg_fee_minor")
    shipping = op.create_table(
        "shipping_rates",
        sa.Column("market_code", sa.String(length=2), nullable=False),
        sa.Column("first_kg_twd", sa.Integer(), nullable=False),
        sa.Column("extra_kg_twd", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("first_kg_twd > 0", name=op.f("ck_shipping_rates_first_kg_positive")),
        sa.CheckConstraint(
            "extra_kg_twd >= 0", name=op.f("ck_shipping_rates_extra_kg_not_negative")
        ),
        _fk("market_code", "markets.code", "CASCADE", "shipping_rates"),
        sa.PrimaryKeyConstraint("market_code", name=op.f("pk_shipping_rates")),
    )
    markets = {row[0] for row in op.get_bind().execute(sa.text("SELECT code FROM markets"))}
    op.bulk_insert(
        shipping,
        [
            {
                "market_code": code,
                "first_kg_twd": first,
                "extra_kg_twd": extra,
                "updated_at": datetime.now(UTC).replace(tzinfo=None),
            }
            for code, (first, extra) in SHIPPING.items()
            if code in markets
        ],
    )

    # -- carts and addresses -------------------------------------------------------------------
    op.create_table(
        "cart_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("variant_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("zone_id", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_cart_lines_quantity_positive")),
        _fk("user_id", "users.id", "CASCADE", "cart_lines"),
        _fk("variant_id", "variants.id", "CASCADE", "cart_lines"),
        _fk("zone_id", "zones.id", "SET NULL", "cart_lines"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cart_lines")),
        sa.UniqueConstraint("user_id", "variant_id", name=op.f("uq_cart_lines_user_id_variant_id")),
    )
    op.create_index(op.f("ix_cart_lines_user_id"), "cart_lines", ["user_id"])
    op.create_table(
        "addresses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("line1", sa.String(length=200), nullable=False),
        sa.Column("line2", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("postal_code", sa.String(length=10), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=False),
        _fk("user_id", "users.id", "CASCADE", "addresses"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_addresses")),
    )
    op.create_index(op.f("ix_addresses_user_id"), "addresses", ["user_id"])

    # -- orders ------------------------------------------------------------------------------
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("market_code", sa.String(length=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("fx_rate", sa.BigInteger(), nullable=False),
        sa.Column("fx_as_of", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        _money("goods_minor"),
        _money("shipping_minor"),
        _money("tax_minor"),
        _money("total_minor"),
        sa.Column("ship_name", sa.String(length=120), nullable=False),
        sa.Column("ship_line1", sa.String(length=200), nullable=False),
        sa.Column("ship_line2", sa.String(length=200), nullable=False),
        sa.Column("ship_city", sa.String(length=100), nullable=False),
        sa.Column("ship_region", sa.String(length=100), nullable=False),
        sa.Column("ship_postal_code", sa.String(length=10), nullable=False),
        sa.Column("ship_country", sa.String(length=2), nullable=False),
        sa.Column("ship_phone", sa.String(length=32), nullable=False),
        sa.Column("payment_intent_id", sa.String(length=64), nullable=True),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("paid_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('awaiting_payment', 'paid', 'expired', 'cancelled')",
            name=op.f("ck_orders_status"),
        ),
        sa.CheckConstraint(
            "total_minor = goods_minor + shipping_minor + tax_minor",
            name=op.f("ck_orders_total_adds_up"),
        ),
        sa.CheckConstraint(
            "goods_minor > 0 AND shipping_minor >= 0 AND tax_minor >= 0",
            name=op.f("ck_orders_sums"),
        ),
        _fk("user_id", "users.id", "SET NULL", "orders"),
        _fk("market_code", "markets.code", None, "orders"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.UniqueConstraint("ref", name=op.f("uq_orders_ref")),
        sa.UniqueConstraint("payment_intent_id", name=op.f("uq_orders_payment_intent_id")),
    )
    op.create_index(op.f("ix_orders_user_id"), "orders", ["user_id"])
    op.create_index("ix_orders_status_expires", "orders", ["status", "expires_at"])
    op.create_table(
        "vendor_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("weight_g", sa.Integer(), nullable=False),
        _money("goods_minor"),
        _money("shipping_minor"),
        _money("tax_minor"),
        _money("total_minor"),
        sa.Column("shipping_twd", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('awaiting_payment', 'paid', 'accepted', 'shipped', 'delivered', "
            "'completed', 'cancelled')",
            name=op.f("ck_vendor_orders_status"),
        ),
        sa.CheckConstraint(
            "total_minor = goods_minor + shipping_minor + tax_minor",
            name=op.f("ck_vendor_orders_total_adds_up"),
        ),
        _fk("order_id", "orders.id", "CASCADE", "vendor_orders"),
        _fk("vendor_id", "vendors.id", None, "vendor_orders"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendor_orders")),
        sa.UniqueConstraint(
            "order_id", "vendor_id", name=op.f("uq_vendor_orders_order_id_vendor_id")
        ),
    )
    op.create_index(
        "ix_vendor_orders_vendor_status", "vendor_orders", ["vendor_id", "status", "id"]
    )
    op.create_table(
        "order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("vendor_order_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("variant_id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("product_name", sa.String(length=200), nullable=False),
        sa.Column("variant_label", sa.String(length=120), nullable=False),
        sa.Column("hs_code", sa.String(length=10), nullable=True),
        sa.Column("origin", sa.String(length=2), nullable=False),
        sa.Column("exemption", sa.String(length=16), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price_twd", sa.Integer(), nullable=False),
        _money("unit_price_minor"),
        _money("goods_minor"),
        _money("tax_minor"),
        sa.Column("zone_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_order_lines_quantity_positive")),
        sa.CheckConstraint(
            "goods_minor = unit_price_minor * quantity", name=op.f("ck_order_lines_goods_adds_up")
        ),
        _fk("order_id", "orders.id", "CASCADE", "order_lines"),
        _fk("vendor_order_id", "vendor_orders.id", "CASCADE", "order_lines"),
        _fk("product_id", "products.id", "RESTRICT", "order_lines"),
        _fk("variant_id", "variants.id", "RESTRICT", "order_lines"),
        _fk("zone_id", "zones.id", "SET NULL", "order_lines"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_lines")),
    )
    for column in ("order_id", "vendor_order_id", "variant_id"):
        op.create_index(op.f(f"ix_order_lines_{column}"), "order_lines", [column])
    op.create_table(
        "order_tax_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vendor_order_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("label", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("rate", sa.BigInteger(), nullable=True),
        _money("base_minor"),
        _money("amount_minor"),
        _fk("vendor_order_id", "vendor_orders.id", "CASCADE", "order_tax_lines"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_tax_lines")),
    )
    op.create_index(
        op.f("ix_order_tax_lines_vendor_order_id"), "order_tax_lines", ["vendor_order_id"]
    )
    op.create_table(
        "order_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("vendor_order_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _fk("order_id", "orders.id", "CASCADE", "order_events"),
        _fk("vendor_order_id", "vendor_orders.id", "CASCADE", "order_events"),
        _fk("actor_id", "users.id", "SET NULL", "order_events"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_events")),
    )
    op.create_index(op.f("ix_order_events_order_id"), "order_events", ["order_id"])

    # -- payments ----------------------------------------------------------------------------
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("intent_id", sa.String(length=64), nullable=False),
        _money("amount_minor"),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("last_error", sa.String(length=64), nullable=True),
        sa.Column("succeeded_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'succeeded', 'cancelled')", name=op.f("ck_payments_status")
        ),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_payments_amount_positive")),
        _fk("order_id", "orders.id", "CASCADE", "payments"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        sa.UniqueConstraint("intent_id", name=op.f("uq_payments_intent_id")),
    )
    op.create_index(op.f("ix_payments_order_id"), "payments", ["order_id"])
    op.create_table(
        "refunds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        _money("amount_minor"),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("idempotency_key", sa.String(length=80), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("stripe_refund_id", sa.String(length=64), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('pending', 'succeeded', 'failed')", name=op.f("ck_refunds_status")
        ),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_refunds_amount_positive")),
        _fk("order_id", "orders.id", "CASCADE", "refunds"),
        _fk("payment_id", "payments.id", "CASCADE", "refunds"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refunds")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_refunds_idempotency_key")),
    )
    op.create_index(op.f("ix_refunds_order_id"), "refunds", ["order_id"])
    op.create_table(
        "stripe_events",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("outcome", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stripe_events")),
    )


def downgrade():
    for table in (
        "stripe_events",
        "refunds",
        "payments",
        "order_events",
        "order_tax_lines",
        "order_lines",
        "vendor_orders",
        "orders",
        "addresses",
        "cart_lines",
        "shipping_rates",
    ):
        op.drop_table(table)
    with op.batch_alter_table("markets") as batch_op:
        batch_op.add_column(
            sa.Column("extra_kg_fee_minor", sa.BigInteger(), nullable=False, server_default="0")
        )
    op.create_table(
        "shipping_rates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("market_code", sa.String(length=2), nullable=False),
        sa.Column("up_to_g", sa.Integer(), nullable=False),
        sa.Column("fee_minor", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipping_rates")),
    )
