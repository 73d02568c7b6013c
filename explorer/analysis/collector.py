"""Fewer garbage-collector passes while an analysis runs.

An analysis allocates hundreds of thousands of short-lived objects (shapely geometries, row
tuples, dicts) that reference counting frees at once; with CPython's default thresholds
(700 allocations per young collection) the cyclic collector still walks the young objects
thousands of times, and every so often every object alive (the loaded layers), which on the
sample costs about a tenth of the run.  :func:`fewer_collections` raises the young threshold
for the duration of a block and restores it afterwards: nothing is kept that a collection
would free, only freed a little later.  Nested or concurrent blocks (threads) share one
raised threshold; the last block to end restores the caller's.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["fewer_collections", "YOUNG_THRESHOLD"]

#: Allocations between two young collections inside :func:`fewer_collections`.
YOUNG_THRESHOLD = 50_000

_lock = threading.Lock()
_saved: list[tuple[int, ...]] = []   # the threshold before the outermost block
_depth = 0


@contextmanager
def fewer_collections(young: int = YOUNG_THRESHOLD) -> Iterator[None]:
    """Run the block with the collector's young threshold at least ``young`` (the previous
    thresholds are restored when the last open block ends, also on error)."""
    global _depth
    with _lock:
        if _depth == 0:
            _saved[:] = [gc.get_threshold()]
        _depth += 1
        old = _saved[0]
        gc.set_threshold(max(young, old[0], gc.get_threshold()[0]), *old[1:])
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.set_threshold(*_saved[0])
