"""CSV files that people open in a spreadsheet program: UTF-8 that Excel reads as such, and no
cell that the program would run as a formula; and the files they upload back, read as text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

#: spreadsheet programs run cells that start like a formula; exports escape them with "'"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """Text that a spreadsheet would run as a formula, quoted with a leading "'"."""
    return "'" + text if text.startswith(FORMULA_START) else text


def cell(value) -> str:
    """A cell: nothing for None, text quoted if it starts like a formula; numbers we wrote
    are not quoted (a negative amount stays a number)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return safe_text(value)
    return str(value)


def csv_bytes(header: list[str], rows: Iterable[Iterable[str]]) -> bytes:
    """The header and the rows (cells already written as text) as a CSV file: CRLF line ends,
    UTF-8 with a BOM so that Excel opens the Chinese, Thai and Malay text as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


class Unreadable(ValueError):
    """Why an uploaded file is not text to read: "empty", "too_big", "encoding" (not UTF-8) or
    "binary" (a NUL: not a text file). Each reader words it for its own report."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def uploaded_text(content: bytes, max_bytes: int) -> str:
    """An uploaded CSV file as text: UTF-8, with or without the BOM that spreadsheet programs
    write (our own exports included). Raises Unreadable."""
    if not content.strip():
        raise Unreadable("empty")
    if len(content) > max_bytes:
        raise Unreadable("too_big")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable("encoding") from None
    if "\x00" in text:
        raise Unreadable("binary")
    return text
