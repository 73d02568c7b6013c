"""The bundled sample data: every catalogue entry is there, loads, and says what it holds."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pyogrio
import pytest
import rasterio
import shapely
from pyproj import CRS

from layers.roles import Role
from sample_data import SAMPLE_DIR

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
CATALOGUE = json.loads((SAMPLE_DIR / "catalogue.json").read_text(encoding="utf-8"))
VECTORS = [e for e in CATALOGUE if e["file"].endswith(".gpkg")]
RASTERS = [e for e in CATALOGUE if e["role"] == "raster"]
CSV_POINTS = {"X_POSSIBLE_NAMES": "longitude", "Y_POSSIBLE_NAMES": "latitude"}

#: Counts stated by the sources (SOURCES.md and the issue), not read from the built files.
EXPECTED_COUNTS = {
    "concessions.gpkg": 1115,
    "protected_areas.gpkg": 6,  # 5 ICMBio units + FLOTA Amapá
    "indigenous_territories.gpkg": 4,  # Uaçá, Galibi, Juminá, Rio Paru d'Este
    "basins.gpkg": 68,
    "villages.gpkg": 55,
    "borders.gpkg": 177,
    "partnerships/project_locations.csv": 30,
}
GEOMETRY = {"concession": "Polygon", "protected_area": "Polygon", "indigenous_territory": "Polygon",
            "basin": "Polygon", "context": "Polygon", "river": "LineString", "community": "Point"}


def _ids(entries):
    return [e["file"] for e in entries]


def _load_script(name: str):
    """Import a module from scripts/ (not a package)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_catalogue_entries_have_the_documented_keys_and_valid_roles():
    keys = {"file", "layer", "role", "name", "description", "source", "publisher", "licence"}
    for entry in CATALOGUE:
        assert keys <= entry.keys(), entry["file"]
        assert Role(entry["role"]) in Role
        assert set(entry.get("mapping", {})) <= {"id", "name", "holder", "commodity", "status",
                                                  "phase", "area", "code"}
    assert {e["role"] for e in CATALOGUE} == {r.value for r in Role}  # one of every role


def test_every_catalogued_file_exists_and_every_data_file_is_catalogued():
    listed = {e["file"] for e in CATALOGUE}
    for name in listed:
        assert (SAMPLE_DIR / name).is_file(), name
    data = {p.name for p in SAMPLE_DIR.iterdir() if p.suffix in {".gpkg", ".tif", ".geojson"}}
    assert data == {n for n in listed if "/" not in n}


@pytest.mark.parametrize("entry", VECTORS, ids=_ids(VECTORS))
def test_vector_layer_loads_with_stated_count_crs_and_geometry(entry):
    path = SAMPLE_DIR / entry["file"]
    assert [name for name, _ in pyogrio.list_layers(path)] == [entry["layer"]]
    frame = pyogrio.read_dataframe(path, layer=entry["layer"])
    assert len(frame) == entry["features"]
    assert CRS.from_user_input(frame.crs) == CRS.from_user_input(entry["crs"])
    assert set(frame.geom_type) <= {GEOMETRY[entry["role"]], "Multi" + GEOMETRY[entry["role"]]}
    assert shapely.is_valid(frame.geometry.values).all()
    assert not frame.geometry.is_empty.any()
    for column in entry.get("mapping", {}).values():
        assert column in frame.columns, (entry["file"], column)


@pytest.mark.parametrize("name, count", EXPECTED_COUNTS.items())
def test_feature_counts_match_the_sources(name, count):
    entry = next(e for e in CATALOGUE if e["file"] == name)
    assert entry["features"] == count


@pytest.mark.parametrize("entry", RASTERS, ids=_ids(RASTERS))
def test_rasters_open_georeferenced_in_the_stated_crs(entry):
    with rasterio.open(SAMPLE_DIR / entry["file"]) as src:
        assert src.crs == CRS.from_user_input(entry["crs"])
        assert (src.width, src.height, src.count) == (1341, 1341, 1)
        assert src.nodata == 65535
        window = src.read(1, window=((600, 700), (600, 700)))
    assert np.isin(np.unique(window), [0, 3, 4, 11, 12, 15, 30, 33, 41, 65535]).all()


