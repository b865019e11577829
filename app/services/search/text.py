"""Text normalisation shared by the index and the queries.

Two forms of every text:
- normalised (`normalise`): NFKC, case-folded, spaces collapsed. Exact spelling: what the
  shopper typed is compared with it to rank exact spellings first.
- folded (`fold`): normalised, then Thai tone and other marks dropped, Latin accents dropped,
  Chinese in Simplified characters (OpenCC). What matching compares, so that `ชาอูหลง` finds
  `ชาอู่หลง` and `凤梨酥` finds `鳳梨酥`.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import opencc

SEP = "\x1f"
MAX_QUERY = 100
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_SPACES = re.compile(r"\s+")
_LATIN_WORD = re.compile(r"[0-9a-z\u00c0-\u024f]+")
#: Thai marks a shopper often leaves out or types differently: mai taikhu, the four tone marks,
#: thanthakhat (the silent-letter mark), nikhahit alone and yamakkan
_THAI_MARKS = re.compile("[\u0e47-\u0e4e]")
#: NFKC spells sara am (ำ) as nikhahit + sara aa; dictionaries and shoppers write ำ
_SARA_AM = "\u0e4d\u0e32"
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")


def normalise(text: str) -> str:
    """NFKC (full-width Latin and digits become ASCII), case-folded, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text or "").casefold().replace(_SARA_AM, "\u0e33")
    return _SPACES.sub(" ", text).strip()


@functools.cache
def _simplified() -> opencc.OpenCC:
    # Taiwan-standard Traditional to Simplified, character by character (no phrase
    # localisation: 鳳梨 stays 凤梨, never 菠萝, so both spellings fold to the same text)
    return opencc.OpenCC("tw2s")


def _strip_latin_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not "\u0300" <= ch <= "\u036f")
    )


def fold(text: str) -> str:
    """The matching form of normalised text (see the module docstring)."""
    if not text:
        return ""
    if len(text) <= _WORD_LENGTH:
        return _fold_word(text)
    return _fold(text)


#: texts this short are mostly words, folded again and again (each word of every name)
_WORD_LENGTH = 24


@functools.lru_cache(maxsize=65_536)
def _fold_word(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = _THAI_MARKS.sub("", text)
    if not text.isascii():
        text = _strip_latin_accents(text)
        if _HAN.search(text):
            text = _simplified().convert(text)
    return text


def clean_query(raw: str | None) -> str:
    """A shopper's query as plain text: control and zero-width characters dropped, length
    capped. Quotes, operators and SQL stay as characters to look for."""
    text = _CONTROL.sub(" ", raw or "")
    return normalise(text)[:MAX_QUERY].strip()


def is_dense_script(ch: str) -> bool:
    """Scripts written without spaces between words: Chinese (Han), Thai, and kana."""
    code = ord(ch)
    return (
        0x0E00 <= code <= 0x0E7F  # Thai
        or 0x3040 <= code <= 0x30FF  # kana
        or 0x3400 <= code <= 0x4DBF  # CJK extension A
        or 0x4E00 <= code <= 0x9FFF  # CJK unified
        or 0xF900 <= code <= 0xFAFF  # CJK compatibility
        or 0x20000 <= code <= 0x2FA1F  # CJK extensions B+
    )


def char_token(ch: str) -> str:
    """A dense-script character as an ASCII token both engines' tokenizers keep whole
    (PostgreSQL's parser would drop Thai vowel and tone marks, for instance)."""
    return f"u{ord(ch):x}"


_DENSE = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SHORT_TOKEN = re.compile(f"[{_DENSE}]|[\U00020000-\U0002fa1f]|[0-9a-z\u00c0-\u024f]+")


def short_tokens(text: str, normalised: bool = False) -> list[str]:
    """Tokens for the short-query index: Latin words, and one token per Chinese or Thai
    character in order, so a two-character query is a two-token phrase."""
    if not normalised:
        text = fold(normalise(text))
    # Every Latin-script character sorts below U+0E00, every dense-script one above it.
    return [
        char_token(token) if token[0] >= "\u0e00" else token for token in _SHORT_TOKEN.findall(text)
    ]


def terms(query: str) -> list[str]:
    """The query's parts that must each be found (space-separated)."""
    return [term for term in query.split(" ") if term]


def is_dense(term: str) -> bool:
    return any(is_dense_script(ch) for ch in term)


def is_thai(term: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in term)


def min_length(term: str) -> int:
    """Shoppers may search Chinese and Thai from one character; Latin from two."""
    return 1 if is_dense(term) else 2


def joined_names(names: list[str]) -> str:
    kept = [normalise(name) for name in names if name and name.strip()]
    return SEP + SEP.join(kept) + SEP if kept else SEP


def latin_words(text: str) -> set[str]:
    """The vocabulary that typo correction picks from. Three-letter words count: "teas" and
    "oils" are one slip from "tea" and "oil", the words the shopper most likely meant."""
    return {w for w in _LATIN_WORD.findall(fold(normalise(text))) if 3 <= len(w) <= 40}


def pieces(doc: str, shortest: int) -> set[str]:
    """The runs of a document's text between spaces and name separators (str.split: every
    Unicode space and the separators \x1c-\x1f), `shortest` characters or more. A text
    without a space is in the document exactly when it is inside one of its pieces."""
    return {piece for piece in doc.split() if len(piece) >= shortest}


def has_space(text: str) -> bool:
    """Whether the text holds a character `pieces` splits at."""
    return any(ch.isspace() for ch in text)
