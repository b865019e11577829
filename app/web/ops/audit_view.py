"""An audit row's data, readable: the values before and after a change side by side (only those
that changed), and whatever else the row says."""

from __future__ import annotations

import json

from flask_babel import gettext as _

#: the keys services write the values before and after a change under
BEFORE, AFTER = "before", "after"


def shown(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def changes(data: dict) -> list[tuple[str, str, str]]:
    """(field, before, after) for what changed; a field of "" when the values are not
    records of fields (a list of products, a status)."""
    if not isinstance(data, dict) or (BEFORE not in data and AFTER not in data):
        return []
    before, after = data.get(BEFORE), data.get(AFTER)
    if isinstance(before, dict) or isinstance(after, dict):
        old = before if isinstance(before, dict) else {}
        new = after if isinstance(after, dict) else {}
        fields = list(dict.fromkeys([*old, *new]))
        changed = [f for f in fields if old.get(f) != new.get(f)] or fields
        return [(f, shown(old.get(f)), shown(new.get(f))) for f in changed]
    return [("", shown(before), shown(after))]


def extra(data: dict) -> list[tuple[str, str]]:
    """The row's other data, key by key."""
    if not isinstance(data, dict):
        return [("", shown(data))]
    return [(key, shown(value)) for key, value in data.items() if key not in (BEFORE, AFTER)]
