"""Hostile attribute text through ``analyze`` and ``report``: it must stay inert text.

Concession and feature names carry HTML/script payloads and spreadsheet formulas
(CSV formula injection: a cell starting with ``=``, ``+``, ``-`` or ``@`` is run as a formula by
Excel/LibreOffice; OWASP: prefix such cells with a single quote).
"""
from __future__ import annotations

import csv
import re
import zipfile

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from tests.e2e_cli import has_command, run_cli

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
FORMULAS = ["=cmd|' /C calc'!A0", "+SUM(1,1)", "-2+3", "@SUM(A1)"]
NAMES = [SCRIPT, IMG, *FORMULAS]
PARK = '=HYPERLINK("http://example.invalid","click")'
FORMULA_START = ("=", "+", "-", "@")
TEXT_COLUMNS = ("concession_name", "feature_name", "zone_name", "names")


@pytest.fixture(scope="module")
def hostile_inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    conc, park = folder / "hostile.geojson", folder / "parque.geojson"
    geoms = [box(-51 + i * 0.02, 1, -50.99 + i * 0.02, 1.01) for i in range(len(NAMES))]
    gpd.GeoDataFrame({"nome": NAMES, "titular": NAMES}, geometry=geoms, crs=4326).to_file(conc)
    parks = [box(-51.02, 0.98, -50.8, 1.03), box(-51.02, 0.99, -50.95, 1.02),
             box(-50.94, 0.99, -50.85, 1.02)]
    gpd.GeoDataFrame({"nome": [PARK, SCRIPT, IMG]}, geometry=parks, crs=4326).to_file(park)
    return folder, conc, park


@pytest.fixture(scope="module")
def analyzed(hostile_inputs):
    folder, conc, park = hostile_inputs
    out = folder / "out"
    proc = run_cli(["analyze", "--concessions", conc, "--protected", park, "--out", out],
                   cwd=folder / "cwd")
    assert proc.returncode == 0, proc.stderr[-1000:]
    return out


def _text_cells(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [row[c] for row in rows for c in TEXT_COLUMNS if row.get(c)]


def test_names_survive_as_text(analyzed):
    """The script/HTML names arrive in overlaps.csv as the same characters, not dropped."""
    overlaps = pd.read_csv(analyzed / "overlaps.csv")
    assert {SCRIPT, IMG} <= set(overlaps["concession_name"])
    assert {SCRIPT, IMG, "'" + PARK} <= set(overlaps["feature_name"])  # formula neutralised
    raw = gpd.read_file(analyzed / "metrics.gpkg", layer="overlaps")
    assert {SCRIPT, IMG, PARK} <= set(raw["feature_name"])  # the GeoPackage keeps raw text
    assert set(FORMULAS) <= set(raw["concession_name"])


def test_csv_neutralises_every_formula_start_but_keeps_numbers(analyzed):
    """Each formula name is written with one leading quote; numeric columns stay numbers."""
    overlaps = pd.read_csv(analyzed / "overlaps.csv")
    assert {"'" + f for f in FORMULAS} <= set(overlaps["concession_name"])
    assert pd.api.types.is_float_dtype(overlaps["overlap_ha"])
    assert pd.api.types.is_numeric_dtype(overlaps["pct_of_concession"])


def test_output_paths_do_not_come_from_attributes(analyzed):
    """Only the fixed table names are written: no file named after an attribute value."""
    for path in analyzed.rglob("*"):
        assert re.fullmatch(r"[a-z_]+\.(csv|gpkg)", path.name), path.name


def test_csv_cells_cannot_start_a_formula(analyzed):
    """No text cell of any CSV begins with a formula character."""
    bad = [(p.name, cell) for p in analyzed.glob("*.csv") for cell in _text_cells(p)
           if cell.startswith(FORMULA_START)]
    assert not bad, bad[:8]


@pytest.fixture(scope="module")
def reported(hostile_inputs):
    if not has_command("report"):
        pytest.skip("`mining-explorer report` is not on this checkout yet")
    folder, conc, park = hostile_inputs
    out = folder / "pack"
    proc = run_cli(["report", "--concessions", conc, "--protected", park, "--out", out],
                   cwd=folder / "cwd", timeout=900)
    assert proc.returncode == 0, proc.stderr[-1500:]
    assert "Traceback" not in proc.stdout + proc.stderr
    return out


def test_report_html_escapes_names(reported):
    """map.html holds no live <script>alert / <img onerror> from the attributes."""
    text = (reported / "map.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in text
    assert "<img src=x onerror=alert(1)>" not in text
    assert "alert(1)" in text  # the (park) names are still shown, as escaped text


def test_report_kml_escapes_names(reported):
    """The KMZ's KML is well-formed XML with the names as escaped text."""
    import xml.etree.ElementTree as ET

    kmz = next(reported.glob("*.kmz"))
    with zipfile.ZipFile(kmz) as archive:
        for name in archive.namelist():
            assert not name.startswith("/") and ".." not in name.split("/")
            if name.endswith(".kml"):
                raw = archive.read(name).decode("utf-8")
                ET.fromstring(raw)  # a raw '<script>' or '"><img' would break or inject
                assert "<script>alert" not in raw and "<img src=x" not in raw


def test_report_pdf_shows_names_as_text(reported):
    """The PDF's text layer holds the hostile names as plain text."""
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed")
    text = subprocess.run(["pdftotext", reported / "report.pdf", "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "alert(1)" in text


def test_report_csv_cells_cannot_start_a_formula(reported):
    """The pack's CSV tables are neutralised as well."""
    bad = [(p.name, cell) for p in reported.rglob("*.csv") for cell in _text_cells(p)
           if cell.startswith(FORMULA_START)]
    assert not bad, bad[:8]
