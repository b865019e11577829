"""Product pictures for the demo store, drawn with Pillow (no photos ship with the repo)."""

from __future__ import annotations

import colorsys
import math
import random

from PIL import Image, ImageDraw, ImageFilter

SIZE = 1200
#: delivered size: flat illustrations gain nothing from more pixels, and encoding is the cost
OUTPUT = 800

#: background hue per category, so a listing reads like a real shelf
CATEGORY_HUES = {
    "tea": 0.28,
    "snacks": 0.09,
    "sauces-condiments": 0.02,
    "noodles-rice": 0.13,
    "agri-fresh": 0.22,
    "health-beauty": 0.85,
    "home-kitchen": 0.55,
    "crafts-stationery": 0.05,
    "fashion": 0.62,
    "electronics": 0.6,
}


def _rgb(hue: float, sat: float, light: float) -> tuple[int, int, int]:
    r, g, b = colorsys.hls_to_rgb(hue % 1.0, light, sat)
    return int(r * 255), int(g * 255), int(b * 255)


def draw(motif: str, category: str, seed: str) -> Image.Image:
    """A clean studio-style picture of `motif` on a soft background; `seed` varies colours."""
    rng = random.Random(seed)
    hue = CATEGORY_HUES.get(category, rng.random()) + rng.uniform(-0.04, 0.04)
    image = Image.new("RGB", (SIZE, SIZE), _rgb(hue, 0.35, 0.9))
    d = ImageDraw.Draw(image)
    # soft floor and shadow
    d.rectangle([0, SIZE * 0.72, SIZE, SIZE], fill=_rgb(hue, 0.25, 0.84))
    shadow = Image.new("L", (SIZE, SIZE), 0)
    ImageDraw.Draw(shadow).ellipse([330, 820, 870, 920], fill=110)
    shadow = shadow.filter(ImageFilter.GaussianBlur(30))
    image.paste(_rgb(hue, 0.3, 0.55), mask=shadow)
    d = ImageDraw.Draw(image)
    main = _rgb(hue + rng.uniform(0.35, 0.65), 0.42, 0.42)
    accent = _rgb(hue + rng.uniform(-0.1, 0.1), 0.5, 0.58)
    light = _rgb(hue, 0.2, 0.97)
    painter = MOTIFS.get(motif, _box)
    painter(d, main, accent, light, rng)
    return image.resize((OUTPUT, OUTPUT), Image.Resampling.LANCZOS)


def _tea(d, main, accent, light, rng):
    d.rounded_rectangle([420, 330, 780, 860], radius=40, fill=main)
    d.rectangle([420, 420, 780, 560], fill=light)
    d.ellipse([540, 440, 660, 540], fill=accent)
    d.rounded_rectangle([440, 290, 760, 350], radius=20, fill=accent)


def _cake(d, main, accent, light, rng):
    for row in range(3):
        for col in range(3):
            x, y = 330 + col * 190, 420 + row * 130
            d.rounded_rectangle([x, y, x + 170, y + 115], radius=18, fill=accent)
            d.line([x + 20, y + 57, x + 150, y + 57], fill=main, width=6)
    d.rectangle([300, 390, 900, 410], fill=main)


def _bottle(d, main, accent, light, rng):
    d.rounded_rectangle([500, 300, 700, 380], radius=12, fill=main)
    d.rounded_rectangle([450, 370, 750, 870], radius=70, fill=accent)
    d.rounded_rectangle([480, 520, 720, 720], radius=20, fill=light)
    d.rectangle([560, 250, 640, 310], fill=main)


def _jar(d, main, accent, light, rng):
    d.rounded_rectangle([400, 430, 800, 870], radius=60, fill=accent)
    d.rounded_rectangle([420, 360, 780, 450], radius=20, fill=main)
    d.rounded_rectangle([450, 560, 750, 730], radius=24, fill=light)


def _bag(d, main, accent, light, rng):
    d.polygon([(400, 380), (800, 380), (850, 870), (350, 870)], fill=accent)
    d.arc([500, 260, 700, 460], 180, 360, fill=main, width=24)
    d.rectangle([450, 560, 750, 700], fill=light)


