"""Running long work off the GUI thread: a QRunnable in the global thread pool, reporting
progress and its result through signals (delivered on the GUI thread), cancellable through a
flag the work polls.

The work is any callable ``work(progress, cancelled) -> result``; for the analysis that is
``lambda p, c: run_analysis(layers, settings, progress=p, cancelled=c)``."""
from __future__ import annotations

import logging
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

__all__ = ["Job", "JobSignals"]

log = logging.getLogger(__name__)
Work = Callable[[Callable[[float, str], None], Callable[[], bool]], Any]


class JobSignals(QObject):
    """Signals of one job; they live on the GUI thread, so slots run there."""

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()  # after any of the three above


class Job(QRunnable):
    """One run of ``work`` on a pool thread."""

    def __init__(self, work: Work, cancelled_types: tuple[type[BaseException], ...] = ()) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps it until ``finished``
        self.work = work
        self.cancelled_types = cancelled_types
        self.signals = JobSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next checkpoint."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancel.is_set()

    def start(self, pool: QThreadPool | None = None) -> None:
        """Queue the job on ``pool`` (default: the global pool)."""
        (pool or QThreadPool.globalInstance()).start(self)

    def run(self) -> None:
        """Pool thread: run the work and emit exactly one outcome, then ``finished``."""
        try:
            result = self.work(self.signals.progressed.emit, self.is_cancelled)
        except self.cancelled_types or ():  # type: ignore[misc]
            self.signals.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI, never lost
            log.error("background job failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(exc)
        else:
            if self.is_cancelled():
                self.signals.cancelled.emit()
            else:
                self.signals.succeeded.emit(result)
        self.signals.finished.emit()
