"""The schema comes only from migrations: models and migrations must not drift apart, and a
fresh upgrade gives a working empty store."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, select

from app.extensions import db as _db
from app.models import Category, ExchangeRate, Market, TaxRule, Zone
from app.models.search import is_managed


def test_models_match_the_migrated_schema(app):
    with app.app_context(), _db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "include_object": _include_object,
            },
        )
        diff = compare_metadata(context, _db.metadata)
    assert diff == [], "models and migrations differ; write a migration:\n" + "\n".join(
        map(str, diff)
    )


def _include_object(obj, name, type_, reflected, compare_to):
    return name != "alembic_version" and is_managed(name, type_)


def test_migrations_form_one_line(app):
    """`flask db upgrade` (what `make run` and deployments use) refuses a branched history."""
    with app.app_context():
        heads = ScriptDirectory.from_config(_migrate_config(app)).get_heads()
    assert len(heads) == 1, f"migrations branch: heads {heads}; point each at the one before"


def _migrate_config(app):
    return app.extensions["migrate"].migrate.get_config()


def test_fresh_database_has_the_base_data(db):
    session = db.session
    assert {m.code: m.currency_code for m in session.scalars(select(Market))} == {
        "TH": "THB",
        "MY": "MYR",
        "SG": "SGD",
        "PH": "PHP",
        "TW": "TWD",
    }
    slugs = set(session.scalars(select(Category.slug)))
    assert {
        "tea",
        "snacks",
        "sauces-condiments",
        "noodles-rice",
        "agri-fresh",
        "health-beauty",
        "home-kitchen",
        "crafts-stationery",
        "fashion",
        "electronics",
    } <= slugs
    for category in session.scalars(select(Category)):
        assert {t.locale for t in category.translations} == {"en", "zh_Hant", "th", "ms"}
    rated = set(session.scalars(select(ExchangeRate.currency_code)))
    assert rated == {"THB", "MYR", "SGD", "PHP"}
    assert session.scalar(select(func.count()).select_from(TaxRule)) == 11
    flagship = session.scalar(select(Zone).where(Zone.is_flagship.is_(True)))
    assert flagship.slug == "taipei-good-goods"
    assert {t.locale: t.title for t in flagship.translations}["zh_Hant"] == "台北好物館"
