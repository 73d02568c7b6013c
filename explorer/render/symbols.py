"""Colours, point markers and hatch patterns, sized in typographic points for any device."""
from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen

from .paths import path_from_parts, points_polygon

__all__ = ["qcolor", "mix", "marker_outline", "markers_path", "marker_path", "fill_hatch", "hatch_brush", "HATCH_SPACING_PT"]

HATCH_SPACING_PT = 6.0
_CIRCLE_SIDES = 20


def qcolor(hex_colour: str | None, alpha: float = 1.0) -> QColor:
    """A QColor from ``#rrggbb`` and an opacity in 0..1 (grey if the text is not a colour)."""
    colour = QColor(hex_colour or "#888888")
    if not colour.isValid():
        colour = QColor("#888888")
    colour.setAlphaF(max(0.0, min(1.0, float(alpha))))
    return colour


def mix(colour: QColor, other: QColor, share: float) -> QColor:
    """An opaque colour ``share`` of the way from ``other`` to ``colour``.

    Used instead of transparency for strokes: Qt's PDF writer turns every semi-transparent
    stroke into a filled outline, which made a river layer 5x larger than its opaque twin.
    """
    t = max(0.0, min(1.0, share))
    return QColor.fromRgbF(colour.redF() * t + other.redF() * (1 - t), colour.greenF() * t + other.greenF() * (1 - t),
                           colour.blueF() * t + other.blueF() * (1 - t), 1.0)


def _star(points: int = 5, inner: float = 0.45) -> np.ndarray:
    angles = np.pi / 2 + np.arange(2 * points) * np.pi / points
    radii = np.where(np.arange(2 * points) % 2 == 0, 1.0, inner)
    return np.column_stack([radii * np.cos(angles), radii * np.sin(angles)])


def _regular(sides: int, rotation: float) -> np.ndarray:
    angles = rotation + np.arange(sides) * 2 * np.pi / sides
    return np.column_stack([np.cos(angles), np.sin(angles)])


#: Unit outlines (radius 1, y up) of each marker, closed by repeating the first vertex.
_TEMPLATES = {
    "circle": _regular(_CIRCLE_SIDES, 0.0),
    "square": np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]], dtype=float) * 0.82,
    "triangle": _regular(3, np.pi / 2) * np.array([1.0, 1.0]) + np.array([0.0, -0.15]),
    "diamond": _regular(4, np.pi / 2),
    "star": _star(),
}


def marker_outline(marker: str) -> np.ndarray:
    """The closed unit outline (K×2, y up) of a marker name; circles for unknown names."""
    ring = _TEMPLATES.get(marker, _TEMPLATES["circle"])
    return np.vstack([ring, ring[:1]])


def markers_path(xy: np.ndarray, marker: str, size_px: float) -> QPainterPath:
    """One path of a marker of diameter ``size_px`` centred on each device point of ``xy``."""
    ring = marker_outline(marker) * (size_px / 2.0) * np.array([1.0, -1.0])  # device y is down
    k = len(ring)
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    coords = (xy[:, None, :] + ring[None, :, :]).reshape(-1, 2)
    ids = np.repeat(np.arange(len(xy)), k)
    return path_from_parts(coords, ids)


def marker_path(marker: str, size_px: float, centre: QPointF) -> QPainterPath:
    """A single marker path (for legends)."""
    return markers_path(np.array([[centre.x(), centre.y()]]), marker, size_px)


def fill_hatch(painter: QPainter, device_clip: QPainterPath, area: QRectF, hatch: str,
               colour: QColor, pt: float) -> None:
    """Draw ``hatch`` lines (or dots) in ``colour`` inside ``device_clip``, over ``area``.

    Drawn as vector lines clipped to the shape, so the pattern keeps its spacing in points on
    screen, in PNG and in PDF.  The painter must have an identity world transform.
    """
    if hatch in (None, "", "none") or area.isEmpty():
        return
    spacing = HATCH_SPACING_PT * pt
    painter.save()
    painter.setClipPath(device_clip, Qt.IntersectClip)
    painter.setBrush(Qt.NoBrush)
    if hatch == "dots":
        painter.setPen(QPen(colour, 1.6 * pt, Qt.SolidLine, Qt.RoundCap))
        painter.drawPoints(points_polygon(_dot_grid(area, spacing)))
    else:
        painter.setPen(QPen(colour, 0.45 * pt, Qt.SolidLine, Qt.FlatCap))
        painter.drawLines(_hatch_lines(area, hatch, spacing))
    painter.restore()


def _dot_grid(area: QRectF, spacing: float) -> np.ndarray:
    x0 = math.floor(area.left() / spacing) * spacing
    y0 = math.floor(area.top() / spacing) * spacing
    xs = np.arange(x0, area.right() + spacing, spacing)
    ys = np.arange(y0, area.bottom() + spacing, spacing)
    gx, gy = np.meshgrid(xs, ys)
    gx = gx + np.where((np.round(gy / spacing) % 2) == 0, 0.0, spacing / 2.0)
    return np.column_stack([gx.ravel(), gy.ravel()])


def _hatch_lines(area: QRectF, hatch: str, spacing: float) -> list[QLineF]:
    lines: list[QLineF] = []
    left, top, right, bottom = area.left(), area.top(), area.right(), area.bottom()
    if hatch in ("horizontal", "cross"):
        y = math.floor(top / spacing) * spacing
        while y <= bottom:
            lines.append(QLineF(left, y, right, y))
            y += spacing
    if hatch in ("vertical", "cross"):
        x = math.floor(left / spacing) * spacing
        while x <= right:
            lines.append(QLineF(x, top, x, bottom))
            x += spacing
    if hatch == "diagonal":
        step = spacing * math.sqrt(2.0)
        height = bottom - top
        c = math.floor((left - height) / step) * step
        while c <= right:
            lines.append(QLineF(c, bottom, c + height, top))
            c += step
    return lines


def hatch_brush(hatch: str, colour: QColor, pt: float) -> QBrush | None:
    """A device-aligned texture brush of ``hatch`` (for raster devices: one fill, no clipping)."""
    if hatch in (None, "", "none"):
        return None
    return QBrush(_hatch_tile(hatch, colour.rgba(), round(pt * 100)))


@lru_cache(maxsize=64)
def _hatch_tile(hatch: str, rgba: int, pt100: int) -> QImage:
    pt = pt100 / 100.0
    spacing = HATCH_SPACING_PT * pt
    side = max(4, round(spacing * math.sqrt(2.0))) if hatch == "diagonal" else max(4, round(spacing))
    tile = QImage(side, side, QImage.Format_ARGB32_Premultiplied)
    tile.fill(0)
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.Antialiasing, True)
    colour = QColor.fromRgba(rgba)
    if hatch == "dots":
        painter.setPen(Qt.NoPen)
        painter.setBrush(colour)
        radius = 0.8 * pt
        painter.drawEllipse(QPointF(side / 2, side / 2), radius, radius)
    else:
        painter.setPen(QPen(colour, max(0.45 * pt, 0.8), Qt.SolidLine, Qt.FlatCap))
        lines = []
        if hatch in ("horizontal", "cross"):
            lines.append(QLineF(0, side / 2, side, side / 2))
        if hatch in ("vertical", "cross"):
            lines.append(QLineF(side / 2, 0, side / 2, side))
        if hatch == "diagonal":  # bottom-left to top-right, wrapped so tiles join seamlessly
            lines += [QLineF(-side + k * side, side, k * side, 0) for k in range(3)]
        painter.drawLines(lines)
    painter.end()
    return tile
