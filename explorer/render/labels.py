"""Feature labels placed greedily without overlap.

Candidates are sorted by priority (polygon area on screen, then points), and each is tried
at a few positions; a label is kept only if its box meets no box already placed (a grid of
occupied cells keeps the test cheap) and lies inside the map.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen, QTransform

from .context import RenderContext
from .prepared import PreparedLayer

__all__ = ["LabelCandidate", "PlacedLabel", "OccupiedIndex", "label_candidates", "place_labels", "draw_labels",
           "paint_labels", "collect_labels", "label_column"]

_LABEL_ROLES = ("protected_area", "indigenous_territory", "community", "project", "context")
_MAX_CANDIDATES = 1500


@dataclass(frozen=True)
class LabelCandidate:
    """A text to place near a device anchor, with a priority (higher places first)."""

    text: str
    x: float
    y: float
    priority: float
    offset: float  # >0 for point symbols: the label goes beside the marker
    font: QFont
    colour: QColor
    inside: object = None  # for areas: callable(device x, y) -> bool, the label centre must pass


@dataclass(frozen=True)
class PlacedLabel:
    """A label that was placed: its text, box and baseline origin."""

    text: str
    rect: QRectF
    origin: QPointF
    font: QFont
    colour: QColor


class OccupiedIndex:
    """Boxes already used on the device, bucketed in a coarse grid for quick overlap tests."""

    def __init__(self, cell: float = 64.0) -> None:
        self.cell = cell
        self._grid: dict[tuple[int, int], list[QRectF]] = defaultdict(list)

    def _cells(self, rect: QRectF):
        c = self.cell
        for i in range(int(rect.left() // c), int(rect.right() // c) + 1):
            for j in range(int(rect.top() // c), int(rect.bottom() // c) + 1):
                yield (i, j)

    def free(self, rect: QRectF) -> bool:
        """True if ``rect`` meets no box added so far."""
        return not any(r.intersects(rect) for cell in self._cells(rect) for r in self._grid.get(cell, ()))

    def add(self, rect: QRectF) -> None:
        """Mark ``rect`` as used."""
        for cell in self._cells(rect):
            self._grid[cell].append(rect)


def label_column(layer, options) -> str | None:
    """The column whose values label ``layer``'s features, or None."""
    style = layer.style
    if style.label_field and style.label_field in layer.frame.columns:
        return style.label_field
    if options.auto_labels and getattr(layer.role, "value", layer.role) in _LABEL_ROLES:
        return layer.column("name")
    return None


def label_candidates(ctx: RenderContext, layer, prepared: PreparedLayer, column: str) -> list[LabelCandidate]:
    """Candidates for the visible features of a layer, one per feature big enough to name."""
    rows = prepared.tree.query(shapely.box(*ctx.extent))
    if len(rows) == 0:
        return []
    rows = np.sort(rows)
    values = layer.geographic()[column].to_numpy()[rows]
    keep = np.array([_has_text(v) for v in values], dtype=bool)
    rows, values = rows[keep], values[keep]
    if len(rows) == 0:
        return []
    font, colour = _font_for(layer, ctx)
    if prepared.kind == "point":
        return _point_candidates(ctx, layer, prepared, rows, values, font, colour)
    return _area_candidates(ctx, prepared, rows, values, font, colour)


def _font_for(layer, ctx):
    role = getattr(layer.role, "value", str(layer.role))
    font = ctx.font(7.0 if role in ("community", "project") else 7.5,
                    bold=role in ("protected_area", "indigenous_territory"), italic=role in ("river", "basin"))
    colour = QColor(layer.style.stroke)
    if role == "community" or not colour.isValid():
        colour = QColor("#333333")
    return font, colour.darker(130)


def _point_candidates(ctx, layer, prepared, rows, values, font, colour):
    xy = shapely.get_coordinates(prepared.geoms[rows])[: len(rows)]
    x, y = ctx.to_device(xy[:, 0], xy[:, 1])
    offset = layer.style.marker_size * ctx.pt / 2.0 + 1.5 * ctx.pt
    return [LabelCandidate(str(v), float(a), float(b), 1.0, offset, font, colour)
            for v, a, b in zip(values[:_MAX_CANDIDATES], x, y)]


