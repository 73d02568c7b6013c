"""The map view: which part of the world is shown, and the maths between world and device.

Display CRS
-----------
The map is drawn in lon/lat (EPSG:4326, the CRS every layer already offers through
``VectorLayer.geographic()``) with an equirectangular aspect correction: one degree of
longitude is drawn ``cos(ref_lat)`` times as wide as one degree of latitude, where
``ref_lat`` is the latitude of the view's centre when it was last fitted to an extent.
That is the equidistant cylindrical projection with its standard parallel at ``ref_lat``:
true to scale along that parallel and along every meridian, and close to conformal over
the regional extents this app shows (Amapá spans 6° of latitude near the equator: the
east-west scale changes by less than 0.6 % across it).

Why not Web Mercator or a local projection: no per-redraw reprojection of the layers, world
coordinates map to the device with one affine QTransform (so geometry paths are built once
and reused for every pan and zoom), and the numbers that must be true — the scale bar and
the scale denominator — are computed on the WGS 84 ellipsoid with ``pyproj.Geod`` rather than
read off the projection (see :mod:`explorer.render.scalebar`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

__all__ = ["MapView", "MIN_UNITS_PER_PIXEL", "MAX_UNITS_PER_PIXEL"]

#: Closest zoom: about 1 cm per pixel; farthest: the whole world in a few pixels.
MIN_UNITS_PER_PIXEL = 1e-7
MAX_UNITS_PER_PIXEL = 2.0
_MAX_REF_LAT = 80.0
_INCH_M = 0.0254


@dataclass(frozen=True)
class MapView:
    """An immutable viewport: centre (lon, lat), degrees of latitude per device pixel, size.

    Every navigation method returns a new view; widgets keep the current one.
    """

    center_x: float
    center_y: float
    units_per_pixel: float  # degrees of latitude per device pixel
    width: int
    height: int
    ref_lat: float = 0.0  # standard parallel of the aspect correction

    # ---- construction -------------------------------------------------------------------
    @classmethod
    def fit(cls, bounds: tuple[float, float, float, float], width: int, height: int,
            margin: float = 0.04) -> "MapView":
        """The view of ``bounds`` (lon/lat) filling a ``width`` × ``height`` device, with a margin."""
        minx, miny, maxx, maxy = _sane_bounds(bounds)
        ref_lat = max(-_MAX_REF_LAT, min(_MAX_REF_LAT, (miny + maxy) / 2.0))
        view = cls((minx + maxx) / 2.0, (miny + maxy) / 2.0, 1.0, max(1, width), max(1, height), ref_lat)
        return view.fitted(bounds, margin)

    def fitted(self, bounds: tuple[float, float, float, float], margin: float = 0.04) -> "MapView":
        """This view moved and zoomed so that ``bounds`` fill it (keeps the device size)."""
        minx, miny, maxx, maxy = _sane_bounds(bounds)
        ref_lat = max(-_MAX_REF_LAT, min(_MAX_REF_LAT, (miny + maxy) / 2.0))
        kx = math.cos(math.radians(ref_lat))
        usable_w = max(1.0, self.width * (1.0 - 2 * margin))
        usable_h = max(1.0, self.height * (1.0 - 2 * margin))
        upp = max((maxx - minx) * kx / usable_w, (maxy - miny) / usable_h)
        return replace(self, center_x=(minx + maxx) / 2.0, center_y=(miny + maxy) / 2.0,
                       units_per_pixel=_clamp_upp(upp), ref_lat=ref_lat)

    def resized(self, width: int, height: int) -> "MapView":
        """The same centre and scale on a device of another size."""
        return replace(self, width=max(1, int(width)), height=max(1, int(height)))

    # ---- transforms ---------------------------------------------------------------------
    @property
    def x_factor(self) -> float:
        """Drawn width of one degree of longitude relative to one degree of latitude."""
        return math.cos(math.radians(self.ref_lat))

    def transform(self, origin: QPointF | None = None) -> QTransform:
        """The QTransform from lon/lat to device pixels (optionally offset to ``origin``)."""
        s = 1.0 / self.units_per_pixel
        ox = origin.x() if origin is not None else 0.0
        oy = origin.y() if origin is not None else 0.0
        sx = s * self.x_factor
        dx = ox + self.width / 2.0 - self.center_x * sx
        dy = oy + self.height / 2.0 + self.center_y * s
        return QTransform(sx, 0.0, 0.0, -s, dx, dy)

    def to_device(self, lon, lat):
        """Device pixel x, y of lon/lat (scalars or numpy arrays)."""
        s = 1.0 / self.units_per_pixel
        x = (lon - self.center_x) * s * self.x_factor + self.width / 2.0
        y = self.height / 2.0 - (lat - self.center_y) * s
        return x, y

    def to_world(self, x, y):
        """Lon/lat of device pixel x, y (scalars or numpy arrays)."""
        lon = self.center_x + (x - self.width / 2.0) * self.units_per_pixel / self.x_factor
        lat = self.center_y - (y - self.height / 2.0) * self.units_per_pixel
        return lon, lat

    @property
    def extent(self) -> tuple[float, float, float, float]:
        """(minx, miny, maxx, maxy) in lon/lat of the whole device."""
        half_w = self.width / 2.0 * self.units_per_pixel / self.x_factor
        half_h = self.height / 2.0 * self.units_per_pixel
        return (self.center_x - half_w, self.center_y - half_h,
                self.center_x + half_w, self.center_y + half_h)

    def extent_rect(self) -> QRectF:
        """The extent as a QRectF in world units (y up)."""
        minx, miny, maxx, maxy = self.extent
        return QRectF(minx, miny, maxx - minx, maxy - miny)

    # ---- navigation ---------------------------------------------------------------------
    def panned(self, dx_pixels: float, dy_pixels: float) -> "MapView":
        """The view after dragging the map by (dx, dy) device pixels."""
        cx = self.center_x - dx_pixels * self.units_per_pixel / self.x_factor
        cy = self.center_y + dy_pixels * self.units_per_pixel
        return replace(self, center_x=cx, center_y=max(-90.0, min(90.0, cy)))

    def zoomed(self, factor: float, anchor: tuple[float, float] | None = None) -> "MapView":
        """Zoom in by ``factor`` (> 1 zooms in) keeping the device pixel ``anchor`` fixed."""
        upp = _clamp_upp(self.units_per_pixel / factor)
        if anchor is None:
            return replace(self, units_per_pixel=upp)
        ax, ay = anchor
        lon, lat = self.to_world(ax, ay)
        tmp = replace(self, units_per_pixel=upp)
        new_lon, new_lat = tmp.to_world(ax, ay)
        return replace(tmp, center_x=self.center_x + lon - new_lon, center_y=self.center_y + lat - new_lat)

    def zoomed_to_rect(self, x0: float, y0: float, x1: float, y1: float) -> "MapView":
        """The view showing the device rectangle (x0, y0)–(x1, y1) (a rubber-band box)."""
        lon0, lat0 = self.to_world(min(x0, x1), max(y0, y1))
        lon1, lat1 = self.to_world(max(x0, x1), min(y0, y1))
        return self.fitted((lon0, lat0, lon1, lat1), margin=0.0)

    # ---- scale --------------------------------------------------------------------------
    def metres_per_pixel(self) -> float:
        """Geodesic ground distance of one device pixel, east-west at the view's centre."""
        from .scalebar import geodesic_metres_per_pixel

        return geodesic_metres_per_pixel(self, self.center_y)

    def scale_denominator(self, dpi: float = 96.0) -> float:
        """The 1:N scale of the view on a device of ``dpi`` dots per inch (at the centre)."""
        return self.metres_per_pixel() / (_INCH_M / dpi)

    def bucket(self) -> int:
        """Level-of-detail bucket: zoom levels a factor of two apart share their caches."""
        return int(math.floor(math.log2(self.units_per_pixel)))


def _clamp_upp(upp: float) -> float:
    if not math.isfinite(upp) or upp <= 0:
        return MAX_UNITS_PER_PIXEL
    return max(MIN_UNITS_PER_PIXEL, min(MAX_UNITS_PER_PIXEL, upp))


def _sane_bounds(bounds) -> tuple[float, float, float, float]:
    minx, miny, maxx, maxy = (float(v) for v in bounds)
    if not all(math.isfinite(v) for v in (minx, miny, maxx, maxy)):
        minx, miny, maxx, maxy = -180.0, -60.0, 180.0, 80.0
    if maxx - minx < 1e-6:
        minx, maxx = minx - 0.005, maxx + 0.005
    if maxy - miny < 1e-6:
        miny, maxy = miny - 0.005, maxy + 0.005
    return minx, miny, maxx, maxy
