"""Security headers, cookies and the pinned htmx build."""

import base64
import gc
import hashlib
import re
import warnings
from pathlib import Path

import pytest
from werkzeug.test import EnvironBuilder

from config import HTMX_SRI, HTMX_URL, ProductionConfig
from tests.tools import require_tool

ROOT = Path(__file__).resolve().parents[2]


def test_content_security_policy_allows_no_inline_script(client):
    response = client.get("/en/")
    csp = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    # htmx by its exact URL: other scripts on the same CDN stay blocked
    assert HTMX_URL in directives["script-src"].split()
    assert "https://cdn.jsdelivr.net" not in directives["script-src"].split()
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_hsts_only_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/en/").headers
    secure = client.get("/en/", base_url="https://shop.example")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_session_cookie_is_httponly_and_samesite(client):
    response = client.get("/en/account/sign-in")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_production_cookies_are_secure_and_secrets_required(monkeypatch):
    assert ProductionConfig.SESSION_COOKIE_SECURE
    assert ProductionConfig.REMEMBER_COOKIE_SECURE
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        ProductionConfig.finalize()


def test_htmx_is_pinned_with_the_hash_of_the_npm_file(client):
    page = client.get("/en/").get_data(as_text=True)
    tag = re.search(
        r"<script src=\"([^\"]+)\" integrity=\"([^\"]+)\" crossorigin=\"anonymous\"", page
    )
    assert tag.group(1) == HTMX_URL
    assert "htmx.org@2.0.11/" in HTMX_URL
    assert tag.group(2) == HTMX_SRI
    built = ROOT / "node_modules/htmx.org/dist/htmx.min.js"
    if not built.exists():
        require_tool("node_modules is missing: run `npm ci` to check the hash against the file")
    digest = base64.b64encode(hashlib.sha384(built.read_bytes()).digest()).decode()
    assert f"sha384-{digest}" == HTMX_SRI


def test_static_files_are_cache_busted_and_cached_for_a_year(client):
    page = client.get("/en/").get_data(as_text=True)
    css = re.search(r'href="(/static/css/store.css\?v=[0-9a-f]+)"', page).group(1)
    with client.get(css) as response:
        assert response.status_code == 200
        assert "max-age=31536000" in response.headers["Cache-Control"]
        assert "immutable" in response.headers["Cache-Control"]


def test_pages_are_private_to_the_shopper(client):
    cache = client.get("/en/").headers["Cache-Control"]
    assert "private" in cache
    assert "no-cache" in cache


def test_responses_are_compressed(client):
    response = client.get("/en/", headers={"Accept-Encoding": "br, gzip"})
    assert response.headers.get("Content-Encoding") in ("br", "gzip")


def test_stylesheet_is_compressed_and_its_file_closed(client):
    page = client.get("/en/").get_data(as_text=True)
    css = re.search(r'href="(/static/css/store.css\?v=[0-9a-f]+)"', page).group(1)
    response = client.get(css, headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert len(response.data) < (ROOT / "app/static/css/store.css").stat().st_size / 2


@pytest.mark.parametrize(
    ("label", "headers"),
    [("revalidated", "if-none-match"), ("a range", {"Range": "bytes=0-10"})],
)
def test_a_static_file_is_closed_when_the_browser_leaves_before_its_answer(
    app, client, label, headers
):
    """A browser closing the page while its icon is revalidated (304) or fetched in part
    (206): werkzeug's server then never closes the response, so the file behind it must be
    closed already when the app answers."""
    page = client.get("/en/").get_data(as_text=True)
    icon = re.search(r'href="(/static/img/favicon.svg\?v=[0-9a-f]+)"', page).group(1)
    if headers == "if-none-match":
        headers = {"If-None-Match": client.get(icon).headers["ETag"]}
    path, query = icon.split("?")
    environ = EnvironBuilder(path=path, query_string=query, headers=headers).get_environ()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        answer = app(environ, lambda status, headers, exc_info=None: None)
        del answer  # never iterated nor closed, as when the browser has gone
        gc.collect()
    leaks = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert not leaks, f"{label}: {leaks}"
