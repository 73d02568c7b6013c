"""``mining-explorer analyze``: files written, numbers right, exit codes."""
import sys

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Polygon

sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/analysis")
from analysis_fixtures import GEOD, geod_area_m2, square  # noqa: E402

from explorer.cli import main  # noqa: E402

OUTPUTS = ["overlaps.csv", "proximity.csv", "downstream.csv", "raster_stats.csv",
           "partnerships.csv", "summary.csv", "metrics.gpkg"]


@pytest.fixture
def files(tmp_path):
    sub = square(-52.0, 1.0, 4_000)
    park = Polygon([(-52.01, 0.99), (-51.99, 0.99), (-51.99, 1.05), (-52.01, 1.05)])
    far = square(-51.0, 1.0, 2_000)
    conc = gpd.GeoDataFrame({"code": ["A-1"], "title": ["Alpha"]}, geometry=[sub], crs=4326)
    pa = gpd.GeoDataFrame({"nome": ["Park", "Far park"]}, geometry=[park, far], crs=4326)
    conc.to_file(tmp_path / "c.gpkg")
    pa.to_crs(31976).to_file(tmp_path / "pa.gpkg")  # projected, mixed with geographic
    return tmp_path, sub, park, far


def test_analyze_writes_every_table_with_right_numbers(files, capsys):
    tmp, sub, park, far = files
    out = tmp / "out"
    code = main(["analyze", "--concessions", str(tmp / "c.gpkg"), "--protected",
                 str(tmp / "pa.gpkg"), "--rings", "1,5,200", "--out", str(out)])
    assert code == 0
    for name in OUTPUTS:
        assert (out / name).exists(), name
    overlaps = pd.read_csv(out / "overlaps.csv")
    for col in ["concession_id", "concession_name", "role", "feature_id", "feature_name",
                "overlap_ha", "pct_of_concession", "pct_of_feature"]:
        assert col in overlaps.columns
    row = overlaps.iloc[0]
    # the park's west edge is the meridian -52.01 < -52, east edge -51.99: it holds the strip
    # of the concession between -52 and -51.99 (a meridian cut of a geodesic square)
    assert row["feature_name"] == "Park"
    assert 0 < row["pct_of_concession"] < 100
    prox = pd.read_csv(out / "proximity.csv")
    assert {"concession_id", "role", "feature_id", "feature_name", "distance_m"} <= set(prox)
    far_row = prox[prox["feature_name"] == "Far park"].iloc[0]
    lon_e = sub.exterior.coords[1][0]
    expected = GEOD.inv(lon_e, 1.0, -51.0, 1.0)[2]  # along the equator-near parallel
    assert far_row["distance_m"] == pytest.approx(expected, rel=1e-3)
    assert bool(far_row["within_200km"]) and not bool(far_row["within_5km"])
    assert far_row["area_200km_ha"] * 1e4 == pytest.approx(geod_area_m2(far), rel=1e-3)
    summary = pd.read_csv(out / "summary.csv")
    assert {"covered_ha", "pct_covered", "n_concessions"} <= set(summary)
    layers = gpd.list_layers(out / "metrics.gpkg")["name"].tolist()
    assert "overlap_geometries" in layers and "overlaps" in layers
    assert "%]" in capsys.readouterr().err  # progress on stderr


def test_bad_input_exits_2_with_one_line(tmp_path, capsys):
    missing = tmp_path / "nope.gpkg"
    code = main(["analyze", "--concessions", str(missing), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert "nope.gpkg" in err and len(err.splitlines()) == 1 and "Traceback" not in err


def test_unreadable_file_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.geojson"
    bad.write_text("{ not json")
    code = main(["analyze", "--concessions", str(bad), "--out", str(tmp_path / "o")])
    assert code == 2
    assert "bad.geojson" in capsys.readouterr().err


def test_no_source_is_bad_input(tmp_path, capsys):
    assert main(["analyze", "--out", str(tmp_path / "o")]) == 2
