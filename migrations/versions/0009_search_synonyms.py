"""Search by words: synonym groups (data operators edit, seeded here), and per product the
folded names, their words and head words, and the country of origin.

The words and head words (on search_texts, out of the narrow ranking rows) are keys between
spaces (" ชา อู หลง black_tea 红茶 "), looked up through an index of their own: on SQLite an
FTS5 table over search_texts whose tokens are exactly those keys (`search_fts_keys`, kept in
step by search_texts' triggers, which this revision replaces); on PostgreSQL GIN indexes on
the keys as arrays (`search_keys(words)`, string_to_array at a cost the planner respects).

The index format changes (folded text, words), so this revision empties the search index:
`flask search reindex` (run by `make run` as `--if-empty`) builds it again.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 20:10:00.000000

"""

import sqlalchemy as sa
from alembic import op

# lightweight table definitions: a data migration must not import the app's models
from migrations.vocabulary import groups_table, synonyms_table

# revision identifiers, used by Alembic.
revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

#: (group, attribute, terms): words a shopper uses for the same thing in Thai, English,
#: Malay and Chinese (Traditional; Simplified is folded to the same text when searching)
GROUPS = [
    ("tea", None, ["tea", "teh", "ชา", "茶"]),
    ("black tea", None, ["black tea", "ชาดำ", "ชาแดง", "紅茶", "teh hitam"]),
    ("green tea", None, ["green tea", "ชาเขียว", "綠茶", "teh hijau"]),
    ("oolong", None, ["oolong", "oolong tea", "อู่หลง", "ชาอู่หลง", "烏龍", "烏龍茶", "teh oolong"]),
    ("milk tea", None, ["milk tea", "ชานม", "奶茶", "teh susu"]),
    ("pastry", None, ["pastry", "pastri", "cake", "kek", "เค้ก", "พาย", "ขนมเปี๊ยะ", "酥"]),
    ("pineapple", None, ["pineapple", "สับปะรด", "鳳梨", "菠蘿", "nanas"]),
    (
        "pineapple cake",
        None,
        ["pineapple cake", "鳳梨酥", "ขนมพายสับปะรด", "เค้กสับปะรด", "ขนมเปี๊ยะสับปะรด", "kek nanas"],
    ),
    ("mooncake", None, ["mooncake", "moon cake", "月餅", "ขนมไหว้พระจันทร์", "kuih bulan"]),
    ("kuih", None, ["kuih", "kueh", "kue"]),
    ("noodles", None, ["noodles", "noodle", "mee", "mi", "麵", "บะหมี่"]),
    ("rice vermicelli", None, ["rice vermicelli", "bihun", "bee hoon", "mihun", "米粉", "เส้นหมี่"]),
    ("soy sauce", None, ["soy sauce", "kicap", "ซีอิ๊ว", "醬油"]),
    ("rice", None, ["rice", "ข้าว", "米", "beras"]),
    ("coffee", None, ["coffee", "kopi", "กาแฟ", "咖啡"]),
    ("halal", "halal", ["halal", "ฮาลาล", "清真", "حلال"]),
    ("Taiwan", "origin:TW", ["taiwan", "taiwanese", "ไต้หวัน", "台灣", "臺灣"]),
]

