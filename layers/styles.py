"""How a layer is drawn: colours, hatching, symbols and labels, with a default for each role.

Colours are ``#rrggbb`` strings so the model stays free of Qt; the renderer turns them into
QColors, the HTML map into CSS."""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from .roles import Role

__all__ = ["Style", "default_style", "HATCHES", "MARKERS"]

HATCHES = ("none", "diagonal", "cross", "horizontal", "vertical", "dots")
MARKERS = ("circle", "square", "triangle", "diamond", "star")


@dataclass(frozen=True)
class Style:
    """The look of one layer."""

    fill: str = "#888888"
    fill_opacity: float = 0.35
    stroke: str = "#444444"
    stroke_width: float = 0.8  # in points
    hatch: str = "none"
    marker: str = "circle"
    marker_size: float = 6.0  # in points
    label_field: str | None = None
    opacity: float = 1.0
    visible: bool = True

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the style."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Style":
        """Inverse of :meth:`as_dict`; unknown keys are ignored."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in names})

    def with_changes(self, **changes: Any) -> "Style":
        """A copy with some attributes changed."""
        return replace(self, **changes)


_DEFAULTS = {
    Role.CONCESSION: Style(fill="#d95f02", fill_opacity=0.45, stroke="#a6410a", stroke_width=0.6),
    Role.PROJECT: Style(fill="#e7298a", stroke="#7a0d47", marker="star", marker_size=11.0),
    Role.BASIN: Style(fill="#a6cee3", fill_opacity=0.12, stroke="#1f78b4", stroke_width=0.7),
    Role.RIVER: Style(fill="#1f78b4", fill_opacity=0.0, stroke="#1f78b4", stroke_width=0.8),
    Role.PROTECTED_AREA: Style(fill="#1b9e77", fill_opacity=0.28, stroke="#0e6b4f", stroke_width=1.0, hatch="diagonal"),
    Role.INDIGENOUS_TERRITORY: Style(fill="#7570b3", fill_opacity=0.3, stroke="#4b4690", stroke_width=1.2, hatch="cross"),
    Role.COMMUNITY: Style(fill="#ffd92f", stroke="#5a4a00", marker="triangle", marker_size=7.0),
    Role.CONTEXT: Style(fill="#f4f1ea", fill_opacity=1.0, stroke="#9c9c9c", stroke_width=0.6),
    Role.RASTER: Style(fill_opacity=0.8),
}


def default_style(role: Role) -> Style:
    """The style a new layer of ``role`` starts with."""
    return _DEFAULTS.get(role, Style())
