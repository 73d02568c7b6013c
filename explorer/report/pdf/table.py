"""Tables that never lose a row at a page break: they split between rows and repeat the
header row (and the caption, marked "continued") on every page."""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPen

from .context import Context
from .flowables import Flowable, text_lines

__all__ = ["Table"]

_PAD = 2.2  # cell padding, points


class Table(Flowable):
    """A table of text cells.  ``align`` holds ``"l"`` or ``"r"`` per column."""

    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[str]],
                 align: str | None = None, caption: str = "", continued: str = "(continued)",
                 weights: Sequence[float] | None = None, space_after: float = 8.0):
        self.header = [str(h) for h in header]
        self.rows = [[str(c) for c in row] for row in rows]
        self.align = align or "l" * len(self.header)
        self.caption, self.continued = caption, continued
        self.weights = weights
        self.space_after = space_after
        self._is_continuation = False
        self._widths: tuple[float, list[float]] | None = None
        self._row_heights: tuple[float, list[float]] | None = None

    # -- measuring -------------------------------------------------------------------------
    def _fonts(self, ctx):
        return ctx.fonts.font(ctx.fonts.table), ctx.fonts.font(ctx.fonts.table, bold=True)

    def _columns(self) -> int:
        return max([len(self.header)] + [len(r) for r in self.rows[:50]])

    def _measure(self, ctx, width: float) -> tuple[list[float], list[float]]:
        """Per column: the widest unbreakable word and the natural (one-line) width."""
        body, bold = self._fonts(ctx)
        metrics = {id(body): ctx.metrics(body), id(bold): ctx.metrics(bold)}
        pad = 2 * ctx.pt(_PAD)
        least, natural = [], []
        for col in range(self._columns()):
            cells = [(self.header[col], bold)] if col < len(self.header) else []
            cells += [(row[col], body) for row in self.rows[:400] if col < len(row)]
            word = max((metrics[id(f)].horizontalAdvance(w) for t, f in cells for w in t.split() or [""]),
                       default=0.0)
            line = max((metrics[id(f)].horizontalAdvance(t) for t, f in cells), default=0.0)
            least.append(min(word + pad, width * 0.3))
            natural.append(min(line + pad, width * 0.6))
        return least, natural

    def column_widths(self, ctx: Context, width: float) -> list[float]:
        """Widths of the columns: each gets its longest word, the rest is shared in proportion
        to how much more each column needs (or to ``weights`` when given)."""
        if self._widths and self._widths[0] == width:
            return self._widths[1]
        if self.weights:
            total = sum(self.weights) or 1.0
            widths = _fit_words([w * width / total for w in self.weights], self._measure(ctx, width)[0])
        else:
            least, natural = self._measure(ctx, width)
            spare = width - sum(least)
            if spare <= 0:
                widths = [w * width / (sum(least) or 1.0) for w in least]
            else:
                extra = [n - l for n, l in zip(natural, least)]
                share = sum(extra)
                if share <= spare:  # everything fits on one line: spread the rest evenly
                    widths = [n + (spare - share) / len(natural) for n in natural]
                else:
                    widths = [l + spare * e / share for l, e in zip(least, extra)]
        self._widths = (width, widths)
        return widths

    def _cell_height(self, ctx, text, font, width) -> float:
        metrics = ctx.metrics(font)
        if "\n" not in text and metrics.horizontalAdvance(text) <= width - 2 * ctx.pt(_PAD):
            return metrics.height() + 2 * ctx.pt(_PAD)  # one line: no layout needed
        layout = text_lines(ctx, text, font, width - 2 * ctx.pt(_PAD))
        last = layout.lineAt(layout.lineCount() - 1) if layout.lineCount() else None
        inner = last.y() + last.height() if last is not None else 0.0
        return inner + 2 * ctx.pt(_PAD)

    def _row_height(self, ctx, cells, font, widths) -> float:
        return max((self._cell_height(ctx, c, font, w) for c, w in zip(cells, widths)), default=0.0)

    def _caption_height(self, ctx, width) -> float:
        if not self.caption:
            return 0.0
        font = ctx.fonts.font(ctx.fonts.table + 0.5, bold=True)
        return self._cell_height(ctx, self._caption_text(), font, width)

    def _caption_text(self) -> str:
        return f"{self.caption} {self.continued}" if self._is_continuation else self.caption

    def _heights(self, ctx, width):
        """(caption + header height, height of each row), computed once per width."""
        if self._row_heights is not None and self._row_heights[0] == width:
            rows = self._row_heights[1]
        else:
            widths = self.column_widths(ctx, width)
            body, _bold = self._fonts(ctx)
            rows = [self._row_height(ctx, r, body, widths) for r in self.rows]
            self._row_heights = (width, rows)
        widths = self.column_widths(ctx, width)
        _body, bold = self._fonts(ctx)
        head = (self._row_height(ctx, self.header, bold, widths) if self.header else 0.0) \
            + self._caption_height(ctx, width)
        return head, rows

    def wrap(self, ctx, width):
        """Caption + header + every row + space after."""
        head, rows = self._heights(ctx, width)
        return head + sum(rows) + ctx.pt(self.space_after)

    def split(self, ctx, width, available):
        """The rows that fit (at least one), then a continuation with the same header."""
        head, rows = self._heights(ctx, width)
        used, fit = head, 0
        while fit < len(rows) and used + rows[fit] <= available:
            used += rows[fit]
            fit += 1
        if fit == 0:
            return None, self
        if fit == len(rows):
            return self, None
        return (self._part(self.rows[:fit], self._is_continuation, (width, rows[:fit])),
                self._part(self.rows[fit:], True, (width, rows[fit:])))

    def _part(self, rows, continuation: bool, heights) -> "Table":
        part = Table(self.header, rows, self.align, self.caption, self.continued,
                     self.weights, self.space_after)
        part._is_continuation = continuation
        part._widths = self._widths
        part._row_heights = heights
        return part

    # -- drawing ---------------------------------------------------------------------------
    def _draw_cells(self, ctx, painter, cells, font, widths, x, y, height, fill=None):
        if fill:
            painter.fillRect(QRectF(x, y, sum(widths), height), QColor(fill))
        painter.setFont(font)
        painter.setPen(QColor("#1a1a1a"))
        pad = ctx.pt(_PAD)
        for col, (text, width) in enumerate(zip(cells, widths)):
            layout = text_lines(ctx, text, font, width - 2 * pad)
            shift = 0.0
            if col < len(self.align) and self.align[col] == "r" and layout.lineCount() == 1:
                shift = width - 2 * pad - layout.lineAt(0).naturalTextWidth()
            layout.draw(painter, QPointF(x + pad + shift, y + pad))
            x += width

    def draw(self, ctx, painter, x, y, width):
        """Caption, shaded header row, then the rows with light rules between them."""
        widths = self.column_widths(ctx, width)
        body, bold = self._fonts(ctx)
        if self.caption:
            cap_font = ctx.fonts.font(ctx.fonts.table + 0.5, bold=True)
            painter.setFont(cap_font)
            painter.setPen(QColor("#17324d"))
            text_lines(ctx, self._caption_text(), cap_font, width - 2 * ctx.pt(_PAD)).draw(
                painter, QPointF(x + ctx.pt(_PAD), y + ctx.pt(_PAD)))
            y += self._caption_height(ctx, width)
        if self.header:
            head = self._row_height(ctx, self.header, bold, widths)
            self._draw_cells(ctx, painter, self.header, bold, widths, x, y, head, fill="#dfe6ee")
            y += head
        rule = QPen(QColor("#b8c2cc"))
        rule.setWidthF(ctx.pt(0.4))
        _head, heights = self._heights(ctx, width)
        for index, (row, height) in enumerate(zip(self.rows, heights)):
            fill = "#f5f7f9" if index % 2 else None
            self._draw_cells(ctx, painter, row, body, widths, x, y, height, fill=fill)
            painter.setPen(rule)
            painter.drawLine(QPointF(x, y + height), QPointF(x + width, y + height))
            y += height


def _fit_words(widths: list[float], least: list[float]) -> list[float]:
    """Widen columns narrower than their longest word (a heading such as "Concessions" must not
    break inside the word), taking the room from columns with some to spare."""
    least = list(least[:len(widths)]) + [0.0] * (len(widths) - len(least))
    deficit = sum(max(0.0, l - w) for w, l in zip(widths, least))
    slack = [max(0.0, w - l) for w, l in zip(widths, least)]
    if deficit <= 0 or sum(slack) < deficit:
        return widths
    scale = deficit / sum(slack)
    return [max(w, l) if w < l else w - s * scale for w, l, s in zip(widths, least, slack)]
