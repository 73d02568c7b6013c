"""A small layout engine for the PDF report: flowables (paragraphs, headings, tables, charts,
figures) laid out on A4 pages with a header and footer, drawn with QPainter on QPdfWriter.

Text is drawn as text (never as paths), so the PDF is searchable; fonts carry accents."""
from .document import PageSpec, paginate, write_pdf
from .flowables import Flowable, Heading, KeepTogether, PageBreak, Paragraph, Spacer
from .table import Table
from .chart import BarChart
from .figure import Figure

__all__ = [
    "PageSpec",
    "paginate",
    "write_pdf",
    "Flowable",
    "Heading",
    "KeepTogether",
    "PageBreak",
    "Paragraph",
    "Spacer",
    "Table",
    "BarChart",
    "Figure",
]
