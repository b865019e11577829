"""Delivery address rules: real addresses in each market pass, every refusal is reported at once
with the field it belongs to, and what is stored is normalised (phone in E.164)."""

from dataclasses import replace

import pytest

from app.domain.addresses import (
    MARKETS,
    RULES,
    Address,
    check,
    normalised,
    phone_e164,
    region_required,
)
from app.domain.problems import Problem, problem

BANGKOK_CONDO = Address(
    name="สมชาย ใจดี",
    line1="88/123 ลุมพินี เพลส พระราม 4",
    line2="ชั้น 12 ห้อง 1205",
    city="เขตคลองเตย",
    region="กรุงเทพมหานคร",
    postal_code="10110",
    country="TH",
    phone="081-234-5678",
)
KUALA_LUMPUR = Address(
    name="Nurul Aisyah binti Ahmad",
    line1="No. 12, Jalan Ampang",
    line2="Unit 15-3, Menara Ampang",
    city="Kuala Lumpur",
    region="Wilayah Persekutuan Kuala Lumpur",
    postal_code="50450",
    country="MY",
    phone="+60 12-345 6789",
)
HDB_BLOCK = Address(
    name="Tan Wei Ming",
    line1="Blk 546 Ang Mo Kio Avenue 10",
    line2="#08-1234",
    city="Singapore",
    region="",
    postal_code="560546",
    country="SG",
    phone="9123 4567",
)
MAKATI = Address(
    name="Maria Santos",
    line1="Unit 2301, 6750 Ayala Avenue",
    line2="San Lorenzo Village",
    city="Makati City",
    region="Metro Manila",
    postal_code="1226",
    country="PH",
    phone="0917 123 4567",
)
TAIPEI = Address(
    name="陳美玲",
    line1="忠孝東路四段100號5樓",
    line2="",
    city="大安區",
    region="臺北市",
    postal_code="１０６",  # typed with a Taiwanese input method
    country="TW",
    phone="0912-345-678",
)
BY_MARKET = {"TH": BANGKOK_CONDO, "MY": KUALA_LUMPUR, "SG": HDB_BLOCK, "PH": MAKATI, "TW": TAIPEI}


@pytest.mark.parametrize(
    ("address", "stored_phone"),
    [
        (BANGKOK_CONDO, "+66812345678"),
        (KUALA_LUMPUR, "+60123456789"),
        (HDB_BLOCK, "+6591234567"),
        (MAKATI, "+639171234567"),
        (TAIPEI, "+886912345678"),
    ],
    ids=["bangkok-condo", "kuala-lumpur", "hdb-block", "makati", "taipei"],
)
def test_real_addresses_pass_and_store_the_phone_in_e164(address, stored_phone):
    assert check(address, address.country) == []
    assert normalised(address).phone == stored_phone


def test_a_taipei_address_keeps_its_chinese_and_gets_ascii_postal_digits():
    stored = normalised(TAIPEI)
    assert (stored.region, stored.city, stored.line1) == (
        "臺北市",
        "大安區",
        "忠孝東路四段100號5樓",
    )
    assert stored.postal_code == "106"


# required fields -------------------------------------------------------------------------


@pytest.mark.parametrize("market", MARKETS)
@pytest.mark.parametrize("field", ["name", "line1", "city", "postal_code", "country", "phone"])
def test_fields_every_market_requires(market, field):
    address = replace(BY_MARKET[market], **{field: "  \x00 "})  # blank once cleaned
    assert check(address, market) == [problem((field,), "required")]


@pytest.mark.parametrize(
    ("market", "required"),
    [("TH", True), ("MY", True), ("PH", True), ("TW", True), ("SG", False)],
)
def test_region_is_required_except_in_singapore(market, required):
    assert region_required(market) is required
    problems = check(replace(BY_MARKET[market], region=""), market)
    assert problems == ([problem(("region",), "required")] if required else [])


@pytest.mark.parametrize("market", MARKETS)
def test_line2_is_optional(market):
    assert check(replace(BY_MARKET[market], line2=""), market) == []


def test_a_market_we_do_not_ship_to_is_a_programming_error():
    with pytest.raises(ValueError, match="US"):
        check(replace(KUALA_LUMPUR, country="US"), "US")
    with pytest.raises(ValueError, match="US"):
        region_required("US")


# lengths ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "limit"),
    [("name", 120), ("line1", 200), ("line2", 200), ("city", 100), ("region", 100)],
)
def test_text_lengths_at_and_over_the_limit(field, limit):
    at_limit = replace(KUALA_LUMPUR, **{field: "a" * limit})
    over = replace(KUALA_LUMPUR, **{field: "a" * (limit + 1)})
    assert check(at_limit, "MY") == []
    assert check(over, "MY") == [problem((field,), "text.too_long", max=limit)]


