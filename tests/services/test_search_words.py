"""Search by words, as a Thai, Malaysian or Chinese-reading shopper types (issue 15): Thai cut
into words, tone marks and Traditional/Simplified folded, synonyms across languages kept as
data, halal as a word, partial matches, typos in phrases, and a ranking that puts what the
product *is* first. The same tests run on SQLite and PostgreSQL.
"""

from datetime import UTC, datetime, timedelta

import pytest

from app.models.search import SearchSynonym, SearchSynonymGroup
from app.services import clock, reference
from app.services.search import synonyms
from app.services.search.service import Params, search, suggest
from app.services.shopper import Shopper
from tests.factories import halal

LOCALES = {"en": "en", "th": "th", "ms": "ms", "zh-hant": "zh_Hant"}


def shopper(language="th", market="TH"):
    ref = reference.get()
    return Shopper(LOCALES[language], ref.markets[market], ref, clock.today())


@pytest.fixture
def shop(make):
    tea = make.vendor(slug="leaf", name_en="Leaf House", name_zh_hant="葉子茶行")
    other = make.vendor(slug="things", name_en="Useful Things", name_zh_hant="好用雜貨")
    bakery = make.vendor(slug="bakery", name_en="Golden Bakery", name_zh_hant="金鳳餅坊")
    base = datetime(2026, 6, 1, tzinfo=UTC)
    specs = {
        "oolong": (
            "tea",
            tea,
            {
                "th": "ชาอู่หลงเขาสูง",
                "en": "High Mountain Oolong Tea",
                "zh_Hant": "高山烏龍茶",
                "ms": "Teh Oolong Tanah Tinggi",
            },
            {},
        ),
        "red": (
            "tea",
            tea,
            {"th": "ชาแดงทะเลสาบ", "en": "Sun Moon Lake Black Tea", "zh_Hant": "日月潭紅茶"},
            {},
        ),
        "green": (
            "tea",
            tea,
            {"th": "ชาเขียวไต้หวัน", "en": "Taiwan Green Tea", "zh_Hant": "台灣綠茶"},
            {},
        ),
        "charger": (
            "electronics",
            other,
            {"th": "ที่ชาร์จ USB-C", "en": "USB-C Charger", "zh_Hant": "USB-C 充電器"},
            {},
        ),
        "bowl": (
            "home-kitchen",
            other,
            {"th": "ชามข้าวเซรามิก", "en": "Ceramic Rice Bowl", "zh_Hant": "陶瓷飯碗"},
            {},
        ),
        "sacha": (
            "sauces-condiments",
            other,
            {"th": "ซอสซาชา", "en": "Shacha Sauce", "zh_Hant": "沙茶醬"},
            {},
        ),
        "toner": (
            "health-beauty",
            other,
            {
                "th": "โทนเนอร์ชาอู่หลง",
                "en": "Oolong Tea Balancing Toner",
                "zh_Hant": "烏龍茶平衡化妝水",
            },
            {},
        ),
        "cake": (
            "snacks",
            bakery,
            {"th": "ขนมพายสับปะรด", "en": "Pineapple Cake", "zh_Hant": "鳳梨酥", "ms": "Kek Nanas"},
            halal("THIDA"),
        ),
        "beef": (
            "noodles-rice",
            other,
            {"en": "Beef Noodles", "zh_Hant": "牛肉麵", "th": "บะหมี่เนื้อ"},
            {},
        ),
    }
    made = {}
    for position, (key, (category, vendor, names, extra)) in enumerate(specs.items()):
        made[key] = make.product(
            vendor,
            handle=key,
            category=category,
            names=names,
            published_at=base + timedelta(days=position),
            **extra,
        ).id
    return made


def found(result, shop) -> list[str]:
    by_id = {product_id: key for key, product_id in shop.items()}
    return [by_id[card.id] for card in result.cards]


def run(query, language="th", market="TH"):
    return search(Params(q=query), shopper(language, market))


def test_a_thai_word_is_not_found_inside_longer_words(db, shop):
    # ชา (tea) is inside ชาร์จ (charge), ชาม (bowl) and ซาชา (shacha): none of them is tea
    assert set(found(run("ชา"), shop)) == {"oolong", "red", "green", "toner"}
    assert found(run("ชา"), shop)[-1] == "toner"  # tea named first, the toner after


