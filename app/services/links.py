"""Absolute links for e-mails, sitemaps and anything else read outside the page: built on
`SITE_URL` when it is set (behind a proxy, and in workers that have no request), else on the
address of the current request (development)."""

from __future__ import annotations

from urllib.parse import urljoin

from flask import current_app, has_request_context, url_for

DEV_SITE = "http://127.0.0.1:5000/"


def absolute(endpoint: str, **values) -> str:
    site = current_app.config.get("SITE_URL")
    if has_request_context():
        if not site:
            return url_for(endpoint, _external=True, **values)
        path = url_for(endpoint, **values)
    else:
        path = current_app.url_map.bind("localhost").build(endpoint, values)
    return urljoin((site or DEV_SITE).rstrip("/") + "/", path.lstrip("/"))
