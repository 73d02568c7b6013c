"""The drawing's own words (legend title, raster class names, hemisphere letters, scale units)
in a report's language, also when no widget translator is installed (the CLI).

The words live in the app's Qt catalogues (``explorer/i18n/qt/mie_*.qm``, context "Render");
:func:`render_language` installs the one of a language for the time a report is drawn, and sets
the default QLocale so decimals are written with that language's mark (``2,5 km``)."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

__all__ = ["render_language", "QM_DIR", "QT_LOCALES"]

QM_DIR = Path(__file__).resolve().parents[1] / "i18n" / "qt"
QT_LOCALES = {"en": "en_GB", "pt": "pt_BR", "es": "es_ES", "fr": "fr_FR"}
_PROBE = ("Render", "Legend")


def _wanted(lang: str) -> QTranslator | None:
    """A translator for ``lang`` when the installed ones do not already give its words."""
    if lang not in QT_LOCALES or lang == "en":
        return None
    translator = QTranslator()
    if not translator.load(f"mie_{lang}", str(QM_DIR)):
        return None
    if QCoreApplication.translate(*_PROBE) == translator.translate(*_PROBE):
        return None  # the app already runs in this language
    return translator


@contextmanager
def render_language(lang: str) -> Iterator[None]:
    """Draw in ``lang`` ("en", "pt", "es" or "fr") inside the ``with`` block."""
    app = QCoreApplication.instance()
    translator = _wanted(lang) if app is not None else None
    locale = QLocale()
    if translator is not None:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(QT_LOCALES.get(lang, "en_GB")))
    try:
        yield
    finally:
        if translator is not None:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)
