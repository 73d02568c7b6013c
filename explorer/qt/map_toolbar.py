"""The map toolbar: pan, zoom box, identify and select tools, zoom in/out, full extent.
Tools the canvas does not offer are left out."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QToolBar, QWidget

__all__ = ["MapToolBar", "glyph_icon"]


def glyph_icon(text: str, size: int = 22) -> QIcon:
    """A crisp icon drawn from a symbol character (no image files to ship)."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#2c3e50")))
    font = painter.font()
    font.setPixelSize(int(size * 0.72))
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pix)


class MapToolBar(QToolBar):
    """Navigation and selection tools of a map canvas."""

    def __init__(self, canvas: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapToolBar")
        self.setWindowTitle(self.tr("Map navigation"))
        self.canvas = canvas
        self.tools: dict[str, QAction] = {}
        if hasattr(canvas, "set_tool"):
            group = QActionGroup(self)
            for key, glyph, text, shortcut in (
                ("pan", "✋", self.tr("Pan (drag the map)"), "P"),
                ("zoom_box", "⬚", self.tr("Zoom to box"), "Z"),
                ("identify", "ⓘ", self.tr("Identify features"), "I"),
                ("select", "➚", self.tr("Select features (Shift adds)"), "S"),
            ):
                action = QAction(glyph_icon(glyph), text, self)
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
        for name, glyph, text, keys in (
            ("zoom_in", "+", self.tr("Zoom in"), QKeySequence.StandardKey.ZoomIn),
            ("zoom_out", "−", self.tr("Zoom out"), QKeySequence.StandardKey.ZoomOut),
            ("zoom_to_full_extent", "⤢", self.tr("Zoom to full extent"), None),
        ):
            method = getattr(canvas, name, None)
            if callable(method):
                action = self.addAction(glyph_icon(glyph), text)
                action.triggered.connect(lambda _c=False, m=method: m())
                if keys is not None:
                    action.setShortcut(QKeySequence(keys))

    def set_tool(self, key: str) -> None:
        """Check the action of tool ``key`` and switch the canvas to it."""
        action = self.tools.get(key)
        if action is not None:
            action.trigger()

