"""Text people type or upload, made safe to store and to show.

Control characters never belong in a name, a description or an address: PostgreSQL refuses NUL,
HTML and XML forbid most C0/C1 codes and Unicode's noncharacters, and none of them is visible.
Tabs and line breaks stay (descriptions keep their lines).
"""

from __future__ import annotations

import re

_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U000efffe\U000effff"
    "\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)


def clean(text: str) -> str:
    """`text` without control characters or noncharacters; line breaks become plain \\n."""
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def single_line(text: str) -> str:
    """A name or other one-line field: cleaned, every run of whitespace (line breaks, tabs,
    Unicode line and paragraph separators) one space. What reaches a mail subject or a
    greeting line can never start a new line there."""
    return " ".join(clean(text or "").split())
