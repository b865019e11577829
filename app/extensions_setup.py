"""Binding the extensions to an app, with the store's security settings."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from app.extensions import babel, compress, csrf, db, limiter, login_manager, migrate, talisman
from config import BASE_DIR


def content_security_policy(app: Flask) -> dict[str, list[str] | str]:
    """No inline scripts and no eval: htmx comes from its CDN by URL and hash only."""
    from urllib.parse import urlsplit

    # The one file, not the CDN's whole origin: anyone can publish a script on a public CDN.
    htmx = app.config["HTMX_URL"]
    scripts = ["'self'"] + ([htmx] if urlsplit(htmx).netloc else [])
    return {
        "default-src": "'self'",
        "script-src": scripts,
        "style-src": "'self'",
        "img-src": ["'self'", "data:"],
        "font-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }


def payment_content_security_policy(app: Flask) -> str:
    """The payment page's policy: the store's, plus Stripe.js by its URL, Stripe's API for the
    card form's requests, and Stripe's frames (3-D Secure). No other page loads a script but
    htmx (and our own)."""
    from urllib.parse import urlsplit

    policy = content_security_policy(app)
    js = app.config["STRIPE_JS_URL"]
    api = urlsplit(app.config["STRIPE_API_BASE"])
    api_origin = f"{api.scheme}://{api.netloc}"
    policy["script-src"] = [*policy["script-src"], js]
    policy["connect-src"] = ["'self'", api_origin]
    js_origin = "{0.scheme}://{0.netloc}".format(urlsplit(js))
    policy["frame-src"] = [js_origin, "https://hooks.stripe.com"]
    return "; ".join(
        f"{key} {' '.join(value) if isinstance(value, list) else value}"
        for key, value in policy.items()
    )


def init_extensions(app: Flask) -> None:
    if app.config.get("PROXY_FIX"):
        # Behind trusted reverse proxies (PROXY_FIX_HOPS of them): take the client's address
        # and scheme from their headers, so rate limits key on the shopper and HSTS/secure
        # cookies see HTTPS. The Host header is not taken from them: links use SITE_URL.
        hops = max(1, int(app.config.get("PROXY_FIX_HOPS") or 1))
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(BASE_DIR / "migrations"), compare_type=True)
    csrf.init_app(app)
    compress.init_app(app)
    limiter.init_app(app)

    login_manager.init_app(app)
    login_manager.login_view = "account.sign_in"
    login_manager.session_protection = "basic"

    from app.web.i18n import install_babel

    install_babel(app, babel)

    talisman.init_app(
        app,
        force_https=app.config["FORCE_HTTPS"],
        strict_transport_security=True,
        strict_transport_security_max_age=60 * 60 * 24 * 365,
        content_security_policy=content_security_policy(app),
        frame_options="DENY",
        referrer_policy="strict-origin-when-cross-origin",
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        session_cookie_http_only=True,
        permissions_policy={"geolocation": "()", "camera": "()", "microphone": "()"},
    )
