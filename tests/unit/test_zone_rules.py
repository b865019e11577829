"""The featured zones' rules (app/domain/zone_rules.py): what a zone form may save, when a
zone runs, and how its products are put in order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain import zone_rules
from app.domain.zone_rules import Schedule, ZoneDraft
from app.models.zone import ACCENTS

MARKETS = ("TH", "MY", "SG", "PH", "TW")
START = datetime(2026, 12, 24, 10, 0, tzinfo=UTC)


def draft(**changes) -> ZoneDraft:
    values = {
        "slug": "mountain-teas",
        "titles": {"en": "Mountain teas"},
        "markets": ("TH",),
        "starts_at": START,
        "ends_at": START + timedelta(days=7),
        "position": 0,
        "accent": "jade",
    }
    values.update(changes)
    return ZoneDraft(**values)


def codes(found) -> list[tuple[tuple, str]]:
    return [(p.path, p.code) for p in found]


def test_a_complete_draft_has_no_problems():
    assert zone_rules.check(draft(), MARKETS) == []
    assert zone_rules.check(draft(ends_at=None, position=9999), MARKETS) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"slug": ""}, [(("slug",), "slug.required")]),
        ({"slug": "Mountain"}, [(("slug",), "slug.format")]),
        ({"slug": "-tea"}, [(("slug",), "slug.format")]),
        ({"slug": "tea-"}, [(("slug",), "slug.format")]),
        ({"slug": "teas/../x"}, [(("slug",), "slug.format")]),
        ({"slug": "a" * 65}, [(("slug",), "slug.format")]),
        ({"titles": {"th": "ชา"}}, [(("titles", "en"), "title.required")]),
        ({"titles": {"en": "x" * 121}}, [(("titles", "en"), "title.too_long")]),
        ({"blurbs": {"ms": "x" * 2001}}, [(("blurbs", "ms"), "blurb.too_long")]),
        ({"markets": ()}, [(("markets",), "markets.required")]),
        ({"markets": ("TH", "JP")}, [(("markets",), "markets.unknown")]),
        ({"starts_at": None}, [(("starts_at",), "starts.required")]),
        ({"ends_at": START}, [(("ends_at",), "ends.before_start")]),
        ({"ends_at": START - timedelta(minutes=1)}, [(("ends_at",), "ends.before_start")]),
        ({"position": -1}, [(("position",), "position.range")]),
        ({"position": 10_000}, [(("position",), "position.range")]),
        ({"position": None}, [(("position",), "position.range")]),
        ({"accent": "pink"}, [(("accent",), "accent.unknown")]),
    ],
)
def test_each_rule_names_its_field(changes, expected):
    assert codes(zone_rules.check(draft(**changes), MARKETS)) == expected


def test_every_problem_is_reported_at_once():
    found = zone_rules.check(
        draft(slug="", titles={}, markets=(), ends_at=START, position=-3), MARKETS
    )
    assert {code for _path, code in codes(found)} == {
        "slug.required",
        "title.required",
        "markets.required",
        "ends.before_start",
        "position.range",
    }


def test_the_unknown_markets_are_named():
    [found] = zone_rules.check(draft(markets=("XX", "TH", "JP")), MARKETS)
    assert found.kwargs == {"codes": "JP, XX"}


def test_the_palette_is_the_models():
    assert zone_rules.ACCENTS == ACCENTS


def test_a_zone_runs_from_its_start_until_just_before_its_end():
    end = START + timedelta(days=1)
    assert zone_rules.schedule(START, end, START - timedelta(seconds=1)) == Schedule.SCHEDULED
    assert zone_rules.schedule(START, end, START) == Schedule.RUNNING
    assert zone_rules.schedule(START, end, end - timedelta(seconds=1)) == Schedule.RUNNING
    assert zone_rules.schedule(START, end, end) == Schedule.ENDED
    assert zone_rules.schedule(START, None, START + timedelta(days=3650)) == Schedule.RUNNING


@pytest.mark.parametrize(
    ("item", "offset", "expected"),
    [
        (3, -1, [1, 3, 2, 4]),
        (3, 1, [1, 2, 4, 3]),
        (1, -1, [1, 2, 3, 4]),  # already first
        (4, 1, [1, 2, 3, 4]),  # already last
        (1, 1, [2, 1, 3, 4]),
        (4, -1, [1, 2, 4, 3]),
        (2, -1, [2, 1, 3, 4]),  # up to the first place
    ],
)
def test_moving_one_place(item, offset, expected):
    assert zone_rules.moved([1, 2, 3, 4], item, offset) == expected


def test_a_new_order_must_name_exactly_the_zones_products():
    assert zone_rules.rearranged([1, 2, 3], [3, 1, 2]) == [3, 1, 2]
    assert zone_rules.rearranged([1, 2, 3], [3, 1]) is None  # one removed meanwhile
    assert zone_rules.rearranged([1, 2, 3], [3, 1, 2, 4]) is None  # one added meanwhile
    assert zone_rules.rearranged([1, 2, 3], [3, 3, 1, 2]) is None  # a product twice
    assert zone_rules.rearranged([1, 2, 3], [3, 4, 1]) is None


def test_the_limits_hold_at_their_edges_and_are_named():
    at_limits = draft(
        slug="a" * 64,
        titles={"en": "x" * 120, "th": "ช" * 120, "ms": "x" * 120, "zh_Hant": "茶" * 120},
        blurbs={"en": "x" * 2000, "th": "ช" * 2000, "ms": "x" * 2000, "zh_Hant": "茶" * 2000},
        position=9999,
    )
    assert zone_rules.check(at_limits, MARKETS) == []
    assert zone_rules.check(draft(slug="a"), MARKETS) == []
    assert zone_rules.check(draft(slug="a-1"), MARKETS) == []

    over = zone_rules.check(
        draft(titles={"en": "Teas", "zh_Hant": "茶" * 121}, blurbs={"th": "ช" * 2001}),
        MARKETS,
    )
    assert sorted((p.path, p.code, p.kwargs["max"]) for p in over) == [
        (("blurbs", "th"), "blurb.too_long", 2000),
        (("titles", "zh_Hant"), "title.too_long", 120),
    ]
    [position] = zone_rules.check(draft(position=-1), MARKETS)
    assert position.kwargs == {"max": 9999}