def _area_candidates(ctx, prepared, rows, values, font, colour):
    b = prepared.bounds[rows]
    upp = ctx.view.units_per_pixel
    size_px = np.fmax((b[:, 2] - b[:, 0]) * ctx.view.x_factor, b[:, 3] - b[:, 1]) / upp
    big = size_px >= 30.0
    rows, values, size_px = rows[big], values[big], size_px[big]
    order = np.argsort(-size_px)[:_MAX_CANDIDATES]
    rows, values, size_px = rows[order], values[order], size_px[order]
    anchors = prepared.anchors()[rows].copy()
    minx, miny, maxx, maxy = ctx.extent
    outside = ~((anchors[:, 0] >= minx) & (anchors[:, 0] <= maxx) & (anchors[:, 1] >= miny) & (anchors[:, 1] <= maxy))
    if outside.any():  # a large feature whose own anchor is off screen: label its visible part
        anchors[outside] = _visible_anchors(prepared.geoms[rows[outside]], ctx.extent)
    x, y = ctx.to_device(anchors[:, 0], anchors[:, 1])
    geoms = prepared.geoms[rows]
    return [LabelCandidate(str(v), float(a), float(b_), float(p), 0.0, font, colour, _inside_test(ctx, g))
            for v, a, b_, p, g in zip(values, x, y, size_px, geoms) if np.isfinite(a) and np.isfinite(b_)]


def _inside_test(ctx: RenderContext, geom):
    """A test whether a device point lies inside ``geom`` (so a moved label still names it)."""
    prepared = {}

    def inside(x: float, y: float) -> bool:
        if "g" not in prepared:
            shapely.prepare(geom)
            prepared["g"] = geom
        lon, lat = ctx.view.to_world(x - ctx.rect.left(), y - ctx.rect.top())
        return bool(shapely.contains_xy(geom, lon, lat))

    return inside


def _visible_anchors(geoms, extent) -> np.ndarray:
    try:
        clipped = shapely.clip_by_rect(geoms, *extent)
        points = shapely.point_on_surface(clipped)
    except shapely.errors.GEOSException:
        return np.full((len(geoms), 2), np.nan)
    xy = np.full((len(geoms), 2), np.nan)
    present = ~shapely.is_empty(points)
    xy[present] = shapely.get_coordinates(points[present])
    return xy


def _has_text(value) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and not np.isfinite(value):
        return False
    return bool(str(value).strip())


def place_labels(candidates: list[LabelCandidate], bounds: QRectF,
                 occupied: OccupiedIndex | None = None) -> list[PlacedLabel]:
    """Greedy placement: highest priority first, first free position wins, no overlaps."""
    occupied = occupied or OccupiedIndex()
    placed: list[PlacedLabel] = []
    for cand in sorted(candidates, key=lambda c: -c.priority):
        metrics = QFontMetricsF(cand.font)
        text = cand.text if len(cand.text) <= 48 else cand.text[:46] + "…"
        w, h, asc = metrics.horizontalAdvance(text), metrics.height(), metrics.ascent()
        for i, (left, top) in enumerate(_positions(cand, w, h)):
            rect = QRectF(left, top, w, h)
            if i and cand.inside is not None and not cand.inside(left + w / 2, top + h / 2):
                continue
            if bounds.contains(rect) and occupied.free(rect.adjusted(-2, -1, 2, 1)):
                occupied.add(rect)
                placed.append(PlacedLabel(text, rect, QPointF(left, top + asc), cand.font, cand.colour))
                break
    return placed


def _positions(c: LabelCandidate, w: float, h: float):
    if c.offset <= 0:  # an area: around its inner point, nearest first
        for dx, dy in ((0, 0), (0, -1.2), (0, 1.2), (-0.6, 0), (0.6, 0), (0, -2.4), (0, 2.4),
                       (-0.6, -1.2), (0.6, 1.2), (0.6, -1.2), (-0.6, 1.2)):
            yield c.x - w / 2 + dx * w, c.y - h / 2 + dy * h
        return
    o = c.offset
    yield c.x + o, c.y - h / 2
    yield c.x - o - w, c.y - h / 2
    yield c.x - w / 2, c.y - o - h
    yield c.x - w / 2, c.y + o
    yield c.x + o * 0.7, c.y - o * 0.7 - h
    yield c.x + o * 0.7, c.y + o * 0.7


