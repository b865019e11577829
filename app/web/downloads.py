"""Files the browser saves rather than shows."""

from __future__ import annotations

from flask import Response


def attachment(content: bytes | str, filename: str, mimetype: str) -> Response:
    """A file to save as `filename`, kept by no cache: it is somebody's own data (orders,
    earnings, a person's account)."""
    response = Response(content, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.cache_control.private = True
    response.cache_control.no_store = True
    return response


def csv_attachment(content: bytes, filename: str) -> Response:
    return attachment(content, filename, "text/csv")
