"""Analysis sections: overlap tables, proximity rings, downstream chains and raster
statistics (with a chart)."""
from __future__ import annotations

import pandas as pd

from ..data import ReportData
from ..formatting import format_count, format_number
from ..pdf import BarChart, Flowable, Heading, PageBreak, Paragraph, Table
from ..table_specs import pdf_table, role_text
from .downstream import downstream_section
from .summary import feature_name
from .traces import source_note

__all__ = ["analysis_sections", "ring_counts", "role_totals"]


def ring_counts(proximity: pd.DataFrame, rings_km) -> pd.DataFrame:
    """Titles within each ring of each feature: rows (role, feature), one column per ring.

    Uses the analysis' ``within_<r>km`` flags when present, else ``distance_m``.  River reaches
    are counted together as one row (a title near any reach).
    """
    if not len(proximity) or "distance_m" not in proximity.columns:
        return pd.DataFrame()
    frame = proximity.assign(distance_m=pd.to_numeric(proximity["distance_m"], errors="coerce"))
    river = frame["role"].astype(str) == "river"
    frame.loc[river, "feature_uid"] = "river"
    frame.loc[river, "feature_name"] = ""
    keys = ["role", "feature_uid", "feature_name"]
    out = frame[keys].drop_duplicates().reset_index(drop=True)
    index = out.set_index(keys).index
    for ring in rings_km:
        flag = f"within_{ring:g}km"
        inside = frame[flag].astype(bool) if flag in frame.columns else frame["distance_m"] <= ring * 1000.0
        counts = frame[inside.to_numpy()].groupby(keys, sort=False)["concession_uid"].nunique()
        out[ring] = index.map(counts).fillna(0).astype(int)
    order = {"indigenous_territory": 0, "protected_area": 1, "community": 2, "basin": 3, "river": 4}
    out["_o"] = out["role"].map(order).fillna(9)
    last = rings_km[-1]
    return out.sort_values(["_o", last], ascending=[True, False]).drop(columns="_o")


def _touched_summary(summary: pd.DataFrame) -> pd.DataFrame:
    count = pd.to_numeric(summary["n_concessions"], errors="coerce").fillna(0)
    rows = summary[(count > 0) & (summary["role"].astype(str) != "river")].copy()
    rows["feature_name"] = [feature_name(r) for r in rows.to_dict("records")]
    return rows.sort_values(["role", "covered_ha"], ascending=[True, False])


def role_totals(overlaps: pd.DataFrame, summary: pd.DataFrame) -> pd.DataFrame:
    """Per role: features touched, distinct titles, overlap pairs and the sum of the features'
    dissolved covered areas (``summary.csv`` ``covered_ha``; rivers: ``covered_km``)."""
    if not len(overlaps):
        return pd.DataFrame()
    grouped = overlaps.groupby(overlaps["role"].astype(str), sort=True)
    out = pd.DataFrame({"features": grouped["feature_uid"].nunique(),
                        "titles": grouped["concession_uid"].nunique(),
                        "pairs": grouped.size()})
    count = pd.to_numeric(summary.get("n_concessions"), errors="coerce").fillna(0)
    touched = summary[count.to_numpy() > 0]
    for column in ("covered_ha", "covered_km"):
        values = pd.to_numeric(touched.get(column, pd.Series(dtype=float)), errors="coerce")
        out[column] = values.groupby(touched["role"].astype(str)).sum(min_count=1)
    if "river" in out.index:  # reaches are lines: their cover is a length, not an area
        out.loc["river", "covered_ha"] = float("nan")
    return out.reset_index(names="role")


def _role_table(data: ReportData) -> list[Flowable]:
    _, lang = data._, data.lang
    totals = role_totals(data.tables["overlaps"], data.tables["summary"])
    if not len(totals):
        return []
    rows = [[role_text(r["role"], _), format_count(r["features"], lang), format_count(r["titles"], lang),
             format_count(r["pairs"], lang), format_number(r.get("covered_ha"), 1, lang),
             format_number(r.get("covered_km"), 1, lang)] for r in totals.to_dict("records")]
    return [Table([_("Role"), _("Features touched"), _("Titles"), _("Overlap pairs"), _("Covered (ha)"),
                   _("Covered (km)")], rows, align="lrrrrr", caption=_("Totals per role"),
                  continued=_("(continued)")),
            source_note(data, "overlaps.csv", ["role", "feature_uid", "concession_uid"],
                        _("Features touched and titles are distinct feature_uid and concession_uid "
                          "values, overlap pairs are rows; covered areas are sums of covered_ha and "
                          "covered_km in summary.csv over the features touched."))]


def _river_sentence(data: ReportData) -> Paragraph | None:
    _, lang = data._, data.lang
    overlaps = data.tables["overlaps"]
    rivers = overlaps[overlaps["role"].astype(str) == "river"]
    if not len(rivers):
        return None
    # the length inside the union of the titles (summary.csv covered_km), so a reach crossed by
    # two overlapping titles is counted once, as in the totals per role
    summary = data.tables["summary"]
    reaches = summary[summary["role"].astype(str) == "river"] if len(summary) else summary
    km = pd.to_numeric(reaches.get("covered_km", pd.Series(dtype=float)), errors="coerce").sum()
    return Paragraph(_("Rivers: {titles} mining titles cross {reaches} river reaches ({km} km of river "
                       "inside titles).").format(titles=format_count(rivers["concession_uid"].nunique(), lang),
                                                 reaches=format_count(rivers["feature_uid"].nunique(), lang),
                                                 km=format_number(km, 1, lang)))


