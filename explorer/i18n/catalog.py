"""Read gettext ``.po`` message catalogues (no compile step, no Qt).

The ``.po`` files are the standard format translators edit with Poedit or Weblate; reading them
directly keeps the report text translatable without a build step on the user's machine.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Catalog", "read_po", "CatalogError"]


class CatalogError(ValueError):
    """A ``.po`` file that cannot be parsed; the message names the file and line."""


@dataclass
class Catalog:
    """Messages of one language: singular ids to text, and plural ids to their forms."""

    language: str
    messages: dict[str, str] = field(default_factory=dict)
    plurals: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def ids(self) -> set[str]:
        """Every message id (plural entries by their singular id)."""
        return set(self.messages) | {single for single, _ in self.plurals}


def _unquote(text: str, where: str) -> str:
    text = text.strip()
    if not (text.startswith('"') and text.endswith('"')):
        raise CatalogError(f"{where}: expected a quoted string, got {text!r}")
    return ast.literal_eval(text)


def _entries(path: Path):
    """Yield one dict of keyword -> text per entry; entries are separated by blank lines."""
    entry: dict[str, str] = {}
    key = None
    lines = path.read_text(encoding="utf-8").splitlines() + [""]
    for number, raw in enumerate(lines, 1):
        line, where = raw.strip(), f"{path}:{number}"
        if not line:
            if entry:
                yield entry
            entry, key = {}, None
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if key is None:
                raise CatalogError(f"{where}: continuation line outside an entry")
            entry[key] += _unquote(line, where)
        else:
            key, _, rest = line.partition(" ")
            entry[key] = _unquote(rest, where)


def read_po(path: str | Path, language: str) -> Catalog:
    """Parse the ``.po`` file at ``path`` into a :class:`Catalog` for ``language``.

    Entries with an empty translation are left out, so a missing translation falls back to the
    English id (and the completeness test reports it).
    """
    path = Path(path)
    catalog = Catalog(language)
    for entry in _entries(path):
        msgid = entry.get("msgid", "")
        if not msgid:
            continue  # the header entry
        if "msgid_plural" in entry:
            forms = [entry[k] for k in sorted(k for k in entry if k.startswith("msgstr["))]
            if all(forms):
                catalog.plurals[(msgid, entry["msgid_plural"])] = forms
        elif entry.get("msgstr"):
            catalog.messages[msgid] = entry["msgstr"]
    return catalog
