"""With REDIS_URL, several app servers share one rate-limit count: two gunicorn processes
and a real redis-server on loopback. (Without Redis each process would count on its own.)"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tests.conftest import csrf_from
from tests.servers import free_port, wait_until

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app_servers(app, test_settings, redis_url):
    """Two gunicorn processes on the migrated test database, sharing Redis."""
    env = {
        **os.environ,
        "TGG_CONFIG": "testing",
        "DATABASE_URL": test_settings["SQLALCHEMY_DATABASE_URI"],
        "MEDIA_ROOT": test_settings["MEDIA_ROOT"],
        "REDIS_URL": redis_url,
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


def attempt(session: requests.Session, base: str) -> int:
    page = session.get(f"{base}/en/account/sign-in", timeout=10).text
    return session.post(
        f"{base}/en/account/sign-in",
        data={
            "csrf_token": csrf_from(page),
            "email": "nobody@example.com",
            "password": "wrong-password-1",
        },
        timeout=10,
    ).status_code


def test_two_app_servers_share_the_sign_in_limit(app_servers):
    first, second = app_servers
    with requests.Session() as session:  # one visitor, one address, moving between servers
        statuses = [attempt(session, first) for _ in range(6)]
        statuses += [attempt(session, second) for _ in range(4)]
        assert statuses == [200] * 10  # wrong password, shown again: not yet limited
        assert attempt(session, second) == 429  # the eleventh, counted across both servers
        assert attempt(session, first) == 429
