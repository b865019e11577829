"""The web layer: blueprints, error pages and response rules shared by all of them."""

from __future__ import annotations

from flask import Flask, abort, flash, g, redirect, request, send_from_directory, url_for
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError

from app.domain.locales import best_language
from app.extensions import login_manager
from app.web.htmx import hx_redirect
from app.web.i18n import language_from_path
from app.web.params import IdConverter


def register_web(app: Flask) -> None:
    from app.web import ceiling, errors, freshness, page_cache, sessions
    from app.web.account import mailed_links, settings  # noqa: F401 - their routes join bp
    from app.web.account.routes import bp as account_bp
    from app.web.checkout import checkout, orders, return_photos, returns  # noqa: F401 - their routes join bp
    from app.web.checkout.routes import bp as checkout_bp
    from app.web.checkout.webhook import bp as webhooks_bp
    from app.web.context import register_context
    from app.web.ops import (  # noqa: F401 - their routes join bp
        analytics,
        audit_log,
        duty,
        health,
        moderation,
        payouts,
        refunds,
        rules,
        search_words,
        sign_ins,
        taxes,
        zone_products,
        zones,
    )
    from app.web.ops import returns as ops_returns  # noqa: F401 - its routes join bp
    from app.web.ops.routes import bp as ops_bp
    from app.web.portal import earnings, imports, photos, products  # noqa: F401 - join bp
    from app.web.portal import orders as portal_orders  # noqa: F401 - its routes join bp
    from app.web.portal.routes import bp as vendor_bp
    from app.web.seo import bp as seo_bp
    from app.web.shop.routes import bp as shop_bp

    # before any rule is added: rules compile their converters when registered
    app.url_map.converters["int"] = IdConverter
    register_context(app)
    app.jinja_env.globals["personal"] = page_cache.personal
    app.jinja_env.globals["fragment"] = page_cache.fragment
    app.register_blueprint(shop_bp)
    app.register_blueprint(account_bp)
    app.register_blueprint(seo_bp)
    app.register_blueprint(vendor_bp)
    app.register_blueprint(ops_bp)
    app.register_blueprint(checkout_bp)
    app.register_blueprint(webhooks_bp)
    errors.register_errors(app)
    ceiling.register(app)  # the load benchmark's ceiling, only when BENCH_CEILING is set

    sessions.install(app)
    freshness.install(app)

    @app.get("/")
    def root():
        """The language chooser: Accept-Language picks the storefront's language."""
        accept = [(value, quality) for value, quality in request.accept_languages]
        response = redirect(url_for("shop.home", lang=best_language(accept)), code=302)
        response.vary.add("Accept-Language")
        return response

    @app.get("/vendor/")
    def vendor_portal():
        """The vendor portal speaks Traditional Chinese unless the URL says otherwise."""
        return redirect(url_for("vendor.dashboard", lang="zh-hant"))

    @app.get("/ops/")
    def ops_area():
        return redirect(url_for("ops.home", lang="en"))

    @login_manager.unauthorized_handler
    def _sign_in_first():
        """Send people to sign in and back; htmx requests get a full-page redirect."""
        if not g.get("lang"):
            g.lang = language_from_path(request.path)
        flash(_("Please sign in to continue."), "info")
        target = request.full_path if request.method == "GET" else None
        return hx_redirect(url_for("account.sign_in", lang=g.lang, next=target), code=302)

    @app.get("/media/<path:filename>")
    def media(filename: str):
        """A photo's renditions, while a product photo or a zone banner names them: a deleted
        photo stops being served at once (its files go with `flask privacy purge`). Files are
        content-addressed and never change, but are cached for a day only, not for ever, so a
        deleted photo also leaves browsers' and proxies' caches."""
        from app.services.catalog import media as stored_media

        if not stored_media.is_served(filename):
            abort(404)
        response = send_from_directory(app.config["MEDIA_ROOT"], filename, max_age=86400)
        response.cache_control.public = True
        return response

    @app.after_request
    def _cache_rules(response):
        if request.endpoint in ("static", "media") and response.direct_passthrough:
            _read_file(response)
        if request.endpoint == "static" and request.args.get("v"):
            response.cache_control.max_age = 31536000
            response.cache_control.public = True
            response.cache_control.immutable = True
        elif response.mimetype == "text/html" and not response.cache_control.max_age:
            # pages depend on the session (market, account): never shared by caches
            response.cache_control.private = True
            response.cache_control.no_cache = True
        return response

    @app.errorhandler(CSRFError)
    def _csrf_error(error):
        return errors.render_error(400, error)

    @app.before_request
    def _no_nul_bytes():
        # No slug, handle, id or file name holds a NUL, and PostgreSQL refuses one in a query.
        # The search box's text is the exception: the search service drops control characters.
        if "\x00" in request.path:
            abort(404)
        if any("\x00" in value for key, value in request.args.items(multi=True) if key != "q"):
            abort(400)


def _read_file(response) -> None:
    """Read a static file or photo rendition into its response and close the file now, not
    when the server closes the response: Flask-Compress compresses the static ones read so (it
    leaks streamed files, COMPRESS_STREAMS), and werkzeug's server does not close a response
    whose browser left early (a page closed before its images arrived). A 304 or 412 sends no
    body: its file is closed unread."""
    wrapper = response.response
    try:
        body = b"".join(wrapper) if response.status_code in (200, 206) else None
    finally:
        if hasattr(wrapper, "close"):
            wrapper.close()
    response.direct_passthrough = False
    if body is None:
        response.response = []
    else:
        response.set_data(body)
