"""Typed and uploaded text loses invisible control characters, never its words or lines."""

import pytest

from app.domain.plain_text import clean


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Oolong\x00 tea", "Oolong tea"),
        ("\x1b[31mred\x1b[0m", "[31mred[0m"),
        ("a\x7fb\x85c", "abc"),  # DEL and a C1 control
        ("first\r\nsecond\rthird", "first\nsecond\nthird"),
        ("tab\tkept", "tab\tkept"),
        ("ชาอู่หลง 高山烏龍茶 teh", "ชาอู่หลง 高山烏龍茶 teh"),
        ("no\ufffe\uffffchar\U0010ffff", "nochar"),  # Unicode noncharacters
        ("🍍 emoji stay", "🍍 emoji stay"),
    ],
)
def test_clean(typed, kept):
    assert clean(typed) == kept
