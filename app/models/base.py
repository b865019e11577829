"""Helpers shared by the model modules."""

from __future__ import annotations

from sqlalchemy import CheckConstraint

from app.domain.locales import CONTENT_LOCALES

LOCALE_VALUES = ", ".join(f"'{loc}'" for loc in CONTENT_LOCALES)


def locale_check() -> CheckConstraint:
    """Translation rows carry one of the store's content locales."""
    return CheckConstraint(f"locale IN ({LOCALE_VALUES})", name="locale")


def enum_check(column: str, values, name: str | None = None) -> CheckConstraint:
    allowed = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=name or column)
