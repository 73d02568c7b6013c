"""Translations.  Qt widgets use ``self.tr()`` / ``QCoreApplication.translate``; report text
(PDF, HTML, summaries, method statement) goes through :func:`translator`, backed by message
catalogues in this package.  Until the catalogues land, every language returns the English text."""
from __future__ import annotations

from typing import Callable

__all__ = ["translator", "LANGUAGES"]

LANGUAGES = ("en", "pt", "es", "fr")


def translator(lang: str = "en") -> Callable[[str], str]:
    """A function that translates an English message id into ``lang``."""
    return lambda message: message
