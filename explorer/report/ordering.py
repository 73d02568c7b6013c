"""The order in which layers are drawn on report maps (bottom first): context and rasters
under basins, then protected areas and territories, rivers, and the titles and points on top."""
from __future__ import annotations

from typing import Sequence

from layers.roles import Role

__all__ = ["DRAW_ORDER", "draw_order"]

DRAW_ORDER = (Role.CONTEXT, Role.RASTER, Role.BASIN, Role.PROTECTED_AREA, Role.INDIGENOUS_TERRITORY,
              Role.RIVER, Role.CONCESSION, Role.PROJECT, Role.COMMUNITY)


def draw_order(layers: Sequence) -> list:
    """``layers`` sorted bottom-first by role (stable within a role)."""
    rank = {role: i for i, role in enumerate(DRAW_ORDER)}
    return sorted(layers, key=lambda layer: rank.get(Role(layer.role), len(DRAW_ORDER)))
