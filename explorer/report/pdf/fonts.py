"""Fonts for the PDF: DejaVu Sans when it is installed (it carries every Latin accent used in
Portuguese, Spanish and French), embedded by Qt as a subset with a Unicode map so that the
text stays searchable."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

__all__ = ["Fonts", "report_family", "FONT_DIRS"]

#: Where DejaVu Sans is looked for (Debian's fonts-dejavu-core first).
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
)

_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")


@lru_cache(maxsize=1)
def report_family() -> str:
    """The font family for the report: DejaVu Sans if found (and registered), else Qt's default."""
    families: list[str] = []
    for folder in FONT_DIRS:
        for name in _FILES:
            path = folder / name
            if path.is_file():
                font_id = QFontDatabase.addApplicationFont(str(path))
                families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            return families[0]
    if "DejaVu Sans" in QFontDatabase.families():
        return "DejaVu Sans"
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


def _no_ligatures(font: QFont) -> None:
    """Turn off ligatures, so "fi" is extracted from the PDF as two letters (searchable)."""
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)


@dataclass(frozen=True)
class Fonts:
    """The type scale of the report, in points."""

    family: str
    body: float = 9.5
    small: float = 7.5
    table: float = 8.0
    h1: float = 17.0
    h2: float = 13.0
    h3: float = 10.5
    title: float = 24.0

    def font(self, size: float, bold: bool = False, italic: bool = False) -> QFont:
        """A QFont of this family at ``size`` points."""
        font = QFont(self.family)
        font.setPointSizeF(size)
        font.setBold(bold)
        font.setItalic(italic)
        font.setKerning(True)
        _no_ligatures(font)
        return font

    @classmethod
    def default(cls) -> "Fonts":
        """The report's fonts, with DejaVu Sans registered if present."""
        return cls(family=report_family())
