#!/usr/bin/env python3
"""Update the widgets' Qt translations: ``.ts`` sources from the code, ``.qm`` files from them.

    python scripts/update_qt_translations.py            # lupdate then lrelease
    python scripts/update_qt_translations.py --release  # lrelease only (what a build needs)
    python scripts/update_qt_translations.py --fill F.json  # merge {lang: {source: text}}

Uses ``pyside6-lupdate`` and ``pyside6-lrelease`` from the PySide6 wheel.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "explorer" / "i18n" / "qt"
LANGS = {"pt": "pt_BR", "es": "es_ES", "fr": "fr_FR"}


def sources() -> list[str]:
    """The Python files whose strings the widgets show."""
    files = sorted((ROOT / "explorer" / "qt").glob("*.py")) + sorted((ROOT / "explorer" / "render").glob("*.py"))
    return [str(p.relative_to(ROOT)) for p in files]


def tool(name: str) -> str:
    """Path of a PySide6 command-line tool."""
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def ts_path(lang: str) -> Path:
    """The .ts file of a language."""
    return TS_DIR / f"mie_{lang}.ts"


def lupdate(ts_files: list[Path]) -> None:
    """Add new source strings to the .ts files and mark vanished ones obsolete (then drop them)."""
    for ts in ts_files:
        subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                        "-target-language", LANGS[ts.stem.split("_", 1)[1]], "-ts", str(ts)],
                       cwd=ROOT, check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile one .ts file into a .qm file."""
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True,
                   capture_output=True)


def _set_translation(translation: ET.Element, text: str | list[str]) -> None:
    """Put ``text`` (a list of plural forms for a numerus message) into a <translation>."""
    if isinstance(text, list):
        translation.text = None
        for child in list(translation):
            translation.remove(child)
        for form in text:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = text
    translation.attrib.pop("type", None)


def fill(ts: Path, table: dict[str, str | list[str]]) -> int:
    """Write translations from ``table`` (source -> text or plural forms) into ``ts``; returns how many."""
    tree = ET.parse(ts)
    count = 0
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in table and translation is not None and table[source]:
            _set_translation(translation, table[source])
            count += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


def main(argv=None) -> int:
    """Run lupdate/lrelease (and optionally merge translations)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile .ts into .qm")
    parser.add_argument("--fill", help="JSON file {lang: {source: translation}} to merge")
    args = parser.parse_args(argv)
    TS_DIR.mkdir(parents=True, exist_ok=True)
    files = [ts_path(lang) for lang in LANGS]
    if not args.release:
        lupdate(files)
    if args.fill:
        table = json.loads(Path(args.fill).read_text(encoding="utf-8"))
        for lang in LANGS:
            print(lang, fill(ts_path(lang), table.get(lang, {})), "filled")
    for ts in files:
        lrelease(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
