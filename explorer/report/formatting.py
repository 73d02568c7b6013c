"""The one place where the report turns numbers and dates into text.

Every number printed in the PDF, the HTML popups and the plain-words summary goes through
:func:`format_number`, so the locale rules (``1,234.5`` in English, ``1.234,5`` in Portuguese
and Spanish, ``1 234,5`` in French) live here.  CSV and GeoPackage files keep plain machine
numbers and never use this module.
"""
from __future__ import annotations

import math
from datetime import datetime

__all__ = ["format_number", "format_area", "format_percent", "format_distance", "format_date"]

#: (thousands separator, decimal separator) per language; narrow no-break space for French.
_SEPARATORS = {
    "en": (",", "."),
    "pt": (".", ","),
    "es": (".", ","),
    "fr": ("\u202f", ","),
}


def _separators(lang: str) -> tuple[str, str]:
    try:  # the i18n package may own locale rules; prefer them when present
        from explorer.i18n import number_separators  # type: ignore[attr-defined]

        return number_separators(lang)
    except (ImportError, AttributeError, KeyError, ValueError):
        return _SEPARATORS.get(lang.split("_")[0].split("-")[0], _SEPARATORS["en"])


def format_number(value, decimals: int = 1, lang: str = "en") -> str:
    """``value`` with ``decimals`` digits and the thousands/decimal separators of ``lang``.

    Missing values (None, NaN) give an en dash.

    >>> format_number(1234.56, 1, "pt")
    '1.234,6'
    """
    if value is None:
        return "\u2013"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(number):
        return "\u2013"
    if math.isinf(number):
        return "\u221e" if number > 0 else "-\u221e"
    thousands, point = _separators(lang)
    text = f"{number:,.{max(decimals, 0)}f}"
    if text in ("-0", "-0.0") or text.startswith("-0.") and float(text) == 0:
        text = text[1:]
    return text.replace(",", "\x00").replace(".", point).replace("\x00", thousands)


def format_area(hectares, lang: str = "en") -> str:
    """An area in hectares with its unit, e.g. ``'1,234.5 ha'``."""
    return f"{format_number(hectares, 1, lang)} ha"


def format_percent(value, lang: str = "en", decimals: int = 2) -> str:
    """A percentage with its sign, e.g. ``'12.35%'``; the value is already in percent."""
    return f"{format_number(value, decimals, lang)}%"


def format_distance(km, lang: str = "en") -> str:
    """A distance in kilometres with its unit, e.g. ``'12.35 km'``."""
    return f"{format_number(km, 2, lang)} km"


def format_date(moment: datetime, lang: str = "en") -> str:
    """A date as ISO 8601 (``2026-11-22``), unambiguous in every language."""
    return moment.strftime("%Y-%m-%d")
