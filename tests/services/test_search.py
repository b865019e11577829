"""Search in four languages on both engines: matching, ranking, typos, facets, hostile input.

The same tests run on SQLite (FTS5) and PostgreSQL (pg_trgm); `make test` runs both in CI.
"""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from app.services import clock, reference
from app.services.catalog import admin as catalog_admin
from app.services.search import index
from app.services.search.service import Params, search, suggest
from app.services.shopper import Shopper
from tests.factories import halal


def shopper(language="en", market="SG"):
    ref = reference.get()
    content = {"en": "en", "th": "th", "ms": "ms", "zh-hant": "zh_Hant"}[language]
    return Shopper(content, ref.markets[market], ref, clock.today())


def names(result, locale_shown=False):
    return [card.name.value for card in result.cards]


def ids(result):
    return {card.id for card in result.cards}


@pytest.fixture
def store(make):
    alishan = make.vendor(
        slug="alishan", name_en="Alishan Leaf Tea Co.", name_zh_hant="阿里山葉茶坊"
    )
    bakery = make.vendor(
        slug="bakery", name_en="Golden Pineapple Pastry House", name_zh_hant="金鳳梨餅坊"
    )
    base = datetime(2026, 6, 1, tzinfo=UTC)
    products = {
        "oolong": make.product(
            alishan,
            handle="oolong",
            category="tea",
            published_at=base,
            names={"en": "High Mountain Oolong Tea", "th": "ชาอู่หลงเขาสูง", "zh_Hant": "高山烏龍茶"},
            variants=[{"price_twd": 680, "stock": 5, "labels": {"en": "150 g can"}}],
        ),
        "black": make.product(
            alishan,
            handle="black-tea",
            category="tea",
            published_at=base + timedelta(days=1),
            names={
                "en": "Sun Moon Lake Black Tea",
                "th": "ชาดำทะเลสาบสุริยันจันทรา",
                "zh_Hant": "日月潭紅茶",
            },
            variants=[{"price_twd": 520, "stock": 3}],
        ),
        "cake": make.product(
            bakery,
            handle="pineapple-cake",
            category="snacks",
            published_at=base + timedelta(days=2),
            names={"en": "Pineapple Cake", "th": "ขนมพายสับปะรด", "zh_Hant": "鳳梨酥"},
            variants=[{"price_twd": 450, "stock": 20, "labels": {"en": "Box of 10"}}],
            **halal("THIDA"),
        ),
        "cake-box": make.product(
            bakery,
            handle="pineapple-cake-gift",
            category="snacks",
            published_at=base + timedelta(days=3),
            names={"en": "Pineapple Cake Gift Box", "zh_Hant": "鳳梨酥禮盒"},
            variants=[{"price_twd": 1200, "stock": 0}],
            **halal("TW-HALAL-NET"),
        ),
        "sun": make.product(
            bakery,
            handle="sun-cake",
            category="snacks",
            published_at=base + timedelta(days=4),
            names={"en": "Taichung Sun Cake", "zh_Hant": "太陽餅"},
            variants=[{"price_twd": 300, "stock": 8, "labels": {"en": "Oolong filling"}}],
        ),
    }
    return products


def run(query, who=None, **params):
    return search(Params(q=query, **params), who or shopper())


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("อู่หลง", {"oolong"}),  # inside the Thai word ชาอู่หลงเขาสูง
        ("烏龍", {"oolong"}),  # two characters inside 高山烏龍茶
        ("茶", {"oolong", "black"}),  # one character
        ("ชา", {"oolong", "black"}),  # two Thai characters
        ("鳳梨酥", {"cake", "cake-box"}),
        ("OOLONG", {"oolong", "sun"}),  # any case; the sun cake's option says "Oolong filling"
        ("ountai", {"oolong"}),  # inside an English word
        ("Pineapple", {"cake", "cake-box", "sun"}),  # the sun cake's vendor: Golden Pineapple
        ("阿里山", {"oolong", "black"}),  # the vendor's Chinese name
        ("snacks", {"cake", "cake-box", "sun"}),  # the category's name
        ("ขนม", {"cake", "cake-box", "sun"}),  # the category's Thai name
        ("box of 10", {"cake"}),  # an option label
        ("ｏｏｌｏｎｇ", {"oolong", "sun"}),  # full-width Latin
    ],
)
def test_substrings_in_every_language(db, store, query, expected):
    result = run(query)
    found = {
        handle
        for handle, product in store.items()
        if product.id in {card.id for card in result.cards}
    }
    assert found == expected
    assert result.total == len(expected)


