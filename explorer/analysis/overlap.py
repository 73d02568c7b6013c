"""Overlap of subjects (concessions, projects) with sensitive features (placeholder)."""
from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

__all__ = ["OverlapOutput", "overlap_tables"]


@dataclass(frozen=True, eq=False)
class OverlapOutput:
    """Tables (overlaps, summary, concession_totals) and the overlap geometries."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    geometries: gpd.GeoDataFrame | None = None


def overlap_tables(subjects, sensitive, settings, *, progress=None, cancelled=None) -> OverlapOutput:
    """Overlap metrics of every (subject, sensitive feature) pair."""
    return OverlapOutput()
