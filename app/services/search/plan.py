"""From a shopper's query to the concepts a product must match.

A concept is one thing the shopper asked for: a word or phrase as typed (found anywhere in a
product's names and option labels), the other words of its synonym group (found as whole
words of the names), and an attribute the words may stand for (halal certified, made in
Taiwan). A product matches the query when it matches every concept.

Space-separated terms are concepts of their own, except that consecutive terms forming a
synonym ("black tea", "teh hitam") make one. A Thai or Chinese term written without spaces is
one concept, unless it holds synonyms: `ชาไต้หวัน` is ชา (tea, ชา, 茶...) and ไต้หวัน (Taiwan);
`เค้กสับปะรด` is one synonym (pineapple cake). A term with punctuation is looked for as typed:
`tea:` is not the word tea; a hyphen between letters joins words (`sun-cake` is sun cake).

Latin words are written apart or together as shoppers please (compounds): two words that
products write as one (`tea pot`, `pine apple`) are that word, and a word no product has that
two of their words make (`hotpot`, `teabags`) is also those words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pythainlp.corpus import thai_stopwords

from app.domain.search_words import ORIGIN
from app.services.search.synonyms import Synonyms, Term
from app.services.search.text import fold, is_dense, is_dense_script, min_length, terms
from app.services.search.words import JOINER, Word, join, segment

#: the longest synonym looked for, in terms or in words of one term
SPAN = 4
#: a hyphen between two letters: it joins words ("sun-cake", "hand-painted")
_INNER_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
#: the shortest part of a word read as two (`hotpot`: hot + pot); a known word is never cut
COMPOUND_PART = 3


@dataclass
class Concept:
    #: as typed (normalised): exact spelling ranks first; shown in "showing results for"
    label: str
    #: the typed words: text found anywhere, key for whole words
    typed: Term
    #: the other terms of its synonym group (whole words only)
    synonyms: tuple[Term, ...] = ()
    #: "halal" or "origin:XX" (models.search.SearchSynonymGroup.attribute)
    attribute: str | None = None
    #: cut out of a Thai or Chinese term written without spaces
    split: bool = False
    #: (vendor ids, category ids) whose names hold one of its words (services.search.service)
    owners: tuple[tuple[int, ...], tuple[int, ...]] = field(default_factory=lambda: ((), ()))
    #: its typed words are a whole word of some product's names (services.search.service)
    known: bool = False
    #: categories whose names share a whole word with its typed words (services.search.service):
    #: between categories with as many matches, the one the query names ranks first
    about: tuple[int, ...] = ()

    @property
    def dense(self) -> bool:
        return is_dense(self.label)

    def texts(self) -> list[str]:
        return [self.typed.text] + [s.text for s in self.synonyms]

    def attribute_applies(self, alone: bool) -> bool:
        """Origin words ("Taiwan") narrow other words; alone they mean names with them."""
        if not self.attribute:
            return False
        return not (self.attribute.startswith(ORIGIN) and alone)


def usable(label: str) -> bool:
    return len(label) >= min_length(label)


def _typed(label: str, words: list[Word] | None = None) -> Term:
    words = segment(label) if words is None else words
    text = fold(label)
    return Term(text=text, key=join(words) if words else text)


def as_key(text: str) -> str:
    """Folded text as the key of its words, when it holds nothing but words (spaces and
    hyphens between letters join them): compared with the key segmenting gives, it tells
    plain words from text with punctuation."""
    return _INNER_HYPHEN.sub(JOINER, text.replace(" ", JOINER))


def _clean(term: str, words: list[Word]) -> bool:
    """Only words: no punctuation that the shopper may be looking for as text."""
    return bool(words) and as_key(fold(term)) == join(words)


def _concept(label: str, group, words: list[Word] | None = None, split=False) -> Concept:
    typed = _typed(label, words)
    if group is None:
        return Concept(label=label, typed=typed, split=split)
    others = tuple(t for t in group.terms if t != typed)
    return Concept(label, typed, others, group.attribute, split)


def _within(term: str, words: list[Word], synonyms: Synonyms) -> list[Concept]:
    """A Thai or Chinese term without spaces: synonyms inside it, the rest as phrases."""
    found: list[tuple[int, int, object]] = []
    start = 0
    while start < len(words):
        for end in range(min(len(words), start + SPAN), start, -1):
            group = synonyms.find(join(words[start:end]))
            if group is not None:
                found.append((start, end, group))
                start = end
                break
        else:
            start += 1
    if not found:
        return [_concept(term, None, words)]
    if len(found) == 1 and found[0][:2] == (0, len(words)):
        return [_concept(term, found[0][2], words)]
    concepts, at = [], 0
    for start, end, group in found:
        if at < start:
            concepts.append(_phrase(term, words[at:start]))
        label = term[words[start].start : words[end - 1].end]
        concepts.append(_concept(label, group, words[start:end], split=True))
        at = end
    if at < len(words):
        concepts.append(_phrase(term, words[at:]))
    return concepts


def _phrase(term: str, words: list[Word]) -> Concept:
    return _concept(term[words[0].start : words[-1].end], None, words, split=True)


def plan(query: str, synonyms: Synonyms) -> list[Concept]:
    """The concepts of a cleaned query (text.clean_query), in the order typed."""
    parts = [t for t in terms(query) if usable(t)]
    words = [segment(t) for t in parts]
    clean = [_clean(t, w) for t, w in zip(parts, words, strict=True)]
    concepts: list[Concept] = []
    index = 0
    while index < len(parts):
        for end in range(min(len(parts), index + SPAN), index, -1):
            if not all(clean[index:end]):
                continue
            span = [w for ws in words[index:end] for w in ws]
            group = synonyms.find(join(span))
            if group is not None:
                concepts.append(_concept(" ".join(parts[index:end]), group, span))
                index = end
                break
        else:
            term = parts[index]
            if clean[index] and all(is_dense_script(ch) for ch in term):
                concepts.extend(_within(term, words[index], synonyms))
            else:
                concepts.append(_concept(term, None, words[index]))
            index += 1
    return concepts


def _typed_latin(concept: Concept) -> bool:
    """Latin words as the shopper typed them: no attribute, not cut out of a longer term."""
    return not (concept.dense or concept.split or concept.attribute)


def _one_latin_word(concept: Concept) -> bool:
    text = concept.typed.text
    return _typed_latin(concept) and text == concept.typed.key and text.isalpha()


def _cuts(word: str) -> list[tuple[str, str]]:
    """The ways to read a word as two, longest first part first."""
    last = len(word) - COMPOUND_PART
    return [(word[:cut], word[cut:]) for cut in range(last, COMPOUND_PART - 1, -1)]


def compounds(
    concepts: list[Concept], synonyms: Synonyms, known: Callable[[set[str]], set[str]]
) -> list[Concept]:
    """Latin compounds as products write them (see the module docstring). `known` gives
    which of some words are words of product names (one lookup for all)."""
    single = [_one_latin_word(c) for c in concepts]
    asked: set[str] = set()
    for index, concept in enumerate(concepts):
        hyphenated = _hyphenated(concept)
        if hyphenated:
            asked.add(hyphenated)
        if not single[index]:
            continue
        word = concept.typed.text
        if index + 1 < len(concepts) and single[index + 1]:
            asked.add(word + concepts[index + 1].typed.text)
        if word not in synonyms.vocabulary:  # a synonym's word is known: never cut
            asked.add(word)
            for first, second in _cuts(word):
                asked.update((first, second, second + "s"))
    if not asked:
        return concepts
    found = known(asked) | synonyms.vocabulary
    result: list[Concept] = []
    index = 0
    while index < len(concepts):
        concept = concepts[index]
        joined = _joined(concepts, index, single, found)
        if joined is not None:
            label, closed, index = joined
            merged, index = _longer(label, closed, concepts, index, synonyms)
            result.append(merged)
            continue
        if single[index] and concept.typed.text not in found:
            concept = _opened(concept, found, synonyms)
        result.append(concept)
        index += 1
    return result


def _hyphenated(concept: Concept) -> str | None:
    """Two words joined by a hyphen ("tea-pot"), written together ("teapot")."""
    parts = concept.typed.text.split("-")
    if not _typed_latin(concept) or len(parts) != 2:
        return None
    return "".join(parts) if all(part.isalpha() for part in parts) else None


def _joined(concepts: list[Concept], index: int, single: list[bool], found: set[str]):
    """(label, the word written together, the index after it) when the concept at `index`,
    alone (hyphenated) or with the next one, is a word some product writes as one."""
    concept = concepts[index]
    hyphenated = _hyphenated(concept)
    if hyphenated in found:
        return concept.label, hyphenated, index + 1
    if single[index] and index + 1 < len(concepts) and single[index + 1]:
        following = concepts[index + 1]
        closed = concept.typed.text + following.typed.text
        if closed in found:
            return f"{concept.label} {following.label}", closed, index + 2
    return None


def _longer(label: str, closed: str, concepts: list[Concept], end: int, synonyms: Synonyms):
    """The concept for a word written together: its synonym group, with the words after it
    when together they are a synonym ("pine apple cake" is the pineapple cake), or else the
    phrase and the word; and the index after it."""
    for stop in range(min(len(concepts), end + SPAN - 1), end - 1, -1):
        after = concepts[end:stop]
        group = synonyms.find(JOINER.join([closed, *(c.typed.key for c in after)]))
        if group is not None:
            longer = " ".join([label, *(c.label for c in after)])
            typed = _typed(longer)
            others = tuple(t for t in group.terms if t != typed)
            return Concept(longer, typed, others, group.attribute), stop
    return Concept(label, _typed(label), (Term(text=closed, key=closed),)), end


def _opened(concept: Concept, found: set[str], synonyms: Synonyms) -> Concept:
    """A word no product has, that two of their words make: also those words together (the
    second may be a plural: `eggroll` finds "egg rolls")."""
    for first, cut in _cuts(concept.typed.text):
        seconds = [s for s in (cut, cut + "s") if s in found]
        if first in found and seconds:
            spaced = [Term(text=f"{first} {s}", key=first + JOINER + s) for s in seconds]
            group = next((g for g in map(synonyms.find, [t.key for t in spaced]) if g), None)
            terms = group.terms if group is not None else ()
            others = tuple(dict.fromkeys((*concept.synonyms, *spaced, *terms)))
            return Concept(
                concept.label,
                concept.typed,
                others,
                group.attribute if group is not None else concept.attribute,
                concept.split,
            )
    return concept


def split_words(concepts: list[Concept], synonyms: Synonyms) -> list[Concept] | None:
    """Each Thai or Chinese phrase cut into its words, each word a concept of its own, Thai
    function words left out (`ที่ชาร์จ`, a thing to charge: ชาร์จ), for when the phrase is
    found nowhere; None when none is cut. A phrase that is one dictionary word is not cut: a
    compound's meaning is not its parts' (ทุเรียน, durian, is not ทุ + เรียน, to study; น้ำหอม,
    perfume, is not water and fragrant), so a shopper would be shown nonsense."""
    result, changed = [], False
    for concept in concepts:
        words = segment(concept.label) if concept.dense and not concept.synonyms else []
        if len(words) < 2 or not all(w.dense for w in words):
            result.append(concept)
            continue
        changed = True
        kept = [w for w in words if w.surface not in thai_stopwords()] or words
        for word in kept:
            result.append(_concept(word.surface, synonyms.find(word.key), [word], split=True))
    return result if changed else None


def label(concepts: list[Concept]) -> str:
    return " ".join(c.label for c in concepts)
