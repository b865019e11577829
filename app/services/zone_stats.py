"""What shoppers do with each featured zone: views of its page, product pages opened from
it, adds to cart from it; and the orders and revenue of what was bought from it.

A page view never writes to the database (DESIGN.md, Speed): counts go to Redis when
`REDIS_URL` is set (HINCRBY on a hash per zone and Taipei day, shared by every app server),
else to a counter in this process's memory. `flush()` moves them into `zone_daily_stats` in
batches: the scheduled sweep does it (app.jobs), and `flask zones flush-stats`. A batch that
fails to be saved is given back and tried again next time.

Orders, units and revenue come from order lines, which carry the zone the shopper found the
product in (cart line → order line): paid orders only, by the day they were paid (Taipei).
Revenue is the goods' value in New Taiwan dollars (unit price × quantity as the line
snapshotted it: vendors price in TWD, so it adds up across markets without converting;
shipping and import tax are not the zone's).
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite

from app.domain import analytics
from app.domain.order_states import OrderStatus
from app.extensions import db
from app.models import Order, OrderLine, Zone, ZoneDailyStat
from app.services import clock
from app.services.cache import TimedValue

log = logging.getLogger(__name__)

#: what is counted, as the columns of zone_daily_stats are named
KINDS = ("views", "product_views", "add_to_carts")
#: distinct (zone, day) counts one process keeps before a flush; past it, new ones are dropped
#: (a flood of made-up zone ids cannot grow memory: unknown zones are not counted anyway)
MAX_PENDING = 10_000
#: Redis keys: live counts, and counts a flush has claimed (with when and by whom)
LIVE = "tgg:zone-stats:live:"
CLAIMED = "tgg:zone-stats:claimed:"
#: a claimed batch older than this was left by a flush that died: the next one takes it
ORPHAN_AFTER = 600

Key = tuple[int, date]  # (zone id, Taipei day)

_lock = threading.Lock()
_pending: dict[Key, Counter] = {}
_clients: dict[str, object] = {}


def _known_zone_ids() -> frozenset[int]:
    return frozenset(db.session.scalars(select(Zone.id)))


#: zone ids that exist: a zone id from a URL or a form is counted only if it names one
known_zones = TimedValue(_known_zone_ids, ttl=60.0)


# -- counting (no database write) ---------------------------------------------------------------


def _redis():
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    client = _clients.get(url)
    if client is None:
        from redis import Redis

        client = _clients[url] = Redis.from_url(url, socket_timeout=0.5)
    return client


def count(kind: str, zone_id: int | None, trusted: bool = False) -> None:
    """One more `kind` for the zone today. `trusted`: the caller read the zone from the
    database; else the id came from a visitor and is counted only if it names a zone."""
    if kind not in KINDS:
        raise ValueError(kind)
    if zone_id is None or (not trusted and zone_id not in known_zones.get()):
        return
    day = clock.today()
    client = _redis()
    if client is not None:
        try:
            client.hincrby(f"{LIVE}{day.isoformat()}:{zone_id}", kind, 1)
            return
        except Exception:  # noqa: BLE001 - a count must never fail a page: keep it here
            log.warning("Redis unavailable: zone %s %s counted in this process", zone_id, kind)
    with _lock:
        counts = _pending.get((zone_id, day))
        if counts is None:
            if len(_pending) >= MAX_PENDING:
                return
            counts = _pending[(zone_id, day)] = Counter()
        counts[kind] += 1


# -- batches ------------------------------------------------------------------------------------


@dataclass
class Batch:
    """Counts taken out of memory and Redis, to be added to the table."""

    counts: dict[Key, Counter] = field(default_factory=lambda: defaultdict(Counter))
    #: the claimed Redis keys the counts came from (deleted once saved)
    redis_keys: list[str] = field(default_factory=list)
    from_memory: dict[Key, Counter] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.counts)


def _claim_redis(client, batch: Batch) -> None:
    now = int(time.time())
    mine = f"{CLAIMED}{now}:{uuid.uuid4().hex}:"
    for key in client.scan_iter(match=f"{LIVE}*", count=500):
        key = key.decode()
        suffix = key[len(LIVE) :]
        try:
            client.rename(key, mine + suffix)
        except Exception:  # noqa: BLE001, S112 - another flush claimed it first
            continue
        batch.redis_keys.append(mine + suffix)
    for key in client.scan_iter(match=f"{CLAIMED}*", count=500):
        key = key.decode()
        if key.startswith(mine):
            continue
        stamp, _token, suffix = key[len(CLAIMED) :].split(":", 2)
        if int(stamp) < now - ORPHAN_AFTER:
            try:
                client.rename(key, mine + suffix)
            except Exception:  # noqa: BLE001, S112 - another flush took the orphan
                continue
            batch.redis_keys.append(mine + suffix)
    for key in batch.redis_keys:
        day, zone = key.rsplit(":", 2)[-2:]
        values = client.hgetall(key)
        counts = batch.counts[(int(zone), date.fromisoformat(day))]
        for kind, value in values.items():
            if kind.decode() in KINDS:
                counts[kind.decode()] += int(value)


def take() -> Batch:
    """Everything counted so far, out of this process's memory and out of Redis."""
    batch = Batch()
    with _lock:
        batch.from_memory = dict(_pending)
        _pending.clear()
    for key, counts in batch.from_memory.items():
        batch.counts[key].update(counts)
    client = _redis()
    if client is not None:
        _claim_redis(client, batch)
    return batch


