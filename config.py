"""Configuration classes. Secrets come only from the environment (or, in development, from a
key file generated under instance/ on first run so `make run` needs no set-up)."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("INSTANCE_PATH", BASE_DIR / "instance"))

# The htmx build every page loads, pinned exactly; the hash is of the npm package's file
# (openssl dgst -sha384 -binary htmx.min.js | openssl base64 -A).
HTMX_VERSION = "2.0.11"
HTMX_URL = f"https://cdn.jsdelivr.net/npm/htmx.org@{HTMX_VERSION}/dist/htmx.min.js"
HTMX_SRI = "sha384-2OatzQy1H+Zd/IIrjr1TcuDGqLXeHhbooAyJY1KdQMKnr4LZ22k31GBLdYKHmVjg"


def _database_url(default: str) -> str:
    url = os.environ.get("DATABASE_URL", default)
    # Heroku-style URLs name the old driver; we use psycopg 3.
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def _is_localstripe(api_base: str) -> bool:
    """localstripe, the fake Stripe server of development and tests, runs on loopback."""
    return urlsplit(api_base).hostname == "127.0.0.1"


def _stripe_setting(name: str, api_base: str, localstripe_default: str) -> str | None:
    """The environment's value; else, only against localstripe, an obviously fake local one
    (localstripe takes any sk_/pk_ key), so `make run` and the tests need no set-up."""
    return os.environ.get(name) or (localstripe_default if _is_localstripe(api_base) else None)


def _stripe_js_url(api_base: str) -> str:
    """Stripe.js, or localstripe's stand-in for it."""
    if _is_localstripe(api_base):
        return api_base.rstrip("/") + "/js.stripe.com/v3/"
    return "https://js.stripe.com/v3/"


def _hosts_of(site_url: str | None) -> list[str] | None:
    """TRUSTED_HOSTS from the environment (comma-separated), else SITE_URL's host name."""
    listed = [h.strip() for h in os.environ.get("TRUSTED_HOSTS", "").split(",") if h.strip()]
    if listed:
        return listed
    host = urlsplit(site_url or "").hostname
    return [host] if host else None


def _dev_secret_key() -> str:
    """A per-checkout random key, so development never runs on a known secret."""
    path = INSTANCE_DIR / "secret_key"
    if not path.exists():
        INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


