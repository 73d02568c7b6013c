"""Records of the data model: a layer's provenance and repairs, its field mapping, and the
vector and raster layers themselves.  Plain dataclasses, no Qt."""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

from .roles import Role
from .styles import Style, default_style

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = [
    "Repair",
    "Provenance",
    "FieldMapping",
    "MAPPING_KEYS",
    "VectorLayer",
    "RasterLayer",
    "ANALYSIS_CRS",
]

#: The geographic CRS every analysis works in (lon/lat on WGS 84).
ANALYSIS_CRS = "EPSG:4326"


@dataclass(frozen=True)
class Repair:
    """One kind of change made to the data on load, with how many features it touched."""

    kind: str  # e.g. "make_valid", "drop_empty", "drop_null", "decode", "force_2d"
    count: int
    detail: str = ""

    def describe(self) -> str:
        """One line for logs, dialogs and the report's data-sources table."""
        extra = f" ({self.detail})" if self.detail else ""
        return f"{self.kind}: {self.count}{extra}"


@dataclass(frozen=True)
class Provenance:
    """Where a layer came from and what was done to it on load."""

    path: str
    layer_name: str | None
    driver: str
    sha256: str
    files: tuple[tuple[str, str], ...] = ()  # (file name, sha256) of every file read
    original_crs: str | None = None
    feature_count: int = 0
    bounds: tuple[float, float, float, float] | None = None  # lon/lat, EPSG:4326
    loaded_at: str = ""  # ISO 8601, UTC
    load_seconds: float = 0.0
    encoding: str | None = None
    repairs: tuple[Repair, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, used by the manifest and the project file."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["files"] = [list(pair) for pair in self.files]
        out["bounds"] = list(self.bounds) if self.bounds else None
        out["repairs"] = [vars(r).copy() for r in self.repairs]
        return out


#: The attributes a field mapping can name, in display order.
MAPPING_KEYS = ("id", "name", "holder", "commodity", "status", "phase", "area", "code", "next_down")


@dataclass(frozen=True)
class FieldMapping:
    """Which column holds each meaning for a layer.  ``schema`` names the recognised source."""

    schema: str | None = None
    id: str | None = None
    name: str | None = None
    holder: str | None = None
    commodity: str | None = None
    status: str | None = None
    phase: str | None = None
    area: str | None = None
    code: str | None = None  # e.g. Pfafstetter code of a basin
    next_down: str | None = None  # HydroBASINS NEXT_DOWN

    def as_dict(self) -> dict[str, str | None]:
        """A JSON-ready dict of the mapping (keys with no column are omitted)."""
        out = {"schema": self.schema}
        out.update({k: getattr(self, k) for k in MAPPING_KEYS if getattr(self, k)})
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "FieldMapping":
        """Inverse of :meth:`as_dict`; unknown keys are ignored."""
        data = data or {}
        known = {k: data.get(k) for k in ("schema", *MAPPING_KEYS)}
        return cls(**known)

    def override(self, **changes: str | None) -> "FieldMapping":
        """A copy with the user's choices applied over the detected ones."""
        return replace(self, **changes)


@dataclass
class VectorLayer:
    """A vector source loaded into memory, with its role, mapping, style and provenance.

    ``frame`` keeps the source CRS; :meth:`geographic` gives the same features in
    :data:`ANALYSIS_CRS` (cached), which analysis and rendering use.
    """

    name: str
    role: Role
    frame: "gpd.GeoDataFrame"
    provenance: Provenance
    mapping: FieldMapping = field(default_factory=FieldMapping)
    style: Style | None = None
    _geographic: "gpd.GeoDataFrame | None" = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.style is None:
            self.style = default_style(self.role)

    @property
    def kind(self) -> str:
        """Always ``"vector"``."""
        return "vector"

    def geographic(self) -> "gpd.GeoDataFrame":
        """The features in lon/lat (EPSG:4326), reprojected once and cached.

        Edges of a projected layer are straight in its own CRS: they are densified there (a
        point every :data:`PROJECTED_STEP_M` metres) before reprojecting, so that the lon/lat
        copy keeps their shape within millimetres.
        """
        if self._geographic is None:
            self._geographic = _to_geographic(self.frame)
        return self._geographic

    def column(self, key: str) -> str | None:
        """The column mapped to ``key`` (``"id"``, ``"name"``, ...) if it exists in the frame."""
        col = getattr(self.mapping, key, None)
        return col if col and col in self.frame.columns else None


#: Spacing (m) of the points added along the edges of a projected layer before reprojecting.
PROJECTED_STEP_M = 250.0


def _to_geographic(frame: "gpd.GeoDataFrame") -> "gpd.GeoDataFrame":
    crs = frame.crs
    if crs is not None and crs.is_projected and len(frame):
        unit = crs.axis_info[0].unit_conversion_factor if crs.axis_info else 1.0
        frame = frame.copy()
        frame["geometry"] = frame.geometry.segmentize(PROJECTED_STEP_M / (unit or 1.0))
    return frame.to_crs(ANALYSIS_CRS)


@dataclass
class RasterLayer:
    """A raster source, kept on disk and read by window, never loaded whole."""

    name: str
    path: str
    provenance: Provenance
    crs: str
    bounds: tuple[float, float, float, float]  # in the raster's CRS
    shape: tuple[int, int]  # rows, cols
    dtype: str
    nodata: float | None
    categorical: bool = True
    band: int = 1
    style: Style | None = None
    role: Role = Role.RASTER

    def __post_init__(self) -> None:
        if self.style is None:
            self.style = default_style(Role.RASTER)

    @property
    def kind(self) -> str:
        """Always ``"raster"``."""
        return "raster"
