"""Real servers the tests start on loopback: ports, waiting for them, redis-server,
localstripe."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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


ROOT = Path(__file__).resolve().parent.parent
#: `make mutation` runs the tests from a copy of the project (mutants/) without the venv
LOCALSTRIPE_PYTHON = Path(
    os.environ.get("LOCALSTRIPE_PYTHON") or ROOT / ".localstripe-venv" / "bin" / "python"
)
LOCALSTRIPE_LAUNCHER = ROOT / "app" / "integrations" / "localstripe_launcher.py"
#: localstripe takes any secret key that starts with sk_ and is longer than five characters
LOCALSTRIPE_KEY = "sk_test_localstripe"


class LocalStripe:
    """A running localstripe: its API base and helpers to set it up and look inside it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.http = requests.Session()
        self.http.auth = (LOCALSTRIPE_KEY, "")

    def register_webhook(self, url: str, secret: str, events: list[str] | None = None) -> None:
        """Send signed events to `url`, about a second after each event, never retried.
        Registering again replaces the earlier registration; a restart forgets it."""
        data: dict = {"url": url, "secret": secret}
        if events is not None:
            data["events[]"] = events
        response = self.http.post(f"{self.url}/_config/webhooks/tgg", data=data, timeout=10)
        response.raise_for_status()

    def forget_webhooks(self) -> None:
        """Point the registration at a port nobody listens on (localstripe has no way to delete
        one): events of later tests must not reach a receiver that outlives its test, such as
        the browser tests' session-long server, which shares the app's global session."""
        self.register_webhook("http://127.0.0.1:9/nobody-listens", "whsec_nobody")

    def clear(self) -> None:
        """Forget every object (webhook registrations stay)."""
        self.http.delete(f"{self.url}/_config/data", timeout=10).raise_for_status()

    def get(self, path: str, **params) -> dict:
        """GET an API path, e.g. get("/v1/refunds", payment_intent="pi_..."): its JSON."""
        response = self.http.get(f"{self.url}{path}", params=params, timeout=10)
        response.raise_for_status()
        return response.json()


@contextmanager
def localstripe_server(state: Path, *, from_scratch: bool = True) -> Iterator[LocalStripe]:
    """localstripe on 127.0.0.1 through our launcher, its data pickled to the file `state`
    (and read back from it unless from_scratch); needs .localstripe-venv (`make test` builds
    it)."""
    if not LOCALSTRIPE_PYTHON.exists():
        require_tool(
            f"{LOCALSTRIPE_PYTHON} is missing: `make test` builds it "
            "from requirements-localstripe.txt (or `make localstripe`)"
        )
    port = free_port()
    command = [
        str(LOCALSTRIPE_PYTHON),
        str(LOCALSTRIPE_LAUNCHER),
        "--port",
        str(port),
        "--state",
        str(state),
    ]
    if from_scratch:
        command.append("--from-scratch")
    state.parent.mkdir(parents=True, exist_ok=True)
    log_path = state.with_suffix(".log")
    with log_path.open("ab") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    server = LocalStripe(f"http://127.0.0.1:{port}")

    def answers() -> bool:
        if process.poll() is not None:
            raise AssertionError(
                f"localstripe exited with status {process.returncode}:\n{log_path.read_text()}"
            )
        return server.get("/v1/customers") is not None

    try:
        wait_until(answers, "localstripe", seconds=30)
        yield server
    finally:
        server.http.close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
