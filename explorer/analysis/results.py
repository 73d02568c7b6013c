"""The frozen result of one analysis run and the column lists of its tables."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import pandas as pd

from layers.model import ANALYSIS_CRS

from .settings import AnalysisSettings

__all__ = ["InputRecord", "AnalysisResult", "TABLE_COLUMNS", "TABLE_NAMES", "empty_table"]

#: Columns each table has at least (helpers may add more after these).
TABLE_COLUMNS: dict[str, list[str]] = {
    "overlaps": [
        "concession_uid", "concession_id", "concession_name", "concession_role",
        "role", "feature_uid", "feature_id", "feature_name",
        "overlap_ha", "pct_of_concession", "pct_of_feature", "contained", "distance_m",
    ],
    "proximity": ["concession_uid", "concession_id", "concession_name", "role",
                  "feature_uid", "feature_id", "feature_name", "distance_m"],
    "downstream": ["concession_id"],
    "raster_stats": ["raster"],
    "partnerships": ["partnership"],
    "summary": ["role", "feature_uid", "feature_id", "feature_name", "feature_ha",
                "covered_ha", "pct_covered", "n_concessions"],
    "rings": ["concession_uid", "concession_id", "role", "ring_km", "n_features", "names",
              "area_ha"],
    "concession_totals": ["concession_uid", "concession_id", "concession_name", "role",
                          "concession_ha", "overlap_ha", "pct_of_concession", "n_features"],
    "repairs": ["layer", "role", "file", "repair", "count", "detail"],
}
TABLE_NAMES = tuple(TABLE_COLUMNS)


def empty_table(name: str) -> pd.DataFrame:
    """A table with no rows and the columns of ``name``."""
    return pd.DataFrame({c: pd.Series(dtype=object) for c in TABLE_COLUMNS[name]})


@dataclass(frozen=True)
class InputRecord:
    """One input layer as the result records it (for the manifest and the method statement)."""

    name: str
    role: str
    kind: str  # "vector" or "raster"
    path: str = ""
    sha256: str = ""
    feature_count: int = 0
    original_crs: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return dict(vars(self))


def _empty_geometries() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"concession_uid": [], "feature_uid": [], "role": [], "overlap_ha": []},
        geometry=gpd.GeoSeries([], crs=ANALYSIS_CRS), crs=ANALYSIS_CRS,
    )


@dataclass(frozen=True, eq=False)
class AnalysisResult:
    """Everything one run produced.  Tables are copied on the way out, so it stays unchanged.

    ``timings`` is a tuple of ``(step, seconds)``; ``notes`` holds plain-English remarks
    (e.g. a step skipped because its input is missing).
    """

    settings: AnalysisSettings
    inputs: tuple[InputRecord, ...] = ()
    timings: tuple[tuple[str, float], ...] = ()
    notes: tuple[str, ...] = ()
    _tables: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)
    _geometries: gpd.GeoDataFrame | None = field(default=None, repr=False)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name (overlaps, proximity, downstream, raster_stats, partnerships,
        summary, rings, concession_totals, repairs); missing ones are empty with their columns."""
        return {name: self.table(name) for name in TABLE_NAMES}

    def table(self, name: str) -> pd.DataFrame:
        """One table by name, as a copy."""
        if name not in TABLE_COLUMNS:
            raise KeyError(f"unknown table {name!r}; expected one of {TABLE_NAMES}")
        table = self._tables.get(name)
        return empty_table(name) if table is None else table.copy()

    @property
    def overlap_geometries(self) -> gpd.GeoDataFrame:
        """Intersection of each (subject, feature) pair, EPSG:4326, with uids, role, overlap_ha."""
        if self._geometries is None:
            return _empty_geometries()
        return self._geometries.copy()

    @property
    def total_seconds(self) -> float:
        """Sum of the step timings."""
        return float(sum(seconds for _, seconds in self.timings))

    def as_dict(self) -> dict[str, Any]:
        """Settings, inputs, timings and notes as a JSON-ready dict (no tables)."""
        return {
            "settings": self.settings.as_dict(),
            "inputs": [record.as_dict() for record in self.inputs],
            "timings": [list(pair) for pair in self.timings],
            "notes": list(self.notes),
        }
