"""Pages: A4 frame with margins, a header and a footer ("Page n of N"), the paginator that
places flowables on pages, and :func:`write_pdf` that draws them with QPdfWriter."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPageSize, QPainter, QPdfWriter, QPen

from .context import Context
from .flowables import Flowable, PageBreak, Spacer
from .fonts import Fonts

__all__ = ["PageSpec", "paginate", "write_pdf", "Placed"]

Placed = list[list[tuple[Flowable, float]]]


@dataclass
class PageSpec:
    """A4 portrait page with margins (mm) and the header/footer texts."""

    width_mm: float = 210.0
    height_mm: float = 297.0
    margin_top: float = 20.0
    margin_right: float = 17.0
    margin_bottom: float = 20.0
    margin_left: float = 17.0
    dpi: int = 600
    header_left: str = ""
    header_right: str = ""
    footer_left: str = ""
    page_label: Callable[[int, int], str] = lambda page, pages: f"Page {page} of {pages}"
    title: str = ""
    author: str = ""

    def frame(self, ctx: Context) -> QRectF:
        """The content area in device units."""
        return QRectF(ctx.mm(self.margin_left), ctx.mm(self.margin_top),
                      ctx.mm(self.width_mm - self.margin_left - self.margin_right),
                      ctx.mm(self.height_mm - self.margin_top - self.margin_bottom))


def _lead_height(ctx, flowable: Flowable, width: float) -> float:
    """The least height that must follow a keep-with-next block on the same page."""
    return min(flowable.wrap(ctx, width), ctx.pt(48))


def paginate(ctx: Context, flowables: Sequence[Flowable], width: float, height: float) -> Placed:
    """Place the flowables on pages: ``pages[i]`` lists ``(flowable, y)`` from the frame top.

    Blocks split where they allow it (paragraphs between lines, tables between rows); a block
    that fits on no page is split at a full page or, if it cannot split, placed (and clipped).
    """
    pages: Placed = [[]]
    y = 0.0
    queue = deque(f for f in flowables if f is not None)

    def new_page():
        nonlocal y
        pages.append([])
        y = 0.0

    while queue:
        item = queue.popleft()
        if isinstance(item, PageBreak):
            if pages[-1]:
                new_page()
            continue
        if isinstance(item, Spacer) and y == 0.0:
            continue
        need = item.wrap(ctx, width)
        if item.keep_with_next and queue:
            need += _lead_height(ctx, queue[0], width)
        if y + need <= height:
            pages[-1].append((item, y))
            y += item.wrap(ctx, width)
            continue
        if not item.keep_with_next or y == 0.0:
            head, tail = item.split(ctx, width, height - y)
            if head is not None:
                pages[-1].append((head, y))
                new_page()
                if tail is not None:
                    queue.appendleft(tail)
                continue
        if y > 0.0:
            new_page()
            queue.appendleft(item)
            continue
        pages[-1].append((item, y))  # taller than a page and cannot split
        new_page()
    if not pages[-1] and len(pages) > 1:
        pages.pop()
    return pages


def _draw_furniture(ctx: Context, painter: QPainter, spec: PageSpec, page: int, pages: int):
    frame = spec.frame(ctx)
    font = ctx.fonts.font(ctx.fonts.small)
    painter.setFont(font)
    painter.setPen(QColor("#4a4a4a"))
    top = frame.top() - ctx.mm(7)
    flags_left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
    flags_right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
    band = QRectF(frame.left(), top - ctx.mm(5), frame.width(), ctx.mm(5))
    painter.drawText(band, flags_left, spec.header_left)
    painter.drawText(band, flags_right, spec.header_right)
    pen = QPen(QColor("#8a9aaa"))
    pen.setWidthF(ctx.pt(0.5))
    painter.setPen(pen)
    painter.drawLine(QPointF(frame.left(), top + ctx.mm(1.5)), QPointF(frame.right(), top + ctx.mm(1.5)))
    foot = QRectF(frame.left(), frame.bottom() + ctx.mm(5), frame.width(), ctx.mm(5))
    painter.drawLine(QPointF(frame.left(), foot.top()), QPointF(frame.right(), foot.top()))
    painter.setPen(QColor("#4a4a4a"))
    painter.drawText(foot, flags_left, spec.footer_left)
    painter.drawText(foot, flags_right, spec.page_label(page, pages))


def write_pdf(path: str | Path, flowables: Sequence[Flowable], spec: PageSpec,
              fonts: Fonts | None = None) -> int:
    """Lay out and draw ``flowables`` into a PDF at ``path``; return the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setResolution(spec.dpi)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setTitle(spec.title)
    writer.setCreator(spec.author)
    ctx = Context(writer, fonts or Fonts.default(), spec.dpi)
    frame = spec.frame(ctx)
    pages = paginate(ctx, flowables, frame.width(), frame.height())
    painter = QPainter(writer)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    try:
        for number, placed in enumerate(pages, start=1):
            if number > 1:
                writer.newPage()
            _draw_furniture(ctx, painter, spec, number, len(pages))
            for item, y in placed:
                item.draw(ctx, painter, frame.left(), frame.top() + y, frame.width())
    finally:
        painter.end()
    return len(pages)
