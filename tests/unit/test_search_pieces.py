"""The pieces of a product's text (services.search.text.pieces): what PostgreSQL's list of
pieces holds, so that a text without a space is found inside them exactly when it is inside
the text. Migration 0024 split the texts already indexed in SQL: its split must be the app's."""

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from app.services.search.text import SEP, has_space, pieces

MIGRATION = Path(__file__).parents[2] / "migrations/versions/0024_search_pieces_postgresql.py"


def _migration():
    spec = importlib.util.spec_from_file_location("migration_0024", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("migration_0024", module)
    spec.loader.exec_module(module)
    return module


def test_the_migration_splits_where_the_app_splits():
    # the class is written in the syntax both Python's and PostgreSQL's expressions read
    spaces = re.compile(_migration().SPACES)
    differ = [
        hex(c)
        for c in range(sys.maxunicode + 1)
        if bool(spaces.fullmatch(chr(c))) != chr(c).isspace()
    ]
    assert differ == []


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        # names, an option label with a number and a unit too short to look for
        (
            f"alishan oolong{SEP}ชาอูหลงเขาสูง{SEP}150 g can",
            {"alishan", "oolong", "ชาอูหลงเขาสูง", "150", "can"},
        ),
        ("tea\u3000set\xa0box", {"tea", "set", "box"}),  # wide and no-break spaces
        ("", set()),
        ("ab", set()),
    ],
)
def test_pieces_are_the_runs_between_spaces(doc, expected):
    assert pieces(doc, 3) == expected


@pytest.mark.parametrize(
    ("text", "spaced"),
    [("oolong", False), ("sun cake", True), ("ชา\u3000ดำ", True), ("鳳梨酥", False)],
)
def test_a_text_with_a_space_is_not_looked_for_among_pieces(text, spaced):
    assert has_space(text) is spaced
