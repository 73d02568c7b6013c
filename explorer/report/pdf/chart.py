"""Bar charts drawn with QPainter: horizontal bars, optionally stacked by series, with value
labels, a legend and a scale axis.  Labels are drawn as text, so they stay searchable."""
from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen

from .flowables import Flowable

__all__ = ["BarChart", "PALETTE"]

PALETTE = ("#1f78b4", "#d95f02", "#7570b3", "#1b9e77", "#e7298a", "#66a61e", "#a6761d", "#666666")


class BarChart(Flowable):
    """Horizontal bars: ``values[i][s]`` is the bar of category ``i``, series ``s``.

    ``fmt`` turns a number into its label (use the report's locale formatting).
    """

    def __init__(self, title: str, categories: Sequence[str], values: Sequence[Sequence[float]],
                 series: Sequence[str] = (), fmt: Callable[[float], str] = lambda v: f"{v:g}",
                 unit: str = "", colours: Sequence[str] = PALETTE, bar_height: float = 11.0):
        self.title = title
        self.categories = [str(c) for c in categories]
        self.values = [[float(v or 0.0) for v in row] for row in values]
        self.series = [str(s) for s in series]
        self.fmt, self.unit, self.colours, self.bar_height = fmt, unit, colours, bar_height

    def _legend_height(self, ctx) -> float:
        return ctx.pt(14) if len(self.series) > 1 else 0.0

    def wrap(self, ctx, width):
        """Title + bars + legend + margins."""
        rows = len(self.categories) or 1
        return ctx.pt(18) + rows * ctx.pt(self.bar_height + 4) + self._legend_height(ctx) + ctx.pt(14)

    def _label_width(self, ctx, width) -> float:
        metrics = ctx.metrics(ctx.fonts.font(ctx.fonts.table))
        widest = max((metrics.horizontalAdvance(c) for c in self.categories), default=0.0)
        return min(widest + ctx.pt(6), width * 0.38)

    def draw(self, ctx, painter, x, y, width):
        """Draw title, bars with totals, and a legend of the series."""
        font = ctx.fonts.font(ctx.fonts.table)
        painter.setFont(ctx.fonts.font(ctx.fonts.h3, bold=True))
        painter.setPen(QColor("#17324d"))
        painter.drawText(QPointF(x, y + ctx.pt(11)), self.title)
        top = y + ctx.pt(18)
        label_w = self._label_width(ctx, width)
        value_w = ctx.pt(60)
        plot_x, plot_w = x + label_w, max(width - label_w - value_w, ctx.pt(40))
        largest = max((sum(row) for row in self.values), default=0.0) or 1.0
        step = ctx.pt(self.bar_height + 4)
        painter.setFont(font)
        for index, (category, row) in enumerate(zip(self.categories, self.values)):
            bar_y = top + index * step
            painter.setPen(QColor("#1a1a1a"))
            painter.drawText(QRectF(x, bar_y, label_w - ctx.pt(4), ctx.pt(self.bar_height)),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                             | int(Qt.TextFlag.TextSingleLine), category)
            left = plot_x
            for serie, value in enumerate(row):
                length = plot_w * value / largest
                colour = QColor(self.colours[serie % len(self.colours)])
                painter.fillRect(QRectF(left, bar_y, length, ctx.pt(self.bar_height)), colour)
                left += length
            painter.setPen(QColor("#1a1a1a"))
            painter.drawText(QPointF(left + ctx.pt(3), bar_y + ctx.pt(self.bar_height * 0.8)),
                             f"{self.fmt(sum(row))}{self.unit}")
        axis = QPen(QColor("#555555"))
        axis.setWidthF(ctx.pt(0.6))
        painter.setPen(axis)
        bottom = top + len(self.categories) * step
        painter.drawLine(QPointF(plot_x, top - ctx.pt(2)), QPointF(plot_x, bottom))
        self._draw_legend(ctx, painter, plot_x, bottom + ctx.pt(4))

    def _draw_legend(self, ctx, painter, x, y):
        if len(self.series) < 2:
            return
        painter.setFont(ctx.fonts.font(ctx.fonts.small))
        metrics = ctx.metrics(ctx.fonts.font(ctx.fonts.small))
        for serie, name in enumerate(self.series):
            painter.fillRect(QRectF(x, y, ctx.pt(9), ctx.pt(7)),
                             QColor(self.colours[serie % len(self.colours)]))
            painter.setPen(QColor("#1a1a1a"))
            painter.drawText(QPointF(x + ctx.pt(12), y + ctx.pt(6.5)), name)
            x += ctx.pt(24) + metrics.horizontalAdvance(name)
