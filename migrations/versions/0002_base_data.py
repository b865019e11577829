"""Base data every installation needs: markets and currencies, shipping rates, a starting
exchange-rate table, the 2026 import-tax rules, default categories, halal certifying bodies
and the flagship "Taipei Good Goods" zone.

Rows are inserted only when missing, so the revision is safe on a database that already has
some of them. Later changes to this data are operator edits (or new revisions), never edits
here.

Revision ID: 0002
Revises: 0001
"""

from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Lightweight table definitions: a data migration must not import the app's models, which
# change after this revision is written.
currencies = sa.table("currencies", sa.column("code"), sa.column("minor_unit"))
markets = sa.table(
    "markets",
    sa.column("code"),
    sa.column("currency_code"),
    sa.column("default_language"),
    sa.column("position"),
    sa.column("is_active"),
    sa.column("extra_kg_fee_minor"),
)
shipping_rates = sa.table(
    "shipping_rates", sa.column("market_code"), sa.column("up_to_g"), sa.column("fee_minor")
)
exchange_rates = sa.table(
    "exchange_rates",
    sa.column("currency_code"),
    sa.column("rate"),
    sa.column("as_of"),
    sa.column("created_at"),
)
tax_rules = sa.table(
    "tax_rules",
    sa.column("market_code"),
    sa.column("name"),
    sa.column("label"),
    sa.column("kind"),
    sa.column("rate"),
    sa.column("applies"),
    sa.column("threshold_minor"),
    sa.column("shipping_in_base"),
    sa.column("prior_in_base"),
    sa.column("uses_category_rate"),
    sa.column("position"),
    sa.column("valid_from"),
    sa.column("valid_to"),
)
categories = sa.table("categories", sa.column("id"), sa.column("slug"), sa.column("position"))
category_translations = sa.table(
    "category_translations",
    sa.column("category_id"),
    sa.column("locale"),
    sa.column("name"),
    sa.column("description"),
)
halal_bodies = sa.table(
    "halal_bodies",
    sa.column("code"),
    sa.column("name"),
    sa.column("country"),
    sa.column("recognised_by_jakim"),
)
zones = sa.table(
    "zones",
    sa.column("id"),
    sa.column("slug"),
    sa.column("is_flagship"),
    sa.column("position"),
    sa.column("starts_at"),
    sa.column("ends_at"),
    sa.column("accent"),
    sa.column("created_at"),
)
zone_translations = sa.table(
    "zone_translations",
    sa.column("zone_id"),
    sa.column("locale"),
    sa.column("title"),
    sa.column("blurb"),
)
zone_markets = sa.table("zone_markets", sa.column("zone_id"), sa.column("market_code"))

NOW = datetime(2026, 1, 1)
RULES_FROM = date(2026, 1, 1)
RATES_AS_OF = date(2026, 11, 1)
RATE_SCALE = 10**10  # exchange_rates.rate: ScaledDecimal(10)
TAX_RATE_SCALE = 10**6  # tax_rules.rate: ScaledDecimal(6)

CURRENCIES = [("THB", 2), ("MYR", 2), ("SGD", 2), ("PHP", 2), ("TWD", 2)]

# code, currency, default URL language, position, fee per started kg past the last band
MARKETS = [
    ("TH", "THB", "th", 1, 15000),
    ("MY", "MYR", "ms", 2, 2000),
    ("SG", "SGD", "en", 3, 700),
    ("PH", "PHP", "en", 4, 35000),
    ("TW", "TWD", "zh-hant", 5, 3000),
]

# One vendor parcel from Taiwan, by weight (minor units of the market currency).
SHIPPING = {
    "TH": [(500, 18000), (1000, 26000), (2000, 42000), (5000, 85000)],
    "MY": [(500, 2500), (1000, 3600), (2000, 5800), (5000, 11800)],
    "SG": [(500, 890), (1000, 1290), (2000, 1990), (5000, 3990)],
    "PH": [(500, 42000), (1000, 60000), (2000, 95000), (5000, 195000)],
    "TW": [(2000, 10000), (5000, 13000), (10000, 17000)],
}

# Units of the currency for one New Taiwan dollar, as of RATES_AS_OF.
RATES = {"THB": "1.0321", "MYR": "0.1352", "SGD": "0.04105", "PHP": "1.8310"}


def _scaled(value: str, scale: int) -> int:
    """An exact decimal string as the scaled integer the column stores (no floats)."""
    whole, _, fraction = value.partition(".")
    digits = len(str(scale)) - 1
    return int(whole) * scale + int(fraction.ljust(digits, "0") or 0)


