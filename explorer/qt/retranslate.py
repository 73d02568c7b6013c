"""Following a language switch without a restart.

Installing a translator (:func:`explorer.qt.language.install_language`) makes Qt send a
``LanguageChange`` event to every widget.  Widgets that show translated text mix in
:class:`Retranslatable` and put every text they set in one ``retranslate()`` method, which the
constructor calls once and the event calls again (the ``retranslateUi`` pattern of Qt Designer).

Numbers shown to people follow the interface language with the separators of
:mod:`explorer.i18n.numbers` (``1.234,5`` in pt and es, ``1 234,5`` with a narrow no-break space
in fr); files meant for machines never use these helpers.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent

from explorer.i18n.numbers import format_number

from .language import current_language

__all__ = ["Retranslatable", "ui_number", "ui_pair"]


class Retranslatable:
    """Mixin for a QWidget: calls ``self.retranslate()`` on every ``LanguageChange`` event."""

    def retranslate(self) -> None:
        """Set every translated text again (subclasses override)."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Re-set the texts when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc] - the QWidget this is mixed into


def ui_number(value: float | int | None, decimals: int = 1) -> str:
    """``value`` written for the interface language (``"1.234,5"`` in Portuguese)."""
    return format_number(value, current_language(), decimals)


def ui_pair(first: str, second: str) -> str:
    """Two numbers side by side, e.g. latitude and longitude: ``"0.5°, -51.2°"`` in English;
    languages with a decimal comma separate them with a semicolon (``"0,5°; -51,2°"``)."""
    return QCoreApplication.translate("Numbers", "%1, %2").replace("%1", first).replace("%2", second)
