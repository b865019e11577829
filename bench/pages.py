"""Page timings and SQL statements per page on the database DATABASE_URL points at.

    python -m bench.pages [--rounds 50]

Renders each page type through the app (no network), after a warm-up, and prints the median
and 95th percentile time and the statements one cold and one warm request run.
"""

from __future__ import annotations

import argparse
import statistics
import time

from sqlalchemy import event, select

from app import create_app
from app.extensions import db
from app.models import Product, Vendor
from app.services import cache


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    app = create_app()
    with app.app_context():
        product = db.session.execute(
            select(Vendor.slug, Product.handle)
            .join(Product.vendor)
            .where(Product.status == "active")
            .order_by(Product.id)
            .limit(1)
        ).one()
        engine = db.engine
    pages = {
        "home": "/th/",
        "category": "/th/c/tea",
        "category, later page": None,
        "product": f"/th/products/{product.slug}/{product.handle}",
        "zone": "/th/zones/taipei-good-goods",
        "vendor shop": f"/th/shops/{product.slug}",
        "search": "/th/search?q=%E0%B8%AD%E0%B8%B9%E0%B9%88%E0%B8%AB%E0%B8%A5%E0%B8%87",
    }
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    client = app.test_client()
    html = client.get("/th/c/tea").get_data(as_text=True)
    import re

    more = re.search(r'href="(/th/c/tea\?[^"]*after=[^"]+)"', html)
    pages["category, later page"] = more.group(1).replace("&amp;", "&") if more else "/th/c/tea"
    print(f"{engine.dialect.name}\n")
    print(f"{'page':<22}{'p50 ms':>8}{'p95 ms':>8}{'SQL cold':>10}{'SQL warm':>10}")
    for name, url in pages.items():
        cache.invalidate_all()
        client.get("/th/")  # reference data loaded, as on every request after the first
        statements.clear()
        client.get(url)
        cold = len(statements)
        statements.clear()
        client.get(url)
        warm = len(statements)
        timings = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        print(f"{name:<22}{statistics.median(timings):>8.1f}{p95:>8.1f}{cold:>10}{warm:>10}")


if __name__ == "__main__":
    main()
