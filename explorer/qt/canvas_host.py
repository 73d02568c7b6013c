"""Where the main window gets its map canvas: one factory, and a bridge keeping the canvas in
step with the session (layers, selection) in both directions.

The canvas itself (``explorer.qt.canvas.MapCanvas``) belongs to the rendering work; until it is
importable a placeholder stands in, behind the same factory."""
from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from .session import Session

__all__ = ["make_canvas", "CanvasBridge", "PlaceholderCanvas"]

log = logging.getLogger(__name__)


class PlaceholderCanvas(QWidget):
    """Stands in for the map canvas when the renderer is not available."""

    cursorMoved = Signal(float, float)
    selectionChanged = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapCanvas")
        self.setMinimumSize(320, 240)
        self.layers: list[Any] = []
        self.selection: tuple[Any, tuple[int, ...]] = (None, ())
        self.extent: tuple[float, float, float, float] | None = None

    def set_layers(self, layers: list[Any]) -> None:
        """Remember the layers (bottom first) and repaint."""
        self.layers = list(layers)
        self.update()

    def set_selection(self, layer: Any, rows: tuple[int, ...]) -> None:
        """Remember the selection."""
        self.selection = (layer, tuple(rows))

    def zoom_to_bounds(self, bounds: tuple[float, float, float, float]) -> None:
        """Remember the requested extent."""
        self.extent = tuple(bounds)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        """A plain sea-blue background with a note."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#dfe9f2"))
        painter.setPen(QColor("#4a5a6a"))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Map canvas"))
        painter.end()


def make_canvas(parent: QWidget | None = None) -> QWidget:
    """The map canvas widget: the real one when available, else the placeholder."""
    try:
        from .canvas import MapCanvas  # noqa: PLC0415 - lazy, optional until it lands
    except ImportError as exc:
        log.info("map canvas not available (%s); using a placeholder", exc)
        return PlaceholderCanvas(parent)
    return MapCanvas(parent)


def _call(obj: Any, names: tuple[str, ...], *args: Any) -> bool:
    """Call the first method of ``obj`` found among ``names``; False if none exists."""
    for name in names:
        method = getattr(obj, name, None)
        if callable(method):
            method(*args)
            return True
    return False


class CanvasBridge(QObject):
    """Keeps a canvas showing the session's layers and selection, and the session's
    selection following clicks on the canvas.  A guard flag stops feedback loops."""

    def __init__(self, session: Session, canvas: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.canvas = session, canvas
        self._syncing = False
        for signal in (session.layersReset, session.layerInserted, session.layerRemoved,
                       session.layerChanged):
            signal.connect(self.push_layers)
        session.layerMoved.connect(lambda *_: self.push_layers())
        session.selectionChanged.connect(self.push_selection)
        selection_signal = getattr(canvas, "selectionChanged", None)
        if selection_signal is not None:
            selection_signal.connect(self.pull_selection)

    def push_layers(self, *_args: Any) -> None:
        """Send the layers, bottom first, to the canvas."""
        _call(self.canvas, ("set_layers",), self.session.draw_order())

    def push_selection(self, selection: Any) -> None:
        """Show the session's selection on the canvas."""
        if self._syncing:
            return
        self._syncing = True
        try:
            _call(self.canvas, ("set_selection",), selection.layer, selection.rows)
        finally:
            self._syncing = False

    def pull_selection(self, layer: Any, rows: Any) -> None:
        """Adopt a selection made on the canvas."""
        if self._syncing:
            return
        self._syncing = True
        try:
            if isinstance(layer, str):
                layer = self.session.layer_named(layer)
            self.session.set_selection(layer, tuple(rows or ()))
        finally:
            self._syncing = False

    def zoom_to(self, bounds: tuple[float, float, float, float] | None) -> None:
        """Zoom the canvas to lon/lat ``bounds`` (ignored when None)."""
        if bounds is not None:
            _call(self.canvas, ("zoom_to_bounds", "zoom_to_extent", "set_extent"), tuple(bounds))

    def zoom_full(self) -> None:
        """Zoom to every visible layer."""
        if not _call(self.canvas, ("zoom_to_full_extent", "zoom_full")):
            self.zoom_to(layers_bounds(self.session.layers))


def layers_bounds(layers: list[Any]) -> tuple[float, float, float, float] | None:
    """Union of the lon/lat bounds recorded in the layers' provenance."""
    boxes = [layer.provenance.bounds for layer in layers if getattr(layer.provenance, "bounds", None)]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))
