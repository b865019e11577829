"""Alembic environment for Flask-Migrate. Schema changes only ever happen through here."""

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app

from app.models.search import is_managed
from app.models.types import ScaledDecimal, UTCDateTime

config = context.config
if config.config_file_name and not config.attributes.get("skip_logging_config"):
    # keep the application's loggers (tests capture them)
    fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")


def get_engine():
    return current_app.extensions["migrate"].db.engine


config.set_main_option(
    "sqlalchemy.url", get_engine().url.render_as_string(hide_password=False).replace("%", "%%")
)
target_db = current_app.extensions["migrate"].db


def include_object(obj, name, type_, reflected, compare_to):
    return is_managed(name, type_)


def render_item(type_, obj, autogen_context):
    """Write our column types as the plain types the database sees."""
    if type_ == "type" and isinstance(obj, ScaledDecimal):
        return "sa.BigInteger()"
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def run_migrations_offline():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_db.metadata,
        literal_binds=True,
        include_object=include_object,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    def process_revision_directives(context, revision, directives):
        if getattr(config.cmd_opts, "autogenerate", False):
            script = directives[0]
            if script.upgrade_ops.is_empty():
                directives[:] = []
                logger.info("No changes in schema detected.")

    conf_args = dict(current_app.extensions["migrate"].configure_args)
    conf_args.setdefault("process_revision_directives", process_revision_directives)
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection, conf_args)
        return
    with get_engine().connect() as connection:
        _run(connection, conf_args)


def _run(connection, conf_args):
    if connection.dialect.name == "sqlite":
        # Batch migrations rebuild a SQLite table by copying it and dropping the old one; with
        # foreign keys enforced the drop would cascade into every child table. Enforcement is
        # off for the migration (it can only change outside a transaction) and checked after.
        connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
    context.configure(
        connection=connection,
        target_metadata=target_db.metadata,
        include_object=include_object,
        render_item=render_item,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        **{k: v for k, v in conf_args.items() if k not in ("compare_type", "render_as_batch")},
    )
    with context.begin_transaction():
        context.run_migrations()
    if connection.dialect.name == "sqlite":
        dbapi = connection.connection.dbapi_connection
        broken = dbapi.execute("PRAGMA foreign_key_check").fetchall()
        dbapi.execute("PRAGMA foreign_keys=ON")
        if broken:
            raise RuntimeError(f"foreign keys broken by the migration: {broken[:10]}")


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
