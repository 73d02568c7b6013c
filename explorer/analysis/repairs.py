"""The repairs made to the input data on load, as a table the outputs carry.

Readers repair what they can (``make_valid``, dropped empty or null geometries, forced 2-D,
a decoding fallback, an assigned CRS, ...) and record each kind of change in the layer's
provenance.  Nothing is repaired silently: ``repairs_table`` lists them, one row per layer
and kind of repair, so ``analyze`` writes them to ``repairs.csv``, ``metrics.gpkg`` and stderr.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from layers.roles import Role

__all__ = ["REPAIR_COLUMNS", "repairs_table", "describe_repairs"]

#: ``count`` is what the repair counts: features for most, layers for ``choose_layer``.
REPAIR_COLUMNS = ["layer", "role", "file", "repair", "count", "detail"]


def repairs_table(layers: Iterable[object]) -> pd.DataFrame:
    """One row per (layer, repair) recorded in the layers' provenance; no rows if none."""
    rows = []
    for layer in layers:
        prov = getattr(layer, "provenance", None)
        for repair in getattr(prov, "repairs", ()) or ():
            rows.append({
                "layer": str(layer.name), "role": Role(layer.role).value,
                "file": str(prov.path), "repair": str(repair.kind),
                "count": int(repair.count), "detail": str(repair.detail or ""),
            })
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in REPAIR_COLUMNS})
    return pd.DataFrame(rows, columns=REPAIR_COLUMNS)


def describe_repairs(table: pd.DataFrame) -> list[str]:
    """One plain-English line per row of :func:`repairs_table`."""
    lines = []
    for row in table.itertuples(index=False):
        extra = f" ({row.detail})" if row.detail else ""
        lines.append(f"repaired on load: {row.layer}: {row.repair}: {row.count}{extra}")
    return lines
