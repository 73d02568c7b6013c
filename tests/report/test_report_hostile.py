"""Hostile attribute text stays text in the HTML map, the KML and the PDF of a whole pack."""
import zipfile

import pytest

from explorer.report import build_report

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def pack(tmp_path_factory, qapp_gui, hostile_factory):
    out = tmp_path_factory.mktemp("hostile") / "pack"
    return build_report(hostile_factory(), out_dir=out, focus=("C1",), title="Report " + SCRIPT)


def test_html_has_no_live_markup_from_attributes(pack):
    page = (pack.out_dir / "map.html").read_text(encoding="utf-8")
    assert SCRIPT not in page and IMG not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.replace("\\u0026", "&")


def test_kml_escapes_names_and_descriptions(pack):
    with zipfile.ZipFile(pack.out_dir / "map.kmz") as archive:
        assert archive.namelist() == ["doc.kml"]
        kml = archive.read("doc.kml").decode("utf-8")
    assert SCRIPT not in kml and "<img" not in kml
    assert "<name>&lt;script&gt;alert(1)&lt;/script&gt;</name>" in kml
    assert "&amp;lt;script&amp;gt;" in kml  # descriptions are HTML: escaped twice in the file
    assert "<text>$[description]</text>" in kml


def test_pdf_draws_hostile_text_literally(pack, read_pdf_text):
    text = read_pdf_text(pack.out_dir / "report.pdf")
    assert SCRIPT in text
    assert "onerror=alert(1)>" in text
    assert "Mining title C1" in text  # the focus page


def test_output_paths_do_not_come_from_attributes(pack):
    names = sorted(p.name for p in pack.out_dir.iterdir())
    assert all("<" not in n and "alert" not in n for n in names)
    tables = [f"{t}.csv" for t in pack.analysis.tables()]
    assert {"overlaps.csv", "summary.csv", "proximity.csv"} <= set(tables)
    assert names == sorted(["report.pdf", "map.html", "map.kmz", "metrics.gpkg", "manifest.json", *tables])
