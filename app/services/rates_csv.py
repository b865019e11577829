"""Reading an exchange-rate file for `flask rates import` (the format is in README.md, "Command
line"): UTF-8 CSV with the columns currency, rate and as_of.

Reading only: every line's problems are reported with its line number (the header is line 1),
and services.rates checks the rates themselves and adds them all or none.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal, InvalidOperation

from app.domain import plain_text, spreadsheet
from app.domain.problems import Problem, problem
from app.models import ExchangeRate, User
from app.services import rates
from app.services.errors import RulesRefused
from app.services.rates import RateDraft

COLUMNS = ("currency", "rate", "as_of")
MAX_BYTES = 1024 * 1024
MAX_LINES = 10_000


def _text(content: bytes) -> str:
    try:
        return spreadsheet.uploaded_text(content, MAX_BYTES)
    except spreadsheet.Unreadable as unreadable:
        found = {
            "empty": problem((0,), "file.empty"),
            "too_big": problem((0,), "file.too_big", megabytes=1),
        }.get(unreadable.reason, problem((0,), "file.encoding"))
        raise RulesRefused([found]) from None


def _rate(value: str) -> Decimal | None:
    try:
        rate = Decimal(value.replace(",", ""))
    except InvalidOperation:
        return None
    return rate if rate.is_finite() else None


def read(content: bytes) -> tuple[list[RateDraft], list[Problem]]:
    """The file's rates as drafts, and the problems of lines that could not be read (paths
    (line, column)). Raises RulesRefused for a file that cannot be read at all (line 0, or 1
    for the header)."""
    reader = csv.reader(io.StringIO(_text(content), newline=""), strict=True)
    try:
        rows = list(reader)
    except csv.Error as error:
        raise RulesRefused([problem((reader.line_num,), "file.csv", detail=str(error))]) from None
    header = [plain_text.clean(cell).strip().lower() for cell in rows[0]]
    missing = [c for c in COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    if missing or unknown or len(set(header)) != len(header):
        raise RulesRefused(
            [
                problem(
                    (1,),
                    "file.header",
                    missing=", ".join(missing),
                    unknown=", ".join(unknown),
                    columns=", ".join(COLUMNS),
                )
            ]
        )
    if len(rows) - 1 > MAX_LINES:
        raise RulesRefused([problem((0,), "file.too_long", max=MAX_LINES)])
    drafts: list[RateDraft] = []
    found: list[Problem] = []
    for line, row in enumerate(rows[1:], start=2):
        cells = [plain_text.clean(cell).strip() for cell in row]
        if not any(cells):
            continue
        if len(cells) != len(header):
            found.append(problem((line,), "line.cells", expected=len(header), found=len(cells)))
            continue
        value = dict(zip(header, cells, strict=True))
        rate = _rate(value["rate"]) if value["rate"] else None
        if value["rate"] and rate is None:
            found.append(problem((line, "rate"), "rate.format"))
        as_of = None
        if value["as_of"]:
            try:
                as_of = date.fromisoformat(value["as_of"])
            except ValueError:
                found.append(problem((line, "as_of"), "as_of.format"))
        if not any(p.path[0] == line for p in found):
            drafts.append(RateDraft(value["currency"].upper(), rate, as_of, line))
    if not drafts and not found:
        raise RulesRefused([problem((0,), "file.no_rates")])
    return drafts, found


def load(content: bytes, actor: User | None, source: str) -> list[ExchangeRate]:
    """Every rate of the file, or none: the problems of every line at once, in line order.
    Raises RulesRefused."""
    drafts, found = read(content)
    if found:
        found += rates.check(drafts)
    else:
        try:
            return rates.add_many(drafts, actor, source)  # checks the rates itself, once
        except RulesRefused as refused:
            found = refused.problems
    raise RulesRefused(sorted(found, key=lambda p: (p.path[0], p.path[1:2])))
