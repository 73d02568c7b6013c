"""Drawing one vector layer: fills, hatching, outlines, lines, point symbols, selection."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QTransform

from .context import RenderContext
from .paths import points_polygon
from .prepared import PreparedLayer
from .symbols import fill_hatch, hatch_brush, markers_path, mix, qcolor

__all__ = ["draw_vector_layer", "draw_selection", "SUBPIXEL_DOT_PT"]

#: Diameter (points) of the dot drawn for a feature smaller than a pixel.
SUBPIXEL_DOT_PT = 1.6


def draw_vector_layer(ctx: RenderContext, layer, prepared: PreparedLayer) -> None:
    """Draw every visible feature of ``layer`` with its style."""
    style = layer.style
    painter = ctx.painter
    painter.save()
    painter.setOpacity(max(0.0, min(1.0, style.opacity)))
    painter.setTransform(QTransform())
    chunks = prepared.visible_chunks(ctx.extent)
    if prepared.kind == "point":
        _draw_points(ctx, prepared, chunks, style)
    else:
        drawings = _drawings(ctx, prepared, chunks)
        device_paths = [ctx.world.map(path) for d in drawings for path in d.paths]
        if prepared.kind == "polygon":
            small = [ctx.world.map(path) for d in drawings for path in d.small]
            _draw_polygons(ctx, device_paths, small, style)
        fade = 1.0
        if prepared.kind != "polygon":
            fade = _crowding(ctx, prepared, style)
            _draw_lines(ctx, device_paths, style, fade)
        dots = [d.dots for d in drawings if len(d.dots)]
        if dots:
            _draw_dots(ctx, np.vstack(dots), style, prepared.kind, fade)
    painter.restore()


def _drawings(ctx: RenderContext, prepared: PreparedLayer, chunks) -> list:
    """Cached chunk paths for a whole view; freshly clipped geometry for a strip (``ctx.partial``)."""
    if ctx.partial:
        return [prepared.drawing(ctx.bucket, ctx.extent)]
    drawings = [prepared.chunk_drawing(int(c), ctx.bucket) for c in chunks]
    large = prepared.large_drawing(ctx.bucket, ctx.view.extent, ctx.view.x_factor)
    return drawings if large is None else [large] + drawings


def _stroke_pen(ctx: RenderContext, style, extra_pt: float = 0.0) -> QPen:
    pen = QPen(qcolor(style.stroke), ctx.line_width(style.stroke_width + extra_pt))
    pen.setJoinStyle(Qt.RoundJoin)
    pen.setCapStyle(Qt.RoundCap)
    return pen


def _draw_polygons(ctx: RenderContext, paths: list[QPainterPath], small: list[QPainterPath], style) -> None:
    """Fill, hatch, outline.  ``small`` polygons (a few pixels) are filled without anti-aliasing."""
    painter = ctx.painter
    if style.fill_opacity > 0:
        painter.setPen(Qt.NoPen)
        painter.setBrush(QBrush(qcolor(style.fill, style.fill_opacity)))
        if style.stroke_width > 0:
            # The anti-aliased outline drawn next covers the fill's edge pixels, so the fill
            # itself needs no anti-aliasing (5-10x faster for thousands of polygons).
            _without_antialiasing(ctx, paths + small)
        else:
            for path in paths:
                painter.drawPath(path)
            _without_antialiasing(ctx, small)
    if style.hatch not in (None, "", "none"):
        _hatch(ctx, paths + small, style)
    if style.stroke_width > 0:
        painter.setPen(_stroke_pen(ctx, style))
        painter.setBrush(Qt.NoBrush)
        for path in paths + small:
            painter.drawPath(path)


def _without_antialiasing(ctx: RenderContext, paths: list[QPainterPath]) -> None:
    if not paths:
        return
    ctx.painter.setRenderHint(QPainter.Antialiasing, ctx.vector_device and ctx.options.antialias)
    for path in paths:
        ctx.painter.drawPath(path)
    ctx.painter.setRenderHint(QPainter.Antialiasing, ctx.options.antialias)


def _hatch(ctx: RenderContext, paths: list[QPainterPath], style) -> None:
    painter = ctx.painter
    under = mix(qcolor(style.fill), QColor("white"), style.fill_opacity)  # the fill over pale land
    hatch_colour = mix(qcolor(style.stroke), under, 0.55)  # opaque: compact in PDF
    if ctx.vector_device:  # true vector lines clipped to the shapes (PDF stays vectors)
        for path in paths:
            area = path.boundingRect().intersected(ctx.rect)
            fill_hatch(painter, path, area, style.hatch, hatch_colour, ctx.pt)
        return
    # A texture anchored to lon/lat 0,0: one fill per path, no clipping, and a pan by whole
    # pixels moves it exactly with the map, so redrawn strips join seamlessly.  Without
    # anti-aliasing: Qt's anti-aliased texture fill is ~5x slower, and the anti-aliased colour
    # fill and outline already smooth the same edges.
    anchor = ctx.world.map(QPointF(0.0, 0.0))
    painter.setBrushOrigin(QPointF(round(anchor.x()), round(anchor.y())))
    painter.setPen(Qt.NoPen)
    painter.setBrush(hatch_brush(style.hatch, hatch_colour, ctx.pt))
    _without_antialiasing(ctx, paths)


def _draw_lines(ctx: RenderContext, paths: list[QPainterPath], style, fade: float = 1.0) -> None:
    painter = ctx.painter
    pen = _stroke_pen(ctx, style)
    if fade < 1.0:  # thinner and faded towards white, but opaque (see symbols.mix)
        pen.setWidthF(ctx.line_width(max(0.3, style.stroke_width * fade)))
        pen.setColor(mix(qcolor(style.stroke), QColor("white"), fade))
    painter.setPen(pen)
    painter.setBrush(Qt.NoBrush)
    for path in paths:
        painter.drawPath(path)


#: Share of the map that a line layer may ink before it is faded (see :func:`_crowding`).
MAX_INK = 0.12


def _crowding(ctx: RenderContext, prepared: PreparedLayer, style) -> float:
    """Opacity factor for a line layer so dense that it would paint the map over.

    Twenty thousand river reaches seen at the scale of a whole state would cover most of the
    land in blue; like a cartographer thinning a network at small scales, we fade the layer so
    the share of its own area that it inks stays near ``MAX_INK`` (never below 35 %).  Zoomed
    in, the same rivers draw at full strength.  The factor depends on the zoom only, not on
    the pan position, so strips redrawn after a pan match the rest of the map.
    """
    length_deg, area_deg2 = prepared.ink_density()
    if area_deg2 <= 0:
        return 1.0
    upp = ctx.view.units_per_pixel
    share = length_deg * ctx.view.x_factor * upp * ctx.line_width(style.stroke_width) / area_deg2
    fade = 1.0 if share <= MAX_INK else max(0.35, MAX_INK / share)
    return round(fade * 20) / 20


def _draw_dots(ctx: RenderContext, lonlat: np.ndarray, style, kind: str, fade: float = 1.0) -> None:
    """Features smaller than a pixel: a dot each (lines: as thin and faded as the lines)."""
    x, y = ctx.to_device(lonlat[:, 0], lonlat[:, 1])
    if kind == "line":
        colour = mix(qcolor(style.stroke), QColor("white"), fade)
        width = ctx.line_width(max(0.3, style.stroke_width * fade))
    else:
        colour = qcolor(style.stroke if style.fill_opacity < 0.3 else style.fill, 1.0)
        width = max(SUBPIXEL_DOT_PT * ctx.pt, 1.0)
    ctx.painter.setPen(QPen(colour, width, Qt.SolidLine, Qt.SquareCap))
    ctx.painter.setRenderHint(QPainter.Antialiasing, ctx.vector_device)  # crisp, and fast for 1e5 dots
    ctx.painter.drawPoints(points_polygon(np.column_stack([x, y])))
    ctx.painter.setRenderHint(QPainter.Antialiasing, ctx.options.antialias)


def _draw_points(ctx: RenderContext, prepared: PreparedLayer, chunks, style) -> None:
    xy = [prepared.chunk_drawing(int(c), 0).dots for c in chunks]
    if not xy:
        return
    lonlat = np.vstack(xy)
    x, y = ctx.to_device(lonlat[:, 0], lonlat[:, 1])
    inside = _inside(ctx.rect, x, y, style.marker_size * ctx.pt)
    path = markers_path(np.column_stack([x[inside], y[inside]]), style.marker, style.marker_size * ctx.pt)
    painter = ctx.painter
    painter.setPen(_stroke_pen(ctx, style.with_changes(stroke_width=max(0.5, style.stroke_width * 0.8))))
    painter.setBrush(QBrush(qcolor(style.fill, max(style.fill_opacity, 0.9))))
    painter.drawPath(path)


def _inside(rect: QRectF, x: np.ndarray, y: np.ndarray, pad: float) -> np.ndarray:
    return ((x >= rect.left() - pad) & (x <= rect.right() + pad)
            & (y >= rect.top() - pad) & (y <= rect.bottom() + pad))


def draw_selection(ctx: RenderContext, layer, prepared: PreparedLayer, rows) -> None:
    """Highlight the features ``rows`` of ``layer``: a bright halo and a translucent fill."""
    rows = np.asarray(sorted(int(r) for r in rows if 0 <= int(r) < len(prepared.geoms)), dtype=np.int64)
    if len(rows) == 0:
        return
    painter = ctx.painter
    painter.save()
    painter.setTransform(QTransform())
    colour = qcolor(ctx.options.selection_colour)
    if prepared.kind == "point":
        xy = np.vstack([_point_xy(g) for g in prepared.geoms[rows]])
        x, y = ctx.to_device(xy[:, 0], xy[:, 1])
        size = (layer.style.marker_size + 5) * ctx.pt
        painter.setPen(QPen(qcolor("#222222"), 0.8 * ctx.pt))
        painter.setBrush(qcolor(ctx.options.selection_colour, 0.85))
        painter.drawPath(markers_path(np.column_stack([x, y]), "circle", size))
        painter.restore()
        return
    path = ctx.world.map(prepared.subset_path(rows, ctx.bucket, _selection_window(ctx)))
    if prepared.kind == "polygon":
        painter.setPen(Qt.NoPen)
        painter.setBrush(qcolor(ctx.options.selection_colour, 0.30))
        painter.drawPath(path)
    painter.setBrush(Qt.NoBrush)
    painter.setPen(QPen(colour, 3.2 * ctx.pt, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
    painter.drawPath(path)
    painter.setPen(QPen(qcolor("#3a3000"), 0.7 * ctx.pt, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
    painter.drawPath(path)
    tiny = _tiny_rows(ctx, prepared, rows)
    if len(tiny):
        x, y = ctx.to_device(tiny[:, 0], tiny[:, 1])
        painter.setPen(QPen(qcolor("#222222"), 0.8 * ctx.pt))
        painter.setBrush(colour)
        painter.drawPath(markers_path(np.column_stack([x, y]), "circle", 7 * ctx.pt))
    painter.restore()


def _selection_window(ctx: RenderContext):
    minx, miny, maxx, maxy = ctx.view.extent
    w, h = maxx - minx, maxy - miny
    return (minx - w, miny - h, maxx + w, maxy + h)


def _tiny_rows(ctx: RenderContext, prepared: PreparedLayer, rows: np.ndarray) -> np.ndarray:
    b = prepared.bounds[rows]
    size = np.fmax(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1]) / ctx.view.units_per_pixel
    small = size < 4.0
    b = b[small & np.isfinite(b).all(axis=1)]
    return np.column_stack([(b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2])


def _point_xy(geom) -> np.ndarray:
    import shapely

    return shapely.get_coordinates(geom)[:1] if not shapely.is_empty(geom) else np.empty((0, 2))