def test_thai_words_differing_in_a_vowel_mark_are_different_words(db, make):
    """หมึก (ink) and หมัก (fermented) share their consonants; only the vowel above differs."""
    curd = make.product(handle="curd", category="sauces-condiments", names={"th": "เต้าหู้ยี้หมักข้าว"})
    ink = make.product(handle="ink", category="crafts-stationery", names={"th": "หมึกแท่งจีน"})

    assert [card.id for card in run("หมึก").cards] == [ink.id]
    assert [card.id for card in run("หมัก").cards] == [curd.id]


def test_a_thai_word_names_a_category_only_as_a_whole_word(db, make, shop):
    """ร่ม (umbrella) folds to รม, which sits inside ฟารม, the category "ผลไม้และของสดจาก
    ฟาร์ม" (fruit and fresh food from the farm) without its mark: the farm's produce is not
    an umbrella. The category's own words still find it."""
    assert "ฟาร์ม" in reference.get().category_by_slug("agri-fresh").names["th"]
    umbrella = make.product(
        handle="umbrella", category="crafts-stationery", names={"th": "ร่มกระดาษน้ำมัน"}
    )
    lemons = make.product(handle="lemons", category="agri-fresh", names={"th": "มะนาวเหลือง"})
    shop = {**shop, "umbrella": umbrella.id, "lemons": lemons.id}

    assert found(run("ร่ม"), shop) == ["umbrella"]
    assert found(run("ฟาร์ม"), shop) == ["lemons"]


def test_a_chinese_word_is_not_a_character_of_another_word(db, shop):
    # 沙茶 (shacha) is a sauce, not tea; the toner's head is 化妝水 (toner)
    result = found(run("茶", "zh-hant", "SG"), shop)
    assert set(result[:3]) == {"oolong", "red", "green"}
    assert "sacha" not in result


def test_tone_marks_may_be_left_out_and_exact_spelling_ranks_first(db, make, shop):
    assert found(run("ชาอูหลง"), shop) == found(run("ชาอู่หลง"), shop)
    assert found(run("ชาอูหลง"), shop)[0] == "oolong"
    # ข้าว (rice) folds to ขาว (white): the product spelt as typed comes first
    white = make.product(handle="white-mug", category="home-kitchen", names={"th": "แก้วขาว"})
    rice = make.product(handle="rice", category="noodles-rice", names={"th": "ข้าวหอม"})
    ranked = [card.id for card in run("ข้าว").cards]
    assert ranked[0] == rice.id
    assert white.id not in ranked[:2]  # after the rice bowl (ชามข้าว), if at all


def test_simplified_chinese_finds_traditional_names(db, shop):
    assert found(run("凤梨酥", "zh-hant", "MY"), shop) == ["cake"]
    assert found(run("乌龙茶", "zh-hant", "MY"), shop)[0] == "oolong"


def test_synonyms_across_languages(db, shop):
    # the products say ชาแดง, 紅茶 and "black tea"; the shopper types any of them
    for query, language in [("ชาดำ", "th"), ("teh hitam", "ms"), ("红茶", "zh-hant")]:
        assert found(run(query, language), shop)[0] == "red", query
    for query, language in [("เค้กสับปะรด", "th"), ("ขนมเปี๊ยะสับปะรด", "th"), ("kek nanas", "ms")]:
        assert found(run(query, language), shop) == ["cake"], query
    assert "beef" in found(run("mee", "ms", "MY"), shop)


def test_halal_is_a_word_too(db, shop):
    for query, language in [("halal", "en"), ("ฮาลาล", "th"), ("清真", "zh-hant")]:
        assert found(run(query, language, "MY"), shop) == ["cake"], query


def test_a_word_that_narrows_finds_the_best_partial_match(db, shop):
    # ชาไต้หวัน: tea + Taiwan; the green tea says both, so it comes first
    result = run("ชาไต้หวัน")
    assert found(result, shop)[0] == "green"
    # nothing is called "tea with grapes": the teas, saying that only ชา was looked for
    result = run("ชาองุ่น")
    assert result.partial == "ชา"
    assert set(found(result, shop)) == {"oolong", "red", "green", "toner"}