def _rule(
    market,
    name,
    label,
    kind,
    rate,
    applies="always",
    threshold=None,
    shipping=True,
    prior=False,
    category=False,
    position=0,
):
    return {
        "market_code": market,
        "name": name,
        "label": label,
        "kind": kind,
        "rate": _scaled(str(rate), TAX_RATE_SCALE),
        "applies": applies,
        "threshold_minor": threshold,
        "shipping_in_base": shipping,
        "prior_in_base": prior,
        "uses_category_rate": category,
        "position": position,
        "valid_from": RULES_FROM,
        "valid_to": None,
    }


# DESIGN.md, Landed cost (2026 defaults). Thresholds in minor units of the market currency.
TAX_RULES = [
    _rule("TH", "Import duty", "duty", "duty", 0, category=True, position=10),
    _rule("TH", "VAT", "vat", "tax", "0.07", prior=True, position=20),
    _rule(
        "MY",
        "Sales tax (low-value goods)",
        "sales_tax",
        "tax",
        "0.10",
        applies="at_or_under",
        threshold=50000,
        shipping=False,
        position=10,
    ),
    _rule(
        "MY",
        "Import duty",
        "duty",
        "duty",
        0,
        applies="over",
        threshold=50000,
        category=True,
        position=20,
    ),
    _rule(
        "MY",
        "Sales tax",
        "sales_tax",
        "tax",
        "0.10",
        applies="over",
        threshold=50000,
        prior=True,
        position=30,
    ),
    _rule("SG", "GST", "gst", "tax", "0.09", applies="at_or_under", threshold=40000, position=10),
    _rule(
        "SG",
        "Import duty",
        "duty",
        "duty",
        0,
        applies="over",
        threshold=40000,
        category=True,
        position=20,
    ),
    _rule(
        "SG", "GST", "gst", "tax", "0.09", applies="over", threshold=40000, prior=True, position=30
    ),
    _rule(
        "PH",
        "Import duty",
        "duty",
        "duty",
        0,
        applies="over",
        threshold=1000000,
        category=True,
        position=10,
    ),
    _rule(
        "PH",
        "VAT",
        "vat",
        "tax",
        "0.12",
        applies="over",
        threshold=1000000,
        prior=True,
        position=20,
    ),
    _rule("TW", "Business tax", "business_tax", "included", "0.05", shipping=False, position=10),
]