def collect_labels(ctx: RenderContext, layers) -> list[PlacedLabel]:
    """Candidates of every labelled visible layer, placed without overlap (not drawn)."""
    candidates = []
    for rank, layer in enumerate(reversed(list(layers))):
        if getattr(layer, "kind", "vector") != "vector" or not layer.style.visible:
            continue
        column = label_column(layer, ctx.options)
        if column is None:
            continue
        boost = 1e6 / (rank + 1)  # upper layers first, then by size within a layer
        candidates += [replace(c, priority=c.priority + boost)
                       for c in label_candidates(ctx, layer, ctx.cache.prepared(layer), column)]
    return place_labels(candidates, ctx.rect.adjusted(2, 2, -2, -2), _symbol_obstacles(ctx, layers))


def _symbol_obstacles(ctx: RenderContext, layers) -> OccupiedIndex:
    """An index already holding the point symbols, so labels do not cover other villages."""
    occupied = OccupiedIndex()
    for layer in layers:
        if getattr(layer, "kind", "vector") != "vector" or not layer.style.visible:
            continue
        prepared = ctx.cache.prepared(layer)
        if prepared.kind != "point":
            continue
        rows = prepared.tree.query(shapely.box(*ctx.extent))[:_MAX_CANDIDATES]
        xy = shapely.get_coordinates(prepared.geoms[rows])
        x, y = ctx.to_device(xy[:, 0], xy[:, 1])
        r = layer.style.marker_size * ctx.pt * 0.4
        for a, b in zip(x, y):
            occupied.add(QRectF(a - r, b - r, 2 * r, 2 * r))
    return occupied


def draw_labels(ctx: RenderContext, placed: list[PlacedLabel]) -> None:
    """Draw placed labels with a white halo so they read over any fill."""
    paint_labels(ctx.painter, placed, ctx.pt, ctx.vector_device)


def paint_labels(painter, placed: list[PlacedLabel], pt: float, vector_device: bool,
                 offset: QPointF | None = None) -> None:
    """Draw labels; on raster devices each label is a cached small image (text and halo), on
    vector devices real text over a stroked outline halo, so a PDF stays searchable."""
    painter.save()
    painter.setTransform(QTransform())
    if offset is not None:
        painter.translate(offset)
    halo_width = 2.4 * pt
    for label in placed:
        if vector_device:
            painter.strokePath(_text_path(label.origin, label), _halo_pen(halo_width))
            painter.setFont(label.font)
            painter.setPen(label.colour)
            painter.drawText(label.origin, label.text)
        else:
            image, pad = _label_image(label, halo_width)
            painter.drawImage(QPointF(label.rect.left() - pad, label.rect.top() - pad), image)
    painter.restore()


def _halo_pen(width: float) -> QPen:
    return QPen(QColor(255, 255, 255, 220), width, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)


def _text_path(origin: QPointF, label: PlacedLabel) -> QPainterPath:
    path = QPainterPath()
    path.addText(origin, label.font, label.text)
    return path


_IMAGES: dict = {}


def _label_image(label: PlacedLabel, halo_width: float):
    pad = int(np.ceil(halo_width)) + 1
    key = (label.text, label.font.toString(), label.font.pointSizeF(), label.colour.rgba(), round(halo_width * 100),
           round(label.rect.width() * 10), round(label.rect.height() * 10))
    image = _IMAGES.get(key)
    if image is None:
        if len(_IMAGES) > 4000:
            _IMAGES.clear()
        w = int(np.ceil(label.rect.width())) + 2 * pad
        h = int(np.ceil(label.rect.height())) + 2 * pad
        image = QImage(max(w, 1), max(h, 1), QImage.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.Antialiasing, True)
        origin = QPointF(pad, pad + (label.origin.y() - label.rect.top()))
        path = _text_path(origin, label)
        painter.strokePath(path, _halo_pen(halo_width))
        painter.fillPath(path, label.colour)
        painter.end()
        _IMAGES[key] = image
    return image, pad