class Config:
    ENV_NAME = "development"
    SECRET_KEY = os.environ.get("SECRET_KEY") or None
    SQLALCHEMY_DATABASE_URI = _database_url(f"sqlite:///{INSTANCE_DIR / 'tgg.sqlite3'}")
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    #: PostgreSQL settings for each of the store's connections (app.db_setup)
    POSTGRES_SETTINGS: dict = {"jit": "off", "max_parallel_workers_per_gather": "0"}
    SQLALCHEMY_RECORD_QUERIES = False

    # Sessions are signed cookies: app servers keep no state of their own.
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = False
    PERMANENT_SESSION_LIFETIME = 60 * 60 * 24 * 30
    FORCE_HTTPS = False
    #: how long a sign-in lasts, by role (app.web.sessions): minutes without a request before
    #: a session that is not remembered ends, the longest a sign-in lives whatever happens,
    #: and how long "keep me signed in" keeps it (0: operators are never remembered)
    SESSION_LIFETIMES = {
        "shopper": {"idle_minutes": 24 * 60, "absolute_days": 30, "remember_days": 30},
        "vendor": {"idle_minutes": 2 * 60, "absolute_days": 7, "remember_days": 7},
        "operator": {"idle_minutes": 30, "absolute_days": 0.5, "remember_days": 0},
    }
    #: operators must turn on two-step sign-in (TOTP) before they reach the operators' area
    REQUIRE_OPERATOR_TOTP = os.environ.get("REQUIRE_OPERATOR_TOTP", "0") == "1"
    #: links mailed to confirm an address, reset a password, or set the first one
    EMAIL_VERIFY_DAYS = 3
    PASSWORD_RESET_MINUTES = 60
    SET_PASSWORD_DAYS = 7
    #: retention (`flask privacy purge`): sign-in attempts, uploaded import files, e-mail
    #: addresses in the audit trail, delivered mail in the outbox
    SIGN_IN_RETENTION_DAYS = int(os.environ.get("SIGN_IN_RETENTION_DAYS", "90"))
    IMPORT_RETENTION_DAYS = int(os.environ.get("IMPORT_RETENTION_DAYS", "30"))
    AUDIT_EMAIL_RETENTION_DAYS = int(os.environ.get("AUDIT_EMAIL_RETENTION_DAYS", "365"))
    OUTBOX_RETENTION_DAYS = int(os.environ.get("OUTBOX_RETENTION_DAYS", "30"))

    #: behind reverse proxies: take the client's address and scheme from X-Forwarded-For and
    #: X-Forwarded-Proto, trusting that many proxies (each adds one hop)
    PROXY_FIX = os.environ.get("PROXY_FIX", "0") == "1"
    PROXY_FIX_HOPS = int(os.environ.get("PROXY_FIX_HOPS", "1"))

    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session
    WTF_CSRF_SSL_STRICT = True
    #: our validators carry their own translated messages (WTForms has no Thai or Malay)
    WTF_I18N_ENABLED = False

    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "Asia/Taipei"
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "translations")

    REDIS_URL = os.environ.get("REDIS_URL") or None
    #: deliver the outbox through the RQ worker (`flask worker`) rather than in-process;
    #: on by default when Redis is configured
    OUTBOX_WORKER = os.environ.get("OUTBOX_WORKER", "1" if REDIS_URL else "0") == "1"
    #: seconds between the worker's sweeps for retries and other scheduled work
    WORKER_SWEEP_SECONDS = int(os.environ.get("WORKER_SWEEP_SECONDS", "30"))
    #: without a worker, each app process sweeps this often (0: never; tests sweep by hand)
    IN_PROCESS_SWEEP_SECONDS = int(os.environ.get("IN_PROCESS_SWEEP_SECONDS", "60"))
    RATELIMIT_STORAGE_URI = os.environ.get("REDIS_URL") or "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_SIGN_IN = "10 per minute;50 per hour"
    RATELIMIT_SIGN_UP = "10 per hour"
    #: failed sign-ins for one account, from any address: past this the account is locked
    #: until the window ends (a browser it signed in on before keeps its own allowance)
    RATELIMIT_SIGN_IN_ACCOUNT = "10 per 5 minutes"
    #: asking for password reset links and new confirmation links, per address
    RATELIMIT_ACCOUNT_MAIL = "5 per hour"
    #: mails about one e-mail address that someone else may have asked for (sign-up, apply,
    #: reset, invitations to an address that has an account): at most this many
    RATELIMIT_MAILS_PER_ADDRESS = "3 per day"
    #: staff invitations one vendor may send in a day
    INVITATIONS_PER_DAY = 20
    #: placing orders and paying: generous for a person, tight for a script
    RATELIMIT_CHECKOUT = "20 per minute;100 per hour"
    #: webhook posts with a bad signature (good ones are never limited)
    RATELIMIT_WEBHOOK_BAD = "30 per minute"

    COMPRESS_MIMETYPES = [
        "text/html",
        "text/css",
        "text/xml",
        "application/xml",
        "application/json",
        "application/javascript",
        "text/plain",
    ]
    COMPRESS_ALGORITHM = ["br", "gzip"]
    COMPRESS_MIN_SIZE = 500
    #: Flask-Compress 1.25 streams send_file responses through the compressor and never closes
    #: the file; static files are small and cached for a year, so they go uncompressed.
    COMPRESS_STREAMS = False

    HTMX_URL = os.environ.get("HTMX_URL", HTMX_URL)
    HTMX_SRI = os.environ.get("HTMX_SRI", HTMX_SRI)

    MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(INSTANCE_DIR / "media"))
    #: shoppers' return photos: served only to the order's shopper, its shop and operators
    PRIVATE_MEDIA_ROOT = os.environ.get("PRIVATE_MEDIA_ROOT", str(INSTANCE_DIR / "private-media"))
    #: how often each app process looks whether operators changed cached data (seconds);
    #: holding new listings for review is a store setting in the console now, not config
    CACHE_CHECK_SECONDS = float(os.environ.get("CACHE_CHECK_SECONDS", "1"))
    #: anonymous storefront pages kept per app process (app.web.page_cache): the longest a
    #: kept page lives (changes empty the store at once; 0 turns it off) and the bytes it holds
    PAGE_CACHE_SECONDS = float(os.environ.get("PAGE_CACHE_SECONDS", "60"))
    PAGE_CACHE_BYTES = int(os.environ.get("PAGE_CACHE_BYTES", str(64 * 1024 * 1024)))
    #: uploads: eight 8 MB photos in one request, with room for the form around them
    MAX_CONTENT_LENGTH = 70 * 1024 * 1024
    MAX_FORM_MEMORY_SIZE = 6 * 1024 * 1024
    #: The store's public origin: every absolute link (mail, sitemaps, robots.txt, canonical
    #: links) is built on it, never on the Host header a request came with.
    SITE_URL = os.environ.get("SITE_URL") or f"http://127.0.0.1:{os.environ.get('PORT', '5000')}"
    #: Flask refuses requests for other host names (production: SITE_URL's host by default)
    TRUSTED_HOSTS: list[str] | None = None

    #: localstripe on loopback in development and tests (`make run` starts it, see
    #: app/integrations/localstripe_launcher.py); https://api.stripe.com for real Stripe
    STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "http://127.0.0.1:8420")
    STRIPE_SECRET_KEY = _stripe_setting("STRIPE_SECRET_KEY", STRIPE_API_BASE, "sk_test_localstripe")
    STRIPE_PUBLISHABLE_KEY = _stripe_setting(
        "STRIPE_PUBLISHABLE_KEY", STRIPE_API_BASE, "pk_test_localstripe"
    )
    #: Stripe payment methods per market beyond card (needs a Stripe account in that country)
    STRIPE_PAYMENT_METHODS = json.loads(os.environ.get("STRIPE_PAYMENT_METHODS") or "{}")
    STRIPE_WEBHOOK_SECRET = _stripe_setting(
        "STRIPE_WEBHOOK_SECRET", STRIPE_API_BASE, "whsec_localstripe_dev"
    )
    STRIPE_JS_URL = os.environ.get("STRIPE_JS_URL") or _stripe_js_url(STRIPE_API_BASE)

    MAIL_SERVER = os.environ.get("MAIL_SERVER", "127.0.0.1")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "8025"))
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME") or None
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD") or None
    MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "0") == "1"
    MAIL_DEFAULT_SENDER = os.environ.get(
        "MAIL_DEFAULT_SENDER", "Taipei Good Goods <no-reply@taipeigoodgoods.test>"
    )
    #: Development: print mail to the log instead of sending when no SMTP server is set up.
    MAIL_SUPPRESS_SEND = os.environ.get("MAIL_SUPPRESS_SEND", "1") == "1"

    @classmethod
    def finalize(cls) -> None:
        if not cls.SECRET_KEY:
            cls.SECRET_KEY = _dev_secret_key()


class TestConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    IN_PROCESS_SWEEP_SECONDS = 0
    SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105 - tests only
    MAIL_SUPPRESS_SEND = False
    SERVER_NAME = None
    SITE_URL = "http://localhost"

    @classmethod
    def finalize(cls) -> None:
        pass


class ProductionConfig(Config):
    ENV_NAME = "production"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    FORCE_HTTPS = True
    MAIL_SUPPRESS_SEND = False
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "pool_size": 10, "max_overflow": 10}
    PREFERRED_URL_SCHEME = "https"
    SITE_URL = os.environ.get("SITE_URL") or None
    TRUSTED_HOSTS = _hosts_of(SITE_URL)
    REQUIRE_OPERATOR_TOTP = os.environ.get("REQUIRE_OPERATOR_TOTP", "1") == "1"

    # Stripe: real Stripe unless told otherwise, and never the local development keys
    STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "https://api.stripe.com")
    STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY") or None
    STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY") or None
    STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET") or None
    STRIPE_JS_URL = os.environ.get("STRIPE_JS_URL") or _stripe_js_url(STRIPE_API_BASE)

    REQUIRED = (
        "SECRET_KEY",
        "DATABASE_URL",
        "SITE_URL",
        # rate limits and sign-in throttling must be shared by every app process
        "REDIS_URL",
        "STRIPE_SECRET_KEY",
        "STRIPE_PUBLISHABLE_KEY",
        "STRIPE_WEBHOOK_SECRET",
    )

    @classmethod
    def finalize(cls) -> None:
        missing = [name for name in cls.REQUIRED if not os.environ.get(name)]
        if missing:
            raise RuntimeError(
                "Missing production settings: "
                + ", ".join(missing)
                + ". Set them in the environment before starting the app."
            )


CONFIGS = {"development": Config, "testing": TestConfig, "production": ProductionConfig}


def get_config(name: str | None = None) -> type[Config]:
    name = name or os.environ.get("TGG_CONFIG", "development")
    try:
        config = CONFIGS[name]
    except KeyError:
        raise RuntimeError(
            f"Unknown TGG_CONFIG {name!r}; use one of {', '.join(CONFIGS)}"
        ) from None
    config.finalize()
    return config
