"""MapCanvas: the map widget.  It keeps a view, draws with explorer.render, and navigates.

Drawing goes to a cached QImage; while the user drags or spins the wheel the cached image is
moved or scaled at once and the real redraw happens on release / after the wheel stops, so the
widget never waits for a full redraw during an interaction.
"""
from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from explorer.render import (MapView, RenderCache, RenderOptions, draw_overlays, draw_placed_labels,
                             draw_selection_overlay, features_at,
                             features_in_rect, layers_extent, map_labels, render_map, render_to_image)
from explorer.render.coords import format_decimal, format_dms

from .map_tools import MapTool

__all__ = ["MapCanvas", "MapTool", "format_decimal", "format_dms"]

_WHEEL_STEP = 1.25
_SETTLE_MS = 140


class MapCanvas(QWidget):
    """A map widget: pan, zoom (wheel, box), identify, selection, scale bar and north arrow.

    Layers are given in drawing order (first = bottom).  Selections are kept per layer as row
    indices of the layer's frame.
    """

    coordinatesChanged = Signal(float, float)  # lon, lat under the cursor
    cursorMoved = Signal(float, float)  # same as coordinatesChanged (name used by the main window)
    scaleChanged = Signal(float)  # 1:N scale denominator
    extentChanged = Signal(tuple)  # (minx, miny, maxx, maxy) lon/lat
    featuresIdentified = Signal(list)  # list[explorer.render.Hit], topmost first
    selectionChanged = Signal(object, object)  # (layer, tuple of rows); (None, ()) when all cleared
    toolChanged = Signal(str)
    rendered = Signal(float)  # milliseconds of the last full redraw

    def __init__(self, parent: QWidget | None = None, options: RenderOptions | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(200, 150)
        self.setAttribute(Qt.WA_OpaquePaintEvent, True)
        self._options = options or RenderOptions(scale_bar=True, north_arrow=True)
        self._layers: list = []
        self._view: MapView | None = None
        self._cache = RenderCache()
        self._selection: dict[int, set[int]] = {}
        self._tool = MapTool.PAN
        self._image: QImage | None = None  # the map without labels, for _image_view
        self._image_view: MapView | None = None
        self._labels: list = []  # labels placed for _image_view, drawn over the image
        self._selection_image: QImage | None = None  # the highlight for _image_view, over the image
        self._drag_start: QPoint | None = None
        self._drag_now: QPoint | None = None
        self._last_render_ms = 0.0
        self._render_timer = QTimer(self, singleShot=True, interval=0)
        self._render_timer.timeout.connect(self.render_now)
        self._settle_timer = QTimer(self, singleShot=True, interval=_SETTLE_MS)
        self._settle_timer.timeout.connect(self.render_now)

    # ---- layers and view ----------------------------------------------------------------
    def set_layers(self, layers, zoom_to_full: bool | None = None) -> None:
        """Show ``layers`` (drawing order, first = bottom); fits the view the first time."""
        self._layers = list(layers)
        alive = {id(layer) for layer in self._layers}
        self._selection = {k: v for k, v in self._selection.items() if k in alive}
        if zoom_to_full or (zoom_to_full is None and self._view is None):
            self.zoom_to_full_extent()
        else:
            self.refresh()

    def layers(self) -> list:
        """The layers shown, in drawing order."""
        return list(self._layers)

    def refresh(self) -> None:
        """Redraw soon (styles, visibility or order changed); calls coalesce."""
        self._render_timer.start()

    def invalidate_layer(self, layer=None) -> None:
        """Forget prepared geometry (all layers, or after ``layer``'s features were replaced)."""
        self._cache.clear()
        self.refresh()

    @property
    def cache(self) -> RenderCache:
        """The canvas's render cache (share it with exports to reuse prepared geometry)."""
        return self._cache

    def view(self) -> MapView | None:
        """The current view (None before any layer was shown)."""
        return self._view

    def set_view(self, view: MapView) -> None:
        """Show ``view`` (resized to the widget)."""
        self._view = view.resized(max(1, self.width()), max(1, self.height()))
        self._emit_view()
        self.refresh()

    def zoom_to_extent(self, bounds) -> None:
        """Fit the lon/lat ``bounds`` (minx, miny, maxx, maxy) in the widget."""
        if bounds is None:
            return
        self.set_view(MapView.fit(bounds, max(1, self.width()), max(1, self.height())))

    zoom_to_bounds = zoom_to_extent

    def zoom_to_full_extent(self) -> None:
        """Fit every layer."""
        self.zoom_to_extent(layers_extent(self._layers))

    def zoom_to_layer(self, layer) -> None:
        """Fit one layer."""
        self.zoom_to_extent(layers_extent([layer]))

    def zoom_to_selection(self) -> None:
        """Fit the selected features of every layer (does nothing with no selection)."""
        boxes = []
        for layer in self._layers:
            rows = sorted(self._selection.get(id(layer), ()))
            if rows and getattr(layer, "kind", "vector") == "vector":
                boxes.append(layer.geographic().iloc[rows].total_bounds)
        if boxes:
            self.zoom_to_extent((min(b[0] for b in boxes), min(b[1] for b in boxes),
                                 max(b[2] for b in boxes), max(b[3] for b in boxes)))

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom in by ``factor`` (>1) or out (<1) around a widget point (default: the centre)."""
        if self._view is None:
            return
        point = (anchor.x(), anchor.y()) if anchor is not None else None
        self._view = self._view.zoomed(factor, point)
        self._emit_view()

    def zoom_in(self) -> None:
        """Zoom in one step around the centre."""
        self.zoom_by(2.0)
        self.refresh()

    def zoom_out(self) -> None:
        """Zoom out one step around the centre."""
        self.zoom_by(0.5)
        self.refresh()

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the map by (dx, dy) widget pixels and redraw what was uncovered."""
        if self._view is not None:
            self._finish_pan(QPoint(round(dx), round(dy)))

    def scale_denominator(self) -> float:
        """The current 1:N scale on this screen."""
        return self._view.scale_denominator(self.logicalDpiX()) if self._view else 0.0

    # ---- selection ----------------------------------------------------------------------
    def set_selection(self, layer, indices) -> None:
        """Select rows ``indices`` of ``layer`` (replacing its previous selection)."""
        rows = {int(i) for i in indices}
        if rows == self._selection.get(id(layer), set()):
            return
        self._selection.pop(id(layer), None)  # re-inserted last: the most recent selection
        if rows:
            self._selection[id(layer)] = rows
        self._update_selection_overlay()
        self.selectionChanged.emit(layer, tuple(sorted(rows)))

    def selected_rows(self, layer) -> list[int]:
        """The selected rows of ``layer``, sorted."""
        return sorted(self._selection.get(id(layer), ()))

    def selection(self) -> tuple:
        """``(layer, rows)`` of the layer selected last, or ``(None, ())`` with no selection."""
        for layer in reversed(self._selection_order()):
            return layer, tuple(self.selected_rows(layer))
        return None, ()

    def selection_map(self) -> dict[int, set[int]]:
        """Every layer's selected rows, keyed by ``id(layer)`` (what render_map takes)."""
        return {k: set(v) for k, v in self._selection.items()}

    def _selection_order(self) -> list:
        by_id = {id(layer): layer for layer in self._layers}
        return [by_id[k] for k in self._selection if k in by_id]

    def clear_selection(self) -> None:
        """Unselect everything."""
        if self._selection:
            self._selection.clear()
            self._update_selection_overlay()
            self.selectionChanged.emit(None, ())

    # ---- tools --------------------------------------------------------------------------
    def set_tool(self, tool: MapTool | str) -> None:
        """Choose what the left button does: pan, zoom_box, identify or select."""
        self._tool = MapTool(tool)
        cursors = {MapTool.PAN: Qt.OpenHandCursor, MapTool.ZOOM_BOX: Qt.CrossCursor,
                   MapTool.IDENTIFY: Qt.WhatsThisCursor, MapTool.SELECT: Qt.PointingHandCursor}
        self.setCursor(cursors[self._tool])
        self.toolChanged.emit(self._tool.value)

    def tool(self) -> MapTool:
        """The current tool."""
        return self._tool

    def identify_at(self, pos: QPointF) -> list:
        """The features under a widget point, topmost first (list of explorer.render.Hit)."""
        if self._view is None:
            return []
        return features_at(self._layers, self._view, pos.x(), pos.y(), cache=self._cache)

    # ---- drawing ------------------------------------------------------------------------
    def render_now(self) -> None:
        """Redraw the map image synchronously (normally called by the coalescing timer)."""
        self._render_timer.stop()
        self._settle_timer.stop()
        if self._view is None:
            self._image, self._labels = None, []
            self.update()
            return
        start = time.perf_counter()
        view = self._view
        image = self._new_image(view)
        self._paint_map(image, view, None)
        self._finish_render(image, view, start)

    def _finish_render(self, image: QImage, view: MapView, start: float) -> None:
        self._labels = self._place_labels(image, view)
        self._image, self._image_view = image, view
        self._selection_image = self._draw_selection_image()
        self._last_render_ms = (time.perf_counter() - start) * 1000.0
        self.update()
        self.rendered.emit(self._last_render_ms)

    def _redraw_after_pan(self, old_view: MapView) -> None:
        """Reuse the old image moved by the pan; draw only the uncovered strips, then labels."""
        start = time.perf_counter()
        view = self._view
        old = self._image
        dx, dy = view.to_device(*old_view.to_world(0.0, 0.0))
        shift = QPointF(round(dx), round(dy))
        exact = abs(dx - shift.x()) < 1e-6 and abs(dy - shift.y()) < 1e-6
        if (old is None or not exact or old_view.units_per_pixel != view.units_per_pixel
                or (old_view.width, old_view.height) != (view.width, view.height)
                or abs(shift.x()) >= view.width or abs(shift.y()) >= view.height):
            self.render_now()
            return
        image = self._new_image(view)
        painter = QPainter(image)
        painter.drawImage(shift, old)
        painter.end()
        for strip in _uncovered(view.width, view.height, shift.x(), shift.y()):
            self._paint_map(image, view, strip)
        self._finish_render(image, view, start)

    def _new_image(self, view: MapView) -> QImage:
        ratio = self.devicePixelRatioF()
        size = QSize(max(1, round(view.width * ratio)), max(1, round(view.height * ratio)))
        image = QImage(size, QImage.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        dpm = round(self.logicalDpiX() / 0.0254)
        image.setDotsPerMeterX(dpm)
        image.setDotsPerMeterY(dpm)
        return image

    def _paint_map(self, image: QImage, view: MapView, clip: QRectF | None) -> None:
        options = replace(self._options, scale_bar=False, north_arrow=False, labels=False)
        painter = QPainter(image)
        try:
            render_map(painter, QRectF(0, 0, view.width, view.height), self._layers, view,
                       None, options, self._cache, clip=clip)
        finally:
            painter.end()

    def _update_selection_overlay(self) -> None:
        """Redraw only the highlight: the map image stays (fast even over 100 000 features)."""
        self._selection_image = self._draw_selection_image()
        self.update()

    def _draw_selection_image(self) -> QImage | None:
        view, base = self._image_view, self._image
        if not self._selection or view is None or base is None:
            return None
        overlay = QImage(base.size(), QImage.Format_ARGB32_Premultiplied)
        overlay.setDevicePixelRatio(base.devicePixelRatio())
        overlay.setDotsPerMeterX(base.dotsPerMeterX())
        overlay.setDotsPerMeterY(base.dotsPerMeterY())
        overlay.fill(0)
        painter = QPainter(overlay)
        try:
            draw_selection_overlay(painter, QRectF(0, 0, view.width, view.height), self._layers, view,
                                   self._selection, self._cache, self._options)
        finally:
            painter.end()
        return overlay

    def selection_image(self) -> QImage | None:
        """The transparent selection highlight drawn over the map (None with no selection)."""
        return self._selection_image

    def _place_labels(self, image: QImage, view: MapView) -> list:
        if not self._options.labels:
            return []
        painter = QPainter(image)  # fonts resolve for this device; nothing is drawn
        try:
            return map_labels(painter, QRectF(0, 0, view.width, view.height), self._layers, view,
                              self._options, self._cache)
        finally:
            painter.end()

    @property
    def last_render_ms(self) -> float:
        """Milliseconds taken by the last full redraw."""
        return self._last_render_ms

    def export_image(self, width: int | None = None, height: int | None = None, dpi: float = 96.0,
                     options: RenderOptions | None = None) -> QImage | None:
        """The current view drawn afresh (labels, scale bar, north arrow, selection) for PNG export.

        A larger ``width``/``height`` shows more around the same centre at the same scale; a
        higher ``dpi`` draws the same map with finer lines and text.
        """
        if self._view is None:
            return None
        scale = dpi / max(self.logicalDpiX(), 1)
        width = width or round(self._view.width * scale)
        height = height or round(self._view.height * scale)
        view = self._view.resized(width, height)
        view = replace(view, units_per_pixel=view.units_per_pixel / scale)
        image, _ = render_to_image(self._layers, (width, height), view, self._selection,
                                   options or replace(self._options, legend=True), dpi, self._cache)
        return image

    def map_image(self) -> QImage | None:
        """The last drawn map (without the scale bar and north arrow overlays)."""
        return self._image

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Blit the cached map (moved/scaled during interactions), then the overlays."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self._options.background))
        if self._image is not None and self._image_view is not None and self._view is not None:
            target = self._image_target()
            painter.drawImage(target, self._image)
            if self._selection_image is not None:
                painter.drawImage(target, self._selection_image)
            if self._labels and abs(target.width() - self._image_view.width) < 0.5:  # hidden while zooming
                draw_placed_labels(painter, self._labels, target.topLeft())
            draw_overlays(painter, QRectF(self.rect()), self._view, self._options)
        self._paint_rubber_band(painter)
        painter.end()

    def _image_target(self) -> QRectF:
        """Where the cached image goes for the current view (differs while dragging/zooming)."""
        old, new = self._image_view, self._view
        offset = QPointF(0, 0)
        if self._drag_start is not None and self._drag_now is not None and self._tool == MapTool.PAN:
            offset = QPointF(self._drag_now - self._drag_start)
        x0, y0 = new.to_device(*old.to_world(0.0, 0.0))
        x1, y1 = new.to_device(*old.to_world(float(old.width), float(old.height)))
        return QRectF(QPointF(x0, y0) + offset, QPointF(x1, y1) + offset)

    def _paint_rubber_band(self, painter: QPainter) -> None:
        if self._tool not in (MapTool.ZOOM_BOX, MapTool.SELECT) or self._drag_start is None or self._drag_now is None:
            return
        painter.setPen(QPen(QColor("#1f5fbf"), 1, Qt.DashLine))
        painter.setBrush(QColor(31, 95, 191, 40))
        painter.drawRect(QRect(self._drag_start, self._drag_now).normalized())

    # ---- events -------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802
        """Keep centre and scale; fit the layers the first time the widget gets a size."""
        super().resizeEvent(event)
        if self._view is None:
            if self._layers:
                self.zoom_to_full_extent()
            return
        self._view = self._view.resized(self.width(), self.height())
        self._emit_view()
        self.refresh()

    def wheelEvent(self, event) -> None:  # noqa: N802
        """Zoom around the cursor; the real redraw waits until the wheel settles."""
        steps = event.angleDelta().y() / 120.0
        if steps == 0 or self._view is None:
            return
        self.zoom_by(_WHEEL_STEP ** steps, event.position())
        self.update()
        self._settle_timer.start()
        event.accept()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        """Start a drag (pan or box) or note a click."""
        if event.button() == Qt.LeftButton:
            self._drag_start = event.position().toPoint()
            self._drag_now = self._drag_start
            if self._tool == MapTool.PAN:
                self.setCursor(Qt.ClosedHandCursor)
        elif event.button() == Qt.MiddleButton:
            self._drag_start = self._drag_now = event.position().toPoint()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        """Report the coordinates under the cursor and follow a drag."""
        pos = event.position()
        if self._view is not None:
            lon, lat = self._view.to_world(pos.x(), pos.y())
            self.coordinatesChanged.emit(float(lon), float(lat))
            self.cursorMoved.emit(float(lon), float(lat))
        if self._drag_start is not None:
            self._drag_now = pos.toPoint()
            self.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        """Finish a pan, a box zoom/select, or act on a click."""
        if self._drag_start is None:
            return
        start, end = self._drag_start, event.position().toPoint()
        self._drag_start = self._drag_now = None
        moved = (end - start).manhattanLength() > 3
        tool = MapTool.PAN if event.button() == Qt.MiddleButton else self._tool
        if tool == MapTool.PAN:
            self.setCursor(Qt.OpenHandCursor)
            if moved:
                self._finish_pan(end - start)
        elif tool == MapTool.ZOOM_BOX and moved and self._view is not None:
            self.set_view(self._view.zoomed_to_rect(start.x(), start.y(), end.x(), end.y()))
        elif tool == MapTool.SELECT:
            self._select(start, end, moved, event.modifiers())
        elif tool == MapTool.IDENTIFY:
            self.featuresIdentified.emit(self.identify_at(QPointF(end)))
        self.update()

    def _finish_pan(self, delta: QPoint) -> None:
        old_view = self._view
        self._view = self._view.panned(delta.x(), delta.y())
        self._emit_view()
        if self._image_view is old_view and not self._render_timer.isActive():
            self._redraw_after_pan(old_view)
        else:
            self.render_now()

    def _select(self, start: QPoint, end: QPoint, moved: bool, modifiers) -> None:
        if self._view is None:
            return
        add = bool(modifiers & Qt.ShiftModifier)
        if moved:
            found = features_in_rect(self._layers, self._view, start.x(), start.y(), end.x(), end.y(), self._cache)
        else:
            hits = self.identify_at(QPointF(end))
            found = {id(hits[0].layer): [hits[0].row]} if hits else {}
        for layer in self._layers:
            rows = set(found.get(id(layer), ()))
            if add:
                rows |= self._selection.get(id(layer), set())
            if rows or id(layer) in self._selection:
                self.set_selection(layer, rows)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        """Arrows pan, +/- zoom, Home shows everything, Escape leaves a drag."""
        step = 0.25
        moves = {Qt.Key_Left: (step, 0), Qt.Key_Right: (-step, 0), Qt.Key_Up: (0, step), Qt.Key_Down: (0, -step)}
        key = event.key()
        if key in moves:
            dx, dy = moves[key]
            self.pan_by(dx * self.width(), dy * self.height())
        elif key in (Qt.Key_Plus, Qt.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key_Home:
            self.zoom_to_full_extent()
        elif key == Qt.Key_Escape:
            self._drag_start = self._drag_now = None
            self.update()
        else:
            super().keyPressEvent(event)

    def _emit_view(self) -> None:
        if self._view is None:
            return
        self.extentChanged.emit(tuple(float(v) for v in self._view.extent))
        self.scaleChanged.emit(float(self.scale_denominator()))

    def sizeHint(self) -> QSize:  # noqa: N802
        """A comfortable default size."""
        return QSize(900, 600)


def _uncovered(width: int, height: int, dx: float, dy: float) -> list[QRectF]:
    """The device strips a pan by (dx, dy) leaves empty: at most one vertical and one horizontal."""
    strips = []
    if dx > 0:
        strips.append(QRectF(0, 0, dx, height))
    elif dx < 0:
        strips.append(QRectF(width + dx, 0, -dx, height))
    x0, x1 = max(0.0, dx), min(float(width), width + dx)
    if dy > 0:
        strips.append(QRectF(x0, 0, x1 - x0, dy))
    elif dy < 0:
        strips.append(QRectF(x0, height + dy, x1 - x0, -dy))
    return [s for s in strips if s.width() > 0 and s.height() > 0]
