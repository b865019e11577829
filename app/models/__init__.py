"""The model layer shared by every blueprint: one module per aggregate."""

from app.models.analytics import SalesDay, SalesDayKey, SalesDayMarket
from app.models.audit import AuditEvent
from app.models.cart import Address, CartLine
from app.models.catalog import (
    Category,
    CategoryTranslation,
    HalalBody,
    Product,
    ProductImage,
    ProductImageTranslation,
    ProductTranslation,
    Variant,
    VariantTranslation,
)
from app.models.customs import CategoryRestriction, DutyRate, HsHeading
from app.models.earnings import Payout, VendorLedgerEntry
from app.models.inventory import StockMovement
from app.models.market import (
    CategoryDutyRate,
    Currency,
    ExchangeRate,
    Market,
    ShippingRate,
    TaxRule,
)
from app.models.order import Order, OrderEvent, OrderLine, OrderTaxLine, VendorOrder
from app.models.outbox import OutboxMessage
from app.models.payment import Payment, Refund, StripeEvent
from app.models.returns import ReturnLine, ReturnPhoto, ReturnRequest
from app.models.search import SearchDocument, SearchRemoval, SearchText, SearchWord
from app.models.settings import CacheVersion, StoreSetting
from app.models.user import SignInAttempt, User
from app.models.vendor import CatalogImport, Vendor, VendorInvitation, VendorTranslation
from app.models.zone import Zone, ZoneDailyStat, ZoneMarket, ZoneProduct, ZoneTranslation

__all__ = [
    "Address",
    "AuditEvent",
    "CacheVersion",
    "CartLine",
    "CatalogImport",
    "Category",
    "CategoryDutyRate",
    "CategoryRestriction",
    "CategoryTranslation",
    "Currency",
    "DutyRate",
    "ExchangeRate",
    "HalalBody",
    "HsHeading",
    "Market",
    "Order",
    "OrderEvent",
    "OrderLine",
    "OrderTaxLine",
    "OutboxMessage",
    "Payment",
    "Payout",
    "Product",
    "ProductImage",
    "ProductImageTranslation",
    "ProductTranslation",
    "Refund",
    "ReturnLine",
    "ReturnPhoto",
    "ReturnRequest",
    "SalesDay",
    "SalesDayKey",
    "SalesDayMarket",
    "SearchDocument",
    "SearchRemoval",
    "SearchText",
    "SearchWord",
    "ShippingRate",
    "SignInAttempt",
    "StockMovement",
    "StoreSetting",
    "StripeEvent",
    "TaxRule",
    "User",
    "Variant",
    "VariantTranslation",
    "Vendor",
    "VendorInvitation",
    "VendorLedgerEntry",
    "VendorOrder",
    "VendorTranslation",
    "Zone",
    "ZoneDailyStat",
    "ZoneMarket",
    "ZoneProduct",
    "ZoneTranslation",
]
