"""Analysis sections: overlap tables, proximity rings, downstream chains and raster
statistics (with a chart)."""
from __future__ import annotations

import pandas as pd

from ..data import ReportData
from ..formatting import format_count, format_number
from ..pdf import BarChart, Flowable, Heading, PageBreak, Paragraph, Table
from ..table_specs import pdf_table, role_text

__all__ = ["analysis_sections", "ring_counts"]


def ring_counts(proximity: pd.DataFrame, rings_km) -> pd.DataFrame:
    """Titles within each ring of each feature: rows (role, feature), one column per ring."""
    if not len(proximity) or "distance_m" not in proximity.columns:
        return pd.DataFrame()
    frame = proximity.assign(distance_m=pd.to_numeric(proximity["distance_m"], errors="coerce"))
    keys = ["role", "feature_uid", "feature_name"]
    groups = frame.groupby(keys, sort=False)
    out = groups.size().rename("n").reset_index()[keys]
    for ring in rings_km:
        within = frame[frame["distance_m"] <= ring * 1000.0]
        counts = within.groupby(keys, sort=False)["concession_uid"].nunique()
        out[ring] = out.set_index(keys).index.map(counts).fillna(0).astype(int)
    last = rings_km[-1] if len(rings_km) else None
    return out.sort_values([last, "feature_name"] if last is not None else ["feature_name"],
                           ascending=[False, True] if last is not None else [True])


def _overlap_section(data: ReportData) -> list[Flowable]:
    _, lang = data._, data.lang
    out: list[Flowable] = [PageBreak(), Heading(_("Overlaps"), 1),
                           Paragraph(_("Each row is one pair of a mining title and a sensitive feature "
                                       "that intersect. Areas are on the WGS 84 ellipsoid."))]
    summary = data.tables["summary"]
    if len(summary):
        out.append(pdf_table(summary, "summary", _, lang, _("Totals per sensitive feature "
                                                             "(overlaps dissolved, nothing counted twice)")))
    overlaps = data.tables["overlaps"]
    if len(overlaps):
        ordered = overlaps.sort_values(["role", "feature_name", "overlap_ha"], ascending=[True, True, False])
        out.append(pdf_table(ordered, "overlaps", _, lang, _("All overlaps")))
    else:
        out.append(Paragraph(_("No overlaps were found.")))
    return out


def _proximity_section(data: ReportData) -> list[Flowable]:
    _, lang = data._, data.lang
    rings = list(data.analysis.settings.rings_km)
    out: list[Flowable] = [PageBreak(), Heading(_("Proximity"), 1),
                           Paragraph(_("Number of mining titles whose edge lies within each distance of "
                                       "a sensitive feature (geodesic edge-to-edge distance; a title "
                                       "that overlaps the feature is at 0 km)."))]
    counts = ring_counts(data.tables["proximity"], rings)
    if not len(counts):
        out.append(Paragraph(_("No proximity results.")))
        return out
    header = [_("Feature"), _("Role")] + [f"\u2264 {format_number(r, 0, lang)} km" for r in rings]
    rows = [[str(r["feature_name"] or r["feature_uid"]), role_text(r["role"], _)]
            + [format_count(r[ring], lang) for ring in rings] for r in counts.to_dict("records")]
    out.append(Table(header, rows, align="ll" + "r" * len(rings), caption=_("Mining titles within each ring"),
                     continued=_("(continued)")))
    return out


def _downstream_section(data: ReportData) -> list[Flowable]:
    _, lang = data._, data.lang
    out: list[Flowable] = [PageBreak(), Heading(_("Downstream"), 1),
                           Paragraph(_("Basins downstream of each mining title, followed along the "
                                       "drainage network up to the reach set in the parameters, and "
                                       "the sensitive features they hold."))]
    table = data.tables["downstream"]
    if len(table):
        out.append(pdf_table(table, "downstream", _, lang, _("Downstream chains")))
    else:
        out.append(Paragraph(_("No downstream results (no basin layer, or no title inside a basin).")))
    return out


def _raster_chart(table: pd.DataFrame, data: ReportData) -> BarChart | None:
    value = next((c for c in ("area_ha", "class_ha", "ha") if c in table.columns), None)
    label = next((c for c in ("class_name", "class", "label") if c in table.columns), None)
    if value is None or label is None:
        return None
    totals = table.groupby(label, sort=False)[value].sum().sort_values(ascending=False).head(12)
    return BarChart(data._("Area by class (ha)"), [str(k) for k in totals.index],
                    [[float(v)] for v in totals.values], fmt=lambda v: format_number(v, 1, data.lang))


def _raster_section(data: ReportData) -> list[Flowable]:
    _, lang = data._, data.lang
    out: list[Flowable] = [PageBreak(), Heading(_("Raster statistics"), 1)]
    table = data.tables["raster_stats"]
    if not len(table):
        out.append(Paragraph(_("No raster statistics (no raster layer, or no title inside a raster).")))
        return out
    chart = _raster_chart(table, data)
    if chart is not None:
        out.append(chart)
    out.append(pdf_table(table, "raster_stats", _, lang, _("Raster statistics inside titles and rings")))
    return out


def analysis_sections(data: ReportData) -> list[Flowable]:
    """Overlaps, proximity, downstream and raster sections."""
    return (_overlap_section(data) + _proximity_section(data) + _downstream_section(data)
            + _raster_section(data))
