"""``analyze`` on awkward but legitimate inputs, as a hostile tester would feed it.

Each case is a tiny in-code fixture with a CRS; numbers are checked against answers computed
independently of the engine (pyproj.Geod on geometry densified along its geodesic edges,
:mod:`tests.analysis.reference`).
"""
import csv
import sys
import zipfile

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import Point, box

sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/analysis")
from explorer.cli import main  # noqa: E402
from tests.analysis.reference import densify, geodesic_area_ha, min_distance_m  # noqa: E402
from tests.cli_inputs import PARK, TITLE  # noqa: E402
from tests.cli_inputs import analyze as _analyze  # noqa: E402
from tests.cli_inputs import error_lines as _error_lines  # noqa: E402
from tests.cli_inputs import write_layer as _write  # noqa: E402

REF_HA = geodesic_area_ha(densify(TITLE).intersection(densify(PARK)))


def _park(tmp_path, names=("Parque",), geoms=(PARK,), ids=None, name="parque.geojson"):
    cols = {"nome": list(names)}
    if ids is not None:
        cols["id"] = list(ids)
    return _write(gpd.GeoDataFrame(cols, geometry=list(geoms), crs=4326), tmp_path / name)


def test_projected_concessions_with_geographic_features(tmp_path):
    """Concessions in UTM 22N (EPSG:32622), parks in lon/lat: the overlap is the geodesic one."""
    conc = _write(gpd.GeoDataFrame({"nome": ["T"]}, geometry=[TITLE], crs=4326).to_crs(32622),
                  tmp_path / "titulos.gpkg")
    code, out = _analyze(tmp_path, "--concessions", conc, "--protected", _park(tmp_path))
    assert code == 0
    row = pd.read_csv(out / "overlaps.csv").iloc[0]
    # the reprojected title has straight UTM edges: the reference reprojects the same vertices
    back = gpd.read_file(conc).to_crs(4326).geometry.iloc[0]
    assert row["overlap_ha"] == pytest.approx(
        geodesic_area_ha(densify(back).intersection(densify(PARK))), rel=1e-4)
    assert row["overlap_ha"] == pytest.approx(REF_HA, rel=1e-3)


def test_concessions_from_a_lon_lat_csv(tmp_path):
    """A CSV of points (lon/lat columns) as --concessions: the point in the park is contained,
    the one outside gets its geodesic distance."""
    path = tmp_path / "pontos.csv"
    path.write_text("id,nome,lon,lat\nP1,Dentro,-50.95,1.0\nP2,Fora,-51.2,1.0\n", encoding="utf-8")
    code, out = _analyze(tmp_path, "--concessions", path, "--protected", _park(tmp_path))
    assert code == 0
    prox = pd.read_csv(out / "proximity.csv").set_index("concession_id")
    assert prox.loc["P1", "distance_m"] == 0
    expected = min_distance_m(Point(-51.2, 1.0), PARK)
    assert prox.loc["P2", "distance_m"] == pytest.approx(expected, rel=1e-4)
    overlaps = pd.read_csv(out / "overlaps.csv")
    assert list(overlaps["concession_id"]) == ["P1"] and bool(overlaps["contained"].iloc[0])


def test_duplicate_feature_ids_are_kept_apart(tmp_path):
    """Two parks sharing id 7: both reported, with distinct feature_uid, right areas."""
    other = box(-51.01, 1.015, -50.995, 1.03)
    park = _park(tmp_path, names=["A", "B"], geoms=[PARK, other], ids=[7, 7])
    conc = _write(gpd.GeoDataFrame({"nome": ["T"]}, geometry=[TITLE], crs=4326),
                  tmp_path / "t.geojson")
    code, out = _analyze(tmp_path, "--concessions", conc, "--protected", park)
    assert code == 0
    overlaps = pd.read_csv(out / "overlaps.csv").set_index("feature_name")
    assert overlaps["feature_uid"].is_unique and set(overlaps["feature_id"]) == {7}
    assert overlaps.loc["A", "overlap_ha"] == pytest.approx(REF_HA, rel=1e-4)
    ref_b = geodesic_area_ha(densify(TITLE).intersection(densify(other)))
    assert overlaps.loc["B", "overlap_ha"] == pytest.approx(ref_b, rel=1e-4)
    summary = pd.read_csv(out / "summary.csv")
    assert len(summary) == 2 and summary["feature_uid"].is_unique


def test_null_and_empty_names_stay_empty(tmp_path):
    """NULL and empty names: empty cells, never the text 'None' or 'nan'."""
    conc = _write(gpd.GeoDataFrame({"nome": [None, ""]}, geometry=[TITLE, TITLE.buffer(-0.001)],
                                   crs=4326), tmp_path / "t.gpkg")
    park = _park(tmp_path, names=[None])
    code, out = _analyze(tmp_path, "--concessions", conc, "--protected", park)
    assert code == 0
    for path in out.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        assert ",None," not in text and ",nan," not in text, path.name
    overlaps = pd.read_csv(out / "overlaps.csv", keep_default_na=False)
    assert set(overlaps["concession_name"]) == {""} and set(overlaps["feature_name"]) == {""}


