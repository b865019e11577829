"""A range of days someone typed (the audit log's "from" and "to"), checked."""

from __future__ import annotations

from datetime import date

from app.domain.problems import Problem, problem


def problems(first: date | None, last: date | None) -> list[Problem]:
    """to.before_from: the last day comes before the first. Either end may be open (None)."""
    if first is not None and last is not None and last < first:
        return [problem(("to",), "to.before_from")]
    return []