def _overlap_section(data: ReportData) -> list[Flowable]:
    _, lang = data._, data.lang
    out: list[Flowable] = [PageBreak(), Heading(_("Overlaps"), 1),
                           Paragraph(_("Each overlap is one pair of a mining title and a sensitive feature "
                                       "that intersect. Areas are on the WGS 84 ellipsoid. The PDF shows "
                                       "totals; every pair is a row of overlaps.csv and of the layer "
                                       "overlaps of metrics.gpkg."))]
    overlaps = data.tables["overlaps"]
    if not len(overlaps):
        out.append(Paragraph(_("No overlaps were found.")))
        return out
    out += _role_table(data)
    river = _river_sentence(data)
    if river is not None:
        out.append(river)
    summary = data.tables["summary"]
    if len(summary):
        out.append(pdf_table(_touched_summary(summary), "summary", _, lang,
                             _("Totals per sensitive feature (overlaps dissolved, nothing counted twice)")))
        out.append(source_note(data, "summary.csv", ["feature_name", "role", "feature_ha", "n_concessions",
                                                     "covered_ha", "pct_covered"],
                               _("Rows with n_concessions above 0; river reaches are counted in the "
                                 "totals per role only.")))
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
    rows = [[str(r["feature_name"] or (_("any river reach") if r["role"] == "river" else r["feature_uid"])),
             role_text(r["role"], _)]
            + [format_count(r[ring], lang) for ring in rings] for r in counts.to_dict("records")]
    out.append(Table(header, rows, align="ll" + "r" * len(rings), caption=_("Mining titles within each ring"),
                     continued=_("(continued)")))
    out.append(source_note(data, "proximity.csv", [f"within_{r:g}km" for r in rings],
                           _("Each count is the number of distinct concession_uid with the flag true, per "
                             "feature_uid (all river reaches together in one row). Distances and ring areas "
                             "per title are in proximity.csv and rings.csv.")))
    return out


def _class_label(code) -> str:
    try:
        from explorer.render.palette import class_name

        return f"{int(float(code))} {class_name(int(float(code)))}".strip()
    except (ImportError, ValueError, TypeError):
        return str(code)


def raster_class_totals(table: pd.DataFrame) -> pd.DataFrame:
    """Per raster and class: area inside titles (ha) and how many titles hold that class."""
    if not {"raster", "class", "area_ha"} <= set(table.columns):
        return pd.DataFrame()
    inside = table[table["zone_type"].astype(str) != "ring"] if "zone_type" in table.columns else table
    inside = inside.assign(area_ha=pd.to_numeric(inside["area_ha"], errors="coerce"))
    key = "subject_uid" if "subject_uid" in inside.columns else "zone_id"
    grouped = inside.groupby(["raster", "class"], sort=True)
    out = grouped["area_ha"].sum().rename("area_ha").reset_index()
    out["titles"] = grouped[key].nunique().to_numpy() if key in inside.columns else 0
    return out.sort_values(["raster", "area_ha"], ascending=[True, False])


def _raster_section(data: ReportData) -> list[Flowable]:
    _, lang = data._, data.lang
    out: list[Flowable] = [PageBreak(), Heading(_("Raster statistics"), 1)]
    table = data.tables["raster_stats"]
    if not len(table):
        out.append(Paragraph(_("No raster statistics (no raster layer, or no title inside a raster).")))
        return out
    totals = raster_class_totals(table)
    if not len(totals):
        out.append(pdf_table(table.head(200), "raster_stats", _, lang, _("Raster statistics inside titles and rings")))
        return out
    for raster, group in totals.groupby("raster", sort=True):
        top = group.head(12)
        out.append(BarChart(_("Area by class inside mining titles (ha): {raster}").format(raster=raster),
                            [_class_label(c) for c in top["class"]], [[float(v)] for v in top["area_ha"]],
                            fmt=lambda v: format_number(v, 1, lang)))
    rows = [[str(r["raster"]), _class_label(r["class"]), format_number(r["area_ha"], 2, lang),
             format_count(r["titles"], lang)] for r in totals.to_dict("records")]
    out.append(Table([_("Raster"), _("Class"), _("Area inside titles (ha)"), _("Titles")], rows,
                     align="llrr", caption=_("Land cover inside mining titles, all titles together"),
                     continued=_("(continued)"), weights=[2.0, 2.0, 1.0, 0.6]))
    out.append(Paragraph(_("Every row of the raster statistics ({rows} rows, per title and per ring) is in "
                           "raster_stats.csv.").format(rows=format_count(len(table), lang)), italic=True, size=8.0))
    out.append(source_note(data, "raster_stats.csv", ["raster", "class", "area_ha", "subject_uid"],
                           _("Sums of area_ha per raster and class over the rows whose zone_type is not "
                             "\u201cring\u201d; titles are distinct subject_uid values.")))
    return out


def analysis_sections(data: ReportData) -> list[Flowable]:
    """Overlaps, proximity, downstream and raster sections."""
    return (_overlap_section(data) + _proximity_section(data) + downstream_section(data)
            + _raster_section(data))
