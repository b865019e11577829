"""A rule's refusal as data: where (a path into the input), what (a stable code) and the values
a message needs. Every pure rule module reports this way; each caller turns codes into its own
words and shape (a message under a form field, a row and column in an import report)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    #: where: ("handle",), ("names", "en"), ("variants", 2, "price_twd"), ("postal_code",)
    path: tuple
    #: what, e.g. "handle.format"
    code: str
    params: tuple[tuple[str, Any], ...] = ()

    @property
    def kwargs(self) -> dict[str, Any]:
        return dict(self.params)


def problem(path: tuple, code: str, /, **params) -> Problem:
    return Problem(path, code, tuple(sorted(params.items())))
