"""Mining Impact Explorer: analysis, rendering, reports, command line and desktop app."""

__version__ = "0.1.0"

from .pyside_guard import protect_none as _protect_none

_protect_none()  # PySide6 void calls drop references to None on Python 3.11; see pyside_guard
