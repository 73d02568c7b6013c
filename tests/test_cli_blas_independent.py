"""A projected concession layer (SIRGAS 2000 / UTM 22S) with a Web-Mercator park, run the way a
fresh machine runs it: without this machine's OPENBLAS_* settings.

The local azimuthal projection used for rings and distances once went through a BLAS product;
with OpenBLAS's own choice of kernel, the closing vertex of a ring came out a few ulps away from
the first one and GEOS refused the ring (exit 1).  The overlap is checked against
pyproj.Geod on the densified geometry (tests.analysis.reference)."""
import os

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from tests.analysis.reference import densify, geodesic_area_ha
from tests.e2e_cli import ROOT

TITLE = box(-51.0, 1.0, -50.98, 1.02)
PARK = box(-50.99, 0.99, -50.90, 1.05)


def test_utm_titles_with_mercator_park_without_blas_settings(tmp_path):
    import subprocess
    import sys

    conc, park = tmp_path / "titulos_utm.gpkg", tmp_path / "parque_3857.gpkg"
    gpd.GeoDataFrame({"nome": ["T"]}, geometry=[TITLE], crs=4326).to_crs(31982).to_file(conc)
    gpd.GeoDataFrame({"nome": ["P"]}, geometry=[PARK], crs=4326).to_crs(3857).to_file(park)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENBLAS", "OMP_", "MKL"))}
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    out = tmp_path / "out"
    for workers in ("1", "2"):
        proc = subprocess.run([sys.executable, "-m", "explorer.cli", "analyze", "--concessions",
                               str(conc), "--protected", str(park), "--rings", "1", "--workers",
                               workers, "--out", str(out)], env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr[-800:]
    row = pd.read_csv(out / "overlaps.csv").iloc[0]
    # a box in Web Mercator has the parallels and meridians of the lon/lat box as its edges;
    # the UTM title's straight edges lie within centimetres of the lon/lat ones
    assert row["overlap_ha"] == pytest.approx(
        geodesic_area_ha(densify(TITLE).intersection(densify(PARK))), rel=1e-4)
    prox = pd.read_csv(out / "proximity.csv").iloc[0]
    assert prox["distance_m"] == 0 and bool(prox["within_1km"])
