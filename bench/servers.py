"""The processes of a benchmark run (gunicorn app servers, a throwaway redis-server), started on
127.0.0.1 only, each in a process group of its own, and all stopped when the run ends, however it
ends (Ctrl-C and errors too: `Processes` is a context manager)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def gunicorn_flags() -> list[str]:
    """Flags this gunicorn needs: 23+ opens a control socket in the home folder unless told."""
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    help_text = subprocess.run(  # noqa: S603 - our venv's gunicorn
        [gunicorn, "--help"], capture_output=True, text=True, check=False
    ).stdout
    return ["--no-control-socket"] if "--no-control-socket" in help_text else []


class Processes:
    """Started processes, stopped (their whole group) on exit."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.started: list[subprocess.Popen] = []

    def __enter__(self) -> Processes:
        return self

    def __exit__(self, *exc) -> None:
        self.stop_all()

    def start(self, name: str, args: list[str], env: Mapping[str, str] | None = None):
        log = (self.folder / f"{name}.log").open("wb")
        process = subprocess.Popen(  # noqa: S603 - our own commands
            args,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
            cwd=ROOT,
            start_new_session=True,  # its own group: stopping it stops its workers too
        )
        log.close()
        self.started.append(process)
        return process

    def stop(self, process: subprocess.Popen) -> None:
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            except ProcessLookupError:
                pass
        if process in self.started:
            self.started.remove(process)

    def stop_all(self) -> None:
        for process in reversed(list(self.started)):
            self.stop(process)

    def log_tail(self, name: str, size: int = 3000) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text(errors="replace")[-size:] if path.exists() else ""

    def redis(self) -> str:
        """A throwaway redis-server on a loopback port, nothing saved to disk."""
        port = free_port()
        process = self.start(
            "redis",
            [
                "redis-server",
                "--bind",
                HOST,
                "--port",
                str(port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
        )
        url = f"redis://{HOST}:{port}/0"
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError("redis-server stopped:\n" + self.log_tail("redis"))
            try:
                with socket.create_connection((HOST, port), timeout=0.5):
                    return url
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not answer")

    def gunicorn(self, name: str, workers: int, env: Mapping[str, str]) -> Server:
        """An app server, once it answers."""
        port = free_port()
        args = [
            str(Path(sys.executable).with_name("gunicorn")),
            *gunicorn_flags(),
            "-w",
            str(workers),
            "-b",
            f"{HOST}:{port}",
            "--worker-tmp-dir",
            str(self.folder),
            "--graceful-timeout",
            "5",
            "bench.wsgi:app",
        ]
        process = self.start(name, args, {**env, "PORT": str(port)})
        base = f"http://{HOST}:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"{name} stopped:\n" + self.log_tail(name))
            try:
                with urllib.request.urlopen(base + "/robots.txt", timeout=2) as answer:  # noqa: S310 - loopback
                    if answer.status == 200:
                        return Server(name, base, process)
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{name} did not answer at {base}:\n" + self.log_tail(name))


def settle(base_urls: list[str], quick: float = 0.25, limit: float = 120.0) -> float:
    """Wait until each server answers a cheap request quickly: requests still queued from the
    last run (wrk stops waiting; the workers do not) would otherwise be served during the
    next one. Returns the seconds waited; gives up after `limit`."""
    started = time.monotonic()
    for base in base_urls:
        while time.monotonic() - started < limit:
            asked = time.monotonic()
            try:
                with urllib.request.urlopen(base + "/robots.txt", timeout=limit) as answer:  # noqa: S310 - loopback
                    answer.read()
            except OSError:
                time.sleep(0.5)
                continue
            if time.monotonic() - asked < quick:
                break
    return time.monotonic() - started


@dataclass(frozen=True)
class Server:
    name: str
    base_url: str
    process: subprocess.Popen

    def worker_pids(self) -> list[int]:
        """Its gunicorn workers (the children of its master process)."""
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    found.append(int(entry.name))
        return sorted(found)