def test_length_is_counted_after_spaces_are_trimmed_and_collapsed():
    padded = replace(KUALA_LUMPUR, name="  " + "a" * 60 + "     " + "b" * 59 + "\n")
    assert len(normalised(padded).name) == 120
    assert check(padded, "MY") == []


def test_postal_code_over_ten_characters_is_too_long_not_misformatted():
    assert check(replace(KUALA_LUMPUR, postal_code="12345678901"), "MY") == [
        problem(("postal_code",), "text.too_long", max=10)
    ]


def test_phone_over_32_characters_is_too_long():
    # 32 characters that are not a number: a format problem; 33: too long
    assert check(replace(BANGKOK_CONDO, phone="call me" + "!" * 25), "TH") == [
        problem(("phone",), "phone.format", example="+66 81 234 5678")
    ]
    assert check(replace(BANGKOK_CONDO, phone="call me" + "!" * 26), "TH") == [
        problem(("phone",), "text.too_long", max=32)
    ]


# country ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "found"),
    [
        ("TH", None),
        ("th", None),  # upper-cased
        (" ｔｈ ", None),  # full-width, as a Thai or Chinese keyboard may type it
        ("MY", problem(("country",), "country.market", market="TH")),
        ("US", problem(("country",), "country.market", market="TH")),
        ("XX", problem(("country",), "country.format")),  # not an ISO 3166-1 code
        ("ZZ", problem(("country",), "country.format")),  # CLDR's "unknown region"
        ("THA", problem(("country",), "country.format")),  # alpha-3
        ("Thailand", problem(("country",), "country.format")),
        ("66", problem(("country",), "country.format")),
    ],
)
def test_country_must_be_the_market(country, found):
    assert check(replace(BANGKOK_CONDO, country=country), "TH") == ([found] if found else [])


# postal codes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("market", "code", "valid"),
    [
        # Thailand: 5 digits, province 10 (Bangkok) to 96 (Narathiwat)
        ("TH", "10110", True),
        ("TH", "10000", True),
        ("TH", "38000", True),  # Bueng Kan, the newest province
        ("TH", "96220", True),
        ("TH", "09999", False),
        ("TH", "97000", False),
        ("TH", "1011", False),
        ("TH", "101100", False),
        ("TH", "๑๐๑๑๐", True),  # Thai digits
        ("TH", "10 110", True),
        # Malaysia: 5 digits, a leading 0 is real (Perlis 01000)
        ("MY", "50450", True),
        ("MY", "01000", True),
        ("MY", "5045", False),
        ("MY", "504500", False),
        ("MY", "5O450", False),  # letter O
        # Singapore: 6 digits
        ("SG", "560546", True),
        ("SG", "018956", True),
        ("SG", "56054", False),
        ("SG", "5605467", False),
        # Philippines: 4 digits
        ("PH", "1226", True),
        ("PH", "122", False),
        ("PH", "12260", False),
        # Taiwan: 3, 3+2 or 3+3 digits, never starting with 0
        ("TW", "106", True),
        ("TW", "10617", True),
        ("TW", "100206", True),
        ("TW", "１０６０１", True),  # full-width
        ("TW", "106-01", True),
        ("TW", "10", False),
        ("TW", "1061", False),
        ("TW", "1061234", False),
        ("TW", "012", False),
    ],
)
def test_postal_code_formats(market, code, valid):
    problems = check(replace(BY_MARKET[market], postal_code=code), market)
    example = RULES[market].postal_example
    assert problems == (
        [] if valid else [problem(("postal_code",), "postal_code.format", example=example)]
    )


@pytest.mark.parametrize("market", MARKETS)
def test_each_markets_postal_example_is_valid_there(market):
    """The refusal shows it as the shape to follow."""
    assert check(replace(BY_MARKET[market], postal_code=RULES[market].postal_example), market) == []


def test_the_postal_example_is_the_markets():
    address = replace(BANGKOK_CONDO, postal_code="1234")
    assert check(address, "TH") == [
        problem(("postal_code",), "postal_code.format", example="10110")
    ]


