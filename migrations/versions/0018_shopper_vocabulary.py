"""The words shoppers type for the store's goods, in Thai, Malay, English and Chinese: synonym
groups for what the catalog sells beyond tea and cakes (umbrellas, fans, teapots, soap, face
masks, chargers...). Tried as a shopper would on the demo store, `พัดลม` (fan) found nothing
where the desk fan is named only in English and Chinese, `แก้ว` (cup) found one product of the
six cups and teacups, and `ซอสถั่วเหลือง` (soy sauce, as many Thais write it) fell back to
every sauce. A group makes any of its words find products named with the others, in any
language.

Operators edit these groups in the console: a group whose name is taken, or a word some group
already has, is left as the operators made it.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 10:00:00.000000

"""

from alembic import op

from migrations import vocabulary

# revision identifiers, used by Alembic.
revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

#: (group, terms): English, Thai, Malay, then Chinese (Traditional; Simplified folds to the
#: same text when searching). English plurals are words of their own in the index.
GROUPS = [
    ("umbrella", ["umbrella", "umbrellas", "ร่ม", "payung", "雨傘", "傘"]),
    ("fan", ["fan", "fans", "พัดลม", "พัด", "kipas", "風扇", "扇子", "扇"]),
    ("lantern", ["lantern", "lanterns", "โคม", "tanglung", "燈籠"]),
    ("lamp", ["lamp", "desk lamp", "โคมไฟ", "lampu", "檯燈"]),
    ("bag", ["bag", "bags", "tote", "กระเป๋า", "beg", "包包", "提袋", "袋子"]),
    ("backpack", ["backpack", "กระเป๋าเป้", "เป้", "beg galas", "背包"]),
    ("socks", ["socks", "sock", "ถุงเท้า", "stokin", "襪子", "襪"]),
    ("hat", ["hat", "hats", "หมวก", "topi", "帽子"]),
    ("scarf", ["scarf", "scarves", "ผ้าพันคอ", "skaf", "圍巾"]),
    ("shirt", ["shirt", "t-shirt", "tee", "เสื้อ", "เสื้อยืด", "baju", "上衣", "T恤", "襯衫"]),
    ("slippers", ["slippers", "sandals", "รองเท้าแตะ", "selipar", "拖鞋"]),
    ("shoes", ["shoes", "clogs", "รองเท้า", "kasut", "鞋子", "木屐"]),
    ("teapot", ["teapot", "tea kettle", "กาน้ำชา", "teko", "茶壺"]),
    (
        "cup",
        ["cup", "cups", "teacup", "tea cup", "mug", "ถ้วย", "ถ้วยชา", "แก้ว", "cawan", "杯子", "茶杯"],
    ),
    ("tea set", ["tea set", "ชุดน้ำชา", "ชุดชงชา", "set teh", "茶具"]),
    ("bowl", ["bowl", "bowls", "ชาม", "mangkuk", "碗"]),
    ("plate", ["plate", "plates", "dish", "จาน", "pinggan", "盤子"]),
    ("chopsticks", ["chopsticks", "ตะเกียบ", "penyepit", "筷子"]),
    ("soap", ["soap", "สบู่", "sabun", "肥皂", "手工皂"]),
    ("shampoo", ["shampoo", "แชมพู", "syampu", "洗髮精"]),
    (
        "face mask",
        [
            "face mask",
            "sheet mask",
            "sheet masks",
            "mask",
            "masks",
            "มาสก์",
            "มาส์ก",
            "มาสก์หน้า",
            "แผ่นมาสก์",
            "topeng muka",
            "面膜",
        ],
    ),
    ("serum", ["serum", "เซรั่ม", "精華液"]),
    ("cream", ["cream", "ครีม", "krim", "乳霜"]),
    ("lip balm", ["lip balm", "ลิปบาล์ม", "ลิปมัน", "pelembap bibir", "護唇膏"]),
    ("balm", ["balm", "บาล์ม", "ยาหม่อง", "balsem"]),
    ("honey", ["honey", "น้ำผึ้ง", "madu", "蜂蜜"]),
    ("mango", ["mango", "มะม่วง", "mangga", "芒果"]),
    ("peanut", ["peanut", "peanuts", "ถั่วลิสง", "kacang tanah", "花生"]),
    ("chili", ["chili", "chilli", "พริก", "cili", "辣椒"]),
    ("chili sauce", ["chili sauce", "chilli sauce", "ซอสพริก", "sos cili", "辣椒醬", "甜辣醬"]),
    ("sesame oil", ["sesame oil", "น้ำมันงา", "minyak bijan", "麻油", "香油"]),
    ("vinegar", ["vinegar", "น้ำส้มสายชู", "cuka", "醋"]),
    ("charger", ["charger", "ที่ชาร์จ", "หัวชาร์จ", "pengecas", "充電器"]),
    ("cable", ["cable", "สายชาร์จ", "kabel", "充電線", "傳輸線"]),
    ("power bank", ["power bank", "พาวเวอร์แบงค์", "แบตสำรอง", "行動電源"]),
    ("keyboard", ["keyboard", "คีย์บอร์ด", "papan kekunci", "鍵盤"]),
    ("mouse", ["mouse", "เมาส์", "tetikus", "滑鼠"]),
    ("speaker", ["speaker", "ลำโพง", "pembesar suara", "喇叭", "音箱"]),
    ("kettle", ["kettle", "กาต้มน้ำ", "cerek", "快煮壺", "熱水壺"]),
    ("dried tofu", ["dried tofu", "เต้าหู้แห้ง", "tauhu kering", "豆干"]),
    ("mochi", ["mochi", "โมจิ", "麻糬"]),
    ("nougat", ["nougat", "นูกัต", "牛軋糖"]),
    (
        "crackers",
        ["crackers", "cookies", "biscuits", "แครกเกอร์", "คุกกี้", "ขนมปังกรอบ", "biskut", "餅乾"],
    ),
    ("chocolate", ["chocolate", "ช็อกโกแลต", "coklat", "巧克力"]),
    (
        "gift",
        [
            "gift",
            "gift set",
            "souvenir",
            "ของฝาก",
            "ของขวัญ",
            "hadiah",
            "cenderamata",
            "伴手禮",
            "禮盒",
        ],
    ),
    (
        "bubble tea",
        ["bubble tea", "boba", "pearl milk tea", "ชานมไข่มุก", "ชาไข่มุก", "teh boba", "珍珠奶茶"],
    ),
    ("notebook", ["notebook", "สมุด", "buku nota", "筆記本"]),
    ("postcard", ["postcard", "postcards", "โปสการ์ด", "poskad", "明信片"]),
    (
        "red envelope",
        ["red envelope", "red packet", "อั่งเปา", "ซองแดง", "angpau", "ang pow", "紅包"],
    ),
]

#: words for groups the base set has (migration 0009): Thai shoppers write "soy sauce" word for
#: word as often as they use the Chinese loan ซีอิ๊ว
MORE_TERMS = {"soy sauce": ["ซอสถั่วเหลือง", "kicap soya", "sos soya"]}


def upgrade():
    vocabulary.add(op.get_bind(), GROUPS, MORE_TERMS)


def downgrade():
    """Drops the groups as this migration wrote them (a group an operator has changed since,
    or had made before under the same name, stays)."""
    vocabulary.drop(op.get_bind(), GROUPS)
