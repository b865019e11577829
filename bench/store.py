"""Where the benchmark's store lives: a SQLite file in the run's temporary folder, or a throwaway
database on the PostgreSQL server BENCH_DATABASE_URL names (created for the run, dropped after
it), or a SQLite store kept in a folder between runs (`--store DIR`, built the first time)."""

from __future__ import annotations

import hashlib
import json
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Store:
    #: the URL the app is given (DATABASE_URL)
    url: str
    kind: str
    media_root: Path
    #: what building it reported (bench/build.py), with the seconds it took
    built: dict


def app_url(url: str) -> str:
    """A DATABASE_URL as config.py reads it (psycopg 3 for PostgreSQL)."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _loopback_only(url: str) -> None:
    host = urlsplit(url).hostname
    if host not in ("127.0.0.1", "localhost", "::1", None):
        raise SystemExit(f"BENCH_DATABASE_URL must be on this machine (127.0.0.1), not {host}")


def _build(url: str, media: Path, products: int, vendors: int, orders: int) -> dict:
    started = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our own module
        [
            sys.executable,
            "-m",
            "bench.build",
            "--url",
            url,
            "--media",
            str(media),
            "--products",
            str(products),
            "--vendors",
            str(vendors),
            "--orders",
            str(orders),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError("building the store failed:\n" + done.stderr[-4000:])
    report = json.loads(done.stdout.strip().splitlines()[-1])
    report["seconds"]["total"] = time.perf_counter() - started
    return report


def _schema() -> str:
    """A fingerprint of the migrations: a kept store built before a schema change is rebuilt."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "migrations" / "versions").glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def _copy_of(database: Path, work: Path) -> Path:
    """A copy of a kept store for one run (the run writes to it: carts, sessions, a new
    exchange rate), so that the kept store stays as it was built."""
    import sqlite3

    work.mkdir(parents=True, exist_ok=True)
    copy = work / database.name
    with sqlite3.connect(database) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    source.close()
    target.close()
    return copy


@contextmanager
def sqlite_store(
    folder: Path, products: int, vendors: int, orders: int, work: Path | None = None
) -> Iterator[Store]:
    """A SQLite store built in `folder`. With `work` (a store kept between runs), a store
    already built in `folder` with the same sizes and schema is used again, and the run gets a
    copy of it in `work`."""
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "bench.sqlite3"
    media = folder / "media"
    recorded = folder / "store.json"
    sizes = {"products": products, "vendors": vendors, "orders": orders, "schema": _schema()}
    built = json.loads(recorded.read_text()) if recorded.exists() else {}
    if work is not None and database.exists() and built.get("sizes") == sizes:
        built["reused"] = True
    else:
        for stale in folder.glob("bench.sqlite3*"):
            stale.unlink()
        built = _build(f"sqlite:///{database}", media, products, vendors, orders)
        built["sizes"] = sizes
        recorded.write_text(json.dumps(built))
    used = _copy_of(database, work) if work is not None else database
    yield Store(f"sqlite:///{used}", "sqlite", media, built)


@contextmanager
def postgres_store(
    server_url: str, folder: Path, products: int, vendors: int, orders: int
) -> Iterator[Store]:
    """A database of its own on the server, dropped when the run ends, however it ends."""
    import psycopg

    _loopback_only(server_url)
    name = f"tgg_bench_{secrets.token_hex(4)}"
    plain = server_url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(app_url(server_url))
    url = urlunsplit(parts._replace(path=f"/{name}"))
    try:
        built = _build(url, folder / "media", products, vendors, orders)
        yield Store(url, "postgresql", folder / "media", built)
    finally:
        with psycopg.connect(plain, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
