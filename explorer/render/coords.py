"""Writing coordinates for people: decimal degrees, degrees-minutes-seconds, graticule labels."""
from __future__ import annotations


from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["format_decimal", "format_dms", "dms_parts", "format_degree_label", "hemisphere"]

#: Hemisphere letters (West is "O" in Portuguese, Spanish and French; East is "L" in Portuguese).
_HEMISPHERES = {
    ("lon", True): QT_TRANSLATE_NOOP("Render", "E"),
    ("lon", False): QT_TRANSLATE_NOOP("Render", "W"),
    ("lat", True): QT_TRANSLATE_NOOP("Render", "N"),
    ("lat", False): QT_TRANSLATE_NOOP("Render", "S"),
}


def hemisphere(value: float, axis: str) -> str:
    """The translated hemisphere letter of a latitude (``axis="lat"``) or longitude (``"lon"``)."""
    return QCoreApplication.translate("Render", _HEMISPHERES[(axis, value >= 0)])



def format_decimal(lon: float, lat: float, digits: int = 5) -> str:
    """``"lat, lon"`` style decimal degrees, e.g. ``"2.34567°, -51.12345°"``, latitude first."""
    return f"{lat:.{digits}f}°, {lon:.{digits}f}°"


def dms_parts(value: float, seconds_digits: int = 1) -> tuple[int, int, float]:
    """Whole degrees, minutes and (rounded) seconds of ``abs(value)``, carrying 60s into minutes."""
    total = round(abs(float(value)) * 3600.0, seconds_digits)
    degrees = int(total // 3600)
    minutes = int((total - degrees * 3600) // 60)
    seconds = round(total - degrees * 3600 - minutes * 60, seconds_digits)
    if seconds >= 60.0:
        seconds, minutes = 0.0, minutes + 1
    if minutes >= 60:
        minutes, degrees = 0, degrees + 1
    return degrees, minutes, seconds


def _dms(value: float, axis: str, seconds_digits: int) -> str:
    d, m, s = dms_parts(value, seconds_digits)
    width = 3 + seconds_digits if seconds_digits else 2
    return f"{d}°{m:02d}′{s:0{width}.{seconds_digits}f}″ {hemisphere(value, axis)}"


def format_dms(lon: float, lat: float, seconds_digits: int = 1) -> str:
    """Degrees, minutes, seconds with hemispheres, latitude first: ``2°20′44.4″ N 51°07′24.4″ W``."""
    return f"{_dms(lat, 'lat', seconds_digits)}  {_dms(lon, 'lon', seconds_digits)}"


def format_degree_label(value: float, axis: str, step: float) -> str:
    """A graticule label such as ``51°30′W`` (minutes only when ``step`` needs them)."""
    d, m, s = dms_parts(value, 0)
    hemi = hemisphere(value, axis) if abs(value) > 1e-9 else ""
    if step >= 1.0 - 1e-9 or (m == 0 and s == 0):
        return f"{d}°{hemi}"
    if step * 60 >= 1.0 - 1e-9 and s == 0:
        return f"{d}°{m:02d}′{hemi}"
    return f"{d}°{m:02d}′{int(s):02d}″{hemi}"
