"""Real servers the tests start on loopback: ports, waiting for them, redis-server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

import redis
import requests

from tests.tools import require_tool


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(check, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (redis.ConnectionError, requests.RequestException, OSError):
            pass
        time.sleep(0.1)
    raise AssertionError(f"{what} did not start within {seconds} s")


@contextmanager
def redis_server(data_dir) -> Iterator[str]:
    """A throwaway redis-server on 127.0.0.1; yields its URL."""
    server = shutil.which("redis-server")
    if server is None:
        require_tool("redis-server is missing: `apt-get install redis-server` (.ci/run does)")
    port = free_port()
    process = subprocess.Popen(
        [
            server,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(data_dir),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(host="127.0.0.1", port=port)
    try:
        wait_until(client.ping, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        client.close()
        process.terminate()
        process.wait(timeout=10)
