"""The map's texts in the status bar: cursor coordinates and scale, written for the interface
language (``Escala 1:6.995.415`` in Portuguese, ``Échelle 1:6 995 415`` in French) and written
again when the language changes."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel, QStatusBar

from explorer.render.coords import hemisphere

from .geo_format import to_dms
from .retranslate import ui_number, ui_pair

__all__ = ["MapStatus", "coordinates_text", "scale_text", "dms_text"]


def dms_text(lat: float, lon: float) -> str:
    """Degrees, minutes and seconds with translated hemispheres: ``0°00'09,0"S 51°30'00,0"O`` in pt."""
    parts = []
    for value, axis in ((lat, "lat"), (lon, "lon")):
        d, m, s = to_dms(value)
        seconds = ui_number(s, 1).rjust(4, "0")
        parts.append(f"{d}°{m:02d}'{seconds}\"{hemisphere(value, axis)}")
    return " ".join(parts)


def coordinates_text(lon: float, lat: float) -> str:
    """Cursor position in decimal degrees (latitude first), then in DMS."""
    decimal = ui_pair(f"{ui_number(lat, 5)}°", f"{ui_number(lon, 5)}°")
    return f"{decimal}   {dms_text(lat, lon)}"


def scale_text(denominator: float) -> str:
    """``Scale 1:N`` with N grouped for the interface language; empty for no scale."""
    if not denominator > 0:
        return ""
    return QCoreApplication.translate("MainWindow", "Scale 1:%1").replace("%1", ui_number(denominator, 0))


class MapStatus(QObject):
    """Two permanent labels of a status bar and the last values they showed."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.coordinates = QLabel(bar)
        self.coordinates.setObjectName("coordinates")
        self.coordinates.setMinimumWidth(330)
        self.scale_label = QLabel(bar)
        self.scale_label.setObjectName("scale")
        self.scale_label.setMinimumWidth(120)
        bar.addPermanentWidget(self.coordinates)
        bar.addPermanentWidget(self.scale_label)
        self._position: tuple[float, float] | None = None
        self._denominator = 0.0

    def show_coordinates(self, lon: float, lat: float) -> None:
        """Show the cursor position."""
        self._position = (lon, lat)
        self.coordinates.setText(coordinates_text(lon, lat))

    def show_scale(self, denominator: float) -> None:
        """Show the map scale."""
        self._denominator = float(denominator)
        self.scale_label.setText(scale_text(self._denominator))

    def retranslate(self) -> None:
        """Write the last position and scale again in the installed language."""
        if self._position is not None:
            self.show_coordinates(*self._position)
        self.show_scale(self._denominator)
