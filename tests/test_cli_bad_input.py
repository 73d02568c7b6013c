"""The real command line on malformed input: exit 2, a short message naming the file, no traceback.

Every case is built in ``tmp_path`` and given to ``mining-explorer analyze`` (and ``report``,
once it exists) in a subprocess, as a user would.  Repairable input (invalid bow-tie rings,
a latin-1 shapefile with no ``.cpg``) must succeed (exit 0) and say what was done.  Nothing may
be written outside ``--out`` and ``--out`` is created when missing.
"""
from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, Polygon, box

from tests.e2e_cli import has_command, run_cli, tree_snapshot

CRS = "EPSG:4326"


# --- builders: each writes one input into a folder and returns its path --------------------

def _frame(n=2, **cols) -> gpd.GeoDataFrame:
    geoms = [box(-51.0 + i * 0.02, 1.0, -50.99 + i * 0.02, 1.01) for i in range(n)]
    data = {"nome": [f"Titulo {i}" for i in range(n)], **cols}
    return gpd.GeoDataFrame(data, geometry=geoms, crs=CRS)


def protected_file(folder: Path) -> Path:
    """A valid protected-area layer that covers the test concessions."""
    path = folder / "parque.geojson"
    gpd.GeoDataFrame({"nome": ["Parque"]}, geometry=[box(-51.02, 0.98, -50.9, 1.03)],
                     crs=CRS).to_file(path)
    return path


def random_bytes(name):
    def build(d: Path) -> Path:
        path = d / name
        path.write_bytes(np.random.default_rng(7).bytes(4096))
        return path
    build.__name__ = f"random_{name}"
    return build


def text(name, body):
    def build(d: Path) -> Path:
        path = d / name
        path.write_text(body, encoding="utf-8")
        return path
    build.__name__ = f"text_{name}"
    return build


def zero_bytes(d: Path) -> Path:
    path = d / "vazio.gpkg"
    path.write_bytes(b"")
    return path


