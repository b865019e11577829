"""Words shoppers type that found nothing or the wrong goods on the demo store: `mee hoon`
and `kway teow` (Malaysian names for rice vermicelli and flat rice noodles), `limau` (lemon)
found five-spice powder, `มันเทศ` (sweet potato), `ยากันยุง` (mosquito repellent), `辣油`
(chili oil) and `電風扇` (electric fan) found nothing.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 10:00:00.000000

"""

from alembic import op

from migrations import vocabulary

# revision identifiers, used by Alembic.
revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

#: (group, terms): English, Thai, Malay, then Chinese (Traditional; Simplified folds to the
#: same text when searching)
GROUPS = [
    (
        "flat rice noodles",
        [
            "flat rice noodles",
            "ก๋วยเตี๋ยวเส้นใหญ่",
            "kway teow",
            "kuey teow",
            "koay teow",
            "粿條",
            "粄條",
        ],
    ),
    # มะนาว alone is a lime in Thai: a lemon is มะนาวเหลือง (yellow lime) or เลมอน
    ("lemon", ["lemon", "lemons", "มะนาวเหลือง", "เลมอน", "limau", "limau kuning", "檸檬"]),
    (
        "sweet potato",
        [
            "sweet potato",
            "sweet potatoes",
            "มันเทศ",
            "มันหวาน",
            "ubi keledek",
            "keledek",
            "地瓜",
            "番薯",
        ],
    ),
    (
        "mosquito repellent",
        [
            "mosquito repellent",
            "insect repellent",
            "ยากันยุง",
            "กันยุง",
            "penghalau nyamuk",
            "ubat nyamuk",
            "防蚊液",
            "防蚊",
        ],
    ),
    ("chili oil", ["chili oil", "chilli oil", "น้ำมันพริก", "minyak cili", "辣油", "辣椒油"]),
]

#: more words for groups the earlier migrations made
MORE_TERMS = {
    "rice vermicelli": ["mee hoon", "meehoon", "beehoon"],
    "fan": ["electric fan", "electric fans", "kipas angin", "電風扇", "電扇"],
}


def upgrade():
    vocabulary.add(op.get_bind(), GROUPS, MORE_TERMS)


def downgrade():
    vocabulary.drop(op.get_bind(), GROUPS)
