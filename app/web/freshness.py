"""Before a request that may read cached data, this process empties the caches another
process has changed the data of (services.cache_versions; at most one look a second)."""

from __future__ import annotations

from flask import Flask, request

from app.services import cache_versions

#: endpoints that read no cached data (files)
_NO_DATA = frozenset({"static", "media"})


def install(app: Flask) -> None:
    interval = float(app.config.get("CACHE_CHECK_SECONDS", cache_versions.CHECK_SECONDS))

    @app.before_request
    def _fresh_caches():
        if request.endpoint not in _NO_DATA:
            cache_versions.check(interval)
