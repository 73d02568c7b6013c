"""Downstream along a river drawn as long straight reaches (two vertices each, 100 km apart),
through the real CLI.  References: pyproj.Geod along the parallel the river follows (a straight
lon/lat segment along a parallel; the river is the reference line itself)."""
import geopandas as gpd
import pandas as pd
import pyproj
import pytest
from shapely.geometry import LineString, box

from explorer.cli import main

GEOD = pyproj.Geod(ellps="WGS84")
LAT = 1.05


def _along_parallel_km(lon0, lon1, steps=1000):
    lons = [lon0 + (lon1 - lon0) * k / steps for k in range(steps + 1)]
    return sum(GEOD.inv(a, LAT, b, LAT)[2] for a, b in zip(lons[:-1], lons[1:])) / 1e3


@pytest.fixture
def run(tmp_path):
    basins = gpd.GeoDataFrame({"HYBAS_ID": [101, 102, 103], "NEXT_DOWN": [102, 103, 0]},
                              geometry=[box(-52, 0, -51, 2), box(-51, 0, -50, 2),
                                        box(-50, 0, -49, 2)], crs=4326)
    basins.to_file(tmp_path / "bacias.gpkg")
    gpd.GeoDataFrame({"nome": ["T"]}, geometry=[box(-51.6, 1.0, -51.5, 1.1)],
                     crs=4326).to_file(tmp_path / "titulo.geojson")
    gpd.GeoDataFrame({"nome": ["PA mid"]}, geometry=[box(-50.6, 0.9, -50.4, 1.2)],
                     crs=4326).to_file(tmp_path / "parque.geojson")
    rivers = [LineString([(-51.9, LAT), (-51.0, LAT)]), LineString([(-51.0, LAT), (-50.0, LAT)]),
              LineString([(-50.0, LAT), (-49.1, LAT)])]
    gpd.GeoDataFrame({"HYRIV_ID": [1, 2, 3], "NEXT_DOWN": [2, 3, 0]}, geometry=rivers,
                     crs=4326).to_file(tmp_path / "rios.geojson")
    out = tmp_path / "out"
    code = main(["analyze", "--concessions", str(tmp_path / "titulo.geojson"),
                 "--protected", str(tmp_path / "parque.geojson"),
                 "--basins", str(tmp_path / "bacias.gpkg"), "--rivers", str(tmp_path / "rios.geojson"),
                 "--reach-km", "150", "--rings", "1", "--out", str(out), "--quiet"])
    assert code == 0
    return pd.read_csv(out / "downstream.csv")


def test_straight_reach_through_title_and_park(run):
    """The flow starts inside the title; basin 102 is entered where the river leaves 101, and
    the park the river crosses in 102 is listed."""
    rows = run.set_index("downstream_basin_code")
    assert rows.loc[102, "start_offset_km"] == 0
    assert rows.loc[102, "basin_km"] == pytest.approx(_along_parallel_km(-51.5, -51.0), rel=2e-2)
    assert "PA mid" in set(run["feature_name"].dropna())
