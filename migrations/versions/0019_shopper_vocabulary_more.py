"""More of the words shoppers type: goods the demo store lists only in English and Chinese
(guava, dragon fruit, glutinous rice, a comb, bookmarks...) were out of reach of a Thai or
Malay shopper. Tried on the demo store, `ข้าวเหนียว` (glutinous rice), `หวี` (comb),
`ฝรั่ง` (guava) and `beras pulut` found nothing, and `ครีมทามือ`, `krim tangan` (hand cream)
fell back to every cream. A group makes any of its words find products named with the others.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 10:00:00.000000

"""

from alembic import op

from migrations import vocabulary

# revision identifiers, used by Alembic.
revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

#: (group, terms): English, Thai, Malay, then Chinese (Traditional; Simplified folds to the
#: same text when searching)
GROUPS = [
    ("guava", ["guava", "ฝรั่ง", "jambu batu", "芭樂", "番石榴"]),
    ("dragon fruit", ["dragon fruit", "แก้วมังกร", "buah naga", "火龍果"]),
    ("longan", ["longan", "ลำไย", "mata kucing", "龍眼", "桂圓"]),
    ("dried", ["dried", "อบแห้ง", "ตากแห้ง", "kering"]),
    ("coffee beans", ["coffee beans", "เมล็ดกาแฟ", "biji kopi", "咖啡豆"]),
    ("brown sugar", ["brown sugar", "น้ำตาลทรายแดง", "gula perang", "黑糖"]),
    ("walnut", ["walnut", "walnuts", "วอลนัท", "วอลนัต", "kacang walnut", "核桃"]),
    ("mung bean", ["mung bean", "ถั่วเขียว", "kacang hijau", "綠豆"]),
    ("peanut brittle", ["peanut brittle", "peanut candy", "ถั่วตัด", "gula kacang", "花生糖"]),
    (
        "glutinous rice",
        ["glutinous rice", "sticky rice", "ข้าวเหนียว", "beras pulut", "pulut", "糯米"],
    ),
    ("tieguanyin", ["tieguanyin", "tie guan yin", "ทิกวนอิม", "ชาทิกวนอิม", "鐵觀音"]),
    ("lei cha", ["lei cha", "lui cha", "擂茶"]),
    ("sauce", ["sauce", "sauces", "ซอส", "sos", "醬料"]),
    ("black vinegar", ["black vinegar", "น้ำส้มสายชูดำ", "cuka hitam", "烏醋", "黑醋"]),
    ("fried shallots", ["fried shallots", "shallots", "หอมเจียว", "bawang goreng", "油蔥酥"]),
    (
        "pickled cucumber",
        ["pickled cucumbers", "pickled cucumber", "แตงกวาดอง", "timun jeruk", "脆瓜", "醬瓜"],
    ),
    (
        "hair oil",
        [
            "hair serum",
            "hair oil",
            "เซรั่มบำรุงผม",
            "น้ำมันบำรุงผม",
            "serum rambut",
            "minyak rambut",
            "護髮油",
            "護髮精油",
        ],
    ),
    ("hand cream", ["hand cream", "ครีมทามือ", "krim tangan", "護手霜"]),
    ("loofah", ["loofah", "ใยบวบ", "petola", "絲瓜絡", "菜瓜布"]),
    ("comb", ["comb", "หวี", "sikat rambut", "sisir", "梳子", "梳"]),
    (
        "dishwashing",
        [
            "dishwashing",
            "dish soap",
            "น้ำยาล้างจาน",
            "ผงล้างจาน",
            "pencuci pinggan",
            "sabun pinggan",
            "洗碗精",
            "洗碗粉",
        ],
    ),
    ("tea towel", ["tea towel", "tea towels", "ผ้าเช็ดจาน", "kain lap", "茶巾"]),
    (
        "hair tie",
        ["scrunchies", "scrunchie", "hair tie", "ยางรัดผม", "โดนัทรัดผม", "getah rambut", "髮圈"],
    ),
    ("handkerchief", ["handkerchief", "ผ้าเช็ดหน้า", "sapu tangan", "手帕"]),
    ("tea tray", ["tea tray", "ถาดชา", "ถาดน้ำชา", "dulang teh", "茶盤"]),
    ("pitcher", ["pitcher", "fair cup", "เหยือก", "เหยือกชา", "jag", "公道杯", "茶海"]),
    ("ink stick", ["ink stick", "inkstick", "แท่งหมึก", "หมึกแท่ง", "batang dakwat", "墨條"]),
    (
        "calligraphy paper",
        [
            "calligraphy paper",
            "rice paper",
            "กระดาษเขียนพู่กัน",
            "กระดาษสา",
            "kertas kaligrafi",
            "書畫紙",
            "宣紙",
        ],
    ),
    ("brush holder", ["brush holder", "pen holder", "ที่ใส่พู่กัน", "ที่ใส่ปากกา", "bekas pen", "筆筒"]),
    ("bookmark", ["bookmark", "bookmarks", "ที่คั่นหนังสือ", "penanda buku", "書籤"]),
    ("keycap", ["keycap", "keycaps", "คีย์แคป", "鍵帽"]),
    ("microcontroller", ["microcontroller", "ไมโครคอนโทรลเลอร์", "mikropengawal", "微控制器"]),
]

#: more words for groups the earlier migrations made
MORE_TERMS = {
    "shoes": ["terompah"],
    "plate": ["piring"],
    "red envelope": ["sampul merah"],
}


def upgrade():
    vocabulary.add(op.get_bind(), GROUPS, MORE_TERMS)


def downgrade():
    vocabulary.drop(op.get_bind(), GROUPS)
