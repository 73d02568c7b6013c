"""The evidence pack built from the sample (cut to the area around TI Uaçá, so the analysis is
quick): files, manifest, PDF numbers, verify, tampering."""
import json
import shutil
import zipfile

import pytest

from explorer.report import build_report, verify_pack
from explorer.report.formatting import format_area, format_value
from explorer.report.hashing import sha256_file
from explorer.report.sections.traces import TOP_ROWS

EXPECTED = ["report.pdf", "map.html", "map.kmz", "metrics.gpkg", "manifest.json",
            "overlaps.csv", "summary.csv", "proximity.csv"]


@pytest.fixture(scope="module")
def sample_copy(tmp_path_factory, sample_root):
    """A copy of sample_data in tmp (so tampering never touches the repository)."""
    folder = tmp_path_factory.mktemp("inputs") / "sample"
    shutil.copytree(sample_root, folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return folder


@pytest.fixture(scope="module")
def pack(tmp_path_factory, sample_copy, sample_loader, qapp_gui):
    """The pack built from the copied sample."""
    out = tmp_path_factory.mktemp("packs") / "pack"
    result = build_report(sample_loader(sample_copy), out_dir=out, lang="en",
                          command=["mining-explorer", "report", "--sample", "--out", str(out)])
    return result


def test_the_pack_holds_every_file(pack):
    names = {p.name for p in pack.out_dir.iterdir()}
    assert set(EXPECTED) <= names
    assert pack.zip_path == pack.out_dir.with_name("pack.zip") and pack.zip_path.is_file()
    with zipfile.ZipFile(pack.zip_path) as archive:
        entries = archive.namelist()
    assert all(name.startswith("pack/") and ".." not in name for name in entries)
    assert {f"pack/{n}" for n in EXPECTED} <= set(entries)


def test_manifest_records_hashes_versions_parameters_and_command(pack):
    manifest = json.loads((pack.out_dir / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["outputs"]:
        assert sha256_file(pack.out_dir / entry["path"]) == entry["sha256"]
    assert {e["path"].rsplit("/", 1)[-1] for e in manifest["inputs"]} >= {"concessions.gpkg", "basins.gpkg"}
    for key in ("Python", "Qt", "GEOS", "PROJ", "GDAL", "shapely", "geopandas", "pyproj", "rasterio", "folium",
                "numba"):
        assert manifest["software"][key]
    assert manifest["parameters"]["rings_km"] == [1.0, 5.0, 10.0, 25.0, 50.0]
    assert "WGS 84" in manifest["geodesy"]["ellipsoid"]
    assert manifest["command_line"].startswith("mining-explorer report --sample")
    assert manifest["created_utc"].endswith("+00:00")


def test_verify_passes_on_the_intact_pack(pack, sample_copy, sample_loader):
    report = verify_pack(pack.out_dir, sample_loader(sample_copy))
    assert report.ok, report.differences
    assert any(line.startswith("input ") for line in report.checked)


def test_the_pdf_holds_the_numbers_of_the_tables(pack, read_pdf_text):
    text = " ".join(read_pdf_text(pack.out_dir / "report.pdf").split())
    tables = pack.analysis.tables()
    overlaps = tables["overlaps"]
    areal = overlaps[overlaps["role"].isin(["indigenous_territory", "protected_area", "basin"])]
    assert len(areal) > 0
    cut = 0
    for _uid, group in areal.groupby("feature_uid"):  # each feature page: its largest overlaps
        top = group.sort_values("overlap_ha", ascending=False, kind="stable").head(TOP_ROWS)
        for row in top.to_dict("records"):
            assert format_value(row["overlap_ha"], "ha", "en") in text
            assert format_value(row["pct_of_concession"], "pct", "en") in text
        if len(group) > TOP_ROWS:  # and says how many are left out, and where they are
            cut += 1
            assert f"Showing the {TOP_ROWS} largest of {len(group)} rows" in text
    assert cut == 0 or "are in overlaps.csv and in the layer overlaps of metrics.gpkg" in text
    summary = tables["summary"]
    touched = summary[(summary["n_concessions"] > 0) & (summary["role"] != "river")]
    for row in touched.to_dict("records"):
        assert format_value(row["covered_ha"], "ha", "en") in text
        assert " ".join(format_area(row["feature_ha"], "en").split()) in text
    for heading in ("Summary of findings", "Method statement", "Data sources", "Caveats"):
        assert heading in text
    assert "Absence of data is not absence of land" in text


def test_sizes_are_within_budget(pack):
    assert (pack.out_dir / "report.pdf").stat().st_size < 10_000_000
    assert (pack.out_dir / "map.html").stat().st_size < 5_000_000


def test_one_changed_input_byte_makes_verify_fail(pack, sample_copy, sample_loader, tmp_path):
    layers = sample_loader(sample_copy)  # loaded before tampering, as a re-run would not be
    target = sample_copy / "villages.gpkg"
    original = target.read_bytes()
    try:
        data = bytearray(original)
        data[len(data) // 2] ^= 0x01
        target.write_bytes(bytes(data))
        report = verify_pack(pack.out_dir, layers)
        assert not report.ok
        assert any("villages.gpkg" in line for line in report.differences)
    finally:
        target.write_bytes(original)


def test_one_changed_output_byte_makes_verify_fail(pack, sample_copy, sample_loader, tmp_path):
    copy = tmp_path / "pack"
    shutil.copytree(pack.out_dir, copy)
    csv = copy / "summary.csv"
    csv.write_bytes(csv.read_bytes() + b" ")
    report = verify_pack(copy, sample_loader(sample_copy))
    assert not report.ok
    assert any("summary.csv" in line for line in report.differences)
