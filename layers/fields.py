"""Field mapping: recognise a layer's schema from its column names and say which column holds each
meaning (id, name, holder, commodity, status, phase, area, code, next_down).

Known schemas (see :data:`layers.schemas.SCHEMAS`): ANM SIGMINE, FUNAI Terras Indígenas and
aldeias, ICMBio/CNUC (three variants), WDPA, HydroBASINS, HydroRIVERS, ANA ottobacias and BHO,
LandMark, Amazon Mining Watch territories and detections, and the sample data's own layers.
Matching ignores case; the mapping names the columns as the file spells them.  The best-scoring
schema wins: the share of its signature columns present, then how many.  Users change any choice
with :meth:`layers.model.FieldMapping.override`.

Role choices worth knowing: Amazon Mining Watch *detections* are suggested as ``concession``
(the subject role) so that their overlap with territories and parks is measured, although they are
mining footprints seen from space, not legal titles; AMW *territory* files are suggested as
``indigenous_territory`` (AMW's protected-area file has the same columns: override the role).

>>> detect_mapping(["PROCESSO", "FASE", "NOME", "SUBS", "AREA_HA"]).holder
'NOME'
>>> detect_mapping(["foo", "bar"]).schema is None
True
"""
from __future__ import annotations

import re
from typing import Iterable

from .model import FieldMapping
from .roles import Role
from .schemas import SCHEMAS, Deepest, Schema

__all__ = ["detect_mapping", "suggest_role", "area_unit", "schema_label", "score_schema"]

_BY_NAME = {schema.name: schema for schema in SCHEMAS}


def _index(columns: Iterable[str]) -> dict[str, str]:
    """Lower-cased, stripped column name -> column name as spelled (first spelling wins)."""
    out: dict[str, str] = {}
    for column in columns:
        if isinstance(column, str):
            out.setdefault(column.strip().lower(), column)
    return out


def score_schema(schema: Schema, columns: Iterable[str]) -> float:
    """Share of ``schema``'s signature columns present (0 when a required one is missing or
    fewer than its minimum are present)."""
    index = _index(columns)
    if any(name.lower() not in index for name in schema.required):
        return 0.0
    present = sum(1 for name in schema.signature if name.lower() in index)
    if present < schema.minimum:
        return 0.0
    return present / len(schema.signature)


def _deepest(rule: Deepest, index: dict[str, str]) -> str | None:
    """The ``<prefix><level><n>`` column with the highest level digit, if any."""
    pattern = re.compile(rf"^{re.escape(rule.prefix.lower())}(\d)\d*$")
    found = [(int(m.group(1)), key) for key in index if (m := pattern.match(key))]
    return index[max(found)[1]] if found else None


def _resolve(spec: tuple[str, ...] | Deepest, index: dict[str, str]) -> str | None:
    """The column a field specification points to in this layer, or None."""
    if isinstance(spec, Deepest):
        return _deepest(spec, index)
    for candidate in spec:
        if candidate.lower() in index:
            return index[candidate.lower()]
    return None


def _best_schema(columns: list[str]) -> Schema | None:
    """The schema with the highest score (then most signature columns), or None."""
    best, best_key = None, (0.0, 0)
    index = _index(columns)
    for schema in SCHEMAS:
        score = score_schema(schema, columns)
        matched = sum(1 for name in schema.signature if name.lower() in index)
        if score > 0 and (score, matched) > best_key:
            best, best_key = schema, (score, matched)
    return best


def detect_mapping(columns: Iterable[str]) -> FieldMapping:
    """The field mapping recognised from a layer's column names (empty if none is known).

    >>> detect_mapping(["hybas_id", "next_down", "sub_area", "pfaf_id"]).next_down
    'next_down'
    """
    columns = [c for c in columns if isinstance(c, str)]
    schema = _best_schema(columns)
    if schema is None:
        return FieldMapping()
    index = _index(columns)
    found = {key: _resolve(spec, index) for key, spec in schema.fields.items()}
    return FieldMapping(schema=schema.name, **{k: v for k, v in found.items() if v})


def suggest_role(mapping: FieldMapping) -> Role | None:
    """The role a recognised schema usually plays, or None when unknown.

    >>> suggest_role(detect_mapping(["terrai_cod", "terrai_nom", "fase_ti"]))
    <Role.INDIGENOUS_TERRITORY: 'indigenous_territory'>
    """
    schema = _BY_NAME.get(mapping.schema or "")
    return schema.role if schema else None


def area_unit(mapping: FieldMapping) -> str | None:
    """Unit of the mapped ``area`` column ("ha" or "km2"), or None when unknown."""
    schema = _BY_NAME.get(mapping.schema or "")
    return schema.area_unit if schema and mapping.area else None


def schema_label(mapping: FieldMapping) -> str | None:
    """English display name of the recognised schema (the GUI translates it), or None."""
    schema = _BY_NAME.get(mapping.schema or "")
    return schema.label if schema else None