def _noodle(d, main, accent, light, rng):
    d.ellipse([300, 560, 900, 880], fill=main)
    d.ellipse([330, 560, 870, 760], fill=light)
    for i in range(7):
        y = 600 + i * 18
        points = [(360 + x, y + 14 * math.sin(x / 40 + i)) for x in range(0, 480, 12)]
        d.line(points, fill=accent, width=8)


def _fruit(d, main, accent, light, rng):
    for i, (x, y, r) in enumerate([(480, 600, 170), (700, 640, 150), (590, 480, 140)]):
        d.ellipse([x - r, y - r, x + r, y + r], fill=accent if i % 2 else main)
    d.ellipse([560, 300, 700, 380], fill=_leaf_green())


def _leaf_green():
    return (74, 140, 66)


def _box(d, main, accent, light, rng):
    d.rectangle([330, 420, 870, 860], fill=accent)
    d.rectangle([570, 420, 630, 860], fill=main)
    d.rectangle([330, 360, 870, 440], fill=main)
    d.ellipse([500, 270, 600, 370], outline=main, width=22)
    d.ellipse([600, 270, 700, 370], outline=main, width=22)


def _cup(d, main, accent, light, rng):
    d.chord([380, 380, 820, 860], 0, 180, fill=accent)
    d.rectangle([380, 600, 820, 620], fill=accent)
    d.ellipse([350, 820, 850, 880], fill=main)
    for x in (520, 600, 680):
        d.arc([x - 30, 300, x + 30, 520], 100, 260, fill=light, width=10)


def _leaf(d, main, accent, light, rng):
    d.ellipse([380, 330, 820, 860], fill=_leaf_green())
    d.line([600, 330, 600, 880], fill=light, width=10)
    for y in range(420, 820, 80):
        d.line([600, y, 480, y - 60], fill=light, width=6)
        d.line([600, y, 720, y - 60], fill=light, width=6)


def _umbrella(d, main, accent, light, rng):
    d.pieslice([260, 260, 940, 940], 180, 360, fill=accent)
    for angle in range(180, 361, 30):
        rad = math.radians(angle)
        d.line([600, 600, 600 + 340 * math.cos(rad), 600 + 340 * math.sin(rad)], fill=main, width=6)
    d.line([600, 600, 600, 900], fill=main, width=16)


def _lantern(d, main, accent, light, rng):
    d.ellipse([390, 360, 810, 840], fill=(200, 40, 40))
    for x in (470, 540, 600, 660, 730):
        d.line([x, 380, x, 820], fill=(150, 25, 25), width=5)
    d.rectangle([500, 320, 700, 370], fill=(230, 180, 60))
    d.rectangle([500, 830, 700, 880], fill=(230, 180, 60))


def _shirt(d, main, accent, light, rng):
    d.polygon(
        [
            (420, 340),
            (780, 340),
            (900, 470),
            (820, 540),
            (780, 500),
            (780, 870),
            (420, 870),
            (420, 500),
            (380, 540),
            (300, 470),
        ],
        fill=accent,
    )
    for x in range(460, 760, 90):
        for y in range(420, 840, 90):
            d.ellipse([x, y, x + 40, y + 40], fill=light)


def _gadget(d, main, accent, light, rng):
    d.rounded_rectangle([340, 440, 860, 820], radius=40, fill=main)
    for row in range(4):
        for col in range(8):
            x, y = 380 + col * 58, 480 + row * 76
            d.rounded_rectangle([x, y, x + 44, y + 56], radius=8, fill=light)


def _soap(d, main, accent, light, rng):
    d.rounded_rectangle([360, 520, 840, 820], radius=90, fill=accent)
    d.ellipse([480, 590, 720, 750], outline=light, width=14)
    for x, y, r in ((430, 430, 40), (520, 380, 28), (780, 420, 34)):
        d.ellipse([x - r, y - r, x + r, y + r], outline=light, width=6)


MOTIFS = {
    "tea": _tea,
    "cake": _cake,
    "bottle": _bottle,
    "jar": _jar,
    "bag": _bag,
    "noodle": _noodle,
    "fruit": _fruit,
    "box": _box,
    "cup": _cup,
    "leaf": _leaf,
    "umbrella": _umbrella,
    "lantern": _lantern,
    "shirt": _shirt,
    "gadget": _gadget,
    "soap": _soap,
}
