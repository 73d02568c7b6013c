"""Numbers and dates written for a reader of each language (no Qt, no system locale).

``format_number(1234.5, "pt") == "1.234,5"``; in French the thousands separator is a narrow
no-break space (U+202F), as CLDR and the Imprimerie nationale recommend: ``"1\\u202f234,5"``.
Files meant for machines (CSV, GeoPackage) never use these functions.
"""
from __future__ import annotations

import datetime as _dt
import math

__all__ = ["format_number", "format_area_ha", "format_percent", "format_distance_km", "format_date"]

_SEPARATORS = {  # language: (thousands, decimal)
    "en": (",", "."),
    "pt": (".", ","),
    "es": (".", ","),
    "fr": ("\u202f", ","),
}

_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
}


def _lang(lang: str) -> str:
    base = (lang or "en").replace("-", "_").split("_")[0].lower()
    return base if base in _SEPARATORS else "en"


def format_number(value: float | int | None, lang: str = "en", decimals: int = 1) -> str:
    """``value`` with the language's thousands and decimal separators; '–' for None or NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    thousands, decimal = _SEPARATORS[_lang(lang)]
    text = f"{abs(value):,.{decimals}f}"
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", thousands)
    sign = "-" if value < 0 and float(text.replace(",", "")) != 0 else ""
    return sign + whole + (decimal + fraction if fraction else "")


def format_area_ha(value: float | None, lang: str = "en", decimals: int = 1) -> str:
    """An area in hectares, e.g. ``"1.234,5 ha"`` in Portuguese."""
    return f"{format_number(value, lang, decimals)}\u00a0ha"


def format_percent(value: float | None, lang: str = "en", decimals: int = 1) -> str:
    """A percentage: ``"12.5%"`` in English, ``"12,5 %"`` in French, ``"12,5%"`` in pt/es."""
    space = "\u202f" if _lang(lang) == "fr" else ""
    return f"{format_number(value, lang, decimals)}{space}%"


def format_distance_km(metres: float | None, lang: str = "en", decimals: int = 1) -> str:
    """A distance given in metres, written in kilometres."""
    km = None if metres is None else metres / 1000.0
    return f"{format_number(km, lang, decimals)}\u00a0km"


def format_date(day: _dt.date | _dt.datetime, lang: str = "en") -> str:
    """A date in words: ``"22 November 2026"``, ``"22 de novembro de 2026"``, ``"22 novembre 2026"``."""
    code = _lang(lang)
    month = _MONTHS[code].split()[day.month - 1]
    if code in ("pt", "es"):
        return f"{day.day} de {month} de {day.year}"
    return f"{day.day} {month} {day.year}"
