"""The search index: one row per visible product, written by services.search.index.

Its text columns are normalised (NFKC, case-folded) so that both engines compare plainly;
the engines' own indexes sit on top: FTS5 tables on SQLite (migration 0004), pg_trgm and a
full-text GIN index on PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.types import UTCDateTime


class SearchDocument(db.Model):
    __tablename__ = "search_documents"
    __table_args__ = (
        Index("ix_search_documents_category", "category_id", "in_stock"),
        Index("ix_search_documents_vendor", "vendor_id"),
    )

    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    #: every product name in every language, each between \x1f separators (exact and prefix
    #: matches look for "\x1fquery\x1f" and "\x1fquery")
    names: Mapped[str] = mapped_column(Text)
    #: names, option labels, vendor and category names: what a query may match at all
    doc: Mapped[str] = mapped_column(Text)
    #: `doc` as tokens for queries of one or two characters: Latin words as they are, each
    #: Chinese or Thai character as its own token (see services.search.text.short_tokens)
    short: Mapped[str] = mapped_column(Text)
    in_stock: Mapped[bool] = mapped_column(Boolean)
    min_price_twd: Mapped[int] = mapped_column(Integer)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    halal_body: Mapped[str | None] = mapped_column(String(64))
    #: the certificate's expiry when it is complete (body, number and date), else None
    halal_expires: Mapped[date | None] = mapped_column(Date)


class SearchWord(db.Model):
    """Latin-script words of product names: the vocabulary typo tolerance corrects towards."""

    __tablename__ = "search_words"

    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str] = mapped_column(String(64), unique=True)
