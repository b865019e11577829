"""Texts of three characters or more on PostgreSQL found through the list of the pieces the
products' texts hold (the runs between spaces): the trigram index on the texts named every
matching product and read each one's wide row back to check it (`oolong`, 7,500 products:
10 ms); on the list of pieces it finds a few pieces, and the postings, read by their primary
key, give the products holding them (2 ms). The texts' own trigram index stays for texts
with a space. SQLite keeps its FTS5 trigram table, as fast.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-09 12:00:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

# Written out, not taken from the app's code (a migration must stay as it ran): chr(29) is
# models.search.PIECE, the start of a piece's key among the postings; 3 is engine.LONG, the
# shortest text the trigram lookups answer.
#: where services.search.text.pieces splits a text (Python's str.split: at every character
#: str.isspace() holds, the name separators \x1c-\x1f among them), as a regular expression
#: (tests/unit/test_search_pieces.py holds the two together)
SPACES = r"[\x09-\x0d\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
UP = [
    "CREATE TABLE search_pieces (piece text NOT NULL, CONSTRAINT pk_search_pieces "
    "PRIMARY KEY (piece))",
    # SPACES is a constant of this file
    "INSERT INTO search_postings (key, product_id, head) "  # noqa: S608
    "SELECT DISTINCT chr(29) || piece, product_id, false "
    f"FROM search_texts, regexp_split_to_table(doc, '{SPACES}') AS piece "
    "WHERE length(piece) >= 3",
    """INSERT INTO search_pieces (piece)
        SELECT DISTINCT substr(key, 2) FROM search_postings WHERE key LIKE chr(29) || '%'""",
    "CREATE INDEX ix_search_pieces_piece_trgm ON search_pieces USING gin (piece gin_trgm_ops)",
    "ANALYZE search_postings",
    "ANALYZE search_pieces",
]
DOWN = [
    "DELETE FROM search_postings WHERE key LIKE chr(29) || '%'",
    "DROP TABLE IF EXISTS search_pieces",
]


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        for statement in UP:
            op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for statement in DOWN:
            op.execute(statement)
