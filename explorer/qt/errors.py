"""Error dialogs: a bad file gets its LayerError message (naming the file), never a traceback;
an unexpected error is logged with its traceback and shown as a short dialog instead of
crashing the app."""
from __future__ import annotations

import logging
from html import escape
import sys
import traceback
from types import TracebackType
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import Qt  # QtGui's Qt namespace has mightBeRichText
from PySide6.QtWidgets import QMessageBox, QWidget

from layers.errors import LayerError

__all__ = ["show_error", "user_message", "install_excepthook", "plain_for_dialog"]

log = logging.getLogger("explorer.qt")


def user_message(exc: BaseException) -> str:
    """What to tell a user about ``exc``: for a LayerError, the kind of error in the interface
    language and its own message (naming the file); else a short summary."""
    if isinstance(exc, LayerError):
        from .error_text import layer_error_text

        return layer_error_text(exc)
    summary = f"{type(exc).__name__}: {exc}".strip()
    return QCoreApplication.translate("Errors", "Something went wrong: %1\nThe details are in the log file.").replace("%1", summary)


def show_error(parent: QWidget | None, title: str, exc_or_text: BaseException | str) -> None:
    """Show a warning dialog with a user-facing message (modal, no traceback)."""
    text = exc_or_text if isinstance(exc_or_text, str) else user_message(exc_or_text)
    QMessageBox.warning(parent, title, plain_for_dialog(text))


def plain_for_dialog(text: str) -> str:
    """Text a message box shows as written: file names or attributes that look like HTML
    (``<b>``, ``<script>``) are escaped instead of being interpreted."""
    if not Qt.mightBeRichText(text):
        return text
    return "<p>" + escape(text).replace("\n", "<br>") + "</p>"


def install_excepthook(parent_getter: Callable[[], QWidget | None],
                       on_error: Callable[[BaseException], None] | None = None) -> Callable:
    """Route uncaught exceptions to the log and a dialog; returns the previous hook.

    Exceptions raised inside Qt slots reach ``sys.excepthook``; without this the app would
    print a traceback to a terminal the user never sees, or abort."""
    previous = sys.excepthook
    showing = {"now": False}

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        log.error("uncaught error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if on_error is not None:
            on_error(exc)
        if showing["now"]:  # an error while the dialog is up: log only
            return
        showing["now"] = True
        try:
            show_error(parent_getter(), QCoreApplication.translate("Errors", "Unexpected error"), exc)
        finally:
            showing["now"] = False

    sys.excepthook = hook
    return previous
