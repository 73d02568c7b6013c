"""What flowables need to measure and draw: the paint device, the fonts and the unit scale."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice

from .fonts import Fonts

__all__ = ["Context"]


@dataclass
class Context:
    """Measuring context; lengths are in device units (``dpi`` per inch)."""

    device: QPaintDevice
    fonts: Fonts
    dpi: int

    def pt(self, points: float) -> float:
        """Points (1/72 inch) to device units."""
        return points * self.dpi / 72.0

    def mm(self, millimetres: float) -> float:
        """Millimetres to device units."""
        return millimetres * self.dpi / 25.4

    def metrics(self, font: QFont) -> QFontMetricsF:
        """Font metrics of ``font`` on the device."""
        return QFontMetricsF(font, self.device)
