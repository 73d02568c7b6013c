"""Choosing and switching the language of the widgets, without a restart.

The app's own ``.qm`` files are built from ``explorer/i18n/qt/*.ts`` by
``scripts/update_qt_translations.py``; Qt's standard dialogs use Qt's own ``qtbase_*.qm``.
Installing a translator makes Qt send a ``LanguageChange`` event to every widget, and the main
window rebuilds its texts from it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from explorer.i18n import LANGUAGES, normalise_language

__all__ = ["QM_DIR", "install_language", "current_language", "qt_locale_name", "startup_language"]

QM_DIR = Path(__file__).resolve().parents[1] / "i18n" / "qt"
_QT_LOCALES = {"en": "en_GB", "pt": "pt_BR", "es": "es_ES", "fr": "fr_FR"}
_installed: list[QTranslator] = []
_current = ["en"]


def qt_locale_name(lang: str) -> str:
    """The Qt locale name used for a language code ("pt" -> "pt_BR")."""
    return _QT_LOCALES[normalise_language(lang)]


def current_language() -> str:
    """The language installed last ("en" before any)."""
    return _current[0]


def startup_language(settings) -> str:
    """The language to start in: the one saved in ``settings``, else the system locale's."""
    saved = settings.value("ui/language", "") if settings is not None else ""
    if saved in LANGUAGES:
        return saved
    return normalise_language(QLocale.system().name())


def _load(translator: QTranslator, name: str, folder: str | Path) -> bool:
    return translator.load(name, str(folder))


def install_language(lang: str, app: QCoreApplication | None = None) -> str:
    """Install the translators for ``lang`` (replacing earlier ones); returns the code used.

    English needs no translator: the source strings are English.
    """
    app = app or QCoreApplication.instance()
    code = normalise_language(lang)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if code != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((f"mie_{code}", QM_DIR), (f"qtbase_{qt_locale_name(code)}", qt_dir),
                             (f"qtbase_{code}", qt_dir)):
            translator = QTranslator(app)
            if _load(translator, name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
    QLocale.setDefault(QLocale(qt_locale_name(code)))
    _current[0] = code
    return code