# slug: {locale: (name, description)}
CATEGORIES = {
    "tea": {
        "en": (
            "Tea",
            "High-mountain oolong, Sun Moon Lake black tea and more, from Taiwan's tea gardens.",
        ),
        "zh_Hant": ("茶葉", "高山烏龍、日月潭紅茶等，來自台灣各地茶園的好茶。"),
        "th": ("ชา", "ชาอู่หลงเขาสูง ชาดำจากทะเลสาบสุริยันจันทรา และอีกมากมายจากไร่ชาทั่วไต้หวัน"),
        "ms": (
            "Teh",
            "Teh oolong tanah tinggi, teh hitam Tasik Sun Moon dan banyak lagi dari ladang teh Taiwan.",
        ),
    },
    "snacks": {
        "en": (
            "Snacks & pastries",
            "Pineapple cake, sun cake, nougat and the treats Taiwan brings home as gifts.",
        ),
        "zh_Hant": ("零食點心", "鳳梨酥、太陽餅、牛軋糖，台灣人送禮自用都愛的點心。"),
        "th": ("ขนมและของว่าง", "ขนมพายสับปะรด ขนมเปี๊ยะไท่หยาง ตังเมนูกัต และของฝากยอดนิยมจากไต้หวัน"),
        "ms": (
            "Snek & Kuih",
            "Kek nanas, kek matahari, nougat dan buah tangan kegemaran dari Taiwan.",
        ),
    },
    "sauces-condiments": {
        "en": (
            "Sauces & condiments",
            "Brewed soy sauce, shacha, chili oil and the flavours of Taiwanese home cooking.",
        ),
        "zh_Hant": ("醬料調味", "釀造醬油、沙茶醬、辣油，台灣家常菜的好味道。"),
        "th": ("ซอสและเครื่องปรุง", "ซีอิ๊วหมัก ซอสซาเต๊ะไต้หวัน น้ำมันพริก และรสชาติอาหารบ้านของไต้หวัน"),
        "ms": (
            "Sos & Perencah",
            "Kicap peram, sos shacha, minyak cili dan rasa masakan rumah Taiwan.",
        ),
    },
    "noodles-rice": {
        "en": (
            "Noodles & rice",
            "Hsinchu rice vermicelli, sun-dried noodles and rice from Taiwan's paddies.",
        ),
        "zh_Hant": ("麵條米食", "新竹米粉、日曬麵條與台灣好米。"),
        "th": ("เส้นและข้าว", "เส้นหมี่ซินจู๋ บะหมี่ตากแดด และข้าวจากนาข้าวไต้หวัน"),
        "ms": ("Mi & Beras", "Bihun Hsinchu, mi kering jemur dan beras dari sawah Taiwan."),
    },
    "agri-fresh": {
        "en": ("Farm & fresh", "Fruit, dried fruit and produce straight from Taiwan's farms."),
        "zh_Hant": ("農產生鮮", "水果、果乾與農產品，產地直送。"),
        "th": ("ผลไม้และของสดจากฟาร์ม", "ผลไม้ ผลไม้อบแห้ง และผลผลิตส่งตรงจากฟาร์มในไต้หวัน"),
        "ms": (
            "Hasil Ladang Segar",
            "Buah-buahan, buah kering dan hasil tani terus dari ladang Taiwan.",
        ),
    },
    "health-beauty": {
        "en": ("Health & beauty", "Herbal soaps, balms and skin care made in Taiwan."),
        "zh_Hant": ("健康美妝", "台灣製造的草本皂、藥膏與保養品。"),
        "th": ("สุขภาพและความงาม", "สบู่สมุนไพร บาล์ม และผลิตภัณฑ์ดูแลผิวที่ผลิตในไต้หวัน"),
        "ms": ("Kesihatan & Kecantikan", "Sabun herba, balsem dan penjagaan kulit buatan Taiwan."),
    },
    "home-kitchen": {
        "en": ("Home & kitchen", "Teaware, cookware and everyday things for the home."),
        "zh_Hant": ("居家廚房", "茶具、廚具與日常居家好物。"),
        "th": ("บ้านและครัว", "ชุดน้ำชา เครื่องครัว และของใช้ในบ้านทุกวัน"),
        "ms": ("Rumah & Dapur", "Set teh, peralatan dapur dan barangan harian untuk rumah."),
    },
    "crafts-stationery": {
        "en": (
            "Crafts & stationery",
            "Oil-paper umbrellas, lanterns, brushes and paper goods made by hand.",
        ),
        "zh_Hant": ("工藝文具", "油紙傘、燈籠、毛筆與手工紙品。"),
        "th": ("งานคราฟต์และเครื่องเขียน", "ร่มกระดาษน้ำมัน โคมไฟ พู่กัน และงานกระดาษทำมือ"),
        "ms": (
            "Kraf & Alat Tulis",
            "Payung kertas minyak, tanglung, berus dan barangan kertas buatan tangan.",
        ),
    },
    "fashion": {
        "en": (
            "Fashion",
            "Hakka floral fabric, indigo dye and accessories from Taiwanese workshops.",
        ),
        "zh_Hant": ("服飾配件", "客家花布、藍染與台灣工作室的配件。"),
        "th": ("แฟชั่น", "ผ้าลายดอกแคะ ผ้าย้อมคราม และเครื่องประดับจากเวิร์กช็อปในไต้หวัน"),
        "ms": ("Fesyen", "Kain bunga Hakka, pewarna indigo dan aksesori dari bengkel Taiwan."),
    },
    "electronics": {
        "en": ("Electronics", "Chargers, keyboards and gadgets designed in Taiwan."),
        "zh_Hant": ("3C電子", "台灣設計的充電器、鍵盤與小家電。"),
        "th": ("อิเล็กทรอนิกส์", "ที่ชาร์จ คีย์บอร์ด และแกดเจ็ตที่ออกแบบในไต้หวัน"),
        "ms": ("Elektronik", "Pengecas, papan kekunci dan gajet rekaan Taiwan."),
    },
}

# Halal certifying bodies; recognised_by_jakim follows JAKIM's list of recognised foreign
# bodies (operators keep it current).
HALAL_BODIES = [
    ("JAKIM", "Department of Islamic Development Malaysia", "MY", True),
    ("THIDA", "Taiwan Halal Integrity Development Association", "TW", True),
    ("CMA", "Chinese Muslim Association (Taiwan)", "TW", True),
    ("MUIS", "Majlis Ugama Islam Singapura", "SG", True),
    ("CICOT", "Central Islamic Council of Thailand", "TH", True),
    ("IDCP", "Islamic Da'wah Council of the Philippines", "PH", True),
]

FLAGSHIP = {
    "en": (
        "Taipei Good Goods",
        "Hand-picked by Taipei City: the makers, tea gardens and bakeries Taipei is proud of.",
    ),
    "zh_Hant": ("台北好物館", "台北市精選：台北引以為傲的職人、茶園與老字號餅舖。"),
    "th": ("ไทเปกู๊ดกู๊ดส์", "คัดสรรโดยเมืองไทเป: ผู้ผลิต ไร่ชา และร้านขนมที่ไทเปภาคภูมิใจ"),
    "ms": (
        "Taipei Good Goods",
        "Pilihan Bandaraya Taipei: pembuat, ladang teh dan kedai kuih kebanggaan Taipei.",
    ),
}


