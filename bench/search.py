"""Search latency on a large catalog: p50 and p95 per kind of query, on the engine that
DATABASE_URL points at.

    flask --app wsgi demo-data --products 100000      # once, into an empty database
    python -m bench.search [--rounds 30]

Times the search service as a page calls it (matching, ranking, the page of cards and the
facet counts), after a warm-up round; the process's first search, which loads its copy of
the ranking rows, is timed apart. Speed is measured here, never in the test suite.
"cpu p95" is this process's CPU time: on SQLite, which runs inside the process, it is what
the wall time would be on an idle machine (it leaves out waiting for a busy CPU); on
PostgreSQL it leaves out the server's work, so read only the wall times there.
"""

from __future__ import annotations

import argparse
import statistics
import time

from sqlalchemy import func, select

from app import create_app
from app.extensions import db
from app.models import SearchDocument
from app.services import clock, reference
from app.services.search.service import Params, search, suggest
from app.services.shopper import Shopper

QUERIES = {
    "Thai, 3+ characters": ["อู่หลง", "สับปะรด", "ชาดำ", "ขนมพาย"],
    "Chinese, 3+ characters": ["烏龍茶", "鳳梨酥", "高山茶", "日月潭"],
    "English, 3+ characters": ["oolong", "pineapple", "sun cake", "soy sauce"],
    "Chinese, 1-2 characters": ["茶", "烏龍", "紅茶", "米粉"],
    "Thai, 1-2 characters": ["ชา", "ขน", "ซอ"],
    "English typo": ["pinapple", "oolnog"],
    # A lone Thai consonant is a keystroke rather than a query, but it is the worst case:
    # it occurs in two thirds of the demo catalog's names.
    "Thai, worst case (ข)": ["ข"],
}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(share * (len(ordered) - 1))))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    app = create_app()
    with app.test_request_context("/th/"):
        documents = db.session.scalar(select(func.count()).select_from(SearchDocument))
        ref = reference.get()
        shopper = Shopper("th", ref.markets["TH"], ref, clock.today())
        engine = db.engine.dialect.name
        print(f"{engine}: {documents:,} searchable products, {args.rounds} rounds per query")
        # the process's first search loads its copy of the ranking rows (services.search.memory)
        started = time.perf_counter()
        search(Params(q="oolong"), shopper)
        db.session.rollback()
        print(
            f"first search of the process (loads its copy): {time.perf_counter() - started:.2f} s\n"
        )
        print(
            f"{'queries':<26}{'p50 ms':>9}{'p95 ms':>9}{'cpu p95':>9}{'results (first query)':>24}"
        )
        for label, queries in QUERIES.items():
            for query in queries:  # warm-up: caches, statement compilation, page cache
                search(Params(q=query), shopper)
            timings, cpu = [], []
            for _ in range(args.rounds):
                for query in queries:
                    started, started_cpu = time.perf_counter(), time.process_time()
                    search(Params(q=query), shopper)
                    timings.append((time.perf_counter() - started) * 1000)
                    cpu.append((time.process_time() - started_cpu) * 1000)
                    db.session.rollback()
            total = search(Params(q=queries[0]), shopper).total
            print(
                f"{label:<26}{statistics.median(timings):>9.1f}"
                f"{percentile(timings, 0.95):>9.1f}{percentile(cpu, 0.95):>9.1f}{total:>24,}"
            )
        timings = []
        for _ in range(args.rounds):
            for query in ["烏", "ช", "oo", "pi"]:
                started = time.perf_counter()
                suggest(query, shopper)
                timings.append((time.perf_counter() - started) * 1000)
        print(
            f"{'suggestions (1-2 chars)':<26}{statistics.median(timings):>9.1f}"
            f"{percentile(timings, 0.95):>9.1f}"
        )


if __name__ == "__main__":
    main()
