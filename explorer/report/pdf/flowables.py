"""Flowables: blocks laid out top to bottom on the page.

Each flowable reports its height for a width (:meth:`Flowable.wrap`), can split itself when
it does not fit (:meth:`Flowable.split`) and draws itself (:meth:`Flowable.draw`).  Text is
laid out with QTextLayout and drawn as text, so it stays searchable in the PDF.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QTextLayout, QTextOption

from .context import Context

__all__ = ["Flowable", "Spacer", "PageBreak", "Paragraph", "Heading", "KeepTogether", "text_lines"]


class Flowable:
    """A block of the document."""

    keep_with_next = False

    def wrap(self, ctx: Context, width: float) -> float:
        """Height of the block when laid out at ``width``."""
        raise NotImplementedError

    def split(self, ctx: Context, width: float, available: float):
        """``(head, tail)`` where head fits in ``available``; ``(None, self)`` if nothing fits."""
        return None, self

    def draw(self, ctx: Context, painter: QPainter, x: float, y: float, width: float) -> None:
        """Draw the block with its top-left corner at (x, y)."""
        raise NotImplementedError


class Spacer(Flowable):
    """Vertical space, in points; dropped at the top of a page."""

    def __init__(self, points: float):
        self.points = points

    def wrap(self, ctx, width):
        """The space in device units."""
        return ctx.pt(self.points)

    def split(self, ctx, width, available):
        """A spacer that does not fit is dropped."""
        return None, None

    def draw(self, ctx, painter, x, y, width):
        """Nothing to draw."""


class PageBreak(Flowable):
    """Forces the next block onto a new page."""

    def wrap(self, ctx, width):
        """Zero height; the paginator handles the break."""
        return 0.0

    def draw(self, ctx, painter, x, y, width):
        """Nothing to draw."""


def text_lines(ctx: Context, text: str, font, width: float) -> QTextLayout:
    """A QTextLayout of ``text`` wrapped at ``width`` (words first, anywhere if needed)."""
    layout = QTextLayout(text, font, ctx.device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    # Never ask for a line past the end: PySide6 mishandles the invalid line it returns.
    units = len(text.encode("utf-16-le")) // 2
    y = 0.0
    for _ in range(units + 1):
        line = layout.createLine()
        line.setLineWidth(max(width, 1.0))
        line.setPosition(QPointF(0.0, y))
        y += line.height()
        if line.textStart() + line.textLength() >= units:
            break
    layout.endLayout()
    return layout


class Paragraph(Flowable):
    """Wrapped text in one font; splits between lines at page breaks."""

    def __init__(self, text: str, size: float | None = None, bold: bool = False,
                 italic: bool = False, colour: str = "#1a1a1a", space_after: float = 4.0,
                 indent: float = 0.0, bullet: str | None = None):
        self.text = str(text)
        self.size, self.bold, self.italic = size, bold, italic
        self.colour, self.space_after, self.indent, self.bullet = colour, space_after, indent, bullet
        self._first, self._last = 0, None
        self._cache: tuple[float, QTextLayout] | None = None

    def _font(self, ctx):
        return ctx.fonts.font(self.size or ctx.fonts.body, self.bold, self.italic)

    def _inset(self, ctx) -> float:
        return ctx.pt(self.indent + (10.0 if self.bullet else 0.0))

    def _layout(self, ctx, width) -> QTextLayout:
        if self._cache is None or self._cache[0] != width:
            self._cache = (width, text_lines(ctx, self.text, self._font(ctx), width - self._inset(ctx)))
        return self._cache[1]

    def _range(self, layout) -> range:
        last = layout.lineCount() if self._last is None else self._last
        return range(self._first, last)

    def _lines_height(self, layout, lines: range) -> float:
        if not len(lines):
            return 0.0
        top = layout.lineAt(lines[0]).y()
        bottom = layout.lineAt(lines[-1])
        return bottom.y() + bottom.height() - top

    def wrap(self, ctx, width):
        """Height of the (remaining) lines plus the space after."""
        layout = self._layout(ctx, width)
        return self._lines_height(layout, self._range(layout)) + ctx.pt(self.space_after)

    def split(self, ctx, width, available):
        """As many whole lines as fit, then the rest."""
        layout = self._layout(ctx, width)
        lines = self._range(layout)
        fit = 0
        while fit < len(lines) and self._lines_height(layout, lines[: fit + 1]) <= available:
            fit += 1
        if fit == 0:
            return None, self
        if fit == len(lines):
            return self, None
        return self._slice(lines[0], lines[fit - 1] + 1), self._slice(lines[fit - 1] + 1, lines[-1] + 1)

    def _slice(self, first: int, last: int) -> "Paragraph":
        part = Paragraph(self.text, self.size, self.bold, self.italic, self.colour,
                         self.space_after, self.indent, self.bullet)
        part._first, part._last, part._cache = first, last, self._cache
        return part

    def draw(self, ctx, painter, x, y, width):
        """Draw the lines; the bullet (if any) hangs in the indent."""
        layout = self._layout(ctx, width)
        lines = self._range(layout)
        if not len(lines):
            return
        painter.setPen(QColor(self.colour))
        painter.setFont(self._font(ctx))
        top = layout.lineAt(lines[0]).y()
        origin_x = x + self._inset(ctx)
        if self.bullet and self._first == 0:
            first = layout.lineAt(0)
            painter.drawText(QPointF(x + ctx.pt(self.indent), y + first.ascent()), self.bullet)
        for index in lines:
            line = layout.lineAt(index)
            line.draw(painter, QPointF(origin_x, y - top))


class Heading(Paragraph):
    """A bold heading that stays with the block after it."""

    keep_with_next = True
    SIZES = {1: "h1", 2: "h2", 3: "h3"}

    def __init__(self, text: str, level: int = 1, colour: str = "#17324d"):
        super().__init__(text, bold=True, colour=colour, space_after=4.0 if level > 1 else 6.0)
        self.level = level
        self.space_before = {1: 0.0, 2: 8.0, 3: 5.0}.get(level, 4.0)

    def _font(self, ctx):
        return ctx.fonts.font(getattr(ctx.fonts, self.SIZES.get(self.level, "h3")), True)

    def wrap(self, ctx, width):
        """Height including the space before."""
        return super().wrap(ctx, width) + ctx.pt(self.space_before)

    def split(self, ctx, width, available):
        """Headings do not split."""
        return None, self

    def draw(self, ctx, painter, x, y, width):
        """Draw below the space before."""
        super().draw(ctx, painter, x, y + ctx.pt(self.space_before), width)


class KeepTogether(Flowable):
    """Several flowables that go on one page (if they fit on any page)."""

    def __init__(self, items: list[Flowable]):
        self.items = items

    def wrap(self, ctx, width):
        """Sum of the heights."""
        return sum(item.wrap(ctx, width) for item in self.items)

    def draw(self, ctx, painter, x, y, width):
        """Draw each item below the previous one."""
        for item in self.items:
            item.draw(ctx, painter, x, y, width)
            y += item.wrap(ctx, width)