def test_thai_shopper_typing_english_sees_thai_names(db, store):
    result = run("oolong", shopper("th", "TH"))
    assert "ชาอู่หลงเขาสูง" in names(result)


def test_ranking_exact_then_what_it_is_then_prefix_then_other_fields(db, make, store):
    bakery = store["cake"].vendor
    make.product(
        bakery,
        handle="cake",
        category="snacks",
        names={"en": "Cake"},
        variants=[{"price_twd": 100, "stock": 1}],
    )
    make.product(
        bakery,
        handle="cake-crumbs",
        category="snacks",
        names={"en": "Cake crumbs"},
        variants=[{"price_twd": 100, "stock": 1}],
    )
    result = run("cake")
    ordered = names(result)
    assert ordered[0] == "Cake"  # exact
    # cakes (the name's head word is "cake"), newest first, before crumbs that start with it
    assert ordered[1:3] == ["Taichung Sun Cake", "Pineapple Cake"]
    assert ordered[3] == "Cake crumbs"  # prefix
    assert ordered[4] == "Pineapple Cake Gift Box"  # a gift box with cakes in its name


def test_other_fields_rank_after_names(db, store):
    ordered = names(run("oolong"))
    assert ordered == ["High Mountain Oolong Tea", "Taichung Sun Cake"]


def test_typo_in_latin_script_is_tolerated_without_flooding(db, store):
    result = run("pinapple")
    assert result.corrected == "pineapple"
    # the two cakes by name, then the sun cake by its vendor (Golden Pineapple Pastry House)
    assert names(result) == ["Pineapple Cake", "Pineapple Cake Gift Box", "Taichung Sun Cake"]
    assert run("caek").corrected == "cake"
    assert run("tae").total == 0  # three letters: too short to guess safely
    # a plural is one slip from a three-letter word: "teas" means tea
    assert run("teas").corrected == "tea"
    assert {"High Mountain Oolong Tea", "Sun Moon Lake Black Tea"} <= set(names(run("teas")))
    nothing = run("zqxwvy")
    assert (nothing.total, nothing.corrected) == (0, None)


def test_facets_and_filters(db, store):
    result = run("cake")
    categories = {info.slug: count for info, _name, count in result.categories}
    assert categories == {"snacks": 3}
    assert (result.total, result.in_stock) == (3, 2)
    assert result.halal == 2  # outside Malaysia any valid certificate counts
    assert {slug: n for slug, _name, n in result.vendors} == {"bakery": 3}
    only_stock = run("cake", in_stock=True)
    assert set(names(only_stock)) == {"Pineapple Cake", "Taichung Sun Cake"}
    tea_only = run("茶", category="tea")
    assert tea_only.total == 2
    assert run("cake", category="tea").total == 0


def test_halal_facet_in_malaysia_counts_only_recognised_bodies(db, store):
    result = run("pineapple", shopper("ms", "MY"))
    assert result.halal == 1
    # THIDA is on JAKIM's list, TW-HALAL-NET is not (the cake has no Malay name: English)
    assert names(run("pineapple", shopper("ms", "MY"), halal=True)) == ["Pineapple Cake"]


