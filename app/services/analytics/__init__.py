"""The operators' dashboard (issue 12, Analytics).

queries:   the SQL, sums per day, market, vendor, category and zone and per frozen rate
dashboard: what the page shows, in NT$ converted exactly with each order's own rate
"""

from app.services.analytics.dashboard import Dashboard, dashboard

__all__ = ["Dashboard", "dashboard"]
