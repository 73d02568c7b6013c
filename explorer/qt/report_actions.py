"""Analysis ▸ Export report…: writes the evidence pack with :func:`explorer.report.build_report`
behind a modal progress dialog with Cancel.

The pack is drawn with QtGui (fonts, QPdfWriter), which Qt supports reliably only on the GUI
thread, so the build runs there and keeps the window painted by processing events from its
progress callback."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from layers.errors import LayerError

from .engine_texts import engine_text
from .errors import show_error
from .language import current_language

__all__ = ["export_report", "write_pack"]



def write_pack(window: Any, folder: str, lang: str) -> Any:
    """Analyse the window's layers and write the pack into ``folder``; the ReportResult, or
    None when cancelled.  Bad input raises LayerError."""
    from explorer.analysis import AnalysisCancelled  # noqa: PLC0415
    from explorer.report import build_report  # noqa: PLC0415

    session = window.session
    source = session.project if session.project is not None else session.draw_order()
    dialog = QProgressDialog(QCoreApplication.translate("ReportActions", "Writing the evidence pack…"),
                             QCoreApplication.translate("ReportActions", "Cancel"), 0, 100, window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)

    def progress(fraction: float, message: str) -> None:
        dialog.setValue(int(fraction * 100))
        dialog.setLabelText(engine_text(message))
        QCoreApplication.processEvents()

    try:
        return build_report(source, session.settings, folder, lang=lang, progress=progress,
                            cancelled=dialog.wasCanceled, command=["mining-explorer", "gui"])
    except AnalysisCancelled:
        return None
    finally:
        dialog.close()


def export_report(window: Any) -> Any:
    """Ask for a folder, write the evidence pack there and say where it is."""
    folder = QFileDialog.getExistingDirectory(
        window, QCoreApplication.translate("ReportActions", "Folder for the evidence pack"))
    if not folder:
        return None
    try:
        result = write_pack(window, folder, current_language())
    except (LayerError, OSError, ValueError) as exc:
        show_error(window, QCoreApplication.translate("ReportActions", "Cannot export the report"), exc)
        return None
    if result is not None:
        window.statusBar().showMessage(QCoreApplication.translate(
            "ReportActions", "Evidence pack written to %1").replace("%1", str(result.zip_path)), 15000)
    return result
