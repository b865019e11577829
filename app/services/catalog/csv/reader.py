"""Reading a catalog CSV: encoding, header and rows, before any rule is checked."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l

from app.domain import plain_text, spreadsheet
from app.domain.catalog_rules import INVALID
from app.domain.spreadsheet import FORMULA_START
from app.services.catalog.csv.columns import (
    COLUMNS,
    LOCALE_OF_SUFFIX,
    MAX_BYTES,
    MAX_ROWS,
    REQUIRED,
)
from app.services.errors import ImportFailed


@dataclass(frozen=True)
class RowError:
    #: spreadsheet row number (the header is row 1); 0 for problems with the whole file
    row: int
    column: str | None
    message: object  # a lazy, translatable string
    #: the catalog rule's code, when a rule (not the file's form) refused the cell
    code: str | None = None

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row else "file"
        if self.column:
            where += f", {self.column}"
        return f"{where}: {self.message}"


#: what the vendor reads when the file is not text to read (domain.spreadsheet.Unreadable)
UNREADABLE = {
    "empty": _l("The file is empty."),
    "too_big": _l("The file is larger than 5 MB."),
    "encoding": _l(
        "The file is not UTF-8 text. In Excel choose “Save as” → “CSV UTF-8 (Comma "
        "delimited)”, then upload it again."
    ),
    "binary": _l("This is not a CSV text file."),
}


def _decode(content: bytes) -> str:
    try:
        return spreadsheet.uploaded_text(content, MAX_BYTES)
    except spreadsheet.Unreadable as unreadable:
        raise ImportFailed([RowError(0, None, UNREADABLE[unreadable.reason])]) from None


def _cell(value: str) -> str:
    value = plain_text.clean(value).strip()
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_START:
        value = value[1:]  # our own export's escape
    return value


def read_rows(content: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header and (row number, cells) of every non-empty row. Raises ImportFailed."""
    text = _decode(content)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as error:
        raise ImportFailed(
            [
                RowError(
                    reader.line_num,
                    None,
                    _l(
                        "The file is not valid CSV here (%(detail)s). Check for a stray quote.",
                        detail=str(error),
                    ),
                )
            ]
        ) from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise ImportFailed([RowError(1, None, _l("The first row must name the columns."))])
    header = [name.strip().lower() for name in records[0]]
    errors = []
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        errors.append(
            RowError(1, None, _l("Unknown columns: %(columns)s.", columns=", ".join(unknown)))
        )
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        errors.append(
            RowError(
                1, None, _l("Missing required columns: %(columns)s.", columns=", ".join(missing))
            )
        )
    for name in sorted({n for n in header if n and header.count(n) > 1}):
        errors.append(RowError(1, name, _l("This column appears more than once.")))
    if "" in header:
        errors.append(RowError(1, None, _l("A column has no name.")))
    if errors:
        raise ImportFailed(errors)
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(header) and any(cell.strip() for cell in record[len(header) :]):
            errors.append(RowError(number, None, _l("This row has more cells than the header.")))
            continue
        record = record + [""] * (len(header) - len(record))
        rows.append(
            (number, {name: _cell(value) for name, value in zip(header, record, strict=False)})
        )
    if len(rows) > MAX_ROWS:
        raise ImportFailed(
            [RowError(0, None, _l("The file has more than %(max)s rows.", max="10,000"))]
        )
    if not rows and not errors:
        raise ImportFailed([RowError(0, None, _l("The file has no product rows."))])
    if errors:
        raise ImportFailed(errors)
    return header, rows


def whole_number(value: str):
    """A cell as a whole number (full-width digits too); INVALID when it is something else,
    None when empty (not given)."""
    if not value:
        return None
    value = unicodedata.normalize("NFKC", value)
    return int(value) if re.fullmatch(r"[0-9]{1,9}", value) else INVALID


def day(value: str):
    """A YYYY-MM-DD cell as a date; INVALID when it is not one, None when empty."""
    if not value:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        return INVALID


def texts(cells: dict, kind: str) -> dict[str, str]:
    """Non-empty `kind_<suffix>` cells by content locale (name_zh_hant → zh_Hant)."""
    return {
        locale: cells[f"{kind}_{suffix}"]
        for suffix, locale in LOCALE_OF_SUFFIX.items()
        if cells.get(f"{kind}_{suffix}")
    }
