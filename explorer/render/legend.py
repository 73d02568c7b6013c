"""The legend: one swatch per layer (fill with its hatch, line, or marker) and raster classes."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QTransform

from .context import device_font
from .symbols import fill_hatch, marker_path, mix, qcolor

__all__ = ["LegendEntry", "legend_entries", "measure_legend", "draw_legend"]


@dataclass(frozen=True)
class LegendEntry:
    """One legend row: a label and how to draw its swatch."""

    label: str
    kind: str  # "polygon", "line", "point", "class"
    style: object  # layers.styles.Style, or None for "class"
    colour: str = "#888888"  # raster class colour
    indent: bool = False


def legend_entries(layers, kinds: dict[int, str], raster_classes: dict[int, tuple[int, ...]]) -> list[LegendEntry]:
    """Rows for the visible layers, topmost first. ``kinds`` maps id(layer) to its geometry kind."""
    from .palette import class_colour, class_name

    rows: list[LegendEntry] = []
    for layer in reversed(list(layers)):
        if not layer.style.visible:
            continue
        if getattr(layer, "kind", "vector") == "raster":
            rows.append(LegendEntry(layer.name, "title", None))
            for code in raster_classes.get(id(layer), ())[:14]:
                rows.append(LegendEntry(class_name(code), "class", None, class_colour(code), True))
            continue
        rows.append(LegendEntry(layer.name, kinds.get(id(layer), "polygon"), layer.style))
    return rows


def _metrics(device, pt):
    font = device_font(device, 7.5)
    title = device_font(device, 8.5, bold=True)
    return font, title, QFontMetricsF(font), QFontMetricsF(title)


def measure_legend(painter: QPainter, entries: list[LegendEntry], pt: float, title: str | None = None) -> QSizeF:
    """The size the legend will take on the painter's device."""
    font, tfont, fm, tm = _metrics(painter.device(), pt)
    title = title if title is not None else QCoreApplication.translate("Render", "Legend")
    row_h = max(fm.height(), 11 * pt) + 2 * pt
    widths = [tm.horizontalAdvance(title)] + [
        fm.horizontalAdvance(e.label) + (22 if e.kind != "title" else 0) * pt + (8 * pt if e.indent else 0)
        for e in entries]
    return QSizeF(max(widths) + 14 * pt, tm.height() + 6 * pt + row_h * len(entries) + 6 * pt)


def draw_legend(painter: QPainter, top_left: QPointF, entries: list[LegendEntry], pt: float,
                title: str | None = None, background: bool = True) -> QRectF:
    """Draw the legend with its top-left corner at ``top_left``; returns its box."""
    font, tfont, fm, tm = _metrics(painter.device(), pt)
    title = title if title is not None else QCoreApplication.translate("Render", "Legend")
    size = measure_legend(painter, entries, pt, title)
    box = QRectF(top_left, size)
    painter.save()
    painter.setTransform(QTransform())
    if background:
        painter.setPen(QPen(QColor("#9a9a9a"), 0.5 * pt))
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRoundedRect(box, 2 * pt, 2 * pt)
    x = box.left() + 7 * pt
    y = box.top() + 5 * pt
    painter.setFont(tfont)
    painter.setPen(QColor("#222222"))
    painter.drawText(QPointF(x, y + tm.ascent()), title)
    y += tm.height() + 4 * pt
    row_h = max(fm.height(), 11 * pt) + 2 * pt
    painter.setFont(font)
    for entry in entries:
        sx = x + (8 * pt if entry.indent else 0)
        swatch = QRectF(sx, y + (row_h - 9 * pt) / 2, 16 * pt, 9 * pt)
        if entry.kind != "title":
            _swatch(painter, swatch, entry, pt)
            tx = sx + 22 * pt
        else:
            tx = sx
        painter.setFont(font)
        painter.setPen(QColor("#222222"))
        painter.drawText(QPointF(tx, y + (row_h - fm.height()) / 2 + fm.ascent()), entry.label)
        y += row_h
    painter.restore()
    return box


def _swatch(painter: QPainter, rect: QRectF, entry: LegendEntry, pt: float) -> None:
    painter.save()
    if entry.kind == "class":
        painter.setPen(QPen(QColor("#666666"), 0.4 * pt))
        painter.setBrush(qcolor(entry.colour))
        painter.drawRect(rect)
    elif entry.kind == "line":
        style = entry.style
        painter.setPen(QPen(qcolor(style.stroke), max(style.stroke_width, 0.6) * pt * 1.4, Qt.SolidLine, Qt.RoundCap))
        path = QPainterPath(QPointF(rect.left(), rect.bottom() - 1 * pt))
        path.cubicTo(QPointF(rect.center().x(), rect.top() - 3 * pt), QPointF(rect.center().x(), rect.bottom() + 3 * pt),
                     QPointF(rect.right(), rect.top() + 1 * pt))
        painter.drawPath(path)
    elif entry.kind == "point":
        style = entry.style
        size = min(style.marker_size, 10.0) * pt
        painter.setPen(QPen(qcolor(style.stroke), 0.6 * pt))
        painter.setBrush(qcolor(style.fill, max(style.fill_opacity, 0.9)))
        painter.drawPath(marker_path(style.marker, size, rect.center()))
    else:
        style = entry.style
        path = QPainterPath()
        path.addRect(rect)
        painter.setPen(Qt.NoPen)
        painter.setBrush(qcolor(style.fill, style.fill_opacity))
        painter.drawPath(path)
        under = mix(qcolor(style.fill), QColor("white"), style.fill_opacity)
        fill_hatch(painter, path, rect, style.hatch, mix(qcolor(style.stroke), under, 0.55), pt * 0.8)
        painter.setBrush(Qt.NoBrush)
        painter.setPen(QPen(qcolor(style.stroke), max(style.stroke_width, 0.4) * pt))
        painter.drawPath(path)
    painter.restore()
