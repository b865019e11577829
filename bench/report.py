"""The benchmark's figures: rows of bench/results.json and the table printed at the end.

results.json (issue 16): {"pages": [{"name", "url", "concurrency", "rps", "p50_ms", "p99_ms",
"errors", "bytes", "bytes_compressed", "sql", ...}], "ceiling": [{"concurrency", "rps",
"p50_ms", "p99_ms", ...}], "products": N, "database": "sqlite|postgresql", ...}. Rows also
carry "servers" (app servers driven at once) and pages "ratio" (requests/s over the ceiling's,
the mean of the ceiling runs before and after the pages at the same concurrency and servers).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bench.wrk import Result


def measured(result: Result) -> dict:
    return {
        "rps": round(result.rps, 1),
        "p50_ms": round(result.p50_ms, 1),
        "p99_ms": round(result.p99_ms, 1),
        "errors": result.errors,
        "requests": result.requests,
    }


def ceiling_row(result: Result, concurrency: int, servers: int, when: str) -> dict:
    row = {"concurrency": concurrency, **measured(result), "servers": servers, "round": when}
    row.pop("requests")
    return row


def page_row(
    name: str,
    url: str,
    concurrency: int,
    servers: int,
    result: Result,
    sizes: dict,
    sql: int | None,
) -> dict:
    return {
        "name": name,
        "url": url,
        "concurrency": concurrency,
        **measured(result),
        "bytes": sizes.get("bytes"),
        "bytes_compressed": sizes.get("bytes_compressed"),
        "encoding": sizes.get("encoding"),
        "status": sizes.get("status"),
        "sql": sql,
        "servers": servers,
    }


def ceiling_rps(ceiling: Iterable[dict], concurrency: int, servers: int) -> float | None:
    runs = [
        row["rps"]
        for row in ceiling
        if row["concurrency"] == concurrency and row.get("servers", 1) == servers
    ]
    return sum(runs) / len(runs) if runs else None


def add_ratios(pages: list[dict], ceiling: Sequence[dict]) -> None:
    for row in pages:
        reference = ceiling_rps(ceiling, row["concurrency"], row.get("servers", 1))
        row["ratio"] = round(row["rps"] / reference, 2) if reference else None


def _cell(value, spec: str = "") -> str:
    if value is None:
        return "-"
    return format(value, spec)


def table(results: dict) -> str:
    """The figures as a plain-text table, ceiling first, then each page."""
    header = (
        f"{'page':<24}{'srv':>4}{'conc':>5}{'req/s':>9}{'ratio':>7}{'p50 ms':>8}{'p99 ms':>8}"
        f"{'errors':>7}{'bytes':>8}{'br/gz':>7}{'sql':>5}"
    )
    lines = [header, "-" * len(header)]
    for row in results["ceiling"]:
        lines.append(
            f"{'ceiling (' + row.get('round', '') + ')':<24}{row.get('servers', 1):>4}"
            f"{row['concurrency']:>5}{row['rps']:>9.1f}{1:>7.2f}{row['p50_ms']:>8.1f}"
            f"{row['p99_ms']:>8.1f}{row['errors']:>7}{'':>8}{'':>7}{'':>5}"
        )
    for row in results["pages"]:
        lines.append(
            f"{row['name'][:23]:<24}{row.get('servers', 1):>4}{row['concurrency']:>5}"
            f"{row['rps']:>9.1f}{_cell(row.get('ratio'), '.2f'):>7}{row['p50_ms']:>8.1f}"
            f"{row['p99_ms']:>8.1f}{row['errors']:>7}{_cell(row['bytes'], ',d'):>8}"
            f"{_cell(row['bytes_compressed'], ',d'):>7}{_cell(row['sql'], 'd'):>5}"
        )
    return "\n".join(lines)
