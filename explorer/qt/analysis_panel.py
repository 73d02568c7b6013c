"""Analysis panel: rings, sensitive roles, downstream reach and raster change; Run starts
``explorer.analysis.run_analysis`` in a worker with a progress bar and Cancel.

The panel collects the settings and calls one function; the analysis callable is injectable
(tests give a slow fake)."""
from __future__ import annotations

import logging
import time
from typing import Any, Callable

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from layers.roles import SENSITIVE_ROLES, Role

from .engine_texts import engine_text
from .errors import user_message
from .retranslate import Retranslatable, ui_number
from .session import Session
from .worker import Job
from .role_text import role_text

__all__ = ["AnalysisPanel", "parse_rings"]

log = logging.getLogger(__name__)


def parse_rings(text: str) -> tuple[float, ...]:
    """``"1, 5, 10"`` → ``(1.0, 5.0, 10.0)``; raises ValueError on anything else.

    With semicolons the comma is a decimal comma, as pt, es and fr readers write it:
    ``"1; 2,5; 10"`` → ``(1.0, 2.5, 10.0)``.
    """
    if ";" in text:
        parts = [p.strip().replace(",", ".") for p in text.split(";") if p.strip()]
    else:
        parts = [p for p in text.replace(" ", ",").split(",") if p.strip()]
    from explorer.analysis.settings import MAX_RING_KM  # noqa: PLC0415

    rings = tuple(sorted({float(p) for p in parts}))
    if not rings or not all(0 < r <= MAX_RING_KM for r in rings):  # also refuses nan
        raise ValueError(text)
    return rings


