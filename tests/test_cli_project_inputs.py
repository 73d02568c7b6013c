"""``analyze --project FILE``: settings, overrides and layers of the wrong kind.

Tiny in-code fixtures with a CRS; exit codes and one-line messages naming the file.
"""
import json

import geopandas as gpd
import numpy as np
import pytest

from tests.cli_inputs import PARK, TITLE
from tests.cli_inputs import analyze as _analyze
from tests.cli_inputs import error_lines as _error_lines
from tests.cli_inputs import write_layer as _write


def _park(tmp_path):
    return _write(gpd.GeoDataFrame({"nome": ["Parque"]}, geometry=[PARK], crs=4326),
                  tmp_path / "parque.geojson")


@pytest.mark.parametrize("wrong", ["raster_as_concession", "vector_as_raster"])
def test_project_with_wrong_kind_of_file_exit_2(tmp_path, capsys, wrong):
    """A hand-written project using a GeoTIFF as concessions (or a GeoJSON as a raster)."""
    import rasterio
    from rasterio.transform import from_origin

    tif = tmp_path / "grade.tif"
    with rasterio.open(tif, "w", driver="GTiff", width=4, height=4, count=1, dtype="uint8",
                       crs="EPSG:4326", transform=from_origin(-51, 1.1, 0.01, 0.01)) as dst:
        dst.write(np.ones((1, 4, 4), "uint8"))
    conc = _write(gpd.GeoDataFrame({"nome": ["T"]}, geometry=[TITLE], crs=4326),
                  tmp_path / "t.geojson")
    refs = [{"path": "grade.tif", "name": "c", "role": "concession"}] \
        if wrong == "raster_as_concession" else \
        [{"path": "t.geojson", "name": "c", "role": "concession"},
         {"path": "t.geojson", "name": "r", "role": "raster", "kind": "raster"}]
    project = tmp_path / "p.json"
    project.write_text(json.dumps({"schema_version": 1, "title": "x", "layers": refs}))
    code, _ = _analyze(tmp_path, "--project", project)
    err = _error_lines(capsys)
    named = "grade.tif" if wrong == "raster_as_concession" else "t.geojson"
    assert code == 2 and len(err) == 1 and named in err[0], err


def test_project_with_nonsense_settings_exit_2(tmp_path, capsys):
    """A project saved with a negative ring: exit 2, one line naming the project file."""
    _write(gpd.GeoDataFrame({"nome": ["T"]}, geometry=[TITLE], crs=4326), tmp_path / "t.geojson")
    project = tmp_path / "aneis.json"
    project.write_text(json.dumps({
        "schema_version": 1, "title": "x", "settings": {"rings_km": [-1, 5]},
        "layers": [{"path": "t.geojson", "name": "c", "role": "concession"}]}))
    code, _ = _analyze(tmp_path, "--project", project)
    err = _error_lines(capsys)
    assert code == 2 and len(err) == 1 and "aneis.json" in err[0], err


def test_project_settings_overridden_only_by_given_options(tmp_path):
    """Project: rings [3], reach 7 km; --rings 2 replaces the rings and keeps the reach."""
    _write(gpd.GeoDataFrame({"nome": ["T"]}, geometry=[TITLE], crs=4326), tmp_path / "t.geojson")
    _park(tmp_path)
    project = tmp_path / "p.json"
    project.write_text(json.dumps({
        "schema_version": 1, "title": "x", "settings": {"rings_km": [3], "reach_km": 7},
        "layers": [{"path": "t.geojson", "name": "c", "role": "concession"},
                   {"path": "parque.geojson", "name": "p", "role": "protected_area"}]}))
    from explorer.commands.analyze import choose_settings, load_inputs
    from explorer.cli import build_parser

    args = build_parser().parse_args(["analyze", "--project", str(project), "--rings", "2",
                                      "--out", str(tmp_path / "o")])
    _source, base = load_inputs(args)
    settings = choose_settings(base, args)
    assert settings.rings_km == (2.0,) and settings.reach_km == 7.0
