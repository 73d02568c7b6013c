"""The widgets' Qt translations: every message of every .ts translated, .qm built from them."""
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from scripts.update_qt_translations import LANGS, lrelease, ts_path  # noqa: E402


def _unfinished(ts: Path) -> list[str]:
    missing = []
    for context in ET.parse(ts).iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
                missing.append(f"{context.findtext('name')}: {message.findtext('source')}")
    return missing


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_every_committed_message_is_translated(lang):
    assert _unfinished(ts_path(lang)) == []


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_compiled_catalogue_matches_its_source(lang, tmp_path):
    built = tmp_path / f"mie_{lang}.qm"
    lrelease(ts_path(lang), built)
    assert built.read_bytes() == ts_path(lang).with_suffix(".qm").read_bytes(), (
        "run: python scripts/update_qt_translations.py --release")


def test_installing_a_language_translates_and_english_restores(qapp):
    from PySide6.QtCore import QCoreApplication, QLocale

    from explorer.qt.language import current_language, install_language

    default_locale = QLocale()  # process-wide state: later tests must see it as it was
    try:
        assert install_language("pt-BR") == "pt" == current_language()
        texts = {lang: (install_language(lang), QCoreApplication.translate("AnalysisPanel", "Run analysis"))[1]
                 for lang in ("pt", "es", "fr", "en")}
        assert texts == {"pt": "Executar análise", "es": "Ejecutar análisis", "fr": "Lancer l’analyse",
                         "en": "Run analysis"}
    finally:
        install_language("en")
        QLocale.setDefault(default_locale)


def _messages(ts: Path) -> set[tuple[str, str]]:
    return {(context.findtext("name"), message.findtext("source"))
            for context in ET.parse(ts).iter("context") for message in context.iter("message")}


def test_ts_files_hold_every_string_of_the_code(tmp_path):
    """lupdate over the code finds no message the committed .ts files lack (nor extra ones)."""
    from scripts.update_qt_translations import ROOT as repo, sources, tool

    fresh = tmp_path / "mie_pt.ts"
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                    "-ts", str(fresh)], cwd=repo, check=True, capture_output=True)
    assert _messages(fresh) == _messages(ts_path("pt")), "run: python scripts/update_qt_translations.py"
