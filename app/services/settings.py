"""The store's settings (app.domain.store_settings): read where they are needed, changed by
operators in the console. Read from the database each time (one primary-key row), so a
change holds on every app server at once."""

from __future__ import annotations

from sqlalchemy import select

from app.domain import store_settings
from app.domain.store_settings import DEFAULT_COMMISSION_BP, HOLD_NEW_LISTINGS, Setting
from app.extensions import db
from app.models import StoreSetting, User
from app.services import audit
from app.services.errors import RulesRefused


def get(setting: Setting) -> bool | int:
    row = db.session.get(StoreSetting, setting.key)
    return store_settings.read(setting, row.value if row is not None else None)


def all_values() -> dict[str, bool | int]:
    """Every setting's value, in one statement (the settings page)."""
    stored = dict(db.session.execute(select(StoreSetting.key, StoreSetting.value)).all())
    return {
        key: store_settings.read(setting, stored.get(key))
        for key, setting in store_settings.SETTINGS.items()
    }


def hold_new_listings() -> bool:
    """New and changed listings wait for an operator before shoppers see them."""
    return bool(get(HOLD_NEW_LISTINGS))


def default_commission_bp() -> int:
    return int(get(DEFAULT_COMMISSION_BP))


def change(values: dict[Setting, bool | int], actor: User | None) -> list[str]:
    """Set several settings at once; each change is audited with its value before and after.
    Returns the keys that changed. Raises RulesRefused (setting.type, setting.range) and
    changes nothing then."""
    found = [p for setting, value in values.items() for p in store_settings.check(setting, value)]
    if found:
        raise RulesRefused(found)
    changed = []
    for setting, value in values.items():
        row = db.session.get(StoreSetting, setting.key)
        before = store_settings.read(setting, row.value if row is not None else None)
        if row is not None and row.value == value and before == value:
            continue
        if row is None:
            row = StoreSetting(key=setting.key, value=value)
            db.session.add(row)
        else:
            row.value = value
        row.updated_by_id = getattr(actor, "id", None)
        audit.record(
            actor, "setting.changed", row, {"key": setting.key, "before": before, "after": value}
        )
        changed.append(setting.key)
    db.session.flush()
    return changed