def test_a_partial_match_keeps_the_head_word_of_the_phrase(db, make):
    """ซอสพริกเผา (roasted chili sauce): no product is all three, and more products say เผา
    (roasted, wood-fired) than ซอสพริก; the shopper is after a sauce, the phrase's head."""
    sauce = make.product(handle="chili", category="sauces-condiments", names={"th": "ซอสพริกหวาน"})
    make.product(handle="jar", category="home-kitchen", names={"th": "โถใส่ชาเผาฟืน"})
    make.product(handle="cup", category="home-kitchen", names={"th": "ถ้วยเผาฟืน"})

    result = run("ซอสพริกเผา")

    assert result.partial == "ซอสพริก"
    assert [card.id for card in result.cards] == [sauce.id]


def test_a_chinese_phrase_keeps_its_last_word_the_head(db, make):
    """烏龍茶罐 (an oolong tea canister): Chinese says what a thing is last, so the canister,
    though more products are oolong."""
    jar = make.product(handle="jar", category="home-kitchen", names={"zh_Hant": "陶瓷罐"})
    for handle, name in (("dongding", "凍頂烏龍茶"), ("alishan", "高山烏龍茶")):
        make.product(handle=handle, category="tea", names={"zh_Hant": name})

    result = run("烏龍茶罐", "zh-hant", "SG")

    assert result.partial == "罐"
    assert [card.id for card in result.cards] == [jar.id]


def test_typos_are_corrected_word_by_word_in_phrases(db, shop):
    result = run("pinaple cake", "en", "SG")
    assert result.corrected == "pineapple cake"
    assert found(result, shop) == ["cake"]
    assert run("oolnog", "en", "SG").corrected == "oolong"


def test_a_latin_word_matching_nothing_is_offered_as_did_you_mean(db, shop):
    result = run("pineapple zzyzx", "en", "SG")
    assert result.cards == []
    assert result.did_you_mean == "pineapple"
    assert suggest("pinaple", shopper("en", "SG")).did_you_mean == "pineapple"


def test_what_a_product_is_ranks_before_what_it_is_made_with(db, shop):
    for query, language in [("oolong", "en"), ("ชาอู่หลง", "th"), ("烏龍茶", "zh-hant")]:
        result = found(run(query, language, "SG"), shop)
        assert result.index("oolong") < result.index("toner"), query


def test_between_categories_as_large_the_one_the_query_names_ranks_first(db, make):
    """Socks printed with bubble tea, named with the query first, and a bubble tea kit: one
    product each in Fashion and Tea. "tea" names the kit's category, in every language."""
    socks = make.product(
        handle="socks",
        category="fashion",
        names={"en": "Bubble Tea Cotton Socks", "th": "ถุงเท้าลายชานม", "zh_Hant": "珍奶棉襪"},
        published_at=datetime(2026, 6, 2, tzinfo=UTC),
    )
    kit = make.product(
        handle="kit",
        category="tea",
        names={"en": "Bubble Milk Tea Kit", "th": "ชุดทำชานม", "zh_Hant": "珍珠奶茶組"},
        published_at=datetime(2026, 6, 1, tzinfo=UTC),
    )
    for query, language in [("milk tea", "en"), ("ชานม", "th"), ("奶茶", "zh-hant")]:
        ids = [card.id for card in run(query, language, "SG").cards]
        assert ids == [kit.id, socks.id], query
    # the category with more matches still comes first: two pairs of socks outnumber the kit
    more = make.product(handle="more-socks", category="fashion", names={"en": "Milk Tea Socks"})
    ids = [card.id for card in run("milk tea", "en", "SG").cards]
    assert ids.index(kit.id) == 2
    assert set(ids[:2]) == {socks.id, more.id}


def test_operators_synonyms_apply_without_reindexing(db, shop):
    assert found(run("ที่ชาร์จ"), shop) == ["charger"]
    assert run("adapter", "en", "SG").cards == []
    group = SearchSynonymGroup(
        name="adapter", terms=[SearchSynonym(term="adapter"), SearchSynonym(term="charger")]
    )
    db.session.add(group)
    db.session.flush()
    synonyms.invalidate()
    try:
        assert found(run("adapter", "en", "SG"), shop) == ["charger"]
    finally:
        db.session.delete(group)
        db.session.flush()
        synonyms.invalidate()


