"""Small in-process caches for data that rarely changes (markets, rates, tax rules...).

Each app process keeps its own copy for at most `ttl` seconds. A change to the data raises a
version stamp in the same transaction (services.cache_versions.bump); the process that wrote
empties its caches right after the commit, and every other process within a second, when a
request finds the stamp moved. The TTL is only a safety net.

Caches belong to areas of data ("reference": markets, rates, taxes, shipping, halal bodies,
categories; "catalog": listings and vendors); a cache that names none is emptied with any.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")
#: every area a stamp is kept for (the cache_versions rows)
AREAS = ("reference", "catalog")
_registry: list[tuple[TimedValue, frozenset[str]]] = []


def _areas(areas: Iterable[str] | None) -> frozenset[str]:
    chosen = frozenset(areas) if areas is not None else frozenset(AREAS)
    unknown = chosen - set(AREAS)
    if unknown:
        raise ValueError(f"unknown cache areas {sorted(unknown)}")
    return chosen


class TimedValue(Generic[T]):
    def __init__(
        self, loader: Callable[[], T], ttl: float = 60.0, areas: Iterable[str] | None = None
    ) -> None:
        self._loader = loader
        self._ttl = ttl
        self._lock = threading.Lock()
        self._value: T | None = None
        self._loaded_at = 0.0
        _registry.append((self, _areas(areas)))

    def get(self) -> T:
        now = time.monotonic()
        value = self._value
        if value is not None and now - self._loaded_at < self._ttl:
            return value
        with self._lock:
            if self._value is None or time.monotonic() - self._loaded_at >= self._ttl:
                self._value = self._loader()
                self._loaded_at = time.monotonic()
            return self._value

    def invalidate(self) -> None:
        with self._lock:
            self._value = None


_clearers: list[tuple[Callable[[], None], frozenset[str]]] = []


def register(clear: Callable[[], None], areas: Iterable[str] | None = None) -> None:
    """Another cache to empty whenever one of `areas` changes (all areas when None; none
    for `()`: a cache that follows its data by itself), and whenever every cache is (tests,
    bulk loads)."""
    _clearers.append((clear, _areas(areas)))


def invalidate_areas(areas: Iterable[str]) -> None:
    """Empty the caches that hold data of any of `areas`."""
    changed = frozenset(areas)
    for value, held in _registry:
        if held & changed:
            value.invalidate()
    for clear, held in _clearers:
        if held & changed:
            clear()


def invalidate_all() -> None:
    invalidate_areas(AREAS)
    for clear, held in _clearers:
        if not held:  # registered with areas=(): emptied only with everything
            clear()
