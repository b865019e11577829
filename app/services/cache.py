"""Small in-process caches for data that rarely changes (markets, rates, tax rules...).

Each app process keeps its own copy for at most `ttl` seconds; the process that writes clears
its copy at once (`invalidate`). With several app servers, others see a change within the TTL.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
_registry: list[TimedValue] = []


class TimedValue(Generic[T]):
    def __init__(self, loader: Callable[[], T], ttl: float = 60.0) -> None:
        self._loader = loader
        self._ttl = ttl
        self._lock = threading.Lock()
        self._value: T | None = None
        self._loaded_at = 0.0
        _registry.append(self)

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


_clearers: list[Callable[[], None]] = []


def register(clear: Callable[[], None]) -> None:
    """Another cache to empty whenever every cache is (tests, bulk loads)."""
    _clearers.append(clear)


def invalidate_all() -> None:
    for value in _registry:
        value.invalidate()
    for clear in _clearers:
        clear()
