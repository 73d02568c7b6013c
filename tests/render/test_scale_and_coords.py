"""Scale bar true on the ellipsoid, view maths, and coordinate text."""
from __future__ import annotations

import math

import pytest
from pyproj import Geod

from explorer.render import MapView, format_decimal, format_dms, format_degree_label, solve_scale_bar
from explorer.render.coords import dms_parts

GEOD = Geod(ellps="WGS84")


def _world(view: MapView, x: float, y: float) -> tuple[float, float]:
    """Pixel -> lon/lat from the projection's definition (equirectangular, standard parallel ref_lat)."""
    k = math.cos(math.radians(view.ref_lat))
    return (view.center_x + (x - view.width / 2) * view.units_per_pixel / k,
            view.center_y - (y - view.height / 2) * view.units_per_pixel)


@pytest.mark.parametrize("bounds, size", [
    ((-53, 0, -49, 5), (800, 600)),  # Amapá, near the equator
    ((-51.8, 2.1, -51.4, 2.5), (1280, 800)),  # the Lourenço garimpo
    ((5, 55, 25, 70), (1000, 700)),  # Scandinavia: the cos(lat) correction matters here
    ((-180, -60, 180, 80), (1200, 500)),  # the world
])
def test_scale_bar_length_matches_geodesic_distance_across_its_pixels(bounds, size):
    view = MapView.fit(bounds, *size)
    for y in (view.height * 0.9, view.height * 0.5):
        bar = solve_scale_bar(view, 20.0, y, max_px=view.width / 5)
        lon0, lat0 = _world(view, bar.x0, bar.y)
        lon1, lat1 = _world(view, bar.x1, bar.y)
        _, _, metres = GEOD.inv(lon0, lat0, lon1, lat1)
        assert metres == pytest.approx(bar.length_m, rel=0.01)
        assert 10 <= bar.pixels <= view.width / 5 + 1
        assert str(bar.length_m / 1000).rstrip("0").rstrip(".") in bar.label or "m" in bar.label


def test_scale_denominator_on_a_96_dpi_screen_matches_geodesic_pixel_size():
    view = MapView.fit((-53, 0, -49, 5), 800, 600)
    lon0, lat = _world(view, 0, view.height / 2)
    lon1, _ = _world(view, view.width, view.height / 2)
    metres_per_px = GEOD.inv(lon0, lat, lon1, lat)[2] / view.width
    assert view.scale_denominator(96) == pytest.approx(metres_per_px / (0.0254 / 96), rel=1e-3)


def test_view_round_trip_and_anchor_zoom():
    view = MapView.fit((-53, 0, -49, 5), 800, 600)
    x, y = view.to_device(-50.25, 3.5)
    assert view.to_world(x, y) == pytest.approx((-50.25, 3.5))
    assert _world(view, x, y) == pytest.approx((-50.25, 3.5))
    zoomed = view.zoomed(3.0, (x, y))
    assert zoomed.to_world(x, y) == pytest.approx((-50.25, 3.5))
    assert zoomed.units_per_pixel == pytest.approx(view.units_per_pixel / 3)
    panned = view.panned(100, -40)
    assert panned.to_device(-50.25, 3.5) == pytest.approx((x + 100, y - 40))


def test_fit_contains_the_bounds_with_the_right_aspect():
    view = MapView.fit((10, 59, 11, 60), 500, 500, margin=0.0)
    minx, miny, maxx, maxy = view.extent
    assert minx <= 10 and maxx >= 11 and miny <= 59 and maxy >= 60
    # at 59.5° N a degree of longitude is about half a degree of latitude on the ground
    assert (maxx - minx) == pytest.approx(1 / math.cos(math.radians(59.5)), rel=1e-6)


@pytest.mark.parametrize("value, parts", [
    (2.5, (2, 30, 0.0)),
    (-51.123456, (51, 7, 24.4)),
    (0.99999999, (1, 0, 0.0)),
    (-0.0002777778, (0, 0, 1.0)),
])
def test_dms_parts(value, parts):
    assert dms_parts(value) == pytest.approx(parts)


def test_dms_and_decimal_text():
    assert format_dms(-51.123456, 2.5) == "2°30′00.0″ N  51°07′24.4″ W"
    assert format_dms(10.0, -33.925) == "33°55′30.0″ S  10°00′00.0″ E"
    assert format_decimal(-51.123456, 2.5) == "2.50000°, -51.12346°"


def test_graticule_labels():
    assert format_degree_label(-51.5, "lon", 0.5) == "51°30′W"
    assert format_degree_label(2.0, "lat", 1.0) == "2°N"
    assert format_degree_label(0.0, "lat", 1.0) == "0°"
