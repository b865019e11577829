import pytest

from app.domain.locales import best_language, market_from_accept_language

MARKETS = {"TH", "MY", "SG", "PH", "TW"}


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ([("en-PH", 1.0)], "PH"),
        ([("zh-MY", 1.0)], "MY"),
        ([("ms", 1.0)], "MY"),  # Malay without a region: where CLDR says it is written
        ([("en-TH", 1.0)], "TH"),
        ([("zh-SG", 1.0)], "SG"),
        ([("en-SG", 1.0)], "SG"),
        ([("zh-TW", 1.0)], "TW"),
        ([("zh-Hant", 1.0)], "TW"),
        ([("zh-Hant-MY", 1.0)], "MY"),  # a script before the region
        ([("fil", 1.0)], "PH"),
        ([("en_sg", 1.0)], "SG"),  # spelled loosely
        ([("en-PH-x-work", 1.0)], "PH"),  # a private part after the region
        # best quality first, whatever the header's order
        ([("en-PH", 0.5), ("th-TH", 0.9)], "TH"),
        # a region that is not a market of ours passes to the next tag
        ([("fr-FR", 1.0), ("en-PH", 0.5)], "PH"),
        ([("en-US", 1.0), ("en", 0.9), ("ms", 0.8)], "MY"),
    ],
)
def test_a_region_of_ours_picks_the_market(accept, expected):
    assert market_from_accept_language(accept, MARKETS) == expected


@pytest.mark.parametrize(
    "accept",
    [
        [],
        [("en", 1.0)],  # English: most likely the United States
        [("en-US", 1.0), ("en-GB", 0.9)],
        [("zh-CN", 1.0), ("zh", 0.9)],
        [("en-PH", 0.0)],  # refused
        [("*", 1.0)],
        [("x-klingon", 1.0)],
        [("419", 1.0)],
        [("es-419", 1.0)],
    ],
)
def test_no_region_of_ours_picks_none(accept):
    assert market_from_accept_language(accept, MARKETS) is None


def test_only_markets_the_store_serves_count():
    # Singapore switched off: en-SG names no market, the next tag does
    assert market_from_accept_language([("en-SG", 1.0), ("th", 0.5)], {"TH", "MY"}) == "TH"
    assert market_from_accept_language([("en-SG", 1.0)], {"TH", "MY"}) is None


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("abcdefgh-PH", "PH"),  # a language subtag has at most 8 letters
        ("abcdefghi-PH", None),
        ("e-PH", None),  # and at least 2
        ("12-PH", None),
        ("zh-hant", "TW"),  # a script written in lower case
        ("zh-Hant-Hans", "TW"),  # the first script counts
        ("ms-u-ca-PH", "MY"),  # an extension: "PH" here is no region
        ("zh-x-MY", None),  # nor in a private part (zh alone: China)
        ("ms-Arab", "MY"),  # Malay in Jawi: still Malaysia
        ("zh-yue-MY", "MY"),  # a three-letter extended language is no region
        ("en-1994-PH", "PH"),  # nor is a four-digit variant
    ],
)
def test_how_a_tag_is_read(tag, expected):
    assert market_from_accept_language([(tag, 1.0)], MARKETS) == expected


def test_a_language_tag_spelled_with_an_underscore_is_read():
    assert best_language([("zh_TW", 1.0)]) == "zh-hant"
    assert best_language([("ms_MY", 1.0)]) == "ms"