#: migration 0004's triggers on search_texts, replaced by ones that also keep search_fts_keys
SQLITE_TEXT_TRIGGERS = ["search_texts_ai", "search_texts_ad", "search_texts_au"]
SQLITE_UP = [
    # unicode61 cuts at spaces and punctuation only, so a Thai or Chinese key stays one token;
    # "_" joins the words of a Latin-script key (black_tea)
    """CREATE VIRTUAL TABLE search_fts_keys USING fts5(
        words, heads, content='search_texts', content_rowid='product_id',
        tokenize="unicode61 remove_diacritics 0 tokenchars '_'")""",
    """CREATE TRIGGER search_texts_ai AFTER INSERT ON search_texts BEGIN
        INSERT INTO search_fts(rowid, doc) VALUES (new.product_id, new.doc);
        INSERT INTO search_fts_short(rowid, short) VALUES (new.product_id, new.short);
        INSERT INTO search_fts_keys(rowid, words, heads)
            VALUES (new.product_id, new.words, new.heads);
    END""",
    """CREATE TRIGGER search_texts_ad AFTER DELETE ON search_texts BEGIN
        INSERT INTO search_fts(search_fts, rowid, doc) VALUES ('delete', old.product_id, old.doc);
        INSERT INTO search_fts_short(search_fts_short, rowid, short)
            VALUES ('delete', old.product_id, old.short);
        INSERT INTO search_fts_keys(search_fts_keys, rowid, words, heads)
            VALUES ('delete', old.product_id, old.words, old.heads);
    END""",
    """CREATE TRIGGER search_texts_au AFTER UPDATE ON search_texts BEGIN
        INSERT INTO search_fts(search_fts, rowid, doc) VALUES ('delete', old.product_id, old.doc);
        INSERT INTO search_fts_short(search_fts_short, rowid, short)
            VALUES ('delete', old.product_id, old.short);
        INSERT INTO search_fts_keys(search_fts_keys, rowid, words, heads)
            VALUES ('delete', old.product_id, old.words, old.heads);
        INSERT INTO search_fts(rowid, doc) VALUES (new.product_id, new.doc);
        INSERT INTO search_fts_short(rowid, short) VALUES (new.product_id, new.short);
        INSERT INTO search_fts_keys(rowid, words, heads)
            VALUES (new.product_id, new.words, new.heads);
    END""",
]
#: migration 0004's triggers, back
SQLITE_DOWN = [
    "DROP TABLE IF EXISTS search_fts_keys",
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
]
POSTGRES_UP = [
    # string_to_array behind a function the planner is told is costly (and that it cannot
    # inline): with string_to_array itself it estimated a scan of every row, splitting each
    # row's keys, cheaper than the GIN index for a broad word (ชา, 茶): 2.4 s instead of 0.16 s
    # on 100,000 products
    """CREATE FUNCTION search_keys(keys text) RETURNS text[]
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 100
        AS $$ BEGIN RETURN string_to_array(keys, ' '); END $$""",
    "CREATE INDEX ix_search_texts_words_keys ON search_texts USING gin (search_keys(words))",
    "CREATE INDEX ix_search_texts_heads_keys ON search_texts USING gin (search_keys(heads))",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS ix_search_texts_heads_keys",
    "DROP INDEX IF EXISTS ix_search_texts_words_keys",
    "DROP FUNCTION IF EXISTS search_keys(text)",
]


def _empty_the_index():
    """The search index is rebuilt by `flask search reindex`; on SQLite the FTS5 contents go
    in one command each (much faster than the per-row delete triggers)."""
    if op.get_bind().dialect.name == "sqlite":
        for trigger in SQLITE_TEXT_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DELETE FROM search_texts")
        op.execute("DELETE FROM search_documents")
        op.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
        op.execute("INSERT INTO search_fts_short(search_fts_short) VALUES ('delete-all')")
    else:
        op.execute("DELETE FROM search_texts")
        op.execute("DELETE FROM search_documents")
    op.execute("DELETE FROM search_words")


def upgrade():
    op.create_table(
        "search_synonym_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("attribute", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_synonym_groups")),
        sa.UniqueConstraint("name", name=op.f("uq_search_synonym_groups_name")),
    )
    op.create_table(
        "search_synonyms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["search_synonym_groups.id"],
            name=op.f("fk_search_synonyms_group_id_search_synonym_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_synonyms")),
        sa.UniqueConstraint("group_id", "term", name=op.f("uq_search_synonyms_group_id_term")),
    )
    with op.batch_alter_table("search_synonyms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_search_synonyms_group_id"), ["group_id"], unique=False)

    _empty_the_index()
    # Added to empty tables; the server default only lets SQLite add NOT NULL columns.
    with op.batch_alter_table("search_documents", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("folded", sa.Text(), nullable=False, server_default=sa.text("''"))
        )
        batch_op.add_column(sa.Column("origin", sa.String(length=2), nullable=True))
    with op.batch_alter_table("search_texts", schema=None) as batch_op:
        for name in ("words", "heads"):
            batch_op.add_column(
                sa.Column(name, sa.Text(), nullable=False, server_default=sa.text("''"))
            )
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}.get(dialect, []):
        op.execute(statement)

    for group_id, (name, attribute, terms) in enumerate(GROUPS, start=1):
        op.bulk_insert(groups_table, [{"id": group_id, "name": name, "attribute": attribute}])
        op.bulk_insert(synonyms_table, [{"group_id": group_id, "term": term} for term in terms])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "SELECT setval(pg_get_serial_sequence('search_synonym_groups', 'id'), "
            "(SELECT max(id) FROM search_synonym_groups))"
        )


def downgrade():
    _empty_the_index()
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}.get(dialect, []):
        op.execute(statement)
    with op.batch_alter_table("search_texts", schema=None) as batch_op:
        for name in ("heads", "words"):
            batch_op.drop_column(name)
    with op.batch_alter_table("search_documents", schema=None) as batch_op:
        for name in ("origin", "folded"):
            batch_op.drop_column(name)
    with op.batch_alter_table("search_synonyms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_search_synonyms_group_id"))
    op.drop_table("search_synonyms")
    op.drop_table("search_synonym_groups")
