"""Map furniture for screen, PNG and PDF: north arrow, graticule with degree labels, credits, frame."""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainterPath, QPen, QPolygonF, QTransform

from .context import RenderContext
from .coords import format_degree_label

__all__ = ["draw_north_arrow", "draw_graticule", "graticule_step", "draw_credits", "draw_frame"]

_STEPS = (1 / 60, 2 / 60, 5 / 60, 10 / 60, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 45.0)


def draw_north_arrow(ctx: RenderContext) -> QRectF:
    """A north arrow in the top-right corner (meridians are vertical in this projection)."""
    pt, painter = ctx.pt, ctx.painter
    size = 22 * pt
    cx = ctx.rect.right() - 14 * pt - size / 4
    top = ctx.rect.top() + 12 * pt
    font = ctx.font(9, bold=True)
    metrics = QFontMetricsF(font)
    text = QCoreApplication.translate("Render", "N")
    painter.save()
    painter.setTransform(QTransform())
    box = QRectF(cx - size / 2.6, top - 3 * pt, size / 1.3, size + metrics.height() + 5 * pt)
    painter.setPen(Qt.NoPen)
    painter.setBrush(QColor(255, 255, 255, 200))
    painter.drawRoundedRect(box, 2 * pt, 2 * pt)
    tip = QPointF(cx, top + metrics.height())
    base_y = tip.y() + size
    half = size / 4
    left = QPolygonF([tip, QPointF(cx - half, base_y), QPointF(cx, base_y - size * 0.28)])
    right = QPolygonF([tip, QPointF(cx + half, base_y), QPointF(cx, base_y - size * 0.28)])
    dark = QColor("#222222")
    painter.setPen(QPen(dark, 0.6 * pt, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
    painter.setBrush(dark)
    painter.drawPolygon(left)
    painter.setBrush(QColor("white"))
    painter.drawPolygon(right)
    painter.setFont(font)
    painter.setPen(dark)
    painter.drawText(QPointF(cx - metrics.horizontalAdvance(text) / 2, top + metrics.ascent() - 1 * pt), text)
    painter.restore()
    return box


def graticule_step(span_degrees: float, target_lines: int = 5) -> float:
    """A round graticule interval giving about ``target_lines`` lines over ``span_degrees``."""
    ideal = span_degrees / max(target_lines, 1)
    return min(_STEPS, key=lambda s: abs(math.log(s / ideal))) if ideal > 0 else 1.0


def draw_graticule(ctx: RenderContext) -> None:
    """Thin meridians and parallels at a round interval, labelled inside the map edges."""
    minx, miny, maxx, maxy = ctx.extent
    step = graticule_step(max((maxx - minx) * ctx.view.x_factor, maxy - miny))
    lons = np.arange(math.ceil(minx / step) * step, maxx, step)
    lats = np.arange(math.ceil(miny / step) * step, maxy, step)
    painter, pt, rect = ctx.painter, ctx.pt, ctx.rect
    painter.save()
    painter.setTransform(QTransform())
    painter.setClipRect(rect, Qt.IntersectClip)
    # An opaque grey (what 43 % dark grey over the pale map background looks like): a dashed
    # pen with transparency is written to PDF as one filled shape per dash, 30x larger.
    painter.setPen(QPen(QColor(150, 155, 160), 0.4 * pt, Qt.DashLine))
    xs, _ = ctx.to_device(lons, np.zeros_like(lons))
    _, ys = ctx.to_device(np.zeros_like(lats), lats)
    painter.drawLines([QLineF(x, rect.top(), x, rect.bottom()) for x in xs]
                      + [QLineF(rect.left(), y, rect.right(), y) for y in ys])
    font = ctx.font(6.5)
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    halo = QPen(QColor(255, 255, 255), 2.2 * pt, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
    for lon, x in zip(lons, xs):
        text = format_degree_label(lon, "lon", step)
        _halo_text(painter, QPointF(x + 2 * pt, rect.top() + metrics.ascent() + 2 * pt), text, font, halo)
    for lat, y in zip(lats, ys):
        text = format_degree_label(lat, "lat", step)
        _halo_text(painter, QPointF(rect.left() + 2 * pt, y - 2 * pt), text, font, halo)
    painter.restore()


def _halo_text(painter, origin: QPointF, text: str, font, halo: QPen) -> None:
    path = QPainterPath()
    path.addText(origin, font, text)
    painter.strokePath(path, halo)
    painter.fillPath(path, QColor("#333333"))


def draw_credits(ctx: RenderContext, text: str) -> None:
    """Small data-credit text in the bottom-right corner of the map."""
    if not text:
        return
    painter, pt = ctx.painter, ctx.pt
    font = ctx.font(6.0)
    metrics = QFontMetricsF(font)
    width = min(metrics.horizontalAdvance(text), ctx.rect.width() * 0.6)
    box = QRectF(ctx.rect.right() - width - 6 * pt, ctx.rect.bottom() - metrics.height() - 3 * pt,
                 width + 4 * pt, metrics.height() + 1 * pt)
    painter.save()
    painter.setTransform(QTransform())
    painter.setPen(Qt.NoPen)
    painter.setBrush(QColor(255, 255, 255, 190))
    painter.drawRect(box)
    painter.setFont(font)
    painter.setPen(QColor("#444444"))
    painter.drawText(box.adjusted(2 * pt, 0, -2 * pt, 0), Qt.AlignRight | Qt.AlignVCenter,
                     metrics.elidedText(text, Qt.ElideRight, width))
    painter.restore()


def draw_frame(ctx: RenderContext) -> None:
    """A thin neat line around the map."""
    painter = ctx.painter
    painter.save()
    painter.setTransform(QTransform())
    painter.setBrush(Qt.NoBrush)
    painter.setPen(QPen(QColor("#333333"), 0.8 * ctx.pt))
    painter.drawRect(ctx.rect)
    painter.restore()
