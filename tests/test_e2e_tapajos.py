"""End to end on the upper-Tapajós evaluation region (``../shared/data/tapajos``).

The real command line is run on a real mining footprint: Amazon Mining Watch detections of
2019 (as the "concessions"), the AMW Indigenous territories, the ICMBio strict-protection units
and the CNUC APA do Tapajós (``--protected`` twice) and the Itaituba elevation raster.  The
whole box is used (1836 detections), with one proximity ring (``--rings 5``) to keep the run
short; overlaps do not depend on the rings.

Every number is compared with an independent computation that shares no code with the engine
(see tests/analysis/reference.py, GeographicLib through pyproj.Geod):

- edges are geodesics (the engine's convention, as PostGIS ``geography``): features and
  detections are densified along geodesics every 100 m *before* any clipping or intersection,
  then intersected by shapely in lon/lat and measured with ``Geod.geometry_area_perimeter``;
  invalid detections are repaired with ``shapely.make_valid`` first;
- the per-feature totals dissolve the detections (``unary_union``) before intersecting;
- SOURCES.md "Checks" (areas computed in EPSG:5880 by the data curator, rounded to the hectare)
  must agree within 1 % (or 0.5 ha, the rounding); the table is printed;
- the figures a straight-lon/lat-edge tool (QGIS-style) would give are printed for comparison.

Elevation statistics are checked in a second, small run (a project file, because the raster is
8-bit and integer rasters are read as class maps unless the project says otherwise) against
``rasterio.mask`` with the pixel-centre rule.
"""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import box

from tests.analysis.reference import densify, geodesic_area_ha
from tests.e2e_cli import SHARED_DATA, run_cli

TAPAJOS = SHARED_DATA / "tapajos"
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not TAPAJOS.is_dir(), reason="../shared/data/tapajos is absent"),
]

DETECTIONS = "amw_mining_detections_2019diff_tapajos.geojson"
TERRITORIES = "amw_indigenous_territories_mining_impacts_tapajos.geojson"
ICMBIO = "icmbio_uc_federal_pi_2019_tapajos.gpkg"
CNUC = "cnuc_mma_apa_tapajos_and_neighbours.gpkg"
ELEVATION = "terrame_itaituba_elevation.tif"
#: layer name (the prefix of feature_uid) -> (file, name column)
FEATURE_SOURCES = {
    "amw_indigenous_territories_mining_impacts_tapajos": (TERRITORIES, "name_field"),
    "uc_federal_pi_2019": (ICMBIO, "nome"),
    "cnuc": (CNUC, "nome_uc"),
}
#: SOURCES.md, "Checks run (areas in EPSG:5880)", 2019 new detections, ha
SOURCES_CHECKS = {
    "Munduruku": 9657, "Baú": 270, "Sawré Muybu (Pimental)": 54, "Kuruáya": 34,
    "Sai-Cinza": 27, "PARQUE NACIONAL DO JAMANXIM": 1541, "PARQUE NACIONAL DO RIO NOVO": 894,
    "PARQUE NACIONAL DO JURUENA": 403, "ESTAÇÃO ECOLÓGICA ALTO MAUÉS": 270,
    "RESERVA BIOLÓGICA NASCENTES DA SERRA DO CACHIMBO": 47,
    "ÁREA DE PROTEÇÃO AMBIENTAL DO TAPAJÓS": 33773,
}
REL = 1e-4  # 0.01 %
SPACING_M = 100.0


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """One ``analyze`` run on the whole region; returns the output folder."""
    base = tmp_path_factory.mktemp("tapajos")
    out = base / "out"
    args = ["analyze", "--concessions", TAPAJOS / DETECTIONS,
            "--indigenous", TAPAJOS / TERRITORIES,
            "--protected", TAPAJOS / ICMBIO, "--protected", TAPAJOS / CNUC,
            "--raster", TAPAJOS / ELEVATION, "--rings", "5", "--out", out]
    proc = run_cli(args, cwd=base / "cwd", timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="module")
def detections() -> gpd.GeoSeries:
    """The detections in lon/lat, repaired, densified along geodesics (index = row number)."""
    frame = gpd.read_file(TAPAJOS / DETECTIONS).to_crs(4326)
    repaired = shapely.make_valid(frame.geometry.values)
    return gpd.GeoSeries([densify(g, SPACING_M) for g in repaired], crs=4326)


@pytest.fixture(scope="module")
def features() -> dict[tuple[str, str], object]:
    """(layer name, feature name) -> feature geometry in lon/lat, densified along geodesics."""
    out = {}
    for layer, (file, name_col) in FEATURE_SOURCES.items():
        frame = gpd.read_file(TAPAJOS / file).to_crs(4326)
        for name, geom in zip(frame[name_col], frame.geometry):
            out[(layer, name)] = densify(geom, SPACING_M)
    return out


