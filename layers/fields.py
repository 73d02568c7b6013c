"""Field mapping: recognise known schemas (ANM SIGMINE, FUNAI, CNUC/ICMBio, WDPA, HydroBASINS,
ANA ottobacias, LandMark, Amazon Mining Watch) and suggest a role.

Placeholder with the final signatures; the schema table lands with the sample-data work."""
from __future__ import annotations

from typing import Iterable

from .model import FieldMapping
from .roles import Role

__all__ = ["detect_mapping", "suggest_role"]


def detect_mapping(columns: Iterable[str]) -> FieldMapping:
    """The field mapping recognised from a layer's column names (empty if none is known)."""
    return FieldMapping()


def suggest_role(mapping: FieldMapping) -> Role | None:
    """The role a recognised schema usually plays, or None when unknown."""
    return None
