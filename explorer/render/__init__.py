"""explorer.render: map drawing with QPainter on any paint device (screen, PNG, PDF).

QtGui only, never widgets.  Start with :func:`render_map` / :func:`render_to_image` and a
:class:`MapView`.
"""
from .. import _refcount_guard  # noqa: F401  (first: see its docstring)
from .context import RenderOptions
from .coords import format_decimal, format_degree_label, format_dms
from .legend import LegendEntry, draw_legend, legend_entries, measure_legend
from .map import RenderResult, draw_overlays, draw_placed_labels, draw_selection_overlay, layers_extent, map_labels, render_map, render_to_image, selection_rows
from .hit import Hit, features_at, features_in_rect
from .prepared import RenderCache
from .scalebar import ScaleBar, solve_scale_bar
from .view import MapView

__all__ = [
    "MapView",
    "RenderOptions",
    "RenderCache",
    "RenderResult",
    "render_map",
    "render_to_image",
    "draw_overlays",
    "map_labels",
    "draw_placed_labels",
    "draw_selection_overlay",
    "layers_extent",
    "selection_rows",
    "Hit",
    "features_at",
    "features_in_rect",
    "ScaleBar",
    "solve_scale_bar",
    "LegendEntry",
    "legend_entries",
    "measure_legend",
    "draw_legend",
    "format_decimal",
    "format_dms",
    "format_degree_label",
]
