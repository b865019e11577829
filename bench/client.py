"""A shopper's browser, reduced to what the benchmark needs: plain HTTP to 127.0.0.1, cookies
kept from one response to the next, the page's CSRF token, and no redirects followed."""

from __future__ import annotations

import http.client
import re
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urlencode, urlsplit

#: what a phone in Bangkok sends with every page
BROWSER_HEADERS = {
    "Accept": "text/html,application/xhtml+xml",
    "Accept-Language": "th-TH,th;q=0.9,en;q=0.5",
    "User-Agent": "tgg-bench",
}
CSRF = re.compile(
    r'<meta name="csrf-token" content="([^"]+)"|name="csrf_token"[^>]*value="([^"]+)"'
)


@dataclass
class Response:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class Browser:
    base_url: str
    cookies: dict[str, str] = field(default_factory=dict)

    def _connection(self) -> http.client.HTTPConnection:
        parts = urlsplit(self.base_url)
        if parts.hostname != "127.0.0.1":
            raise ValueError("the benchmark talks to 127.0.0.1 only")
        return http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def request(
        self,
        method: str,
        path: str,
        form: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        encoding: str = "identity",
        body: str | None = None,
    ) -> Response:
        """One request; `form` is sent urlencoded, `body` as it is."""
        sent = {**BROWSER_HEADERS, "Accept-Encoding": encoding, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = self.cookie_header()
        if form is not None:
            body = urlencode(form)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        connection = self._connection()
        try:
            connection.request(method, path, body=body.encode() if body else None, headers=sent)
            raw = connection.getresponse()
            response = Response(raw.status, raw.headers, raw.read())
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            self._keep(header)
        return response

    def _keep(self, header: str) -> None:
        pair, *attributes = [part.strip() for part in header.split(";")]
        name, _, value = pair.partition("=")
        expired = any(
            a.lower() in ("max-age=0", "expires=thu, 01 jan 1970 00:00:00 gmt") for a in attributes
        )
        if expired or not value:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value

    def get(self, path: str, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, form: dict[str, str], **kwargs) -> Response:
        return self.request("POST", path, form=form, **kwargs)


def csrf_token(html: str) -> str:
    found = CSRF.search(html)
    if not found:
        raise ValueError("no CSRF token on the page")
    return found.group(1) or found.group(2)
