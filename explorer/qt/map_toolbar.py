"""The map toolbar: pan, zoom box, identify and select tools, zoom in/out, full extent.
Tools the canvas does not offer are left out."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from .icons import map_icon
from .retranslate import Retranslatable

__all__ = ["MapToolBar"]


class MapToolBar(Retranslatable, QToolBar):
    """Navigation and selection tools of a map canvas."""

    def __init__(self, canvas: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapToolBar")
        self.canvas = canvas
        self.setIconSize(QSize(22, 22))
        self.tools: dict[str, QAction] = {}
        if hasattr(canvas, "set_tool"):
            group = QActionGroup(self)
            for key, shortcut in (("pan", "P"), ("zoom_box", "Z"), ("identify", "I"), ("select", "S")):
                action = QAction(map_icon(key), "", self)
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
        for name, keys in (("zoom_in", QKeySequence.StandardKey.ZoomIn),
                           ("zoom_out", QKeySequence.StandardKey.ZoomOut), ("zoom_to_full_extent", None)):
            method = getattr(canvas, name, None)
            if callable(method):
                action = self.addAction(map_icon(name), "")
                action.triggered.connect(lambda _c=False, m=method: m())
                if keys is not None:
                    action.setShortcut(QKeySequence(keys))
                self.tools[name] = action
        self.retranslate()

    def retranslate(self) -> None:
        """Title and tool texts in the installed language."""
        self.setWindowTitle(self.tr("Map navigation"))
        texts = {"pan": self.tr("Pan (drag the map)"), "zoom_box": self.tr("Zoom to box"),
                 "identify": self.tr("Identify features"), "select": self.tr("Select features (Shift adds)"),
                 "zoom_in": self.tr("Zoom in"), "zoom_out": self.tr("Zoom out"),
                 "zoom_to_full_extent": self.tr("Zoom to full extent")}
        for key, action in self.tools.items():
            action.setText(texts[key])

    def set_tool(self, key: str) -> None:
        """Check the action of tool ``key`` and switch the canvas to it."""
        action = self.tools.get(key)
        if action is not None:
            action.trigger()