def test_partnership_registry_is_complete_utf8_and_locations_load_as_points():
    folder = SAMPLE_DIR / "partnerships"
    for name in ("partnerships.csv", "projects.csv", "project_locations.csv"):
        raw = (folder / name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        raw.decode("utf-8")
    points = pyogrio.read_dataframe(folder / "project_locations.csv", **CSV_POINTS)
    assert len(points) == 30 and set(points.geom_type) == {"Point"}
    assert points.geometry.x.between(-180, 180).all() and points.geometry.y.between(-90, 90).all()


def _text_values(entry):
    frame = pyogrio.read_dataframe(SAMPLE_DIR / entry["file"], layer=entry["layer"],
                                   read_geometry=False)
    for column in frame.columns:
        for value in frame[column].dropna():
            if isinstance(value, str):
                yield column, value


def test_fields_are_utf8_and_no_replacement_character_outside_the_counted_basin_names():
    leftovers = []
    for entry in VECTORS:
        for column, value in _text_values(entry):
            value.encode("utf-8")
            if "\ufffd" in value:
                leftovers.append((entry["file"], column, value))
    # five REGIAO48 names whose letter is not certain are left as in the source (README)
    assert len(leftovers) == 5
    assert {(f, c) for f, c, _ in leftovers} == {("basins.gpkg", "REGIAO48")}


def test_fixed_names_are_spelled_in_full():
    basins = pyogrio.read_dataframe(SAMPLE_DIR / "basins.gpkg", read_geometry=False)
    assert {"RIO UAÇÁ", "RIO CALÇOENE", "MARACÁ"} <= set(basins["REGIAO48"])
    assert set(basins.loc[basins["NIVEL33"] == "397", "REGIAO37"]) == {"AMAPÁ"}
    lands = pyogrio.read_dataframe(SAMPLE_DIR / "indigenous_territories.gpkg", read_geometry=False)
    assert set(lands["terrai_nom"]) == {"Uaçá", "Galibi", "Juminá", "Rio Paru d'Este"}


def test_sample_is_under_15_mb_and_ships_no_educational_use_file():
    files = [p for p in SAMPLE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert sum(p.stat().st_size for p in files) < 15 * 1024 * 1024
    assert not [p for p in files if "terrame" in p.name.lower()]
    lands = pyogrio.read_dataframe(SAMPLE_DIR / "indigenous_territories.gpkg", read_geometry=False)
    assert not {"Waiapi", "Parque do Tumucumaque"} & set(lands["terrai_nom"])


def test_strahler_orders_on_a_tiny_network():
    rivers = _load_script("sample_rivers")
    # two headwaters a, b meet at (1, 0); c flows on; d joins c's outlet reach e alone
    lines = [shapely.LineString(c) for c in (
        [(0, 1), (1, 0)], [(0, -1), (1, 0)], [(1, 0), (2, 0)], [(2, 1), (2, 0)], [(2, 0), (3, 0)])]
    assert rivers.strahler_orders(np.array(lines, dtype=object)).tolist() == [1, 1, 2, 1, 2]


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "amapa").is_dir(), reason="../shared/data is absent")
def test_rebuilding_from_shared_reproduces_the_catalogue(tmp_path):
    build = _load_script("build_sample_data")
    summary = build.build(SHARED, tmp_path)
    rebuilt = json.loads((tmp_path / "catalogue.json").read_text(encoding="utf-8"))
    assert rebuilt == CATALOGUE
    for entry in VECTORS:
        info = pyogrio.read_info(tmp_path / entry["file"], layer=entry["layer"])
        assert info["features"] == entry["features"]
    rivers = summary["rivers"]
    assert rivers["max_displacement_m"] <= rivers["tolerance_m"]
    assert rivers["reaches_source"] == 20912


def test_world_borders_have_no_band_across_russia():
    """Russia's rings jump across ±180° in world-atlas: repaired before they are cut, they
    filled a band of the Arctic coast from 51° E to 180° and the White Sea, and lost the
    flat north coast.  Land points must be inside, sea points outside."""
    import geopandas as gpd
    from shapely.geometry import Point

    borders = gpd.read_file(SAMPLE_DIR / "borders.gpkg")
    russia = borders[borders["name"] == "Russia"].geometry.iloc[0]
    assert russia.is_valid
    for lon, lat in [(37.6, 55.75), (129.7, 62.0), (-175.0, 67.0)]:  # Moscow, Yakutsk, Chukotka
        assert russia.contains(Point(lon, lat)), (lon, lat)
    for lon, lat in [(165.4, 71.15), (42.54, 67.15), (-179.19, 65.63)]:  # seas: E. Siberian,
        # White, Gulf of Anadyr
        assert not russia.contains(Point(lon, lat)), (lon, lat)