def test_latin_words_written_apart_or_together_find_each_other(db, make):
    """Shoppers space compounds as they please: "tea pot" is the teapot (before a soap for
    pots made with tea seed), "hotpot" the hot pot soup base, "teabag" the tea bags, and a
    hyphen joins words ("sun-cake")."""
    teapot = make.product(
        handle="teapot", category="home-kitchen", names={"en": "Side-handle Teapot"}
    )
    soap = make.product(
        handle="soap", category="home-kitchen", names={"en": "Tea Seed Soap for Pots and Pans"}
    )
    base = make.product(handle="base", category="noodles-rice", names={"en": "Mala Hot Pot Base"})
    bags = make.product(handle="bags", category="tea", names={"en": "Alishan Oolong Tea Bags"})
    cake = make.product(handle="cake", category="snacks", names={"en": "Honey Sun Cake"})
    rolls = make.product(handle="rolls", category="snacks", names={"en": "Crispy Egg Rolls"})
    pineapple_cake = make.product(handle="pc", category="snacks", names={"zh_Hant": "鳳梨酥"})
    tart = make.product(handle="tart", category="snacks", names={"en": "Pineapple Pastry Tart"})

    def ids(query):
        return [card.id for card in run(query, "en", "SG").cards]

    assert ids("tea pot")[0] == teapot.id
    assert ids("teapot") == [teapot.id]
    assert soap.id in ids("tea pots")  # no product writes "teapots": the words apart
    assert ids("hotpot") == [base.id]
    # the box under the search field reads them the same way
    assert [card.id for card in suggest("hotpot", shopper("en", "SG")).cards] == [base.id]
    assert [card.id for card in suggest("tea pot", shopper("en", "SG")).cards][0] == teapot.id
    assert ids("teabags") == [bags.id]
    assert ids("teabag") == [bags.id]  # the second word as products write it, plural
    assert ids("eggroll") == [rolls.id]
    assert ids("sun-cake") == [cake.id]
    assert ids("tea-pot") == [teapot.id]
    # joined, "pine apple" and the next word are the pineapple cake (鳳梨酥), not any pastry
    # with pineapple in it
    assert ids("pine apple cake") == ids("pineapple cake") == [pineapple_cake.id]
    assert tart.id in ids("pineapple pastry")
    assert ids("hand-painted") == []  # a hyphenated phrase no product has finds nothing


def test_what_a_product_is_outranks_the_category_most_matches_belong_to(db, make):
    """Two beauty products made with honey and one jar of honey: "honey" asks for the honey,
    though Health & beauty holds more of the matches."""
    balm = make.product(handle="balm", category="health-beauty", names={"en": "Honey Lip Balm"})
    soap = make.product(
        handle="soap", category="health-beauty", names={"en": "Goat Milk Honey Soap"}
    )
    honey = make.product(handle="honey", category="snacks", names={"en": "Longan Blossom Honey"})
    for query, language in [("honey", "en"), ("น้ำผึ้ง", "th"), ("madu", "ms")]:
        ids = [card.id for card in run(query, language, "MY").cards]
        assert ids[0] == honey.id, query
        assert set(ids[1:]) == {balm.id, soap.id}, query


def test_a_thai_compound_found_nowhere_is_not_offered_as_half_of_itself(db, make):
    """ทุเรียน (durian) is one word; cut, it would read ทุ + เรียน (to study), and น้ำหอม
    (perfume) water + fragrant. No durian, no perfume: nothing, rather than a book or
    scallion oil noodles."""
    make.product(handle="notebook", category="crafts-stationery", names={"th": "สมุดเรียน"})
    make.product(handle="noodles", category="noodles-rice", names={"th": "บะหมี่น้ำมันต้นหอม"})

    for query in ("ทุเรียน", "น้ำหอม"):
        result = run(query)
        assert result.cards == [], query
        assert result.partial is None, query
