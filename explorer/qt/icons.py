"""Toolbar icons drawn with QPainter (nothing to ship, crisp at any scale, same on every
platform): pan, zoom box, zoom in/out, full extent, identify, select."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

__all__ = ["map_icon", "ICON_NAMES"]

_INK = QColor("#2d3e50")
_ACCENT = QColor("#2a7ab9")


def _pen(width: float = 1.6, color: QColor = _INK, style=Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color, width, style)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _magnifier(p: QPainter, sign: str = "") -> None:
    p.setPen(_pen(1.8))
    p.setBrush(QColor(255, 255, 255, 200))
    p.drawEllipse(QRectF(3, 3, 12, 12))
    p.setPen(_pen(2.6))
    p.drawLine(QPointF(13.5, 13.5), QPointF(19.5, 19.5))
    p.setPen(_pen(1.8, _ACCENT))
    if sign in "+-" and sign:
        p.drawLine(QPointF(6, 9), QPointF(12, 9))
    if sign == "+":
        p.drawLine(QPointF(9, 6), QPointF(9, 12))


def _pan(p: QPainter) -> None:
    p.setPen(_pen(1.8))
    p.drawLine(QPointF(11, 2.5), QPointF(11, 19.5))
    p.drawLine(QPointF(2.5, 11), QPointF(19.5, 11))
    p.setBrush(_INK)
    for tip, a, b in (((11, 1.5), (8, 5), (14, 5)), ((11, 20.5), (8, 17), (14, 17)),
                      ((1.5, 11), (5, 8), (5, 14)), ((20.5, 11), (17, 8), (17, 14))):
        p.drawPolygon(QPolygonF([QPointF(*tip), QPointF(*a), QPointF(*b)]))


def _zoom_box(p: QPainter) -> None:
    p.setPen(_pen(1.4, _ACCENT, Qt.PenStyle.DashLine))
    p.setBrush(QColor(42, 122, 185, 40))
    p.drawRect(QRectF(2, 2, 13, 11))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(_pen(1.8))
    p.drawEllipse(QRectF(9, 8, 8, 8))
    p.setPen(_pen(2.4))
    p.drawLine(QPointF(16, 15), QPointF(20, 19.5))


def _identify(p: QPainter) -> None:
    p.setPen(_pen(1.6, _ACCENT))
    p.setBrush(QColor("#e8f1f9"))
    p.drawEllipse(QRectF(2, 2, 18, 18))
    p.setPen(_pen(2.4, _ACCENT))
    p.drawLine(QPointF(11, 10), QPointF(11, 16))
    p.setBrush(_ACCENT)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(QPointF(11, 6.5), 1.5, 1.5)


def _select(p: QPainter) -> None:
    p.setPen(_pen(1.3, QColor("#c0392b"), Qt.PenStyle.DashLine))
    p.setBrush(QColor(241, 196, 15, 90))
    p.drawRect(QRectF(9, 9, 11, 11))
    path = QPainterPath(QPointF(3, 2))
    for x, y in ((3, 17), (7, 13.5), (10, 19.5), (12.5, 18.3), (9.6, 12.5), (14.5, 12.5)):
        path.lineTo(x, y)
    path.closeSubpath()
    p.setPen(_pen(1.3))
    p.setBrush(QColor("white"))
    p.drawPath(path)


def _full_extent(p: QPainter) -> None:
    p.setPen(_pen(1.6, _ACCENT))
    p.setBrush(QColor("#dcebf7"))
    p.drawEllipse(QRectF(4, 4, 14, 14))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QRectF(8, 4, 6, 14))
    p.drawLine(QPointF(4, 11), QPointF(18, 11))
    p.setPen(_pen(1.6))
    for x0, y0, dx, dy in ((1, 1, 1, 1), (21, 1, -1, 1), (1, 21, 1, -1), (21, 21, -1, -1)):
        p.drawLine(QPointF(x0, y0), QPointF(x0 + 4 * dx, y0))
        p.drawLine(QPointF(x0, y0), QPointF(x0, y0 + 4 * dy))


_DRAW: dict[str, Callable[[QPainter], None]] = {
    "pan": _pan,
    "zoom_box": _zoom_box,
    "zoom_in": lambda p: _magnifier(p, "+"),
    "zoom_out": lambda p: _magnifier(p, "-"),
    "zoom_to_full_extent": _full_extent,
    "identify": _identify,
    "select": _select,
}
ICON_NAMES = tuple(_DRAW)


def map_icon(name: str, size: int = 22) -> QIcon:
    """The icon called ``name`` (one of :data:`ICON_NAMES`), drawn on a 22×22 grid."""
    icon = QIcon()
    for scale in (1, 2):
        pix = QPixmap(size * scale, size * scale)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(size * scale / 22.0, size * scale / 22.0)
        painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        _DRAW[name](painter)
        painter.end()
        icon.addPixmap(pix)
    return icon
