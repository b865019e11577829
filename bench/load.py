"""`make bench`: the store's speed under load, against its own ceiling, on one or two servers.

    python -m bench.load [--products 100000] [--orders 100000] [--duration 10]
                         [--concurrency 16,64] [--workers 2] [--servers 2|1]
                         [--pages home,product,...] [--profile home,product] [--store DIR]

Builds a throwaway store (SQLite in a temporary folder; BENCH_DATABASE_URL=postgresql://... for
a throwaway database on that PostgreSQL server, dropped after), starts the app under gunicorn
on 127.0.0.1 with the production configuration and a throwaway redis-server, and drives each
page with wrk for `--duration` seconds at each concurrency, the ceiling page (bench/wsgi.py,
app/web/ceiling.py) before and after the pages. Prints a table and writes bench/results.json.
With two servers (the default; `--servers 1` for one), every figure is also taken from two
servers driven at once, and the run checks that a session, a rate limit and an operator's
change are shared by both.
Everything it starts is stopped, and its temporary files removed, however the run ends.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from bench import checks, profiling, report, scenario, store, wrk
from bench.client import Browser
from bench.servers import ROOT, Processes, settle

RESULTS = ROOT / "bench" / "results.json"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--vendors", type=int, default=1_000)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per measurement")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds before each page")
    parser.add_argument("--concurrency", default="16,64")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument(
        "--servers",
        type=int,
        choices=(1, 2),
        default=2,
        help="2 (the default): every figure on one server, then on two at once",
    )
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--deep", type=int, default=100, help="'next' links to the deep page")
    parser.add_argument("--pages", default="", help="only these pages (names, comma-separated)")
    parser.add_argument("--profile", default="", help="py-spy these pages (comma-separated)")
    parser.add_argument(
        "--store", type=Path, help="keep the SQLite store in this folder and reuse it next time"
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    return parser.parse_args()


def _stop_on_sigterm() -> None:
    def _handler(_signum, _frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _handler)


def _commit() -> str | None:
    try:
        head = subprocess.run(  # noqa: S603, S607 - read-only git
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(  # noqa: S603, S607 - read-only git
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return None
    return f"{head}{'+changes' if dirty else ''}" if head else None


def _server_env(built: store.Store, folder: Path, redis_url: str) -> dict[str, str]:
    """The production configuration's required settings, all pointing at this run's own
    services on 127.0.0.1 (Stripe at a closed loopback port: nothing benchmarked calls it)."""
    return {
        "TGG_CONFIG": "production",
        "SECRET_KEY": secrets.token_urlsafe(32),
        "DATABASE_URL": built.url,
        "SITE_URL": "http://127.0.0.1",
        "REDIS_URL": redis_url,
        "STRIPE_API_BASE": "http://127.0.0.1:9",
        "STRIPE_SECRET_KEY": "sk_test_bench",
        "STRIPE_PUBLISHABLE_KEY": "pk_test_bench",
        "STRIPE_WEBHOOK_SECRET": "whsec_bench",
        "MEDIA_ROOT": str(built.media_root),
        "PRIVATE_MEDIA_ROOT": str(folder / "private-media"),
        "INSTANCE_PATH": str(folder / "instance"),
        "MAIL_SUPPRESS_SEND": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def _sizes(base_url: str, cookie: str, page: scenario.Page) -> dict:
    """The page's HTML as sent plain and compressed (the browser's Accept-Encoding)."""
    sizes = {}
    for encoding, key in (("identity", "bytes"), ("br, gzip", "bytes_compressed")):
        response = Browser(base_url).request(
            page.method,
            page.path,
            headers={**page.headers, "Cookie": cookie},
            encoding=encoding,
            body=page.body,
        )
        sizes[key] = len(response.body)
        sizes["status"] = response.status
        if key == "bytes_compressed":
            sizes["encoding"] = response.headers.get("Content-Encoding", "identity")
    return sizes


def _statements(env: dict, base_url: str, cookie: str, pages: list[scenario.Page]) -> dict:
    job = {
        "base_url": base_url,
        "pages": [
            {
                "name": p.name,
                "method": p.method,
                "path": p.path,
                "body": p.body,
                "headers": {**p.headers, "Cookie": cookie, **_browser_headers()},
            }
            for p in pages
        ],
    }
    done = subprocess.run(  # noqa: S603 - our own module
        [sys.executable, "-m", "bench.statements"],
        input=json.dumps(job),
        env={**os.environ, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print("counting statements failed:\n" + done.stderr[-3000:], file=sys.stderr)
        return {}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _browser_headers() -> dict[str, str]:
    from bench.client import BROWSER_HEADERS

    return {**BROWSER_HEADERS, "Accept-Encoding": "br, gzip"}


def _request(page: scenario.Page, cookie: str) -> wrk.Request:
    return wrk.Request(
        path=page.path,
        method=page.method,
        body=page.body,
        headers={**_browser_headers(), **page.headers, "Cookie": cookie},
    )


def main() -> None:  # noqa: C901 - the run's steps, in order
    args = _arguments()
    _stop_on_sigterm()
    levels = [int(c) for c in args.concurrency.split(",") if c.strip()]
    for tool in ("wrk", "redis-server"):
        if not subprocess.run(["which", tool], capture_output=True).returncode == 0:  # noqa: S603, S607
            raise SystemExit(f"{tool} is missing: sudo apt-get install {tool}")
    database_url = os.environ.get("BENCH_DATABASE_URL", "")
    started = time.monotonic()
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tgg-bench-")))
        print(f"Building a store of {args.products:,} products, {args.orders:,} orders...")
        if database_url:
            built = stack.enter_context(
                store.postgres_store(database_url, folder, args.products, args.vendors, args.orders)
            )
        else:
            built = stack.enter_context(
                store.sqlite_store(
                    args.store or folder / "store",
                    args.products,
                    args.vendors,
                    args.orders,
                    work=folder / "store" if args.store else None,
                )
            )
        seconds = built.built.get("seconds", {})
        print(
            f"  {built.kind}: "
            + ("kept store, built in " if built.built.get("reused") else "")
            + ", ".join(f"{k} {v:.0f} s" for k, v in seconds.items())
        )
        processes = stack.enter_context(Processes(folder))
        redis_url = processes.redis()
        env = _server_env(built, folder, redis_url)
        servers = [
            processes.gunicorn(f"app-{n + 1}", args.workers, env) for n in range(args.servers)
        ]
        print("Servers: " + ", ".join(s.base_url for s in servers) + f" ({args.workers} workers)")
        browser = Browser(servers[0].base_url)
        try:
            plan = scenario.prepare(browser, args.deep)
        except RuntimeError:
            print(processes.log_tail(servers[0].name), file=sys.stderr)
            raise
        for name, why in plan.broken.items():
            print(f"  left out {name}: {why} (the server log's errors are listed at the end)")
        pages = plan.pages
        if args.pages:
            wanted = {p.strip() for p in args.pages.split(",")}
            pages = [p for p in pages if p.name in wanted or p.name.split(",")[0] in wanted]
        sizes = {p.name: _sizes(servers[0].base_url, plan.cookie, p) for p in pages}
        statements = _statements(env, servers[0].base_url, plan.cookie, pages)
        ceiling_page = scenario.Page("ceiling", f"/{scenario.LANG}/_bench/ceiling")
        groups = [servers[:1]] if args.servers == 1 else [servers[:1], servers]
        measurements = len(groups) * len(levels) * (len(pages) + 2)
        print(
            f"Measuring {len(pages)} pages and the ceiling, "
            f"{measurements} runs of {args.duration:.0f} s (+{args.warmup:.0f} s warm-up): "
            f"about {measurements * (args.duration + args.warmup) / 60:.0f} minutes"
        )
        ceiling_rows, page_rows = [], []
        profiles = {p.strip() for p in args.profile.split(",") if p.strip()}

        def drive(page: scenario.Page, group, concurrency: int) -> wrk.Result:
            request = _request(page, plan.cookie)
            urls = [s.base_url for s in group]
            if args.warmup:
                settle(urls)
                wrk.run(urls, request, concurrency, args.warmup, folder, args.threads)
            waited = settle(urls)
            if waited > 5:
                print(f"    (waited {waited:.0f} s for the servers to finish queued requests)")
            return wrk.run(urls, request, concurrency, args.duration, folder, args.threads)

        for group in groups:
            for concurrency in levels:
                result = drive(ceiling_page, group, concurrency)
                ceiling_rows.append(report.ceiling_row(result, concurrency, len(group), "before"))
                print(f"  ceiling c{concurrency} x{len(group)}: {result.rps:.0f} req/s")
            for page in pages:
                for concurrency in levels:
                    result = drive(page, group, concurrency)
                    page_rows.append(
                        report.page_row(
                            page.name,
                            page.path,
                            concurrency,
                            len(group),
                            result,
                            sizes[page.name],
                            statements.get(page.name),
                        )
                    )
                    print(
                        f"  {page.name} c{concurrency} x{len(group)}: {result.rps:.0f} req/s, "
                        f"p99 {result.p99_ms:.0f} ms, {result.errors} errors"
                    )
            for concurrency in levels:
                result = drive(ceiling_page, group, concurrency)
                ceiling_rows.append(report.ceiling_row(result, concurrency, len(group), "after"))
                print(f"  ceiling c{concurrency} x{len(group)}: {result.rps:.0f} req/s")

        for page in pages:
            if page.name in profiles:
                print(f"\nProfile of {page.name} under load (c{levels[0]}):")
                print(_profile(page, plan.cookie, servers[0], levels[0], args, folder))

        results = {
            "pages": page_rows,
            "ceiling": ceiling_rows,
            "products": built.built.get("products", args.products),
            "database": built.kind,
            "orders": built.built.get("orders", args.orders),
            "vendors": built.built.get("vendors_with_products"),
            "servers": args.servers,
            "workers": args.workers,
            "duration_s": args.duration,
            "deep_page": plan.deep_pages + 1,
            "cpus": os.cpu_count(),
            "commit": _commit(),
            "build_seconds": {k: round(v, 1) for k, v in seconds.items()},
            "left_out": plan.broken,
        }
        report.add_ratios(page_rows, ceiling_rows)
        results["server_errors"] = _server_errors(processes, servers)
        for line, count in results["server_errors"].items():
            print(f"  server log: {count} x {line}")
        if args.servers == 2:
            print("\nChecking what two servers share...")
            results["shared"] = checks.run_all(servers, env, plan)
            for name, outcome in results["shared"].items():
                print(f"  {name}: {outcome}")
        print()
        print(report.table(results))
        args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        print(f"\nWrote {args.output} ({(time.monotonic() - started) / 60:.1f} minutes in all)")


def _server_errors(processes: Processes, servers) -> dict[str, int]:
    """The app's error lines in the servers' logs ("Unhandled error on GET /th/cart"), with
    how often each came: a page that fails under load is a finding, not a figure."""
    found: dict[str, int] = {}
    for server in servers:
        for line in processes.log_tail(server.name, size=10**8).splitlines():
            if "ERROR in" in line or "CRITICAL" in line:
                text = line.split("] ", 1)[-1].strip()
                found[text] = found.get(text, 0) + 1
    return found


def _profile(page, cookie, server, concurrency, args, folder) -> str:
    request = _request(page, cookie)
    slug = page.name.split(" ")[0].split(",")[0]
    svg = ROOT / "bench" / f"profile-{slug}.svg"
    raw = folder / f"profile-{slug}.txt"
    outputs = []
    for output, fmt in ((raw, "raw"), (svg, "flamegraph")):
        spy = profiling.record(server.process.pid, output, args.duration, fmt)
        try:
            time.sleep(0.5)
            wrk.run([server.base_url], request, concurrency, args.duration, folder, args.threads)
            _out, err = spy.communicate(timeout=args.duration + 30)
            if spy.returncode != 0:
                outputs.append(f"py-spy failed: {err[-500:]}")
        finally:
            if spy.poll() is None:
                spy.kill()
                spy.wait()
    text = profiling.summary(raw.read_text()) if raw.exists() else "\n".join(outputs)
    (ROOT / "bench" / f"profile-{slug}.txt").write_text(text + "\n")
    return text + f"\n(flame graph: {svg})"


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        print("\nStopped; servers and temporary files cleaned up.", file=sys.stderr)
        sys.exit(130)
