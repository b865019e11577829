"""Browser libraries the store serves itself (app/static/vendor/): the committed copy is the
version package.json pins, byte for byte what that npm package ships, with its licence."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.tools import require_tool

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "app/static/vendor/sortablejs"


def test_sortablejs_is_the_pinned_version_with_its_licence():
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["sortablejs"]
    served = (VENDOR / "Sortable.min.js").read_text(encoding="utf-8")
    header = re.match(r"/\*! Sortable (\S+) - MIT", served)
    assert header, "the minified file keeps its licence header"
    assert header.group(1) == pinned
    assert "MIT License" in (VENDOR / "LICENSE").read_text(encoding="utf-8")


def test_sortablejs_is_what_the_npm_package_ships():
    shipped = ROOT / "node_modules/sortablejs/Sortable.min.js"
    if not shipped.exists():
        require_tool("node_modules/sortablejs is missing: run `npm ci` (or `make test`)")
    assert (VENDOR / "Sortable.min.js").read_bytes() == shipped.read_bytes(), "run make vendor-js"
