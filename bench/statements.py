"""SQL statements per request of each benchmarked page: one request through the app in this
process (the same configuration and database as the servers under load), counted with
SQLAlchemy's cursor event, after a first request has warmed the caches (what a page costs in
the steady state under load). Run by bench/load.py with the servers' environment:

    python -m bench.statements < pages.json     # {"base_url", "pages": [{"name", "method",
                                                #   "path", "body", "headers"}]}

Prints {"name": statements, ...} as one JSON line. The once-a-second cache stamp check
(services.cache_versions) is no cost of a page and is not counted.
"""

from __future__ import annotations

import json
import sys

from sqlalchemy import event

CHECK_OPTION = "tgg_cache_version_check"


def main() -> None:
    job = json.load(sys.stdin)
    from bench.wsgi import app

    try:
        from app.services.cache_versions import CHECK_OPTION as check_option
    except ImportError:  # an app without cross-process stamps
        check_option = CHECK_OPTION
    from app.extensions import db

    statements: list[str] = []

    def _count(_conn, _cursor, statement, _parameters, context, _executemany):
        if context is not None and context.execution_options.get(check_option):
            return
        statements.append(statement)

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", _count)
    client = app.test_client(use_cookies=False)
    counts = {}
    for page in job["pages"]:
        kwargs = {
            "method": page.get("method", "GET"),
            "headers": page.get("headers") or {},
            "base_url": job["base_url"],
        }
        if page.get("body") is not None:
            kwargs["data"] = page["body"]
        client.open(page["path"], **kwargs)  # warms this page's caches
        statements.clear()
        response = client.open(page["path"], **kwargs)
        counts[page["name"]] = len(statements) if response.status_code < 400 else None
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
