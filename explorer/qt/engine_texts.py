"""The analysis engine's, the report builder's and the project reader's progress messages and
notes, which are plain English (no Qt there), listed here so Qt's lupdate finds them and the
widgets show them translated."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["engine_text", "ENGINE_TEXTS"]

_CONTEXT = "Engine"
ENGINE_TEXTS = (
    QT_TRANSLATE_NOOP("Engine", "Preparing layers"),
    QT_TRANSLATE_NOOP("Engine", "Overlap totals"),
    QT_TRANSLATE_NOOP("Engine", "Overlap done"),
    QT_TRANSLATE_NOOP("Engine", "Proximity: rings"),
    QT_TRANSLATE_NOOP("Engine", "Proximity done"),
    QT_TRANSLATE_NOOP("Engine", "Downstream basins"),
    QT_TRANSLATE_NOOP("Engine", "Raster statistics"),
    QT_TRANSLATE_NOOP("Engine", "Partnerships"),
    QT_TRANSLATE_NOOP("Engine", "Done"),
    QT_TRANSLATE_NOOP("Engine", "Layers loaded"),
    QT_TRANSLATE_NOOP("Engine", "Analysing"),
    QT_TRANSLATE_NOOP("Engine", "Writing tables"),
    QT_TRANSLATE_NOOP("Engine", "Writing the HTML map"),
    QT_TRANSLATE_NOOP("Engine", "Writing the PDF report"),
    QT_TRANSLATE_NOOP("Engine", "Zipping the pack"),
    QT_TRANSLATE_NOOP("Engine", "No concession or project features: nothing to measure."),
    QT_TRANSLATE_NOOP("Engine", "No basin layer: downstream analysis skipped."),
    QT_TRANSLATE_NOOP("Engine", "No concession or project near the rasters: raster statistics skipped."),
)
_LOADING = "Loading "


def engine_text(message: str) -> str:
    """``message`` in the interface language (unknown messages are shown as they are)."""
    if message.startswith(_LOADING):
        name = message[len(_LOADING):]
        return QCoreApplication.translate("Engine", "Loading %1").replace("%1", name)
    return QCoreApplication.translate(_CONTEXT, message)
