"""Search quality on the demo catalog: the judged queries of tests/search_judgements.json
(Thai, English, Chinese and Malay, as shoppers type them) against the 200 demo products.

For each query: precision of the first 5 results (how many of them are judged relevant, out
of 5 or of all the relevant products when there are fewer) and recall of the first 10 (how
many of the relevant products they hold, out of all of them or 10 when there are more), so
a perfect ranking scores 1.0 on both. The figures are printed; the test fails below a floor.
The same test runs on SQLite and PostgreSQL (`make test` runs both).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import select

from app.demo import catalogue, loader
from app.models import Product
from app.services import clock, reference
from app.services.search.service import Params, search
from app.services.shopper import Shopper

JUDGEMENTS = Path(__file__).resolve().parents[1] / "search_judgements.json"
CONTENT_LOCALES = {"en": "en", "th": "th", "ms": "ms", "zh-hant": "zh_Hant"}
#: The issue names no figure; these floors sit just under what the search reaches (P@5 0.986,
#: R@10 0.989 over all 106 queries on both engines; Malay lowest at P@5 0.978, Thai at 0.979 /
#: 0.979), so a change that makes search worse for shoppers of any one language fails here.
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95
LANGUAGE_FLOOR = 0.9


def _judgements() -> list[dict]:
    return json.loads(JUDGEMENTS.read_text(encoding="utf-8"))["queries"]


def test_the_judged_set_covers_four_languages_with_demo_products():
    queries = _judgements()
    assert len(queries) >= 60
    per_language = defaultdict(int)
    for query in queries:
        per_language[query["lang"]] += 1
    assert set(per_language) == set(CONTENT_LOCALES)
    assert min(per_language.values()) >= 10
    handles = {spec["handle"] for spec in catalogue.read_catalogue(clock.today())}
    unknown = {h for q in queries for h in q["relevant"]} - handles
    assert not unknown, f"not demo products: {sorted(unknown)}"
    examples = {"ชา", "ชาอูหลง", "ชาดำ", "ชาไต้หวัน", "เค้กสับปะรด", "ขนมเปี๊ยะสับปะรด", "凤梨酥"}
    examples |= {"乌龙茶", "halal", "ฮาลาล", "pinaple cake", "oolong", "oolnog"}
    assert examples <= {q["q"] for q in queries}


@pytest.fixture
def demo_store(db, tmp_path) -> dict[int, str]:
    """The 200-product demo catalog; product id → handle."""
    loader.load(products=200, vendors=12, media_root=str(tmp_path))
    return {pid: handle for pid, handle in db.session.execute(select(Product.id, Product.handle))}


def _score(found: list[str], relevant: set[str]) -> tuple[float, float]:
    precision = len(set(found[:5]) & relevant) / min(5, len(relevant))
    recall = len(set(found[:10]) & relevant) / min(10, len(relevant))
    return precision, recall


def test_judged_queries_find_what_shoppers_want_first(db, demo_store, capsys):
    ref = reference.get()
    scores: dict[str, list[tuple[float, float]]] = defaultdict(list)
    misses = []
    for query in _judgements():
        lang = query["lang"]
        who = Shopper(CONTENT_LOCALES[lang], ref.markets[query["market"]], ref, clock.today())
        result = search(Params(q=query["q"]), who)
        found = [demo_store[card.id] for card in result.cards[:10]]
        relevant = set(query["relevant"])
        precision, recall = _score(found, relevant)
        scores[lang].append((precision, recall))
        if precision < 1 or recall < 1:
            wrong = [h for h in found[:5] if h not in relevant]
            misses.append(f"  {query['q']!r}: P@5 {precision:.2f} R@10 {recall:.2f} {wrong}")
    every = [pair for pairs in scores.values() for pair in pairs]
    precision = sum(p for p, _r in every) / len(every)
    recall = sum(r for _p, r in every) / len(every)
    with capsys.disabled():
        engine = db.session.get_bind().dialect.name
        print(f"\nsearch judgements on {engine}: {len(every)} queries")
        for lang, pairs in sorted(scores.items()):
            p = sum(x for x, _ in pairs) / len(pairs)
            r = sum(y for _, y in pairs) / len(pairs)
            print(f"  {lang:8} {len(pairs):3} queries  P@5 {p:.3f}  R@10 {r:.3f}")
        print(f"  {'all':8} {len(every):3} queries  P@5 {precision:.3f}  R@10 {recall:.3f}")
        print("\n".join(misses))
    assert precision >= PRECISION_FLOOR
    assert recall >= RECALL_FLOOR
    for lang, pairs in scores.items():
        assert sum(p for p, _r in pairs) / len(pairs) >= LANGUAGE_FLOOR, lang
        assert sum(r for _p, r in pairs) / len(pairs) >= LANGUAGE_FLOOR, lang
