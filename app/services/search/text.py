"""Text normalisation shared by the index and the queries."""

from __future__ import annotations

import re
import unicodedata

SEP = "\x1f"
MAX_QUERY = 100
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_SPACES = re.compile(r"\s+")
_LATIN_WORD = re.compile(r"[0-9a-z\u00c0-\u024f]+")


def normalise(text: str) -> str:
    """NFKC (full-width Latin and digits become ASCII), case-folded, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return _SPACES.sub(" ", text).strip()


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
        text = normalise(text)
    # Every Latin-script character sorts below U+0E00, every dense-script one above it.
    return [
        char_token(token) if token[0] >= "\u0e00" else token for token in _SHORT_TOKEN.findall(text)
    ]


def terms(query: str) -> list[str]:
    """The query's parts that must each be found (space-separated)."""
    return [term for term in query.split(" ") if term]


def is_dense(term: str) -> bool:
    return any(is_dense_script(ch) for ch in term)


def min_length(term: str) -> int:
    """Shoppers may search Chinese and Thai from one character; Latin from two."""
    return 1 if is_dense(term) else 2


def joined_names(names: list[str]) -> str:
    kept = [normalise(name) for name in names if name and name.strip()]
    return SEP + SEP.join(kept) + SEP if kept else SEP


def latin_words(text: str) -> set[str]:
    """The vocabulary that typo correction picks from. Three-letter words count: "teas" and
    "oils" are one slip from "tea" and "oil", the words the shopper most likely meant."""
    return {w for w in _LATIN_WORD.findall(normalise(text)) if 3 <= len(w) <= 40}
