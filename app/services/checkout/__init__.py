"""Selling: placing an order (placing), paying it through Stripe (payments), what happens to
it after (lifecycle: paid, expired, cancelled, refunded when it cannot be kept), its timeline
(events) and what support and shoppers read about it (queries)."""
