"""The demo catalogue: real goods, interleaved by category so that any prefix of the list
(`flask demo-data --products 40`) still shows every category."""

from __future__ import annotations

import itertools

from app.demo.catalogue_food import PRODUCTS as FOOD
from app.demo.catalogue_goods import PRODUCTS as GOODS


def _interleaved(products: list[dict]) -> list[dict]:
    by_category: dict[str, list[dict]] = {}
    for product in products:
        by_category.setdefault(product["category"], []).append(product)
    rounds = itertools.zip_longest(*by_category.values())
    return [product for group in rounds for product in group if product is not None]


PRODUCTS: list[dict] = _interleaved(FOOD + GOODS)
