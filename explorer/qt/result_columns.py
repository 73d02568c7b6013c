"""Column headings and role cells of the result tables as people read them, in the interface
language.  The tables keep their machine column names (the CSV headers, shown as the tooltip
of each heading); only what is displayed changes."""
from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from layers.roles import Role

from .retranslate import ui_number
from .role_text import role_text

__all__ = ["column_label", "cell_label", "ROLE_COLUMNS"]

_CONTEXT = "ResultColumns"
#: Columns whose values are role codes ("indigenous_territory"), shown as role names.
ROLE_COLUMNS = ("role", "concession_role")
_LABELS = {
    "concession_uid": QT_TRANSLATE_NOOP("ResultColumns", "Title key"),
    "subject_uid": QT_TRANSLATE_NOOP("ResultColumns", "Title key"),
    "concession_id": QT_TRANSLATE_NOOP("ResultColumns", "Title"),
    "concession_name": QT_TRANSLATE_NOOP("ResultColumns", "Title name"),
    "concession_role": QT_TRANSLATE_NOOP("ResultColumns", "Title role"),
    "role": QT_TRANSLATE_NOOP("ResultColumns", "Role"),
    "feature_uid": QT_TRANSLATE_NOOP("ResultColumns", "Feature key"),
    "feature_id": QT_TRANSLATE_NOOP("ResultColumns", "Feature ID"),
    "feature_name": QT_TRANSLATE_NOOP("ResultColumns", "Feature"),
    "overlap_ha": QT_TRANSLATE_NOOP("ResultColumns", "Overlap (ha)"),
    "pct_of_concession": QT_TRANSLATE_NOOP("ResultColumns", "% of title"),
    "pct_of_feature": QT_TRANSLATE_NOOP("ResultColumns", "% of feature"),
    "contained": QT_TRANSLATE_NOOP("ResultColumns", "Point inside"),
    "distance_m": QT_TRANSLATE_NOOP("ResultColumns", "Distance (m)"),
    "overlap_km": QT_TRANSLATE_NOOP("ResultColumns", "River inside (km)"),
    "feature_ha": QT_TRANSLATE_NOOP("ResultColumns", "Area (ha)"),
    "covered_ha": QT_TRANSLATE_NOOP("ResultColumns", "Covered (ha)"),
    "pct_covered": QT_TRANSLATE_NOOP("ResultColumns", "% covered"),
    "n_concessions": QT_TRANSLATE_NOOP("ResultColumns", "Titles"),
    "feature_km": QT_TRANSLATE_NOOP("ResultColumns", "Distance to feature (km)"),
    "covered_km": QT_TRANSLATE_NOOP("ResultColumns", "River covered (km)"),
    "nearest": QT_TRANSLATE_NOOP("ResultColumns", "Nearest"),
    "basin_code": QT_TRANSLATE_NOOP("ResultColumns", "Basin of the title"),
    "step": QT_TRANSLATE_NOOP("ResultColumns", "Basins downstream"),
    "downstream_basin_code": QT_TRANSLATE_NOOP("ResultColumns", "Downstream basin code"),
    "downstream_basin_name": QT_TRANSLATE_NOOP("ResultColumns", "Downstream basin"),
    "method": QT_TRANSLATE_NOOP("ResultColumns", "Method"),
    "basin_km": QT_TRANSLATE_NOOP("ResultColumns", "Distance to basin (km)"),
    "start_offset_km": QT_TRANSLATE_NOOP("ResultColumns", "Gap to the river (km)"),
    "offset_km": QT_TRANSLATE_NOOP("ResultColumns", "Gap river–feature (km)"),
    "concession_ha": QT_TRANSLATE_NOOP("ResultColumns", "Title area (ha)"),
    "n_features": QT_TRANSLATE_NOOP("ResultColumns", "Features"),
    "ring_km": QT_TRANSLATE_NOOP("ResultColumns", "Ring (km)"),
    "names": QT_TRANSLATE_NOOP("ResultColumns", "Names"),
    "area_ha": QT_TRANSLATE_NOOP("ResultColumns", "Area (ha)"),
    "raster": QT_TRANSLATE_NOOP("ResultColumns", "Raster"),
    "raster_kind": QT_TRANSLATE_NOOP("ResultColumns", "Raster kind"),
    "zone_id": QT_TRANSLATE_NOOP("ResultColumns", "Zone"),
    "zone_name": QT_TRANSLATE_NOOP("ResultColumns", "Zone name"),
    "zone_type": QT_TRANSLATE_NOOP("ResultColumns", "Zone type"),
    "class": QT_TRANSLATE_NOOP("ResultColumns", "Class"),
    "pixels": QT_TRANSLATE_NOOP("ResultColumns", "Pixels"),
    "pct_of_zone": QT_TRANSLATE_NOOP("ResultColumns", "% of zone"),
    "valid_ha": QT_TRANSLATE_NOOP("ResultColumns", "Area with data (ha)"),
    "min": QT_TRANSLATE_NOOP("ResultColumns", "Minimum"),
    "mean": QT_TRANSLATE_NOOP("ResultColumns", "Mean"),
    "max": QT_TRANSLATE_NOOP("ResultColumns", "Maximum"),
    "before_ha": QT_TRANSLATE_NOOP("ResultColumns", "Before (ha)"),
    "after_ha": QT_TRANSLATE_NOOP("ResultColumns", "After (ha)"),
    "gained_ha": QT_TRANSLATE_NOOP("ResultColumns", "Gained (ha)"),
    "lost_ha": QT_TRANSLATE_NOOP("ResultColumns", "Lost (ha)"),
    "net_ha": QT_TRANSLATE_NOOP("ResultColumns", "Net change (ha)"),
    "partnership": QT_TRANSLATE_NOOP("ResultColumns", "Partnership"),
    "partnership_name": QT_TRANSLATE_NOOP("ResultColumns", "Partnership name"),
    "parties": QT_TRANSLATE_NOOP("ResultColumns", "Parties"),
    "instrument": QT_TRANSLATE_NOOP("ResultColumns", "Instrument"),
    "focus_areas": QT_TRANSLATE_NOOP("ResultColumns", "Focus areas"),
    "text_public": QT_TRANSLATE_NOOP("ResultColumns", "Text public"),
    "n_projects": QT_TRANSLATE_NOOP("ResultColumns", "Projects"),
    "n_located": QT_TRANSLATE_NOOP("ResultColumns", "Located"),
    "n_undisclosed": QT_TRANSLATE_NOOP("ResultColumns", "Location not disclosed"),
    "n_touching": QT_TRANSLATE_NOOP("ResultColumns", "Near sensitive areas"),
    "project_id": QT_TRANSLATE_NOOP("ResultColumns", "Project"),
    "project_name": QT_TRANSLATE_NOOP("ResultColumns", "Project name"),
    "operator": QT_TRANSLATE_NOOP("ResultColumns", "Operator"),
    "country": QT_TRANSLATE_NOOP("ResultColumns", "Country"),
    "commodity": QT_TRANSLATE_NOOP("ResultColumns", "Commodity"),
    "location_disclosed": QT_TRANSLATE_NOOP("ResultColumns", "Location disclosed"),
    "location_precision": QT_TRANSLATE_NOOP("ResultColumns", "Location precision"),
    "overlaps": QT_TRANSLATE_NOOP("ResultColumns", "Overlaps"),
    "n_overlaps": QT_TRANSLATE_NOOP("ResultColumns", "Number of overlaps"),
    "near": QT_TRANSLATE_NOOP("ResultColumns", "Near"),
    "n_near": QT_TRANSLATE_NOOP("ResultColumns", "Number near"),
    "nearest_km": QT_TRANSLATE_NOOP("ResultColumns", "Nearest (km)"),
}
_WITHIN = re.compile(r"^within_(\d+(?:\.\d+)?)km$")
_AREA_WITHIN = re.compile(r"^area_(\d+(?:\.\d+)?)km_ha$")


def _km(text: str) -> str:
    return ui_number(float(text), 0 if float(text).is_integer() else 1)


def column_label(column: str) -> str:
    """The heading of a result column in the interface language (unknown columns as they are)."""
    if column in _LABELS:
        return QCoreApplication.translate(_CONTEXT, _LABELS[column])
    within = _WITHIN.match(column)
    if within:
        return QCoreApplication.translate("ResultColumns", "Within %1 km").replace("%1", _km(within.group(1)))
    area = _AREA_WITHIN.match(column)
    if area:
        return QCoreApplication.translate("ResultColumns", "Area within %1 km (ha)").replace("%1", _km(area.group(1)))
    return column


def cell_label(column: str, value: Any) -> str | None:
    """A role code shown as the role's name; None for every other cell (shown as it is)."""
    if column in ROLE_COLUMNS and isinstance(value, str):
        try:
            return role_text(Role(value))
        except ValueError:
            return None
    return None