@pytest.fixture
def certificates(make, store):
    """Three more pineapple products certified by THIDA (recognised in Malaysia too): one
    certificate expired yesterday, one expires today (still valid), one has no date."""
    bakery = store["cake"].vendor
    today = clock.today()
    products = {}
    for handle, expires in (("expired", today - timedelta(days=1)), ("last-day", today)):
        products[handle] = make.product(
            bakery,
            handle=f"pineapple-{handle}",
            category="snacks",
            names={"en": f"Pineapple Jam {handle}"},
            variants=[{"price_twd": 200, "stock": 4}],
            **halal("THIDA", expires=expires),
        )
    products["undated"] = make.product(
        bakery,
        handle="pineapple-undated",
        category="snacks",
        names={"en": "Pineapple Jam undated"},
        variants=[{"price_twd": 200, "stock": 4}],
        **{**halal("THIDA"), "halal_expires": None},
    )
    return products


@pytest.mark.parametrize(
    ("language", "market", "valid"),
    [
        # outside Malaysia any valid certificate counts: the cake and the gift box
        ("en", "SG", {"cake", "cake-box"}),
        ("th", "TH", {"cake", "cake-box"}),
        # Malaysia counts JAKIM-recognised bodies only (THIDA, not TW-HALAL-NET)
        ("ms", "MY", {"cake"}),
    ],
)
def test_an_expired_or_undated_certificate_is_not_halal(
    db, store, certificates, language, market, valid
):
    products = {**store, **certificates}
    handles = {product.id: handle for handle, product in products.items()}
    who = shopper(language, market)
    everything = run("pineapple", who)
    # still found, just not as halal
    assert {"expired", "undated"} <= {handles[card.id] for card in everything.cards}
    expected = valid | {"last-day"}  # valid through the day it expires
    assert everything.halal == len(expected)
    halal_only = run("pineapple", who, halal=True)
    assert {handles[card.id] for card in halal_only.cards} == expected
    assert halal_only.total == len(expected)


def test_price_bands_are_in_the_market_currency(db, store):
    result = run("cake", shopper("th", "TH"))
    bands = {band.key: band.count for band in result.bands}
    # NT$300 = ฿309.63, NT$450 = ฿464.45, NT$1,200 = ฿1,238.52
    assert bands == {"0-300": 0, "300-1000": 2, "1000-3000": 1, "3000-": 0}
    within = run("cake", shopper("th", "TH"), price="300-1000")
    assert {c.price.amount_minor for c in within.cards} == {30963, 46445}


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("price_asc", ["Taichung Sun Cake", "Pineapple Cake", "Pineapple Cake Gift Box"]),
        ("price_desc", ["Pineapple Cake Gift Box", "Pineapple Cake", "Taichung Sun Cake"]),
        ("newest", ["Taichung Sun Cake", "Pineapple Cake Gift Box", "Pineapple Cake"]),
    ],
)
def test_sorts(db, store, sort, expected):
    assert names(run("cake", sort=sort)) == expected


def test_keyset_pages_cover_every_result_once(db, make, store):
    vendor = store["oolong"].vendor
    for n in range(7):
        make.product(
            vendor,
            handle=f"tea-{n}",
            names={"en": f"Oolong sampler {n}"},
            variants=[{"price_twd": 100 + n, "stock": n % 2}],
        )
    seen, cursor = [], None
    for _ in range(10):
        result = search(Params(q="oolong", after=cursor), shopper(), size=3)
        seen += [card.id for card in result.cards]
        cursor = result.next_cursor
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 9
    assert seen == [card.id for card in search(Params(q="oolong"), shopper(), size=50).cards]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Read as FTS5 syntax these would find the oolong (phrase, NEAR, AND, OR, prefix,
        # initial token, column filter) or everything else (NOT); as text, nothing has them.
        ('"oolong', set()),
        ('oolong"', set()),
        ('""', set()),
        ("NEAR(oolong tea)", set()),
        ("oolong AND tea", set()),
        ("oolong OR 1", set()),
        ("-oolong", set()),
        ("oolong*", set()),
        ("^oolong", set()),
        ("col:oolong", set()),
        ("'; DROP TABLE products; --", set()),
        ("100%", set()),  # LIKE wildcards are characters too
        ("a_b", set()),
        ("(((", set()),
        ("{}", set()),
        ("x" * 10_000, set()),
        # control characters and line breaks are spaces between words
        ("oolong\x00tea", {"oolong"}),
        ("ชา\u0000", {"oolong", "black"}),
        ("oolong\ttea\nnew", set()),  # "new" is in no name
        ("oolong\ttea", {"oolong"}),
    ],
)
def test_hostile_queries_are_plain_text(db, store, query, expected):
    result = run(query)
    found = {handle for handle, product in store.items() if product.id in ids(result)}
    assert found == expected
    assert result.total == len(expected)
    assert len(result.query) <= 100
    assert names(run("oolong")) == ["High Mountain Oolong Tea", "Taichung Sun Cake"]  # intact