class AnalysisPanel(Retranslatable, QWidget):
    """Settings, Run/Cancel and progress of one analysis at a time."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Docked size that leaves the map most of the window."""
        return QSize(320, 420)

    started = Signal()
    finished = Signal(object)  # AnalysisResult
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, session: Session, analysis: Callable[..., Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._analysis = analysis
        self.job: Job | None = None
        self._abandoned: list[Job] = []
        self._started_at = 0.0
        self.rings = QLineEdit("1, 5, 10, 25, 50", self)
        self.reach = QDoubleSpinBox(self)
        self.reach.setRange(0.0, 2000.0)
        self.reach.setValue(100.0)
        self.reach.setSuffix(" km")
        self.roles = self._make_roles()
        self.before, self.after = QComboBox(self), QComboBox(self)
        for box in (self.before, self.after):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
        self.run_button = QPushButton(self)
        self.run_button.setObjectName("runAnalysis")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self._message_source: tuple[str, ...] = ("Set the parameters and press Run.",)
        self._lay_out()
        for signal in (session.layersReset, session.layerInserted, session.layerRemoved, session.layerChanged):
            signal.connect(self._refresh_rasters)
        self._refresh_rasters()
        self.retranslate()

    def retranslate(self) -> None:
        """Buttons, labels, role names and the last message in the installed language."""
        self.run_button.setText(self.tr("Run analysis"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.group.setTitle(self.tr("Parameters"))
        for label, text in zip(self.labels, (self.tr("Rings (km)"), self.tr("Downstream reach"),
                                             self.tr("Measure against"), self.tr("Land cover before"),
                                             self.tr("Land cover after"))):
            label.setText(text)
        for i in range(self.roles.count()):
            self.roles.item(i).setText(role_text(self.roles.item(i).data(Qt.ItemDataRole.UserRole)))
        for box in (self.before, self.after):
            box.setItemText(0, self.tr("(none)"))
        self.reach.setLocale(QLocale())  # decimal comma in pt, es and fr
        self.message.setText(self._message_text(*self._message_source))

    def _message_text(self, key: str, *args: Any) -> str:
        """The message named by ``key`` (an English source or an engine message) translated;
        a number argument is written for the language."""
        texts = {"Set the parameters and press Run.": self.tr("Set the parameters and press Run."),
                 "Running…": self.tr("Running…"), "Analysis cancelled.": self.tr("Analysis cancelled."),
                 "Done in %1 s.": self.tr("Done in %1 s.")}
        if key == "engine":
            return engine_text(args[0])
        if key == "plain":
            return args[0]
        if not args:
            return texts[key]
        value = args[0]
        return texts[key].replace("%1", ui_number(value, 1) if isinstance(value, float) else str(value))

    def _make_roles(self) -> QListWidget:
        roles = QListWidget(self)
        for role in SENSITIVE_ROLES:
            item = QListWidgetItem(role_text(role), roles)
            item.setData(Qt.ItemDataRole.UserRole, role.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        roles.setMaximumHeight(roles.sizeHintForRow(0) * (len(SENSITIVE_ROLES) + 1) + 6)
        return roles

    def _lay_out(self) -> None:
        form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(5)]
        for label, field in zip(self.labels, (self.rings, self.reach, self.roles, self.before, self.after)):
            form.addRow(label, field)
        group = self.group = QGroupBox(self)
        group.setLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(group)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _refresh_rasters(self, *_args: Any) -> None:
        names = [layer.name for layer in self.session.layers if getattr(layer, "kind", "") == "raster"]
        for box, pick in ((self.before, 0), (self.after, 1)):
            current = box.currentData()
            box.clear()
            box.addItem(self.tr("(none)"), None)
            for name in names:
                box.addItem(name, name)
            index = box.findData(current) if current else (pick + 1 if len(names) >= 2 else 0)
            box.setCurrentIndex(max(0, index))

    # -- settings -------------------------------------------------------------------------
    def settings_value(self) -> Any:
        """The AnalysisSettings chosen; raises ValueError with a message for bad input."""
        from explorer.analysis import AnalysisSettings  # noqa: PLC0415

        try:
            rings = parse_rings(self.rings.text())
        except ValueError:
            raise ValueError(self.tr("Rings must be positive distances in km, e.g. 1, 5, 10.")) from None
        roles = tuple(Role(self.roles.item(i).data(Qt.ItemDataRole.UserRole))
                      for i in range(self.roles.count())
                      if self.roles.item(i).checkState() == Qt.CheckState.Checked)
        change = tuple(n for n in (self.before.currentData(), self.after.currentData()) if n)
        return AnalysisSettings(rings_km=rings, reach_km=self.reach.value(), roles=roles,
                                raster_change=change if len(change) == 2 else ())

    def show_settings(self, data: dict[str, Any] | None) -> None:
        """Show settings from a project (a dict as in ``AnalysisSettings.as_dict``)."""
        data = data or {}
        if data.get("rings_km"):
            self.rings.setText(", ".join(f"{float(r):g}" for r in data["rings_km"]))
        if data.get("reach_km") is not None:
            self.reach.setValue(float(data["reach_km"]))
        chosen = set(data.get("roles") or [r.value for r in SENSITIVE_ROLES])
        for i in range(self.roles.count()):
            item = self.roles.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in chosen
                               else Qt.CheckState.Unchecked)

    # -- running --------------------------------------------------------------------------
    def is_running(self) -> bool:
        """True while a run is in progress."""
        return self.job is not None

    def run(self) -> None:
        """Start the analysis on the session's layers in a worker."""
        if self.job is not None:
            return
        try:
            settings = self.settings_value()
        except ValueError as exc:
            self._set_message("plain", str(exc))
            return
        self._remember(settings)
        from explorer.analysis import AnalysisCancelled, run_analysis  # noqa: PLC0415

        analysis = self._analysis or run_analysis
        layers = self.session.draw_order()
        self.job = Job(lambda progress, cancelled: analysis(layers, settings, progress=progress,
                                                            cancelled=cancelled),
                       cancelled_types=(AnalysisCancelled,))
        signals = self.job.signals
        signals.progressed.connect(self._progressed)
        signals.succeeded.connect(self._succeeded)
        signals.failed.connect(self._failed)
        signals.cancelled.connect(self._cancelled)
        signals.finished.connect(self._finished)
        self._set_running(True)
        self._started_at = time.perf_counter()
        self._set_message("Running…")
        self.started.emit()
        self.job.start()

    def cancel(self) -> None:
        """Stop the running analysis: the panel is free at once; the worker stops at its next
        checkpoint and whatever it still sends is ignored."""
        job = self.job
        if job is None:
            return
        signals = job.signals
        # Listen for the worker's last signal *before* asking it to stop: once the flag is set
        # the worker may emit ``finished`` at any moment, and a later connect would miss it.
        self._abandoned.append(job)  # kept alive until its thread returns
        signals.finished.connect(lambda: self._forget(job))
        job.cancel()
        for signal, slot in ((signals.progressed, self._progressed), (signals.succeeded, self._succeeded),
                             (signals.failed, self._failed), (signals.cancelled, self._cancelled),
                             (signals.finished, self._finished)):
            signal.disconnect(slot)
        self._cancelled()

    def _forget(self, job: Job) -> None:
        if job in self._abandoned:
            self._abandoned.remove(job)

    def _remember(self, settings: Any) -> None:
        self.session.settings = settings
        project = self.session.project
        if project is not None and isinstance(getattr(project, "settings", None), dict):
            project.settings.update(settings.as_dict())

    def _progressed(self, fraction: float, message: str) -> None:
        self.progress.setValue(round(fraction * 1000))
        self._set_message("engine", message)

    def _succeeded(self, result: Any) -> None:
        self._finished()
        seconds = time.perf_counter() - self._started_at
        self.progress.setValue(1000)
        self._set_message("Done in %1 s.", seconds)
        self.session.set_result(result)
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._finished()
        text = user_message(exc)
        self._set_message("plain", text)
        self.failed.emit(text)

    def _cancelled(self) -> None:
        self._finished()
        self.progress.setValue(0)
        self._set_message("Analysis cancelled.")
        self.cancelled.emit()

    def _finished(self) -> None:
        if self.job is not None:
            self._last_job, self.job = self.job, None  # the pool thread may still be returning
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        for widget in (self.rings, self.reach, self.roles, self.before, self.after):
            widget.setEnabled(not running)

    def _set_message(self, key: str, *args: Any) -> None:
        self._message_source = (key, *args)
        text = self._message_text(key, *args)
        self.message.setText(text)
        window = self.window()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 5000)
