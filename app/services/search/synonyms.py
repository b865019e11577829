"""Synonyms and attribute words, read from search_synonym_groups (data operators edit).

Each term is looked up by its key: its words folded and joined (services.search.words.join),
so "Black  Tea", "black tea", "ชาดำ" and "紅茶"/"红茶" are found however the shopper spells
them. A term belongs to one group; a query term found here stands for every term of its group.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models.search import SearchSynonymGroup
from app.services.cache import TimedValue
from app.services.search.text import fold, latin_words, normalise
from app.services.search.words import join, segment


@dataclass(frozen=True)
class Term:
    #: folded text, as it appears in folded names
    text: str
    #: folded words joined (words.join), as the index keeps whole words
    key: str


@dataclass(frozen=True)
class Group:
    name: str
    attribute: str | None
    terms: tuple[Term, ...]


@dataclass
class Synonyms:
    by_key: dict[str, Group] = field(default_factory=dict)
    #: Latin words of every term: typo correction may correct towards them ("hallal")
    vocabulary: frozenset[str] = frozenset()

    def find(self, key: str) -> Group | None:
        return self.by_key.get(key)


def term_for(raw: str) -> Term | None:
    text = normalise(raw)
    words = segment(text)
    if not words:
        return None
    return Term(text=fold(text), key=join(words))


def build(groups: list[tuple[str, str | None, list[str]]]) -> Synonyms:
    found = Synonyms()
    vocabulary: set[str] = set()
    for name, attribute, raw_terms in groups:
        terms = tuple(dict.fromkeys(t for t in (term_for(raw) for raw in raw_terms) if t))
        group = Group(name, attribute, terms)
        for term in terms:
            found.by_key.setdefault(term.key, group)
            vocabulary |= latin_words(term.text)
    found.vocabulary = frozenset(vocabulary)
    return found


def _load() -> Synonyms:
    groups = db.session.scalars(
        select(SearchSynonymGroup).options(selectinload(SearchSynonymGroup.terms))
    ).all()
    return build([(g.name, g.attribute, [t.term for t in g.terms]) for g in groups])


_synonyms = TimedValue(_load, ttl=60.0)


def current() -> Synonyms:
    return _synonyms.get()


def invalidate() -> None:
    """After operators change the groups (other app processes follow within the TTL)."""
    _synonyms.invalidate()
