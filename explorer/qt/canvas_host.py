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
    """Stands in for the map canvas when the renderer is not available (same API subset)."""

    coordinatesChanged = Signal(float, float)
    selectionChanged = Signal(object, object)  # (layer, rows); (None, ()) when cleared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapCanvas")
        self.setMinimumSize(320, 240)
        self._layers: list[Any] = []
        self._selection: dict[int, set[int]] = {}
        self.extent: tuple[float, float, float, float] | None = None

    def set_layers(self, layers: list[Any], zoom_to_full: bool | None = None) -> None:
        """Remember the layers (bottom first) and repaint."""
        self._layers = list(layers)
        self.update()

    def layers(self) -> list[Any]:
        """The layers shown, bottom first."""
        return list(self._layers)

    def set_selection(self, layer: Any, indices) -> None:
        """Select rows of one layer."""
        rows = {int(i) for i in indices}
        if rows:
            self._selection[id(layer)] = rows
        else:
            self._selection.pop(id(layer), None)
        self.selectionChanged.emit(layer, tuple(sorted(rows)))

    def selected_rows(self, layer: Any) -> list[int]:
        """Selected rows of ``layer``."""
        return sorted(self._selection.get(id(layer), ()))

    def clear_selection(self) -> None:
        """Unselect everything."""
        if self._selection:
            self._selection.clear()
            self.selectionChanged.emit(None, ())

    def zoom_to_extent(self, bounds: tuple[float, float, float, float]) -> None:
        """Remember the requested extent."""
        self.extent = tuple(bounds)

    def refresh(self) -> None:
        """Repaint."""
        self.update()

    def sizeHint(self):  # noqa: N802 - Qt API
        """As large as the real canvas, so the docks keep their size when it is swapped in."""
        from PySide6.QtCore import QSize  # noqa: PLC0415

        return QSize(900, 600)

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
        self._links = [(session.layersReset, self.reset_layers), (session.layerInserted, self.push_layers),
                       (session.layerRemoved, self.push_layers), (session.layerChanged, self.push_layers),
                       (session.layerMoved, self.push_layers), (session.selectionChanged, self.push_selection)]
        selection_signal = getattr(canvas, "selectionChanged", None)
        if selection_signal is not None:
            self._links.append((selection_signal, self.pull_selection))
        for signal, slot in self._links:
            signal.connect(slot)

    def detach(self) -> None:
        """Stop following the session (before the canvas is replaced)."""
        for signal, slot in self._links:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):  # the canvas may already be gone
                pass
        self._links = []

    def reset_layers(self) -> None:
        """A new set of layers (a project was opened): show them and fit them."""
        _call(self.canvas, ("set_layers",), self.session.draw_order(), True)

    def push_layers(self, *_args: Any) -> None:
        """Send the layers, bottom first, to the canvas, keeping the view."""
        _call(self.canvas, ("set_layers",), self.session.draw_order(), False)

    def push_selection(self, selection: Any) -> None:
        """Show the session's selection on the canvas (only one layer is selected at a time)."""
        if self._syncing:
            return
        self._syncing = True
        try:
            _call(self.canvas, ("clear_selection",))
            if selection.layer is not None:
                _call(self.canvas, ("set_selection",), selection.layer, selection.rows)
        finally:
            self._syncing = False

    def pull_selection(self, layer: Any = None, rows: Any = None) -> None:
        """Adopt a selection made on the canvas (the layer whose selection changed)."""
        if self._syncing:
            return
        self._syncing = True
        try:
            if isinstance(layer, str):
                layer = self.session.layer_named(layer)
            if rows is None and layer is not None:
                getter = getattr(self.canvas, "selected_rows", None)
                rows = getter(layer) if callable(getter) else ()
            if layer is None or rows:
                self.session.set_selection(layer, tuple(rows or ()))
            elif self.session.selection.layer is layer:
                self.session.set_selection(None, ())
        finally:
            self._syncing = False

    def zoom_to(self, bounds: tuple[float, float, float, float] | None) -> None:
        """Zoom the canvas to lon/lat ``bounds``, padded a little (ignored when None)."""
        if bounds is None:
            return
        minx, miny, maxx, maxy = bounds
        pad = max(maxx - minx, maxy - miny, 0.01) * 0.1
        _call(self.canvas, ("zoom_to_extent", "zoom_to_bounds"),
              (minx - pad, miny - pad, maxx + pad, maxy + pad))

    def zoom_full(self) -> None:
        """Zoom to every layer."""
        if not _call(self.canvas, ("zoom_to_full_extent",)):
            self.zoom_to(layers_bounds(self.session.layers))


def layers_bounds(layers: list[Any]) -> tuple[float, float, float, float] | None:
    """Union of the lon/lat bounds recorded in the layers' provenance."""
    boxes = [layer.provenance.bounds for layer in layers if getattr(layer.provenance, "bounds", None)]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))