def _clipped(feature, around, margin=0.01):
    minx, miny, maxx, maxy = around.bounds
    return shapely.clip_by_rect(feature, minx - margin, miny - margin, maxx + margin,
                                maxy + margin)


def _overlap_ha(a, feature) -> float:
    return geodesic_area_ha(shapely.intersection(a, _clipped(feature, a)), spacing_m=None)


@pytest.fixture(scope="module")
def tables(run):
    return {name: pd.read_csv(run / f"{name}.csv", dtype={"feature_id": str})
            for name in ("overlaps", "summary", "raster_stats")}


def _feature_key(row):
    return row["feature_uid"].split(":", 1)[0], row["feature_name"]


def test_every_overlap_matches_independent_geodesic_area(tables, detections, features):
    """overlap_ha of each (detection, feature) pair within 0.01 % of the reference."""
    overlaps = tables["overlaps"]
    assert len(overlaps) > 1000
    ref = np.array([_overlap_ha(detections.iloc[int(row.concession_id)],
                                features[_feature_key(row._asdict())])
                    for row in overlaps.itertuples()])
    got = overlaps["overlap_ha"].to_numpy()
    rel = np.abs(got - ref) / np.maximum(ref, 1e-9)
    worst = overlaps.assign(ref_ha=ref, rel=rel).nlargest(5, "rel")
    print("\nworst overlap pairs:\n" + worst[["concession_id", "feature_name", "overlap_ha",
                                                "ref_ha", "rel"]].to_string())
    assert (rel <= REL).all(), worst.to_string()


def test_concession_areas_match(tables, detections):
    """The detection area implied by pct_of_concession matches the reference (0.01 %)."""
    overlaps = tables["overlaps"]
    rows = overlaps[overlaps["pct_of_concession"] > 1]
    implied = rows["overlap_ha"] / rows["pct_of_concession"] * 100
    ref = rows["concession_id"].astype(int).map(
        lambda i: geodesic_area_ha(detections.iloc[i], spacing_m=None))
    assert np.allclose(implied, ref, rtol=REL)


def _covered_ha(detections, feature) -> float:
    """Area of the feature covered by the dissolved detections (unary_union first)."""
    hits = detections[detections.intersects(feature)]
    if hits.empty:
        return 0.0
    union = shapely.union_all(hits.values)
    return geodesic_area_ha(shapely.intersection(union, _clipped(feature, union)), None)


@pytest.fixture(scope="module")
def covered(tables, detections, features):
    """Independent covered_ha per feature, keyed like ``features``."""
    return {key: _covered_ha(detections, geom) for key, geom in features.items()}


def test_covered_per_feature_matches_dissolved_reference(tables, covered):
    """summary.covered_ha (detections dissolved) within 0.01 % of the reference union."""
    summary = tables["summary"]
    rows = []
    for row in summary.to_dict("records"):
        ref = covered[_feature_key(row)]
        rows.append((row["feature_name"], row["covered_ha"], ref))
    table = pd.DataFrame(rows, columns=["feature", "engine_ha", "reference_ha"])
    print("\n" + table.to_string())
    assert len(table) == len(covered)
    for _, r in table.iterrows():
        assert r.engine_ha == pytest.approx(r.reference_ha, rel=REL, abs=1e-6), r.feature


def test_covered_matches_sources_checks(tables):
    """SOURCES.md's EPSG:5880 figures agree within 1 % (or the 0.5 ha of their rounding)."""
    summary = tables["summary"]
    rows = []
    for name, expected in SOURCES_CHECKS.items():
        got = summary.loc[summary["feature_name"] == name, "covered_ha"]
        assert len(got) == 1, f"{name} not (or twice) in summary.csv"
        got = float(got.iloc[0])
        rows.append((name, expected, round(got, 2), round(100 * (got - expected) / expected, 3)))
    table = pd.DataFrame(rows, columns=["feature", "SOURCES.md ha", "engine ha", "diff %"])
    print("\nSOURCES.md checks (2019 detections):\n" + table.to_string(index=False))
    for name, expected, got, _ in rows:
        assert abs(got - expected) <= max(0.01 * expected, 0.5), name


