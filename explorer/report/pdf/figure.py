"""A figure: a fixed-height block drawn by a callback (the map pages use explorer.render)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from .context import Context
from .flowables import Flowable, text_lines

__all__ = ["Figure"]

DrawCallback = Callable[[QPainter, QRectF, Context], None]


class Figure(Flowable):
    """``draw(painter, rect, ctx)`` fills a frame of ``height_mm``; an optional caption follows."""

    def __init__(self, draw: DrawCallback, height_mm: float, caption: str = "",
                 frame: bool = True):
        self.callback, self.height_mm, self.caption, self.frame = draw, height_mm, caption, frame

    def _caption_height(self, ctx, width) -> float:
        if not self.caption:
            return 0.0
        layout = text_lines(ctx, self.caption, ctx.fonts.font(ctx.fonts.small, italic=True), width)
        last = layout.lineAt(layout.lineCount() - 1)
        return last.y() + last.height() + ctx.pt(3)

    def wrap(self, ctx, width):
        """Frame height + caption + spacing."""
        return ctx.mm(self.height_mm) + self._caption_height(ctx, width) + ctx.pt(8)

    def draw(self, ctx, painter, x, y, width):
        """Run the callback clipped to the frame, then draw the frame and the caption."""
        rect = QRectF(x, y, width, ctx.mm(self.height_mm))
        painter.save()
        painter.setClipRect(rect)
        self.callback(painter, rect, ctx)
        painter.restore()
        if self.frame:
            pen = QPen(QColor("#333333"))
            pen.setWidthF(ctx.pt(0.6))
            painter.setPen(pen)
            painter.drawRect(rect)
        if self.caption:
            font = ctx.fonts.font(ctx.fonts.small, italic=True)
            painter.setFont(font)
            painter.setPen(QColor("#333333"))
            text_lines(ctx, self.caption, font, width).draw(
                painter, QPointF(x, rect.bottom() + ctx.pt(3)))
