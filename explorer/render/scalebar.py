"""A scale bar that is true on the WGS 84 ellipsoid, and the geodesic size of a pixel.

The bar's length in pixels is solved so that the geodesic distance (``pyproj.Geod.inv``)
between its two end points, taken at the bar's own latitude, equals the round length
written under it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from pyproj import Geod
from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from .context import device_font

__all__ = ["ScaleBar", "GEOD", "geodesic_metres_per_pixel", "solve_scale_bar", "draw_scale_bar"]

#: The ellipsoid every distance on the map is measured on.
GEOD = Geod(ellps="WGS84")
_NICE = (1, 2, 2.5, 5)


@dataclass(frozen=True)
class ScaleBar:
    """A solved scale bar: its ground length, its device span and its label."""

    length_m: float
    x0: float
    x1: float
    y: float
    label: str

    @property
    def pixels(self) -> float:
        """Device length of the bar."""
        return self.x1 - self.x0


def geodesic_metres_per_pixel(view, lat: float, span_px: float = 100.0) -> float:
    """Metres per device pixel east-west at latitude ``lat``, measured with ``GEOD.inv``."""
    lon0, _ = view.to_world(view.width / 2.0 - span_px / 2.0, 0.0)
    lon1, _ = view.to_world(view.width / 2.0 + span_px / 2.0, 0.0)
    lat = max(-89.9, min(89.9, lat))
    _, _, dist = GEOD.inv(lon0, lat, lon1, lat)
    return max(dist, 1e-9) / span_px


def _nice_length(max_metres: float) -> float:
    exp = math.floor(math.log10(max(max_metres, 1e-6)))
    best = 10.0 ** exp
    for base in _NICE:
        candidate = base * 10.0 ** exp
        if candidate <= max_metres:
            best = candidate
    return best


def _span_metres(view, x0: float, px: float, y: float) -> float:
    lon0, lat = view.to_world(x0, y)
    lon1, _ = view.to_world(x0 + px, y)
    lat = max(-89.9, min(89.9, lat))
    return GEOD.inv(lon0, lat, lon1, lat)[2]


def _format_length(metres: float) -> str:
    unit_km = QCoreApplication.translate("Render", "km")
    unit_m = QCoreApplication.translate("Render", "m")
    if metres >= 1000.0:
        value = metres / 1000.0
        return f"{_decimal(value)} {unit_km}"
    return f"{_decimal(metres)} {unit_m}"


def _decimal(value: float) -> str:
    """``2.5`` as the default locale writes it (``2,5`` once a pt, es or fr interface is set)."""
    return f"{value:g}".replace(".", QLocale().decimalPoint())


def solve_scale_bar(view, x0: float, y: float, max_px: float) -> ScaleBar:
    """The longest round ground length that fits in ``max_px`` pixels from (x0, y)."""
    max_px = max(max_px, 10.0)
    metres = _span_metres(view, x0, max_px, y)
    length = _nice_length(metres)
    px = max_px * length / max(metres, 1e-9)
    for _ in range(3):  # refine: the distance along a parallel is not linear in pixels
        got = _span_metres(view, x0, px, y)
        px *= length / max(got, 1e-9)
    return ScaleBar(length, x0, x0 + px, y, _format_length(length))


def draw_scale_bar(painter: QPainter, rect: QRectF, view, pt: float, dark: QColor | None = None) -> ScaleBar:
    """Draw a two-segment scale bar in the lower left of ``rect``; returns what was drawn.

    ``pt`` is the size of a typographic point in device pixels on this paint device.
    """
    dark = dark or QColor("#222222")
    margin = 10 * pt
    height = 4 * pt
    font = device_font(painter.device(), 7.5)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    y = rect.bottom() - margin - metrics.height() - height
    bar = solve_scale_bar(view, rect.left() + margin - rect.left(), y - rect.top(), max(rect.width() / 5.0, 40 * pt))
    x0 = rect.left() + bar.x0
    x1 = rect.left() + bar.x1
    mid = (x0 + x1) / 2.0
    painter.save()
    _backdrop(painter, QRectF(x0 - 4 * pt, y - 3 * pt, x1 - x0 + 8 * pt + metrics.horizontalAdvance(bar.label) / 2,
                              height + metrics.height() + 6 * pt), pt)
    painter.setPen(QPen(dark, 0.6 * pt))
    painter.setBrush(dark)
    painter.drawRect(QRectF(x0, y, mid - x0, height))
    painter.setBrush(QColor("white"))
    painter.drawRect(QRectF(mid, y, x1 - mid, height))
    painter.setPen(dark)
    zero = "0"
    baseline = y + height + metrics.ascent() + 1.5 * pt
    painter.drawText(QPointF(x0 - metrics.horizontalAdvance(zero) / 2, baseline), zero)
    painter.drawText(QPointF(x1 - metrics.horizontalAdvance(bar.label) / 2, baseline), bar.label)
    painter.restore()
    return ScaleBar(bar.length_m, x0, x1, y, bar.label)


def _backdrop(painter: QPainter, box: QRectF, pt: float) -> None:
    painter.setPen(Qt.NoPen)
    painter.setBrush(QColor(255, 255, 255, 200))
    painter.drawRoundedRect(box, 2 * pt, 2 * pt)
