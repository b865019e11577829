"""Absolute links for e-mails, sitemaps, robots.txt and anything else read outside the page:
always built on `SITE_URL`, never on the Host header of the current request (a forged Host
must not put someone else's site in a password link or a sitemap)."""

from __future__ import annotations

from urllib.parse import urljoin

from flask import current_app, has_request_context, url_for


def absolute(endpoint: str, **values) -> str:
    site = current_app.config["SITE_URL"]
    if has_request_context():
        path = url_for(endpoint, **values)
    else:
        path = current_app.url_map.bind("localhost").build(endpoint, values)
    return urljoin(site.rstrip("/") + "/", path.lstrip("/"))
