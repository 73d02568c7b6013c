"""Names of territories, protected areas and basins on the PDF maps, drawn as real text (so
they are searchable and light) with a white halo, skipping any that would collide."""
from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from layers.roles import Role

__all__ = ["draw_area_labels", "LABELLED_ROLES"]

LABELLED_ROLES = (Role.INDIGENOUS_TERRITORY, Role.PROTECTED_AREA, Role.BASIN)
_HALO = ((-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1))


def _candidates(layers, view, rect: QRectF):
    for layer in layers:
        if getattr(layer, "role", None) not in LABELLED_ROLES or not layer.column("name"):
            continue
        names = layer.frame[layer.column("name")].tolist()
        geoms = np.asarray(layer.geographic().geometry.values, dtype=object)
        for name, geom in zip(names, geoms):
            text = "" if name is None else str(name).strip()
            if not text or text in ("-", "nan") or geom is None or geom.is_empty:
                continue
            point = shapely.point_on_surface(geom)
            x, y = view.to_device(point.x, point.y)
            yield layer, text, QPointF(rect.left() + float(x), rect.top() + float(y))


def draw_area_labels(painter, rect: QRectF, layers, view, size_pt: float = 6.5,
                     avoid: QRectF | None = None) -> int:
    """Draw the labels (none over the ``avoid`` box, e.g. the legend); return how many were placed."""
    device = painter.device()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size_pt)
    font.setBold(True)
    font = QFont(font, device)
    metrics = QFontMetricsF(font, device)
    halo = max(device.logicalDpiX() / 72.0 * 0.6, 1.0)
    placed: list[QRectF] = [QRectF(avoid)] if avoid is not None else []
    painter.save()
    painter.setFont(font)
    for layer, text, anchor in _candidates(layers, view, rect):
        width = metrics.horizontalAdvance(text)
        box = QRectF(anchor.x() - width / 2, anchor.y() - metrics.ascent() / 2, width, metrics.height())
        if not rect.contains(box) or any(box.intersects(other) for other in placed):
            continue
        placed.append(box.adjusted(-halo * 2, -halo * 2, halo * 2, halo * 2))
        origin = QPointF(box.left(), box.top() + metrics.ascent())
        painter.setPen(QColor(255, 255, 255, 230))
        for dx, dy in _HALO:
            painter.drawText(origin + QPointF(dx * halo, dy * halo), text)
        painter.setPen(QColor(layer.style.stroke if layer.style else "#333333").darker(150))
        painter.drawText(origin, text)
    painter.restore()
    return len(placed)
