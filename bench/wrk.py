"""Driving a server with wrk (Debian's package): the Lua script of one run and the figures it
reports.

Every run writes its own small Lua script: the request (method, body, headers: a shopper's
cookie, CSRF token, htmx header) and a `done` hook that prints one JSON line with the counts and
latency percentiles, so nothing is scraped from wrk's human-readable table.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

MARKER = "BENCH_JSON "

DONE = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '%s{"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p90_us": %d, ' ..
    '"p99_us": %d, "max_us": %d}\\n',
    MARKER, summary.requests, summary.duration, summary.bytes, e.connect, e.read,
    e.write, e.status, e.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max))
end
"""


@dataclass(frozen=True)
class Request:
    """What every request of a run sends."""

    path: str
    method: str = "GET"
    body: str | None = None
    headers: Mapping[str, str] | None = None


@dataclass(frozen=True)
class Result:
    """One wrk run (or several at once, combined)."""

    requests: int
    #: responses outside 2xx/3xx, and socket errors (connect, read, write, timeout)
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        """Good responses per second (errors do not count as throughput)."""
        return max(self.requests - self.errors, 0) / self.seconds if self.seconds else 0.0


#: characters written as they are in a Lua string literal; every other byte is escaped
SAFE = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,:;/=+*%&?!()")


def lua_string(value: str) -> str:
    """A Lua string literal for any text: UTF-8 bytes outside SAFE as decimal escapes."""
    return '"' + "".join(chr(b) if b in SAFE else f"\\{b:03d}" for b in value.encode()) + '"'


def script(request: Request) -> str:
    lines = [f"MARKER = {lua_string(MARKER)}", f"wrk.method = {lua_string(request.method)}"]
    lines.append(f"wrk.path = {lua_string(request.path)}")
    if request.body is not None:
        lines.append(f"wrk.body = {lua_string(request.body)}")
    for name, value in (request.headers or {}).items():
        lines.append(f"wrk.headers[{lua_string(name)}] = {lua_string(value)}")
    return "\n".join(lines) + "\n" + DONE


def parse(output: str) -> Result:
    """The figures of one wrk run from its output (the `done` hook's JSON line)."""
    for line in output.splitlines():
        if line.startswith(MARKER):
            data = json.loads(line[len(MARKER) :])
            break
    else:
        raise ValueError(f"wrk printed no result line:\n{output[-2000:]}")
    errors = sum(data[k] for k in ("status", "connect", "read", "write", "timeout"))
    return Result(
        requests=data["requests"],
        errors=errors,
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
    )


def combine(results: Sequence[Result]) -> Result:
    """Runs made at the same time against several servers: requests and errors add up over the
    longest duration; the percentiles are the worst of the runs' (an upper bound: wrk does not
    hand out its histograms)."""
    return Result(
        requests=sum(r.requests for r in results),
        errors=sum(r.errors for r in results),
        seconds=max(r.seconds for r in results),
        p50_ms=max(r.p50_ms for r in results),
        p99_ms=max(r.p99_ms for r in results),
    )


def command(
    base_url: str, script_path: Path, concurrency: int, seconds: float, threads: int
) -> list[str]:
    return [
        "wrk",
        f"-t{max(1, min(threads, concurrency))}",
        f"-c{concurrency}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "5s",
        "-s",
        str(script_path),
        base_url,
    ]


def run(
    base_urls: Sequence[str],
    request: Request,
    concurrency: int,
    seconds: float,
    folder: Path,
    threads: int = 2,
) -> Result:
    """wrk against each of `base_urls` at once, the concurrency shared between them."""
    path = folder / "run.lua"
    path.write_text(script(request), encoding="utf-8")
    share = max(1, concurrency // len(base_urls))
    per_server_threads = max(1, threads // len(base_urls))
    processes = [
        subprocess.Popen(  # noqa: S603 - wrk with our own arguments
            command(url, path, share, seconds, per_server_threads),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for url in base_urls
    ]
    outputs = []
    try:
        for process in processes:
            out, _ = process.communicate(timeout=seconds + 30)
            outputs.append(out)
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
    return combine([parse(out) for out in outputs])


def available() -> bool:
    return shutil.which("wrk") is not None
