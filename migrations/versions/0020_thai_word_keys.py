"""Thai whole words on SQLite: the word index (`search_fts_keys`, migration 0009) cut Thai keys
at their vowel marks. FTS5's unicode61 tokenizer takes combining marks (sara a, i, ue, u...)
for separators, so the key หมึก (ink) was the tokens หม + ก, and so was หมัก (fermented):
"หมึก" found fermented bean curd. The table is made again with those marks as characters of a
token, and rebuilt from search_texts (the triggers of migration 0009 keep it in step by name).
Tone marks and the other marks folding drops (services.search.text.fold) never reach it.
PostgreSQL compares whole keys in arrays and is unchanged.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 11:00:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

#: the Thai vowel marks folded text keeps: mai han-akat, sara i to sara uu, phinthu
THAI_VOWEL_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"


def _create(tokenchars: str) -> str:
    # "_" joins the words of a Latin-script key (black_tea)
    return f"""CREATE VIRTUAL TABLE search_fts_keys USING fts5(
        words, heads, content='search_texts', content_rowid='product_id',
        tokenize="unicode61 remove_diacritics 0 tokenchars '{tokenchars}'")"""


def _remake(tokenchars: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE search_fts_keys")
    op.execute(_create(tokenchars))
    op.execute("INSERT INTO search_fts_keys(search_fts_keys) VALUES ('rebuild')")


def upgrade():
    _remake("_" + THAI_VOWEL_MARKS)


def downgrade():
    _remake("_")
