"""Keyset cursors: what the listings write they read back; nothing else gets through."""

import base64
import json
from datetime import UTC, datetime

import pytest

from app.services import paging

NEWEST = paging.keys(("published_at", True, datetime), ("id", True))
CHEAPEST = paging.keys(("min_price_twd", False), ("id", False))


def raw(value) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def test_a_cursor_reads_back_what_was_written():
    moment = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
    assert paging.decode(paging.encode([moment, 42]), NEWEST) == (moment, 42)
    assert paging.decode(paging.encode([450, 7]), CHEAPEST) == (450, 7)


@pytest.mark.parametrize(
    ("cursor", "order"),
    [
        (None, NEWEST),
        ("", NEWEST),
        ("%%%", NEWEST),
        ("x" * 301, CHEAPEST),
        (raw(["2026-03-01T08:30:00", 42]), NEWEST),  # naive: not ours
        (raw(["2026-02-30T08:30:00+00:00", 42]), NEWEST),
        (raw([5, 42]), NEWEST),
        (raw(["450", 7]), CHEAPEST),
        (raw([450, True]), CHEAPEST),
        (raw([450.5, 7]), CHEAPEST),
        (raw([None, 7]), CHEAPEST),
        (raw([2**31, 7]), CHEAPEST),  # no column holds it
        (raw([450]), CHEAPEST),
        (raw([450, 7, 1]), CHEAPEST),
        (raw({"min_price_twd": 450, "id": 7}), CHEAPEST),
        (base64.urlsafe_b64encode(b"\xff\xfe[1,2]").decode(), CHEAPEST),
    ],
)
def test_anything_else_is_no_cursor(cursor, order):
    assert paging.decode(cursor, order) is None


def test_after_wins_and_a_bad_after_leaves_before():
    after, before = paging.encode([450, 7]), paging.encode([300, 2])
    assert paging.Position.parse(after, before, CHEAPEST) == paging.Position(after=(450, 7))
    assert paging.Position.parse("junk", before, CHEAPEST) == paging.Position(before=(300, 2))
    assert paging.Position.parse(None, None, CHEAPEST) == paging.Position()
