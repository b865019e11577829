"""Where a page's time goes under load: py-spy samples the app server's workers while wrk drives
the page (`--profile home,product`). Writes a flame graph (bench/profile-<page>.svg) and prints
the functions that hold the most samples, inclusive (on the stack) and self (at the top).

py-spy comes from requirements-bench.txt; it needs permission to read another process's memory
(root, or CAP_SYS_PTRACE, or kernel.yama.ptrace_scope=0).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def py_spy() -> str | None:
    beside = Path(sys.executable).with_name("py-spy")
    return str(beside) if beside.exists() else shutil.which("py-spy")


def record(pid: int, output: Path, seconds: float, fmt: str) -> subprocess.Popen:
    """Sample gunicorn's master and its workers (--subprocesses) for `seconds`."""
    tool = py_spy()
    if tool is None:
        raise RuntimeError("py-spy is not installed: pip install -r requirements-bench.txt")
    return subprocess.Popen(  # noqa: S603 - py-spy with our own arguments
        [
            tool,
            "record",
            "--pid",
            str(pid),
            "--subprocesses",
            "--nonblocking",
            "--rate",
            "200",
            "--duration",
            str(max(1, round(seconds))),
            "--format",
            fmt,
            "--output",
            str(output),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def hotspots(raw: str, top: int = 25) -> tuple[int, list[tuple[str, int]], list[tuple[str, int]]]:
    """(samples, inclusive, self) from py-spy's raw (collapsed) stacks: each line is
    "frame;frame;...;frame count", the outermost frame first. Idle samples (the workers'
    wait for a request) are left out, so shares are of the time spent on requests."""
    inclusive: Counter[str] = Counter()
    self_time: Counter[str] = Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        # --subprocesses puts the process ("process 123:...") at the root of each stack
        frames = [f for f in stack.split(";") if not f.startswith("process ")]
        if not frames:
            continue
        if any(idle in frames[-1] for idle in ("select (", "wait (", "sleep (", "accept (")):
            continue
        n = int(count)
        total += n
        for frame in dict.fromkeys(_short(f) for f in frames):
            inclusive[frame] += n
        self_time[_short(frames[-1])] += n
    return total, inclusive.most_common(top), self_time.most_common(top)


def _short(frame: str) -> str:
    """ "render (jinja2/environment.py:1295)" → "render (jinja2/environment.py)": one entry per
    function, whatever line it was on."""
    name, _, where = frame.partition(" (")
    path = where.rstrip(")").rsplit(":", 1)[0]
    for marker in ("site-packages/", "/work/main/", "lib/python3"):
        if marker in path:
            path = path.split(marker, 1)[1]
    return f"{name} ({path})" if path else name


def summary(raw: str, top: int = 25) -> str:
    total, inclusive, self_time = hotspots(raw, top)
    if not total:
        return "no busy samples"
    lines = [f"{total} busy samples", "inclusive (on the stack):"]
    lines += [f"  {100 * n / total:5.1f}%  {frame}" for frame, n in inclusive]
    lines.append("self (at the top of the stack):")
    lines += [f"  {100 * n / total:5.1f}%  {frame}" for frame, n in self_time]
    return "\n".join(lines)