@pytest.mark.parametrize("query", ['"', "%", "_", "\\", "🍍", "-", "*", "^", ":"])
def test_one_latin_or_punctuation_character_is_too_short(db, store, query):
    result = run(query)
    assert result.too_short
    assert (result.cards, result.total) == ([], 0)


def test_invisible_characters_alone_are_no_query(db, store):
    result = run("\u200b\u200b")
    assert (result.query, result.too_short, result.cards) == ("", False, [])


@pytest.fixture
def operators(make):
    """Products whose names hold FTS5 and boolean syntax, and the products that syntax would
    find instead. Not in the tea category, by a shop whose names hold none of the words: only
    the product names can match."""
    shop = make.vendor(slug="hsinchu", name_en="Hsinchu Makers", name_zh_hant="新竹工坊")
    names = [
        "Tea OR Coffee Sampler",
        "Sugar-free Tea",
        "NEAR(tea spring) Blend",
        "Tea AND Biscuits",
        "Tea NOT Coffee",
        "Tea* Tin",
        "Caret ^Tea Mug",
        "doc:tea Notebook",
        "Tea: Second Flush",
        'The "Green Tea" Tin',
        # what the operators would find
        "Coffee Beans",
        "Green Tea",
        "Free Sample Tea",
        "Spring Tea",
        "Biscuits for Tea",
        "Teapot",
        "Tea Bowl",
        "Second Flush Tea",
    ]
    for n, name in enumerate(names):
        make.product(
            shop,
            handle=f"operator-{n}",
            category="home-kitchen",
            names={"en": name},
            variants=[{"price_twd": 300 + n, "stock": 1}],
        )


@pytest.mark.parametrize(
    ("query", "found", "plain", "decoys"),
    [
        # query, what it finds, the same words without the syntax, what those words also find
        ("tea OR coffee", {"Tea OR Coffee Sampler"}, "coffee", {"Coffee Beans"}),
        ("Tea OR Coffee", {"Tea OR Coffee Sampler"}, "coffee", {"Coffee Beans"}),
        ("tea -free", {"Sugar-free Tea"}, "tea", {"Green Tea", "Teapot"}),
        ("-free", {"Sugar-free Tea"}, "free", {"Free Sample Tea"}),
        ("NEAR(tea spring)", {"NEAR(tea spring) Blend"}, "tea spring", {"Spring Tea"}),
        ("tea NEAR spring", {"NEAR(tea spring) Blend"}, "tea spring", {"Spring Tea"}),
        ("tea AND biscuits", {"Tea AND Biscuits"}, "tea biscuits", {"Biscuits for Tea"}),
        ("tea NOT coffee", {"Tea NOT Coffee"}, "tea", {"Green Tea", "Tea Bowl"}),
        ("tea*", {"Tea* Tin"}, "tea", {"Teapot"}),
        ("^tea", {"Caret ^Tea Mug"}, "tea", {"Tea Bowl"}),
        ("doc:tea", {"doc:tea Notebook"}, "tea", {"Green Tea"}),
        ("tea: second flush", {"Tea: Second Flush"}, "tea second flush", {"Second Flush Tea"}),
        ('"green tea"', {'The "Green Tea" Tin'}, "green tea", {"Green Tea"}),
    ],
)
def test_search_syntax_in_a_query_is_looked_for_as_text(db, operators, query, found, plain, decoys):
    assert decoys <= set(names(run(plain)))  # the words alone would find these
    result = run(query)
    assert set(names(result)) == found
    assert (result.total, result.corrected) == (len(found), None)