# phones ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("market", "typed", "e164"),
    [
        # Thailand: +66, trunk 0; fixed 8 digits, mobile 9
        ("TH", "+66 81 234 5678", "+66812345678"),
        ("TH", "081-234-5678", "+66812345678"),
        ("TH", "0066 81 234 5678", "+66812345678"),
        # "006" is also a Thai carrier's prefix: 00 + 66 is read first, or a 061 mobile
        # would lose its 6
        ("TH", "0066 61 234 5678", "+66612345678"),
        ("TH", "001 66 81 234 5678", "+66812345678"),  # Thai carrier's international prefix
        ("TH", "+66 (0)81 234 5678", "+66812345678"),  # trunk 0 kept after the code
        ("TH", "66 81 234 5678", "+66812345678"),  # code without its +
        ("TH", "81 234 5678", "+66812345678"),  # without the trunk 0
        ("TH", "02-123-4567", "+6621234567"),  # Bangkok landline
        ("TH", "๐๘๑ ๒๓๔ ๕๖๗๘", "+66812345678"),  # Thai digits
        ("TH", "0812345", None),  # 6 digits
        ("TH", "08123456", None),  # 7 digits
        ("TH", "081-234-567", None),  # 8 digits: a mobile with one missing
        ("TH", "02-123-45678", None),  # 9 digits: a Bangkok landline with one too many
        ("TH", "081234567890", None),  # 11 digits
        ("TH", "08123456789", None),  # 10 digits
        ("TH", "02123456", None),  # a Bangkok landline with one missing
        ("TH", "+66 81 234 567", None),  # our calling code, then a mobile with one missing
        # Malaysia: +60, trunk 0; fixed 8 (9 in the Klang Valley), mobile 9-10
        ("MY", "012-345 6789", "+60123456789"),
        ("MY", "011-2345 6789", "+601123456789"),
        ("MY", "+60 12 345 6789", "+60123456789"),
        ("MY", "03-2385 6789", "+60323856789"),  # Kuala Lumpur landline
        ("MY", "04-229 1234", "+6042291234"),  # Penang landline: 8 digits
        ("MY", "0060 12 345 6789", "+60123456789"),
        ("MY", "012-345 678", None),  # 8 digits starting with 1
        ("MY", "011-2345 67890", None),  # 11 digits
        ("MY", "04-229 123", None),  # 7 digits
        # Singapore: +65, no trunk prefix, 8 digits starting 3, 6, 8 or 9
        ("SG", "9123 4567", "+6591234567"),
        ("SG", "6123 4567", "+6561234567"),
        ("SG", "8123 4567", "+6581234567"),
        ("SG", "3123 4567", "+6531234567"),
        ("SG", "+65 6123 4567", "+6561234567"),
        ("SG", "65 6123 4567", "+6561234567"),
        ("SG", "001 65 6123 4567", "+6561234567"),
        ("SG", "7123 4567", None),
        ("SG", "5123 4567", None),
        ("SG", "912 3456", None),
        ("SG", "9123 45678", None),
        ("SG", "09123 4567", None),  # no trunk 0 in Singapore
        # Philippines: +63, trunk 0; mobile 10 digits, landline 9
        ("PH", "0917 123 4567", "+639171234567"),
        ("PH", "+63 917 123 4567", "+639171234567"),
        ("PH", "(02) 8123 4567", "+63281234567"),  # Metro Manila landline since 2019
        ("PH", "(032) 234 5678", "+63322345678"),  # Cebu landline
        ("PH", "0917 123 456", None),  # 9 digits starting with 9
        ("PH", "0917 123 45678", None),  # 11 digits
        ("PH", "(02) 812 3456", None),  # Manila's old 7-digit number: 8 digits
        # Taiwan: +886, trunk 0; mobile 9 digits, fixed 8 or 9
        ("TW", "0912-345-678", "+886912345678"),
        ("TW", "+886 912 345 678", "+886912345678"),
        ("TW", "+886 (0)912 345 678", "+886912345678"),
        ("TW", "00886 912 345 678", "+886912345678"),
        ("TW", "002 886 912 345 678", "+886912345678"),  # Chunghwa's international prefix
        ("TW", "(02) 2345-6789", "+886223456789"),  # Taipei: 9 digits
        ("TW", "(03) 345-6789", "+88633456789"),  # Taoyuan: 8 digits
        ("TW", "０９１２－３４５－６７８", "+886912345678"),  # full-width
        ("TW", "0912-345-67", None),  # 8 digits starting with 9
        ("TW", "0912-345-6789", None),  # 10 digits
        ("TW", "(082) 31-2345", "+88682312345"),  # Kinmen: 8 digits
        ("TW", "(02) 234-567", None),  # 7 digits
    ],
)
def test_phone_numbers(market, typed, e164):
    assert phone_e164(typed, market) == e164
    problems = check(replace(BY_MARKET[market], phone=typed), market)
    if e164:
        assert problems == []
        assert normalised(replace(BY_MARKET[market], phone=typed)).phone == e164
    else:
        assert problems == [
            problem(("phone",), "phone.format", example=RULES[market].phone_example)
        ]


