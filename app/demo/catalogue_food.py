"""Demo catalogue: Taiwanese food and drink for Taipei Good Goods (台北好物館).

Pure data, no imports. Products that omit the `th` and `ms` keys (in names,
descriptions and variant labels) rely on the storefront's language fallback.
"""

from __future__ import annotations

PRODUCTS: list[dict] = [
    # --- tea ---------------------------------------------------------
    {
        "handle": "alishan-high-mountain-oolong",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Alishan High Mountain Oolong",
            "zh_Hant": "阿里山高山烏龍茶",
            "th": "ชาอู่หลงเขาสูงอาลีซาน",
            "ms": "Teh Oolong Tanah Tinggi Alishan",
        },
        "descriptions": {
            "en": (
                "Hand-picked at around 1,400 m in the Alishan range of Chiayi County and rolled into tight, jade-green "
                "balls. The liquor is pale gold with a floral, buttery aroma and a sweet, lingering finish.\n"
                "Brew 5 g in 150 ml of water at 95 °C for 50 seconds; the leaves give five or more infusions. Keep the "
                "sealed can somewhere cool and dry, away from strong smells."
            ),
            "zh_Hant": (
                "採自嘉義阿里山海拔約1,400公尺的茶園，人工採摘後揉成緊結的半球形。茶湯蜜黃清澈，花香中帶奶香，"
                "入口甘甜、喉韻悠長。建議以5克茶葉、95°C熱水150毫升沖泡50秒，可回沖五泡以上。開罐後請密封，"
                "置於陰涼乾燥處。"
            ),
            "th": (
                "เก็บด้วยมือจากไร่ชาบนเทือกเขาอาลีซาน เมืองเจียอี้ ที่ความสูงราว 1,400 เมตร แล้วม้วนเป็นเม็ดกลมแน่นสีเขียวหยก "
                "น้ำชาสีเหลืองทองใส หอมดอกไม้ปนกลิ่นนมอ่อนๆ ดื่มแล้วชุ่มคอ หวานติดปลายลิ้น ใช้ใบชา 5 กรัมต่อน้ำร้อน 95°C 150 มล. แช่ 50 วินาที "
                "ชงซ้ำได้ 5 ครั้งขึ้นไป"
            ),
            "ms": (
                "Dipetik dengan tangan dari ladang sekitar 1,400 m di banjaran Alishan, Chiayi, lalu digulung menjadi "
                "butiran padat berwarna hijau jed. Air tehnya kuning keemasan dengan aroma bunga dan sedikit rasa "
                "berkrim, manis di hujung tekak. Bancuh 5 g daun dengan 150 ml air 95°C selama 50 saat; boleh dibancuh "
                "semula lima kali atau lebih."
            ),
        },
        "variants": [
            {
                "sku": "ALS-ALISHAN-150",
                "labels": {
                    "en": "150 g can",
                    "zh_Hant": "150 克罐裝",
                    "th": "กระป๋อง 150 กรัม",
                    "ms": "Tin 150 g",
                },
                "price_twd": 880,
                "stock": 64,
                "weight_g": 260,
            },
            {
                "sku": "ALS-ALISHAN-300",
                "labels": {
                    "en": "Two 150 g cans",
                    "zh_Hant": "150 克罐裝 ×2",
                    "th": "กระป๋อง 150 กรัม 2 กระป๋อง",
                    "ms": "2 tin × 150 g",
                },
                "price_twd": 1700,
                "stock": 22,
                "weight_g": 520,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "tea",
    },
    {
        "handle": "lishan-oolong",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Lishan Oolong",
            "zh_Hant": "梨山烏龍茶",
            "th": "ชาอู่หลงหลีซาน",
            "ms": "Teh Oolong Lishan",
        },
        "descriptions": {
            "en": (
                "Grown above 2,000 m on Lishan in the Central Mountain Range, where cold nights slow the leaves down and "
                "build sweetness. Expect a clean, creamy body with notes of pear and orchid. There are only two harvests "
                "a year, spring and winter, so quantities are limited."
            ),
            "zh_Hant": (
                "產自中央山脈海拔2,000公尺以上的梨山茶區，日夜溫差大，茶葉生長緩慢、甘味飽滿。茶湯清透滑順，"
                "帶梨香與蘭花香。一年僅春、冬兩季採收，數量有限。"
            ),
            "th": (
                "ปลูกบนภูเขาหลีซานในเทือกเขากลางของไต้หวัน ที่ความสูงกว่า 2,000 เมตร "
                "อากาศเย็นตอนกลางคืนทำให้ใบชาโตช้าและสะสมความหวานได้ดี น้ำชานุ่มละมุน มีกลิ่นหอมคล้ายลูกแพร์และกล้วยไม้ "
                "เก็บเกี่ยวเพียงปีละสองครั้งคือฤดูใบไม้ผลิและฤดูหนาว จึงมีจำนวนจำกัด"
            ),
            "ms": (
                "Ditanam melebihi 2,000 m di Lishan, Banjaran Tengah Taiwan, di mana malam yang sejuk melambatkan "
                "pertumbuhan daun dan menambah rasa manis. Rasanya bersih dan lembut dengan nota buah pir dan orkid. "
                "Dituai hanya dua kali setahun, pada musim bunga dan musim sejuk, jadi stok terhad."
            ),
        },
        "variants": [
            {
                "sku": "ALS-LISHAN-75",
                "labels": {
                    "en": "75 g can",
                    "zh_Hant": "75 克罐裝",
                    "th": "กระป๋อง 75 กรัม",
                    "ms": "Tin 75 g",
                },
                "price_twd": 820,
                "stock": 18,
                "weight_g": 150,
            },
            {
                "sku": "ALS-LISHAN-150",
                "labels": {
                    "en": "150 g can",
                    "zh_Hant": "150 克罐裝",
                    "th": "กระป๋อง 150 กรัม",
                    "ms": "Tin 150 g",
                },
                "price_twd": 1580,
                "stock": 6,
                "weight_g": 260,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "tea",
    },
    {
        "handle": "dayuling-high-mountain-tea",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Dayuling High Mountain Oolong",
            "zh_Hant": "大禹嶺高山茶",
            "th": "ชาอู่หลงต้าอวี่หลิ่ง",
            "ms": "Teh Oolong Dayuling",
        },
        "descriptions": {
            "en": (
                "From tea gardens at around 2,500 m at Dayuling, among the highest in Taiwan. The liquor is bright and "
                "thick, with a cool, fruity sweetness that returns long after each sip. A special-occasion tea: brew "
                "with slightly cooler water (90 °C) to keep it delicate."
            ),
            "zh_Hant": (
                "來自海拔約2,500公尺的大禹嶺茶區，是台灣最高的茶園之一。茶湯明亮濃稠，帶冷冽果香，回甘持久。"
                "適合珍藏或送禮，建議以90°C熱水沖泡，更顯細緻。"
            ),
            "th": (
                "จากไร่ชาต้าอวี่หลิ่งที่ความสูงราว 2,500 เมตร หนึ่งในไร่ชาที่สูงที่สุดของไต้หวัน น้ำชาใสแต่เนื้อแน่น "
                "มีความหวานเย็นแบบผลไม้ที่ย้อนกลับมาในคอนาน เหมาะสำหรับโอกาสพิเศษหรือเป็นของขวัญ แนะนำให้ชงด้วยน้ำ 90°C "
                "เพื่อรักษากลิ่นที่ละเอียดอ่อน"
            ),
            "ms": (
                "Dari ladang teh sekitar 2,500 m di Dayuling, antara yang tertinggi di Taiwan. Air tehnya cerah dan "
                "pekat dengan rasa manis buah yang dingin dan lama kekal di tekak. Sesuai untuk majlis istimewa atau "
                "hadiah; bancuh dengan air 90°C supaya rasanya kekal halus."
            ),
        },
        "variants": [
            {
                "sku": "ALS-DYL-75",
                "labels": {
                    "en": "75 g can",
                    "zh_Hant": "75 克罐裝",
                    "th": "กระป๋อง 75 กรัม",
                    "ms": "Tin 75 g",
                },
                "price_twd": 1150,
                "stock": 4,
                "weight_g": 150,
            },
            {
                "sku": "ALS-DYL-150",
                "labels": {
                    "en": "150 g can",
                    "zh_Hant": "150 克罐裝",
                    "th": "กระป๋อง 150 กรัม",
                    "ms": "Tin 150 g",
                },
                "price_twd": 2200,
                "stock": 0,
                "weight_g": 260,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "leaf",
    },
    {
        "handle": "shanlinxi-oolong",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Shanlinxi High Mountain Oolong",
            "zh_Hant": "杉林溪高山烏龍茶",
        },
        "descriptions": {
            "en": (
                "Grown at about 1,700 m at Shanlinxi in Nantou, where mist rolls in most afternoons. A gentle, sweet "
                "oolong with a fresh bamboo-forest aroma and very little bitterness. Good for everyday drinking as well "
                "as for guests."
            ),
            "zh_Hant": "產自南投杉林溪海拔約1,700公尺茶區，午後常有雲霧籠罩。茶湯柔順甘甜，帶竹林清香，幾乎不苦澀，日常品飲或招待客人都合適。",
        },
        "variants": [
            {
                "sku": "ALS-SLX-150",
                "labels": {
                    "en": "150 g can",
                    "zh_Hant": "150 克罐裝",
                },
                "price_twd": 980,
                "stock": 35,
                "weight_g": 260,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "tea",
    },
    {
        "handle": "dong-ding-oolong",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Dong Ding Oolong",
            "zh_Hant": "凍頂烏龍茶",
            "th": "ชาอู่หลงต้งติ่ง",
            "ms": "Teh Oolong Dong Ding",
        },
        "descriptions": {
            "en": (
                "The classic oolong of Lugu, Nantou, made the traditional way with medium oxidation and a light roast. "
                "Amber liquor, a toasty, nutty aroma and a smooth, rounded sweetness. A forgiving tea that pairs well "
                "with food and stands up to many infusions."
            ),
            "zh_Hant": "南投鹿谷傳統凍頂烏龍，中度發酵、輕焙火。茶湯琥珀色，帶焙火堅果香，口感圓潤回甘。耐泡、好入口，佐餐也很適合。",
            "th": "ชาอู่หลงขึ้นชื่อจากลู่กู่ หนานโถว ผลิตแบบดั้งเดิมด้วยการหมักปานกลางและคั่วไฟอ่อน น้ำชาสีอำพัน หอมกลิ่นคั่วคล้ายถั่ว รสกลมกล่อมชุ่มคอ ชงซ้ำได้หลายน้ำและดื่มคู่กับอาหารได้ดี",
            "ms": (
                "Oolong klasik dari Lugu, Nantou, dihasilkan secara tradisional dengan pengoksidaan sederhana dan "
                "panggangan ringan. Air teh berwarna amber, beraroma panggang seperti kacang dengan rasa manis yang "
                "lembut. Tahan dibancuh berkali-kali dan sesuai dinikmati bersama makanan."
            ),
        },
        "variants": [
            {
                "sku": "ALS-DONGDING-150",
                "labels": {
                    "en": "150 g can",
                    "zh_Hant": "150 克罐裝",
                    "th": "กระป๋อง 150 กรัม",
                    "ms": "Tin 150 g",
                },
                "price_twd": 620,
                "stock": 80,
                "weight_g": 240,
            },
            {
                "sku": "ALS-DONGDING-300",
                "labels": {
                    "en": "300 g (two 150 g cans)",
                    "zh_Hant": "300 克（150 克罐裝 ×2）",
                    "th": "300 กรัม (กระป๋อง 150 กรัม 2 กระป๋อง)",
                    "ms": "300 g (2 tin × 150 g)",
                },
                "price_twd": 1150,
                "stock": 40,
                "weight_g": 430,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "tea",
    },
    {
        "handle": "oriental-beauty-oolong",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Oriental Beauty Oolong",
            "zh_Hant": "東方美人茶",
            "th": "ชาอู่หลงโอเรียนทัลบิวตี้",
            "ms": "Teh Oolong Oriental Beauty",
        },
        "descriptions": {
            "en": (
                "A summer tea from Beipu and Emei in Hsinchu County, made only from shoots nibbled by tea green "
                "leafhoppers, which gives it a natural honey and ripe-fruit aroma. Heavily oxidised, unroasted and sold "
                "as loose, multicoloured leaves. Brew at 85 °C; it tastes sweet without any sugar."
            ),
            "zh_Hant": (
                "新竹北埔、峨眉的夏季茶，採用經小綠葉蟬叮咬的嫩芽製成，自然散發蜂蜜與熟果香。重發酵、不焙火，"
                "白毫顯著、五色相間。建議以85°C熱水沖泡，不需加糖便帶甜味。"
            ),
            "th": (
                "ชาหน้าร้อนจากเป่ยผู่และเอ๋อเหมย เขตซินจู๋ ทำจากยอดอ่อนที่ถูกเพลี้ยจักจั่นสีเขียวกัดกิน จึงมีกลิ่นน้ำผึ้งและผลไม้สุกตามธรรมชาติ "
                "หมักค่อนข้างนานโดยไม่คั่วไฟ ใบชาเป็นเส้นยาวหลากสี ชงด้วยน้ำ 85°C ก็หวานหอมโดยไม่ต้องเติมน้ำตาล"
            ),
            "ms": (
                "Teh musim panas dari Beipu dan Emei, Hsinchu, dibuat daripada pucuk yang digigit serangga bena hijau, "
                "lalu menghasilkan aroma madu dan buah masak secara semula jadi. Dioksidakan tinggi tanpa dipanggang, "
                "dengan daun longgar berwarna-warni. Bancuh pada 85°C; rasanya manis tanpa gula."
            ),
        },
        "variants": [
            {
                "sku": "ALS-OB-50",
                "labels": {
                    "en": "50 g tin",
                    "zh_Hant": "50 克鐵罐",
                    "th": "กระป๋อง 50 กรัม",
                    "ms": "Tin 50 g",
                },
                "price_twd": 780,
                "stock": 25,
                "weight_g": 160,
            },
            {
                "sku": "ALS-OB-100",
                "labels": {
                    "en": "100 g tin",
                    "zh_Hant": "100 克鐵罐",
                    "th": "กระป๋อง 100 กรัม",
                    "ms": "Tin 100 g",
                },
                "price_twd": 1450,
                "stock": 9,
                "weight_g": 260,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "leaf",
    },
    {
        "handle": "muzha-tieguanyin",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Muzha Tieguanyin",
            "zh_Hant": "木柵鐵觀音",
        },
        "descriptions": {
            "en": (
                "Made in the hills of Muzha in southern Taipei from the Tieguanyin cultivar, using the slow, repeated "
                "roasting the area is known for. Deep amber liquor with a ripe-fruit, slightly tangy character and a "
                "warming finish. Especially good in cooler weather or after a rich meal."
            ),
            "zh_Hant": (
                "產自台北木柵山區，以正欉鐵觀音品種搭配多次文火慢焙製成。茶湯深琥珀色，帶熟果香與微酸回甘的「觀音韻」，"
                "入喉溫潤。天冷或飯後飲用特別合適。"
            ),
        },
        "variants": [
            {
                "sku": "ALS-TGY-150",
                "labels": {
                    "en": "150 g can",
                    "zh_Hant": "150 克罐裝",
                },
                "price_twd": 820,
                "stock": 30,
                "weight_g": 260,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "tea",
    },
    {
        "handle": "jin-xuan-milk-oolong",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Jin Xuan Milk Oolong",
            "zh_Hant": "金萱烏龍茶",
            "th": "ชาอู่หลงนมจินเซวียน",
            "ms": "Teh Oolong Susu Jin Xuan",
        },
        "descriptions": {
            "en": (
                "Jin Xuan (Tai Cha No. 12) is a Taiwanese cultivar famous for its naturally milky, creamy aroma; no "
                "flavouring is added. This lot is grown in the Zhuqi area of Alishan at about 1,000 m. Light and smooth, "
                "it is an easy first oolong for people new to tea."
            ),
            "zh_Hant": (
                "金萱（台茶12號）為台灣育成品種，天然帶有奶香，無添加任何香料。本批產自阿里山竹崎一帶，海拔約1,000公尺。"
                "口感清爽滑順，是入門烏龍的好選擇。"
            ),
            "th": (
                "จินเซวียน (ไถ่ฉา 12) เป็นสายพันธุ์ชาที่ไต้หวันพัฒนาขึ้นเอง มีกลิ่นหอมคล้ายนมตามธรรมชาติ ไม่แต่งกลิ่นใดๆ ล็อตนี้ปลูกที่จู๋ฉี เขตอาลีซาน "
                "ความสูงราว 1,000 เมตร รสนุ่มละมุนดื่มง่าย เหมาะสำหรับคนที่เพิ่งเริ่มดื่มชาอู่หลง"
            ),
            "ms": (
                "Jin Xuan (Tai Cha No. 12) ialah kultivar Taiwan yang terkenal dengan aroma berkrim seperti susu secara "
                "semula jadi, tanpa perisa tambahan. Lot ini ditanam di kawasan Zhuqi, Alishan, pada ketinggian "
                "kira-kira 1,000 m. Ringan dan lembut, sesuai untuk mereka yang baru mencuba teh oolong."
            ),
        },
        "variants": [
            {
                "sku": "ALS-JINXUAN-150",
                "labels": {
                    "en": "150 g can",
                    "zh_Hant": "150 克罐裝",
                    "th": "กระป๋อง 150 กรัม",
                    "ms": "Tin 150 g",
                },
                "price_twd": 450,
                "stock": 120,
                "weight_g": 240,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "tea",
    },
    {
        "handle": "four-seasons-spring-oolong",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Four Seasons Spring Oolong",
            "zh_Hant": "四季春烏龍茶",
        },
        "descriptions": {
            "en": (
                "Four Seasons Spring (Si Ji Chun) is a hardy cultivar that can be picked several times a year, which "
                "keeps the price friendly. It has a bright, lilac-like floral aroma and a light body. A good everyday "
                "pot tea, and excellent cold-brewed."
            ),
            "zh_Hant": "四季春品種生命力強，一年可多次採收，價格親民。茶湯帶明亮花香，口感清爽，日常沖泡或冷泡都很適合。",
        },
        "variants": [
            {
                "sku": "ALS-4SEASON-300",
                "labels": {
                    "en": "300 g (two 150 g vacuum packs)",
                    "zh_Hant": "300 克（150 克真空包 ×2）",
                },
                "price_twd": 480,
                "stock": 150,
                "weight_g": 340,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "wenshan-baozhong",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Wenshan Baozhong",
            "zh_Hant": "文山包種茶",
            "th": "ชาเปาจงเหวินซาน",
            "ms": "Teh Baozhong Wenshan",
        },
        "descriptions": {
            "en": (
                "A lightly oxidised, twisted-leaf oolong from Pinglin and Shiding in New Taipei. Of all oolongs it is "
                "the closest to green tea, with a fresh orchid fragrance and a clear, sweet liquor. Brew at 85–90 °C for "
                "a gentle, aromatic cup."
            ),
            "zh_Hant": "產自新北坪林、石碇一帶的輕發酵條形烏龍。在烏龍茶中最接近綠茶，帶清雅蘭花香，茶湯清澈甘甜。建議以85至90°C熱水沖泡。",
            "th": (
                "ชาอู่หลงหมักเบาแบบใบบิดเป็นเส้น จากผิงหลินและสือติ้ง นิวไทเป รสชาติใกล้เคียงชาเขียวที่สุดในบรรดาชาอู่หลง หอมกลิ่นกล้วยไม้สดชื่น "
                "น้ำชาใสและหวาน ชงด้วยน้ำ 85–90°C จะได้กลิ่นหอมละมุน"
            ),
            "ms": (
                "Oolong berdaun terpiuh dengan pengoksidaan ringan dari Pinglin dan Shiding, New Taipei. Antara oolong "
                "yang paling hampir dengan teh hijau, beraroma orkid segar dengan air teh yang jernih dan manis. Bancuh "
                "pada 85–90°C untuk secawan yang harum."
            ),
        },
        "variants": [
            {
                "sku": "ALS-BAOZHONG-150",
                "labels": {
                    "en": "150 g can",
                    "zh_Hant": "150 克罐裝",
                    "th": "กระป๋อง 150 กรัม",
                    "ms": "Tin 150 g",
                },
                "price_twd": 680,
                "stock": 45,
                "weight_g": 240,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "leaf",
    },
    {
        "handle": "gaba-oolong",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "GABA Oolong",
            "zh_Hant": "佳葉龍茶（GABA 烏龍）",
            "th": "ชาอู่หลง GABA",
            "ms": "Teh Oolong GABA",
        },
        "descriptions": {
            "en": (
                "During processing the fresh leaves are held in an oxygen-free, nitrogen-filled chamber, which raises "
                "their natural GABA (gamma-aminobutyric acid) content. The result is a mellow, slightly fruity tea with "
                "a hint of plum. Enjoy it as a relaxing evening cup; it is a tea, not a medicine."
            ),
            "zh_Hant": (
                "製程中將鮮葉置於無氧充氮環境，使茶葉中天然的γ-胺基丁酸（GABA）含量提高。茶湯溫潤，帶淡淡果香與梅子韻。"
                "適合傍晚放鬆品飲；本品為一般茶葉，非藥品。"
            ),
            "th": (
                "ระหว่างการผลิต ใบชาสดจะถูกเก็บในห้องไร้ออกซิเจนที่อัดไนโตรเจน ทำให้มีสาร GABA (กรดแกมมาอะมิโนบิวทิริก) ตามธรรมชาติสูงขึ้น "
                "รสนุ่มนวล มีกลิ่นผลไม้คล้ายบ๊วยอ่อนๆ เหมาะจิบผ่อนคลายยามเย็น ทั้งนี้เป็นชาทั่วไป ไม่ใช่ยา"
            ),
            "ms": (
                "Semasa pemprosesan, daun segar disimpan dalam ruang tanpa oksigen yang diisi nitrogen, lalu "
                "meningkatkan kandungan GABA (asid gama-aminobutirik) semula jadi. Hasilnya teh yang lembut dengan "
                "sedikit rasa buah seperti plum. Sesuai dinikmati pada waktu petang; ini teh biasa, bukan ubat."
            ),
        },
        "variants": [
            {
                "sku": "ALS-GABA-100",
                "labels": {
                    "en": "100 g can",
                    "zh_Hant": "100 克罐裝",
                    "th": "กระป๋อง 100 กรัม",
                    "ms": "Tin 100 g",
                },
                "price_twd": 1050,
                "stock": 14,
                "weight_g": 180,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "tea",
    },
    {
        "handle": "charcoal-roasted-oolong",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Charcoal-Roasted Oolong",
            "zh_Hant": "炭焙烏龍茶",
            "th": "ชาอู่หลงคั่วถ่าน",
            "ms": "Teh Oolong Panggang Arang",
        },
        "descriptions": {
            "en": (
                "Alishan oolong re-roasted slowly over longan-wood charcoal in several rounds by our tea master. Dark "
                "amber liquor with notes of caramel and toasted grain and a clean, warming finish. Let the tea rest for "
                "a few weeks after opening and the roast mellows further."
            ),
            "zh_Hant": (
                "以阿里山烏龍為底，由製茶師傅用龍眼木炭分多次慢火烘焙。茶湯深琥珀色，帶焦糖與穀物烘焙香，尾韻乾淨溫暖。"
                "開封後靜置數週，火氣退去、風味更加醇和。"
            ),
            "th": (
                "นำชาอู่หลงอาลีซานมาคั่วซ้ำอย่างช้าๆ บนถ่านไม้ลำไยหลายรอบโดยช่างชาของเรา น้ำชาสีอำพันเข้ม หอมกลิ่นคาราเมลและธัญพืชคั่ว "
                "จบด้วยความอุ่นสะอาดในคอ หากเปิดแล้วพักไว้สักสองสามสัปดาห์ กลิ่นคั่วจะนุ่มลงอีก"
            ),
            "ms": (
                "Oolong Alishan yang dipanggang semula perlahan-lahan di atas arang kayu mata kucing beberapa pusingan "
                "oleh tukang teh kami. Air teh amber gelap dengan nota karamel dan bijirin panggang, berakhir dengan "
                "rasa hangat yang bersih. Biarkan beberapa minggu selepas dibuka dan rasa panggangnya akan menjadi lebih "
                "lembut."
            ),
        },
        "variants": [
            {
                "sku": "ALS-ROAST-150",
                "labels": {
                    "en": "150 g can",
                    "zh_Hant": "150 克罐裝",
                    "th": "กระป๋อง 150 กรัม",
                    "ms": "Tin 150 g",
                },
                "price_twd": 760,
                "stock": 52,
                "weight_g": 260,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "tea",
    },
    {
        "handle": "alishan-oolong-tea-bags",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Alishan Oolong Tea Bags",
            "zh_Hant": "阿里山烏龍茶包",
            "th": "ชาอู่หลงอาลีซานแบบถุง",
            "ms": "Uncang Teh Oolong Alishan",
        },
        "descriptions": {
            "en": (
                "Whole-leaf Alishan oolong in roomy pyramid bags, so the rolled leaves have space to open. Each 3 g bag "
                "makes a 300 ml mug: steep for 3 to 5 minutes in just-boiled water, then re-steep once. Individually "
                "sealed, handy for the office or travel."
            ),
            "zh_Hant": (
                "立體三角茶包裝入阿里山原片烏龍，茶葉有足夠空間舒展。每包3克可沖泡300毫升，以沸水浸泡3至5分鐘，"
                "可回沖一次。單包獨立密封，上班、旅行都方便。"
            ),
            "th": (
                "ใบชาอู่หลงอาลีซานแบบเต็มใบบรรจุในถุงชาทรงพีระมิด ให้ใบชามีพื้นที่คลี่ตัว ถุงละ 3 กรัม ชงได้ 300 มล. แช่ในน้ำเดือด 3–5 นาที "
                "และชงซ้ำได้อีกหนึ่งครั้ง แต่ละถุงแยกซองปิดสนิท พกไปทำงานหรือเดินทางได้สะดวก"
            ),
            "ms": (
                "Oolong Alishan daun penuh dalam uncang piramid yang luas supaya daun boleh kembang sepenuhnya. Setiap "
                "uncang 3 g untuk satu mug 300 ml; rendam 3 hingga 5 minit dalam air yang baru mendidih dan boleh "
                "dibancuh semula sekali. Setiap uncang dibungkus berasingan, mudah dibawa ke pejabat atau ketika "
                "melancong."
            ),
        },
        "variants": [
            {
                "sku": "ALS-BAG-20",
                "labels": {
                    "en": "Box of 20 bags",
                    "zh_Hant": "20 入盒裝",
                    "th": "กล่อง 20 ถุง",
                    "ms": "Kotak 20 uncang",
                },
                "price_twd": 320,
                "stock": 210,
                "weight_g": 140,
            },
            {
                "sku": "ALS-BAG-50",
                "labels": {
                    "en": "Box of 50 bags",
                    "zh_Hant": "50 入盒裝",
                    "th": "กล่อง 50 ถุง",
                    "ms": "Kotak 50 uncang",
                },
                "price_twd": 720,
                "stock": 75,
                "weight_g": 290,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "box",
    },
    {
        "handle": "aged-oolong",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Aged Oolong (15 Years)",
            "zh_Hant": "陳年老烏龍茶（15 年）",
        },
        "descriptions": {
            "en": (
                "Oolong stored for at least 15 years and re-roasted every few years, until its floral notes turn into "
                "plum, wood and a light herbal sweetness. The liquor is dark red and very smooth. Brew with boiling "
                "water; only a small quantity is released each year."
            ),
            "zh_Hant": (
                "烏龍茶經至少15年存放，並每隔數年回焙一次，花香逐漸轉化為梅香、木質香與淡淡藥香甘韻。茶湯深紅、極為順口。"
                "建議以沸水沖泡；每年僅釋出少量。"
            ),
        },
        "variants": [
            {
                "sku": "ALS-AGED-75",
                "labels": {
                    "en": "75 g tin",
                    "zh_Hant": "75 克鐵罐",
                },
                "price_twd": 1280,
                "stock": 3,
                "weight_g": 170,
            },
            {
                "sku": "ALS-AGED-150",
                "labels": {
                    "en": "150 g tin",
                    "zh_Hant": "150 克鐵罐",
                },
                "price_twd": 2400,
                "stock": 0,
                "weight_g": 300,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "tea",
    },
    {
        "handle": "sanxia-bi-luo-chun",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Sanxia Bi Luo Chun Green Tea",
            "zh_Hant": "三峽碧螺春綠茶",
            "th": "ชาเขียวปี้หลัวชุนซานเสีย",
            "ms": "Teh Hijau Bi Luo Chun Sanxia",
        },
        "descriptions": {
            "en": (
                "One of the few green teas still made in Taiwan, from the Qingxin Ganzai cultivar grown in Sanxia, New "
                "Taipei. Unoxidised and pan-fired, it is fresh and grassy with a faint sweetness. Brew at 80 °C in a "
                "glass to watch the curled leaves unfold."
            ),
            "zh_Hant": (
                "台灣少數仍在生產的綠茶之一，採用新北三峽的青心柑仔品種。不發酵、炒菁製成，茶湯清新帶青草香與淡淡甘甜。"
                "建議以80°C熱水用玻璃杯沖泡，欣賞茶葉舒展。"
            ),
            "th": (
                "หนึ่งในชาเขียวไม่กี่ชนิดที่ยังผลิตในไต้หวัน ใช้ชาพันธุ์ชิงซินกานไจ่ที่ปลูกในซานเสีย นิวไทเป ไม่ผ่านการหมักและคั่วในกระทะ "
                "ให้รสสดชื่นกลิ่นหญ้าอ่อนๆ ปลายหวานเล็กน้อย ชงด้วยน้ำ 80°C ในแก้วใส จะเห็นใบชาค่อยๆ คลี่ออก"
            ),
            "ms": (
                "Antara teh hijau yang masih dihasilkan di Taiwan, daripada kultivar Qingxin Ganzai yang ditanam di "
                "Sanxia, New Taipei. Tidak dioksidakan dan digoreng dalam kuali, rasanya segar seperti rumput dengan "
                "sedikit manis. Bancuh pada 80°C dalam gelas kaca untuk melihat daun yang bergulung itu terbuka."
            ),
        },
        "variants": [
            {
                "sku": "ALS-BLC-100",
                "labels": {
                    "en": "100 g can",
                    "zh_Hant": "100 克罐裝",
                    "th": "กระป๋อง 100 กรัม",
                    "ms": "Tin 100 g",
                },
                "price_twd": 520,
                "stock": 60,
                "weight_g": 180,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090210",
        "origin": "TW",
        "motif": "leaf",
    },
    {
        "handle": "oolong-cold-brew-bags",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Oolong Cold Brew Tea Bags",
            "zh_Hant": "烏龍冷泡茶包",
            "th": "ถุงชาอู่หลงสำหรับชงเย็น",
            "ms": "Uncang Teh Oolong Bancuh Sejuk",
        },
        "descriptions": {
            "en": (
                "A blend of Alishan oolong and Four Seasons Spring leaves, cut for cold brewing. Drop one bag into 600 "
                "ml of room-temperature water, refrigerate for 4 to 6 hours and pour. Cold brewing brings out the "
                "sweetness with almost no bitterness, ideal for hot weather."
            ),
            "zh_Hant": "以阿里山烏龍搭配四季春茶葉，專為冷泡設計。一包加入600毫升常溫水，冷藏4至6小時即可飲用。冷泡甘甜少澀，最適合炎熱天氣。",
            "th": (
                "ชาอู่หลงอาลีซานผสมชาซื่อจี้ชุน ตัดใบให้เหมาะกับการชงเย็น ใส่หนึ่งถุงลงในน้ำอุณหภูมิห้อง 600 มล. แช่ตู้เย็น 4–6 ชั่วโมงก็ดื่มได้ "
                "การชงเย็นทำให้ชาหวานนุ่มแทบไม่ฝาด เหมาะกับอากาศร้อนมาก"
            ),
            "ms": (
                "Campuran oolong Alishan dan teh Four Seasons Spring yang dipotong khas untuk bancuhan sejuk. Masukkan "
                "satu uncang ke dalam 600 ml air suhu bilik, sejukkan dalam peti ais 4 hingga 6 jam, kemudian tuang. "
                "Bancuhan sejuk menonjolkan rasa manis hampir tanpa pahit, sesuai untuk cuaca panas."
            ),
        },
        "variants": [
            {
                "sku": "ALS-COLD-15",
                "labels": {
                    "en": "Bag of 15 × 4 g",
                    "zh_Hant": "15 入（每包 4 克）",
                    "th": "15 ถุง ถุงละ 4 กรัม",
                    "ms": "15 uncang × 4 g",
                },
                "price_twd": 290,
                "stock": 140,
                "weight_g": 120,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "osmanthus-oolong",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Osmanthus Oolong",
            "zh_Hant": "桂花烏龍茶",
            "th": "ชาอู่หลงดอกหอมหมื่นลี้",
            "ms": "Teh Oolong Osmanthus",
        },
        "descriptions": {
            "en": (
                "Lightly roasted Taiwanese oolong scented with dried osmanthus flowers, which are left in the tin. The "
                "aroma is sweet and apricot-like, while the tea itself stays smooth and mellow. Lovely hot, and also "
                "good iced with a slice of lemon."
            ),
            "zh_Hant": "輕焙火台灣烏龍茶與乾燥桂花一同窨製，桂花保留於罐中。香氣甜美似杏桃，茶湯依然順口溫和。熱飲迷人，加冰與檸檬片也很好喝。",
            "th": (
                "ชาอู่หลงไต้หวันคั่วอ่อน อบกลิ่นด้วยดอกหอมหมื่นลี้แห้งซึ่งผสมอยู่ในกระป๋องด้วย กลิ่นหวานคล้ายแอปริคอต ตัวชายังคงนุ่มกลมกล่อม ดื่มร้อนก็หอม "
                "ใส่น้ำแข็งกับมะนาวฝานสักแว่นก็อร่อย"
            ),
            "ms": (
                "Oolong Taiwan panggang ringan yang diharumkan dengan bunga osmanthus kering, dan bunganya dikekalkan di "
                "dalam tin. Aromanya manis seperti aprikot manakala tehnya tetap lembut. Sedap diminum panas, dan juga "
                "sejuk dengan sehiris lemon."
            ),
        },
        "variants": [
            {
                "sku": "ALS-OSM-100",
                "labels": {
                    "en": "100 g tin",
                    "zh_Hant": "100 克鐵罐",
                    "th": "กระป๋อง 100 กรัม",
                    "ms": "Tin 100 g",
                },
                "price_twd": 420,
                "stock": 70,
                "weight_g": 170,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "leaf",
    },
    {
        "handle": "hakka-lei-cha-powder",
        "vendor": "alishan-leaf",
        "category": "tea",
        "names": {
            "en": "Hakka Lei Cha Powder",
            "zh_Hant": "客家擂茶粉",
        },
        "descriptions": {
            "en": (
                "A ready-mixed version of the Hakka pounded tea served in Beipu and Sanyi: green tea, roasted sesame, "
                "peanuts, pumpkin seeds, mung beans and brown rice, ground together. Stir 3 tablespoons into 250 ml of "
                "hot water or milk, and top with puffed rice if you have some. Contains peanuts and sesame."
            ),
            "zh_Hant": (
                "將北埔、三義一帶的客家擂茶做成沖泡粉：綠茶、焙炒芝麻、花生、南瓜子、綠豆與糙米一同研磨。"
                "取3大匙加入250毫升熱水或牛奶攪勻，可另撒米香增添口感。含花生、芝麻。"
            ),
        },
        "variants": [
            {
                "sku": "ALS-LEICHA-600",
                "labels": {
                    "en": "600 g bag",
                    "zh_Hant": "600 克袋裝",
                },
                "price_twd": 260,
                "stock": 90,
                "weight_g": 650,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "210690",
        "origin": "TW",
        "motif": "cup",
    },
    {
        "handle": "ruby-black-tea-t18",
        "vendor": "sun-moon-lake-estate",
        "category": "tea",
        "names": {
            "en": "Sun Moon Lake Ruby Black Tea (Tai Cha No. 18)",
            "zh_Hant": "日月潭紅玉紅茶（台茶18號）",
            "th": "ชาแดงรูบี้ทะเลสาบสุริยันจันทรา (ไถ่ฉา 18)",
            "ms": "Teh Hitam Ruby Sun Moon Lake (Tai Cha No. 18)",
        },
        "descriptions": {
            "en": (
                "Ruby is a cross between Burmese Assam and a wild Taiwanese tea tree, grown on our estate at Yuchi "
                "beside Sun Moon Lake. It has a bright red liquor and a natural aroma of cinnamon and fresh mint. Drink "
                "it plain; it is smooth enough not to need milk or sugar."
            ),
            "zh_Hant": (
                "紅玉為緬甸大葉種與台灣野生山茶雜交育成，種植於日月潭畔魚池鄉的自家茶園。茶湯紅艷明亮，"
                "天然帶有肉桂與薄荷香。滋味順口，不加糖、奶即可品飲。"
            ),
            "th": (
                "ชาแดงรูบี้เป็นลูกผสมระหว่างชาอัสสัมจากพม่ากับต้นชาป่าพื้นเมืองของไต้หวัน ปลูกในไร่ของเราที่อวี๋ฉือ ริมทะเลสาบสุริยันจันทรา "
                "น้ำชาสีแดงสดใส มีกลิ่นอบเชยและมิ้นต์ตามธรรมชาติ รสนุ่มดื่มเปล่าได้โดยไม่ต้องเติมนมหรือน้ำตาล"
            ),
            "ms": (
                "Ruby ialah kacukan teh Assam dari Myanmar dengan pokok teh liar Taiwan, ditanam di ladang kami di "
                "Yuchi, di tepi Sun Moon Lake. Air tehnya merah terang dengan aroma semula jadi kayu manis dan pudina. "
                "Cukup lembut untuk diminum kosong tanpa susu atau gula."
            ),
        },
        "variants": [
            {
                "sku": "SML-RUBY-75",
                "labels": {
                    "en": "75 g can",
                    "zh_Hant": "75 克罐裝",
                    "th": "กระป๋อง 75 กรัม",
                    "ms": "Tin 75 g",
                },
                "price_twd": 650,
                "stock": 95,
                "weight_g": 180,
            },
            {
                "sku": "SML-RUBY-150",
                "labels": {
                    "en": "150 g can",
                    "zh_Hant": "150 克罐裝",
                    "th": "กระป๋อง 150 กรัม",
                    "ms": "Tin 150 g",
                },
                "price_twd": 1200,
                "stock": 40,
                "weight_g": 280,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "tea",
    },
    {
        "handle": "hong-yun-black-tea-t21",
        "vendor": "sun-moon-lake-estate",
        "category": "tea",
        "names": {
            "en": "Hong Yun Black Tea (Tai Cha No. 21)",
            "zh_Hant": "紅韻紅茶（台茶21號）",
        },
        "descriptions": {
            "en": (
                "Hong Yun is one of Taiwan's newest black tea cultivars, bred at the Yuchi branch of the Tea Research "
                "and Extension Station. It is known for a sweet citrus and floral aroma, close to orange blossom, and a "
                "soft, light body. Brew 3 g in 200 ml of water at 90 °C for 3 minutes."
            ),
            "zh_Hant": (
                "紅韻是茶業改良場魚池分場育成的新品種紅茶，以柑橘花果香著稱，近似橙花香氣，口感輕柔。"
                "建議以3克茶葉、90°C熱水200毫升沖泡3分鐘。"
            ),
        },
        "variants": [
            {
                "sku": "SML-HONGYUN-75",
                "labels": {
                    "en": "75 g can",
                    "zh_Hant": "75 克罐裝",
                },
                "price_twd": 560,
                "stock": 48,
                "weight_g": 180,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "tea",
    },
    {
        "handle": "assam-black-tea-t8",
        "vendor": "sun-moon-lake-estate",
        "category": "tea",
        "names": {
            "en": "Sun Moon Lake Assam Black Tea (Tai Cha No. 8)",
            "zh_Hant": "日月潭阿薩姆紅茶（台茶8號）",
            "th": "ชาแดงอัสสัมทะเลสาบสุริยันจันทรา (ไถ่ฉา 8)",
            "ms": "Teh Hitam Assam Sun Moon Lake (Tai Cha No. 8)",
        },
        "descriptions": {
            "en": (
                "Assam tea was brought to Sun Moon Lake in the 1920s, and Tai Cha No. 8, a local Assam selection, is "
                "still grown here. Full-bodied and malty with a hint of dried longan, it holds up well to milk. Use it "
                "for a strong morning cup or homemade milk tea."
            ),
            "zh_Hant": (
                "阿薩姆品種於1920年代引進日月潭，由其選育的台茶8號至今仍在此種植。茶味濃郁，帶麥芽香與淡淡桂圓香，"
                "加奶也不失茶味。適合早晨醒神或自製奶茶。"
            ),
            "th": (
                "ชาอัสสัมถูกนำมาปลูกที่ทะเลสาบสุริยันจันทราตั้งแต่ทศวรรษ 1920 และไถ่ฉา 8 ซึ่งคัดพันธุ์จากอัสสัมก็ยังปลูกอยู่ที่นี่จนถึงวันนี้ รสเข้มข้น "
                "หอมมอลต์ ปลายมีกลิ่นลำไยแห้ง ใส่นมแล้วรสชาไม่จาง เหมาะกับชายามเช้าหรือชานมทำเอง"
            ),
            "ms": (
                "Teh Assam dibawa ke Sun Moon Lake pada tahun 1920-an, dan Tai Cha No. 8, pilihan tempatan daripada "
                "Assam, masih ditanam di sini. Pekat dan beraroma malt dengan sedikit rasa longan kering, rasanya kekal "
                "kuat walaupun dicampur susu. Sesuai untuk secawan teh pagi atau teh susu buatan sendiri."
            ),
        },
        "variants": [
            {
                "sku": "SML-ASSAM-150",
                "labels": {
                    "en": "150 g can",
                    "zh_Hant": "150 克罐裝",
                    "th": "กระป๋อง 150 กรัม",
                    "ms": "Tin 150 g",
                },
                "price_twd": 480,
                "stock": 110,
                "weight_g": 260,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "tea",
    },
    {
        "handle": "wild-mountain-black-tea",
        "vendor": "sun-moon-lake-estate",
        "category": "tea",
        "names": {
            "en": "Taiwan Wild Mountain Black Tea",
            "zh_Hant": "台灣原生山茶紅茶",
            "th": "ชาแดงจากต้นชาป่าพื้นเมืองไต้หวัน",
            "ms": "Teh Hitam Pokok Teh Liar Taiwan",
        },
        "descriptions": {
            "en": (
                "Made from Camellia formosensis, the tea tree native to Taiwan's mountain forests, picked from semi-wild "
                "trees in Nantou. The taste is clean and lightly sweet, with notes of forest honey and a faintly cooling "
                "finish. Harvests are small and depend on the weather, so stock is limited."
            ),
            "zh_Hant": (
                "採用台灣原生種山茶（Camellia formosensis），摘自南投山區半野放茶樹。滋味乾淨清甜，帶山林蜜香與淡淡涼感。"
                "產量少且視天候而定，數量有限。"
            ),
            "th": (
                "ทำจากต้น Camellia formosensis ชาพื้นเมืองในป่าเขาของไต้หวัน เก็บจากต้นชากึ่งป่าในหนานโถว รสสะอาดหวานเบาๆ "
                "มีกลิ่นน้ำผึ้งป่าและความเย็นสดชื่นจางๆ ตอนท้าย ผลผลิตน้อยและขึ้นกับสภาพอากาศ จึงมีจำนวนจำกัด"
            ),
            "ms": (
                "Dihasilkan daripada Camellia formosensis, pokok teh asli hutan pergunungan Taiwan, dipetik dari pokok "
                "separa liar di Nantou. Rasanya bersih dan sedikit manis dengan nota madu hutan dan kesan dingin yang "
                "halus. Hasil tuaian kecil dan bergantung pada cuaca, jadi stok terhad."
            ),
        },
        "variants": [
            {
                "sku": "SML-WILD-50",
                "labels": {
                    "en": "50 g tin",
                    "zh_Hant": "50 克鐵罐",
                    "th": "กระป๋อง 50 กรัม",
                    "ms": "Tin 50 g",
                },
                "price_twd": 920,
                "stock": 8,
                "weight_g": 130,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "leaf",
    },
    {
        "handle": "honey-scented-black-tea",
        "vendor": "sun-moon-lake-estate",
        "category": "tea",
        "names": {
            "en": "Honey-Scented Black Tea",
            "zh_Hant": "蜜香紅茶",
            "th": "ชาแดงกลิ่นน้ำผึ้ง",
            "ms": "Teh Hitam Aroma Madu",
        },
        "descriptions": {
            "en": (
                "Like Oriental Beauty, this tea is made from summer leaves bitten by tea green leafhoppers, which is why "
                "we grow it without pesticides. The bites trigger a natural honey aroma that comes through clearly in "
                "the cup. No honey or flavouring is added."
            ),
            "zh_Hant": (
                "與東方美人茶相同，採用夏季經小綠葉蟬叮咬的茶菁，因此茶園不噴灑農藥。茶葉因叮咬產生天然蜜香，"
                "沖泡後蜜味明顯。不添加蜂蜜或任何香料。"
            ),
            "th": (
                "เช่นเดียวกับชาโอเรียนทัลบิวตี้ ชานี้ทำจากใบชาหน้าร้อนที่ถูกเพลี้ยจักจั่นสีเขียวกัด เราจึงปลูกโดยไม่ใช้ยาฆ่าแมลง "
                "รอยกัดทำให้ใบชาสร้างกลิ่นน้ำผึ้งตามธรรมชาติที่หอมชัดเมื่อชง ไม่มีการเติมน้ำผึ้งหรือแต่งกลิ่นใดๆ"
            ),
            "ms": (
                "Sama seperti Oriental Beauty, teh ini dibuat daripada daun musim panas yang digigit serangga bena "
                "hijau, sebab itu kami menanamnya tanpa racun perosak. Gigitan itu menghasilkan aroma madu semula jadi "
                "yang jelas dalam cawan. Tiada madu atau perisa ditambah."
            ),
        },
        "variants": [
            {
                "sku": "SML-HONEY-75",
                "labels": {
                    "en": "75 g can",
                    "zh_Hant": "75 克罐裝",
                    "th": "กระป๋อง 75 กรัม",
                    "ms": "Tin 75 g",
                },
                "price_twd": 600,
                "stock": 66,
                "weight_g": 170,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "tea",
    },
    {
        "handle": "sun-moon-lake-black-tea-bags",
        "vendor": "sun-moon-lake-estate",
        "category": "tea",
        "names": {
            "en": "Sun Moon Lake Black Tea Bags",
            "zh_Hant": "日月潭紅茶茶包",
            "th": "ชาแดงทะเลสาบสุริยันจันทราแบบถุง",
            "ms": "Uncang Teh Hitam Sun Moon Lake",
        },
        "descriptions": {
            "en": (
                "Our house blend of Assam and Ruby black teas from the Yuchi estate, in pyramid bags. Steep one 2.5 g "
                "bag in 250 ml of boiling water for 3 minutes, and add milk if you like it strong. Each bag is "
                "individually wrapped."
            ),
            "zh_Hant": "以自家魚池茶園的阿薩姆與紅玉紅茶調配，裝入立體茶包。每包2.5克以250毫升沸水浸泡3分鐘，喜歡濃郁可加牛奶。每包獨立包裝。",
            "th": "ชาแดงเบลนด์ของไร่เราที่อวี๋ฉือ ผสมอัสสัมกับรูบี้ บรรจุในถุงชาทรงพีระมิด ใช้ 1 ถุง (2.5 กรัม) ต่อน้ำเดือด 250 มล. แช่ 3 นาที ชอบเข้มๆ ก็เติมนมได้ ทุกถุงแยกซอง",
            "ms": (
                "Campuran teh hitam Assam dan Ruby dari ladang kami di Yuchi dalam uncang piramid. Rendam satu uncang "
                "2.5 g dalam 250 ml air mendidih selama 3 minit; tambah susu jika suka rasa pekat. Setiap uncang "
                "dibungkus berasingan."
            ),
        },
        "variants": [
            {
                "sku": "SML-BAG-20",
                "labels": {
                    "en": "Box of 20 bags",
                    "zh_Hant": "20 入盒裝",
                    "th": "กล่อง 20 ถุง",
                    "ms": "Kotak 20 uncang",
                },
                "price_twd": 380,
                "stock": 180,
                "weight_g": 130,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "box",
    },
    {
        "handle": "ruby-black-tea-gift-set",
        "vendor": "sun-moon-lake-estate",
        "category": "tea",
        "names": {
            "en": "Ruby Black Tea Gift Set",
            "zh_Hant": "紅玉紅茶禮盒",
            "th": "ชุดของขวัญชาแดงรูบี้",
            "ms": "Set Hadiah Teh Hitam Ruby",
        },
        "descriptions": {
            "en": (
                "Two 75 g cans of our Tai Cha No. 18 Ruby black tea in a cloth-wrapped gift box, with a printed brewing "
                "card. A popular present for weddings, Lunar New Year and business visits. The cans are nitrogen-flushed "
                "and keep for two years unopened."
            ),
            "zh_Hant": "兩罐75克台茶18號紅玉紅茶，附沖泡說明卡，以布巾包覆禮盒。婚禮、過年、拜訪客戶都合適。罐內充氮，未開封可保存兩年。",
            "th": (
                "ชาแดงรูบี้ไถ่ฉา 18 สองกระป๋อง กระป๋องละ 75 กรัม ในกล่องของขวัญห่อผ้า พร้อมการ์ดวิธีชง เป็นของฝากยอดนิยมสำหรับงานแต่ง ตรุษจีน "
                "หรือไปพบลูกค้า กระป๋องอัดไนโตรเจน เก็บได้สองปีหากยังไม่เปิด"
            ),
            "ms": (
                "Dua tin 75 g teh hitam Ruby Tai Cha No. 18 dalam kotak hadiah berbalut kain, bersama kad cara "
                "membancuh. Hadiah popular untuk majlis perkahwinan, Tahun Baru Cina dan lawatan perniagaan. Tin diisi "
                "nitrogen dan tahan dua tahun jika belum dibuka."
            ),
        },
        "variants": [
            {
                "sku": "SML-GIFT-2",
                "labels": {
                    "en": "Gift box, 2 × 75 g",
                    "zh_Hant": "禮盒 75 克 ×2",
                    "th": "กล่องของขวัญ 75 กรัม × 2",
                    "ms": "Kotak hadiah 2 × 75 g",
                },
                "price_twd": 1380,
                "stock": 12,
                "weight_g": 720,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "box",
    },
    {
        "handle": "black-tea-tasting-set",
        "vendor": "sun-moon-lake-estate",
        "category": "tea",
        "names": {
            "en": "Sun Moon Lake Black Tea Tasting Set",
            "zh_Hant": "日月潭紅茶品鑑組",
            "th": "ชุดชิมชาแดงทะเลสาบสุริยันจันทรา",
            "ms": "Set Rasa Teh Hitam Sun Moon Lake",
        },
        "descriptions": {
            "en": (
                "Three 25 g pouches side by side: Assam (Tai Cha No. 8), Ruby (No. 18) and Hong Yun (No. 21). Brew them "
                "one after another to taste the difference between malty, minty and citrusy Taiwanese black teas. A good "
                "way to find your favourite before buying a full can."
            ),
            "zh_Hant": (
                "三款各25克：阿薩姆（台茶8號）、紅玉（台茶18號）與紅韻（台茶21號）。依序沖泡，"
                "比較麥芽香、肉桂薄荷香與柑橘花香的差異。購買整罐前，先找出你的最愛。"
            ),
            "th": (
                "ซองละ 25 กรัม 3 แบบ ได้แก่ อัสสัม (ไถ่ฉา 8) รูบี้ (ไถ่ฉา 18) และหงอวิ้น (ไถ่ฉา 21) "
                "ลองชงเทียบกันจะรู้ความต่างระหว่างกลิ่นมอลต์ กลิ่นมิ้นต์ และกลิ่นส้มของชาแดงไต้หวัน เป็นวิธีที่ดีในการหาตัวที่ชอบก่อนซื้อแบบกระป๋อง"
            ),
            "ms": (
                "Tiga paket 25 g: Assam (Tai Cha No. 8), Ruby (No. 18) dan Hong Yun (No. 21). Bancuh satu demi satu "
                "untuk merasai perbezaan antara rasa malt, pudina dan sitrus teh hitam Taiwan. Cara mudah mencari "
                "kegemaran anda sebelum membeli satu tin penuh."
            ),
        },
        "variants": [
            {
                "sku": "SML-TRIO-3",
                "labels": {
                    "en": "3 × 25 g pouches",
                    "zh_Hant": "25 克 ×3 包",
                    "th": "3 ซอง ซองละ 25 กรัม",
                    "ms": "3 paket × 25 g",
                },
                "price_twd": 520,
                "stock": 33,
                "weight_g": 220,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "box",
    },
    {
        "handle": "bubble-milk-tea-kit",
        "vendor": "sun-moon-lake-estate",
        "category": "tea",
        "names": {
            "en": "Bubble Milk Tea Kit",
            "zh_Hant": "珍珠奶茶DIY組",
            "th": "ชุดทำชานมไข่มุก",
            "ms": "Set Teh Susu Boba",
        },
        "descriptions": {
            "en": (
                "Everything for Taiwanese pearl milk tea at home except the milk: Assam black tea bags, quick-cook brown "
                "sugar tapioca pearls, brown sugar syrup and wide straws. Boil the pearls for 5 minutes, brew the tea "
                "strong and mix with fresh milk and ice. The pearls keep for 12 months unopened."
            ),
            "zh_Hant": (
                "在家做珍珠奶茶，只需自備牛奶：內含阿薩姆紅茶包、快煮黑糖粉圓、黑糖糖漿及粗吸管。粉圓滾煮5分鐘，"
                "紅茶泡濃，再加入鮮奶與冰塊即可。粉圓未開封可保存12個月。"
            ),
            "th": (
                "ชุดทำชานมไข่มุกสไตล์ไต้หวันที่บ้าน เตรียมแค่นมสด ในชุดมีถุงชาแดงอัสสัม ไข่มุกน้ำตาลทรายแดงแบบต้มเร็ว น้ำเชื่อมน้ำตาลทรายแดง "
                "และหลอดใหญ่ ต้มไข่มุก 5 นาที ชงชาให้เข้ม แล้วผสมนมสดกับน้ำแข็ง ไข่มุกเก็บได้ 12 เดือนหากยังไม่เปิด"
            ),
            "ms": (
                "Semua yang diperlukan untuk teh susu mutiara ala Taiwan di rumah kecuali susu: uncang teh hitam Assam, "
                "mutiara tapioka gula perang masak cepat, sirap gula perang dan straw besar. Rebus mutiara selama 5 "
                "minit, bancuh teh pekat, kemudian campur dengan susu segar dan ais. Mutiara tahan 12 bulan jika belum "
                "dibuka."
            ),
        },
        "variants": [
            {
                "sku": "SML-BOBA-4",
                "labels": {
                    "en": "4 servings",
                    "zh_Hant": "4 人份",
                    "th": "สำหรับ 4 แก้ว",
                    "ms": "4 hidangan",
                },
                "price_twd": 399,
                "stock": 85,
                "weight_g": 720,
            },
            {
                "sku": "SML-BOBA-10",
                "labels": {
                    "en": "10 servings",
                    "zh_Hant": "10 人份",
                    "th": "สำหรับ 10 แก้ว",
                    "ms": "10 hidangan",
                },
                "price_twd": 899,
                "stock": 26,
                "weight_g": 1650,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "210690",
        "origin": "TW",
        "motif": "cup",
    },
    {
        "handle": "black-tea-for-milk-tea",
        "vendor": "sun-moon-lake-estate",
        "category": "tea",
        "names": {
            "en": "Black Tea Leaves for Milk Tea",
            "zh_Hant": "奶茶專用紅茶葉",
        },
        "descriptions": {
            "en": (
                "The broken-leaf Assam blend we supply to tea stands, roasted a little darker so it stays strong under "
                "milk and ice. Simmer 15 g in 500 ml of water for 8 minutes, strain, then add milk and sugar to taste. "
                "Packed in a resealable foil bag."
            ),
            "zh_Hant": (
                "供應飲料店使用的阿薩姆碎葉紅茶，烘焙稍深，加奶加冰依然茶香濃郁。取15克以500毫升水小火煮8分鐘，"
                "濾出後依喜好加入鮮奶與糖。夾鏈鋁箔袋包裝。"
            ),
        },
        "variants": [
            {
                "sku": "SML-MILKTEA-600",
                "labels": {
                    "en": "600 g bag",
                    "zh_Hant": "600 克袋裝",
                },
                "price_twd": 450,
                "stock": 40,
                "weight_g": 680,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090230",
        "origin": "TW",
        "motif": "bag",
    },
    # --- snacks ------------------------------------------------------
    {
        "handle": "classic-sun-cake",
        "vendor": "taichung-sun-bakery",
        "category": "snacks",
        "names": {
            "en": "Classic Taichung Sun Cake",
            "zh_Hant": "台中太陽餅",
            "th": "ซันเค้กไถจง",
            "ms": "Kek Matahari Taichung",
        },
        "descriptions": {
            "en": (
                "Taichung's best-known pastry: many thin layers of flaky crust around a chewy maltose filling. Our "
                "recipe uses butter in the crust, and the cakes are baked fresh every morning. Best eaten within 10 "
                "days; warm one for a few minutes in a toaster oven to bring back the crispness."
            ),
            "zh_Hant": (
                "台中最具代表性的伴手禮：層層酥皮包覆Q軟麥芽糖內餡。外皮使用奶油製作，每日清晨現烤。建議10天內食用完畢；"
                "用小烤箱稍微回烤，酥脆口感更佳。"
            ),
            "th": (
                "ขนมขึ้นชื่อที่สุดของไถจง แป้งพายบางเป็นชั้นๆ ห่อไส้มอลโตสหนึบหนับ สูตรของเราใช้เนยในแป้งและอบใหม่ทุกเช้า ควรทานให้หมดภายใน 10 "
                "วัน อุ่นในเตาอบเล็กสักครู่จะกลับมากรอบอีกครั้ง"
            ),
            "ms": (
                "Pastri paling terkenal di Taichung: lapisan kulit rangup yang nipis membalut inti gula malt yang "
                "kenyal. Resipi kami menggunakan mentega dan kek dibakar segar setiap pagi. Paling baik dimakan dalam 10 "
                "hari; panaskan sebentar dalam ketuhar kecil supaya kembali rangup."
            ),
        },
        "variants": [
            {
                "sku": "TSB-SUN-6",
                "labels": {
                    "en": "Box of 6",
                    "zh_Hant": "6 入盒裝",
                    "th": "กล่อง 6 ชิ้น",
                    "ms": "Kotak 6 biji",
                },
                "price_twd": 240,
                "stock": 120,
                "weight_g": 480,
            },
            {
                "sku": "TSB-SUN-12",
                "labels": {
                    "en": "Box of 12",
                    "zh_Hant": "12 入盒裝",
                    "th": "กล่อง 12 ชิ้น",
                    "ms": "Kotak 12 biji",
                },
                "price_twd": 450,
                "stock": 60,
                "weight_g": 900,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190590",
        "origin": "TW",
        "motif": "cake",
    },
    {
        "handle": "honey-sun-cake",
        "vendor": "taichung-sun-bakery",
        "category": "snacks",
        "names": {
            "en": "Honey Sun Cake",
            "zh_Hant": "蜂蜜太陽餅",
            "th": "ซันเค้กน้ำผึ้ง",
            "ms": "Kek Matahari Madu",
        },
        "descriptions": {
            "en": (
                "Our sun cake with Taiwanese longan honey folded into the maltose filling, for a softer, more fragrant "
                "centre. Made with butter and no animal fat other than dairy. Each cake is individually wrapped."
            ),
            "zh_Hant": "在麥芽糖內餡中加入台灣龍眼蜜，內餡更柔軟、香氣更足。以奶油製作，除乳製品外不含其他動物油脂。單顆獨立包裝。",
            "th": "ซันเค้กสูตรที่ผสมน้ำผึ้งดอกลำไยของไต้หวันลงในไส้มอลโตส ไส้จึงนุ่มและหอมกว่าเดิม ใช้เนย ไม่มีไขมันสัตว์อื่นนอกจากผลิตภัณฑ์นม ห่อแยกทีละชิ้น",
            "ms": (
                "Kek matahari kami dengan madu longan Taiwan di dalam inti gula malt, menjadikan intinya lebih lembut "
                "dan harum. Dibuat dengan mentega, tanpa lemak haiwan selain tenusu. Setiap biji dibungkus berasingan."
            ),
        },
        "variants": [
            {
                "sku": "TSB-HSUN-10",
                "labels": {
                    "en": "Box of 10",
                    "zh_Hant": "10 入盒裝",
                    "th": "กล่อง 10 ชิ้น",
                    "ms": "Kotak 10 biji",
                },
                "price_twd": 420,
                "stock": 44,
                "weight_g": 780,
            },
        ],
        "halal": {"body": "THIDA", "number": "THIDA-2022-0318", "expires": "2025-03-31"},
        "exempt": None,
        "hs_code": "190590",
        "origin": "TW",
        "motif": "cake",
    },
    {
        "handle": "taro-pastry",
        "vendor": "taichung-sun-bakery",
        "category": "snacks",
        "names": {
            "en": "Taro Pastry",
            "zh_Hant": "芋頭酥",
            "th": "ขนมเปี๊ยะเผือก",
            "ms": "Pastri Keladi",
        },
        "descriptions": {
            "en": (
                "A spiral-layered pastry with a purple and white swirl, filled with smooth paste made from taro grown in "
                "Dajia, Taichung. Soft, fragrant and not too sweet. Keep in a cool place and eat within 7 days."
            ),
            "zh_Hant": "酥皮呈紫白螺旋層次，內餡使用台中大甲芋頭製成的芋泥，綿密香濃、不甜膩。請置於陰涼處，7天內食用完畢。",
            "th": "ขนมเปี๊ยะแป้งชั้นลายก้นหอยสีม่วงขาว ไส้เผือกกวนจากเผือกต้าเจี่ย เมืองไถจง เนื้อเนียนนุ่ม หอม หวานน้อย เก็บในที่เย็นและควรทานให้หมดภายใน 7 วัน",
            "ms": (
                "Pastri berlapis lingkaran ungu dan putih, berinti pes keladi licin daripada keladi yang ditanam di "
                "Dajia, Taichung. Lembut, harum dan tidak terlalu manis. Simpan di tempat sejuk dan habiskan dalam 7 "
                "hari."
            ),
        },
        "variants": [
            {
                "sku": "TSB-TARO-6",
                "labels": {
                    "en": "Box of 6",
                    "zh_Hant": "6 入盒裝",
                    "th": "กล่อง 6 ชิ้น",
                    "ms": "Kotak 6 biji",
                },
                "price_twd": 360,
                "stock": 52,
                "weight_g": 500,
            },
            {
                "sku": "TSB-TARO-12",
                "labels": {
                    "en": "Box of 12",
                    "zh_Hant": "12 入盒裝",
                    "th": "กล่อง 12 ชิ้น",
                    "ms": "Kotak 12 biji",
                },
                "price_twd": 680,
                "stock": 7,
                "weight_g": 950,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190590",
        "origin": "TW",
        "motif": "cake",
    },
    {
        "handle": "egg-yolk-pastry",
        "vendor": "taichung-sun-bakery",
        "category": "snacks",
        "names": {
            "en": "Egg Yolk Pastry",
            "zh_Hant": "蛋黃酥",
            "th": "ขนมเปี๊ยะไข่เค็ม",
            "ms": "Pastri Kuning Telur",
        },
        "descriptions": {
            "en": (
                "Flaky pastry around red bean paste from Wandan, Pingtung, and a whole salted duck egg yolk, topped with "
                "black sesame. A Mid-Autumn favourite that we bake all year round. Keep in a cool place and eat within 7 "
                "days, or freeze for up to a month."
            ),
            "zh_Hant": "酥皮包入屏東萬丹紅豆沙與整顆鹹鴨蛋黃，表面撒上黑芝麻。中秋必備，本店全年供應。請置於陰涼處，7天內食用，或冷凍保存一個月。",
            "th": (
                "แป้งพายกรอบร่วนห่อไส้ถั่วแดงกวนจากว่านตัน ผิงตง และไข่แดงเค็มทั้งฟอง โรยงาดำด้านบน "
                "เป็นขนมยอดฮิตช่วงไหว้พระจันทร์ที่เราอบขายทั้งปี เก็บในที่เย็นและทานภายใน 7 วัน หรือแช่แข็งได้นานหนึ่งเดือน"
            ),
            "ms": (
                "Pastri rangup berinti pes kacang merah dari Wandan, Pingtung, dan sebiji kuning telur itik masin, "
                "ditabur bijan hitam. Kegemaran musim Pesta Kuih Bulan yang kami bakar sepanjang tahun. Simpan di tempat "
                "sejuk dan habiskan dalam 7 hari, atau bekukan sehingga sebulan."
            ),
        },
        "variants": [
            {
                "sku": "TSB-YOLK-6",
                "labels": {
                    "en": "Box of 6",
                    "zh_Hant": "6 入盒裝",
                    "th": "กล่อง 6 ชิ้น",
                    "ms": "Kotak 6 biji",
                },
                "price_twd": 390,
                "stock": 36,
                "weight_g": 480,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190590",
        "origin": "TW",
        "motif": "cake",
    },
    {
        "handle": "mung-bean-pastry",
        "vendor": "taichung-sun-bakery",
        "category": "snacks",
        "names": {
            "en": "Mung Bean Pastry (Lu Dou Peng)",
            "zh_Hant": "綠豆椪",
            "th": "ขนมเปี๊ยะถั่วเขียว",
            "ms": "Pastri Kacang Hijau",
        },
        "descriptions": {
            "en": (
                "A dome-shaped pastry with a pale, very flaky crust that crumbles at the first bite, filled with sweet "
                "mung bean paste. This is the sweet version, with no meat. Pair it with a pot of oolong."
            ),
            "zh_Hant": "外型圓鼓、外皮白皙酥鬆，一咬即化，內包香甜綠豆沙。此款為甜口味，不含肉。搭配一壺烏龍茶最對味。",
            "th": "ขนมเปี๊ยะทรงโดม แป้งสีขาวนวลกรอบร่วนจนแตกตั้งแต่คำแรก ไส้ถั่วเขียวกวนหวาน เป็นแบบหวาน ไม่มีเนื้อสัตว์ ทานคู่กับชาอู่หลงสักกาเข้ากันดี",
            "ms": (
                "Pastri berbentuk kubah dengan kulit putih yang sangat rangup dan rapuh, berinti pes kacang hijau manis. "
                "Ini versi manis tanpa daging. Paling sedap dengan seteko teh oolong."
            ),
        },
        "variants": [
            {
                "sku": "TSB-MUNG-6",
                "labels": {
                    "en": "Box of 6",
                    "zh_Hant": "6 入盒裝",
                    "th": "กล่อง 6 ชิ้น",
                    "ms": "Kotak 6 biji",
                },
                "price_twd": 360,
                "stock": 28,
                "weight_g": 560,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190590",
        "origin": "TW",
        "motif": "cake",
    },
    {
        "handle": "wife-cake",
        "vendor": "taichung-sun-bakery",
        "category": "snacks",
        "names": {
            "en": "Wife Cake",
            "zh_Hant": "老婆餅",
        },
        "descriptions": {
            "en": (
                "A flat, flaky pastry filled with a chewy mix of winter melon, maltose and toasted sesame. Lighter and "
                "less sweet than it looks. Box of 8, individually wrapped."
            ),
            "zh_Hant": "扁圓酥餅包入冬瓜、麥芽糖與烘焙芝麻製成的Q軟內餡，甜度比想像中清爽。一盒8入，單顆包裝。",
        },
        "variants": [
            {
                "sku": "TSB-WIFE-8",
                "labels": {
                    "en": "Box of 8",
                    "zh_Hant": "8 入盒裝",
                },
                "price_twd": 280,
                "stock": 40,
                "weight_g": 520,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190590",
        "origin": "TW",
        "motif": "cake",
    },
    {
        "handle": "ox-tongue-pastry",
        "vendor": "taichung-sun-bakery",
        "category": "snacks",
        "names": {
            "en": "Ox-Tongue Pastry",
            "zh_Hant": "牛舌餅",
        },
        "descriptions": {
            "en": (
                "Long, flat pastries named for their shape, with a thin maltose and brown sugar filling. This is the "
                "soft, thicker Lukang style rather than the thin, crisp Yilan style. Good with tea or coffee; eat within "
                "10 days."
            ),
            "zh_Hant": "因外型細長似牛舌而得名，內夾薄薄一層麥芽糖與黑糖餡。本款為鹿港軟式口感，並非宜蘭薄脆款。配茶或咖啡皆宜，建議10天內食用。",
        },
        "variants": [
            {
                "sku": "TSB-OXT-10",
                "labels": {
                    "en": "Box of 10",
                    "zh_Hant": "10 入盒裝",
                },
                "price_twd": 300,
                "stock": 64,
                "weight_g": 520,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190590",
        "origin": "TW",
        "motif": "cake",
    },
    {
        "handle": "crispy-egg-rolls",
        "vendor": "taichung-sun-bakery",
        "category": "snacks",
        "names": {
            "en": "Crispy Egg Rolls",
            "zh_Hant": "酥脆蛋捲",
            "th": "ทองม้วนไข่ไต้หวัน",
            "ms": "Kuih Gulung Telur Rangup",
        },
        "descriptions": {
            "en": (
                "A thin egg and butter batter is baked on hot plates and rolled while still warm, so it shatters crisply "
                "when you bite. Made with free-range eggs and no preservatives. Packed in a tin to protect the rolls "
                "during shipping."
            ),
            "zh_Hant": "以雞蛋與奶油調製的麵糊在熱鐵板上烘烤，趁熱捲起，入口酥脆。使用放牧雞蛋，無添加防腐劑。鐵罐包裝，運送途中不易碎。",
            "th": "แป้งไข่ผสมเนยอบบนแผ่นเหล็กร้อน แล้วม้วนขณะยังอุ่น กัดแล้วกรอบแตกในปาก ใช้ไข่ไก่เลี้ยงปล่อย ไม่ใส่สารกันเสีย บรรจุในกระป๋องเหล็กช่วยกันแตกระหว่างขนส่ง",
            "ms": (
                "Adunan telur dan mentega dibakar di atas plat panas lalu digulung ketika masih suam, jadi ia pecah "
                "rangup apabila digigit. Dibuat dengan telur ayam kampung tanpa pengawet. Dibungkus dalam tin supaya "
                "tidak hancur semasa penghantaran."
            ),
        },
        "variants": [
            {
                "sku": "TSB-EGGROLL-300",
                "labels": {
                    "en": "300 g tin",
                    "zh_Hant": "300 克鐵罐",
                    "th": "กระป๋อง 300 กรัม",
                    "ms": "Tin 300 g",
                },
                "price_twd": 320,
                "stock": 90,
                "weight_g": 560,
            },
        ],
        "halal": {"body": "THIDA", "number": "THIDA-2024-0257", "expires": "2027-04-30"},
        "exempt": None,
        "hs_code": "190532",
        "origin": "TW",
        "motif": "box",
    },
    {
        "handle": "maltose-sandwich-crackers",
        "vendor": "taichung-sun-bakery",
        "category": "snacks",
        "names": {
            "en": "Maltose Sandwich Crackers",
            "zh_Hant": "麥芽餅",
            "th": "แครกเกอร์ไส้มอลโตส",
            "ms": "Biskut Berinti Gula Malt",
        },
        "descriptions": {
            "en": (
                "A Taiwanese childhood snack: two salted soda crackers sandwiching a layer of golden maltose. Sweet, "
                "salty and chewy all at once. Bag of 20 individually wrapped pieces."
            ),
            "zh_Hant": "台灣人的童年零嘴：兩片鹹蘇打餅乾夾入金黃麥芽糖，甜中帶鹹、又Q又脆。一袋20入，單片包裝。",
            "th": "ขนมวัยเด็กของคนไต้หวัน แครกเกอร์โซดาเค็มสองแผ่นประกบมอลโตสสีทอง ทั้งหวาน เค็ม และเหนียวหนึบในคำเดียว ถุงละ 20 ชิ้น ห่อแยกชิ้น",
            "ms": (
                "Snek zaman kanak-kanak orang Taiwan: dua keping biskut soda masin mengapit lapisan gula malt keemasan. "
                "Manis, masin dan kenyal sekali gus. Sebungkus 20 keping, dibalut berasingan."
            ),
        },
        "variants": [
            {
                "sku": "TSB-MALT-20",
                "labels": {
                    "en": "Bag of 20",
                    "zh_Hant": "20 入袋裝",
                    "th": "ถุง 20 ชิ้น",
                    "ms": "Beg 20 keping",
                },
                "price_twd": 180,
                "stock": 130,
                "weight_g": 420,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190531",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "peanut-mochi",
        "vendor": "taichung-sun-bakery",
        "category": "snacks",
        "names": {
            "en": "Peanut Mochi",
            "zh_Hant": "花生麻糬",
            "th": "โมจิถั่วลิสง",
            "ms": "Mochi Kacang Tanah",
        },
        "descriptions": {
            "en": (
                "Soft glutinous rice mochi filled with sweet peanut paste and rolled in crushed roasted peanuts. Made "
                "without preservatives, so it keeps only 5 days at room temperature or 10 days in the fridge. Shipped by "
                "express only."
            ),
            "zh_Hant": "Q軟糯米麻糬包入香甜花生餡，外層裹上烘焙花生粉。無添加防腐劑，常溫保存5天、冷藏10天。僅以快遞寄送。",
            "th": "โมจิข้าวเหนียวนุ่มสอดไส้ถั่วลิสงหวาน คลุกด้วยถั่วลิสงคั่วบด ไม่ใส่สารกันเสีย เก็บได้ 5 วันที่อุณหภูมิห้อง หรือ 10 วันในตู้เย็น จัดส่งแบบด่วนเท่านั้น",
            "ms": (
                "Mochi pulut lembut berinti pes kacang tanah manis dan disalut kacang tanah panggang yang ditumbuk. "
                "Tanpa pengawet, jadi tahan 5 hari pada suhu bilik atau 10 hari dalam peti sejuk. Dihantar melalui "
                "penghantaran ekspres sahaja."
            ),
        },
        "variants": [
            {
                "sku": "TSB-MOCHI-12",
                "labels": {
                    "en": "Box of 12",
                    "zh_Hant": "12 入盒裝",
                    "th": "กล่อง 12 ชิ้น",
                    "ms": "Kotak 12 biji",
                },
                "price_twd": 260,
                "stock": 18,
                "weight_g": 560,
            },
        ],
        "halal": None,
        "exempt": "perishable",
        "hs_code": "190590",
        "origin": "TW",
        "motif": "box",
    },
    {
        "handle": "brown-sugar-steamed-cake",
        "vendor": "taichung-sun-bakery",
        "category": "snacks",
        "names": {
            "en": "Brown Sugar Steamed Cake",
            "zh_Hant": "黑糖糕",
        },
        "descriptions": {
            "en": (
                "A springy steamed cake made with Taiwanese brown sugar and topped with white sesame, in the style of "
                "Penghu's famous brown sugar cake. No preservatives: it keeps 3 days at room temperature or 7 days in "
                "the fridge. Warm briefly in a steamer or microwave to soften."
            ),
            "zh_Hant": "以台灣黑糖蒸製、表面撒上白芝麻，仿澎湖黑糖糕作法，口感Q彈。無添加防腐劑，常溫3天、冷藏7天。食用前蒸熱或微波加熱更柔軟。",
        },
        "variants": [
            {
                "sku": "TSB-BSC-600",
                "labels": {
                    "en": "One 600 g cake",
                    "zh_Hant": "600 克整盒",
                },
                "price_twd": 220,
                "stock": 9,
                "weight_g": 700,
            },
        ],
        "halal": None,
        "exempt": "perishable",
        "hs_code": "190590",
        "origin": "TW",
        "motif": "cake",
    },
    {
        "handle": "walnut-cookies",
        "vendor": "taichung-sun-bakery",
        "category": "snacks",
        "names": {
            "en": "Walnut Cookies",
            "zh_Hant": "核桃酥",
        },
        "descriptions": {
            "en": (
                "Crumbly, old-fashioned Chinese cookies made with walnuts, butter and a little salt, pressed by hand "
                "with a walnut half on top. They melt in the mouth and go well with strong tea. Contains tree nuts, egg "
                "and milk."
            ),
            "zh_Hant": "古早味核桃酥，以核桃、奶油與少許鹽製作，手工壓製並在上面放半顆核桃。入口即化，配濃茶最好。含堅果、蛋、奶。",
        },
        "variants": [
            {
                "sku": "TSB-WALNUT-10",
                "labels": {
                    "en": "Box of 10",
                    "zh_Hant": "10 入盒裝",
                },
                "price_twd": 260,
                "stock": 55,
                "weight_g": 450,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190590",
        "origin": "TW",
        "motif": "box",
    },
    {
        "handle": "pineapple-cake",
        "vendor": "golden-pineapple",
        "category": "snacks",
        "names": {
            "en": "Pineapple Cake",
            "zh_Hant": "鳳梨酥",
            "th": "ขนมพายสับปะรด",
            "ms": "Kek Nanas",
        },
        "descriptions": {
            "en": (
                "Taiwan's favourite gift: a buttery, short crust around a filling of Taiwanese pineapple cooked with "
                "winter melon for a mellow, jammy sweetness. Each cake is individually wrapped with an oxygen absorber. "
                "Keeps for 30 days at room temperature."
            ),
            "zh_Hant": "台灣最受歡迎的伴手禮：奶油酥皮包覆台灣鳳梨與冬瓜熬煮的內餡，酸甜溫和。單顆包裝並附脫氧劑，常溫可保存30天。",
            "th": "ของฝากยอดนิยมของไต้หวัน แป้งเนยร่วนนุ่มห่อไส้สับปะรดไต้หวันเคี่ยวกับฟักเขียว ได้รสหวานอมเปรี้ยวกลมกล่อม ห่อแยกชิ้นพร้อมซองดูดออกซิเจน เก็บที่อุณหภูมิห้องได้ 30 วัน",
            "ms": (
                "Buah tangan kegemaran dari Taiwan: kulit mentega yang rapuh membalut inti nanas Taiwan yang dimasak "
                "bersama kundur, manis dan lembut. Setiap biji dibungkus berasingan dengan penyerap oksigen. Tahan 30 "
                "hari pada suhu bilik."
            ),
        },
        "variants": [
            {
                "sku": "GPH-PC-10",
                "labels": {
                    "en": "Box of 10",
                    "zh_Hant": "10 入盒裝",
                    "th": "กล่อง 10 ชิ้น",
                    "ms": "Kotak 10 biji",
                },
                "price_twd": 450,
                "stock": 240,
                "weight_g": 650,
            },
            {
                "sku": "GPH-PC-20",
                "labels": {
                    "en": "Box of 20",
                    "zh_Hant": "20 入盒裝",
                    "th": "กล่อง 20 ชิ้น",
                    "ms": "Kotak 20 biji",
                },
                "price_twd": 860,
                "stock": 95,
                "weight_g": 1250,
            },
        ],
        "halal": {"body": "THIDA", "number": "THIDA-2025-0412", "expires": "2027-06-30"},
        "exempt": None,
        "hs_code": "190590",
        "origin": "TW",
        "motif": "cake",
    },
    {
        "handle": "native-pineapple-cake",
        "vendor": "golden-pineapple",
        "category": "snacks",
        "names": {
            "en": "Native Pineapple Cake",
            "zh_Hant": "土鳳梨酥",
            "th": "ขนมพายสับปะรดพันธุ์พื้นเมือง",
            "ms": "Kek Nanas Asli",
        },
        "descriptions": {
            "en": (
                "Made with 100% native Taiwanese pineapple (the Cayenne type, locally called 'tu feng li') and no winter "
                "melon, so the filling is fibrous, tangy and less sweet. The pineapples come from Pingtung and Chiayi. "
                "For people who find regular pineapple cake too sweet."
            ),
            "zh_Hant": "100%使用台灣土鳳梨（開英種），不加冬瓜，內餡帶纖維感、酸香濃郁、甜度較低。鳳梨產自屏東與嘉義。適合覺得一般鳳梨酥太甜的人。",
            "th": (
                "ใช้สับปะรดพันธุ์พื้นเมืองของไต้หวัน (กลุ่มพันธุ์ Cayenne) 100% ไม่ผสมฟักเขียว ไส้จึงมีเส้นใยสับปะรด เปรี้ยวหอมและหวานน้อยกว่า "
                "สับปะรดมาจากผิงตงและเจียอี้ เหมาะกับคนที่คิดว่าขนมพายสับปะรดทั่วไปหวานเกินไป"
            ),
            "ms": (
                "Dibuat dengan 100% nanas asli Taiwan (jenis Cayenne) tanpa kundur, jadi intinya berserat, masam-masam "
                "manis dan kurang manis. Nanas diperoleh dari Pingtung dan Chiayi. Sesuai untuk mereka yang rasa kek "
                "nanas biasa terlalu manis."
            ),
        },
        "variants": [
            {
                "sku": "GPH-NPC-12",
                "labels": {
                    "en": "Box of 12",
                    "zh_Hant": "12 入盒裝",
                    "th": "กล่อง 12 ชิ้น",
                    "ms": "Kotak 12 biji",
                },
                "price_twd": 600,
                "stock": 74,
                "weight_g": 760,
            },
            {
                "sku": "GPH-NPC-24",
                "labels": {
                    "en": "Box of 24",
                    "zh_Hant": "24 入盒裝",
                    "th": "กล่อง 24 ชิ้น",
                    "ms": "Kotak 24 biji",
                },
                "price_twd": 1150,
                "stock": 0,
                "weight_g": 1480,
            },
        ],
        "halal": {"body": "CMA", "number": "CMA-H-113-0086", "expires": "2027-10-31"},
        "exempt": None,
        "hs_code": "190590",
        "origin": "TW",
        "motif": "cake",
    },
    {
        "handle": "pineapple-cake-salted-egg-yolk",
        "vendor": "golden-pineapple",
        "category": "snacks",
        "names": {
            "en": "Pineapple Cake with Salted Egg Yolk",
            "zh_Hant": "鳳黃酥",
            "th": "ขนมพายสับปะรดไข่เค็ม",
            "ms": "Kek Nanas Kuning Telur Masin",
        },
        "descriptions": {
            "en": (
                "Our pineapple filling with a piece of salted duck egg yolk in the centre, balancing sweet and savoury. "
                "Slightly richer than the classic cake and best with unsweetened tea. Individually wrapped; keeps for 21 "
                "days."
            ),
            "zh_Hant": "鳳梨內餡中包入一塊鹹鴨蛋黃，甜鹹平衡。口感比原味更濃郁，搭配無糖茶最合適。單顆包裝，可保存21天。",
            "th": "ไส้สับปะรดของเราสอดไข่แดงเค็มไว้ตรงกลาง ได้รสหวานเค็มลงตัว เข้มข้นกว่ารสดั้งเดิมเล็กน้อย ทานคู่กับชาไม่หวานอร่อยที่สุด ห่อแยกชิ้น เก็บได้ 21 วัน",
            "ms": (
                "Inti nanas kami dengan sekeping kuning telur itik masin di tengah, seimbang antara manis dan masin. "
                "Lebih kaya daripada kek nanas klasik dan paling sesuai dengan teh tanpa gula. Dibungkus berasingan; "
                "tahan 21 hari."
            ),
        },
        "variants": [
            {
                "sku": "GPH-PYC-8",
                "labels": {
                    "en": "Box of 8",
                    "zh_Hant": "8 入盒裝",
                    "th": "กล่อง 8 ชิ้น",
                    "ms": "Kotak 8 biji",
                },
                "price_twd": 440,
                "stock": 38,
                "weight_g": 560,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190590",
        "origin": "TW",
        "motif": "cake",
    },
    {
        "handle": "peanut-milk-nougat",
        "vendor": "golden-pineapple",
        "category": "snacks",
        "names": {
            "en": "Peanut Milk Nougat",
            "zh_Hant": "花生牛軋糖",
            "th": "นูกัตนมถั่วลิสง",
            "ms": "Nougat Susu Kacang Tanah",
        },
        "descriptions": {
            "en": (
                "Soft, milky nougat packed with whole roasted peanuts, cut and wrapped by hand. Chewy without sticking "
                "to your teeth. Contains milk and peanuts; store below 25 °C."
            ),
            "zh_Hant": "香濃奶味牛軋糖拌入整顆烘焙花生，手工切塊包裝。Q軟不黏牙。含牛奶、花生，請存放於25°C以下。",
            "th": "นูกัตนมเนื้อนุ่มใส่ถั่วลิสงคั่วเต็มเม็ด ตัดและห่อด้วยมือ หนึบแต่ไม่ติดฟัน มีส่วนผสมของนมและถั่วลิสง เก็บในที่อุณหภูมิต่ำกว่า 25°C",
            "ms": (
                "Nougat susu yang lembut dengan kacang tanah panggang penuh, dipotong dan dibungkus dengan tangan. "
                "Kenyal tetapi tidak melekat pada gigi. Mengandungi susu dan kacang tanah; simpan di bawah 25°C."
            ),
        },
        "variants": [
            {
                "sku": "GPH-NOUGAT-200",
                "labels": {
                    "en": "200 g bag",
                    "zh_Hant": "200 克袋裝",
                    "th": "ถุง 200 กรัม",
                    "ms": "Beg 200 g",
                },
                "price_twd": 220,
                "stock": 150,
                "weight_g": 240,
            },
            {
                "sku": "GPH-NOUGAT-400",
                "labels": {
                    "en": "400 g gift box",
                    "zh_Hant": "400 克禮盒",
                    "th": "กล่องของขวัญ 400 กรัม",
                    "ms": "Kotak hadiah 400 g",
                },
                "price_twd": 420,
                "stock": 60,
                "weight_g": 520,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "170490",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "scallion-nougat-crackers",
        "vendor": "golden-pineapple",
        "category": "snacks",
        "names": {
            "en": "Scallion Nougat Crackers",
            "zh_Hant": "香蔥牛軋餅",
            "th": "แครกเกอร์ต้นหอมไส้นูกัต",
            "ms": "Biskut Daun Bawang Berinti Nougat",
        },
        "descriptions": {
            "en": (
                "Thin scallion soda crackers sandwiching soft milk nougat, a snack that took off in Taipei bakeries "
                "about a decade ago. Salty, sweet and crisp. Each piece is individually sealed to stay crisp."
            ),
            "zh_Hant": "薄脆蔥香蘇打餅夾入柔軟牛奶牛軋糖，約十年前在台北麵包店爆紅的點心。鹹甜酥脆。每片獨立密封，保持酥脆。",
            "th": "แครกเกอร์โซดาต้นหอมแผ่นบางประกบนูกัตนมนุ่มๆ ขนมที่ดังในร้านเบเกอรี่ไทเปเมื่อราวสิบปีก่อน เค็ม หวาน กรอบ ห่อแยกทุกชิ้นเพื่อคงความกรอบ",
            "ms": (
                "Biskut soda daun bawang yang nipis mengapit nougat susu lembut, snek yang popular di kedai roti Taipei "
                "sejak kira-kira sedekad lalu. Masin, manis dan rangup. Setiap keping dibungkus kedap supaya kekal "
                "rangup."
            ),
        },
        "variants": [
            {
                "sku": "GPH-NCRACK-24",
                "labels": {
                    "en": "Box of 24",
                    "zh_Hant": "24 入盒裝",
                    "th": "กล่อง 24 ชิ้น",
                    "ms": "Kotak 24 keping",
                },
                "price_twd": 280,
                "stock": 88,
                "weight_g": 380,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190590",
        "origin": "TW",
        "motif": "box",
    },
    {
        "handle": "lotus-seed-mooncake",
        "vendor": "golden-pineapple",
        "category": "snacks",
        "names": {
            "en": "Lotus Seed Mooncake with Egg Yolk",
            "zh_Hant": "蓮蓉蛋黃月餅",
            "th": "ขนมไหว้พระจันทร์ไส้เม็ดบัวไข่เค็ม",
            "ms": "Kuih Bulan Biji Teratai Kuning Telur",
        },
        "descriptions": {
            "en": (
                "Cantonese-style mooncakes with a thin baked crust, white lotus seed paste and a salted egg yolk in "
                "each. We make them only for the Mid-Autumn season; this year's batch has sold out and orders reopen in "
                "August. Four mooncakes in a gift tin."
            ),
            "zh_Hant": "廣式月餅，薄皮包入白蓮蓉與鹹蛋黃。僅於中秋節前製作；今年已售完，明年8月重新開放訂購。禮盒鐵罐裝4入。",
            "th": (
                "ขนมไหว้พระจันทร์แบบกวางตุ้ง แป้งบาง ไส้เม็ดบัวกวนสีขาว และไข่แดงเค็มในทุกชิ้น ทำเฉพาะช่วงเทศกาลไหว้พระจันทร์เท่านั้น "
                "ล็อตปีนี้ขายหมดแล้ว จะเปิดรับสั่งอีกครั้งในเดือนสิงหาคม กล่องเหล็กบรรจุ 4 ชิ้น"
            ),
            "ms": (
                "Kuih bulan gaya Kantonis dengan kulit bakar nipis, pes biji teratai putih dan kuning telur masin dalam "
                "setiap biji. Dibuat hanya untuk musim Pesta Kuih Bulan; stok tahun ini sudah habis dan tempahan dibuka "
                "semula pada bulan Ogos. Empat biji dalam tin hadiah."
            ),
        },
        "variants": [
            {
                "sku": "GPH-MOON-4",
                "labels": {
                    "en": "Gift tin of 4",
                    "zh_Hant": "禮盒 4 入",
                    "th": "กล่องของขวัญ 4 ชิ้น",
                    "ms": "Tin hadiah 4 biji",
                },
                "price_twd": 680,
                "stock": 0,
                "weight_g": 820,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190590",
        "origin": "TW",
        "motif": "cake",
    },
    {
        "handle": "savoury-mung-bean-pastry",
        "vendor": "golden-pineapple",
        "category": "snacks",
        "names": {
            "en": "Savoury Mung Bean Pastry with Braised Pork",
            "zh_Hant": "滷肉綠豆椪",
        },
        "descriptions": {
            "en": (
                "The savoury version of lu dou peng: flaky pastry, mung bean paste and a spoonful of soy-braised pork "
                "with fried shallots in the centre. Contains pork. Store in a cool place, eat within 7 days and warm in "
                "the oven before serving."
            ),
            "zh_Hant": "綠豆椪的鹹口味版本：酥皮包綠豆沙，中心加入一匙醬油滷肉與油蔥酥。含豬肉。請置於陰涼處，7天內食用，食用前以烤箱回烤。",
        },
        "variants": [
            {
                "sku": "GPH-SMUNG-6",
                "labels": {
                    "en": "Box of 6",
                    "zh_Hant": "6 入盒裝",
                },
                "price_twd": 480,
                "stock": 5,
                "weight_g": 640,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190590",
        "origin": "TW",
        "motif": "cake",
    },
    {
        "handle": "peanut-brittle",
        "vendor": "golden-pineapple",
        "category": "snacks",
        "names": {
            "en": "Peanut Brittle",
            "zh_Hant": "花生糖",
        },
        "descriptions": {
            "en": (
                "Crunchy peanut brittle made with Yunlin peanuts, maltose and a little sesame, cut into bite-sized bars. "
                "Old-fashioned and not overly sweet. Contains peanuts and sesame."
            ),
            "zh_Hant": "以雲林花生、麥芽糖與少許芝麻熬煮，切成一口大小，香脆不黏牙。古早風味，甜度適中。含花生、芝麻。",
        },
        "variants": [
            {
                "sku": "GPH-BRITTLE-300",
                "labels": {
                    "en": "300 g bag",
                    "zh_Hant": "300 克袋裝",
                },
                "price_twd": 200,
                "stock": 45,
                "weight_g": 340,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "170490",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "peanut-crumble-candy",
        "vendor": "golden-pineapple",
        "category": "snacks",
        "names": {
            "en": "Peanut Crumble Candy",
            "zh_Hant": "花生酥",
            "th": "ขนมถั่วลิสงอัดแบบร่วน",
            "ms": "Manisan Kacang Tanah Rapuh",
        },
        "descriptions": {
            "en": (
                "Finely ground roasted peanuts pressed with sugar into soft, crumbly squares that dissolve on the "
                "tongue. A classic Lunar New Year treat in Taiwan. Eat it over a plate; it is meant to crumble."
            ),
            "zh_Hant": "烘焙花生細磨後與糖壓製成塊，入口即化、鬆酥易碎。台灣過年常見的古早點心。建議拿盤子接著吃，掉屑是正常的。",
            "th": "ถั่วลิสงคั่วบดละเอียดอัดกับน้ำตาลเป็นชิ้นสี่เหลี่ยม เนื้อร่วนละลายในปาก เป็นขนมตรุษจีนคลาสสิกของไต้หวัน แนะนำให้ทานเหนือจาน เพราะจะร่วนเป็นผงตามธรรมชาติ",
            "ms": (
                "Kacang tanah panggang dikisar halus dan dipadatkan bersama gula menjadi kepingan lembut yang rapuh dan "
                "cair di lidah. Manisan klasik Tahun Baru Cina di Taiwan. Makan di atas pinggan kerana ia memang mudah "
                "hancur."
            ),
        },
        "variants": [
            {
                "sku": "GPH-CRUMBLE-250",
                "labels": {
                    "en": "250 g box",
                    "zh_Hant": "250 克盒裝",
                    "th": "กล่อง 250 กรัม",
                    "ms": "Kotak 250 g",
                },
                "price_twd": 180,
                "stock": 70,
                "weight_g": 290,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "170490",
        "origin": "TW",
        "motif": "box",
    },
    {
        "handle": "longan-walnut-cake",
        "vendor": "golden-pineapple",
        "category": "snacks",
        "names": {
            "en": "Longan Walnut Cake",
            "zh_Hant": "桂圓核桃蛋糕",
            "th": "เค้กลำไยวอลนัท",
            "ms": "Kek Longan dan Walnut",
        },
        "descriptions": {
            "en": (
                "A moist, dark loaf cake made with dried longan from Dongshan in Tainan, brown sugar and toasted "
                "walnuts. The longan gives it a smoky, caramel-like sweetness. Sealed whole; keeps for 14 days. Slice "
                "and serve with tea."
            ),
            "zh_Hant": "以台南東山桂圓肉、黑糖與烘烤核桃製成的濕潤蛋糕，桂圓帶來煙燻焦糖般的甜香。整條密封包裝，可保存14天，切片配茶享用。",
            "th": (
                "เค้กเนื้อชุ่มสีเข้ม ทำจากลำไยอบแห้งจากตงซาน เมืองไถหนาน น้ำตาลทรายแดง และวอลนัทอบ "
                "ลำไยให้ความหวานหอมกลิ่นรมควันคล้ายคาราเมล บรรจุทั้งก้อนแบบปิดสนิท เก็บได้ 14 วัน หั่นเป็นชิ้นทานกับชา"
            ),
            "ms": (
                "Kek buku yang lembap dan gelap, dibuat dengan isi longan kering dari Dongshan, Tainan, gula perang dan "
                "walnut panggang. Longan memberikan rasa manis seperti karamel berasap. Dibungkus kedap; tahan 14 hari. "
                "Potong dan hidang bersama teh."
            ),
        },
        "variants": [
            {
                "sku": "GPH-LONGAN-450",
                "labels": {
                    "en": "One 450 g loaf",
                    "zh_Hant": "450 克整條",
                    "th": "เค้ก 1 ก้อน 450 กรัม",
                    "ms": "Sebuku 450 g",
                },
                "price_twd": 360,
                "stock": 22,
                "weight_g": 560,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190590",
        "origin": "TW",
        "motif": "cake",
    },
    {
        "handle": "five-spice-dried-tofu",
        "vendor": "dadaocheng-sauce",
        "category": "snacks",
        "names": {
            "en": "Five-Spice Dried Tofu",
            "zh_Hant": "五香豆干",
        },
        "descriptions": {
            "en": (
                "Firm tofu slowly braised in our black bean soy sauce with star anise and cinnamon, in the Daxi style. "
                "Chewy and savoury; eat it straight from the bag or slice it into stir-fries. Vacuum-packed and "
                "pasteurised; refrigerate after opening."
            ),
            "zh_Hant": (
                "大溪風格，以自家黑豆醬油搭配八角、肉桂慢滷板豆干。口感Q韌、鹹香入味，開袋即食或切絲入菜皆可。"
                "真空包裝並經殺菌，開封後請冷藏。"
            ),
        },
        "variants": [
            {
                "sku": "DSW-TOFU5-300",
                "labels": {
                    "en": "300 g bag",
                    "zh_Hant": "300 克袋裝",
                },
                "price_twd": 150,
                "stock": 60,
                "weight_g": 340,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "210690",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "black-pepper-dried-tofu",
        "vendor": "dadaocheng-sauce",
        "category": "snacks",
        "names": {
            "en": "Black Pepper Dried Tofu",
            "zh_Hant": "黑胡椒豆干",
            "th": "เต้าหู้แห้งพริกไทยดำ",
            "ms": "Tauhu Kering Lada Hitam",
        },
        "descriptions": {
            "en": (
                "Small squares of soy-braised dried tofu tossed with coarsely cracked black pepper. A favourite "
                "road-trip snack in Taiwan, and suitable for vegetarians (contains soy). The pieces are individually "
                "wrapped."
            ),
            "zh_Hant": "醬滷小方塊豆干，裹上粗粒黑胡椒。台灣人出遊必備的零嘴，蛋奶素可食（含黃豆）。單顆包裝。",
            "th": "เต้าหู้แห้งชิ้นเล็กพะโล้ซีอิ๊ว คลุกพริกไทยดำบดหยาบ เป็นของขบเคี้ยวยอดนิยมของคนไต้หวันเวลาเดินทาง ผู้ทานมังสวิรัติทานได้ (มีถั่วเหลือง) ห่อแยกทีละชิ้น",
            "ms": (
                "Kiub tauhu kering yang direneh dalam kicap, digaul dengan lada hitam kasar. Snek kegemaran orang Taiwan "
                "untuk perjalanan jauh, dan sesuai untuk vegetarian (mengandungi soya). Setiap keping dibungkus "
                "berasingan."
            ),
        },
        "variants": [
            {
                "sku": "DSW-TOFUBP-300",
                "labels": {
                    "en": "300 g bag",
                    "zh_Hant": "300 克袋裝",
                    "th": "ถุง 300 กรัม",
                    "ms": "Beg 300 g",
                },
                "price_twd": 150,
                "stock": 4,
                "weight_g": 340,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "210690",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "puffed-rice-bars",
        "vendor": "hsinchu-noodle",
        "category": "snacks",
        "names": {
            "en": "Puffed Rice Bars (Mi Xiang)",
            "zh_Hant": "米香",
            "th": "ข้าวพองอัดแท่ง (หมี่เซียง)",
            "ms": "Bar Bertih Beras (Mi Xiang)",
        },
        "descriptions": {
            "en": (
                "Rice from our own mill is puffed the old way, bound with maltose, peanuts and a touch of brown sugar, "
                "then cut into bars. Light, crunchy and only mildly sweet. Twelve individually wrapped bars."
            ),
            "zh_Hant": "以自家碾製白米爆成米香，拌入麥芽糖、花生與少許黑糖，切成長條。口感輕脆、甜度溫和。一袋12條，單條包裝。",
            "th": "ข้าวจากโรงสีของเราเองนำมาคั่วพองแบบดั้งเดิม แล้วผสมมอลโตส ถั่วลิสง และน้ำตาลทรายแดงเล็กน้อย อัดเป็นแท่ง เบา กรอบ หวานกำลังดี ถุงละ 12 แท่ง ห่อแยกชิ้น",
            "ms": (
                "Beras dari kilang kami sendiri dikembangkan secara tradisional, diikat dengan gula malt, kacang tanah "
                "dan sedikit gula perang, kemudian dipotong menjadi bar. Ringan, rangup dan tidak terlalu manis. 12 bar "
                "yang dibungkus berasingan."
            ),
        },
        "variants": [
            {
                "sku": "HNM-MIXIANG-12",
                "labels": {
                    "en": "Bag of 12 bars",
                    "zh_Hant": "12 條袋裝",
                    "th": "ถุง 12 แท่ง",
                    "ms": "Beg 12 bar",
                },
                "price_twd": 180,
                "stock": 100,
                "weight_g": 320,
            },
        ],
        "halal": {"body": "THIDA", "number": "THIDA-2025-0533", "expires": "2028-01-31"},
        "exempt": None,
        "hs_code": "190410",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "brown-rice-crackers",
        "vendor": "hsinchu-noodle",
        "category": "snacks",
        "names": {
            "en": "Brown Rice Crackers",
            "zh_Hant": "糙米餅",
            "th": "ข้าวกล้องอบกรอบ",
            "ms": "Keropok Beras Perang",
        },
        "descriptions": {
            "en": (
                "Round crackers of puffed Taiwanese brown rice with a light sea-salt seasoning. No frying and no added "
                "sugar, so they make an easy snack for children. Twenty crackers, packed in twos."
            ),
            "zh_Hant": "台灣糙米膨發製成的圓形米餅，僅以少許海鹽調味。不油炸、無添加糖，適合孩子當點心。一袋20片，兩片一小包。",
            "th": (
                "ข้าวเกรียบกลมทำจากข้าวกล้องไต้หวันอบพอง ปรุงรสด้วยเกลือทะเลเล็กน้อย ไม่ทอดและไม่เติมน้ำตาล เป็นของว่างที่ให้เด็กๆ "
                "ทานได้สบายใจ ถุงละ 20 แผ่น แบ่งซองละ 2 แผ่น"
            ),
            "ms": (
                "Keropok bulat daripada beras perang Taiwan yang dikembangkan, diperisakan dengan sedikit garam laut. "
                "Tidak digoreng dan tanpa gula tambahan, sesuai sebagai snek kanak-kanak. 20 keping sebungkus, dua "
                "keping setiap paket."
            ),
        },
        "variants": [
            {
                "sku": "HNM-BRC-20",
                "labels": {
                    "en": "Bag of 20",
                    "zh_Hant": "20 片袋裝",
                    "th": "ถุง 20 แผ่น",
                    "ms": "Beg 20 keping",
                },
                "price_twd": 160,
                "stock": 85,
                "weight_g": 260,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190410",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "garlic-peanuts",
        "vendor": "pingtung-farm",
        "category": "snacks",
        "names": {
            "en": "Garlic Roasted Peanuts",
            "zh_Hant": "蒜味花生",
            "th": "ถั่วลิสงคั่วกระเทียม",
            "ms": "Kacang Tanah Panggang Bawang Putih",
        },
        "descriptions": {
            "en": (
                "Red-skinned peanuts grown in southern Taiwan, slow-roasted with sliced garlic and sea salt until "
                "crunchy. The crisp garlic chips are half the fun. Contains peanuts; reseal the bag after opening."
            ),
            "zh_Hant": "南台灣種植的紅皮花生，與蒜片、海鹽一同慢火烘焙至酥脆，香脆蒜片也一起吃。含花生，開封後請密封保存。",
            "th": "ถั่วลิสงเยื่อแดงที่ปลูกทางใต้ของไต้หวัน คั่วไฟอ่อนกับกระเทียมฝานและเกลือทะเลจนกรอบ กระเทียมกรอบในถุงก็อร่อยไม่แพ้ถั่ว มีถั่วลิสง ปิดถุงให้สนิทหลังเปิด",
            "ms": (
                "Kacang tanah berkulit merah dari selatan Taiwan, dipanggang perlahan bersama hirisan bawang putih dan "
                "garam laut hingga rangup. Hirisan bawang putih rangup itu pun sedap dimakan. Mengandungi kacang tanah; "
                "tutup rapat beg selepas dibuka."
            ),
        },
        "variants": [
            {
                "sku": "PSF-PEANUT-300",
                "labels": {
                    "en": "300 g bag",
                    "zh_Hant": "300 克袋裝",
                    "th": "ถุง 300 กรัม",
                    "ms": "Beg 300 g",
                },
                "price_twd": 150,
                "stock": 140,
                "weight_g": 330,
            },
            {
                "sku": "PSF-PEANUT-600",
                "labels": {
                    "en": "600 g bag",
                    "zh_Hant": "600 克袋裝",
                    "th": "ถุง 600 กรัม",
                    "ms": "Beg 600 g",
                },
                "price_twd": 280,
                "stock": 60,
                "weight_g": 640,
            },
        ],
        "halal": {"body": "TW-HALAL-NET", "number": "TWHN-2024-1187", "expires": "2027-12-31"},
        "exempt": None,
        "hs_code": "200811",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "sweet-potato-chips",
        "vendor": "pingtung-farm",
        "category": "snacks",
        "names": {
            "en": "Sweet Potato Chips",
            "zh_Hant": "地瓜脆片",
            "th": "มันหวานอบกรอบ",
            "ms": "Kerepek Ubi Keledek",
        },
        "descriptions": {
            "en": (
                "Thin slices of Tainung No. 57, the yellow-fleshed sweet potato grown across southern Taiwan, "
                "vacuum-fried at low temperature. Naturally sweet and crisp with no added flavouring. Resealable bag."
            ),
            "zh_Hant": "選用南台灣普遍種植的黃肉台農57號地瓜，切薄片後低溫真空油炸。天然香甜酥脆，無添加調味。夾鏈袋包裝。",
            "th": "มันหวานพันธุ์ไถหนง 57 เนื้อสีเหลืองที่ปลูกทั่วภาคใต้ของไต้หวัน หั่นบางแล้วทอดสุญญากาศที่อุณหภูมิต่ำ หวานกรอบตามธรรมชาติ ไม่ปรุงรสเพิ่ม บรรจุถุงซิปล็อก",
            "ms": (
                "Hirisan nipis ubi keledek Tainung No. 57, jenis isi kuning yang ditanam di seluruh selatan Taiwan, "
                "digoreng secara vakum pada suhu rendah. Manis dan rangup secara semula jadi tanpa perisa tambahan. Beg "
                "boleh ditutup semula."
            ),
        },
        "variants": [
            {
                "sku": "PSF-SPCHIP-150",
                "labels": {
                    "en": "150 g bag",
                    "zh_Hant": "150 克袋裝",
                    "th": "ถุง 150 กรัม",
                    "ms": "Beg 150 g",
                },
                "price_twd": 160,
                "stock": 110,
                "weight_g": 190,
            },
        ],
        "halal": {"body": "THIDA", "number": "THIDA-2025-0671", "expires": "2028-03-31"},
        "exempt": None,
        "hs_code": "200899",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "banana-chips",
        "vendor": "pingtung-farm",
        "category": "snacks",
        "names": {
            "en": "Pingtung Banana Chips",
            "zh_Hant": "屏東香蕉脆片",
            "th": "กล้วยอบกรอบผิงตง",
            "ms": "Kerepek Pisang Pingtung",
        },
        "descriptions": {
            "en": (
                "Pingtung bananas sliced and vacuum-fried, so they stay pale, crisp and full of banana flavour rather "
                "than hard and sugary. A small amount of cane sugar is added. Resealable bag."
            ),
            "zh_Hant": "屏東香蕉切片後真空低溫油炸，色澤淡雅、酥脆且保有香蕉原味，不像一般香蕉片那樣硬甜。僅添加少量蔗糖。夾鏈袋包裝。",
            "th": "กล้วยผิงตงหั่นแว่นแล้วทอดแบบสุญญากาศ สีจึงอ่อน กรอบ และหอมกล้วยชัด ไม่แข็งหรือหวานจัด เติมน้ำตาลอ้อยเพียงเล็กน้อย บรรจุถุงซิปล็อก",
            "ms": (
                "Pisang Pingtung dihiris dan digoreng secara vakum, jadi ia kekal cerah, rangup dan penuh rasa pisang, "
                "bukan keras dan bergula. Ditambah sedikit gula tebu. Beg boleh ditutup semula."
            ),
        },
        "variants": [
            {
                "sku": "PSF-BANCHIP-150",
                "labels": {
                    "en": "150 g bag",
                    "zh_Hant": "150 克袋裝",
                    "th": "ถุง 150 กรัม",
                    "ms": "Beg 150 g",
                },
                "price_twd": 150,
                "stock": 95,
                "weight_g": 190,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "200899",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "pingtung-dark-chocolate-70",
        "vendor": "pingtung-farm",
        "category": "snacks",
        "names": {
            "en": "Pingtung Cocoa 70% Dark Chocolate",
            "zh_Hant": "屏東可可 70% 黑巧克力",
            "th": "ช็อกโกแลตดาร์ก 70% จากโกโก้ผิงตง",
            "ms": "Coklat Gelap 70% Koko Pingtung",
        },
        "descriptions": {
            "en": (
                "Pingtung is Taiwan's cocoa-growing region, and this bar is made bean to bar from pods grown by "
                "neighbouring farms in Neipu. Expect red-fruit acidity and a hint of brown sugar. 70% cocoa; keep below "
                "20 °C."
            ),
            "zh_Hant": (
                "屏東是台灣的可可產地，這款巧克力使用內埔鄰近農友種植的可可豆，從豆到片自行製作。"
                "帶紅色莓果酸香與淡淡黑糖味。可可含量70%，請存放於20°C以下。"
            ),
            "th": (
                "ผิงตงเป็นแหล่งปลูกโกโก้ของไต้หวัน ช็อกโกแลตแท่งนี้ทำแบบ bean to bar จากฝักโกโก้ของเกษตรกรเพื่อนบ้านในเน่ยผู่ "
                "มีความเปรี้ยวแบบผลไม้สีแดงและกลิ่นน้ำตาลทรายแดงอ่อนๆ โกโก้ 70% เก็บที่อุณหภูมิต่ำกว่า 20°C"
            ),
            "ms": (
                "Pingtung ialah kawasan penanaman koko di Taiwan, dan coklat ini dibuat dari biji ke bar menggunakan "
                "buah koko dari ladang jiran di Neipu. Rasanya sedikit masam seperti buah beri merah dengan nota gula "
                "perang. 70% koko; simpan di bawah 20°C."
            ),
        },
        "variants": [
            {
                "sku": "PSF-COCOA-80",
                "labels": {
                    "en": "80 g bar",
                    "zh_Hant": "80 克片裝",
                    "th": "แท่ง 80 กรัม",
                    "ms": "Bar 80 g",
                },
                "price_twd": 280,
                "stock": 2,
                "weight_g": 110,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "180632",
        "origin": "TW",
        "motif": "box",
    },
    # --- sauces-condiments -------------------------------------------
    {
        "handle": "black-bean-soy-sauce",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Black Bean Soy Sauce",
            "zh_Hant": "黑豆醬油",
            "th": "ซีอิ๊วถั่วดำ",
            "ms": "Kicap Kacang Hitam",
        },
        "descriptions": {
            "en": (
                "Brewed from Taiwanese black beans, salt and water, and fermented in clay jars in the sun for 120 days "
                "in the traditional way. Rounder and less salty than wheat-based soy sauce, with a natural sweetness. "
                "Use it for braising, dipping and drizzling over rice."
            ),
            "zh_Hant": "以台灣黑豆、鹽與水釀造，依傳統蔭油工法於陶甕中日曬發酵120天。比小麥醬油更圓潤、鹹度較低，帶天然甘甜。適合滷、沾、拌飯。",
            "th": (
                "หมักจากถั่วดำไต้หวัน เกลือ และน้ำ ในโอ่งดินเผาตากแดดนาน 120 วันตามวิธีดั้งเดิม รสกลมกล่อมและเค็มน้อยกว่าซีอิ๊วที่ทำจากข้าวสาลี "
                "มีความหวานตามธรรมชาติ ใช้ตุ๋น จิ้ม หรือราดข้าวก็อร่อย"
            ),
            "ms": (
                "Dibancuh daripada kacang hitam Taiwan, garam dan air, lalu ditapai dalam tempayan tanah liat di bawah "
                "matahari selama 120 hari secara tradisional. Lebih lembut dan kurang masin berbanding kicap berasaskan "
                "gandum, dengan rasa manis semula jadi. Sesuai untuk masakan rebus, cicahan dan digaul dengan nasi."
            ),
        },
        "variants": [
            {
                "sku": "DSW-BBSOY-500",
                "labels": {
                    "en": "500 ml bottle",
                    "zh_Hant": "500 毫升瓶裝",
                    "th": "ขวด 500 มล.",
                    "ms": "Botol 500 ml",
                },
                "price_twd": 180,
                "stock": 160,
                "weight_g": 820,
            },
            {
                "sku": "DSW-BBSOY-500X2",
                "labels": {
                    "en": "Two 500 ml bottles",
                    "zh_Hant": "500 毫升 ×2 瓶",
                    "th": "ขวด 500 มล. 2 ขวด",
                    "ms": "2 botol × 500 ml",
                },
                "price_twd": 340,
                "stock": 70,
                "weight_g": 1640,
            },
        ],
        "halal": {"body": "THIDA", "number": "THIDA-2024-0139", "expires": "2027-02-28"},
        "exempt": None,
        "hs_code": "210310",
        "origin": "TW",
        "motif": "bottle",
    },
    {
        "handle": "thick-soy-sauce-paste",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Thick Soy Sauce Paste",
            "zh_Hant": "醬油膏",
            "th": "ซอสซีอิ๊วข้น",
            "ms": "Kicap Pekat",
        },
        "descriptions": {
            "en": (
                "Black bean soy sauce thickened with glutinous rice starch and a little sugar into a glossy paste. It is "
                "the classic Taiwanese dip for blanched vegetables, dumplings and zongzi. Refrigerate after opening."
            ),
            "zh_Hant": "黑豆醬油加入糯米粉與少許糖熬成濃稠醬油膏，色澤光亮。燙青菜、水餃、肉粽的經典沾醬。開封後請冷藏。",
            "th": "ซีอิ๊วถั่วดำเคี่ยวกับแป้งข้าวเหนียวและน้ำตาลเล็กน้อยจนข้นเงา เป็นน้ำจิ้มคลาสสิกของไต้หวันสำหรับผักลวก เกี๊ยวซ่า และบ๊ะจ่าง เปิดแล้วเก็บในตู้เย็น",
            "ms": (
                "Kicap kacang hitam dipekatkan dengan kanji pulut dan sedikit gula menjadi pes berkilat. Cicahan klasik "
                "Taiwan untuk sayur celur, ladu dan bakcang. Simpan dalam peti sejuk selepas dibuka."
            ),
        },
        "variants": [
            {
                "sku": "DSW-SOYPASTE-420",
                "labels": {
                    "en": "420 ml bottle",
                    "zh_Hant": "420 毫升瓶裝",
                    "th": "ขวด 420 มล.",
                    "ms": "Botol 420 ml",
                },
                "price_twd": 160,
                "stock": 120,
                "weight_g": 720,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "210310",
        "origin": "TW",
        "motif": "bottle",
    },
    {
        "handle": "low-sodium-soy-sauce",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Low-Sodium Soy Sauce",
            "zh_Hant": "薄鹽醬油",
            "th": "ซีอิ๊วสูตรโซเดียมต่ำ",
            "ms": "Kicap Rendah Natrium",
        },
        "descriptions": {
            "en": (
                "Naturally brewed from soybeans and wheat, with about 30% less sodium than our regular soy sauce. A "
                "light, clean flavour for everyday cooking, stir-frying and dressing cold tofu. Contains soy and wheat."
            ),
            "zh_Hant": "以黃豆與小麥天然釀造，鈉含量較本店一般醬油減少約30%。風味清爽，適合日常料理、炒菜與涼拌豆腐。含大豆、小麥。",
            "th": "หมักตามธรรมชาติจากถั่วเหลืองและข้าวสาลี โซเดียมน้อยกว่าซีอิ๊วปกติของเราราว 30% รสเบาสะอาด ใช้ทำอาหารประจำวัน ผัด หรือราดเต้าหู้เย็น มีถั่วเหลืองและข้าวสาลี",
            "ms": (
                "Dibancuh secara semula jadi daripada kacang soya dan gandum, dengan kira-kira 30% kurang natrium "
                "berbanding kicap biasa kami. Rasa ringan untuk masakan harian, tumisan dan kuah tauhu sejuk. "
                "Mengandungi soya dan gandum."
            ),
        },
        "variants": [
            {
                "sku": "DSW-LSSOY-500",
                "labels": {
                    "en": "500 ml bottle",
                    "zh_Hant": "500 毫升瓶裝",
                    "th": "ขวด 500 มล.",
                    "ms": "Botol 500 ml",
                },
                "price_twd": 200,
                "stock": 90,
                "weight_g": 820,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "210310",
        "origin": "TW",
        "motif": "bottle",
    },
    {
        "handle": "shacha-sauce",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Shacha Sauce",
            "zh_Hant": "沙茶醬",
            "th": "ซอสซาชา",
            "ms": "Sos Shacha",
        },
        "descriptions": {
            "en": (
                "Taiwan's favourite hot pot sauce: a rich, grainy paste of dried flounder, dried shrimp, garlic, "
                "shallots, chilli and spices cooked in soybean oil. Mix it with egg yolk and soy sauce for a hot pot "
                "dip, or stir-fry it with beef and water spinach. Contains fish, shellfish and soy."
            ),
            "zh_Hant": (
                "台灣人吃火鍋必備：以扁魚、蝦米、蒜頭、紅蔥頭、辣椒與香料在黃豆油中熬製，香濃有顆粒感。"
                "加蛋黃與醬油調成火鍋沾醬，或用來炒沙茶牛肉、空心菜。含魚類、甲殼類、大豆。"
            ),
            "th": (
                "ซอสคู่หม้อไฟของคนไต้หวัน เป็นซอสข้นมีเนื้อ ทำจากปลาแบนแห้ง กุ้งแห้ง กระเทียม หอมแดง พริก และเครื่องเทศเคี่ยวในน้ำมันถั่วเหลือง "
                "ผสมไข่แดงกับซีอิ๊วเป็นน้ำจิ้มสุกี้ หรือใช้ผัดเนื้อกับผักบุ้ง มีปลา สัตว์น้ำมีเปลือก และถั่วเหลือง"
            ),
            "ms": (
                "Sos steamboat kegemaran Taiwan: pes pekat berbutir daripada ikan sebelah kering, udang kering, bawang "
                "putih, bawang merah, cili dan rempah yang dimasak dalam minyak kacang soya. Campur dengan kuning telur "
                "dan kicap sebagai cicahan steamboat, atau tumis bersama daging lembu dan kangkung. Mengandungi ikan, "
                "krustasia dan soya."
            ),
        },
        "variants": [
            {
                "sku": "DSW-SHACHA-250",
                "labels": {
                    "en": "250 g jar",
                    "zh_Hant": "250 克罐裝",
                    "th": "กระปุก 250 กรัม",
                    "ms": "Balang 250 g",
                },
                "price_twd": 150,
                "stock": 130,
                "weight_g": 420,
            },
            {
                "sku": "DSW-SHACHA-250X3",
                "labels": {
                    "en": "Pack of 3 jars",
                    "zh_Hant": "3 罐組",
                    "th": "แพ็ก 3 กระปุก",
                    "ms": "Pek 3 balang",
                },
                "price_twd": 420,
                "stock": 40,
                "weight_g": 1250,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "210390",
        "origin": "TW",
        "motif": "jar",
    },
    {
        "handle": "chili-crisp-oil",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Chili Crisp Oil",
            "zh_Hant": "香辣脆油",
            "th": "น้ำมันพริกกรอบ",
            "ms": "Minyak Cili Rangup",
        },
        "descriptions": {
            "en": (
                "Sichuan and Taiwanese chillies fried in sesame-rich oil with crispy garlic, fermented black beans and "
                "Sichuan peppercorns. More fragrant than fiery. Spoon it over dumplings, noodles, eggs or rice; "
                "refrigerate after opening."
            ),
            "zh_Hant": "以四川與台灣辣椒，加上酥脆蒜粒、豆豉與花椒，在香麻油中炸製。香氣大於辣度。可淋在水餃、麵、蛋或白飯上，開封後請冷藏。",
            "th": "พริกเสฉวนและพริกไต้หวันทอดในน้ำมันงา พร้อมกระเทียมกรอบ เต้าซี่ และฮวาเจียว หอมมากกว่าเผ็ด ตักราดเกี๊ยว บะหมี่ ไข่ หรือข้าวสวยก็อร่อย เปิดแล้วเก็บในตู้เย็น",
            "ms": (
                "Cili Sichuan dan Taiwan digoreng dalam minyak bijan bersama bawang putih rangup, kacang hitam masin dan "
                "lada Sichuan. Lebih harum daripada pedas. Sudukan ke atas ladu, mi, telur atau nasi; simpan dalam peti "
                "sejuk selepas dibuka."
            ),
        },
        "variants": [
            {
                "sku": "DSW-CHILIOIL-200",
                "labels": {
                    "en": "200 ml jar",
                    "zh_Hant": "200 毫升罐裝",
                    "th": "กระปุก 200 มล.",
                    "ms": "Balang 200 ml",
                },
                "price_twd": 220,
                "stock": 75,
                "weight_g": 420,
            },
        ],
        "halal": {"body": "THIDA", "number": "THIDA-2023-0466", "expires": "2025-09-30"},
        "exempt": None,
        "hs_code": "210390",
        "origin": "TW",
        "motif": "jar",
    },
    {
        "handle": "gangshan-spicy-bean-paste",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Gangshan Spicy Bean Paste",
            "zh_Hant": "岡山辣豆瓣醬",
            "th": "เต้าเจี้ยวเผ็ดกังซาน",
            "ms": "Pes Kacang Pedas Gangshan",
        },
        "descriptions": {
            "en": (
                "Gangshan in Kaohsiung is famous for its bean paste, and this one is fermented from broad beans, "
                "soybeans and chilli for us by a Gangshan workshop. Salty, spicy and deeply savoury, it is the base of "
                "Taiwanese beef noodle soup and mapo tofu. Refrigerate after opening."
            ),
            "zh_Hant": "高雄岡山以豆瓣醬聞名，本品由岡山老醬坊以蠶豆、黃豆與辣椒發酵製成。鹹辣醇厚，是紅燒牛肉麵與麻婆豆腐的靈魂。開封後請冷藏。",
            "th": (
                "กังซาน เมืองเกาสง ขึ้นชื่อเรื่องเต้าเจี้ยวเผ็ด กระปุกนี้หมักจากถั่วปากอ้า ถั่วเหลือง และพริก โดยโรงหมักในกังซาน รสเค็ม เผ็ด "
                "และกลมกล่อม เป็นหัวใจของบะหมี่เนื้อตุ๋นไต้หวันและเต้าหู้หมาโผ เปิดแล้วเก็บในตู้เย็น"
            ),
            "ms": (
                "Gangshan di Kaohsiung terkenal dengan pes kacangnya, dan balang ini ditapai daripada kacang parang, "
                "kacang soya dan cili oleh sebuah bengkel di Gangshan. Masin, pedas dan kaya rasa, ia asas mi sup daging "
                "lembu Taiwan dan tauhu mapo. Simpan dalam peti sejuk selepas dibuka."
            ),
        },
        "variants": [
            {
                "sku": "DSW-DOUBAN-460",
                "labels": {
                    "en": "460 g jar",
                    "zh_Hant": "460 克罐裝",
                    "th": "กระปุก 460 กรัม",
                    "ms": "Balang 460 g",
                },
                "price_twd": 170,
                "stock": 65,
                "weight_g": 720,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "210390",
        "origin": "TW",
        "motif": "jar",
    },
    {
        "handle": "taiwanese-sweet-chili-sauce",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Taiwanese Sweet Chili Sauce",
            "zh_Hant": "台式甜辣醬",
            "th": "ซอสหวานเผ็ดสไตล์ไต้หวัน",
            "ms": "Sos Cili Manis Taiwan",
        },
        "descriptions": {
            "en": (
                "The thick, sweet and mild chilli sauce poured over Taiwanese tempura (tianbula), fish cakes and fried "
                "tofu at night markets. Made with chilli, rice vinegar, sugar, garlic and a little soy paste. Thicker "
                "and less sharp than Thai sweet chilli sauce."
            ),
            "zh_Hant": "夜市甜不辣、黑輪、炸豆腐上淋的那種濃稠甜辣醬。以辣椒、米醋、糖、蒜與少許醬油膏調製。比泰式甜辣醬更濃稠、酸度更低。",
            "th": (
                "ซอสหวานเผ็ดเนื้อข้นที่ราดบนเทียนปู้ล่า (ลูกชิ้นปลาทอด) โอเด้ง และเต้าหู้ทอดในตลาดกลางคืนไต้หวัน ทำจากพริก น้ำส้มสายชูหมักจากข้าว "
                "น้ำตาล กระเทียม และซีอิ๊วข้นเล็กน้อย ข้นกว่าและเปรี้ยวน้อยกว่าน้ำจิ้มไก่แบบไทย"
            ),
            "ms": (
                "Sos cili pekat yang manis dan tidak terlalu pedas, dituang ke atas tempura Taiwan (tianbula), kek ikan "
                "dan tauhu goreng di pasar malam. Dibuat daripada cili, cuka beras, gula, bawang putih dan sedikit kicap "
                "pekat. Lebih pekat dan kurang masam berbanding sos cili Thai."
            ),
        },
        "variants": [
            {
                "sku": "DSW-SWCHILI-500",
                "labels": {
                    "en": "500 g bottle",
                    "zh_Hant": "500 克瓶裝",
                    "th": "ขวด 500 กรัม",
                    "ms": "Botol 500 g",
                },
                "price_twd": 120,
                "stock": 140,
                "weight_g": 640,
            },
        ],
        "halal": {"body": "THIDA", "number": "THIDA-2025-0298", "expires": "2027-09-30"},
        "exempt": None,
        "hs_code": "210390",
        "origin": "TW",
        "motif": "bottle",
    },
    {
        "handle": "fermented-bean-curd-rice-wine",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Fermented Bean Curd with Rice Wine",
            "zh_Hant": "米釀豆腐乳",
            "th": "เต้าหู้ยี้หมักข้าว",
            "ms": "Tauhu Jeruk Beras",
        },
        "descriptions": {
            "en": (
                "Cubes of firm tofu fermented with rice koji and a little rice wine, then aged in jars with sesame oil. "
                "Creamy, salty and slightly sweet: eat a small piece with plain congee, or mash it into stir-fried water "
                "spinach. Contains alcohol from fermentation."
            ),
            "zh_Hant": "板豆腐以米麴與少許米酒發酵，再加入麻油入甕熟成。口感綿密、鹹中帶甘，配白粥吃一小塊，或壓碎炒空心菜都好吃。含發酵產生之酒精。",
            "th": (
                "เต้าหู้แข็งหมักกับโคจิข้าวและเหล้าข้าวเล็กน้อย แล้วบ่มในโหลกับน้ำมันงา เนื้อเนียน เค็มปนหวานเล็กน้อย ทานชิ้นเล็กๆ กับข้าวต้ม "
                "หรือบดใส่ผัดผักบุ้งก็อร่อย มีแอลกอฮอล์จากการหมัก"
            ),
            "ms": (
                "Kiub tauhu padat ditapai dengan koji beras dan sedikit wain beras, kemudian diperam dalam balang "
                "bersama minyak bijan. Lembut berkrim, masin dan sedikit manis; makan sedikit bersama bubur kosong, atau "
                "lenyek dan tumis dengan kangkung. Mengandungi alkohol hasil penapaian."
            ),
        },
        "variants": [
            {
                "sku": "DSW-FBC-380",
                "labels": {
                    "en": "380 g jar",
                    "zh_Hant": "380 克罐裝",
                    "th": "กระปุก 380 กรัม",
                    "ms": "Balang 380 g",
                },
                "price_twd": 180,
                "stock": 48,
                "weight_g": 640,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "210690",
        "origin": "TW",
        "motif": "jar",
    },
    {
        "handle": "taiwanese-black-vinegar",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Taiwanese Black Vinegar (Wu Cu)",
            "zh_Hant": "烏醋",
        },
        "descriptions": {
            "en": (
                "Taiwanese-style black vinegar: rice vinegar simmered with vegetables, fruit and spices into a dark, "
                "mellow and lightly sweet seasoning. A splash finishes thick soups, fried noodles and dumplings. Much "
                "gentler than white vinegar."
            ),
            "zh_Hant": "台式烏醋以米醋加入蔬果與辛香料熬煮而成，色深、醋味溫和帶淡淡甘甜。羹湯、炒麵、水餃起鍋前淋一點最對味。酸度比白醋柔和許多。",
        },
        "variants": [
            {
                "sku": "DSW-VINEGAR-600",
                "labels": {
                    "en": "600 ml bottle",
                    "zh_Hant": "600 毫升瓶裝",
                },
                "price_twd": 140,
                "stock": 85,
                "weight_g": 950,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "220900",
        "origin": "TW",
        "motif": "bottle",
    },
    {
        "handle": "pure-black-sesame-oil",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Pure Black Sesame Oil",
            "zh_Hant": "純黑麻油",
            "th": "น้ำมันงาดำบริสุทธิ์",
            "ms": "Minyak Bijan Hitam Tulen",
        },
        "descriptions": {
            "en": (
                "Pressed from deeply roasted black sesame seeds, with nothing blended in. It is the oil for Taiwanese "
                "sesame oil chicken and the ginger dishes eaten in winter and after childbirth. Strong and nutty, so a "
                "little goes a long way."
            ),
            "zh_Hant": "以深焙黑芝麻壓榨，不混摻其他油品。麻油雞、薑母鴨等冬季與坐月子料理必備。香氣濃郁，少量即可。",
            "th": "บีบจากงาดำคั่วเข้ม ไม่ผสมน้ำมันอื่น เป็นน้ำมันหลักของไก่น้ำมันงาแบบไต้หวัน และเมนูขิงที่นิยมทานหน้าหนาวหรือช่วงอยู่ไฟหลังคลอด กลิ่นหอมแรง ใช้นิดเดียวก็พอ",
            "ms": (
                "Diperah daripada bijan hitam yang dipanggang gelap, tanpa campuran minyak lain. Minyak utama untuk ayam "
                "minyak bijan Taiwan dan masakan halia pada musim sejuk atau semasa berpantang selepas bersalin. "
                "Aromanya kuat, jadi sedikit sahaja sudah cukup."
            ),
        },
        "variants": [
            {
                "sku": "DSW-SESOIL-520",
                "labels": {
                    "en": "520 ml bottle",
                    "zh_Hant": "520 毫升瓶裝",
                    "th": "ขวด 520 มล.",
                    "ms": "Botol 520 ml",
                },
                "price_twd": 390,
                "stock": 33,
                "weight_g": 900,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "151550",
        "origin": "TW",
        "motif": "bottle",
    },
    {
        "handle": "fried-shallots",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Fried Shallots",
            "zh_Hant": "油蔥酥",
        },
        "descriptions": {
            "en": (
                "Red shallots sliced thin and fried slowly in soybean oil until golden, the essential topping for "
                "braised pork rice, rice noodles and blanched greens. Packed with some of the fragrant frying oil. Keep "
                "in the fridge after opening."
            ),
            "zh_Hant": "紅蔥頭切薄片，以黃豆油慢火炸至金黃，是滷肉飯、米粉、燙青菜不可少的提味配料。連同香氣十足的炸油一起裝罐。開封後請冷藏。",
        },
        "variants": [
            {
                "sku": "DSW-SHALLOT-300",
                "labels": {
                    "en": "300 g jar",
                    "zh_Hant": "300 克罐裝",
                },
                "price_twd": 200,
                "stock": 58,
                "weight_g": 480,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "200599",
        "origin": "TW",
        "motif": "jar",
    },
    {
        "handle": "five-spice-powder",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Five-Spice Powder",
            "zh_Hant": "五香粉",
            "th": "ผงพะโล้",
            "ms": "Serbuk Lima Rempah",
        },
        "descriptions": {
            "en": (
                "Our own blend of star anise, cinnamon, fennel, clove and Sichuan pepper, ground in small batches. Use "
                "it in braised pork, fried chicken marinades and tea eggs. Resealable pouch."
            ),
            "zh_Hant": "自家調配八角、肉桂、小茴香、丁香與花椒，小量研磨。可用於滷肉、炸雞醃料與茶葉蛋。夾鏈袋包裝。",
            "th": "สูตรผสมของเราเอง ได้แก่ โป๊ยกั๊ก อบเชย เทียนข้าวเปลือก กานพลู และฮวาเจียว บดทีละน้อย ใช้ทำหมูพะโล้ หมักไก่ทอด หรือไข่ต้มใบชา บรรจุซองซิปล็อก",
            "ms": (
                "Campuran kami sendiri daripada bunga lawang, kayu manis, jintan manis, cengkih dan lada Sichuan, "
                "dikisar sedikit demi sedikit. Gunakan untuk daging rebus, perapan ayam goreng dan telur teh. Paket "
                "boleh ditutup semula."
            ),
        },
        "variants": [
            {
                "sku": "DSW-5SPICE-50",
                "labels": {
                    "en": "50 g pouch",
                    "zh_Hant": "50 克夾鏈袋",
                    "th": "ซอง 50 กรัม",
                    "ms": "Paket 50 g",
                },
                "price_twd": 90,
                "stock": 200,
                "weight_g": 80,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "091091",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "pepper-salt-seasoning",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Pepper Salt Seasoning",
            "zh_Hant": "胡椒鹽",
            "th": "ผงเกลือพริกไทยสไตล์ไต้หวัน",
            "ms": "Perasa Garam Lada",
        },
        "descriptions": {
            "en": (
                "The seasoning shaken over popcorn chicken and fried snacks at every Taiwanese fried chicken stand. "
                "White pepper and sea salt with a little five-spice and licorice powder. Comes in a shaker bottle."
            ),
            "zh_Hant": "鹹酥雞攤必備的胡椒鹽：白胡椒、海鹽，加上少許五香粉與甘草粉。撒罐包裝。",
            "th": "ผงโรยไก่ป๊อปและของทอดที่ทุกร้านไก่ทอดในไต้หวันต้องมี ทำจากพริกไทยขาวและเกลือทะเล ผสมผงพะโล้และชะเอมเทศเล็กน้อย บรรจุขวดแบบโรย",
            "ms": (
                "Perasa yang ditabur ke atas ayam popcorn dan gorengan di setiap gerai ayam goreng di Taiwan. Lada putih "
                "dan garam laut dengan sedikit serbuk lima rempah dan akar manis. Dalam botol tabur."
            ),
        },
        "variants": [
            {
                "sku": "DSW-PEPSALT-120",
                "labels": {
                    "en": "120 g shaker",
                    "zh_Hant": "120 克撒罐",
                    "th": "ขวดโรย 120 กรัม",
                    "ms": "Botol tabur 120 g",
                },
                "price_twd": 80,
                "stock": 180,
                "weight_g": 160,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "210390",
        "origin": "TW",
        "motif": "bottle",
    },
    {
        "handle": "mushroom-vegetarian-oyster-sauce",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Mushroom Vegetarian Stir-Fry Sauce",
            "zh_Hant": "香菇素蠔油",
            "th": "ซอสหอยนางรมเจเห็ดหอม",
            "ms": "Sos Tiram Vegetarian Cendawan",
        },
        "descriptions": {
            "en": (
                "A vegetarian alternative to oyster sauce, made from shiitake mushroom extract, soy sauce and sugar. "
                "Rich and savoury for stir-fried greens, noodles and braises. Suitable for vegetarians."
            ),
            "zh_Hant": "以香菇萃取液、醬油與糖製成的素食蠔油。鮮味濃郁，適合炒青菜、拌麵與紅燒。素食可用。",
            "th": "ซอสปรุงรสแทนซอสหอยนางรม ทำจากน้ำสกัดเห็ดหอม ซีอิ๊ว และน้ำตาล รสกลมกล่อมเข้มข้น ใช้ผัดผัก คลุกบะหมี่ หรือตุ๋น ผู้ทานมังสวิรัติทานได้",
            "ms": (
                "Alternatif vegetarian kepada sos tiram, dibuat daripada ekstrak cendawan shiitake, kicap dan gula. Kaya "
                "rasa untuk tumis sayur, mi dan masakan rebus. Sesuai untuk vegetarian."
            ),
        },
        "variants": [
            {
                "sku": "DSW-VEGOYS-510",
                "labels": {
                    "en": "510 g bottle",
                    "zh_Hant": "510 克瓶裝",
                    "th": "ขวด 510 กรัม",
                    "ms": "Botol 510 g",
                },
                "price_twd": 150,
                "stock": 100,
                "weight_g": 780,
            },
        ],
        "halal": {"body": "CMA", "number": "CMA-H-114-0021", "expires": "2028-05-31"},
        "exempt": None,
        "hs_code": "210390",
        "origin": "TW",
        "motif": "bottle",
    },
    {
        "handle": "soy-pickled-cucumbers",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Soy-Pickled Crunchy Cucumbers",
            "zh_Hant": "脆瓜",
        },
        "descriptions": {
            "en": (
                "Small cucumbers pickled in soy sauce, sugar and licorice, the classic side dish for rice congee at a "
                "Taiwanese breakfast. Crunchy, sweet and salty. Three 170 g cans."
            ),
            "zh_Hant": "小黃瓜以醬油、糖與甘草醃漬，是台式早餐配稀飯的經典小菜。爽脆、鹹中帶甜。170克罐裝，三入。",
        },
        "variants": [
            {
                "sku": "DSW-CUKE-3",
                "labels": {
                    "en": "3 × 170 g cans",
                    "zh_Hant": "170 克 ×3 罐",
                },
                "price_twd": 150,
                "stock": 120,
                "weight_g": 680,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "200599",
        "origin": "TW",
        "motif": "jar",
    },
    {
        "handle": "pickled-cordia-seeds",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Pickled Cordia Seeds (Po Bu Zi)",
            "zh_Hant": "破布子",
        },
        "descriptions": {
            "en": (
                "Cordia fruits from southern Taiwan, boiled and preserved in soy sauce and sugar. Steam them with fish, "
                "or stir-fry them with bitter melon or eggs; the pits are not eaten. Refrigerate after opening."
            ),
            "zh_Hant": "南台灣的破布子果實，煮熟後以醬油與糖醃漬裝罐。可蒸魚或炒苦瓜、炒蛋；果核不食用。開封後請冷藏。",
        },
        "variants": [
            {
                "sku": "DSW-CORDIA-400",
                "labels": {
                    "en": "400 g jar",
                    "zh_Hant": "400 克罐裝",
                },
                "price_twd": 180,
                "stock": 5,
                "weight_g": 650,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "200899",
        "origin": "TW",
        "motif": "jar",
    },
    {
        "handle": "fermented-pineapple-paste",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Fermented Pineapple Paste (Yin Feng Li)",
            "zh_Hant": "蔭鳳梨",
        },
        "descriptions": {
            "en": (
                "Pineapple chunks fermented with soybean koji, salt and sugar, an old Tainan-style condiment. Tangy, "
                "salty and fruity, it is simmered with bitter melon and chicken for a well-known soup, or steamed with "
                "fish. Refrigerate after opening."
            ),
            "zh_Hant": "鳳梨塊與豆麴、鹽、糖一同發酵，是台南古早味醬菜。鹹酸帶果香，可煮鳳梨苦瓜雞湯，或用來蒸魚。開封後請冷藏。",
        },
        "variants": [
            {
                "sku": "DSW-YINPINE-450",
                "labels": {
                    "en": "450 g jar",
                    "zh_Hant": "450 克罐裝",
                },
                "price_twd": 220,
                "stock": 27,
                "weight_g": 720,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "200820",
        "origin": "TW",
        "motif": "jar",
    },
    {
        "handle": "mala-hot-pot-base",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Mala Hot Pot Soup Base",
            "zh_Hant": "麻辣鍋底",
            "th": "ซุปหม้อไฟหมาล่า",
            "ms": "Perencah Sup Steamboat Mala",
        },
        "descriptions": {
            "en": (
                "A Taiwanese-style mala hot pot base, cooked from dried chillies, Sichuan peppercorns, Gangshan bean "
                "paste and Chinese herbs in vegetable oil. One 500 g pack with 2 litres of water makes a pot for 4 to 6 "
                "people. Medium-hot; add extra chillies to taste."
            ),
            "zh_Hant": "台式麻辣鍋底，以乾辣椒、花椒、岡山豆瓣醬與中藥香料在植物油中炒製。500克一包，加水2公升可煮4至6人份。中辣，可自行加辣椒調整。",
            "th": (
                "น้ำซุปหม้อไฟหมาล่าสไตล์ไต้หวัน ผัดจากพริกแห้ง ฮวาเจียว เต้าเจี้ยวเผ็ดกังซาน และสมุนไพรจีนในน้ำมันพืช 1 ห่อ 500 กรัมใช้กับน้ำ 2 "
                "ลิตร ได้หม้อสำหรับ 4–6 คน เผ็ดกลางๆ เพิ่มพริกได้ตามชอบ"
            ),
            "ms": (
                "Perencah sup steamboat mala gaya Taiwan, ditumis daripada cili kering, lada Sichuan, pes kacang "
                "Gangshan dan herba Cina dalam minyak sayuran. Satu pek 500 g dengan 2 liter air cukup untuk 4 hingga 6 "
                "orang. Pedas sederhana; tambah cili mengikut selera."
            ),
        },
        "variants": [
            {
                "sku": "DSW-MALA-500",
                "labels": {
                    "en": "500 g pack",
                    "zh_Hant": "500 克包裝",
                    "th": "ห่อ 500 กรัม",
                    "ms": "Pek 500 g",
                },
                "price_twd": 260,
                "stock": 76,
                "weight_g": 580,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "210390",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "plum-powder",
        "vendor": "pingtung-farm",
        "category": "sauces-condiments",
        "names": {
            "en": "Plum Powder (Mei Fen)",
            "zh_Hant": "梅粉",
            "th": "ผงบ๊วย",
            "ms": "Serbuk Asam Plum",
        },
        "descriptions": {
            "en": (
                "Sweet, sour and salty plum powder made from pickled green plums, licorice and sugar. In Taiwan it is "
                "sprinkled on guava, tomatoes and sliced mango, or rubbed around the rim of a glass of iced green tea. "
                "Keep the lid tightly closed."
            ),
            "zh_Hant": "以醃漬青梅、甘草與糖研磨而成，酸甜帶鹹。台灣人常撒在芭樂、番茄、芒果切片上，也可沾在冰綠茶杯緣。請確實蓋緊瓶蓋。",
            "th": "ผงบ๊วยรสเปรี้ยวหวานเค็ม ทำจากบ๊วยดอง ชะเอมเทศ และน้ำตาล คนไต้หวันนิยมโรยฝรั่ง มะเขือเทศ และมะม่วงหั่นชิ้น หรือแต้มขอบแก้วชาเขียวเย็น ปิดฝาให้สนิททุกครั้ง",
            "ms": (
                "Serbuk plum masam, manis dan masin daripada plum hijau jeruk, akar manis dan gula. Di Taiwan ia ditabur "
                "atas jambu batu, tomato dan hirisan mangga, atau disapu pada bibir gelas teh hijau ais. Tutup rapat "
                "penutup balang."
            ),
        },
        "variants": [
            {
                "sku": "PSF-PLUM-100",
                "labels": {
                    "en": "100 g jar",
                    "zh_Hant": "100 克罐裝",
                    "th": "กระปุก 100 กรัม",
                    "ms": "Balang 100 g",
                },
                "price_twd": 90,
                "stock": 115,
                "weight_g": 140,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "210390",
        "origin": "TW",
        "motif": "jar",
    },
    {
        "handle": "pure-sesame-paste",
        "vendor": "dadaocheng-sauce",
        "category": "sauces-condiments",
        "names": {
            "en": "Pure Sesame Paste",
            "zh_Hant": "純芝麻醬",
            "th": "งาบดบริสุทธิ์",
            "ms": "Pes Bijan Tulen",
        },
        "descriptions": {
            "en": (
                "Roasted white and black sesame ground slowly into a smooth paste, with nothing added. Thin it with soy "
                "sauce, vinegar and warm water for Taiwanese sesame noodles, or use it in hot pot dips. Oil separation "
                "is natural; stir before use."
            ),
            "zh_Hant": (
                "烘焙白芝麻與黑芝麻慢磨成細滑醬料，無任何添加。加醬油、醋與溫水調開即是台式麻醬麵醬汁，也可做火鍋沾醬。"
                "出油屬正常現象，使用前請拌勻。"
            ),
            "th": (
                "งาขาวและงาดำคั่วบดช้าๆ จนเนียน ไม่ผสมอะไรเพิ่ม ผสมซีอิ๊ว น้ำส้มสายชู และน้ำอุ่น ก็เป็นซอสบะหมี่งาสไตล์ไต้หวัน หรือใช้ทำน้ำจิ้มหม้อไฟ "
                "น้ำมันแยกชั้นเป็นเรื่องปกติ คนให้เข้ากันก่อนใช้"
            ),
            "ms": (
                "Bijan putih dan hitam panggang dikisar perlahan menjadi pes licin tanpa bahan tambahan. Cairkan dengan "
                "kicap, cuka dan air suam untuk mi bijan Taiwan, atau gunakan sebagai cicahan steamboat. Minyak yang "
                "terpisah adalah normal; kacau sebelum digunakan."
            ),
        },
        "variants": [
            {
                "sku": "DSW-SESPASTE-300",
                "labels": {
                    "en": "300 g jar",
                    "zh_Hant": "300 克罐裝",
                    "th": "กระปุก 300 กรัม",
                    "ms": "Balang 300 g",
                },
                "price_twd": 210,
                "stock": 2,
                "weight_g": 480,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "200819",
        "origin": "TW",
        "motif": "jar",
    },
    # --- noodles-rice ------------------------------------------------
    {
        "handle": "hsinchu-pure-rice-vermicelli",
        "vendor": "hsinchu-noodle",
        "category": "noodles-rice",
        "names": {
            "en": "Hsinchu Pure Rice Vermicelli",
            "zh_Hant": "新竹純米米粉",
            "th": "เส้นหมี่ข้าวล้วนซินจู๋",
            "ms": "Bihun Beras Tulen Hsinchu",
        },
        "descriptions": {
            "en": (
                "Made only from Taiwanese rice and water, with no corn starch, and dried by Hsinchu's strong autumn "
                "monsoon wind, the 'jiu jiang feng'. Fine, springy strands for fried rice noodles or soup. Soak for 5 "
                "minutes before stir-frying."
            ),
            "zh_Hant": "僅以台灣米與水製成，不添加玉米澱粉，並經新竹秋冬九降風吹乾。米粉細緻有彈性，適合炒米粉或煮湯。炒前泡水5分鐘即可。",
            "th": (
                "ทำจากข้าวไต้หวันกับน้ำเท่านั้น ไม่ผสมแป้งข้าวโพด และผึ่งให้แห้งด้วยลมมรสุม 'จิ่วเจี้ยงเฟิง' ที่พัดแรงในฤดูใบไม้ร่วงของซินจู๋ "
                "เส้นเล็กเหนียวนุ่ม เหมาะทั้งผัดและใส่ซุป แช่น้ำ 5 นาทีก่อนนำไปผัด"
            ),
            "ms": (
                "Dibuat hanya daripada beras Taiwan dan air tanpa kanji jagung, dan dikeringkan oleh angin monsun musim "
                "luruh Hsinchu yang kuat, 'jiu jiang feng'. Helaian halus dan kenyal untuk bihun goreng atau sup. Rendam "
                "5 minit sebelum digoreng."
            ),
        },
        "variants": [
            {
                "sku": "HNM-RV-300",
                "labels": {
                    "en": "300 g pack",
                    "zh_Hant": "300 克包裝",
                    "th": "ห่อ 300 กรัม",
                    "ms": "Pek 300 g",
                },
                "price_twd": 120,
                "stock": 200,
                "weight_g": 340,
            },
            {
                "sku": "HNM-RV-300X3",
                "labels": {
                    "en": "3 × 300 g packs",
                    "zh_Hant": "300 克 ×3 包",
                    "th": "3 ห่อ ห่อละ 300 กรัม",
                    "ms": "3 pek × 300 g",
                },
                "price_twd": 330,
                "stock": 80,
                "weight_g": 1000,
            },
        ],
        "halal": {"body": "THIDA", "number": "THIDA-2024-0602", "expires": "2027-08-31"},
        "exempt": None,
        "hs_code": "190219",
        "origin": "TW",
        "motif": "noodle",
    },
    {
        "handle": "coarse-rice-noodles-soup",
        "vendor": "hsinchu-noodle",
        "category": "noodles-rice",
        "names": {
            "en": "Coarse Rice Noodles for Soup",
            "zh_Hant": "粗米粉（米粉湯用）",
            "th": "เส้นหมี่ข้าวเส้นใหญ่สำหรับซุป",
            "ms": "Bihun Kasar untuk Sup",
        },
        "descriptions": {
            "en": (
                "Thick, round rice noodles for Taiwanese mi fen tang, the rich rice noodle soup sold at morning stalls. "
                "They stay soft without breaking up during long simmering. Rinse, then simmer for 8 to 10 minutes."
            ),
            "zh_Hant": "粗條圓米粉，專用於台式米粉湯。久煮軟而不爛。稍微沖洗後小火煮8至10分鐘即可。",
            "th": "เส้นหมี่ข้าวกลมเส้นใหญ่ สำหรับทำ 'หมี่เฝินทัง' ซุปเส้นหมี่น้ำข้นที่ขายตามร้านอาหารเช้าในไต้หวัน ต้มนานแล้วเส้นยังนุ่มไม่เละ ล้างน้ำแล้วต้มไฟอ่อน 8–10 นาที",
            "ms": (
                "Bihun bulat yang tebal untuk mi fen tang, sup bihun pekat yang dijual di gerai sarapan di Taiwan. Kekal "
                "lembut dan tidak hancur walaupun direneh lama. Bilas, kemudian reneh selama 8 hingga 10 minit."
            ),
        },
        "variants": [
            {
                "sku": "HNM-CRV-600",
                "labels": {
                    "en": "600 g pack",
                    "zh_Hant": "600 克包裝",
                    "th": "ห่อ 600 กรัม",
                    "ms": "Pek 600 g",
                },
                "price_twd": 150,
                "stock": 70,
                "weight_g": 650,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190219",
        "origin": "TW",
        "motif": "noodle",
    },
    {
        "handle": "hsinchu-fried-rice-vermicelli-kit",
        "vendor": "hsinchu-noodle",
        "category": "noodles-rice",
        "names": {
            "en": "Hsinchu Fried Rice Vermicelli Kit",
            "zh_Hant": "新竹炒米粉組",
            "th": "ชุดหมี่ผัดซินจู๋",
            "ms": "Set Bihun Goreng Hsinchu",
        },
        "descriptions": {
            "en": (
                "Four portions of our rice vermicelli with sachets of shallot oil and shiitake soy seasoning, for a "
                "quick plate of Hsinchu-style fried rice noodles. Add cabbage, carrot and any meat you like. Ready in "
                "about 10 minutes."
            ),
            "zh_Hant": "內含四人份米粉，附油蔥香油與香菇醬油調味包，輕鬆做出新竹炒米粉。可自行加入高麗菜、紅蘿蔔與喜歡的肉類。約10分鐘上桌。",
            "th": "หมี่ข้าว 4 ที่ พร้อมซองน้ำมันหอมเจียวและเครื่องปรุงซีอิ๊วเห็ดหอม ทำหมี่ผัดสไตล์ซินจู๋ได้ง่ายๆ เติมกะหล่ำปลี แครอท และเนื้อสัตว์ตามชอบ เสร็จในราว 10 นาที",
            "ms": (
                "Empat hidangan bihun kami bersama paket minyak bawang merah dan perasa kicap cendawan shiitake, untuk "
                "sepinggan bihun goreng gaya Hsinchu dengan cepat. Tambah kubis, lobak merah dan daging pilihan anda. "
                "Siap dalam kira-kira 10 minit."
            ),
        },
        "variants": [
            {
                "sku": "HNM-FRV-4",
                "labels": {
                    "en": "4 servings",
                    "zh_Hant": "4 人份",
                    "th": "สำหรับ 4 ที่",
                    "ms": "4 hidangan",
                },
                "price_twd": 220,
                "stock": 95,
                "weight_g": 520,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190230",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "dried-rice-pin-noodles",
        "vendor": "hsinchu-noodle",
        "category": "noodles-rice",
        "names": {
            "en": "Dried Rice Pin Noodles (Mi Tai Mu)",
            "zh_Hant": "乾米苔目",
        },
        "descriptions": {
            "en": (
                "Short, thick rice noodles with tapered ends, dried so they travel well. Cook for 6 minutes, then serve "
                "in a savoury broth, or cold with shaved ice and brown sugar syrup; both are classic in Taiwan. Keep dry "
                "and sealed."
            ),
            "zh_Hant": (
                "短粗、兩端略尖的米苔目，乾燥處理方便保存。煮6分鐘後可做鹹湯米苔目，或加剉冰、黑糖水做成冰品，"
                "兩種都是台灣經典吃法。請密封乾燥保存。"
            ),
        },
        "variants": [
            {
                "sku": "HNM-MTM-400",
                "labels": {
                    "en": "400 g pack",
                    "zh_Hant": "400 克包裝",
                },
                "price_twd": 130,
                "stock": 40,
                "weight_g": 440,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190219",
        "origin": "TW",
        "motif": "noodle",
    },
    {
        "handle": "hakka-flat-rice-noodles",
        "vendor": "hsinchu-noodle",
        "category": "noodles-rice",
        "names": {
            "en": "Hakka Flat Rice Noodles (Ban Tiao)",
            "zh_Hant": "客家粄條",
            "th": "ก๋วยเตี๋ยวเส้นใหญ่ฮากกา",
            "ms": "Kuey Teow Hakka (Ban Tiao)",
        },
        "descriptions": {
            "en": (
                "Wide, silky rice noodles in the style of Hsinchu's Hakka villages, dried for easy storage. Boil for 3 "
                "minutes and serve in clear broth with bean sprouts and fried shallots, or stir-fry them. Keep dry and "
                "sealed."
            ),
            "zh_Hant": "新竹客家庄風味的寬版粄條，乾燥製成方便保存。滾水煮3分鐘，搭配豆芽、油蔥酥做湯粄條，或拿來炒都好吃。請密封乾燥保存。",
            "th": (
                "เส้นก๋วยเตี๋ยวข้าวเส้นใหญ่ลื่นนุ่มแบบหมู่บ้านฮากกาในซินจู๋ ทำแบบแห้งเพื่อให้เก็บได้นาน ต้มในน้ำเดือด 3 นาที "
                "ใส่น้ำซุปใสกับถั่วงอกและหอมเจียว หรือนำไปผัดก็ได้ เก็บในที่แห้งและปิดให้สนิท"
            ),
            "ms": (
                "Kuey teow lebar dan licin gaya kampung Hakka di Hsinchu, dikeringkan supaya mudah disimpan. Rebus 3 "
                "minit dan hidang dalam sup jernih dengan taugeh dan bawang goreng, atau goreng sahaja. Simpan di tempat "
                "kering dan tertutup rapat."
            ),
        },
        "variants": [
            {
                "sku": "HNM-BANTIAO-400",
                "labels": {
                    "en": "400 g pack",
                    "zh_Hant": "400 克包裝",
                    "th": "ห่อ 400 กรัม",
                    "ms": "Pek 400 g",
                },
                "price_twd": 140,
                "stock": 66,
                "weight_g": 440,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190219",
        "origin": "TW",
        "motif": "noodle",
    },
    {
        "handle": "guanmiao-sun-dried-noodles",
        "vendor": "hsinchu-noodle",
        "category": "noodles-rice",
        "names": {
            "en": "Guanmiao Sun-Dried Noodles",
            "zh_Hant": "關廟麵",
            "th": "บะหมี่ตากแดดกวนเมี่ยว",
            "ms": "Mi Jemur Guanmiao",
        },
        "descriptions": {
            "en": (
                "Flat wheat noodles made for us by a family mill in Guanmiao, Tainan, and dried in the southern sun "
                "instead of in ovens, which gives them a springy bite. Only wheat flour, water and salt. Boil for 3 to 4 "
                "minutes, then toss with sauce or add to soup."
            ),
            "zh_Hant": "由台南關廟的家族製麵廠代工，以南台灣陽光日曬而非烘乾，麵條Q彈有嚼勁。僅用麵粉、水與鹽。滾水煮3至4分鐘，拌醬或煮湯皆宜。",
            "th": (
                "บะหมี่เส้นแบนจากแป้งสาลี ผลิตให้เราโดยโรงเส้นของครอบครัวในกวนเมี่ยว เมืองไถหนาน ตากแดดทางใต้แทนการอบ จึงได้เส้นเหนียวนุ่ม "
                "ใช้เพียงแป้งสาลี น้ำ และเกลือ ต้ม 3–4 นาที แล้วคลุกซอสหรือใส่ซุป"
            ),
            "ms": (
                "Mi gandum leper yang dibuat untuk kami oleh kilang keluarga di Guanmiao, Tainan, dan dijemur di bawah "
                "matahari selatan, bukan dalam ketuhar, lalu menghasilkan tekstur kenyal. Hanya tepung gandum, air dan "
                "garam. Rebus 3 hingga 4 minit, kemudian gaul dengan sos atau masukkan ke dalam sup."
            ),
        },
        "variants": [
            {
                "sku": "HNM-GUANMIAO-1200",
                "labels": {
                    "en": "1.2 kg bag",
                    "zh_Hant": "1.2 公斤袋裝",
                    "th": "ถุง 1.2 กก.",
                    "ms": "Beg 1.2 kg",
                },
                "price_twd": 150,
                "stock": 110,
                "weight_g": 1260,
            },
        ],
        "halal": {"body": "CMA", "number": "CMA-H-113-0142", "expires": "2027-11-30"},
        "exempt": None,
        "hs_code": "190219",
        "origin": "TW",
        "motif": "noodle",
    },
    {
        "handle": "handmade-wheat-vermicelli",
        "vendor": "hsinchu-noodle",
        "category": "noodles-rice",
        "names": {
            "en": "Handmade White Wheat Vermicelli (Mian Xian)",
            "zh_Hant": "手工白麵線",
            "th": "หมี่ซั่วทำมือ",
            "ms": "Mi Suah Buatan Tangan",
        },
        "descriptions": {
            "en": (
                "Fine wheat noodles, stretched by hand and sun-dried, the kind served as Taiwanese birthday noodles and "
                "with sesame oil chicken. There is salt in the dough, so cook them in plenty of water and taste the soup "
                "before adding more salt. They cook in 2 minutes."
            ),
            "zh_Hant": "手工拉製、日曬乾燥的細麵線，台灣人做壽麵、麻油雞麵線都用它。麵體本身含鹽，請用大量清水煮，湯頭試味後再調鹹淡。約2分鐘即熟。",
            "th": (
                "หมี่ซั่วเส้นเล็กทำจากแป้งสาลี ดึงเส้นด้วยมือและตากแดด ใช้ทำบะหมี่วันเกิดหรือทานกับไก่น้ำมันงาแบบไต้หวัน แป้งมีเกลืออยู่แล้ว "
                "ควรต้มในน้ำมากๆ และชิมก่อนปรุงซุปเพิ่ม สุกใน 2 นาที"
            ),
            "ms": (
                "Mi suah halus yang ditarik dengan tangan dan dijemur, jenis yang dihidang sebagai mi hari jadi dan "
                "bersama ayam minyak bijan di Taiwan. Doh sudah mengandungi garam, jadi masak dalam banyak air dan rasa "
                "dahulu sebelum menambah garam. Masak dalam 2 minit."
            ),
        },
        "variants": [
            {
                "sku": "HNM-MX-600",
                "labels": {
                    "en": "600 g pack",
                    "zh_Hant": "600 克包裝",
                    "th": "ห่อ 600 กรัม",
                    "ms": "Pek 600 g",
                },
                "price_twd": 180,
                "stock": 85,
                "weight_g": 640,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190219",
        "origin": "TW",
        "motif": "noodle",
    },
    {
        "handle": "red-vermicelli",
        "vendor": "hsinchu-noodle",
        "category": "noodles-rice",
        "names": {
            "en": "Red Vermicelli for Mian Xian Soup",
            "zh_Hant": "紅麵線",
        },
        "descriptions": {
            "en": (
                "Wheat vermicelli steamed before drying, which turns it light reddish-brown and lets it hold together "
                "during long simmering. This is the noodle used in Taiwanese oyster vermicelli and pork intestine "
                "vermicelli soup. Keep dry and sealed."
            ),
            "zh_Hant": "麵線經蒸製後再乾燥，呈淡褐紅色，久煮不易糊爛。是台式蚵仔麵線、大腸麵線專用麵線。請密封乾燥保存。",
        },
        "variants": [
            {
                "sku": "HNM-REDMX-600",
                "labels": {
                    "en": "600 g pack",
                    "zh_Hant": "600 克包裝",
                },
                "price_twd": 150,
                "stock": 0,
                "weight_g": 640,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190219",
        "origin": "TW",
        "motif": "noodle",
    },
    {
        "handle": "knife-cut-noodles",
        "vendor": "hsinchu-noodle",
        "category": "noodles-rice",
        "names": {
            "en": "Knife-Cut Noodles",
            "zh_Hant": "刀削麵",
            "th": "บะหมี่เส้นหั่นมีด",
            "ms": "Mi Potong Pisau",
        },
        "descriptions": {
            "en": (
                "Thick, wavy noodles with uneven edges, cut in the knife-shaved style and then dried. Their chewy "
                "texture stands up to rich braised beef soup or spicy sauce. Boil for 8 to 10 minutes; an 800 g pack "
                "serves about 6."
            ),
            "zh_Hant": "寬厚帶波浪邊的刀削麵，仿手工削麵刀法切製後乾燥。口感Q韌，適合搭配濃郁紅燒湯頭或麻辣醬。滾水煮8至10分鐘；800克約6人份。",
            "th": "เส้นหนา ขอบหยักไม่เท่ากัน ตัดเลียนแบบการเฉือนแป้งด้วยมีดแล้วนำไปอบแห้ง เนื้อเหนียวหนึบเข้ากับน้ำซุปเนื้อตุ๋นเข้มข้นหรือซอสเผ็ด ต้ม 8–10 นาที ห่อ 800 กรัมได้ราว 6 ที่",
            "ms": (
                "Mi tebal berombak dengan tepi tidak sekata, dipotong meniru gaya mi potong pisau lalu dikeringkan. "
                "Teksturnya kenyal dan sesuai dengan sup daging rebus yang pekat atau sos pedas. Rebus 8 hingga 10 "
                "minit; pek 800 g untuk kira-kira 6 orang."
            ),
        },
        "variants": [
            {
                "sku": "HNM-DAOXIAO-800",
                "labels": {
                    "en": "800 g pack",
                    "zh_Hant": "800 克包裝",
                    "th": "ห่อ 800 กรัม",
                    "ms": "Pek 800 g",
                },
                "price_twd": 200,
                "stock": 58,
                "weight_g": 860,
            },
        ],
        "halal": {"body": "THIDA", "number": "THIDA-2025-0719", "expires": "2028-06-30"},
        "exempt": None,
        "hs_code": "190219",
        "origin": "TW",
        "motif": "noodle",
    },
    {
        "handle": "tainan-yi-noodles",
        "vendor": "hsinchu-noodle",
        "category": "noodles-rice",
        "names": {
            "en": "Tainan Yi Noodles",
            "zh_Hant": "台南意麵",
        },
        "descriptions": {
            "en": (
                "Tainan-style yi mian made with wheat flour and duck eggs, dried into small nests. Blanch and toss with "
                "minced pork sauce and bean sprouts, or simmer in broth as a one-pot noodle. Ten nests per pack."
            ),
            "zh_Hant": "台南意麵以麵粉與鴨蛋製作，乾燥成小圓餅狀。燙熟後拌肉燥與豆芽，或做成鍋燒意麵。一包10片。",
        },
        "variants": [
            {
                "sku": "HNM-YIMIAN-10",
                "labels": {
                    "en": "Pack of 10 nests (600 g)",
                    "zh_Hant": "10 片裝（600 克）",
                },
                "price_twd": 180,
                "stock": 46,
                "weight_g": 650,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190211",
        "origin": "TW",
        "motif": "noodle",
    },
    {
        "handle": "scallion-oil-noodles",
        "vendor": "hsinchu-noodle",
        "category": "noodles-rice",
        "names": {
            "en": "Scallion Oil Noodles",
            "zh_Hant": "蔥油拌麵",
            "th": "บะหมี่คลุกน้ำมันต้นหอม",
            "ms": "Mi Gaul Minyak Daun Bawang",
        },
        "descriptions": {
            "en": (
                "Sun-dried thin noodles with a sachet of scallion oil and soy sauce, ready to toss after 4 minutes of "
                "boiling. A quick late-night bowl that tastes like a Taipei noodle stall. Contains wheat and soy."
            ),
            "zh_Hant": "日曬細麵附蔥油與醬油醬包，煮4分鐘拌勻即可。像台北麵攤一樣的宵夜好選擇。含小麥、大豆。",
            "th": "บะหมี่เส้นเล็กตากแดด พร้อมซองน้ำมันต้นหอมเจียวและซีอิ๊ว ต้ม 4 นาทีแล้วคลุกได้เลย ชามดึกๆ ที่อร่อยเหมือนร้านบะหมี่ในไทเป มีข้าวสาลีและถั่วเหลือง",
            "ms": (
                "Mi nipis yang dijemur bersama paket minyak daun bawang dan kicap, sedia digaul selepas direbus 4 minit. "
                "Semangkuk cepat untuk lewat malam yang rasanya seperti gerai mi di Taipei. Mengandungi gandum dan soya."
            ),
        },
        "variants": [
            {
                "sku": "HNM-SCALLION-4",
                "labels": {
                    "en": "Pack of 4",
                    "zh_Hant": "4 入袋裝",
                    "th": "แพ็ก 4 ห่อ",
                    "ms": "Pek 4 bungkus",
                },
                "price_twd": 180,
                "stock": 150,
                "weight_g": 560,
            },
            {
                "sku": "HNM-SCALLION-12",
                "labels": {
                    "en": "Box of 12",
                    "zh_Hant": "12 入箱裝",
                    "th": "กล่อง 12 ห่อ",
                    "ms": "Kotak 12 bungkus",
                },
                "price_twd": 520,
                "stock": 3,
                "weight_g": 1650,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190230",
        "origin": "TW",
        "motif": "noodle",
    },
    {
        "handle": "sesame-sauce-noodles",
        "vendor": "hsinchu-noodle",
        "category": "noodles-rice",
        "names": {
            "en": "Sesame Sauce Noodles",
            "zh_Hant": "麻醬拌麵",
            "th": "บะหมี่ซอสงา",
            "ms": "Mi Sos Bijan",
        },
        "descriptions": {
            "en": (
                "Our sun-dried noodles paired with a sachet of sesame paste, black vinegar and soy sauce for Taiwanese "
                "ma jiang mian. Creamy, nutty and slightly tangy; add cucumber strips and chilli oil if you have them. "
                "Contains sesame, wheat and soy."
            ),
            "zh_Hant": "日曬麵條搭配芝麻醬、烏醋與醬油醬包，做出台式麻醬麵。香濃滑順、微酸；可加小黃瓜絲與辣油。含芝麻、小麥、大豆。",
            "th": (
                "บะหมี่ตากแดดของเรา พร้อมซองซอสงาบด น้ำส้มสายชูดำ และซีอิ๊ว สำหรับทำหมาเจี้ยงเมี่ยนแบบไต้หวัน รสมัน หอมงา อมเปรี้ยวนิดๆ "
                "ใส่แตงกวาซอยกับน้ำมันพริกเพิ่มได้ตามชอบ มีงา ข้าวสาลี และถั่วเหลือง"
            ),
            "ms": (
                "Mi jemur kami bersama paket pes bijan, cuka hitam dan kicap untuk ma jiang mian gaya Taiwan. Berkrim, "
                "wangi bijan dan sedikit masam; tambah hirisan timun dan minyak cili jika ada. Mengandungi bijan, gandum "
                "dan soya."
            ),
        },
        "variants": [
            {
                "sku": "HNM-SESAME-4",
                "labels": {
                    "en": "Pack of 4",
                    "zh_Hant": "4 入袋裝",
                    "th": "แพ็ก 4 ห่อ",
                    "ms": "Pek 4 bungkus",
                },
                "price_twd": 180,
                "stock": 130,
                "weight_g": 560,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190230",
        "origin": "TW",
        "motif": "noodle",
    },
    {
        "handle": "braised-beef-noodle-soup-kit",
        "vendor": "hsinchu-noodle",
        "category": "noodles-rice",
        "names": {
            "en": "Braised Beef Noodle Soup Kit",
            "zh_Hant": "紅燒牛肉麵組",
            "th": "ชุดบะหมี่เนื้อตุ๋นไต้หวัน",
            "ms": "Set Mi Sup Daging Lembu Rebus",
        },
        "descriptions": {
            "en": (
                "Taiwan's national dish for two: knife-cut style noodles plus retort pouches of beef shank braised with "
                "Gangshan bean paste, soy sauce and spices. Shelf-stable: heat the pouch, boil the noodles for 8 minutes "
                "and combine. Contains beef, wheat and soy."
            ),
            "zh_Hant": (
                "台灣國民美食兩人份：刀削風味麵條，加上以岡山豆瓣、醬油與辛香料紅燒的牛腱調理包。常溫保存；"
                "調理包加熱、麵條煮8分鐘後組合即可。含牛肉、小麥、大豆。"
            ),
            "th": (
                "อาหารประจำชาติไต้หวันสำหรับ 2 ที่ ประกอบด้วยเส้นบะหมี่แบบหั่นมีด และถุงรีทอร์ตเนื้อน่องวัวตุ๋นกับเต้าเจี้ยวเผ็ดกังซาน ซีอิ๊ว "
                "และเครื่องเทศ เก็บที่อุณหภูมิห้องได้ อุ่นถุงซุป ต้มเส้น 8 นาทีแล้วรวมกัน มีเนื้อวัว ข้าวสาลี และถั่วเหลือง"
            ),
            "ms": (
                "Hidangan kebangsaan Taiwan untuk dua orang: mi gaya potong pisau dan paket retort betis lembu yang "
                "direbus dengan pes kacang Gangshan, kicap dan rempah. Tahan pada suhu bilik; panaskan paket, rebus mi "
                "selama 8 minit dan satukan. Mengandungi daging lembu, gandum dan soya."
            ),
        },
        "variants": [
            {
                "sku": "HNM-BEEF-2",
                "labels": {
                    "en": "2 servings",
                    "zh_Hant": "2 人份",
                    "th": "สำหรับ 2 ที่",
                    "ms": "2 hidangan",
                },
                "price_twd": 450,
                "stock": 24,
                "weight_g": 1300,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "190230",
        "origin": "TW",
        "motif": "noodle",
    },
    {
        "handle": "chishang-rice",
        "vendor": "hsinchu-noodle",
        "category": "noodles-rice",
        "names": {
            "en": "Chishang Rice",
            "zh_Hant": "池上米",
            "th": "ข้าวฉือซ่าง",
            "ms": "Beras Chishang",
        },
        "descriptions": {
            "en": (
                "Japonica rice from Chishang in Taitung's East Rift Valley, grown with clean mountain water and milled "
                "to order at our Hsinchu mill. Short, glossy grains that cook up soft, sticky and sweet. Vacuum-packed "
                "in 1 kg or 3 kg bricks."
            ),
            "zh_Hant": (
                "產自台東縱谷池上的蓬萊米，以乾淨山泉灌溉，於本廠新竹碾米廠依訂單碾製。米粒短圓透亮，煮後Q軟黏甜。"
                "真空包裝，有1公斤與3公斤兩種。"
            ),
            "th": (
                "ข้าวจาปอนิกาจากฉือซ่าง ในหุบเขาตะวันออกของไถตง ปลูกด้วยน้ำภูเขาสะอาด และสีตามออร์เดอร์ที่โรงสีของเราในซินจู๋ เมล็ดสั้นใส "
                "หุงแล้วนุ่ม เหนียว และหวาน บรรจุสุญญากาศ มีขนาด 1 กก. และ 3 กก."
            ),
            "ms": (
                "Beras japonica dari Chishang di Lembah Rift Timur, Taitung, diairi air gunung yang bersih dan dikisar "
                "mengikut tempahan di kilang kami di Hsinchu. Bijirin pendek dan berkilat yang lembut, melekit dan manis "
                "apabila dimasak. Dibungkus vakum dalam saiz 1 kg atau 3 kg."
            ),
        },
        "variants": [
            {
                "sku": "HNM-CHISHANG-1KG",
                "labels": {
                    "en": "1 kg vacuum pack",
                    "zh_Hant": "1 公斤真空包",
                    "th": "ถุงสุญญากาศ 1 กก.",
                    "ms": "Pek vakum 1 kg",
                },
                "price_twd": 180,
                "stock": 90,
                "weight_g": 1050,
            },
            {
                "sku": "HNM-CHISHANG-3KG",
                "labels": {
                    "en": "3 kg vacuum pack",
                    "zh_Hant": "3 公斤真空包",
                    "th": "ถุงสุญญากาศ 3 กก.",
                    "ms": "Pek vakum 3 kg",
                },
                "price_twd": 480,
                "stock": 25,
                "weight_g": 3100,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "100630",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "yi-chuan-fragrant-rice",
        "vendor": "hsinchu-noodle",
        "category": "noodles-rice",
        "names": {
            "en": "Yi Chuan Fragrant Rice (Tainung No. 71)",
            "zh_Hant": "益全香米（台農71號）",
            "th": "ข้าวหอมอี้เฉวียน (ไถหนง 71)",
            "ms": "Beras Wangi Yi Chuan (Tainung No. 71)",
        },
        "descriptions": {
            "en": (
                "Tainung No. 71 is a Taiwanese japonica rice bred to give off a natural, taro-like fragrance when "
                "cooked. The grains are soft and moist, and the aroma fills the kitchen. Use a little less water than "
                "for ordinary rice."
            ),
            "zh_Hant": "台農71號是台灣育成的蓬萊米品種，煮熟後散發天然芋頭香。米粒Q軟濕潤，香氣滿屋。水量比一般白米略少即可。",
            "th": "ไถหนง 71 เป็นข้าวจาปอนิกาที่ไต้หวันพัฒนาให้มีกลิ่นหอมคล้ายเผือกตามธรรมชาติเมื่อหุงสุก เมล็ดนุ่มชุ่ม หอมไปทั้งครัว ใช้น้ำน้อยกว่าข้าวทั่วไปเล็กน้อย",
            "ms": (
                "Tainung No. 71 ialah beras japonica Taiwan yang dibiak untuk mengeluarkan aroma seperti keladi secara "
                "semula jadi apabila dimasak. Bijirinnya lembut dan lembap, dan aromanya memenuhi dapur. Gunakan sedikit "
                "kurang air berbanding beras biasa."
            ),
        },
        "variants": [
            {
                "sku": "HNM-TN71-1KG",
                "labels": {
                    "en": "1 kg vacuum pack",
                    "zh_Hant": "1 公斤真空包",
                    "th": "ถุงสุญญากาศ 1 กก.",
                    "ms": "Pek vakum 1 kg",
                },
                "price_twd": 220,
                "stock": 45,
                "weight_g": 1050,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "100630",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "long-grain-glutinous-rice",
        "vendor": "hsinchu-noodle",
        "category": "noodles-rice",
        "names": {
            "en": "Long-Grain Glutinous Rice",
            "zh_Hant": "長糯米",
        },
        "descriptions": {
            "en": (
                "Taiwanese indica glutinous rice with long, opaque grains, the rice for zongzi and you fan (sticky rice "
                "with mushrooms). It stays separate and chewy rather than mushy. Soak for at least 2 hours before "
                "steaming."
            ),
            "zh_Hant": "台灣在來種長糯米，米粒細長不透明，是包肉粽、做油飯的首選。蒸後粒粒分明、Q而不爛。蒸煮前請浸泡至少2小時。",
        },
        "variants": [
            {
                "sku": "HNM-GLUT-1KG",
                "labels": {
                    "en": "1 kg pack",
                    "zh_Hant": "1 公斤包裝",
                },
                "price_twd": 150,
                "stock": 38,
                "weight_g": 1050,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "100630",
        "origin": "TW",
        "motif": "bag",
    },
    # --- agri-fresh --------------------------------------------------
    {
        "handle": "pingtung-irwin-mango",
        "vendor": "pingtung-farm",
        "category": "agri-fresh",
        "names": {
            "en": "Pingtung Irwin Mango",
            "zh_Hant": "屏東愛文芒果",
            "th": "มะม่วงเออร์วินผิงตง",
            "ms": "Mangga Irwin Pingtung",
        },
        "descriptions": {
            "en": (
                "Red-skinned Irwin mangoes from Fangshan and Fenggang in southern Pingtung, the first area in Taiwan to "
                "harvest each year. Fragrant, juicy and very sweet with little fibre. The season runs from April to "
                "July; ripen at room temperature and refrigerate once soft."
            ),
            "zh_Hant": "產自屏東枋山、楓港的紅皮愛文芒果，每年全台最早採收。香氣濃郁、多汁香甜、纖維少。產季為4至7月；常溫催熟，變軟後再冷藏。",
            "th": (
                "มะม่วงเออร์วินเปลือกแดงจากฟางซานและเฟิงกั่ง ทางใต้ของผิงตง แหล่งที่เก็บเกี่ยวได้ก่อนที่ใดในไต้หวันทุกปี หอม ฉ่ำ หวานจัด เสี้ยนน้อย "
                "ฤดูกาลคือเมษายนถึงกรกฎาคม วางไว้ที่อุณหภูมิห้องให้สุก แล้วค่อยแช่เย็นเมื่อเนื้อนิ่ม"
            ),
            "ms": (
                "Mangga Irwin berkulit merah dari Fangshan dan Fenggang di selatan Pingtung, kawasan terawal di Taiwan "
                "yang menuai setiap tahun. Harum, berjus dan sangat manis dengan sedikit serat. Musimnya April hingga "
                "Julai; peramkan pada suhu bilik dan sejukkan setelah lembut."
            ),
        },
        "variants": [
            {
                "sku": "PSF-IRWIN-3KG",
                "labels": {
                    "en": "3 kg box (8–10 fruit)",
                    "zh_Hant": "3 公斤箱裝（8至10顆）",
                    "th": "กล่อง 3 กก. (8–10 ผล)",
                    "ms": "Kotak 3 kg (8–10 biji)",
                },
                "price_twd": 1100,
                "stock": 0,
                "weight_g": 3400,
            },
        ],
        "halal": None,
        "exempt": "perishable",
        "hs_code": "080450",
        "origin": "TW",
        "motif": "fruit",
    },
    {
        "handle": "jin-huang-mango",
        "vendor": "pingtung-farm",
        "category": "agri-fresh",
        "names": {
            "en": "Jin Huang Mango",
            "zh_Hant": "金煌芒果",
            "th": "มะม่วงจินหวง",
            "ms": "Mangga Jin Huang",
        },
        "descriptions": {
            "en": (
                "A large mango bred in Kaohsiung, often over 1 kg each, with skin that turns from green to yellow. The "
                "flesh is firm, almost fibreless and mildly sweet, great for slicing or for mango shaved ice. Available "
                "from June to August."
            ),
            "zh_Hant": "高雄育成的大型芒果，單顆常超過1公斤，果皮由綠轉黃。果肉厚實、幾乎無纖維、甜度溫和，切片或做芒果冰都很適合。產季6至8月。",
            "th": (
                "มะม่วงผลใหญ่ที่พัฒนาพันธุ์ในเกาสง ผลเดียวมักหนักเกิน 1 กิโลกรัม เปลือกเปลี่ยนจากเขียวเป็นเหลือง เนื้อแน่น แทบไม่มีเสี้ยน หวานกำลังดี "
                "หั่นทานสดหรือทำน้ำแข็งไสมะม่วงก็อร่อย มีขายช่วงมิถุนายนถึงสิงหาคม"
            ),
            "ms": (
                "Mangga besar yang dibiakkan di Kaohsiung, selalunya melebihi 1 kg sebiji, dengan kulit yang bertukar "
                "dari hijau ke kuning. Isinya padat, hampir tanpa serat dan manis sederhana, sesuai dihiris atau dibuat "
                "ais kisar mangga. Musimnya Jun hingga Ogos."
            ),
        },
        "variants": [
            {
                "sku": "PSF-JINHUANG-5KG",
                "labels": {
                    "en": "5 kg box (4–6 fruit)",
                    "zh_Hant": "5 公斤箱裝（4至6顆）",
                    "th": "กล่อง 5 กก. (4–6 ผล)",
                    "ms": "Kotak 5 kg (4–6 biji)",
                },
                "price_twd": 980,
                "stock": 0,
                "weight_g": 5600,
            },
        ],
        "halal": None,
        "exempt": "perishable",
        "hs_code": "080450",
        "origin": "TW",
        "motif": "fruit",
    },
    {
        "handle": "black-pearl-wax-apples",
        "vendor": "pingtung-farm",
        "category": "agri-fresh",
        "names": {
            "en": "Black Pearl Wax Apples",
            "zh_Hant": "黑珍珠蓮霧",
            "th": "ชมพู่แบล็กเพิร์ลผิงตง",
            "ms": "Jambu Air Black Pearl",
        },
        "descriptions": {
            "en": (
                "Deep red, bell-shaped wax apples grown near the sea in Linbian and Nanzhou, Pingtung, where the salty "
                "soil is said to make them extra sweet. Crisp, juicy and almost seedless. Eat within 3 to 5 days; in "
                "season from December to April."
            ),
            "zh_Hant": (
                "產自屏東林邊、南州沿海一帶的深紅色黑珍珠蓮霧，據說海邊的鹽分地讓果實更甜。口感清脆多汁、幾乎無籽。"
                "請於3至5天內食用；產季為12月至隔年4月。"
            ),
            "th": (
                "ชมพู่สีแดงเข้มทรงระฆัง ปลูกใกล้ทะเลที่หลินเปียนและหนานโจว ผิงตง เชื่อกันว่าดินเค็มริมทะเลทำให้หวานเป็นพิเศษ กรอบ ฉ่ำน้ำ "
                "แทบไม่มีเมล็ด ควรทานภายใน 3–5 วัน ฤดูกาลคือธันวาคมถึงเมษายน"
            ),
            "ms": (
                "Jambu air merah gelap berbentuk loceng yang ditanam berhampiran laut di Linbian dan Nanzhou, Pingtung, "
                "di mana tanah masin dikatakan menjadikannya lebih manis. Rangup, berjus dan hampir tiada biji. Makan "
                "dalam 3 hingga 5 hari; musimnya Disember hingga April."
            ),
        },
        "variants": [
            {
                "sku": "PSF-WAXAPPLE-2KG",
                "labels": {
                    "en": "2 kg box",
                    "zh_Hant": "2 公斤箱裝",
                    "th": "กล่อง 2 กก.",
                    "ms": "Kotak 2 kg",
                },
                "price_twd": 980,
                "stock": 26,
                "weight_g": 2500,
            },
        ],
        "halal": None,
        "exempt": "perishable",
        "hs_code": "081090",
        "origin": "TW",
        "motif": "fruit",
    },
    {
        "handle": "pearl-guava",
        "vendor": "pingtung-farm",
        "category": "agri-fresh",
        "names": {
            "en": "Pearl Guava",
            "zh_Hant": "珍珠芭樂",
        },
        "descriptions": {
            "en": (
                "Taiwan's everyday guava: pale green, crunchy and lightly sweet, with white flesh and few seeds. Grown "
                "in Pingtung and bagged on the tree to protect the fruit. Keeps about a week in the fridge; try it with "
                "plum powder."
            ),
            "zh_Hant": "台灣人最常吃的芭樂：果皮淡綠、口感脆甜、白肉少籽。產自屏東，果實在樹上即套袋保護。冷藏約可保存一週，沾梅粉更好吃。",
        },
        "variants": [
            {
                "sku": "PSF-GUAVA-3KG",
                "labels": {
                    "en": "3 kg box",
                    "zh_Hant": "3 公斤箱裝",
                },
                "price_twd": 450,
                "stock": 40,
                "weight_g": 3400,
            },
        ],
        "halal": None,
        "exempt": "perishable",
        "hs_code": "080450",
        "origin": "TW",
        "motif": "fruit",
    },
    {
        "handle": "golden-diamond-pineapple",
        "vendor": "pingtung-farm",
        "category": "agri-fresh",
        "names": {
            "en": "Golden Diamond Pineapple",
            "zh_Hant": "金鑽鳳梨",
            "th": "สับปะรดโกลเด้นไดมอนด์",
            "ms": "Nanas Golden Diamond",
        },
        "descriptions": {
            "en": (
                "Tainung No. 17, known as Golden Diamond, is Taiwan's most popular fresh pineapple, with golden, juicy "
                "flesh and a core soft enough to eat. Low in acid and very sweet. Stand it upside down for a day so the "
                "sweetness evens out, then refrigerate."
            ),
            "zh_Hant": "台農17號金鑽鳳梨是台灣最受歡迎的鮮食鳳梨，果肉金黃多汁，連果心都能吃。酸度低、甜度高。收到後倒放一天讓甜度平均，再冷藏保存。",
            "th": (
                "ไถหนง 17 หรือสับปะรดโกลเด้นไดมอนด์ เป็นสับปะรดสดที่นิยมที่สุดของไต้หวัน เนื้อสีทองฉ่ำน้ำ แกนกลางก็ทานได้ เปรี้ยวน้อยหวานมาก "
                "วางกลับหัวไว้หนึ่งวันให้ความหวานกระจายทั่วผล แล้วจึงแช่ตู้เย็น"
            ),
            "ms": (
                "Tainung No. 17, dikenali sebagai Golden Diamond, ialah nanas segar paling popular di Taiwan, dengan isi "
                "keemasan yang berjus dan teras yang boleh dimakan. Rendah asid dan sangat manis. Simpan terbalik selama "
                "sehari supaya manisnya sekata, kemudian sejukkan."
            ),
        },
        "variants": [
            {
                "sku": "PSF-PINE-2",
                "labels": {
                    "en": "Box of 2 (about 3.5 kg)",
                    "zh_Hant": "2 顆箱裝（約 3.5 公斤）",
                    "th": "กล่อง 2 ผล (ประมาณ 3.5 กก.)",
                    "ms": "Kotak 2 biji (kira-kira 3.5 kg)",
                },
                "price_twd": 480,
                "stock": 35,
                "weight_g": 3900,
            },
        ],
        "halal": None,
        "exempt": "perishable",
        "hs_code": "080430",
        "origin": "TW",
        "motif": "fruit",
    },
    {
        "handle": "pingtung-bananas",
        "vendor": "pingtung-farm",
        "category": "agri-fresh",
        "names": {
            "en": "Pingtung Bananas",
            "zh_Hant": "屏東香蕉",
            "th": "กล้วยหอมผิงตง",
            "ms": "Pisang Pingtung",
        },
        "descriptions": {
            "en": (
                "Cavendish-type bananas from Pingtung, picked green and ripened slowly for a dense texture and a strong "
                "banana aroma. Smaller than imported bananas, but sweeter. Keep at room temperature; brown spots mean "
                "they are at their sweetest."
            ),
            "zh_Hant": "屏東北蕉，青熟採收後慢慢催熟，果肉綿密、香蕉香氣濃郁。比進口香蕉小根，但更香甜。請常溫保存，出現黑斑時最甜。",
            "th": (
                "กล้วยหอมพันธุ์คาเวนดิชจากผิงตง เก็บตอนยังเขียวแล้วบ่มช้าๆ เนื้อจึงแน่นและหอมกล้วยชัด ผลเล็กกว่ากล้วยนำเข้าแต่หวานกว่า "
                "เก็บที่อุณหภูมิห้อง เมื่อเปลือกมีจุดน้ำตาลคือช่วงที่หวานที่สุด"
            ),
            "ms": (
                "Pisang jenis Cavendish dari Pingtung, dipetik ketika hijau dan diperam perlahan untuk isi yang padat "
                "dan aroma pisang yang kuat. Lebih kecil daripada pisang import tetapi lebih manis. Simpan pada suhu "
                "bilik; bintik perang menandakan ia paling manis."
            ),
        },
        "variants": [
            {
                "sku": "PSF-BANANA-2KG",
                "labels": {
                    "en": "About 2 kg",
                    "zh_Hant": "約 2 公斤",
                    "th": "ประมาณ 2 กก.",
                    "ms": "Kira-kira 2 kg",
                },
                "price_twd": 260,
                "stock": 30,
                "weight_g": 2300,
            },
        ],
        "halal": None,
        "exempt": "perishable",
        "hs_code": "080390",
        "origin": "TW",
        "motif": "fruit",
    },
    {
        "handle": "jiuru-lemons",
        "vendor": "pingtung-farm",
        "category": "agri-fresh",
        "names": {
            "en": "Jiuru Lemons",
            "zh_Hant": "九如檸檬",
            "th": "มะนาวเหลืองจิ่วหรู",
            "ms": "Lemon Jiuru",
        },
        "descriptions": {
            "en": (
                "Jiuru township in Pingtung grows a large share of Taiwan's lemons. These are thin-skinned Eureka "
                "lemons, very juicy and fragrant, picked while still green-yellow. Keep them in a bag in the fridge for "
                "up to three weeks."
            ),
            "zh_Hant": "屏東九如鄉是台灣重要的檸檬產地。此為皮薄多汁的優利卡檸檬，香氣清新，於青黃時採收。裝袋冷藏可保存約三週。",
            "th": "อำเภอจิ่วหรู ผิงตง เป็นแหล่งปลูกมะนาวเหลืองสำคัญของไต้หวัน นี่คือพันธุ์ยูเรกาเปลือกบาง ฉ่ำน้ำ หอมสดชื่น เก็บตอนผิวยังเขียวอมเหลือง ใส่ถุงแช่ตู้เย็นได้นานราวสามสัปดาห์",
            "ms": (
                "Pekan Jiuru di Pingtung menghasilkan sebahagian besar lemon Taiwan. Ini lemon Eureka berkulit nipis "
                "yang sangat berjus dan harum, dipetik ketika masih hijau kekuningan. Simpan dalam beg di peti sejuk "
                "sehingga tiga minggu."
            ),
        },
        "variants": [
            {
                "sku": "PSF-LEMON-3KG",
                "labels": {
                    "en": "3 kg box",
                    "zh_Hant": "3 公斤箱裝",
                    "th": "กล่อง 3 กก.",
                    "ms": "Kotak 3 kg",
                },
                "price_twd": 420,
                "stock": 55,
                "weight_g": 3300,
            },
        ],
        "halal": None,
        "exempt": "perishable",
        "hs_code": "080550",
        "origin": "TW",
        "motif": "fruit",
    },
    {
        "handle": "red-dragon-fruit",
        "vendor": "pingtung-farm",
        "category": "agri-fresh",
        "names": {
            "en": "Red Dragon Fruit",
            "zh_Hant": "紅肉火龍果",
        },
        "descriptions": {
            "en": (
                "Red-fleshed dragon fruit grown in Pingtung, sweeter and more vivid than white-fleshed types. Chill it, "
                "cut it in half and scoop, or blend it into smoothies. The juice stains, so use a dark cutting board."
            ),
            "zh_Hant": "屏東種植的紅肉火龍果，比白肉品種更甜、顏色更鮮豔。冰過後對半切開用湯匙挖著吃，或打成果汁。果汁容易染色，建議使用深色砧板。",
        },
        "variants": [
            {
                "sku": "PSF-DRAGON-3KG",
                "labels": {
                    "en": "3 kg box",
                    "zh_Hant": "3 公斤箱裝",
                },
                "price_twd": 520,
                "stock": 7,
                "weight_g": 3400,
            },
        ],
        "halal": None,
        "exempt": "perishable",
        "hs_code": "081090",
        "origin": "TW",
        "motif": "fruit",
    },
    {
        "handle": "dried-irwin-mango",
        "vendor": "pingtung-farm",
        "category": "agri-fresh",
        "names": {
            "en": "Dried Irwin Mango (No Added Sugar)",
            "zh_Hant": "無加糖愛文芒果乾",
            "th": "มะม่วงเออร์วินอบแห้งไม่เติมน้ำตาล",
            "ms": "Mangga Irwin Kering Tanpa Gula Tambahan",
        },
        "descriptions": {
            "en": (
                "Thick slices of ripe Pingtung Irwin mango, dried at low temperature with nothing added, not even sugar "
                "or sulphites. Chewy, tangy-sweet and bright orange. Keep sealed in a cool place and refrigerate after "
                "opening."
            ),
            "zh_Hant": "屏東熟成愛文芒果厚切，低溫烘乾，無添加糖與二氧化硫。口感Q軟、酸甜、色澤橙黃。請密封存放於陰涼處，開封後冷藏。",
            "th": "มะม่วงเออร์วินผิงตงสุกหั่นชิ้นหนา อบแห้งที่อุณหภูมิต่ำ ไม่เติมอะไรเลย ทั้งน้ำตาลและซัลไฟต์ เนื้อหนึบ หวานอมเปรี้ยว สีส้มสด ปิดถุงให้สนิทเก็บในที่เย็น เปิดแล้วเก็บในตู้เย็น",
            "ms": (
                "Hirisan tebal mangga Irwin Pingtung yang masak, dikeringkan pada suhu rendah tanpa sebarang tambahan, "
                "termasuk gula atau sulfit. Kenyal, manis-masam dan berwarna oren terang. Simpan tertutup di tempat "
                "sejuk; sejukkan selepas dibuka."
            ),
        },
        "variants": [
            {
                "sku": "PSF-DMANGO-200",
                "labels": {
                    "en": "200 g bag",
                    "zh_Hant": "200 克袋裝",
                    "th": "ถุง 200 กรัม",
                    "ms": "Beg 200 g",
                },
                "price_twd": 280,
                "stock": 130,
                "weight_g": 240,
            },
            {
                "sku": "PSF-DMANGO-500",
                "labels": {
                    "en": "500 g bag",
                    "zh_Hant": "500 克袋裝",
                    "th": "ถุง 500 กรัม",
                    "ms": "Beg 500 g",
                },
                "price_twd": 650,
                "stock": 45,
                "weight_g": 560,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "081340",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "dried-pineapple-rings",
        "vendor": "pingtung-farm",
        "category": "agri-fresh",
        "names": {
            "en": "Dried Pineapple Rings",
            "zh_Hant": "鳳梨乾",
            "th": "สับปะรดอบแห้ง",
            "ms": "Nanas Kering",
        },
        "descriptions": {
            "en": (
                "Whole rings of Golden Diamond pineapple, dried slowly without added sugar so they taste of real "
                "pineapple: sweet with a sharp edge. A good snack with tea. Reseal the bag after opening."
            ),
            "zh_Hant": "金鑽鳳梨整圈切片，不加糖慢慢烘乾，吃得到真正的鳳梨酸甜。配茶最好的零嘴。開封後請密封保存。",
            "th": "สับปะรดโกลเด้นไดมอนด์หั่นเป็นวงทั้งวง อบแห้งอย่างช้าๆ โดยไม่เติมน้ำตาล ได้รสสับปะรดแท้ หวานตัดเปรี้ยว เป็นของว่างทานกับชาที่ดี ปิดถุงให้สนิทหลังเปิด",
            "ms": (
                "Gelang penuh nanas Golden Diamond dikeringkan perlahan tanpa gula tambahan, jadi rasanya seperti nanas "
                "sebenar: manis dengan sedikit masam. Snek yang sesuai bersama teh. Tutup rapat beg selepas dibuka."
            ),
        },
        "variants": [
            {
                "sku": "PSF-DPINE-200",
                "labels": {
                    "en": "200 g bag",
                    "zh_Hant": "200 克袋裝",
                    "th": "ถุง 200 กรัม",
                    "ms": "Beg 200 g",
                },
                "price_twd": 220,
                "stock": 88,
                "weight_g": 240,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "081340",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "smoked-dried-longan",
        "vendor": "pingtung-farm",
        "category": "agri-fresh",
        "names": {
            "en": "Smoked Dried Longan Flesh",
            "zh_Hant": "桂圓肉",
        },
        "descriptions": {
            "en": (
                "Longans smoked and dried over longan-wood fires in the traditional way, then shelled and pitted by "
                "hand. Dark, chewy and smoky-sweet. Use it in red date tea, rice porridge or longan cake, and store it "
                "in the fridge."
            ),
            "zh_Hant": "以傳統龍眼木柴窯焙乾的龍眼，再人工剝殼去籽取肉。色深、Q韌、帶煙燻甜香。可煮紅棗桂圓茶、桂圓粥或做桂圓蛋糕；請冷藏保存。",
        },
        "variants": [
            {
                "sku": "PSF-LONGAN-300",
                "labels": {
                    "en": "300 g bag",
                    "zh_Hant": "300 克袋裝",
                },
                "price_twd": 380,
                "stock": 50,
                "weight_g": 340,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "081340",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "longan-blossom-honey",
        "vendor": "pingtung-farm",
        "category": "agri-fresh",
        "names": {
            "en": "Longan Blossom Honey",
            "zh_Hant": "龍眼蜜",
            "th": "น้ำผึ้งดอกลำไย",
            "ms": "Madu Bunga Longan",
        },
        "descriptions": {
            "en": (
                "Spring honey from hives placed among longan orchards in southern Taiwan. Dark amber, with a rich, "
                "slightly smoky caramel flavour. Pure honey, neither heated nor blended; it may crystallise when cool, "
                "which is natural."
            ),
            "zh_Hant": "春季蜂農將蜂箱放在南台灣龍眼園採集的龍眼蜜。色澤深琥珀，帶濃郁焦糖與淡淡煙燻香。純蜂蜜，未經加熱或混摻；遇冷結晶屬自然現象。",
            "th": (
                "น้ำผึ้งฤดูใบไม้ผลิจากรังผึ้งที่ตั้งในสวนลำไยทางใต้ของไต้หวัน สีอำพันเข้ม รสเข้มข้นคล้ายคาราเมลและกลิ่นควันอ่อนๆ เป็นน้ำผึ้งแท้ "
                "ไม่ผ่านความร้อนหรือผสม หากตกผลึกเมื่อเจอความเย็นถือเป็นเรื่องปกติ"
            ),
            "ms": (
                "Madu musim bunga dari sarang lebah yang diletakkan di kebun longan di selatan Taiwan. Berwarna amber "
                "gelap dengan rasa karamel yang kaya dan sedikit berasap. Madu tulen, tidak dipanaskan atau dicampur; ia "
                "mungkin menghablur apabila sejuk, dan itu normal."
            ),
        },
        "variants": [
            {
                "sku": "PSF-HONEY-700",
                "labels": {
                    "en": "700 g jar",
                    "zh_Hant": "700 克罐裝",
                    "th": "ขวดโหล 700 กรัม",
                    "ms": "Balang 700 g",
                },
                "price_twd": 580,
                "stock": 40,
                "weight_g": 1050,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "040900",
        "origin": "TW",
        "motif": "jar",
    },
    {
        "handle": "wandan-red-beans",
        "vendor": "pingtung-farm",
        "category": "agri-fresh",
        "names": {
            "en": "Wandan Red Beans",
            "zh_Hant": "萬丹紅豆",
            "th": "ถั่วแดงว่านตัน",
            "ms": "Kacang Merah Wandan",
        },
        "descriptions": {
            "en": (
                "Wandan township in Pingtung is Taiwan's red bean capital, and these adzuki beans are from the latest "
                "winter harvest. Plump and thin-skinned, they cook soft without long soaking. Use them for red bean "
                "soup, shaved ice toppings or homemade bean paste."
            ),
            "zh_Hant": "屏東萬丹是台灣紅豆之鄉，本品為最新一季冬季收成的紅豆。顆粒飽滿、皮薄，不需久泡即可煮軟。適合煮紅豆湯、做剉冰配料或自製豆沙。",
            "th": (
                "อำเภอว่านตัน ผิงตง คือเมืองหลวงถั่วแดงของไต้หวัน ถั่วแดงชุดนี้มาจากการเก็บเกี่ยวฤดูหนาวล่าสุด เม็ดอวบ เปลือกบาง "
                "ต้มสุกนุ่มโดยไม่ต้องแช่นาน ใช้ทำถั่วแดงต้มน้ำตาล ท็อปปิ้งน้ำแข็งไส หรือกวนเป็นไส้ขนมเอง"
            ),
            "ms": (
                "Pekan Wandan di Pingtung ialah pusat kacang merah Taiwan, dan kacang adzuki ini daripada tuaian musim "
                "sejuk yang terkini. Montok dan berkulit nipis, ia cepat lembut tanpa perlu direndam lama. Gunakan untuk "
                "bubur kacang merah, topping ais kisar atau pes kacang buatan sendiri."
            ),
        },
        "variants": [
            {
                "sku": "PSF-REDBEAN-600",
                "labels": {
                    "en": "600 g bag",
                    "zh_Hant": "600 克袋裝",
                    "th": "ถุง 600 กรัม",
                    "ms": "Beg 600 g",
                },
                "price_twd": 120,
                "stock": 160,
                "weight_g": 630,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "071332",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "donggang-sakura-shrimp",
        "vendor": "pingtung-farm",
        "category": "agri-fresh",
        "names": {
            "en": "Donggang Dried Sakura Shrimp",
            "zh_Hant": "東港櫻花蝦",
            "th": "กุ้งซากุระแห้งตงกั่ง",
            "ms": "Udang Sakura Kering Donggang",
        },
        "descriptions": {
            "en": (
                "Tiny pink sakura shrimp caught off Donggang, Pingtung, one of only two places in the world where they "
                "are fished commercially, and sun-dried on the quay. Crisp and sweet-savoury. Toss them into fried rice, "
                "rice noodles or sticky rice, and store them in the fridge."
            ),
            "zh_Hant": (
                "東港外海捕撈的櫻花蝦，全世界僅日本駿河灣與東港有商業捕撈，於港邊日曬乾燥。口感酥脆、鮮甜。"
                "可加入炒飯、炒米粉或油飯；請冷藏保存。"
            ),
            "th": (
                "กุ้งซากุระสีชมพูตัวจิ๋วที่จับได้นอกชายฝั่งตงกั่ง ผิงตง หนึ่งในสองแห่งของโลกที่มีการจับเชิงพาณิชย์ แล้วตากแดดที่ท่าเรือ กรอบ "
                "หวานเค็มกลมกล่อม ใส่ข้าวผัด หมี่ผัด หรือข้าวเหนียวผัดก็อร่อย เก็บในตู้เย็น"
            ),
            "ms": (
                "Udang sakura merah jambu yang kecil ditangkap di perairan Donggang, Pingtung, salah satu daripada dua "
                "tempat di dunia yang menangkapnya secara komersial, lalu dijemur di jeti. Rangup dan manis-masin. Tabur "
                "ke dalam nasi goreng, bihun goreng atau pulut; simpan dalam peti sejuk."
            ),
        },
        "variants": [
            {
                "sku": "PSF-SAKURA-100",
                "labels": {
                    "en": "100 g pack",
                    "zh_Hant": "100 克包裝",
                    "th": "ห่อ 100 กรัม",
                    "ms": "Pek 100 g",
                },
                "price_twd": 450,
                "stock": 6,
                "weight_g": 180,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "030695",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "taiwu-coffee-beans",
        "vendor": "pingtung-farm",
        "category": "agri-fresh",
        "names": {
            "en": "Taiwu Coffee Beans",
            "zh_Hant": "泰武咖啡豆",
        },
        "descriptions": {
            "en": (
                "Arabica grown by Paiwan farmers in the hills of Taiwu, Pingtung, and given a medium roast in small "
                "batches. Soft acidity with notes of brown sugar, nuts and ripe plum. Whole beans; grind just before "
                "brewing."
            ),
            "zh_Hant": "屏東泰武山區排灣族農友種植的阿拉比卡咖啡，小批次中焙。酸質柔和，帶黑糖、堅果與熟李風味。原豆包裝，建議沖煮前再研磨。",
        },
        "variants": [
            {
                "sku": "PSF-COFFEE-227",
                "labels": {
                    "en": "227 g (half pound) bag",
                    "zh_Hant": "227 克（半磅）袋裝",
                },
                "price_twd": 780,
                "stock": 20,
                "weight_g": 300,
            },
        ],
        "halal": None,
        "exempt": None,
        "hs_code": "090121",
        "origin": "TW",
        "motif": "bag",
    },
    {
        "handle": "hengchun-onions",
        "vendor": "pingtung-farm",
        "category": "agri-fresh",
        "names": {
            "en": "Hengchun Onions",
            "zh_Hant": "恆春洋蔥",
            "th": "หัวหอมใหญ่เหิงชุน",
            "ms": "Bawang Besar Hengchun",
        },
        "descriptions": {
            "en": (
                "Onions from the Hengchun Peninsula at Taiwan's southern tip, where the strong winter winds keep them "
                "compact and sweet. Mild and juicy enough to eat raw in salads. The harvest runs from January to April, "
                "and orders open again early next year."
            ),
            "zh_Hant": "產自台灣最南端的恆春半島，冬季落山風讓洋蔥結實鮮甜。辛辣味低、多汁，可生吃做沙拉。產季為1至4月，明年初重新開放訂購。",
            "th": (
                "หัวหอมใหญ่จากคาบสมุทรเหิงชุนทางใต้สุดของไต้หวัน ลมแรงในฤดูหนาวทำให้หัวแน่นและหวาน ฉุนน้อย ฉ่ำน้ำ ทานสดในสลัดได้ "
                "ฤดูเก็บเกี่ยวคือมกราคมถึงเมษายน จะเปิดรับสั่งอีกครั้งต้นปีหน้า"
            ),
            "ms": (
                "Bawang besar dari Semenanjung Hengchun di hujung selatan Taiwan, di mana angin kencang musim sejuk "
                "menjadikannya padat dan manis. Tidak begitu pedas dan cukup berjus untuk dimakan mentah dalam salad. "
                "Musim tuaian ialah Januari hingga April, dan tempahan dibuka semula awal tahun depan."
            ),
        },
        "variants": [
            {
                "sku": "PSF-ONION-5KG",
                "labels": {
                    "en": "5 kg box",
                    "zh_Hant": "5 公斤箱裝",
                    "th": "กล่อง 5 กก.",
                    "ms": "Kotak 5 kg",
                },
                "price_twd": 350,
                "stock": 0,
                "weight_g": 5300,
            },
        ],
        "halal": None,
        "exempt": "perishable",
        "hs_code": "070310",
        "origin": "TW",
        "motif": "fruit",
    },
]
