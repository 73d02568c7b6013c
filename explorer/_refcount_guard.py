"""Keep ``None`` alive under PySide6 6.12 on Python 3.11.

PySide6 6.12's bindings return ``None`` from C++ ``void`` methods without taking a reference
(harmless on Python >= 3.12, where ``None`` is immortal, PEP 683).  On Python 3.11 every such
call (``painter.setPen``, ``path.moveTo``, ``widget.update`` ...) lowers ``None``'s reference
count by one, and after some tens of thousands of calls the interpreter aborts with
"none_dealloc: deallocating None".  A map redraw makes hundreds of such calls.

We give ``None`` the same treatment Python 3.12 does: a reference count so large it cannot
reach zero.  ``None`` is never deallocated in a healthy interpreter, so this changes nothing
else.  Imported first by :mod:`explorer` itself, so every process that uses the app's
Qt code (GUI, renderer, PDF report) is covered from its first line.
"""
from __future__ import annotations

import ctypes
import sys

__all__ = ["keep_none_alive"]

_FLOOR = 1 << 40


def keep_none_alive() -> bool:
    """Raise ``None``'s reference count out of reach on CPython < 3.12; True if it was needed."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the first field
    if refcount.value < _FLOOR:
        refcount.value += _FLOOR
    return True


keep_none_alive()
