"""The map toolbar: pan, zoom box, identify and select tools, zoom in/out, full extent.
Tools the canvas does not offer are left out."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from .icons import map_icon

__all__ = ["MapToolBar"]


class MapToolBar(QToolBar):
    """Navigation and selection tools of a map canvas."""

    def __init__(self, canvas: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapToolBar")
        self.setWindowTitle(self.tr("Map navigation"))
        self.canvas = canvas
        self.setIconSize(QSize(22, 22))
        self.tools: dict[str, QAction] = {}
        if hasattr(canvas, "set_tool"):
            group = QActionGroup(self)
            for key, text, shortcut in (
                ("pan", self.tr("Pan (drag the map)"), "P"),
                ("zoom_box", self.tr("Zoom to box"), "Z"),
                ("identify", self.tr("Identify features"), "I"),
                ("select", self.tr("Select features (Shift adds)"), "S"),
            ):
                action = QAction(map_icon(key), text, self)
                action.setCheckable(True)
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                action.triggered.connect(lambda _c=False, k=key: canvas.set_tool(k))
                group.addAction(action)
                self.addAction(action)
                self.tools[key] = action
            canvas.addActions(list(self.tools.values()))
            self.tools["pan"].setChecked(True)
            self.addSeparator()
        for name, text, keys in (
            ("zoom_in", self.tr("Zoom in"), QKeySequence.StandardKey.ZoomIn),
            ("zoom_out", self.tr("Zoom out"), QKeySequence.StandardKey.ZoomOut),
            ("zoom_to_full_extent", self.tr("Zoom to full extent"), None),
        ):
            method = getattr(canvas, name, None)
            if callable(method):
                action = self.addAction(map_icon(name), text)
                action.triggered.connect(lambda _c=False, m=method: m())
                if keys is not None:
                    action.setShortcut(QKeySequence(keys))

    def set_tool(self, key: str) -> None:
        """Check the action of tool ``key`` and switch the canvas to it."""
        action = self.tools.get(key)
        if action is not None:
            action.trigger()

