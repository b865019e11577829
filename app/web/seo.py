"""robots.txt and sitemaps (a sitemap index over product chunks, each page in four languages)."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template

from app.domain.locales import LANGUAGES
from app.services import sitemap
from app.web.context import external_url

bp = Blueprint("seo", __name__)

#: products per sitemap file; with four languages that is 20,000 URLs (the limit is 50,000)
CHUNK = 5000


def _xml(template: str, **context) -> Response:
    response = Response(render_template(template, **context), mimetype="application/xml")
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response


@bp.get("/robots.txt")
def robots() -> Response:
    lines = ["User-agent: *"]
    for code in LANGUAGES:
        for private in ("account", "vendor", "ops"):
            lines.append(f"Disallow: /{code}/{private}/")
    lines.append(f"Sitemap: {external_url('seo.sitemap_index')}")
    response = Response("\n".join(lines) + "\n", mimetype="text/plain")
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response


@bp.get("/sitemap.xml")
def sitemap_index() -> Response:
    chunks = sitemap.product_chunks(CHUNK)
    return _xml("seo/sitemap_index.xml", chunks=chunks)


@bp.get("/sitemaps/pages.xml")
def sitemap_pages() -> Response:
    return _xml("seo/urlset.xml", entries=sitemap.page_entries(), languages=LANGUAGES)


@bp.get("/sitemaps/products-<int:chunk>.xml")
def sitemap_products(chunk: int) -> Response:
    entries = sitemap.product_entries(chunk, CHUNK)
    if not entries:
        abort(404)
    return _xml("seo/urlset.xml", entries=entries, languages=LANGUAGES)