def test_straight_edge_figures_for_comparison(tables, detections):
    """Print what a straight-lon/lat-edge tool would give (segmentize 0.001°); totals < 1 %."""
    rows = []
    summary = tables["summary"]
    raw = gpd.read_file(TAPAJOS / DETECTIONS).to_crs(4326)
    raw_geoms = gpd.GeoSeries(shapely.make_valid(raw.geometry.values), crs=4326)
    for layer, (file, name_col) in FEATURE_SOURCES.items():
        frame = gpd.read_file(TAPAJOS / file).to_crs(4326)
        for name, geom in zip(frame[name_col], frame.geometry):
            if name not in SOURCES_CHECKS:
                continue
            hits = raw_geoms[raw_geoms.intersects(geom)]
            inter = shapely.intersection(shapely.union_all(hits.values), geom)
            straight = geodesic_area_ha(shapely.segmentize(inter, 0.001), spacing_m=None)
            got = float(summary.loc[summary["feature_name"] == name, "covered_ha"].iloc[0])
            rows.append((name, round(got, 2), round(straight, 2),
                         round(100 * (got - straight) / straight, 4)))
    table = pd.DataFrame(rows, columns=["feature", "engine ha", "straight-edge ha", "diff %"])
    print("\nengine (geodesic edges) vs straight lon/lat edges:\n" + table.to_string(index=False))
    assert (table["diff %"].abs() < 1).all()


# --- elevation ---------------------------------------------------------------------------------

#: zones inside the raster's extent (lon -56.576..-55.194, lat -4.660..-3.756)
ZONES = {
    "Itaituba box": box(-56.1, -4.4, -55.8, -4.1),
    "small box": box(-55.62, -4.25, -55.55, -4.18),
    "triangle": shapely.Polygon([(-56.4, -4.5), (-55.9, -4.55), (-56.2, -3.9)]),
}


def _project_with_continuous_raster(folder):
    from layers.project import LayerRef, Project, save_project
    from layers.roles import Role

    zones = folder / "zones.geojson"
    gpd.GeoDataFrame({"nome": list(ZONES)}, geometry=list(ZONES.values()),
                     crs=4326).to_file(zones)
    project = Project(title="Tapajós elevation")
    project.add_layer(LayerRef(path=str(zones), name="zones", role=Role.CONCESSION))
    project.add_layer(LayerRef(path=str(TAPAJOS / ELEVATION), name="elevation",
                               role=Role.RASTER, kind="raster", categorical=False))
    return save_project(project, folder / "elevation.mexp.json")


def _reference_stats(geom):
    import rasterio
    from rasterio.mask import mask

    with rasterio.open(TAPAJOS / ELEVATION) as src:
        shape = gpd.GeoSeries([densify(geom, SPACING_M)], crs=4326).to_crs(src.crs).iloc[0]
        data, _ = mask(src, [shape], crop=True, all_touched=False, filled=False)
    values = data[0].compressed().astype(float)
    return values.min(), values.mean(), values.max(), values.size


def test_elevation_stats_match_rasterio_mask(tmp_path):
    """min/mean/max of the elevation inside each zone: the pixel-centre rule, as rasterio."""
    project = _project_with_continuous_raster(tmp_path)
    out = tmp_path / "out"
    proc = run_cli(["analyze", "--project", project, "--rings", "1", "--out", out],
                   cwd=tmp_path / "cwd")
    assert proc.returncode == 0, proc.stderr[-1500:]
    stats = pd.read_csv(out / "raster_stats.csv")
    own = stats[stats["zone_type"] == "concession"]
    assert set(own["zone_name"]) == set(ZONES), stats.head().to_string()
    rows = []
    for name, geom in ZONES.items():
        row = own[own["zone_name"] == name].iloc[0]
        lo, mean, hi, n = _reference_stats(geom)
        rows.append((name, n, row["min"], lo, row["mean"], mean, row["max"], hi))
        if "pixels" in row and pd.notna(row["pixels"]):
            assert row["pixels"] == n, name
        assert (row["min"], row["max"]) == (lo, hi), name
        # the engine weights pixels by their true area: in UTM the weights vary by < 0.1 %
        assert row["mean"] == pytest.approx(mean, rel=1e-3), name
    print("\n" + pd.DataFrame(rows, columns=["zone", "pixels", "min", "ref min", "mean",
                                            "ref mean", "max", "ref max"]).to_string())


def test_elevation_from_the_command_line_is_continuous(tmp_path):
    """``--raster terrame_itaituba_elevation.tif`` gives min/mean/max inside a zone."""
    zones = tmp_path / "zones.geojson"
    gpd.GeoDataFrame({"nome": ["Itaituba box"]}, geometry=[ZONES["Itaituba box"]],
                     crs=4326).to_file(zones)
    out = tmp_path / "out"
    proc = run_cli(["analyze", "--concessions", zones, "--raster", TAPAJOS / ELEVATION,
                    "--rings", "1", "--out", out], cwd=tmp_path / "cwd")
    assert proc.returncode == 0, proc.stderr[-1500:]
    stats = pd.read_csv(out / "raster_stats.csv")
    own = stats[stats["zone_type"] == "concession"]
    assert own["mean"].notna().any(), own.head().to_string()
    lo, mean, hi, _ = _reference_stats(ZONES["Itaituba box"])
    assert own["mean"].dropna().iloc[0] == pytest.approx(mean, rel=1e-3)
