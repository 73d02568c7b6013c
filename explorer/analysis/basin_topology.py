"""From a basin layer and its field mapping to basin keys, names, shapes and downstream chains.

A basin layer carries either Otto Pfafstetter codes (``mapping.code``, e.g. ANA's ``NIVEL44``
or ``cobacia``) or HydroBASINS links (``mapping.next_down`` = ``NEXT_DOWN``, with the basin id
in ``mapping.id`` or ``HYBAS_ID``).  Rows sharing a key (a basin split in several rows) are
merged into one shape.  When a layer has both, ``NEXT_DOWN`` is used: it is explicit topology,
while HydroBASINS' ``PFAF_ID`` starts with a continent digit, not a Pfafstetter level.  See
:mod:`explorer.analysis.pfafstetter` for the rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from layers.errors import FieldMappingError
from layers.model import FieldMapping

from .pfafstetter import next_down_chains, normalise_code, pfafstetter_chains

__all__ = ["BasinSet", "basin_set"]

_CODE_GUESSES = ("PFAF_ID", "pfaf_id", "cobacia", "COBACIA", "code", "CODE")
_ID_GUESSES = ("HYBAS_ID", "hybas_id")
_NEXT_GUESSES = ("NEXT_DOWN", "next_down")


@dataclass(frozen=True)
class BasinSet:
    """Basins by key: ``shapes`` (GeoDataFrame indexed by key, columns ``name``, ``geometry``)
    and ``chains`` (key -> downstream keys, nearest first).  ``method`` is ``"pfafstetter"``
    or ``"next_down"``; ``code_column`` names the column the keys came from."""

    shapes: gpd.GeoDataFrame
    chains: dict[str, list[str]]
    method: str
    code_column: str

    @cached_property
    def geometry_of(self) -> dict[str, shapely.Geometry]:
        """Basin key -> merged shape (a plain dict, built on first use)."""
        return dict(zip(self.shapes.index, self.shapes.geometry.values))


def _layer_name(basins: pd.DataFrame) -> str:
    if "layer" in basins.columns and len(basins):
        return str(basins["layer"].iloc[0])
    return "basin layer"


def _pick(columns, mapped: str | None, guesses) -> str | None:
    if mapped and mapped in columns:
        return mapped
    return next((c for c in guesses if c in columns), None)


def _guess_level_column(basins: pd.DataFrame) -> str | None:
    """ANA ottobacias: the deepest ``NIVEL<n>`` column (most distinct codes)."""
    levels = [c for c in basins.columns if re.fullmatch(r"(?i)nivel\d+", str(c))]
    if not levels:
        return None
    return max(levels, key=lambda c: basins[c].nunique())


def _guess_name_column(basins: pd.DataFrame) -> str | None:
    """``name``/``nome``, else ANA's deepest ``REGIAO<n>`` column (most distinct names)."""
    plain = _pick(basins.columns, None, ("name", "NAME", "nome", "NOME"))
    if plain is not None:
        return plain
    regions = [c for c in basins.columns if re.fullmatch(r"(?i)regiao\d+", str(c))]
    return max(regions, key=lambda c: basins[c].nunique()) if regions else None


def _names(basins: pd.DataFrame, mapping: FieldMapping) -> pd.Series:
    column = _pick(basins.columns, mapping.name, ()) or _guess_name_column(basins)
    if column is None:
        return pd.Series([""] * len(basins), index=basins.index)
    text = basins[column].fillna("").astype(str).str.strip()
    return text.where(text != "-", "")


def _shapes(keys: pd.Series, basins: gpd.GeoDataFrame, names: pd.Series) -> gpd.GeoDataFrame:
    valid = keys.notna()
    table = pd.DataFrame({"key": keys[valid], "name": names[valid],
                          "geometry": basins.geometry[valid].values})
    rows = []
    for key, group in table.groupby("key", sort=True):
        geoms = np.asarray(group["geometry"].values, dtype=object)
        geom = geoms[0] if len(geoms) == 1 else shapely.union_all(geoms)
        name = next((n for n in group["name"] if n), "")
        rows.append((key, name, geom))
    frame = pd.DataFrame(rows, columns=["key", "name", "geometry"]).set_index("key")
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=basins.crs)


def basin_set(basins: gpd.GeoDataFrame, mapping: FieldMapping | None,
              unit_digits: int | None = None) -> BasinSet:
    """Keys, merged shapes and downstream chains of a basin layer (lon/lat frame).

    Raises :class:`~layers.errors.FieldMappingError` when neither a Pfafstetter code nor a
    NEXT_DOWN column can be found.
    """
    mapping = mapping or FieldMapping()
    columns = list(basins.columns)
    names = _names(basins, mapping)
    next_col = _pick(columns, mapping.next_down, _NEXT_GUESSES)
    code_col = _pick(columns, mapping.code, _CODE_GUESSES) or _guess_level_column(basins)
    if next_col is not None:  # explicit topology wins over codes (HydroBASINS maps both)
        id_col = _pick(columns, mapping.id, _ID_GUESSES)
        if id_col is None:
            raise FieldMappingError(_layer_name(basins),
                                    f"basin layer has {next_col} but no basin id column (HYBAS_ID)")
        ids = pd.to_numeric(basins[id_col], errors="coerce")
        downs = pd.to_numeric(basins[next_col], errors="coerce").fillna(0)
        keys = ids.map(lambda v: None if pd.isna(v) else str(int(v)))
        links = {int(i): int(d) for i, d in zip(ids, downs) if not pd.isna(i)}
        chains = {str(k): [str(v) for v in chain] for k, chain in next_down_chains(links).items()}
        return BasinSet(_shapes(keys, basins, names), chains, "next_down", id_col)
    if code_col is None:
        raise FieldMappingError(_layer_name(basins),
                                "basin layer has no Pfafstetter code or NEXT_DOWN column mapped")
    keys = basins[code_col].map(normalise_code)
    chains = pfafstetter_chains(keys.dropna(), unit_digits)
    return BasinSet(_shapes(keys, basins, names), chains, "pfafstetter", code_col)
