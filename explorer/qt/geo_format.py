"""Formatting of coordinates for the status bar: decimal degrees and DMS."""
from __future__ import annotations

__all__ = ["to_dms", "format_dms"]


def to_dms(value: float) -> tuple[int, int, float]:
    """Split an absolute angle into degrees, minutes and seconds (seconds rounded to 0.1)."""
    value = abs(value)
    degrees = int(value)
    minutes_full = (value - degrees) * 60
    minutes = int(minutes_full)
    seconds = round((minutes_full - minutes) * 60, 1)
    if seconds >= 60.0:
        seconds, minutes = 0.0, minutes + 1
    if minutes >= 60:
        minutes, degrees = 0, degrees + 1
    return degrees, minutes, seconds


def format_dms(lat: float, lon: float) -> str:
    """``lat``/``lon`` as e.g. ``0°02'10.0"N 51°03'59.9"W``."""
    parts = []
    for value, positive, negative in ((lat, "N", "S"), (lon, "E", "W")):
        d, m, s = to_dms(value)
        parts.append(f"{d}°{m:02d}'{s:04.1f}\"{positive if value >= 0 else negative}")
    return " ".join(parts)
