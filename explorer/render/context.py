"""What every drawing step needs to know about the current drawing."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPaintEngine, QPainter, QTransform

from .prepared import RenderCache
from .view import MapView

__all__ = ["RenderOptions", "RenderContext", "device_font", "is_vector_device", "MAP_FONT_FAMILIES"]

#: Resolution whose pixel sets the simplification of vector output (PDF, SVG).
VECTOR_DETAIL_DPI = 150.0

#: Preferred families, all with the accents of pt, fr and es; Qt falls back to the next one.
MAP_FONT_FAMILIES = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Sans Serif"]


def is_vector_device(painter: QPainter) -> bool:
    """True when the painter writes vectors (PDF, SVG, printer, picture) rather than pixels."""
    engine = painter.paintEngine()
    if engine is None:
        return False
    kinds = {QPaintEngine.Type.Pdf, QPaintEngine.Type.Picture, QPaintEngine.Type.SVG, QPaintEngine.Type.MacPrinter}
    return engine.type() in kinds


def device_font(device, size_pt: float, bold: bool = False, italic: bool = False) -> QFont:
    """A map font of ``size_pt`` points whose metrics follow ``device``'s resolution."""
    font = QFont()
    font.setFamilies(MAP_FONT_FAMILIES)
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    font.setItalic(italic)
    for tag in ("liga", "clig", "dlig") if hasattr(font, "setFeature") else ():  # Qt >= 6.7
        font.setFeature(QFont.Tag(tag), 0)  # "fl" stays two letters in a PDF's text (searchable)
    return QFont(font, device) if device is not None else font


@dataclass(frozen=True)
class RenderOptions:
    """Switches for one drawing.  The defaults suit the screen; the PDF page turns on the rest."""

    background: str = "#dfe9ef"  # the sea / no-data colour behind everything
    labels: bool = True
    auto_labels: bool = True  # label named sensitive features even if style.label_field is unset
    scale_bar: bool = True
    north_arrow: bool = True
    graticule: bool = False
    legend: bool = False
    legend_title: str | None = None
    credits: str | None = None
    frame: bool = False  # a thin neat line around the map
    antialias: bool = True
    selection_colour: str = "#ffe600"


@dataclass
class RenderContext:
    """The painter, the map rectangle on the device, the view and the caches of one drawing."""

    painter: QPainter
    rect: QRectF  # where the map goes on the device
    view: MapView  # sized to rect
    options: RenderOptions
    cache: RenderCache
    pt: float  # device pixels per typographic point
    world: QTransform = field(init=False)  # lon/lat -> device
    extent: tuple[float, float, float, float] = field(init=False)
    bucket: int = field(init=False)
    placed_labels: list = field(default_factory=list)
    vector_device: bool = field(init=False)  # PDF, SVG, printer: keep everything as vectors
    partial: bool = False  # drawing only a part of the map (``extent`` is that part's box)

    def __post_init__(self) -> None:
        self.vector_device = is_vector_device(self.painter)
        self.world = self.view.transform(self.rect.topLeft())
        self.extent = self.view.extent
        self.bucket = self.view.bucket()
        dpi = self.pt * 72.0
        if self.vector_device and dpi > VECTOR_DETAIL_DPI:
            # A PDF at 1200 dpi needs no vertex closer than ~0.17 mm: simplify as if at 150 dpi,
            # which keeps map pages a few MB instead of tens.
            self.bucket += int(math.floor(math.log2(dpi / VECTOR_DETAIL_DPI)))

    def line_width(self, width_pt: float) -> float:
        """Device width of a ``width_pt`` line.  On raster devices lines thinner than 1.45 px are
        drawn 1 px wide, which lets Qt use its fast cosmetic stroker (several times faster than
        the general one, and indistinguishable at that size)."""
        width = max(0.0, width_pt) * self.pt
        if not self.vector_device and 0.0 < width < 1.45:
            return 1.0
        return width

    def font(self, size_pt: float, bold: bool = False, italic: bool = False) -> QFont:
        """A font of ``size_pt`` points resolved for this paint device (screen, PNG or PDF)."""
        return device_font(self.painter.device(), size_pt, bold, italic)

    def to_device(self, lon, lat):
        """Device coordinates (including the map rectangle's offset) of lon/lat arrays."""
        x, y = self.view.to_device(lon, lat)
        return x + self.rect.left(), y + self.rect.top()
