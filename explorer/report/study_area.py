"""The study area: where the PDF overview map and the HTML map open.

It is the extent of the mining titles and of the sensitive features they touch (territories,
protected areas, basins, communities with overlaps), not of every layer: partnership projects
lie around the world and country borders cover it, and opening there would show nothing of
the study.  Layers outside stay reachable (HTML layer control; PDF partnership pages).
"""
from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd

from layers.model import VectorLayer
from layers.roles import Role

__all__ = ["study_extent", "SUBJECT_ROLES"]

#: Layers whose whole extent is part of the study area.
SUBJECT_ROLES = (Role.CONCESSION,)
_SKIP = (Role.CONTEXT, Role.PROJECT, Role.RIVER)


def _union(boxes) -> tuple[float, float, float, float] | None:
    boxes = [b for b in boxes if b is not None and all(pd.notna(v) for v in b)]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _touched_boxes(layers: Sequence[VectorLayer], summary: pd.DataFrame):
    if not len(summary) or "feature_uid" not in summary.columns:
        return []
    count = pd.to_numeric(summary.get("n_concessions"), errors="coerce").fillna(0)
    touched = set(summary.loc[count.to_numpy() > 0, "feature_uid"].astype(str))
    from .lookup import FeatureIndex

    index = FeatureIndex([l for l in layers if Role(l.role) not in _SKIP + SUBJECT_ROLES])
    refs = [index.get(uid) for uid in touched]
    return [tuple(float(v) for v in ref.geometry().bounds) for ref in refs
            if ref is not None and ref.geometry() is not None and not ref.geometry().is_empty]


def study_extent(layers: Sequence, tables: Mapping[str, pd.DataFrame] | None = None):
    """(minx, miny, maxx, maxy) in lon/lat of the titles and the features they touch; falls back
    to the non-context, non-project layers, then to every layer (None if there is nothing)."""
    vectors = [l for l in layers if isinstance(l, VectorLayer) and len(l.frame)]
    subjects = [tuple(l.geographic().total_bounds) for l in vectors if Role(l.role) in SUBJECT_ROLES]
    summary = (tables or {}).get("summary", pd.DataFrame())
    found = _union(subjects + _touched_boxes(vectors, summary))
    if found is not None:
        return found
    rest = [tuple(l.geographic().total_bounds) for l in vectors if Role(l.role) not in _SKIP]
    return _union(rest) or _union([tuple(l.geographic().total_bounds) for l in vectors])
