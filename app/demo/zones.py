"""Featured zones of the demo store, scheduled per market (days are relative to today)."""

ZONES = [
    {
        "slug": "mid-autumn-gifts",
        "accent": "gold",
        "markets": ["TH", "MY", "SG", "PH", "TW"],
        "starts_in_days": -20,
        "ends_in_days": 40,
        "categories": ["snacks", "tea"],
        "texts": {
            "en": (
                "Gifts for the season",
                "Pineapple cakes, sun cakes and tea in gift boxes, ready to share with family and friends.",
            ),
            "zh_Hant": ("節慶送禮精選", "鳳梨酥、太陽餅與茶葉禮盒，和家人朋友分享台灣的好味道。"),
            "th": (
                "ของขวัญประจำเทศกาล",
                "ขนมพายสับปะรด ขนมเปี๊ยะไท่หยาง และชาในกล่องของขวัญ พร้อมแบ่งปันให้ครอบครัวและเพื่อน",
            ),
            "ms": (
                "Hadiah musim perayaan",
                "Kek nanas, kek matahari dan teh dalam kotak hadiah, sedia dikongsi bersama keluarga dan rakan.",
            ),
        },
    },
    {
        "slug": "halal-picks",
        "accent": "jade",
        "markets": ["MY", "SG"],
        "starts_in_days": -10,
        "ends_in_days": None,
        "halal_only": True,
        "texts": {
            "en": (
                "Halal picks from Taiwan",
                "Snacks, sauces and noodles with a valid halal certificate from a recognised body.",
            ),
            "zh_Hant": ("台灣清真好物", "擁有有效清真認證的零食、醬料與麵條。"),
            "th": ("สินค้าฮาลาลจากไต้หวัน", "ขนม ซอส และเส้นที่มีใบรับรองฮาลาลที่ยังไม่หมดอายุ"),
            "ms": (
                "Pilihan Halal dari Taiwan",
                "Snek, sos dan mi dengan sijil halal yang sah daripada badan yang diiktiraf.",
            ),
        },
    },
    {
        "slug": "tea-gardens",
        "accent": "jade",
        "markets": ["TH", "SG", "PH", "TW"],
        "starts_in_days": -30,
        "ends_in_days": None,
        "categories": ["tea"],
        "texts": {
            "en": (
                "From the tea gardens",
                "Oolong from Alishan, black tea from Sun Moon Lake: picked, rolled and roasted by tea families.",
            ),
            "zh_Hant": ("茶園直送", "阿里山烏龍、日月潭紅茶，由茶農家族親手採摘、揉捻與烘焙。"),
            "th": (
                "ส่งตรงจากไร่ชา",
                "ชาอู่หลงจากอาลีซาน ชาดำจากทะเลสาบสุริยันจันทรา เก็บ นวด และคั่วโดยครอบครัวชาวไร่",
            ),
            "ms": (
                "Dari ladang teh",
                "Oolong dari Alishan, teh hitam dari Tasik Sun Moon: dipetik, digulung dan dipanggang oleh keluarga penanam teh.",
            ),
        },
    },
    {
        "slug": "handmade-in-taiwan",
        "accent": "indigo",
        "markets": ["TH", "MY", "SG", "PH", "TW"],
        "starts_in_days": -5,
        "ends_in_days": 25,
        "categories": ["crafts-stationery", "fashion", "home-kitchen"],
        "texts": {
            "en": (
                "Handmade in Taiwan",
                "Oil-paper umbrellas, Hakka floral fabric and Yingge ceramics from small workshops.",
            ),
            "zh_Hant": ("台灣手作", "油紙傘、客家花布與鶯歌陶瓷，來自小小的工作室。"),
            "th": ("งานทำมือจากไต้หวัน", "ร่มกระดาษน้ำมัน ผ้าลายดอกแคะ และเซรามิกอิงเกอจากเวิร์กช็อปเล็ก ๆ"),
            "ms": (
                "Buatan tangan Taiwan",
                "Payung kertas minyak, kain bunga Hakka dan seramik Yingge dari bengkel kecil.",
            ),
        },
    },
    {
        "slug": "lunar-new-year",
        "accent": "red",
        "markets": ["TH", "MY", "SG", "PH", "TW"],
        "starts_in_days": 45,
        "ends_in_days": 90,
        "categories": ["snacks", "crafts-stationery"],
        "texts": {
            "en": ("Lunar New Year", "Lanterns, nougat and gift boxes for the new year."),
            "zh_Hant": ("農曆新年", "燈籠、牛軋糖與年節禮盒。"),
            "th": ("ตรุษจีน", "โคมไฟ ตังเมนูกัต และกล่องของขวัญรับปีใหม่"),
            "ms": ("Tahun Baru Cina", "Tanglung, nougat dan kotak hadiah untuk tahun baharu."),
        },
    },
]
