"""Initial schema: accounts, vendors, catalog, markets and money, tax rules, zones, audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 08:14:41.143488

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_categories")),
        sa.UniqueConstraint("slug", name=op.f("uq_categories_slug")),
    )
    op.create_table(
        "currencies",
        sa.Column("code", sa.String(length=3), nullable=False),
        sa.Column("minor_unit", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_currencies")),
    )
    op.create_table(
        "halal_bodies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("recognised_by_jakim", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_halal_bodies")),
        sa.UniqueConstraint("code", name=op.f("uq_halal_bodies_code")),
    )
    op.create_table(
        "vendors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("name_en", sa.String(length=160), nullable=False),
        sa.Column("name_zh_hant", sa.String(length=160), nullable=False),
        sa.Column("ubn", sa.String(length=8), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("contact_name", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("city_en", sa.String(length=80), nullable=False),
        sa.Column("city_zh_hant", sa.String(length=80), nullable=False),
        sa.Column("commission_bp", sa.Integer(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('pending', 'approved', 'rejected', 'suspended')",
            name=op.f("ck_vendors_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendors")),
        sa.UniqueConstraint("slug", name=op.f("uq_vendors_slug")),
        sa.UniqueConstraint("ubn", name=op.f("uq_vendors_ubn")),
    )
    with op.batch_alter_table("vendors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vendors_status"), ["status"], unique=False)

    op.create_table(
        "zones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("is_flagship", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=True),
        sa.Column("accent", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "accent IN ('red', 'jade', 'gold', 'indigo', 'plum')", name=op.f("ck_zones_accent")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zones")),
        sa.UniqueConstraint("slug", name=op.f("uq_zones_slug")),
    )
    op.create_table(
        "category_translations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "locale IN ('en', 'zh_Hant', 'th', 'ms')", name=op.f("ck_category_translations_locale")
        ),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["categories.id"],
            name=op.f("fk_category_translations_category_id_categories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_category_translations")),
        sa.UniqueConstraint(
            "category_id", "locale", name=op.f("uq_category_translations_category_id_locale")
        ),
    )
    op.create_table(
        "markets",
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.Column("currency_code", sa.String(length=3), nullable=False),
        sa.Column("default_language", sa.String(length=8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("extra_kg_fee_minor", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["currency_code"], ["currencies.code"], name=op.f("fk_markets_currency_code_currencies")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_markets")),
    )
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("handle", sa.String(length=64), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("hs_code", sa.String(length=10), nullable=True),
        sa.Column("origin", sa.String(length=2), nullable=False),
        sa.Column("halal_body", sa.String(length=64), nullable=True),
        sa.Column("halal_cert_no", sa.String(length=64), nullable=True),
        sa.Column("halal_expires", sa.Date(), nullable=True),
        sa.Column("exemption", sa.String(length=16), nullable=True),
        sa.Column("min_price_twd", sa.Integer(), nullable=False),
        sa.Column("in_stock", sa.Boolean(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "exemption IN ('perishable', 'hygiene_sealed', 'custom_made')",
            name=op.f("ck_products_exemption"),
        ),
        sa.CheckConstraint(
            "status IN ('draft', 'pending_review', 'active', 'unlisted', 'removed')",
            name=op.f("ck_products_status"),
        ),
        sa.CheckConstraint("min_price_twd > 0", name=op.f("ck_products_min_price_positive")),
        sa.ForeignKeyConstraint(
            ["category_id"], ["categories.id"], name=op.f("fk_products_category_id_categories")
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["vendors.id"],
            name=op.f("fk_products_vendor_id_vendors"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.UniqueConstraint("vendor_id", "handle", name=op.f("uq_products_vendor_id_handle")),
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index(
            "ix_products_category_newest",
            ["category_id", "status", "published_at", "id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_products_category_price",
            ["category_id", "status", "min_price_twd", "id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_products_vendor_newest", ["vendor_id", "status", "published_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_products_vendor_price", ["vendor_id", "status", "min_price_twd", "id"], unique=False
        )

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=True),
        sa.Column("is_vendor_owner", sa.Boolean(), nullable=False),
        sa.Column("preferred_language", sa.String(length=8), nullable=True),
        sa.Column("is_active_account", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_sign_in_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("role IN ('shopper', 'vendor', 'operator')", name=op.f("ck_users_role")),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["vendors.id"],
            name=op.f("fk_users_vendor_id_vendors"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_vendor_id"), ["vendor_id"], unique=False)

    op.create_table(
        "vendor_translations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("tagline", sa.String(length=200), nullable=False),
        sa.Column("story", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "locale IN ('en', 'zh_Hant', 'th', 'ms')", name=op.f("ck_vendor_translations_locale")
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["vendors.id"],
            name=op.f("fk_vendor_translations_vendor_id_vendors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendor_translations")),
        sa.UniqueConstraint(
            "vendor_id", "locale", name=op.f("uq_vendor_translations_vendor_id_locale")
        ),
    )
    op.create_table(
        "zone_translations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("zone_id", sa.Integer(), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("blurb", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "locale IN ('en', 'zh_Hant', 'th', 'ms')", name=op.f("ck_zone_translations_locale")
        ),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.id"],
            name=op.f("fk_zone_translations_zone_id_zones"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zone_translations")),
        sa.UniqueConstraint("zone_id", "locale", name=op.f("uq_zone_translations_zone_id_locale")),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("target_type", sa.String(length=32), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["users.id"], name=op.f("fk_audit_events_actor_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_events_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index("ix_audit_events_target", ["target_type", "target_id"], unique=False)

    op.create_table(
        "category_duty_rates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("market_code", sa.String(length=2), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("rate", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("rate >= 0", name=op.f("ck_category_duty_rates_rate_not_negative")),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["categories.id"],
            name=op.f("fk_category_duty_rates_category_id_categories"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["market_code"],
            ["markets.code"],
            name=op.f("fk_category_duty_rates_market_code_markets"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_category_duty_rates")),
        sa.UniqueConstraint(
            "market_code",
            "category_id",
            name=op.f("uq_category_duty_rates_market_code_category_id"),
        ),
    )
    op.create_table(
        "exchange_rates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("currency_code", sa.String(length=3), nullable=False),
        sa.Column("rate", sa.BigInteger(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("rate > 0", name=op.f("ck_exchange_rates_rate_positive")),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_exchange_rates_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["currency_code"],
            ["currencies.code"],
            name=op.f("fk_exchange_rates_currency_code_currencies"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_rates")),
        sa.UniqueConstraint(
            "currency_code", "as_of", name=op.f("uq_exchange_rates_currency_code_as_of")
        ),
    )
    op.create_table(
        "product_images",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_images_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_images")),
    )
    with op.batch_alter_table("product_images", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_product_images_product_id"), ["product_id"], unique=False
        )

    op.create_table(
        "product_translations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "locale IN ('en', 'zh_Hant', 'th', 'ms')", name=op.f("ck_product_translations_locale")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_translations_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_translations")),
        sa.UniqueConstraint(
            "product_id", "locale", name=op.f("uq_product_translations_product_id_locale")
        ),
    )
    op.create_table(
        "shipping_rates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("market_code", sa.String(length=2), nullable=False),
        sa.Column("up_to_g", sa.Integer(), nullable=False),
        sa.Column("fee_minor", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("fee_minor >= 0", name=op.f("ck_shipping_rates_fee_not_negative")),
        sa.CheckConstraint("up_to_g > 0", name=op.f("ck_shipping_rates_up_to_g_positive")),
        sa.ForeignKeyConstraint(
            ["market_code"],
            ["markets.code"],
            name=op.f("fk_shipping_rates_market_code_markets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipping_rates")),
        sa.UniqueConstraint(
            "market_code", "up_to_g", name=op.f("uq_shipping_rates_market_code_up_to_g")
        ),
    )
    op.create_table(
        "tax_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("market_code", sa.String(length=2), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("label", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("rate", sa.BigInteger(), nullable=False),
        sa.Column("applies", sa.String(length=16), nullable=False),
        sa.Column("threshold_minor", sa.BigInteger(), nullable=True),
        sa.Column("shipping_in_base", sa.Boolean(), nullable=False),
        sa.Column("prior_in_base", sa.Boolean(), nullable=False),
        sa.Column("uses_category_rate", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "applies = 'always' OR threshold_minor IS NOT NULL",
            name=op.f("ck_tax_rules_threshold_given"),
        ),
        sa.CheckConstraint(
            "applies IN ('always', 'at_or_under', 'over')", name=op.f("ck_tax_rules_applies")
        ),
        sa.CheckConstraint("kind IN ('duty', 'tax', 'included')", name=op.f("ck_tax_rules_kind")),
        sa.CheckConstraint("rate >= 0", name=op.f("ck_tax_rules_rate_not_negative")),
        sa.CheckConstraint(
            "valid_to IS NULL OR valid_to >= valid_from", name=op.f("ck_tax_rules_valid_range")
        ),
        sa.ForeignKeyConstraint(
            ["market_code"], ["markets.code"], name=op.f("fk_tax_rules_market_code_markets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tax_rules")),
    )
    with op.batch_alter_table("tax_rules", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tax_rules_market_code"), ["market_code"], unique=False)

    op.create_table(
        "variants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("price_twd", sa.Integer(), nullable=False),
        sa.Column("stock", sa.Integer(), nullable=False),
        sa.Column("weight_g", sa.Integer(), nullable=False),
        sa.CheckConstraint("price_twd > 0", name=op.f("ck_variants_price_positive")),
        sa.CheckConstraint("stock >= 0", name=op.f("ck_variants_stock_not_negative")),
        sa.CheckConstraint("weight_g > 0", name=op.f("ck_variants_weight_positive")),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_variants_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"], ["vendors.id"], name=op.f("fk_variants_vendor_id_vendors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_variants")),
        sa.UniqueConstraint("vendor_id", "sku", name=op.f("uq_variants_vendor_id_sku")),
    )
    with op.batch_alter_table("variants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_variants_product_id"), ["product_id"], unique=False)

    op.create_table(
        "zone_markets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("zone_id", sa.Integer(), nullable=False),
        sa.Column("market_code", sa.String(length=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["market_code"], ["markets.code"], name=op.f("fk_zone_markets_market_code_markets")
        ),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.id"],
            name=op.f("fk_zone_markets_zone_id_zones"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zone_markets")),
        sa.UniqueConstraint(
            "zone_id", "market_code", name=op.f("uq_zone_markets_zone_id_market_code")
        ),
    )
    with op.batch_alter_table("zone_markets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_zone_markets_market_code"), ["market_code"], unique=False
        )

    op.create_table(
        "zone_products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("zone_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_zone_products_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zones.id"],
            name=op.f("fk_zone_products_zone_id_zones"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zone_products")),
        sa.UniqueConstraint(
            "zone_id", "product_id", name=op.f("uq_zone_products_zone_id_product_id")
        ),
    )
    with op.batch_alter_table("zone_products", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_zone_products_product_id"), ["product_id"], unique=False
        )

    op.create_table(
        "product_image_translations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("image_id", sa.Integer(), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("alt", sa.String(length=250), nullable=False),
        sa.CheckConstraint(
            "locale IN ('en', 'zh_Hant', 'th', 'ms')",
            name=op.f("ck_product_image_translations_locale"),
        ),
        sa.ForeignKeyConstraint(
            ["image_id"],
            ["product_images.id"],
            name=op.f("fk_product_image_translations_image_id_product_images"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_image_translations")),
        sa.UniqueConstraint(
            "image_id", "locale", name=op.f("uq_product_image_translations_image_id_locale")
        ),
    )
    op.create_table(
        "variant_translations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("variant_id", sa.Integer(), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.CheckConstraint(
            "locale IN ('en', 'zh_Hant', 'th', 'ms')", name=op.f("ck_variant_translations_locale")
        ),
        sa.ForeignKeyConstraint(
            ["variant_id"],
            ["variants.id"],
            name=op.f("fk_variant_translations_variant_id_variants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_variant_translations")),
        sa.UniqueConstraint(
            "variant_id", "locale", name=op.f("uq_variant_translations_variant_id_locale")
        ),
    )

    # vendors.decided_by_id and users.vendor_id refer to each other: the second link is added
    # once both tables exist (batch mode, so SQLite can take it too).
    with op.batch_alter_table("vendors", schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f("fk_vendors_decided_by_id_users"), "users", ["decided_by_id"], ["id"]
        )


def downgrade():
    with op.batch_alter_table("vendors", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_vendors_decided_by_id_users"), type_="foreignkey")
    op.drop_table("variant_translations")
    op.drop_table("product_image_translations")
    with op.batch_alter_table("zone_products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_zone_products_product_id"))

    op.drop_table("zone_products")
    with op.batch_alter_table("zone_markets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_zone_markets_market_code"))

    op.drop_table("zone_markets")
    with op.batch_alter_table("variants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_variants_product_id"))

    op.drop_table("variants")
    with op.batch_alter_table("tax_rules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tax_rules_market_code"))

    op.drop_table("tax_rules")
    op.drop_table("shipping_rates")
    op.drop_table("product_translations")
    with op.batch_alter_table("product_images", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_images_product_id"))

    op.drop_table("product_images")
    op.drop_table("exchange_rates")
    op.drop_table("category_duty_rates")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_target")
        batch_op.drop_index(batch_op.f("ix_audit_events_created_at"))
        batch_op.drop_index(batch_op.f("ix_audit_events_actor_id"))

    op.drop_table("audit_events")
    op.drop_table("zone_translations")
    op.drop_table("vendor_translations")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_vendor_id"))

    op.drop_table("users")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_index("ix_products_vendor_price")
        batch_op.drop_index("ix_products_vendor_newest")
        batch_op.drop_index("ix_products_category_price")
        batch_op.drop_index("ix_products_category_newest")

    op.drop_table("products")
    op.drop_table("markets")
    op.drop_table("category_translations")
    op.drop_table("zones")
    with op.batch_alter_table("vendors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vendors_status"))

    op.drop_table("vendors")
    op.drop_table("halal_bodies")
    op.drop_table("currencies")
    op.drop_table("categories")