NAMES = ["São Félix do Xingu", "Terra Indígena Uaçá", "Ñandú", "Île-de-Cayenne", "北京"]


def test_non_ascii_names_round_trip(tmp_path):
    """Accented and CJK names arrive intact in the CSVs (UTF-8) and in metrics.gpkg."""
    geoms = [box(-50.98 + i * 0.004, 1.0, -50.977 + i * 0.004, 1.003) for i in range(len(NAMES))]
    conc = _write(gpd.GeoDataFrame({"nome": NAMES}, geometry=geoms, crs=4326),
                  tmp_path / "títulos.geojson")
    park = _park(tmp_path, names=["Floresta Nacional do Amapá — área"], name="área.geojson")
    code, out = _analyze(tmp_path, "--concessions", conc, "--protected", park)
    assert code == 0
    with open(out / "overlaps.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["concession_name"] for r in rows} == set(NAMES)
    assert {r["feature_name"] for r in rows} == {"Floresta Nacional do Amapá — área"}
    raw = gpd.read_file(out / "metrics.gpkg", layer="overlaps")
    assert set(raw["concession_name"]) == set(NAMES)


def test_rings_unsorted_with_duplicates(tmp_path):
    """--rings 10,1,5,1: one column per distinct ring, in increasing order."""
    conc = _write(gpd.GeoDataFrame({"nome": ["T"]}, geometry=[TITLE], crs=4326),
                  tmp_path / "t.geojson")
    far = box(-50.9, 1.0, -50.85, 1.02)
    code, out = _analyze(tmp_path, "--concessions", conc, "--protected",
                         _park(tmp_path, geoms=[far]), "--rings", "10,1,5,1")
    assert code == 0
    prox = pd.read_csv(out / "proximity.csv")
    rings = [c for c in prox.columns if c.startswith("within_")]
    assert rings == ["within_1km", "within_5km", "within_10km"]
    distance = min_distance_m(densify(TITLE), densify(far))
    assert prox["distance_m"].iloc[0] == pytest.approx(distance, rel=1e-4)
    assert list(prox.iloc[0][rings]) == [distance <= 1e3, distance <= 5e3, distance <= 1e4]


def test_out_is_an_existing_file_exit_2(tmp_path, capsys):
    """--out naming an existing file: exit 2, one line naming it, the file untouched."""
    conc = _write(gpd.GeoDataFrame({"nome": ["T"]}, geometry=[TITLE], crs=4326),
                  tmp_path / "t.geojson")
    target = tmp_path / "resultado.csv"
    target.write_text("keep")
    code, _ = _analyze(tmp_path, "--concessions", conc, out=target)
    err = _error_lines(capsys)
    assert code == 2 and len(err) == 1 and "resultado.csv" in err[0]
    assert target.read_text() == "keep"


def test_out_below_an_existing_file_exit_2(tmp_path, capsys):
    """--out inside a path whose parent is a file: exit 2 naming that file."""
    conc = _write(gpd.GeoDataFrame({"nome": ["T"]}, geometry=[TITLE], crs=4326),
                  tmp_path / "t.geojson")
    blocker = tmp_path / "bloqueio"
    blocker.write_text("x")
    code, _ = _analyze(tmp_path, "--concessions", conc, out=blocker / "out")
    err = _error_lines(capsys)
    assert code == 2 and len(err) == 1 and "bloqueio" in err[0]


def test_geopackage_with_several_layers(tmp_path):
    """A GeoPackage holding two layers: the choice is reported in repairs.csv."""
    gpkg = tmp_path / "varias.gpkg"
    gpd.GeoDataFrame({"nome": ["P"]}, geometry=[PARK], crs=4326).to_file(gpkg, layer="parques")
    gpd.GeoDataFrame({"nome": ["X"]}, geometry=[box(10, 10, 11, 11)], crs=4326).to_file(
        gpkg, layer="outros")
    conc = _write(gpd.GeoDataFrame({"nome": ["T"]}, geometry=[TITLE], crs=4326),
                  tmp_path / "t.geojson")
    code, out = _analyze(tmp_path, "--concessions", conc, "--protected", gpkg)
    assert code == 0
    repairs = pd.read_csv(out / "repairs.csv")
    assert "choose_layer" in set(repairs["repair"])


def test_geopackage_layer_named_with_double_colon(tmp_path):
    """``FILE.gpkg::layer`` reads that layer of a multi-layer GeoPackage."""
    gpkg = tmp_path / "varias.gpkg"
    gpd.GeoDataFrame({"nome": ["X"]}, geometry=[box(10, 10, 11, 11)], crs=4326).to_file(
        gpkg, layer="outros")
    gpd.GeoDataFrame({"nome": ["P"]}, geometry=[PARK], crs=4326).to_file(gpkg, layer="parques")
    conc = _write(gpd.GeoDataFrame({"nome": ["T"]}, geometry=[TITLE], crs=4326),
                  tmp_path / "t.geojson")
    code, out = _analyze(tmp_path, "--concessions", conc, "--protected", f"{gpkg}::parques")
    assert code == 0
    overlaps = pd.read_csv(out / "overlaps.csv")
    assert list(overlaps["feature_name"]) == ["P"]
    assert overlaps["overlap_ha"].iloc[0] == pytest.approx(REF_HA, rel=1e-4)


def test_missing_layer_in_geopackage_exit_2(tmp_path, capsys):
    """``FILE.gpkg::nope``: exit 2 naming the file."""
    gpkg = _write(gpd.GeoDataFrame({"nome": ["P"]}, geometry=[PARK], crs=4326),
                  tmp_path / "um.gpkg", layer="parques")
    code, _ = _analyze(tmp_path, "--concessions", f"{gpkg}::nope")
    err = _error_lines(capsys)
    assert code == 2 and len(err) == 1 and "um.gpkg" in err[0]


def test_kmz_concessions(tmp_path):
    """Concessions in a KMZ (zipped KML): read, and the overlap is the geodesic one."""
    kml = tmp_path / "doc.kml"
    gpd.GeoDataFrame({"Name": ["Título KMZ"]}, geometry=[TITLE], crs=4326).to_file(
        kml, driver="KML")
    kmz = tmp_path / "titulos.kmz"
    with zipfile.ZipFile(kmz, "w") as archive:
        archive.write(kml, "doc.kml")
    code, out = _analyze(tmp_path, "--concessions", kmz, "--protected", _park(tmp_path))
    assert code == 0
    row = pd.read_csv(out / "overlaps.csv").iloc[0]
    assert row["concession_name"] == "Título KMZ"
    assert row["overlap_ha"] == pytest.approx(REF_HA, rel=1e-4)


def test_repairs_table_lists_each_repair(tmp_path, capsys):
    """A bow-tie and an empty geometry: repairs.csv, metrics.gpkg and stderr say so."""
    bow = shapely.Polygon([(-51, 1), (-50.99, 1.01), (-50.99, 1), (-51, 1.01)])
    frame = gpd.GeoDataFrame({"nome": ["bow", "empty", "ok"]},
                             geometry=[bow, shapely.Polygon(), TITLE], crs=4326)
    conc = _write(frame, tmp_path / "t.gpkg")
    code, out = _analyze(tmp_path, "--concessions", conc, "--protected", _park(tmp_path))
    assert code == 0
    repairs = pd.read_csv(out / "repairs.csv")
    assert {"make_valid"} <= set(repairs["repair"])
    assert (repairs["file"].str.endswith("t.gpkg")).all() and (repairs["count"] >= 1).all()
    assert "make_valid" in capsys.readouterr().err
    assert len(gpd.read_file(out / "metrics.gpkg", layer="repairs")) == len(repairs)


def test_negative_numbers_stay_numbers_in_csv(tmp_path):
    """Formula neutralisation touches text only: numeric columns read back as numbers, and a
    text id that is just a negative number is left as it is."""
    conc = _write(gpd.GeoDataFrame({"id": ["-12"], "nome": ["-2+3"]}, geometry=[TITLE],
                                   crs=4326), tmp_path / "t.geojson")
    code, out = _analyze(tmp_path, "--concessions", conc, "--protected", _park(tmp_path))
    assert code == 0
    overlaps = pd.read_csv(out / "overlaps.csv")
    assert overlaps["concession_id"].iloc[0] == -12
    assert overlaps["concession_name"].iloc[0] == "'-2+3"
    assert np.issubdtype(overlaps["overlap_ha"].dtype, np.floating)


def test_two_concession_files_are_both_analysed(tmp_path):
    """--concessions given twice: the titles of both files are measured (not just the last)."""
    a = _write(gpd.GeoDataFrame({"nome": ["A"]}, geometry=[TITLE], crs=4326), tmp_path / "a.geojson")
    b = _write(gpd.GeoDataFrame({"nome": ["B"]}, geometry=[TITLE], crs=4326), tmp_path / "b.geojson")
    code, out = _analyze(tmp_path, "--concessions", a, "--concessions", b,
                         "--protected", _park(tmp_path))
    assert code == 0
    overlaps = pd.read_csv(out / "overlaps.csv")
    assert sorted(overlaps["concession_name"]) == ["A", "B"]
    assert overlaps["overlap_ha"].to_numpy() == pytest.approx([REF_HA, REF_HA], rel=1e-4)
    summary = pd.read_csv(out / "summary.csv").iloc[0]  # the two identical titles dissolved
    assert summary["covered_ha"] == pytest.approx(REF_HA, rel=1e-4)
    assert summary["n_concessions"] == 2


def test_basins_twice_is_a_usage_error(tmp_path, capsys):
    """Only one basin layer is used: a second --basins is refused (exit 2), not ignored."""
    a = _write(gpd.GeoDataFrame({"nome": ["A"]}, geometry=[TITLE], crs=4326), tmp_path / "a.geojson")
    with pytest.raises(SystemExit) as stop:
        main(["analyze", "--concessions", str(a), "--basins", str(a), "--basins", str(a),
              "--out", str(tmp_path / "o")])
    assert stop.value.code == 2 and "--basins" in capsys.readouterr().err
