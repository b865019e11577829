"""Adding and removing synonym groups from migrations (0018, 0019, 0021): the data migrations that
teach search the words shoppers type. Operators edit the groups in the console, so a group
whose name is taken, or a word some group already has, is left as the operators made it;
removing drops only the groups still exactly as a migration made them. Imported as
`migrations.vocabulary` (the repository's root is on the path wherever `app` is, env.py)."""

from __future__ import annotations

import sqlalchemy as sa

groups_table = sa.table(
    "search_synonym_groups",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("attribute", sa.String),
)
synonyms_table = sa.table(
    "search_synonyms",
    sa.column("id", sa.Integer),
    sa.column("group_id", sa.Integer),
    sa.column("term", sa.String),
)

Groups = list[tuple[str, list[str]]]


def _taken_terms(conn) -> set[str]:
    return {term.casefold() for (term,) in conn.execute(sa.select(synonyms_table.c.term))}


def _group_ids(conn) -> dict[str, int]:
    rows = conn.execute(sa.select(groups_table.c.name, groups_table.c.id))
    return {name.casefold(): group_id for name, group_id in rows}


def _add_terms(conn, group_id: int, terms: list[str], taken: set[str]) -> None:
    conn.execute(synonyms_table.insert(), [{"group_id": group_id, "term": t} for t in terms])
    taken |= {t.casefold() for t in terms}


def add(conn, groups: Groups, more_terms: dict[str, list[str]]) -> None:
    """New groups (of two free words at least), and more words for existing groups."""
    taken, ids = _taken_terms(conn), _group_ids(conn)
    for name, terms in groups:
        fresh = [t for t in terms if t.casefold() not in taken]
        if name.casefold() in ids or len(fresh) < 2:
            continue
        group_id = conn.execute(
            groups_table.insert().values(name=name, attribute=None).returning(groups_table.c.id)
        ).scalar_one()
        _add_terms(conn, group_id, fresh, taken)
    for name, terms in more_terms.items():
        fresh = [t for t in terms if t.casefold() not in taken]
        if name.casefold() in ids and fresh:
            _add_terms(conn, ids[name.casefold()], fresh, taken)


def drop(conn, groups: Groups) -> None:
    """The groups as `add` made them: a group of the name holding exactly the migration's
    words. One an operator made before under the same name, or changed since, stays, and so
    do the words `add` gave existing groups (an operator may have typed the same word before
    the migration; a word too many finds more, a word deleted loses what operators made)."""
    for name, terms in groups:
        group_ids = conn.execute(
            sa.select(groups_table.c.id).where(groups_table.c.name == name)
        ).scalars()
        for group_id in list(group_ids):
            kept = {
                term
                for (term,) in conn.execute(
                    sa.select(synonyms_table.c.term).where(synonyms_table.c.group_id == group_id)
                )
            }
            if kept == set(terms):
                conn.execute(synonyms_table.delete().where(synonyms_table.c.group_id == group_id))
                conn.execute(groups_table.delete().where(groups_table.c.id == group_id))
