"""The app as `make bench` serves it under gunicorn: the production configuration (no debug,
Redis for limits, production pool), with the ceiling page on and HTTPS-only rules off, since
the benchmark talks plain HTTP to 127.0.0.1 (a production proxy would terminate TLS).

bench/load.py sets the environment production requires (SECRET_KEY, DATABASE_URL, SITE_URL,
REDIS_URL, Stripe keys that are never used) before starting gunicorn with `bench.wsgi:app`.
"""

from app import create_app

app = create_app(
    "production",
    BENCH_CEILING=True,
    FORCE_HTTPS=False,
    SESSION_COOKIE_SECURE=False,
    REMEMBER_COOKIE_SECURE=False,
    PREFERRED_URL_SCHEME="http",
    WTF_CSRF_SSL_STRICT=False,
)
