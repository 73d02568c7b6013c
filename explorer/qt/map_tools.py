"""The canvas's mouse tools, and small helpers to describe what the cursor points at."""
from __future__ import annotations

from enum import Enum

from explorer.render.coords import format_decimal, format_dms

__all__ = ["MapTool", "cursor_text", "format_decimal", "format_dms"]


class MapTool(str, Enum):
    """What a left-button drag or click does on the map."""

    PAN = "pan"
    ZOOM_BOX = "zoom_box"
    IDENTIFY = "identify"
    SELECT = "select"


def cursor_text(lon: float, lat: float) -> str:
    """Status-bar text for a cursor position: decimal degrees, then DMS."""
    return f"{format_decimal(lon, lat)}   {format_dms(lon, lat)}"
