"""The rules of a synonym group as operators write it (services.search.synonym_groups): words
a shopper uses for the same thing in any language, one per line, and what product attribute
they may also stand for. Pure checks; the service adds what needs the database (a name or a
word another group already has)."""

from __future__ import annotations

from app.domain.problems import Problem, problem

NAME_MAX = 64
TERM_MAX = 100
#: more words than this in one group is a sign of a pasted list, not of one meaning
TERMS_MAX = 40
#: the attributes a group may stand for (models.search.SearchSynonymGroup.attribute): a
#: certificate the shopper's market accepts, or made in a country ("origin:TW": Taiwan)
HALAL = "halal"
ORIGIN = "origin:"
TAIWAN_MADE = ORIGIN + "TW"
ATTRIBUTES = (HALAL, TAIWAN_MADE)


def parse_terms(text: str | None) -> list[str]:
    """The words of a group as typed, one per line (commas are part of a word: "teh, tarik"
    is unlikely but a shopper's phrase all the same); blank lines and repeats (in any case)
    left out, the first spelling kept."""
    found: dict[str, str] = {}
    for line in (text or "").splitlines():
        term = " ".join(line.split())
        if term and term.casefold() not in found:
            found[term.casefold()] = term
    return list(found.values())


def check_group(name: str, attribute: str | None, terms: list[str]) -> list[Problem]:
    """name.required, name.length (max), attribute.unknown, terms.required, terms.too_few (a
    group of one word without an attribute changes nothing), terms.too_many (max),
    term.length (term, max)."""
    found = []
    if not name:
        found.append(problem(("name",), "name.required"))
    elif len(name) > NAME_MAX:
        found.append(problem(("name",), "name.length", max=NAME_MAX))
    if attribute is not None and attribute not in ATTRIBUTES:
        found.append(problem(("attribute",), "attribute.unknown"))
    if not terms:
        found.append(problem(("terms",), "terms.required"))
    elif len(terms) < 2 and attribute is None:
        found.append(problem(("terms",), "terms.too_few"))
    elif len(terms) > TERMS_MAX:
        found.append(problem(("terms",), "terms.too_many", max=TERMS_MAX))
    for term in terms:
        if len(term) > TERM_MAX:
            found.append(problem(("terms",), "term.length", term=term[:20] + "…", max=TERM_MAX))
    return found