def record(batch: Batch) -> int:
    """Add the batch to zone_daily_stats (flush only; the caller's unit of work commits).
    Counts of zones deleted since are dropped. Returns how many (zone, day) rows it touched."""
    if not batch.counts:
        return 0
    zone_ids = {zone_id for zone_id, _day in batch.counts}
    exist = set(db.session.scalars(select(Zone.id).where(Zone.id.in_(zone_ids))))
    rows = [
        {"zone_id": zone_id, "day": day, **{kind: counts.get(kind, 0) for kind in KINDS}}
        for (zone_id, day), counts in sorted(batch.counts.items())
        if zone_id in exist
    ]
    if not rows:
        return 0
    dialect = db.session.get_bind().dialect.name
    insert = (postgresql if dialect == "postgresql" else sqlite).insert
    stmt = insert(ZoneDailyStat).values(rows)
    table = ZoneDailyStat.__table__
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.zone_id, table.c.day],
        set_={kind: table.c[kind] + stmt.excluded[kind] for kind in KINDS},
    )
    db.session.execute(stmt)
    db.session.flush()
    return len(rows)


def done(batch: Batch) -> None:
    """The batch is saved: forget its Redis keys."""
    client = _redis()
    if client is not None and batch.redis_keys:
        client.delete(*batch.redis_keys)


def give_back(batch: Batch) -> None:
    """The batch could not be saved: its counts wait for the next flush."""
    with _lock:
        for key, counts in batch.from_memory.items():
            _pending.setdefault(key, Counter()).update(counts)
    client = _redis()
    if client is None or not batch.redis_keys:
        return
    pipe = client.pipeline()
    for key in batch.redis_keys:
        suffix = key[len(CLAIMED) :].split(":", 2)[2]
        for kind, value in client.hgetall(key).items():
            pipe.hincrby(LIVE + suffix, kind.decode(), int(value))
        pipe.delete(key)
    pipe.execute()


# -- what the console shows ---------------------------------------------------------------------


@dataclass(frozen=True)
class ZoneFigures:
    zone_id: int
    views: int = 0
    product_views: int = 0
    add_to_carts: int = 0
    orders: int = 0
    units: int = 0
    revenue_twd: int = 0

    @property
    def conversion(self) -> Decimal | None:
        """Orders per zone page view, to a tenth of a percent, rounded as the dashboard's
        conversion is (None before any view)."""
        return analytics.share(self.orders, self.views)


def figures(first: date, last: date) -> dict[int, ZoneFigures]:
    """Per zone, the Taipei days first..last (both included), in two statements."""
    counted = {
        row.zone_id: row
        for row in db.session.execute(
            select(
                ZoneDailyStat.zone_id,
                *(func.sum(ZoneDailyStat.__table__.c[kind]).label(kind) for kind in KINDS),
            )
            .where(ZoneDailyStat.day >= first, ZoneDailyStat.day <= last)
            .group_by(ZoneDailyStat.zone_id)
        )
    }
    bought = {
        row.zone_id: row
        for row in db.session.execute(
            select(
                OrderLine.zone_id,
                func.count(func.distinct(OrderLine.order_id)).label("orders"),
                func.sum(OrderLine.quantity).label("units"),
                func.sum(OrderLine.unit_price_twd * OrderLine.quantity).label("revenue"),
            )
            .join(Order, Order.id == OrderLine.order_id)
            .where(
                OrderLine.zone_id.is_not(None),
                Order.status == OrderStatus.PAID.value,
                Order.paid_at >= clock.day_start(first),
                Order.paid_at < clock.day_start(last + timedelta(days=1)),
            )
            .group_by(OrderLine.zone_id)
        )
    }
    found = {}
    for zone_id in counted.keys() | bought.keys():
        views = counted.get(zone_id)
        sold = bought.get(zone_id)
        found[zone_id] = ZoneFigures(
            zone_id=zone_id,
            views=int(views.views) if views else 0,
            product_views=int(views.product_views) if views else 0,
            add_to_carts=int(views.add_to_carts) if views else 0,
            orders=int(sold.orders) if sold else 0,
            units=int(sold.units) if sold else 0,
            revenue_twd=int(sold.revenue) if sold else 0,
        )
    return found
