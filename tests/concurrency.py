"""Requests at the same moment, as threads of one test: each runs its own transaction on its
own connection (tests/services/test_inventory_concurrency.py's store_app)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable


def at_once(work: Callable, inputs: Iterable, *, together: bool = True) -> list[BaseException]:
    """Run work(input) for each input in a thread of its own and return what they raised.
    together: the threads start their work at the same moment (a barrier); without it they
    start as soon as they can, and order themselves (an Event the work waits for)."""
    inputs = list(inputs)
    start = threading.Barrier(len(inputs)) if together else None
    errors: list[BaseException] = []

    def run(item) -> None:
        try:
            if start is not None:
                start.wait(timeout=10)
            work(item)
        except BaseException as error:  # noqa: BLE001 - returned to the test
            errors.append(error)

    threads = [threading.Thread(target=run, args=(item,)) for item in inputs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors
