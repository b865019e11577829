"""schema.org and OpenGraph data for product pages."""

from __future__ import annotations

from app.services.catalog.storefront import ProductView
from app.web.context import external_url, media_url


def product_jsonld(view: ProductView, shopper) -> dict:
    url = external_url("shop.product", vendor_slug=view.vendor.slug, handle=view.product.handle)
    images = [_absolute(media_url(img.key, "zoom")) for img in view.images]
    offers = [
        {
            "@type": "Offer",
            "sku": variant.sku,
            "name": variant.label.value if variant.label else view.name.value,
            "price": str(variant.price.major),
            "priceCurrency": variant.price.currency,
            "availability": "https://schema.org/InStock"
            if variant.in_stock
            else "https://schema.org/OutOfStock",
            "url": url,
            "shippingDetails": {
                "@type": "OfferShippingDetails",
                "shippingDestination": {
                    "@type": "DefinedRegion",
                    "addressCountry": shopper.market.code,
                },
            },
        }
        for variant in view.variants
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": view.name.value,
        "url": url,
        "sku": view.variants[0].sku if view.variants else None,
        "brand": {"@type": "Brand", "name": view.vendor.display_name(shopper.content_locale)},
        "countryOfOrigin": view.product.origin,
        "offers": offers,
    }
    if view.description:
        data["description"] = view.description.value
    if images:
        data["image"] = images
    return {key: value for key, value in data.items() if value is not None}


def _absolute(path: str) -> str:
    from urllib.parse import urljoin

    return urljoin(external_url("shop.home"), path)