def test_percent_and_underscore_are_literal(db, make, store):
    make.product(store["cake"].vendor, handle="sale", names={"en": "100% pineapple jam"})
    assert names(run("100%")) == ["100% pineapple jam"]
    assert run("1_0").total == 0


def test_short_latin_queries(db, store):
    assert run("p").too_short
    assert run("pi").total >= 2  # two letters: word prefixes


def test_suggestions_start_after_one_dense_or_two_latin_characters(db, store):
    assert suggest("茶", shopper("zh-hant", "TW")).cards
    assert suggest("ช", shopper("th", "TH")).cards
    assert not suggest("p", shopper()).cards
    found = suggest("pi", shopper())
    assert "Pineapple Cake" in [card.name.value for card in found.cards]
    assert [info.slug for info, _ in suggest("snack", shopper()).categories] == ["snacks"]


def test_the_index_follows_catalog_writes(db, make, store):
    owner = make.user(role="vendor", vendor=store["oolong"].vendor)
    catalog_admin.set_listed(store["oolong"], False, owner)
    assert run("烏龍").total == 0
    make.photo(store["oolong"])  # listing again needs a complete product
    catalog_admin.set_listed(store["oolong"], True, owner)
    assert run("烏龍").total == 1
    store["oolong"].vendor.status = "suspended"
    index.refresh_vendor(store["oolong"].vendor)
    assert run("阿里山").total == 0


def test_a_renamed_product_is_found_inside_its_new_name_only(db, store):
    """Texts inside words follow a rename: on PostgreSQL through the list of the texts'
    pieces, which keeps the old piece listed (it now finds nothing) and adds the new one."""
    product = store["oolong"]
    english = next(t for t in product.translations if t.locale == "en")
    english.name = "Alishan Jinxuan Tea"
    index.refresh([product.id])
    assert [card.handle for card in run("inxua").cards] == ["oolong"]
    assert run("ountai").total == 0  # "mountain" was only in the old name


def test_a_change_rolled_back_leaves_search_as_the_catalog_is(db, make, store):
    """Search ranks from the process's copy of the index, which sees a transaction's own
    writes: when that transaction rolls back, the copy does not keep them."""
    owner = make.user(role="vendor", vendor=store["oolong"].vendor)
    assert run("烏龍").total == 1
    change = db.session.begin_nested()
    catalog_admin.set_listed(store["oolong"], False, owner)
    assert run("烏龍").total == 0  # seen inside its own transaction
    change.rollback()
    assert run("烏龍").total == 1
    assert [card.handle for card in run("烏龍").cards] == ["oolong"]


def test_a_search_keeps_the_copy_it_started_with_while_the_index_changes(db, make, store):
    """Searches in other threads of a process rank over the copy they read: catching up on a
    change makes a new copy rather than changing theirs under them."""
    from app.services.search import ranking

    _ids, before = ranking.lookup([])
    rows, listed = before.size, before.alive[: before.size].copy()
    owner = make.user(role="vendor", vendor=store["oolong"].vendor)
    catalog_admin.set_listed(store["oolong"], False, owner)
    _ids, after = ranking.lookup([])
    assert after is not before
    assert after.alive[: after.size].sum() == listed.sum() - 1
    assert before.size == rows
    assert (before.alive[:rows] == listed).all()
    assert run("烏龍").total == 0


def test_reindex_command(app, db, store):
    db.session.execute(text("DELETE FROM search_documents"))
    assert run("oolong").total == 0
    result = app.test_cli_runner().invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert "5 searchable products" in result.output
    assert run("oolong").total == 2


def test_reindexing_forgets_the_words_of_products_gone(app, db, make, store):
    """The typo vocabulary is the words of products on sale: a reindex drops the words only
    deleted products had, so no correction points at goods that are gone."""
    owner = make.user(role="vendor", vendor=store["oolong"].vendor)
    gone = make.product(store["oolong"].vendor, names={"en": "Kumquat Marmalade"})
    assert run("kumquat").total == 1
    catalog_admin.delete_product(gone, owner)
    assert run("kumquat").total == 0
    assert suggest("kumqaut", shopper()).did_you_mean == "kumquat"  # still a known word
    result = app.test_cli_runner().invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert suggest("kumqaut", shopper()).did_you_mean is None
    assert suggest("oolnog", shopper()).did_you_mean == "oolong"  # words on sale stay


