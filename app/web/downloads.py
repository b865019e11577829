"""Files the browser saves rather than shows."""

from __future__ import annotations

from flask import Response


def csv_attachment(content: bytes, filename: str) -> Response:
    """A CSV file to save as `filename`, kept by no cache (it is somebody's own data)."""
    response = Response(content, mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.cache_control.private = True
    response.cache_control.no_store = True
    return response
