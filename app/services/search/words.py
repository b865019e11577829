"""Words: Thai and Chinese text cut into words, for ranking whole-word matches first.

Thai is cut by PyThaiNLP's `newmm` (dictionary maximal matching over Thai character clusters,
its dictionary shipped in the wheel); Chinese, folded to Simplified first, by jieba's
dictionary (rjieba, the Rust port); Latin script at spaces and punctuation. Words are compared
in their folded form (text.fold), so tone marks and Traditional/Simplified do not matter.

Per product name the index keeps
- its words in order, plus longer units a shopper may type as one word: a Thai compound and
  its two dictionary parts (ชาเขียว: ชา, เขียว), jieba's shorter words inside longer ones
  (乌龙 in 乌龙茶), and runs of up to four Thai or Chinese words written together (ชาอู่หลง);
- its heads, the words that say what the product is: English puts them last ("Oolong Tea
  Balancing *Toner*") and so does Chinese (烏龍茶平衡化妝*水*; its last character too, so 茶
  heads 烏龍茶 while 沙茶醬 is a sauce); Thai and Malay put them first (*โทนเนอร์*ชาอู่หลง...,
  *Toner* Pengimbang Teh Oolong).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import rjieba
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie, dict_trie

from app.services.search.text import fold, is_thai

#: the longest run of words indexed as one unit (ชาอู่หลง, black_tea), and its length
RUN_WORDS = 4
RUN_CHARS = 24
#: what joins the words of a key that are not written together ("black_tea")
JOINER = "_"
HEAD_WORDS = 3
_THAI = "\u0e01-\u0e5b"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_PIECE = re.compile(
    f"(?P<thai>[{_THAI}]+)|(?P<han>[{_HAN}]+)|(?P<kana>[\u3040-\u30ff])"
    r"|(?P<latin>[0-9a-z\u00c0-\u024f]+)"
)
#: what follows a name's main part: a parenthesis, a " · Lot 2" suffix, a dash between spaces
_MAIN_PART_END = re.compile(r"[(\[（【]|\s[·|\-–—/]\s")
#: English names say what a thing is before "with", "for"...: "Pineapple Cake with Salted Egg"
_ENGLISH_TAIL = re.compile(r"\s(?:with|for|in|from)\s")
HEAD_LAST = frozenset({"en", "zh_Hant", "zh", "zh_Hans"})
#: loanwords of the catalog that PyThaiNLP's dictionary lacks, so that newmm does not cut
#: them into pieces that are words of their own (ซาชา, shacha, would give ชา, tea)
EXTRA_THAI_WORDS = frozenset(
    {"ซาชา", "อู่หลง", "โทนเนอร์", "บาล์ม", "ลิปบาล์ม", "มาสก์", "เซรั่ม", "สเปรย์", "ฮากกา"}
    # งานคราฟต์ (crafts) was cut งา (sesame) + นค + ราฟต์
    | {"คราฟต์", "คราฟท์"}
    # in the dictionary, but a loanword all the same: not คุก (jail) + กี้
    | {"คุกกี้"}
)


#: an unstressed first syllable (consonants and a short a: มะ, กระ, ตะ, ประ) begins many
#: single words: มะม่วง (mango) is not มะ + ม่วง (purple), กระดาษ (paper) not กระ + ดาษ
_MINOR_SYLLABLE = re.compile("^[\u0e01-\u0e2e]{1,2}\u0e30$")


@dataclass(frozen=True)
class Word:
    #: the word as written (normalised), and where it is in the normalised text
    surface: str
    start: int
    end: int
    #: folded form, what is compared
    key: str
    #: Thai, Chinese or kana (written without spaces between words)
    dense: bool
    #: words of one unbroken dense-script stretch share a run number
    run: int


@functools.cache
def _thai_dictionary() -> frozenset[str]:
    return frozenset(thai_words()) | EXTRA_THAI_WORDS


@functools.cache
def _thai_trie() -> Trie:
    return dict_trie(_thai_dictionary())


@functools.lru_cache(maxsize=20_000)
def _thai_cut(text: str) -> tuple[str, ...]:
    words = word_tokenize(text, custom_dict=_thai_trie(), engine="newmm", keep_whitespace=False)
    return tuple(w for w in words if w)


@functools.lru_cache(maxsize=20_000)
def _han_cut(text: str) -> tuple[str, ...]:
    return tuple(rjieba.cut(text, False))


@functools.lru_cache(maxsize=20_000)
def _han_inner(text: str) -> tuple[str, ...]:
    """jieba's search-engine cut: also the dictionary words inside longer words."""
    return tuple(rjieba.cut_for_search(text, False))


def segment(text: str) -> list[Word]:
    """Words of normalised text, in order."""
    return list(_segment(text))


