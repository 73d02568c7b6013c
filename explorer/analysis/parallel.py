"""Run independent chunks of work in forked worker processes, or in-process.

``run_chunks(task, state, n, workers, cancelled)`` splits ``range(n)`` into consecutive
chunks and returns ``[task(state, start, stop), ...]`` in order.  With ``workers`` > 1 (and a
platform that can fork) the chunks run in that many forked processes, which inherit ``state``
without pickling it; only the results travel back.  Cancellation is polled while waiting.
The GUI keeps ``workers=1`` (forking a process that runs Qt threads is unsafe); the CLI and
batch work may use more.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, TimeoutError as FutureTimeout
from typing import Any

from .settings import AnalysisCancelled, CancelledCallback, checkpoint

__all__ = ["run_chunks", "chunk_bounds"]

_STATE: dict[str, Any] = {}


def chunk_bounds(n: int, workers: int, min_chunk: int = 5_000) -> list[tuple[int, int]]:
    """Consecutive (start, stop) chunks: about 4 per worker, none smaller than ``min_chunk``."""
    if n <= 0:
        return []
    size = max(min_chunk, -(-n // max(1, 4 * workers)))
    return [(a, min(a + size, n)) for a in range(0, n, size)]


def _run(start: int, stop: int) -> Any:
    return _STATE["task"](_STATE["state"], start, stop)


def run_chunks(task: Callable[[Any, int, int], Any], state: Any, n: int, workers: int = 1,
               cancelled: CancelledCallback | None = None, min_chunk: int = 5_000) -> list:
    """``task(state, start, stop)`` for every chunk of ``range(n)``, in order."""
    bounds = chunk_bounds(n, workers, min_chunk)
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    if workers <= 1 or len(bounds) <= 1 or not can_fork:
        out = []
        for start, stop in bounds:
            checkpoint(None, cancelled, 0, "chunk")
            out.append(task(state, start, stop))
        return out
    _STATE.update(task=task, state=state)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as ex:
            futures = [ex.submit(_run, a, b) for a, b in bounds]
            return [_wait(future, ex, cancelled) for future in futures]
    finally:
        _STATE.clear()


def _wait(future, executor, cancelled):
    while True:
        try:
            return future.result(timeout=0.2)
        except FutureTimeout:
            if cancelled is not None and cancelled():
                executor.shutdown(wait=False, cancel_futures=True)
                raise AnalysisCancelled("cancelled")
