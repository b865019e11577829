"""SQL LIKE with the shopper's or operator's words taken literally."""

from __future__ import annotations

_ESCAPE = "\\"


def contains(expr, text: str):
    """`expr LIKE '%text%'`, where `%`, `_` and the escape character in `text` match only
    themselves."""
    literal = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return expr.like(f"%{literal}%", escape=_ESCAPE)
