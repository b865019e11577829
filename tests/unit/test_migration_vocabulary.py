"""The synonym migrations (migrations/vocabulary.py) add words beside what operators made in
the console, and taking a migration back removes only what it made: never an operator's
group or word."""

import sqlalchemy as sa

from migrations import vocabulary

GROUPS = [("lemon", ["lemon", "lemons", "檸檬"]), ("sweet potato", ["sweet potato", "地瓜"])]
MORE_TERMS = {"fan": ["electric fan", "kipas angin"]}


def _database():
    engine = sa.create_engine("sqlite://")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE search_synonym_groups "
            "(id INTEGER PRIMARY KEY, name VARCHAR UNIQUE, attribute VARCHAR)"
        )
        conn.exec_driver_sql(
            "CREATE TABLE search_synonyms (id INTEGER PRIMARY KEY, group_id INTEGER, term VARCHAR)"
        )
    return engine


def _groups(conn) -> dict[str, set[str]]:
    rows = conn.execute(
        sa.text(
            "SELECT g.name, s.term FROM search_synonym_groups AS g "
            "LEFT JOIN search_synonyms AS s ON s.group_id = g.id"
        )
    )
    found: dict[str, set[str]] = {}
    for name, term in rows:
        found.setdefault(name, set()).update({term} if term else set())
    return found


def _operators_group(conn, name: str, terms: list[str]) -> None:
    group_id = conn.execute(
        vocabulary.groups_table.insert().values(name=name).returning(vocabulary.groups_table.c.id)
    ).scalar_one()
    conn.execute(
        vocabulary.synonyms_table.insert(), [{"group_id": group_id, "term": t} for t in terms]
    )


def test_a_migration_taken_back_leaves_what_operators_made():
    engine = _database()
    with engine.begin() as conn:
        _operators_group(conn, "lemon", ["lemon", "檸檬"])  # made in the console first
        _operators_group(conn, "fan", ["fan", "kipas angin"])
        before = _groups(conn)

        vocabulary.add(conn, GROUPS, MORE_TERMS)
        added = _groups(conn)
        vocabulary.drop(conn, GROUPS)
        after = _groups(conn)

    assert added["lemon"] == {"lemon", "檸檬"}  # the operators' group is left as they made it
    assert added["sweet potato"] == {"sweet potato", "地瓜"}
    assert added["fan"] == {"fan", "kipas angin", "electric fan"}
    assert "sweet potato" not in after
    assert after["lemon"] == before["lemon"]
    # the word the operators typed themselves is still there; the one added stays too
    assert after["fan"] == {"fan", "kipas angin", "electric fan"}


def test_a_group_the_migration_made_and_operators_changed_stays():
    engine = _database()
    with engine.begin() as conn:
        vocabulary.add(conn, GROUPS, {})
        conn.execute(
            sa.text(
                "INSERT INTO search_synonyms (group_id, term) SELECT id, 'ubi keledek' "
                "FROM search_synonym_groups WHERE name = 'sweet potato'"
            )
        )
        vocabulary.drop(conn, GROUPS)
        after = _groups(conn)

    assert after == {"sweet potato": {"sweet potato", "地瓜", "ubi keledek"}}
