"""Search: search_documents (ranking and facets), search_texts (text to match), and each
engine's indexes on the text.

SQLite: two external-content FTS5 tables over search_texts kept in step by triggers, `search_fts` (trigram
tokenizer, case-insensitive: substring search for queries of three characters or more) and
`search_fts_short` (per-character tokens for one- and two-character Chinese and Thai
queries), plus `search_fts_words` over the typo vocabulary.
PostgreSQL: pg_trgm GIN indexes for LIKE '%...%' and typo similarity, and a full-text GIN
index over the per-character tokens.

The documents are written by the application (`flask search reindex` fills an existing
catalog; every write path keeps them current).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 08:43:03.758373

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SQLITE_UP = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        doc, content='search_texts', content_rowid='product_id',
        tokenize='trigram case_sensitive 0')""",
    """CREATE VIRTUAL TABLE search_fts_short USING fts5(
        short, content='search_texts', content_rowid='product_id',
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE VIRTUAL TABLE search_fts_words USING fts5(
        word, content='search_words', content_rowid='id',
        tokenize='trigram case_sensitive 0')""",
    """CREATE TRIGGER search_texts_ai AFTER INSERT ON search_texts BEGIN
        INSERT INTO search_fts(rowid, doc) VALUES (new.product_id, new.doc);
        INSERT INTO search_fts_short(rowid, short) VALUES (new.product_id, new.short);
    END""",
    """CREATE TRIGGER search_texts_ad AFTER DELETE ON search_texts BEGIN
        INSERT INTO search_fts(search_fts, rowid, doc) VALUES ('delete', old.product_id, old.doc);
        INSERT INTO search_fts_short(search_fts_short, rowid, short)
            VALUES ('delete', old.product_id, old.short);
    END""",
    """CREATE TRIGGER search_texts_au AFTER UPDATE ON search_texts BEGIN
        INSERT INTO search_fts(search_fts, rowid, doc) VALUES ('delete', old.product_id, old.doc);
        INSERT INTO search_fts_short(search_fts_short, rowid, short)
            VALUES ('delete', old.product_id, old.short);
        INSERT INTO search_fts(rowid, doc) VALUES (new.product_id, new.doc);
        INSERT INTO search_fts_short(rowid, short) VALUES (new.product_id, new.short);
    END""",
    """CREATE TRIGGER search_words_ai AFTER INSERT ON search_words BEGIN
        INSERT INTO search_fts_words(rowid, word) VALUES (new.id, new.word);
    END""",
    """CREATE TRIGGER search_words_ad AFTER DELETE ON search_words BEGIN
        INSERT INTO search_fts_words(search_fts_words, rowid, word) VALUES ('delete', old.id, old.word);
    END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS search_words_ad",
    "DROP TRIGGER IF EXISTS search_words_ai",
    "DROP TRIGGER IF EXISTS search_texts_au",
    "DROP TRIGGER IF EXISTS search_texts_ad",
    "DROP TRIGGER IF EXISTS search_texts_ai",
    "DROP TABLE IF EXISTS search_fts_words",
    "DROP TABLE IF EXISTS search_fts_short",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_search_texts_doc_trgm ON search_texts USING gin (doc gin_trgm_ops)",
    # a stored tsvector: phrase queries re-check positions, and recomputing to_tsvector for
    # every candidate row made two-character queries ten times slower
    "ALTER TABLE search_texts ADD COLUMN short_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, short)) STORED",
    "CREATE INDEX ix_search_texts_short_fts ON search_texts USING gin (short_tsv)",
    "CREATE INDEX ix_search_words_word_trgm ON search_words USING gin (word gin_trgm_ops)",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS ix_search_words_word_trgm",
    "DROP INDEX IF EXISTS ix_search_texts_short_fts",
    "DROP INDEX IF EXISTS ix_search_texts_doc_trgm",
]


def upgrade():
    op.create_table(
        "search_words",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("word", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_words")),
        sa.UniqueConstraint("word", name=op.f("uq_search_words_word")),
    )
    op.create_table(
        "search_documents",
        sa.Column("product_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("names", sa.Text(), nullable=False),
        sa.Column("in_stock", sa.Boolean(), nullable=False),
        sa.Column("min_price_twd", sa.Integer(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.Column("halal_body", sa.String(length=64), nullable=True),
        sa.Column("halal_expires", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["categories.id"],
            name=op.f("fk_search_documents_category_id_categories"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_search_documents_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["vendors.id"],
            name=op.f("fk_search_documents_vendor_id_vendors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_search_documents")),
    )
    with op.batch_alter_table("search_documents", schema=None) as batch_op:
        batch_op.create_index(
            "ix_search_documents_category", ["category_id", "in_stock"], unique=False
        )
        batch_op.create_index("ix_search_documents_vendor", ["vendor_id"], unique=False)
    op.create_table(
        "search_texts",
        sa.Column("product_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.Column("short", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["search_documents.product_id"],
            name=op.f("fk_search_texts_product_id_search_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_search_texts")),
    )

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_UP:
            op.execute(statement)
    elif dialect == "postgresql":
        for statement in POSTGRES_UP:
            op.execute(statement)


def downgrade():
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_DOWN:
            op.execute(statement)
    elif dialect == "postgresql":
        for statement in POSTGRES_DOWN:
            op.execute(statement)
    with op.batch_alter_table("search_documents", schema=None) as batch_op:
        batch_op.drop_index("ix_search_documents_vendor")
        batch_op.drop_index("ix_search_documents_category")

    op.drop_table("search_texts")
    op.drop_table("search_documents")
    op.drop_table("search_words")
