"""The search index: per visible product a narrow row for ranking and facets
(search_documents) and a wide row of text to match (search_texts), written by
services.search.index.

Text is normalised (NFKC, case-folded) so that both engines compare plainly; the engines' own
indexes sit on search_texts: FTS5 tables on SQLite (migration 0004), pg_trgm and a full-text
GIN index on PostgreSQL. Keeping the matched text out of the ranked rows keeps the thousands
of lookups a broad query makes cheap.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.types import UTCDateTime


class SearchDocument(db.Model):
    __tablename__ = "search_documents"
    __table_args__ = (
        Index("ix_search_documents_category", "category_id", "in_stock"),
        Index("ix_search_documents_vendor", "vendor_id"),
        Index("ix_search_documents_seq", "seq"),
    )

    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    #: every product name in every language, each between \x1f separators (exact and prefix
    #: matches look for "\x1fquery\x1f" and "\x1fquery")
    names: Mapped[str] = mapped_column(Text)
    #: the names folded (services.search.text.fold): Thai tone marks dropped, Chinese in
    #: Simplified characters; what "found in the name" compares with
    folded: Mapped[str] = mapped_column(Text, default="")
    #: country of origin (ISO 3166 alpha-2), for words such as "Taiwan" beside other words
    origin: Mapped[str | None] = mapped_column(String(2))
    in_stock: Mapped[bool] = mapped_column(Boolean)
    min_price_twd: Mapped[int] = mapped_column(Integer)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    halal_body: Mapped[str | None] = mapped_column(String(64))
    #: the certificate's expiry when it is complete (body, number and date), else None
    halal_expires: Mapped[date | None] = mapped_column(Date)
    #: the index version that wrote the row (services.search.index.refresh): each app
    #: process's in-memory copy (services.search.memory) reads only rows newer than its own
    seq: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class SearchRemoval(db.Model):
    """A product taken out of the index (unlisted, deleted, its shop suspended) and the index
    version that took it out: the in-memory copies drop it when they catch up."""

    __tablename__ = "search_removals"
    __table_args__ = (Index("ix_search_removals_seq", "seq"),)

    product_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)


class SearchText(db.Model):
    __tablename__ = "search_texts"

    product_id: Mapped[int] = mapped_column(
        ForeignKey("search_documents.product_id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    )
    #: names and option labels: what a query may match (vendor and category names are
    #: matched in their own tables)
    doc: Mapped[str] = mapped_column(Text)
    #: `doc` as tokens for queries of one or two characters: Latin words as they are, each
    #: Chinese or Thai character as its own token (see services.search.text.short_tokens)
    short: Mapped[str] = mapped_column(Text)
    #: the names' words, folded, as keys between spaces (" ชา อู หลง ชาอูหลง black_tea "),
    #: with longer units a shopper may type as one word (services.search.words.index_fields);
    #: looked up through search_fts_keys (SQLite) or GIN indexes (PostgreSQL), migration 0009
    words: Mapped[str] = mapped_column(Text, default="")
    #: the keys of the words that say what the product is (" toner 化妆水 โทนเนอร ... ")
    heads: Mapped[str] = mapped_column(Text, default="")


class SearchWord(db.Model):
    """Latin-script words of product names: the vocabulary typo tolerance corrects towards."""

    __tablename__ = "search_words"

    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str] = mapped_column(String(64), unique=True)


class SearchSynonymGroup(db.Model):
    """Words that mean the same to a shopper, in any language (ชาดำ, ชาแดง, black tea, 紅茶,
    teh hitam): a query with one of them also finds products named with the others. Data
    that operators edit; the base set comes from migration 0009."""

    __tablename__ = "search_synonym_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: what the group is about, for operators
    name: Mapped[str] = mapped_column(String(64), unique=True)
    #: a product attribute the words also stand for: "halal" (a certificate the shopper's
    #: market accepts) or "origin:TW" (made in that country; only beside other words, so
    #: "Taiwan" alone still means products named so)
    attribute: Mapped[str | None] = mapped_column(String(32))

    terms: Mapped[list[SearchSynonym]] = relationship(
        back_populates="group", cascade="all, delete-orphan", order_by="SearchSynonym.id"
    )


class SearchSynonym(db.Model):
    __tablename__ = "search_synonyms"
    __table_args__ = (UniqueConstraint("group_id", "term"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("search_synonym_groups.id", ondelete="CASCADE"), index=True
    )
    #: a word or phrase as shoppers write it ("black tea", "ชาดำ", "紅茶")
    term: Mapped[str] = mapped_column(String(100))

    group: Mapped[SearchSynonymGroup] = relationship(back_populates="terms")


#: Engine-specific search structures created by hand in migrations 0004, 0009, 0023 and 0024
#: (FTS5 tables on SQLite; pg_trgm and full-text GIN indexes, a generated tsvector column,
#: the postings and pieces tables on PostgreSQL). Alembic's autogenerate and the drift test
#: leave them alone.
UNMANAGED_TABLE_PREFIXES = ("search_fts", "search_postings", "search_pieces")
UNMANAGED_INDEXES = frozenset(
    {
        "ix_search_texts_doc_trgm",
        "ix_search_texts_short_fts",
        "ix_search_words_word_trgm",
        "ix_search_texts_words_keys",
        "ix_search_texts_heads_keys",
        "ix_search_pieces_piece_trgm",
    }
)
UNMANAGED_COLUMNS = frozenset({"short_tsv"})


def is_managed(name: str | None, type_: str) -> bool:
    """Whether Alembic should compare this object with the models."""
    if type_ == "table" and name and name.startswith(UNMANAGED_TABLE_PREFIXES):
        return False
    if type_ == "index" and name in UNMANAGED_INDEXES:
        return False
    return not (type_ == "column" and name in UNMANAGED_COLUMNS)


#: PostgreSQL's postings (not a model: SQLite has no such table): each whole-word key of a
#: product (migration 0023) and each piece of its text, as PIECE + piece (migration 0024)
POSTINGS = Table(
    "search_postings",
    MetaData(),
    Column("key", Text, primary_key=True),
    Column("product_id", Integer, primary_key=True),
    Column("head", Boolean, nullable=False),
)

#: the start of a piece's key among the postings (migration 0024): a space character, which
#: no word key holds (keys are split at spaces)
PIECE = "\x1d"

#: PostgreSQL's list of the pieces products' texts hold, each once, with a trigram index
#: (migration 0024; services.search.engine.long_ids)
PIECES = Table("search_pieces", MetaData(), Column("piece", Text, primary_key=True))
