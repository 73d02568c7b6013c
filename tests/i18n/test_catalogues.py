"""Report catalogues: complete for pt, es and fr, up to date with the code, right domain terms."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.i18n import LANGUAGES, catalog_path, system_language, translator
from explorer.i18n.catalog import read_po

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from scripts.extract_messages import extract  # noqa: E402

#: Words that are spelt the same in a language and in English.
SAME_AS_ENGLISH = {
    "pt": {"Raster", "Rasters", "PDF", "CSV", "HTML", "GeoPackage", "KMZ", "SHA-256", "ID", "Total", "Status"},
    "es": {"PDF", "CSV", "HTML", "GeoPackage", "KMZ", "SHA-256", "ID", "Total"},
    "fr": {"Raster", "Rasters", "PDF", "CSV", "HTML", "GeoPackage", "KMZ", "SHA-256", "ID", "Total", "Communication", "Action", "Source", "Sources", "Notes", "Date", "Instrument", "Distance",
           "Phase", "Code", "Distances", "Version", "Parties", "Licence", "Distance (km)"},
}


def test_template_is_up_to_date_with_the_code():
    result = subprocess.run([sys.executable, "scripts/extract_messages.py", "--check"], cwd=ROOT)
    assert result.returncode == 0, "run: python scripts/extract_messages.py"


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != "en"])
def test_every_message_is_translated(lang):
    catalog = read_po(catalog_path(lang), lang)
    untranslated = []
    for msgid, plural in extract():
        if plural:
            forms = catalog.plurals.get((msgid, plural))
            if not forms or not all(forms):
                untranslated.append(msgid)
        elif msgid not in catalog.messages:
            untranslated.append(msgid)
        elif catalog.messages[msgid] == msgid and msgid not in SAME_AS_ENGLISH[lang] and \
                any(c.isalpha() for c in re.sub(r"\{\w*\}", "", msgid)):  # words outside {placeholders}
            untranslated.append(msgid)
    assert untranslated == []


@pytest.mark.parametrize(
    ("lang", "english", "expected"),
    [
        ("pt", "Indigenous territory", "Terra Indígena"),
        ("pt", "Protected area", "Unidade de Conservação"),
        ("pt", "Mining concession", "Título minerário"),
        ("pt", "Water basin", "Bacia hidrográfica"),
        ("fr", "Mining concession", "Concession minière"),
        ("fr", "Protected area", "Aire protégée"),
        ("fr", "Indigenous territory", "Territoire autochtone"),
        ("fr", "Water basin", "Bassin versant"),
        ("es", "Mining concession", "Concesión minera"),
        ("es", "Protected area", "Área protegida"),
        ("es", "Indigenous territory", "Territorio indígena"),
        ("es", "Water basin", "Cuenca hidrográfica"),
    ],
)
def test_domain_terms_are_the_fields_own(lang, english, expected):
    assert translator(lang)(english) == expected


def test_english_is_the_identity_and_unknown_languages_fall_back_to_it():
    assert translator("en")("Water basin") == "Water basin"
    assert translator("xx")("Water basin") == "Water basin"
    assert translator("pt-BR").lang == translator("pt_BR.UTF-8").lang == "pt"


def test_plural_forms_follow_each_language():
    assert translator("en").n("{n} title", "{n} titles", 0) == "{n} titles"
    assert translator("fr").n("{n} title", "{n} titles", 0) == "{n} title"  # French: 0 is singular
    assert translator("es").n("{n} title", "{n} titles", 1) == "{n} title"


def test_system_locale_picks_the_language():
    assert system_language({"LANG": "pt_BR.UTF-8"}) == "pt"
    assert system_language({"LANG": "fr_CA.UTF-8"}) == "fr"
    assert system_language({"LANGUAGE": "es_MX:en", "LANG": "en_US.UTF-8"}) == "es"
    assert system_language({"LANG": "C.UTF-8"}) == "en"
    assert system_language({}) == "en"
