"""Operators edit the synonym groups search reads (services.search.synonyms): add a group,
change its words or attribute, delete it. Each change is checked (domain.search_words, plus a
name or a word another group already has), audited with the values before and after, and
announced to every app process with the catalog's caches, so search pages cached with the old
words are dropped too. Products need no re-indexing: the index keeps every name's words and
their runs ("black_tea"), and synonyms are looked up among them at query time."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.domain import search_words
from app.domain.problems import problem
from app.extensions import db
from app.models import User
from app.models.search import SearchSynonym, SearchSynonymGroup
from app.services import audit, cache_versions, claims
from app.services.errors import RulesRefused
from app.services.search import synonyms
from app.services.search.plan import Concept, plan


def groups() -> list[SearchSynonymGroup]:
    return list(
        db.session.scalars(
            select(SearchSynonymGroup)
            .options(selectinload(SearchSynonymGroup.terms))
            .order_by(func.lower(SearchSynonymGroup.name), SearchSynonymGroup.id)
        )
    )


def _values(group: SearchSynonymGroup) -> dict:
    return {
        "name": group.name,
        "attribute": group.attribute,
        "terms": [t.term for t in group.terms],
    }


def _by_key(pairs) -> dict[str, str]:
    """{key of a word (services.search.synonyms.term_for): value} from (word, value) pairs,
    the first value of each key kept: how search tells two spellings of one word apart."""
    found: dict[str, str] = {}
    for term, value in pairs:
        term_key = synonyms.term_for(term)
        if term_key is not None:
            found.setdefault(term_key.key, value)
    return found


def _taken_keys(group: SearchSynonymGroup | None) -> dict[str, str]:
    """Every other group's words by key: the name of the group each belongs to."""
    rows = db.session.execute(
        select(SearchSynonym.term, SearchSynonymGroup.name)
        .join(SearchSynonymGroup, SearchSynonymGroup.id == SearchSynonym.group_id)
        .where(SearchSynonymGroup.id != (group.id if group is not None else -1))
    )
    return _by_key(rows)


def _check(
    group: SearchSynonymGroup | None, name: str, attribute: str | None, terms: list[str]
) -> None:
    found = search_words.check_group(name, attribute, terms)
    if not any(p.path == ("name",) for p in found):
        other = db.session.scalar(
            select(SearchSynonymGroup.id).where(func.lower(SearchSynonymGroup.name) == name.lower())
        )
        if other is not None and (group is None or other != group.id):
            found.append(problem(("name",), "name.taken"))
    if not any(p.path == ("terms",) for p in found):
        taken, keys = _taken_keys(group), {}
        for term in terms:
            key = synonyms.term_for(term)
            if key is None:
                found.append(problem(("terms",), "term.no_words", term=term))
            elif key.key in taken:
                found.append(problem(("terms",), "term.taken", term=term, group=taken[key.key]))
            elif key.key in keys:
                # one word in two spellings search folds together (紅茶 and 红茶)
                found.append(problem(("terms",), "term.repeated", term=term, first=keys[key.key]))
            else:
                keys[key.key] = term
    if found:
        raise RulesRefused(found)


def save(
    group: SearchSynonymGroup | None,
    name: str,
    attribute: str | None,
    terms_text: str,
    actor: User,
) -> SearchSynonymGroup:
    """Add a group (group None) or change one; its words one per line. Raises RulesRefused
    (name.required, name.length, name.taken, attribute.unknown, terms.required,
    terms.too_few, terms.too_many, term.length, term.no_words, term.taken, term.repeated)."""
    name = " ".join((name or "").split())
    attribute = attribute or None
    terms = search_words.parse_terms(terms_text)
    _check(group, name, attribute, terms)
    before = _values(group) if group is not None else None
    # another operator adding a group of the same name at the same moment (services.claims)
    with claims.claiming(
        {"search_synonym_groups.name": lambda: RulesRefused([problem(("name",), "name.taken")])}
    ):
        if group is None:
            group = SearchSynonymGroup(name=name)
            db.session.add(group)
        group.name, group.attribute = name, attribute
        # words kept keep their rows (and their place: the groups list words in the order
        # they were added), new ones follow; a change of order alone is no change
        kept = [t for t in group.terms if t.term in terms]
        known = {t.term for t in kept}
        group.terms = kept + [SearchSynonym(term=term) for term in terms if term not in known]
    after = _values(group)
    if before != after:
        action = "search_synonyms.created" if before is None else "search_synonyms.updated"
        audit.record(actor, action, group, {"before": before, "after": after})
        cache_versions.bump("catalog")
    return group


def delete(group: SearchSynonymGroup, actor: User) -> None:
    audit.record(actor, "search_synonyms.deleted", group, {"before": _values(group)})
    db.session.delete(group)
    db.session.flush()
    cache_versions.bump("catalog")


@dataclass(frozen=True)
class Reading:
    """How search reads one word of a query: the text looked for, the words of its group it
    also finds, and the attribute it stands for."""

    label: str
    also: tuple[str, ...]
    attribute: str | None


def reading(query: str, shown: list[SearchSynonymGroup]) -> list[Reading]:
    """A query as search plans it with the groups in force: what an operator checks after
    changing a group. The other words are shown as the groups `shown` write them (search
    keeps them folded: 红茶 for 紅茶)."""
    written = _by_key((t.term, t.term) for group in shown for t in group.terms)
    concepts: list[Concept] = plan(query, synonyms.current())
    return [
        Reading(c.label, tuple(written.get(s.key, s.text) for s in c.synonyms), c.attribute)
        for c in concepts
    ]
