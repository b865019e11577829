"""The catalog aggregate: products, variants, their text and photos.

storefront (reads for shoppers), cards (cached product cards), admin (vendors' writes), portal
(reads for the vendor portal), images and media (photos), csv (bulk listing), imports (uploads
as records), events (what follows a write: search index and cards kept in step).
"""
