"""``mining-explorer report --lang pt|es|fr`` writes a PDF a reader of that language can read:
no English heading, table heading or caption, the map's own words (legend, land-cover classes)
translated, and numbers written with the language's separators.

The English headings are the message ids the report code passes to ``Heading``, ``Table`` and
``caption=`` (read from the source, not from the report built); each must be in the catalogue."""
from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.i18n import translator
from explorer.i18n.catalog import read_po

ROOT = Path(__file__).resolve().parents[2]
OPTIONS = {"concession": "--concessions", "protected_area": "--protected", "indigenous_territory": "--indigenous",
           "basin": "--basins", "community": "--communities"}
#: Words a reader expects in each language (from the glossary of the issue and MapBiomas' legend).
KNOWN = {
    "pt": ["Terra Indígena", "Unidade de Conservação", "Bacia hidrográfica", "Formação florestal", "Legenda"],
    "es": ["Territorio indígena", "Área protegida", "Cuenca hidrográfica", "Formación boscosa", "Leyenda"],
    "fr": ["Territoire autochtone", "Aire protégée", "Bassin versant", "Formation forestière", "Légende"],
}
ENGLISH_MAP_WORDS = ["Forest formation", "Pasture", "Legend", "River, lake and ocean"]

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")


def _strings(node: ast.AST) -> list[str]:
    """Message ids of ``_("...")`` calls inside ``node``."""
    return [n.args[0].value for n in ast.walk(node)
            if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "_" and n.args
            and isinstance(n.args[0], ast.Constant) and isinstance(n.args[0].value, str)]


def english_headings() -> set[str]:
    """Every message id the report uses as a heading, a table heading or a table caption."""
    found: set[str] = set()
    for path in (ROOT / "explorer" / "report").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name == "Heading" and node.args:
                found.update(_strings(node.args[0]))
            if name == "Table" and node.args and isinstance(node.args[0], ast.List):
                found.update(_strings(node.args[0]))
            for keyword in node.keywords:
                if keyword.arg == "caption":
                    found.update(_strings(keyword.value))
    return {text for text in found if "{" not in text}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, sample_loader, sample_root):
    """The Uaçá/Lourenço subset of the sample as GeoPackage files, plus the MapBiomas rasters."""
    folder = tmp_path_factory.mktemp("inputs")
    args = []
    for layer in sample_loader(sample_root):
        if layer.role.value in OPTIONS and len(layer.frame):
            path = folder / f"input_{layer.role.value}.gpkg"
            layer.frame.to_file(path, driver="GPKG")
            args += [OPTIONS[layer.role.value], str(path)]
    for raster in ("mapbiomas_1985.tif", "mapbiomas_2020.tif"):
        args += ["--raster", str(sample_root / raster)]
    return args


@pytest.fixture(scope="module", params=["pt", "es", "fr"])
def report_text(request, inputs, tmp_path_factory, qapp_gui):
    """(language, text of its report.pdf as ``pdftotext -layout`` reads it, the pack folder)."""
    lang = request.param
    out = tmp_path_factory.mktemp(f"pack_{lang}") / "pack"
    assert main(["report", *inputs, "--out", str(out), "--lang", lang]) == 0
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(out / "report.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    return lang, text, out


def test_the_headings_are_found_and_are_in_the_catalogue():
    headings = english_headings()
    assert {"Summary of findings", "Method statement", "Data sources", "Caveats"} <= headings
    ids = {m for m in re.findall(r'^msgid "(.*)"$', (ROOT / "explorer/i18n/locale/messages.pot")
                                 .read_text(encoding="utf-8"), flags=re.M)}
    assert headings <= ids


def test_no_english_heading_is_left(report_text):
    lang, text, _out = report_text
    _ = translator(lang)
    catalogue = read_po(ROOT / "explorer" / "i18n" / "locale" / f"{lang}.po", lang)
    translated_text = "\n".join(catalogue.messages.values())
    left = []
    for english in sorted(english_headings()):
        if _(english) == english or english in translated_text:
            continue  # spelt the same in this language ("Distance", "Version" in French)
        if re.search(rf"(?<![\w-]){re.escape(english)}(?![\w-])", text):
            left.append(english)
    assert left == []


def test_domain_terms_and_the_maps_words_are_the_readers(report_text):
    lang, text, _out = report_text
    flat = re.sub(r"\s+", " ", text)
    assert [word for word in KNOWN[lang] if word not in flat] == []
    assert not re.search("[\ufb00-\ufb06]", text), "a ligature: the word cannot be found by a search"
    assert [word for word in ENGLISH_MAP_WORDS if re.search(rf"\b{word}\b", flat)] == []


def test_numbers_are_written_for_the_language(report_text):
    lang, text, _out = report_text
    grouped = {"pt": r"\d{1,3}(?:\.\d{3})+,\d", "es": r"\d{1,3}(?:\.\d{3})+,\d", "fr": r"\d{1,3}(?:[\u202f ]\d{3})+,\d"}  # U+202F is extracted as a space
    english = r"\b\d{1,3}(?:,\d{3})+\.\d"
    assert re.search(grouped[lang], text), "no large number written with the language's separators"
    assert not re.search(english, text), "a number written the English way"


def test_csv_and_geopackage_keep_machine_numbers(report_text):
    """The reader's separators are for the PDF and the HTML map only: the pack's tables stay
    plain numbers in every language."""
    import pandas as pd
    import pyogrio

    _lang, _text, out = report_text
    raw = (out / "overlaps.csv").read_text(encoding="utf-8")
    frame = pd.read_csv(out / "overlaps.csv")
    assert pd.api.types.is_float_dtype(frame["overlap_ha"]) and frame["overlap_ha"].gt(0).all()
    assert not re.search(r"\d\.\d{3},\d|\d\u202f\d", raw)
    stored = pyogrio.read_dataframe(out / "metrics.gpkg", layer="overlaps", read_geometry=False)
    assert pd.api.types.is_float_dtype(stored["overlap_ha"])


def test_the_html_map_says_its_language(report_text):
    lang, _text, out = report_text
    page = (out / "map.html").read_text(encoding="utf-8")
    assert f'<html lang="{ {"pt": "pt-BR"}.get(lang, lang)}">' in page
    legend = {"pt": "Legenda", "es": "Leyenda", "fr": "Légende"}[lang]
    assert legend in page or json.dumps(legend)[1:-1] in page  # the controls' HTML is JSON-escaped
