"""Mining Impact Explorer: analysis, rendering, reports, command line and desktop app."""

from . import _refcount_guard  # noqa: F401  (PySide6 6.12 on Python 3.11: see its docstring)

__version__ = "0.1.0"
