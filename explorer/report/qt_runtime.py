"""Qt needs a QGuiApplication for fonts and QPdfWriter; the CLI has none, the GUI has one."""
from __future__ import annotations

import os

__all__ = ["ensure_gui_application"]

_APP = None


def ensure_gui_application():
    """The running QGuiApplication, or a new one (offscreen when there is no display)."""
    global _APP
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        return app
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _APP = QGuiApplication(["mining-explorer"])
    return _APP
