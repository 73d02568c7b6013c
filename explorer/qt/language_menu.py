"""View ▸ Language: switch the interface language at once, and remember it for the next start.

Each language is listed by its own name (a reader who does not understand the current language
still finds theirs).  Choosing one installs its translators; Qt then sends ``LanguageChange`` to
every widget and each one sets its texts again (see :mod:`explorer.qt.retranslate`)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from explorer.i18n import LANGUAGE_NAMES

from .language import current_language, install_language

__all__ = ["build_language_menu", "switch_language", "SETTINGS_KEY"]

SETTINGS_KEY = "ui/language"


def build_language_menu(window: Any, menu: QMenu) -> None:
    """One checkable action per language in ``menu``; kept in ``window.language_actions``."""
    group = QActionGroup(window)
    group.setExclusive(True)
    window.language_actions = {}
    for code, name in LANGUAGE_NAMES.items():
        action = menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(code == current_language())
        action.setData(code)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, code=code: switch_language(window, code))
        window.language_actions[code] = action


def switch_language(window: Any, code: str) -> str:
    """Install ``code``'s translators now and save the choice; returns the code installed."""
    settings = getattr(window, "settings", None)
    if settings is not None:
        settings.setValue(SETTINGS_KEY, code)
        settings.sync()
    installed = install_language(code)
    for other, action in getattr(window, "language_actions", {}).items():
        action.setChecked(other == installed)
    window.statusBar().showMessage(
        QCoreApplication.translate("MainWindow", "Interface language: %1").replace("%1", LANGUAGE_NAMES[installed]),
        8000)
    return installed