def _missing(conn, table, **where) -> bool:
    clause = sa.and_(*(table.c[key] == value for key, value in where.items()))
    return conn.execute(sa.select(sa.func.count()).select_from(table).where(clause)).scalar() == 0


def upgrade():
    conn = op.get_bind()
    for code, minor in CURRENCIES:
        if _missing(conn, currencies, code=code):
            conn.execute(currencies.insert().values(code=code, minor_unit=minor))
    for code, currency, language, position, extra in MARKETS:
        if _missing(conn, markets, code=code):
            conn.execute(
                markets.insert().values(
                    code=code,
                    currency_code=currency,
                    default_language=language,
                    position=position,
                    is_active=True,
                    extra_kg_fee_minor=extra,
                )
            )
        for up_to, fee in SHIPPING[code]:
            if _missing(conn, shipping_rates, market_code=code, up_to_g=up_to):
                conn.execute(
                    shipping_rates.insert().values(market_code=code, up_to_g=up_to, fee_minor=fee)
                )
    for currency, rate in RATES.items():
        if _missing(conn, exchange_rates, currency_code=currency):
            conn.execute(
                exchange_rates.insert().values(
                    currency_code=currency,
                    rate=_scaled(rate, RATE_SCALE),
                    as_of=RATES_AS_OF,
                    created_at=NOW,
                )
            )
    for rule in TAX_RULES:
        if _missing(conn, tax_rules, market_code=rule["market_code"], position=rule["position"]):
            conn.execute(tax_rules.insert().values(**rule))
    for position, (slug, texts) in enumerate(CATEGORIES.items(), start=1):
        if _missing(conn, categories, slug=slug):
            conn.execute(categories.insert().values(slug=slug, position=position))
        category_id = conn.execute(
            sa.select(categories.c.id).where(categories.c.slug == slug)
        ).scalar_one()
        for locale, (name, description) in texts.items():
            if _missing(conn, category_translations, category_id=category_id, locale=locale):
                conn.execute(
                    category_translations.insert().values(
                        category_id=category_id, locale=locale, name=name, description=description
                    )
                )
    for code, name, country, recognised in HALAL_BODIES:
        if _missing(conn, halal_bodies, code=code):
            conn.execute(
                halal_bodies.insert().values(
                    code=code, name=name, country=country, recognised_by_jakim=recognised
                )
            )
    if _missing(conn, zones, slug="taipei-good-goods"):
        conn.execute(
            zones.insert().values(
                slug="taipei-good-goods",
                is_flagship=True,
                position=0,
                starts_at=NOW,
                ends_at=None,
                accent="red",
                created_at=NOW,
            )
        )
        zone_id = conn.execute(
            sa.select(zones.c.id).where(zones.c.slug == "taipei-good-goods")
        ).scalar_one()
        for locale, (title, blurb) in FLAGSHIP.items():
            conn.execute(
                zone_translations.insert().values(
                    zone_id=zone_id, locale=locale, title=title, blurb=blurb
                )
            )
        for code, *_ in MARKETS:
            conn.execute(zone_markets.insert().values(zone_id=zone_id, market_code=code))


def downgrade():
    conn = op.get_bind()
    zone_ids = sa.select(zones.c.id).where(zones.c.slug == "taipei-good-goods")
    conn.execute(zone_markets.delete().where(zone_markets.c.zone_id.in_(zone_ids)))
    conn.execute(zone_translations.delete().where(zone_translations.c.zone_id.in_(zone_ids)))
    conn.execute(zones.delete().where(zones.c.slug == "taipei-good-goods"))
    conn.execute(halal_bodies.delete().where(halal_bodies.c.code.in_([b[0] for b in HALAL_BODIES])))
    category_ids = sa.select(categories.c.id).where(categories.c.slug.in_(list(CATEGORIES)))
    conn.execute(
        category_translations.delete().where(category_translations.c.category_id.in_(category_ids))
    )
    conn.execute(categories.delete().where(categories.c.slug.in_(list(CATEGORIES))))
    conn.execute(tax_rules.delete().where(tax_rules.c.valid_from == RULES_FROM))
    conn.execute(exchange_rates.delete().where(exchange_rates.c.as_of == RATES_AS_OF))
    conn.execute(shipping_rates.delete())
    conn.execute(markets.delete().where(markets.c.code.in_([m[0] for m in MARKETS])))
    conn.execute(currencies.delete().where(currencies.c.code.in_([c[0] for c in CURRENCIES])))
