"""The one entry point: draw a whole map (layers, selection, labels, furniture) into a rectangle.

The canvas on screen, the PNG export and the PDF map pages all call :func:`render_map`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from .context import RenderContext, RenderOptions, is_vector_device
from .furniture import draw_credits, draw_frame, draw_graticule, draw_north_arrow
from .labels import PlacedLabel, collect_labels, draw_labels, paint_labels
from .legend import draw_legend, legend_entries, measure_legend
from .prepared import RenderCache
from .raster import draw_raster_layer, raster_lonlat_bounds
from .scalebar import ScaleBar, draw_scale_bar
from .vector import draw_selection, draw_vector_layer
from .view import MapView

__all__ = ["RenderResult", "render_map", "draw_overlays", "map_labels", "draw_placed_labels", "draw_selection_overlay", "render_to_image", "layers_extent", "selection_rows"]


@dataclass
class RenderResult:
    """What a drawing produced, for tests, overlays and the report."""

    view: MapView
    labels: list[PlacedLabel] = field(default_factory=list)
    scale_bar: ScaleBar | None = None
    legend_rect: QRectF | None = None
    raster_classes: dict[int, tuple[int, ...]] = field(default_factory=dict)


def selection_rows(selection, layer) -> list[int]:
    """The selected rows of ``layer`` in a selection mapping keyed by ``id(layer)`` or layer name."""
    if not selection:
        return []
    rows = selection.get(id(layer))
    if rows is None:
        rows = selection.get(layer.name)
    return list(rows or ())


def _device_pt(painter: QPainter) -> float:
    dpi = painter.device().logicalDpiX() if painter.device() is not None else 96
    return max(dpi, 1) / 72.0


def render_map(painter: QPainter, rect: QRectF, layers, view: MapView, selection=None,
               options: RenderOptions | None = None, cache: RenderCache | None = None,
               clip: QRectF | None = None) -> RenderResult:
    """Draw ``layers`` (bottom first) seen through ``view`` into ``rect`` of the painter's device.

    ``selection`` maps ``id(layer)`` (or a layer's name) to the row indices to highlight.
    ``view`` is resized to ``rect`` (same centre and scale).  ``cache`` keeps prepared geometry
    and raster images between calls; pass the same one for every redraw of a canvas.
    ``clip`` (device coordinates) redraws only that part, e.g. the strip a pan uncovered; only
    features meeting it are touched, and labels and furniture are left out.
    """
    options = options or RenderOptions()
    rect = QRectF(rect)
    view = view.resized(round(rect.width()), round(rect.height()))
    ctx = _context(painter, rect, view, options, cache)
    result = RenderResult(view)
    area = rect if clip is None else QRectF(clip).intersected(rect)
    if clip is not None:
        ctx.extent = _clip_extent(view, rect, area, 24.0 * ctx.pt)
        ctx.partial = True
        options = replace(options, scale_bar=False, north_arrow=False, legend=False, credits=None,
                          frame=False, graticule=False)
        ctx.options = options
    painter.save()
    painter.setRenderHint(QPainter.Antialiasing, options.antialias)
    painter.setRenderHint(QPainter.TextAntialiasing, True)
    painter.setClipRect(area)
    painter.fillRect(area, QColor(options.background))
    kinds = _draw_layers(ctx, layers, result)
    _draw_selection(ctx, layers, selection)
    if options.graticule:
        draw_graticule(ctx)
    if options.labels and clip is None:
        result.labels = collect_labels(ctx, layers)
        draw_labels(ctx, result.labels)
    _draw_furniture(ctx, layers, kinds, result)
    painter.restore()
    return result


def _context(painter, rect, view, options, cache) -> RenderContext:
    return RenderContext(painter, rect, view, options, cache or RenderCache(), _device_pt(painter))


def _clip_extent(view: MapView, rect: QRectF, area: QRectF, pad_px: float):
    """Lon/lat box of a device area of the map, padded so strokes and symbols that reach in count."""
    x0, x1 = area.left() - rect.left() - pad_px, area.right() - rect.left() + pad_px
    y0, y1 = area.top() - rect.top() - pad_px, area.bottom() - rect.top() + pad_px
    lon0, lat0 = view.to_world(x0, y1)
    lon1, lat1 = view.to_world(x1, y0)
    return (lon0, lat0, lon1, lat1)


def draw_selection_overlay(painter: QPainter, rect: QRectF, layers, view: MapView, selection,
                           cache: RenderCache | None = None, options: RenderOptions | None = None) -> None:
    """Only the selection highlight, for a canvas that keeps it over its cached map image."""
    view = view.resized(round(rect.width()), round(rect.height()))
    ctx = _context(painter, QRectF(rect), view, options or RenderOptions(), cache)
    painter.save()
    painter.setRenderHint(QPainter.Antialiasing, True)
    painter.setClipRect(QRectF(rect))
    _draw_selection(ctx, layers, selection)
    painter.restore()


def map_labels(painter: QPainter, rect: QRectF, layers, view: MapView, options: RenderOptions | None = None,
               cache: RenderCache | None = None) -> list[PlacedLabel]:
    """Place the labels of a map without drawing them (the canvas draws them over its image)."""
    view = view.resized(round(rect.width()), round(rect.height()))
    return collect_labels(_context(painter, QRectF(rect), view, options or RenderOptions(), cache), layers)


def draw_placed_labels(painter: QPainter, labels: list[PlacedLabel], offset: QPointF | None = None) -> None:
    """Draw labels placed by :func:`map_labels`, moved by ``offset`` device pixels."""
    paint_labels(painter, labels, _device_pt(painter), is_vector_device(painter), offset)


def _draw_layers(ctx: RenderContext, layers, result: RenderResult) -> dict[int, str]:
    kinds: dict[int, str] = {}
    for layer in layers:
        if getattr(layer, "kind", "vector") == "raster":
            if layer.style.visible:
                image = draw_raster_layer(ctx, layer, ctx.cache.rasters)
                result.raster_classes[id(layer)] = image.classes if image is not None else ()
            continue
        prepared = ctx.cache.prepared(layer)
        kinds[id(layer)] = prepared.kind
        if layer.style.visible:
            draw_vector_layer(ctx, layer, prepared)
    return kinds


def _draw_selection(ctx: RenderContext, layers, selection) -> None:
    for layer in layers:
        rows = selection_rows(selection, layer)
        if rows and getattr(layer, "kind", "vector") == "vector" and layer.style.visible:
            draw_selection(ctx, layer, ctx.cache.prepared(layer), rows)


def _draw_furniture(ctx: RenderContext, layers, kinds, result: RenderResult) -> None:
    opts, painter, pt = ctx.options, ctx.painter, ctx.pt
    painter.setTransform(QTransform())
    if opts.scale_bar:
        result.scale_bar = draw_scale_bar(painter, ctx.rect, ctx.view, pt)
    if opts.north_arrow:
        draw_north_arrow(ctx)
    if opts.legend:
        entries = legend_entries(layers, kinds, result.raster_classes)
        if entries:
            size = measure_legend(painter, entries, pt, opts.legend_title)
            top_left = QPointF(ctx.rect.right() - size.width() - 8 * pt,
                               ctx.rect.bottom() - size.height() - (16 if opts.credits else 8) * pt)
            result.legend_rect = draw_legend(painter, top_left, entries, pt, opts.legend_title)
    if opts.credits:
        draw_credits(ctx, opts.credits)
    if opts.frame:
        draw_frame(ctx)


def draw_overlays(painter: QPainter, rect: QRectF, view: MapView, options: RenderOptions | None = None) -> ScaleBar | None:
    """Only the scale bar and north arrow of ``options`` over an already drawn map (screen overlay)."""
    options = options or RenderOptions()
    view = view.resized(round(rect.width()), round(rect.height()))
    ctx = RenderContext(painter, QRectF(rect), view, options, RenderCache(), _device_pt(painter))
    painter.save()
    painter.setRenderHint(QPainter.Antialiasing, True)
    painter.setRenderHint(QPainter.TextAntialiasing, True)
    bar = draw_scale_bar(painter, ctx.rect, view, ctx.pt) if options.scale_bar else None
    if options.north_arrow:
        draw_north_arrow(ctx)
    painter.restore()
    return bar


def layers_extent(layers, visible_only: bool = False) -> tuple[float, float, float, float] | None:
    """The lon/lat bounds of all (or all visible) layers, or None if there is nothing to show.

    Context layers (country borders, basemaps) only count when nothing else is there: the
    full extent of a project is its subject, not the whole of Brazil and France.
    """
    layers = [layer for layer in layers if not (visible_only and not layer.style.visible)]
    subject = [layer for layer in layers if getattr(layer.role, "value", layer.role) != "context"]
    boxes = []
    for layer in subject or layers:
        if getattr(layer, "kind", "vector") == "raster":
            boxes.append(raster_lonlat_bounds(layer))
        elif len(layer.frame):
            boxes.append(tuple(layer.geographic().total_bounds))
    boxes = np.array([b for b in boxes if np.all(np.isfinite(b))], dtype=float).reshape(-1, 4)
    if len(boxes) == 0:
        return None
    return (boxes[:, 0].min(), boxes[:, 1].min(), boxes[:, 2].max(), boxes[:, 3].max())


def render_to_image(layers, size: QSize | tuple[int, int], view: MapView | None = None, selection=None,
                    options: RenderOptions | None = None, dpi: float = 96.0,
                    cache: RenderCache | None = None) -> tuple[QImage, RenderResult]:
    """Draw the map into a new ARGB image of ``size`` pixels at ``dpi`` (PNG export, tests)."""
    width, height = (size.width(), size.height()) if isinstance(size, QSize) else size
    image = QImage(int(width), int(height), QImage.Format_ARGB32_Premultiplied)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(Qt.white)
    if view is None:
        view = MapView.fit(layers_extent(layers) or (-180, -60, 180, 80), int(width), int(height))
    painter = QPainter(image)
    try:
        result = render_map(painter, QRectF(0, 0, width, height), layers, view, selection, options, cache)
    finally:
        painter.end()
    return image, result