# a name is cut for its words and again for its head words, and most names share their main
# part with others (sizes, lots): reindexing 100,000 products cuts each text once
@functools.lru_cache(maxsize=50_000)
def _segment(text: str) -> tuple[Word, ...]:
    words: list[Word] = []
    run = 0
    previous_end = -1
    for piece in _PIECE.finditer(text):
        kind = piece.lastgroup
        start, value = piece.start(), piece.group()
        if kind == "latin":
            words.append(Word(value, start, piece.end(), fold(value), False, -1))
            continue
        if start != previous_end:
            run += 1
        previous_end = piece.end()
        if kind == "thai":
            offset = start
            for surface in _thai_cut(value):
                at = text.find(surface, offset)
                at = offset if at < 0 else at
                words.append(Word(surface, at, at + len(surface), fold(surface), True, run))
                offset = at + len(surface)
        elif kind == "han":
            offset = start
            for key in _han_cut(fold(value)):
                # folding to Simplified keeps every character's position
                words.append(
                    Word(
                        text[offset : offset + len(key)], offset, offset + len(key), key, True, run
                    )
                )
                offset += len(key)
        else:
            words.append(Word(value, start, piece.end(), fold(value), True, run))
    return tuple(words)


def join(words: list[Word]) -> str:
    """Words as one key: dense-script words written together, others joined by "_" (a key
    never holds a space: the index keeps keys between spaces)."""
    out = ""
    for index, word in enumerate(words):
        if index and not (word.dense and words[index - 1].dense):
            out += JOINER
        out += word.key
    return out


def thai_parts(word: str) -> tuple[str, str] | None:
    """A Thai compound as two dictionary words (ชาเขียว: ชา + เขียว), longest first part
    first, each of two letters or more; None when it is not one."""
    if word in EXTRA_THAI_WORDS:
        return None  # a loanword: ซาชา (shacha) is not ซา + ชา (tea)
    dictionary = _thai_dictionary()
    for cut in range(len(word) - 2, 1, -1):
        first = word[:cut]
        if first in dictionary and word[cut:] in dictionary and not _MINOR_SYLLABLE.match(first):
            return first, word[cut:]
    return None


def _is_thai(word: Word) -> bool:
    return word.dense and is_thai(word.surface)


def _is_han(word: Word) -> bool:
    return word.dense and word.surface[0] > "\u30ff"


def _finer(words: list[Word]) -> tuple[list[Word], list[str]]:
    """Thai compounds split into their parts (for the ordered words), and the compounds
    themselves and jieba's inner words (as extra keys)."""
    ordered: list[Word] = []
    extra: list[str] = []
    for word in words:
        parts = thai_parts(word.surface) if _is_thai(word) else None
        if parts:
            extra.append(word.key)
            middle = word.start + len(parts[0])
            ordered.append(Word(parts[0], word.start, middle, fold(parts[0]), True, word.run))
            ordered.append(Word(parts[1], middle, word.end, fold(parts[1]), True, word.run))
            continue
        ordered.append(word)
        if _is_han(word) and len(word.key) > 2:
            extra.extend(inner for inner in _han_inner(word.key) if inner != word.key)
    return ordered, extra


def _runs(words: list[Word]) -> list[str]:
    """Every stretch of two to RUN_WORDS consecutive words, as one key."""
    keys = []
    for start in range(len(words)):
        for end in range(start + 2, min(start + RUN_WORDS, len(words)) + 1):
            key = join(words[start:end])
            if len(key) > RUN_CHARS:
                break
            keys.append(key)
    return keys


def main_part(name: str, locale: str) -> str:
    main = _MAIN_PART_END.split(name, maxsplit=1)[0]
    if locale == "en":
        main = _ENGLISH_TAIL.split(main, maxsplit=1)[0]
    return main.strip() or name


def heads(name: str, locale: str) -> list[str]:
    """Keys of the words that say what the product is (see the module docstring)."""
    main = main_part(name, locale)
    words, _extra = _finer(_segment(main))
    if not words:
        return []
    found = []
    if locale in HEAD_LAST:
        for size in range(1, min(HEAD_WORDS, len(words)) + 1):
            found.append(join(words[-size:]))
        last = words[-1]
        if _is_han(last):
            found.append(last.key[-1])  # the head character: 茶 of 乌龙茶
    else:
        for size in range(1, min(HEAD_WORDS, len(words)) + 1):
            found.append(join(words[:size]))
        found.append(_segment(main)[0].key)  # a Thai compound as written (ชาเขียว)
    return found


def name_keys(name: str) -> list[str]:
    """The keys a normalised name is found by as whole words (see the module docstring)."""
    ordered, extra = _finer(_segment(name))
    return [word.key for word in ordered] + extra + _runs(ordered)


def index_fields(names: list[tuple[str, str]]) -> tuple[str, str]:
    """The `words` and `heads` columns for normalised (name, locale) pairs: keys between
    spaces (" ชา อู หลง ชาอูหลง black_tea 红茶 "), each once."""
    words: dict[str, None] = {}
    head_keys: dict[str, None] = {}
    for name, locale in names:
        words.update(dict.fromkeys(name_keys(name)))
        head_keys.update(dict.fromkeys(heads(name, locale)))
    return _spaced(words), _spaced(head_keys)


def _spaced(keys) -> str:
    return " " + " ".join(k for k in keys if k) + " " if keys else " "
