"""Work around PySide6 builds that drop a reference to ``None`` on every void call.

PySide6 6.12 (as installed here) returns ``None`` from void C++ methods (``QPainter.setPen``,
``QTextLayout.beginLayout``, ...) without taking a new reference.  Python 3.12+ does not care
(``None`` is immortal there, PEP 683), but on Python 3.11 each call lowers ``None``'s
reference count by one, and after a few thousand calls the interpreter aborts with
"deallocating None".  :func:`protect_none` lifts the count far out of reach, which is what
3.12 does for every interpreter.  It is a no-op on Python 3.12 and later.
"""
from __future__ import annotations

import ctypes
import sys

__all__ = ["protect_none"]

_RESERVE = 1 << 50


def protect_none() -> None:
    """Make ``None`` effectively immortal on Python < 3.12 (idempotent)."""
    if sys.version_info >= (3, 12) or hasattr(sys, "pypy_version_info"):
        return
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < _RESERVE:
        count.value += _RESERVE
