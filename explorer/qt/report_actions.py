"""Analysis ▸ Export report…: writes an evidence pack with ``explorer.report`` when that
package provides it; otherwise says so."""
from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from layers.errors import LayerError

from .errors import show_error

__all__ = ["export_report", "report_function"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportActions", text)


def report_function() -> Any:
    """``explorer.report.write_evidence_pack`` (or ``export_report``) if importable, else None."""
    try:
        module = importlib.import_module("explorer.report")
    except ImportError:
        return None
    for name in ("write_evidence_pack", "export_report", "write_report"):
        func = getattr(module, name, None)
        if callable(func):
            return func
    return None


def export_report(window: Any) -> None:
    """Ask for a folder and write the evidence pack of the last analysis there."""
    func = report_function()
    if func is None:
        QMessageBox.information(window, _tr("Export report"),
                                _tr("The report writer is not available in this installation."))
        return
    result = window.session.result
    if result is None:
        QMessageBox.information(window, _tr("Export report"), _tr("Run the analysis first."))
        return
    folder = QFileDialog.getExistingDirectory(window, _tr("Folder for the evidence pack"))
    if not folder:
        return
    try:
        out = func(result, folder, layers=window.session.draw_order())
    except TypeError:
        out = func(result, folder)
    except LayerError as exc:
        show_error(window, _tr("Cannot export the report"), exc)
        return
    window.statusBar().showMessage(_tr("Evidence pack written to %1").replace("%1", str(out or folder)), 10000)
