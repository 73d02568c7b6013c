"""Run independent chunks of work in forked worker processes, or in-process.

``run_chunks(task, state, n, workers, cancelled)`` splits ``range(n)`` into consecutive
chunks and returns ``[task(state, start, stop), ...]`` in order.  With ``workers`` > 1 (and a
platform that can fork) the chunks run in that many forked processes, which inherit ``state``
without pickling it; only the results travel back.  Cancellation is polled while waiting.
The GUI keeps ``workers=1`` (forking a process that runs Qt threads is unsafe); the CLI and
batch work may use more, and :func:`fork_is_safe` refuses to fork anyway from a thread other
than the main one, while other Python threads run, or once a Qt application exists.

``start_beside(func, workers)`` runs one whole independent step in a forked process while
the caller does another (:class:`Beside`); the engine uses it to overlap the downstream and
raster steps with the overlap and proximity steps.
"""
from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, TimeoutError as FutureTimeout
from typing import Any

import numpy as np
import shapely

from .settings import AnalysisCancelled, CancelledCallback, checkpoint

__all__ = ["run_chunks", "chunk_bounds", "fork_is_safe", "Beside", "start_beside"]

_STATE: dict[str, Any] = {}


def chunk_bounds(n: int, workers: int, min_chunk: int = 5_000) -> list[tuple[int, int]]:
    """Consecutive (start, stop) chunks, none smaller than ``min_chunk``: about 4 per worker,
    and with several workers smaller towards the end (each at most the remainder over twice
    the workers), so that the workers finish at about the same time."""
    if n <= 0:
        return []
    cap = max(min_chunk, -(-n // max(1, 4 * workers)))
    if workers <= 1:
        return [(a, min(a + cap, n)) for a in range(0, n, cap)]
    out, start = [], 0
    while start < n:
        size = min(cap, max(min_chunk, -(-(n - start) // (2 * workers))))
        out.append((start, min(start + size, n)))
        start += size
    return out


def _run(start: int, stop: int) -> Any:
    return _packed(_STATE["task"](_STATE["state"], start, stop))


class _Geometries:
    """An array of geometries on its way between processes, as WKB: shapely pickles
    geometries one by one (40,000 overlap polygons took 0.6 s to pickle and 0.3 s to read
    back), its vectorised WKB functions take a tenth of that."""

    def __init__(self, geoms: np.ndarray):
        self.wkb = shapely.to_wkb(geoms)

    def geometries(self) -> np.ndarray:
        """The geometries again (missing ones stay None)."""
        return shapely.from_wkb(self.wkb)


def _packed(value: Any) -> Any:
    """``value`` with every object array of geometries (in tuples, lists and dicts) turned
    into :class:`_Geometries`."""
    return _mapped(value, lambda v: _Geometries(v) if _is_geometry_array(v) else v)


def _unpacked(value: Any) -> Any:
    """:func:`_packed` undone."""
    return _mapped(value, lambda v: v.geometries() if isinstance(v, _Geometries) else v)


def _is_geometry_array(value: Any) -> bool:
    return (isinstance(value, np.ndarray) and value.dtype == object and value.ndim == 1
            and len(value) > 0 and bool((shapely.is_geometry(value)
                                         | shapely.is_missing(value)).all()))


def _mapped(value: Any, leaf: Callable[[Any], Any]) -> Any:
    """``value`` with ``leaf`` applied to everything inside its tuples, lists and dicts."""
    if type(value) in (list, tuple):
        return type(value)(_mapped(v, leaf) for v in value)
    if type(value) is dict:
        return {k: _mapped(v, leaf) for k, v in value.items()}
    return leaf(value)


def run_chunks(task: Callable[[Any, int, int], Any], state: Any, n: int, workers: int = 1,
               cancelled: CancelledCallback | None = None, min_chunk: int = 5_000) -> list:
    """``task(state, start, stop)`` for every chunk of ``range(n)``, in order."""
    bounds = chunk_bounds(n, workers, min_chunk)
    if workers <= 1 or len(bounds) <= 1 or not _may_fork():
        out = []
        for start, stop in bounds:
            checkpoint(None, cancelled, 0, "chunk")
            out.append(task(state, start, stop))
        return out
    _STATE.update(task=task, state=state)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as ex:
            futures = [ex.submit(_run, a, b) for a, b in bounds]
            return [_unpacked(_wait(future, ex, cancelled)) for future in futures]
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


def fork_is_safe() -> bool:
    """True when this process may fork: the platform can, only the main thread runs Python,
    and no Qt application exists (forking a process that runs Qt threads is unsafe)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    if threading.current_thread() is not threading.main_thread() or threading.active_count() > 1:
        return False
    qt = sys.modules.get("PySide6.QtCore")
    return qt is None or qt.QCoreApplication.instance() is None


def _may_fork() -> bool:
    """:func:`fork_is_safe`, and this process is not a :class:`Beside` process: that is a
    daemon, and multiprocessing forbids a daemon to start processes (its chunks then run in
    it, one after another)."""
    return fork_is_safe() and not multiprocessing.current_process().daemon


def _beside_child(func: Callable[[], Any], writer) -> None:
    try:
        out = ("ok", func())
    except BaseException:  # noqa: BLE001 - the parent runs the work again and reports
        out = ("failed", None)
    try:
        writer.send(out)
    except Exception:  # noqa: BLE001 - e.g. a value that cannot be pickled
        writer.send(("failed", None))
    writer.close()


class Beside:
    """``func()`` run in a forked process while the caller goes on with other work.

    :meth:`result` waits for the value (polling ``cancelled``) and returns ``None`` when the
    child failed in any way, so the caller can run ``func`` itself and report the error.
    """

    def __init__(self, func: Callable[[], Any]) -> None:
        ctx = multiprocessing.get_context("fork")
        self._reader, writer = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_beside_child, args=(func, writer), daemon=True)
        self._process.start()
        writer.close()

    def result(self, cancelled: CancelledCallback | None = None) -> Any:
        """The child's value, or None if it failed."""
        try:
            while not self._reader.poll(0.05):
                checkpoint(None, cancelled, 0, "waiting for a worker")
                if not self._process.is_alive() and not self._reader.poll(0):
                    return None
            status, value = self._reader.recv()
        except (EOFError, OSError):
            return None
        finally:
            self.stop()
        return value if status == "ok" else None

    def stop(self) -> None:
        """End the child (if still running) and release the pipe; safe to call twice."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._reader.close()


def start_beside(func: Callable[[], Any], workers: int) -> Beside | None:
    """A :class:`Beside` running ``func`` when ``workers`` > 1 and forking is safe, else None."""
    if workers <= 1 or not _may_fork():
        return None
    try:
        return Beside(func)
    except OSError:
        return None