@pytest.mark.parametrize(
    "typed",
    [
        "081 234 5678 ext 2",
        "081 234 5678 / 089 999 9999",  # two numbers
        "+",
        "+85",  # a calling code cut short (852 is Hong Kong's)
        "++66 81 234 5678",
        "+0066 81 234 5678",
        "81-234-5678 #",
        "tel:+66812345678",
    ],
)
def test_things_that_are_not_phone_numbers(typed):
    assert phone_e164(typed, "TH") is None
    assert check(replace(BANGKOK_CONDO, phone=typed), "TH") == [
        problem(("phone",), "phone.format", example="+66 81 234 5678")
    ]


@pytest.mark.parametrize(
    ("market", "typed", "code"),
    [
        ("TH", "+1 415 555 0100", "1"),
        ("TH", "0014155550100", "1"),
        ("TH", "+886 912 345 678", "886"),  # a valid number, of the wrong country
        ("TW", "+66 81 234 5678", "66"),
        ("TW", "0066 81 234 5678", "66"),
        ("SG", "+60 12 345 6789", "60"),
        ("MY", "+65 9123 4567", "65"),
        ("PH", "+852 9123 4567", "852"),  # Hong Kong: three digits
        ("MY", "+7 912 345 6789", "7"),
        ("TH", "+44", "44"),  # the code alone already names the country
    ],
)
def test_a_number_of_another_country_is_refused_with_its_code(market, typed, code):
    """The courier calls a number in the country it delivers to."""
    assert phone_e164(typed, market) is None
    assert check(replace(BY_MARKET[market], phone=typed), market) == [
        Problem(("phone",), "phone.country", (("code", code),))
    ]


@pytest.mark.parametrize("market", MARKETS)
def test_each_markets_phone_example_is_valid_there(market):
    """The refusal shows it as the number to copy the shape of."""
    example = RULES[market].phone_example
    assert check(replace(BY_MARKET[market], phone=example), market) == []


def test_the_phone_is_judged_for_the_market_even_when_the_country_is_wrong():
    problems = check(replace(BANGKOK_CONDO, country="SG"), "TH")
    assert problems == [problem(("country",), "country.market", market="TH")]


def test_phone_e164_knows_only_our_markets():
    assert phone_e164("+1 415 555 0100", "US") is None
    assert phone_e164("081-234-5678", "") is None


# every problem at once -------------------------------------------------------------------


def test_every_problem_is_reported_at_once_one_per_field_in_form_order():
    address = Address(
        name="",
        line1="x" * 201,
        line2="",
        city="Bangkok",
        region="",
        postal_code="1234",
        country="US",
        phone="+1 415 555 0100",
    )
    assert check(address, "TH") == [
        problem(("name",), "required"),
        problem(("line1",), "text.too_long", max=200),
        problem(("region",), "required"),
        problem(("postal_code",), "postal_code.format", example="10110"),
        problem(("country",), "country.market", market="TH"),
        Problem(("phone",), "phone.country", (("code", "1"),)),
    ]


# normalisation ---------------------------------------------------------------------------


def test_normalised_cleans_every_field():
    typed = Address(
        name="  Somchai\x00  Jaidee \u200b",
        line1="88/123 Rama IV Road\r\nKhlong Toei",
        line2="\tFloor 12\x1b ",
        city=" Khlong\u3000Toei ",  # an ideographic space
        region="Bangkok\x7f",
        postal_code=" １０ １１０ ",
        country=" th\n",
        phone=" 081 234 5678 ",
    )
    assert normalised(typed) == Address(
        name="Somchai Jaidee \u200b",  # a zero-width space is not a control character
        line1="88/123 Rama IV Road Khlong Toei",
        line2="Floor 12",
        city="Khlong Toei",
        region="Bangkok",
        postal_code="10110",
        country="TH",
        phone="+66812345678",
    )


def test_an_unreadable_phone_is_kept_as_typed_for_the_form_to_show():
    assert normalised(replace(BANGKOK_CONDO, phone="  call\x00 me  ")).phone == "call me"


def test_a_foreign_phone_is_not_rewritten():
    assert normalised(replace(BANGKOK_CONDO, phone="+1 415 555 0100")).phone == "+1 415 555 0100"


def test_postal_codes_with_letters_are_upper_cased():
    # no market uses letters, so the code is refused, but stored as it would be shown
    assert normalised(replace(BANGKOK_CONDO, postal_code="sw1a 1aa")).postal_code == "SW1A 1AA"


@pytest.mark.parametrize("address", BY_MARKET.values(), ids=BY_MARKET.keys())
def test_normalising_twice_changes_nothing(address):
    once = normalised(address)
    assert normalised(once) == once
    assert check(once, address.country) == check(address, address.country) == []


def test_check_judges_the_address_as_it_will_be_stored():
    typed = replace(TAIPEI, name=" \x00陳美玲 ", postal_code="１０６－０１", phone="0912 345 678")
    assert check(typed, "TW") == check(normalised(typed), "TW") == []
