"""Localized error pages. A 500 page needs nothing from the database."""

from __future__ import annotations

from flask import Flask, g, render_template, request
from werkzeug.exceptions import HTTPException, SecurityError

from app import transaction
from app.web.i18n import language_from_path

TEMPLATES = {
    400: "errors/400.html",
    404: "errors/404.html",
    413: "errors/413.html",
    429: "errors/429.html",
}


def render_error(status: int, error=None):
    if not g.get("lang"):
        g.lang = language_from_path(request.path)
    template = TEMPLATES.get(status)
    if status >= 500 or template is None:
        return render_template("errors/500.html", status=status), status
    return render_template(template, status=status, error=error), status


def register_errors(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        if isinstance(error, SecurityError):
            return error  # a Host not in TRUSTED_HOSTS: no URL can be built for a page
        if error.code in TEMPLATES:
            return render_error(error.code, error)
        if error.code and error.code < 500:
            return error  # 405 and friends: Werkzeug's plain answer is right
        return render_error(500, error)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        transaction.rollback()
        return render_error(500, error)
