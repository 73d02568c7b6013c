#!/usr/bin/env python3
"""Extract report message ids from the source and update the gettext catalogues.

Finds ``_("...")``, ``N_("...")`` and ``_.n("...", "...", n)`` calls with literal strings in
``explorer/`` (except the Qt widgets, which use Qt's own ``.ts`` files), writes
``explorer/i18n/locale/messages.pot`` and merges new ids into each language's ``.po`` (existing
translations are kept; ids no longer used are dropped).

    python scripts/extract_messages.py          # update messages.pot and the .po files
    python scripts/extract_messages.py --check  # exit 1 if messages.pot is out of date
"""
from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from explorer.i18n.catalog import read_po  # noqa: E402

LOCALE = ROOT / "explorer" / "i18n" / "locale"
SKIP = ("explorer/qt/",)
MARKERS = {"_", "N_"}


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def messages_in(path: Path) -> list[tuple[str, str | None, str]]:
    """(msgid, msgid_plural or None, "file:line") for every marked call in ``path``."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    where = path.relative_to(ROOT).as_posix()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in MARKERS:
            text = _literal(node.args[0])
            if text:
                found.append((text, None, f"{where}:{node.lineno}"))
        elif isinstance(func, ast.Attribute) and func.attr == "n" and len(node.args) >= 2:
            one, many = _literal(node.args[0]), _literal(node.args[1])
            if one and many:
                found.append((one, many, f"{where}:{node.lineno}"))
    return sorted(found, key=lambda item: int(item[2].rsplit(":", 1)[1]))


def extract() -> dict[tuple[str, str | None], list[str]]:
    """Every message id in the report code, with where it is used, in a stable order."""
    out: dict[tuple[str, str | None], list[str]] = {}
    for path in sorted((ROOT / "explorer").rglob("*.py")):
        if any(path.relative_to(ROOT).as_posix().startswith(s) for s in SKIP):
            continue
        for msgid, plural, where in messages_in(path):
            out.setdefault((msgid, plural), []).append(where)
    return out


def _quote(text: str) -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{body}"'


def render(messages, translations=None, language=None) -> str:
    """The text of a .pot (no translations) or of a .po file."""
    head = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"']
    if language:
        head.append(f'"Language: {language}\\n"')
        head.append('"Plural-Forms: nplurals=2; plural=(n > 1);\\n"' if language in ("pt", "fr")
                    else '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"')
    lines = ["# Mining Impact Explorer report messages.", *head, ""]
    for (msgid, plural), where in messages.items():
        lines.append("#: " + " ".join(where[:3]))
        lines.append(f"msgid {_quote(msgid)}")
        if plural:
            forms = (translations or {}).get((msgid, plural), ["", ""])
            lines.append(f"msgid_plural {_quote(plural)}")
            lines += [f"msgstr[{i}] {_quote(f)}" for i, f in enumerate(forms)]
        else:
            lines.append(f"msgstr {_quote((translations or {}).get(msgid, ''))}")
        lines.append("")
    return "\n".join(lines)


def main(argv=None) -> int:
    """Update messages.pot and the .po files, or check that the .pot is current."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    messages = extract()
    pot_text = render(messages)
    pot = LOCALE / "messages.pot"
    if args.check:
        current = pot.read_text(encoding="utf-8") if pot.exists() else ""
        return 0 if current == pot_text else 1
    LOCALE.mkdir(parents=True, exist_ok=True)
    pot.write_text(pot_text, encoding="utf-8")
    for lang in ("pt", "es", "fr"):
        po = LOCALE / f"{lang}.po"
        old = read_po(po, lang) if po.exists() else None
        known = {**(old.messages if old else {}), **(old.plurals if old else {})}
        po.write_text(render(messages, known, lang), encoding="utf-8")
    print(f"{len(messages)} messages -> {pot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
