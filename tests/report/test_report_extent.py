"""Where the maps open (the study area, not the world) and where the legend goes (clear of
the features the map is about)."""
import re

import pytest
from PySide6.QtCore import QRectF
from shapely.geometry import Point, box

from explorer.report.html_map import build_html_map
from explorer.report.maps import fit_beside_legend, least_river_order
from explorer.report.study_area import study_extent
import geopandas as gpd

from layers.model import FieldMapping, Provenance, VectorLayer
from layers.roles import Role


def make_layer(name, role, rows, geoms):
    """A lon/lat VectorLayer with id/name columns."""
    frame = gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")
    prov = Provenance(path=f"/tmp/{name}.gpkg", layer_name=name, driver="GPKG", sha256="0" * 64,
                      feature_count=len(frame))
    return VectorLayer(name=name, role=role, frame=frame, provenance=prov,
                       mapping=FieldMapping(id="id", name="name"))


def _layers():
    titles = make_layer("titles", Role.CONCESSION, {"id": ["C1"], "name": ["a"]},
                        [box(-51.3, 2.2, -51.1, 2.4)])
    park = make_layer("parks", Role.PROTECTED_AREA, {"id": ["P1"], "name": ["p"]},
                      [box(-52.0, 1.0, -51.0, 3.0)])
    far_park = make_layer("far parks", Role.PROTECTED_AREA, {"id": ["P9"], "name": ["q"]},
                          [box(20.0, 40.0, 21.0, 41.0)])
    projects = make_layer("projects", Role.PROJECT, {"id": ["J1", "J2"], "name": ["x", "y"]},
                          [Point(10.0, 50.0), Point(140.0, -30.0)])
    return [titles, park, far_park, projects]


def test_study_area_is_titles_and_touched_features_only():
    import pandas as pd

    summary = pd.DataFrame({"feature_uid": ["parks:P1", "far parks:P9"], "n_concessions": [1, 0]})
    assert study_extent(_layers(), {"summary": summary}) == (-52.0, 1.0, -51.0, 3.0)
    assert study_extent(_layers()) == (-51.3, 2.2, -51.1, 2.4)  # no tables: the titles


def test_html_map_opens_on_the_study_area_with_far_projects_still_a_layer(tmp_path):
    page = build_html_map(_layers(), tmp_path / "map.html", extent=(-52.0, 1.0, -51.0, 3.0)) \
        .read_text(encoding="utf-8")
    numbers = re.search(r"map_\w+\.fitBounds\(\s*\[\[([-\d.]+),\s*([-\d.]+)\],\s*\[([-\d.]+),\s*([-\d.]+)\]\]", page)
    assert [float(v) for v in numbers.groups()] == [1.0, -52.0, 3.0, -51.0]
    assert "projects" in page  # in the layer control, reachable


@pytest.mark.parametrize("extent", [(-51.0, 2.0, -50.0, 4.0), (-53.0, 2.0, -50.0, 2.5)])
def test_the_feature_stays_clear_of_the_legend(extent):
    rect = QRectF(0, 0, 1000, 600)
    legend = (420.0, 260.0)  # drawn in the lower right corner
    view = fit_beside_legend(extent, rect, legend)
    x0, y1 = view.to_device(extent[0], extent[1])
    x1, y0 = view.to_device(extent[2], extent[3])
    assert 0 <= x0 and x1 <= 1000 + 1e-6 and 0 <= y0 and y1 <= 600 + 1e-6  # whole extent shown
    left_of, above = x1 <= 1000 - legend[0] + 1e-6, y1 <= 600 - legend[1] + 1e-6
    assert left_of or above


def test_river_thinning_by_map_width():
    assert least_river_order((-51.3, 2.0, -51.0, 2.3)) == 1  # about 33 km wide
    assert least_river_order((-52.0, 2.0, -51.0, 3.0)) == 2  # about 111 km
    assert least_river_order((-54.0, 0.0, -51.0, 3.0)) == 3  # about 333 km
    assert least_river_order((-60.0, -5.0, -50.0, 5.0)) == 4