def _index_rows(db):
    """Every row of the search index, as a reindex leaves them (the version stamp and the
    words' serial numbers aside)."""
    tables = {
        "search_documents": "product_id",
        "search_texts": "product_id",
        "search_words": "word",
    }
    if db.engine.dialect.name == "postgresql":
        tables |= {"search_postings": "key, product_id", "search_pieces": "piece"}
    rows = {}
    for table, order in tables.items():
        result = db.session.execute(text(f"SELECT * FROM {table} ORDER BY {order}"))  # noqa: S608
        rows[table] = [
            {k: v for k, v in row._asdict().items() if k not in ("seq", "id")} for row in result
        ]
    return rows


def test_a_reindex_by_other_processes_writes_the_same_index(db, make, store, monkeypatch):
    """A large catalog's documents are made by other processes, batch after batch, while
    this one writes: the index is the one a reindex made here alone writes."""
    monkeypatch.setattr(index, "BATCH", 2)  # five products: three batches in flight
    assert index.reindex_all(workers=0) == 5
    alone = _index_rows(db)
    assert len(alone["search_documents"]) == 5
    assert index.reindex_all(workers=2) == 5
    assert _index_rows(db) == alone
    found = run("oolong")
    assert found.total == 2
    assert names(found)[0] == "High Mountain Oolong Tea"
    # the index keeps following writes afterwards (SQLite's full-text trigger is back)
    make.product(store["oolong"].vendor, names={"en": "Kumquat Marmalade"})
    assert names(run("kumquat")) == ["Kumquat Marmalade"]
    assert names(run("marmal")) == ["Kumquat Marmalade"]


@pytest.mark.parametrize(
    ("lookup", "pg_indexes"),
    [
        (
            lambda engine, d: engine.long_ids(d, ["oolong"]),
            ["ix_search_pieces_piece_trgm", "pk_search_postings"],
        ),
        (lambda engine, d: engine.long_ids(d, ["mountain oolong"]), ["ix_search_texts_doc_trgm"]),
        (lambda engine, d: engine.short_ids(d, ["烏"]), ["short_tsv"]),
        (lambda engine, d: engine.key_ids(d, ["oolong"]), ["pk_search_postings"]),
    ],
    ids=["three characters", "with a space", "one character", "whole word"],
)
def test_text_lookups_use_the_index(app, db, store, lookup, pg_indexes):
    """No full scan of the texts to find matching products (the plans, on each engine):
    every lookup ranking combines goes through a text index."""
    dialect = db.session.get_bind().dialect.name
    from app.services.search import engine

    if dialect == "postgresql":
        # a list of pieces as long as a real catalog's (this one has a few dozen, which
        # the planner rightly reads whole)
        db.session.execute(
            text(
                "INSERT INTO search_pieces (piece) "
                "SELECT 'filler' || n FROM generate_series(1, 20000) AS n"
            )
        )
        db.session.execute(text("ANALYZE search_pieces"))
    stmt = lookup(engine, dialect)
    compiled = stmt.compile(db.session.get_bind(), compile_kwargs={"literal_binds": True})
    if dialect == "sqlite":
        plan = " | ".join(
            row[3] for row in db.session.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))
        )
        assert "VIRTUAL TABLE INDEX" in plan, plan
        assert "search_fts" in plan, plan
        assert "SCAN search_texts" not in plan, plan
    else:
        # A handful of test rows would be read whole; forbid plain and primary-key scans so
        # the plan shows which index serves the lookup (at 100,000 products the planner
        # picks it unprompted: see bench/search.py)
        db.session.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(row[0] for row in db.session.execute(text(f"EXPLAIN {compiled}")))
        for index in pg_indexes:
            assert index in plan, plan
        assert "Seq Scan" not in plan, plan
