"""The store's settings operators change in the console: each a typed value with a default.

The values live in the store_settings table (services.settings reads and writes them); this
module says which settings exist, what type and range each takes, and what a stored value
means when it is missing or of the wrong type (the default, never a crash).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.problems import Problem, problem


@dataclass(frozen=True)
class Setting:
    key: str
    kind: type
    default: bool | int
    minimum: int | None = None
    maximum: int | None = None


#: new and changed listings wait in the operators' review queue before shoppers see them
HOLD_NEW_LISTINGS = Setting("hold_new_listings", bool, False)
#: the store's commission on a sale, in basis points (1500 = 15%), for vendors without their own
DEFAULT_COMMISSION_BP = Setting("default_commission_bp", int, 1500, 0, 10_000)

SETTINGS = {s.key: s for s in (HOLD_NEW_LISTINGS, DEFAULT_COMMISSION_BP)}


def _of_kind(setting: Setting, value) -> bool:
    if setting.kind is bool:
        return isinstance(value, bool)
    return isinstance(value, int) and not isinstance(value, bool)


def check(setting: Setting, value) -> list[Problem]:
    """Problems with a new value: wrong type (setting.type), outside the setting's range
    (setting.range, params minimum and maximum)."""
    if not _of_kind(setting, value):
        return [problem((setting.key,), "setting.type")]
    low, high = setting.minimum, setting.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        return [problem((setting.key,), "setting.range", minimum=low, maximum=high)]
    return []


def read(setting: Setting, stored) -> bool | int:
    """What a stored value means: the default when absent or not a valid value."""
    if stored is None or check(setting, stored):
        return setting.default
    return stored
