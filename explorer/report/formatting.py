"""The one place where the report turns numbers and dates into text.

Every number printed in the PDF, the HTML popups and the plain-words summary goes through
:func:`format_number` (or the unit helpers built on it), which follows the locale rules of
:mod:`explorer.i18n.numbers` (``1,234.5`` in English, ``1.234,5`` in Portuguese and Spanish,
``1 234,5`` in French).  CSV and GeoPackage files keep plain machine numbers and never use it.
"""
from __future__ import annotations

import math
from datetime import date, datetime

from explorer.i18n import numbers as _locale

__all__ = ["format_number", "format_area", "format_percent", "format_distance", "format_date",
           "format_count", "format_value"]


def format_number(value, decimals: int = 1, lang: str = "en") -> str:
    """``value`` with ``decimals`` digits in the conventions of ``lang``; '–' when missing."""
    if value is None or isinstance(value, str):
        return "\u2013" if value in (None, "") else value
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(number):
        return "\u2013"
    if math.isinf(number):
        return "\u221e" if number > 0 else "-\u221e"
    return _locale.format_number(number, lang, decimals)


def format_count(value, lang: str = "en") -> str:
    """A whole number (count of features, pixels, ...)."""
    return format_number(value, 0, lang)


def _small(value, decimals: int, lang: str) -> str | None:
    """``'< 0.01'`` for a positive value that would print as zero, else None."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    step = 10.0 ** -decimals
    if 0 < number < step / 2:
        return "< " + format_number(step, decimals, lang)
    return None


def format_area(hectares, lang: str = "en", decimals: int = 1) -> str:
    """An area in hectares with its unit; a tiny positive area reads ``< 0.1 ha``, never 0."""
    text = _small(hectares, decimals, lang) or format_number(hectares, decimals, lang)
    return f"{text}\u00a0ha"


def format_percent(value, lang: str = "en", decimals: int = 2) -> str:
    """A percentage (the value is already in percent) with the sign spaced as ``lang`` wants;
    a tiny positive share reads ``< 0.01%``, never 0%."""
    space = "\u202f" if lang == "fr" else ""
    text = _small(value, decimals, lang) or format_number(value, decimals, lang)
    return f"{text}{space}%"


def format_distance(metres, lang: str = "en", decimals: int = 2) -> str:
    """A distance given in metres, written in kilometres."""
    km = None if metres is None else float(metres) / 1000.0
    return f"{format_number(km, decimals, lang)}\u00a0km"


def format_date(moment: date | datetime, lang: str = "en") -> str:
    """A date in words for ``lang`` (e.g. ``22 de novembro de 2026``)."""
    return _locale.format_date(moment, lang)


def format_value(value, kind: str, lang: str = "en") -> str:
    """A table cell by kind: ``ha``, ``pct``, ``km`` (value in metres), ``int``, ``num``, ``text``."""
    if kind in ("ha", "pct"):
        return _small(value, 2, lang) or format_number(value, 2, lang)
    if kind == "km":
        return format_number(None if _missing(value) else float(value) / 1000.0, 2, lang)
    if kind == "int":
        return format_count(value, lang)
    if kind == "num":
        return format_number(value, 2, lang)
    return "" if _missing(value) else str(value)


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return isinstance(value, float) and math.isnan(value)
    except TypeError:
        return False
