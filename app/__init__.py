"""Taipei Good Goods: the application factory."""

from __future__ import annotations

from flask import Flask

from config import INSTANCE_DIR, get_config


def create_app(config_name: str | None = None, **overrides) -> Flask:
    config = get_config(config_name)
    app = Flask(__name__, instance_path=str(INSTANCE_DIR))
    app.config.from_object(config)
    app.config.update(overrides)

    from app import db_setup, extensions_setup, transaction
    from app.web import register_web

    extensions_setup.init_extensions(app)
    db_setup.init_database(app)
    transaction.install(app)
    register_web(app)

    from app.cli import register_cli

    register_cli(app)

    from app import jobs

    jobs.start_in_process_sweeper(app)
    return app
