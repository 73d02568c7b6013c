"""Translations for Mining Impact Explorer.

Two systems, one per kind of text:

* Qt widgets translate with ``self.tr()`` / ``QCoreApplication.translate``; their ``.ts`` sources
  and ``.qm`` files live in ``explorer/i18n/qt/``.
* Report text (PDF, HTML map, the plain-words summary, the method statement) goes through
  :func:`translator`, backed by gettext ``.po`` catalogues in ``explorer/i18n/locale/``, with
  English message ids.  No Qt here, so the CLI and a server can build reports in any language.

>>> _ = translator("pt")
>>> _("Protected area")
'Unidade de Conservação'
>>> _.hectares(1234.5)
'1.234,5\xa0ha'
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .catalog import Catalog, read_po
from .numbers import format_area_ha, format_date, format_distance_km, format_number, format_percent

__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "Translator",
    "translator",
    "normalise_language",
    "system_language",
    "catalog_path",
]

#: Languages with complete catalogues; "pt" is Brazilian Portuguese.
LANGUAGES = ("en", "pt", "es", "fr")
#: Each language's name in itself, for menus.
LANGUAGE_NAMES = {"en": "English", "pt": "Português (Brasil)", "es": "Español", "fr": "Français"}

_LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def normalise_language(code: str | None) -> str:
    """``"pt_BR.UTF-8"``, ``"pt-BR"``, ``"PT"`` -> ``"pt"``; unknown or empty -> ``"en"``."""
    base = (code or "").replace("-", "_").split(".")[0].split("_")[0].lower()
    return base if base in LANGUAGES else "en"


def system_language(environ: dict[str, str] | None = None) -> str:
    """The language of the user's system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), or "en"."""
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for candidate in env.get(var, "").split(":"):
            if candidate[:2].lower() in LANGUAGES:
                return normalise_language(candidate)
    return "en"


def catalog_path(lang: str) -> Path:
    """Where the ``.po`` catalogue of ``lang`` lives."""
    return _LOCALE_DIR / f"{normalise_language(lang)}.po"


def _plural_index(lang: str, n: int) -> int:
    # en, es: n != 1; pt-BR and fr: 0 and 1 are singular (CLDR "one" = i = 0,1).
    if lang in ("pt", "fr"):
        return 0 if n in (0, 1) else 1
    return 0 if n == 1 else 1


class Translator:
    """Callable that translates English message ids into one language, and formats numbers."""

    def __init__(self, lang: str, catalog: Catalog | None):
        self.lang = lang
        self.catalog = catalog

    def __call__(self, message: str) -> str:
        """The translation of ``message``, or ``message`` itself when there is none."""
        if self.catalog is None:
            return message
        return self.catalog.messages.get(message, message)

    def n(self, singular: str, plural: str, count: int) -> str:
        """The singular or plural form for ``count``, translated."""
        index = _plural_index(self.lang, int(count))
        forms = self.catalog.plurals.get((singular, plural)) if self.catalog else None
        if forms:
            return forms[min(index, len(forms) - 1)]
        return singular if index == 0 else plural

    def number(self, value: float | None, decimals: int = 1) -> str:
        """``value`` written for this language."""
        return format_number(value, self.lang, decimals)

    def hectares(self, value: float | None, decimals: int = 1) -> str:
        """An area in hectares written for this language."""
        return format_area_ha(value, self.lang, decimals)

    def percent(self, value: float | None, decimals: int = 1) -> str:
        """A percentage written for this language."""
        return format_percent(value, self.lang, decimals)

    def km(self, metres: float | None, decimals: int = 1) -> str:
        """A distance in metres written in km for this language."""
        return format_distance_km(metres, self.lang, decimals)

    def date(self, day) -> str:
        """A date in words for this language."""
        return format_date(day, self.lang)


@lru_cache(maxsize=None)
def translator(lang: str = "en") -> Translator:
    """The :class:`Translator` for ``lang`` (any spelling accepted by :func:`normalise_language`)."""
    code = normalise_language(lang)
    path = catalog_path(code)
    catalog = read_po(path, code) if code != "en" and path.exists() else None
    return Translator(code, catalog)
