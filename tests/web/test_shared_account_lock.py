"""The per-account sign-in lock is shared by every app process (Redis when REDIS_URL is set):
two gunicorn processes behind a proxy (PROXY_FIX=1), a stranger spreading guesses over both
and over many addresses is still stopped after RATELIMIT_SIGN_IN_ACCOUNT failures."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from sqlalchemy import delete

from app.extensions import db as _db
from app.models import SignInAttempt
from tests.conftest import csrf_from
from tests.servers import free_port, wait_until

ROOT = Path(__file__).resolve().parents[2]
MESSAGE = "Too many failed sign-ins for this account."


@pytest.fixture
def proxied_servers(app, test_settings, redis_url):
    env = {
        **os.environ,
        "TGG_CONFIG": "testing",
        "DATABASE_URL": test_settings["SQLALCHEMY_DATABASE_URI"],
        "MEDIA_ROOT": test_settings["MEDIA_ROOT"],
        "REDIS_URL": redis_url,
        "PROXY_FIX": "1",
        "PROXY_FIX_HOPS": "1",
    }
    processes, urls = [], []
    for _ in range(2):
        port = free_port()
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "--no-control-socket",
                    "-w",
                    "1",
                    "-b",
                    f"127.0.0.1:{port}",
                    "wsgi:app",
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        urls.append(f"http://127.0.0.1:{port}")

    def up(url: str) -> bool:
        with requests.get(f"{url}/robots.txt", timeout=10) as response:
            return response.ok

    for url in urls:
        wait_until(lambda url=url: up(url), url)
    yield urls
    for process in processes:
        process.terminate()
        process.wait(timeout=10)
    # the servers committed for real: leave the test database as the other tests expect it
    with app.app_context(), _db.engine.begin() as connection:
        connection.execute(delete(SignInAttempt))


def guess(base: str, n: int) -> tuple[int, bool]:
    address = {"X-Forwarded-For": f"198.51.100.{n}"}  # a new address each time
    with requests.Session() as browser:
        page = browser.get(f"{base}/en/account/sign-in", headers=address, timeout=10).text
        response = browser.post(
            f"{base}/en/account/sign-in",
            data={
                "csrf_token": csrf_from(page),
                "email": "target@example.com",
                "password": f"guess-{n}-wrong-wrong",
            },
            headers=address,
            timeout=10,
        )
    return response.status_code, MESSAGE in response.text


def test_the_account_lock_is_shared_by_the_app_servers(proxied_servers):
    first, second = proxied_servers
    answers = [guess(first if n % 2 else second, n) for n in range(1, 14)]
    assert answers[:10] == [(200, False)] * 10  # no address was refused on its own
    assert answers[10:] == [(429, True)] * 3  # the account was, counted across both servers