def truncated_gpkg(d: Path) -> Path:
    src = d / "src"
    src.mkdir()
    _frame(50).to_file(src / "full.gpkg")
    data = (src / "full.gpkg").read_bytes()
    path = d / "cortado.gpkg"
    path.write_bytes(data[: len(data) // 3])
    shutil.rmtree(src)
    return path


def shapefile_without(suffix):
    def build(d: Path) -> Path:
        path = d / "titulos.shp"
        _frame().to_file(path)
        path.with_suffix(suffix).unlink()
        return path
    build.__name__ = f"shapefile_without{suffix}"
    return build


def zip_of(name, entries):
    def build(d: Path) -> Path:
        path = d / name
        with zipfile.ZipFile(path, "w") as archive:
            for entry, data in entries.items():
                archive.writestr(entry, data)
        return path
    build.__name__ = f"zip_{name}"
    return build


def zip_with_shapefile_entry(name, prefix):
    """A zip holding a real shapefile whose entries are named ``prefix + titulos.*``."""
    def build(d: Path) -> Path:
        src = d / "src"
        src.mkdir()
        _frame().to_file(src / "titulos.shp")
        path = d / name
        with zipfile.ZipFile(path, "w") as archive:
            for part in sorted(src.iterdir()):
                archive.writestr(prefix + part.name, part.read_bytes())
        shutil.rmtree(src)
        return path
    build.__name__ = f"zip_{name}"
    return build


def mixed_points_polygons(d: Path) -> Path:
    path = d / "misturado.geojson"
    gpd.GeoDataFrame({"nome": ["p", "q", "a"]},
                     geometry=[Point(-51, 1), Point(-50.9, 1), box(-51, 1, -50.99, 1.01)],
                     crs=CRS).to_file(path)
    return path


def raster_without_georeference(d: Path) -> Path:
    import rasterio

    path = d / "sem_geo.tif"
    with rasterio.open(path, "w", driver="GTiff", width=8, height=8, count=1,
                       dtype="uint8") as dst:
        dst.write(np.ones((1, 8, 8), dtype="uint8"))
    return path


def a_directory(d: Path) -> Path:
    path = d / "pasta.gpkg"
    path.mkdir()
    return path


def missing(d: Path) -> Path:
    return d / "nao_existe.gpkg"


def only_empty_geometries(d: Path) -> Path:
    path = d / "vazias.gpkg"
    gpd.GeoDataFrame({"nome": ["a", "b"]}, geometry=[Polygon(), None], crs=CRS).to_file(path)
    return path


def bow_ties(d: Path) -> Path:
    """Every geometry is an invalid self-crossing 'bow-tie' ring: repairable."""
    path = d / "gravatas.geojson"
    ties = [Polygon([(-51 + i * .02, 1), (-50.99 + i * .02, 1.01), (-50.99 + i * .02, 1),
                     (-51 + i * .02, 1.01)]) for i in range(3)]
    assert not any(t.is_valid for t in ties)
    gpd.GeoDataFrame({"nome": ["a", "b", "c"]}, geometry=ties, crs=CRS).to_file(path)
    return path


def latin1_shapefile(d: Path) -> Path:
    """A shapefile with latin-1 attributes and no .cpg: decoded (and reported), not refused."""
    path = d / "acentos.shp"
    _frame().assign(nome=["São Félix", "Açaí"]).to_file(path, encoding="ISO-8859-1")
    cpg = path.with_suffix(".cpg")
    if cpg.exists():
        cpg.unlink()
    assert "São".encode("latin-1") in path.with_suffix(".dbf").read_bytes()
    return path


def unreadable(d: Path) -> Path:
    path = d / "fechado.geojson"
    _frame().to_file(path)
    path.chmod(0)
    return path


FEATURE_COLLECTION = '{"type": "FeatureCollection", "features": %s}'

#: (builder, expected exit code, option receiving the file)
CASES = [
    (zero_bytes, 2, "--concessions"),
    *[(random_bytes(f"lixo.{ext}"), 2, "--concessions")
      for ext in ("gpkg", "shp", "geojson", "kml", "kmz", "fgb", "parquet", "csv", "tif", "zip")],
    (random_bytes("lixo.geojson"), 2, "--protected"),
    (random_bytes("lixo.tif"), 2, "--raster"),
    (truncated_gpkg, 2, "--concessions"),
    (text("pagina.geojson", "<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>"),
     2, "--concessions"),
    (text("dados.geojson", '{"nome": "não é GeoJSON", "valores": [1, 2, 3]}'), 2, "--concessions"),
    (text("lista.json", "[1, 2, 3]"), 2, "--concessions"),
    (text("sem_features.geojson", FEATURE_COLLECTION % "[]"), 2, "--concessions"),
    (text("sem_features.geojson", FEATURE_COLLECTION % "[]"), 2, "--protected"),
    (shapefile_without(".prj"), 2, "--concessions"),
    (shapefile_without(".dbf"), 2, "--concessions"),
    (shapefile_without(".shx"), 2, "--concessions"),
    (zip_with_shapefile_entry("fuga.zip", "../"), 2, "--concessions"),
    (zip_with_shapefile_entry("absoluto.zip", "/tmp/"), 2, "--concessions"),
    (zip_of("leiame.zip", {"leiame.txt": b"nada aqui"}), 2, "--concessions"),
    (zip_of("sem_doc.kmz", {"imagens/foto.png": b"\x89PNG", "notas.txt": b"x"}),
     2, "--concessions"),
    (text("sem_coords.csv", "nome,valor\na,1\nb,2\n"), 2, "--concessions"),
    (text("texto.csv", "nome,lon,lat\na,oeste,norte\n"), 2, "--concessions"),
    (text("fora.csv", "nome,longitude,latitude\na,-51,95\n"), 2, "--concessions"),
    (mixed_points_polygons, 2, "--concessions"),
    (raster_without_georeference, 2, "--raster"),
    (a_directory, 2, "--concessions"),
    (missing, 2, "--concessions"),
    (missing, 2, "--protected"),
    (unreadable, 2, "--concessions"),
    (only_empty_geometries, 2, "--concessions"),
    (only_empty_geometries, 2, "--protected"),
    (bow_ties, 0, "--concessions"),
    (latin1_shapefile, 0, "--concessions"),
]


def _case_id(case):
    builder, code, option = case
    return f"{builder.__name__}-{option.strip('-')}"


def _command_line(command, option, bad: Path, good: Path, out: Path) -> list:
    args = [command]
    if option == "--concessions":
        args += ["--concessions", bad, "--protected", good]
    else:
        conc = good.parent / "titulos_ok.geojson"
        _frame().to_file(conc)
        args += ["--concessions", conc, "--protected", good, option, bad]
    return args + ["--out", out]


def _run_case(tmp_path, case, command):
    builder, expected, option = case
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    good = protected_file(inputs)
    bad = builder(inputs)
    if builder is unreadable and os.access(bad, os.R_OK):
        pytest.skip("running as root: a mode-000 file is still readable")
    out = tmp_path / "new" / "nested" / "out"
    args = _command_line(command, option, bad, good, out)
    before = tree_snapshot(tmp_path)
    proc = run_cli(args, cwd=tmp_path / "cwd")
    after = tree_snapshot(tmp_path)
    return proc, bad, out, before, after


def _check(proc, bad: Path, expected: int, out: Path, before, after, tmp_path):
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output, output
    assert proc.returncode == expected, output
    changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    outside = {k for k in changed if not (tmp_path / k).is_relative_to(out)}
    assert not outside, f"written outside --out: {sorted(outside)}"
    if expected == 2:
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        errors = [line for line in lines if not line.startswith("[")]  # progress lines
        assert 1 <= len(errors) <= 3, proc.stderr
        assert all(len(line) < 400 for line in errors), proc.stderr
        assert bad.name in proc.stderr, f"message does not name {bad.name}: {proc.stderr}"
    else:
        assert out.is_dir(), "--out was not created"
        assert (out / "overlaps.csv").exists()


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_analyze_bad_input(tmp_path, case):
    """``analyze`` on each malformed input: exit code, one short line naming the file."""
    proc, bad, out, before, after = _run_case(tmp_path, case, "analyze")
    _check(proc, bad, case[1], out, before, after, tmp_path)


def test_bow_ties_repaired(tmp_path):
    """Invalid bow-tie rings are repaired: each becomes two triangles, half its bounding box."""
    from tests.analysis.reference import geodesic_area_ha

    proc, bad, out, *_ = _run_case(tmp_path, (bow_ties, 0, "--concessions"), "analyze")
    assert proc.returncode == 0, proc.stderr
    overlaps = pd.read_csv(out / "overlaps.csv")
    assert len(overlaps) == 3
    half_box = geodesic_area_ha(box(-51, 1, -50.99, 1.01)) / 2
    assert overlaps["overlap_ha"].to_numpy() == pytest.approx(half_box, rel=1e-3)


def test_bow_ties_repair_reported(tmp_path):
    """The repair is reported to the CLI user (stderr or an output table)."""
    proc, bad, out, *_ = _run_case(tmp_path, (bow_ties, 0, "--concessions"), "analyze")
    assert proc.returncode == 0, proc.stderr
    texts = [proc.stderr] + [p.read_text(errors="replace") for p in out.glob("*.csv")]
    assert any("make_valid" in t or "repair" in t.lower() for t in texts), proc.stderr[-500:]


def test_latin1_names_decoded(tmp_path):
    """A latin-1 shapefile without .cpg: the accented names arrive intact in the tables."""
    proc, bad, out, *_ = _run_case(tmp_path, (latin1_shapefile, 0, "--concessions"), "analyze")
    assert proc.returncode == 0, proc.stderr
    overlaps = pd.read_csv(out / "overlaps.csv", encoding="utf-8")
    assert {"São Félix", "Açaí"} <= set(overlaps["concession_name"]), overlaps.to_string()


def test_out_is_created_and_nothing_written_elsewhere(tmp_path):
    """A good run writes only inside --out, creating the missing parents."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    good = protected_file(inputs)
    conc = inputs / "titulos.geojson"
    _frame().to_file(conc)
    out = tmp_path / "a" / "b" / "out"
    before = tree_snapshot(tmp_path)
    proc = run_cli(["analyze", "--concessions", conc, "--protected", good, "--out", out],
                   cwd=tmp_path / "cwd")
    after = tree_snapshot(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    new = {k for k in after if k not in before}
    assert new and all((tmp_path / k).is_relative_to(out) for k in new), sorted(new)
    assert all(before[k] == after.get(k) for k in before), "an input was modified"


def test_out_is_a_file_is_bad_input(tmp_path):
    """--out pointing at an existing file: exit 2 naming it, no traceback, file untouched."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    good = protected_file(inputs)
    conc = inputs / "titulos.geojson"
    _frame().to_file(conc)
    out = tmp_path / "ocupado.txt"
    out.write_text("keep me")
    proc = run_cli(["analyze", "--concessions", conc, "--protected", good, "--out", out],
                   cwd=tmp_path / "cwd")
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode in (1, 2), proc.stderr
    assert "ocupado.txt" in proc.stderr
    assert out.read_text() == "keep me"


REPORT_CASES = [c for c in CASES if c[2] in ("--concessions", "--protected")]


@pytest.mark.parametrize("case", REPORT_CASES, ids=_case_id)
def test_report_bad_input(tmp_path, case):
    """``report`` takes the same inputs as ``analyze`` and fails (or succeeds) the same way."""
    if not has_command("report"):
        pytest.skip("`mining-explorer report` is not on this checkout yet")
    proc, bad, out, before, after = _run_case(tmp_path, case, "report")
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output, output
    assert proc.returncode == case[1], output
    changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    zipped = out.with_name(out.name + ".zip")  # DIR.zip is written beside DIR by design
    outside = {k for k in changed
               if not (tmp_path / k).is_relative_to(out) and tmp_path / k != zipped}
    assert not outside, f"written outside --out: {sorted(outside)}"
    if case[1] == 2:
        assert bad.name in proc.stderr, proc.stderr
        assert len([x for x in proc.stderr.splitlines() if x.strip() and x[0] != "["]) <= 3



def _good_pair(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir(exist_ok=True)
    conc = inputs / "titulos.geojson"
    _frame().to_file(conc)
    return inputs, conc, protected_file(inputs)


def _georeferenced_tif(folder: Path) -> Path:
    import rasterio
    from rasterio.transform import from_bounds

    path = folder / "elevacao.tif"
    with rasterio.open(path, "w", driver="GTiff", width=8, height=8, count=1, dtype="uint8",
                       crs=CRS, transform=from_bounds(-51.1, 0.9, -50.8, 1.1, 8, 8)) as dst:
        dst.write(np.arange(64, dtype="uint8").reshape(1, 8, 8))
    return path


WRONG_KIND = ["raster_as_concessions", "vector_as_raster"]


@pytest.mark.parametrize("kind", WRONG_KIND)
def test_wrong_kind_of_layer_is_bad_input(tmp_path, kind):
    """A raster where a vector layer is expected, or the reverse, is bad input (exit 2)."""
    inputs, conc, park = _good_pair(tmp_path)
    tif = _georeferenced_tif(inputs)
    if kind == "raster_as_concessions":
        args, named = ["--concessions", tif, "--protected", park], tif.name
    else:
        args, named = ["--concessions", conc, "--protected", park, "--raster", park], park.name
    proc = run_cli(["analyze", *args, "--out", tmp_path / "out"], cwd=tmp_path / "cwd")
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode == 2, proc.stderr[-400:]
    assert named in proc.stderr


BAD_OPTIONS = [
    pytest.param(["--rings", "0,5"], id="zero-ring"),
    pytest.param(["--rings", "a,b"], id="text-rings"),
    pytest.param(["--rings", "nan,5"], id="nan-ring"),
    pytest.param(["--rings", "inf"], id="inf-ring"),
    pytest.param(["--reach-km", "-5"], id="negative-reach"),
]


@pytest.mark.parametrize("extra", BAD_OPTIONS)
def test_bad_option_values_exit_2(tmp_path, extra):
    """Nonsense option values are usage errors: exit 2, no traceback."""
    inputs, conc, park = _good_pair(tmp_path)
    proc = run_cli(["analyze", "--concessions", conc, "--protected", park, *extra,
                    "--out", tmp_path / "out"], cwd=tmp_path / "cwd")
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode == 2, proc.stderr[-400:]


def test_unmapped_basins_message_names_file(tmp_path):
    """Bad basin layer: the one-line message names the file."""
    inputs, conc, park = _good_pair(tmp_path)
    proc = run_cli(["analyze", "--concessions", conc, "--basins", park,
                    "--out", tmp_path / "out"], cwd=tmp_path / "cwd")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert park.name in proc.stderr, proc.stderr
