"""One page per touched territory, protected area or basin, and one per ``--focus`` title:
a map of the feature with the titles that overlap it, its key figures and the overlap table."""
from __future__ import annotations

import pandas as pd

from layers.roles import Role

from ..data import ReportData
from ..formatting import format_area, format_count, format_percent
from ..lookup import FeatureIndex
from ..maps import extent_of, map_figure, padded
from ..pdf import Flowable, Heading, PageBreak, Paragraph, Table
from ..table_specs import N_, pdf_table, role_text
from .summary import feature_name, touched_features
from .traces import TOP_ROWS, cut_note, source_note

__all__ = ["findings_sections", "feature_page", "focus_page"]

_TITLE_COLUMNS = [
    ("concession_id", N_("Title"), "text"),
    ("holder", N_("Holder"), "text"),
    ("phase", N_("Phase"), "text"),
    ("overlap_ha", N_("Overlap (ha)"), "ha"),
    ("pct_of_concession", N_("% of title"), "pct"),
    ("pct_of_feature", N_("% of feature"), "pct"),
]


def _with_attributes(frame: pd.DataFrame, index: FeatureIndex, uid_column: str) -> pd.DataFrame:
    frame = frame.copy()
    for key in ("holder", "phase", "commodity"):
        frame[key] = [((index.get(u).attributes.get(key, "")) if index.get(u) else "")
                      for u in frame[uid_column]]
    return frame


def _facts(rows: list[tuple[str, str]]) -> Table:
    return Table([], rows, align="ll", weights=[1.0, 2.0])


def _selection(uids, index: FeatureIndex) -> dict:
    """``{layer name: [rows]}`` of the features with these uids (to highlight on a map)."""
    out: dict = {}
    for uid in set(uids):
        ref = index.get(uid)
        if ref is not None:
            out.setdefault(ref.layer.name, []).append(ref.row)
    return out


def _map_layers(data: ReportData):
    return [l for l in data.layers if l.style is None or l.style.visible]


def feature_page(data: ReportData, row: dict, index: FeatureIndex) -> list[Flowable]:
    """The page of one touched feature (a row of the summary table)."""
    _, lang = data._, data.lang
    name = feature_name(row)
    out: list[Flowable] = [PageBreak(), Heading(_("{role}: {name}").format(role=role_text(row['role'], _), name=name), 1)]
    ref = index.get(row["feature_uid"])
    overlaps = data.tables["overlaps"]
    mine = overlaps[overlaps["feature_uid"] == row["feature_uid"]]
    if ref is not None:
        extent = padded(ref.geometry().bounds, 0.06)
        figure = map_figure(_map_layers(data), extent, 98, _("Map of {name}; the mining titles that "
                            "overlap it are highlighted.").format(name=name),
                            selection=_selection(mine["concession_uid"], index), legend_title=_("Legend"),
                            cache=data.map_cache)
        if figure is not None:
            out.append(figure)
    out.append(_facts([
        (_("Area of the feature"), format_area(row.get("feature_ha"), lang)),
        (_("Mining titles overlapping it"), format_count(row.get("n_concessions"), lang)),
        (_("Area covered by titles (overlaps dissolved)"), format_area(row.get("covered_ha"), lang)),
        (_("Share of the feature covered"), format_percent(row.get("pct_covered"), lang)),
    ]))
    if len(mine):
        out += _title_table(data, mine, index, name, row["feature_uid"])
    return out


def _title_table(data: ReportData, mine: pd.DataFrame, index: FeatureIndex, name: str,
                 uid: str) -> list[Flowable]:
    """The largest overlaps with one feature (at most :data:`TOP_ROWS`), where they come from
    and where the rest are."""
    _, lang = data._, data.lang
    top = mine.sort_values("overlap_ha", ascending=False, kind="stable").head(TOP_ROWS)
    top = _with_attributes(top, index, "concession_uid")
    caption = (_("Mining titles overlapping {name}") if len(top) == len(mine)
               else _("The {count} largest overlaps with {name}")).format(
        name=name, count=format_count(len(top), lang))
    out: list[Flowable] = [pdf_table(top, "overlaps", _, lang, caption, columns=_TITLE_COLUMNS)]
    note = cut_note(data, len(top), len(mine), "overlaps.csv")
    if note is not None:
        out.append(note)
    out.append(source_note(data, "overlaps.csv", ["concession_id", "overlap_ha", "pct_of_concession",
                                                   "pct_of_feature"],
                           _("Rows where feature_uid is \u201c{uid}\u201d; totals from summary.csv "
                             "(feature_ha, n_concessions, covered_ha, pct_covered).").format(uid=uid)))
    return out


def focus_page(data: ReportData, refs, index: FeatureIndex) -> list[Flowable]:
    """The page of one concession named with ``--focus``."""
    _, lang = data._, data.lang
    ref = refs[0]
    out: list[Flowable] = [PageBreak(), Heading(_("Mining title {id}").format(id=ref.id), 1)]
    facts = [(_("Layer"), ref.layer.name)]
    labels = {"holder": _("Holder"), "commodity": _("Commodity"), "phase": _("Phase"), "status": _("Status")}
    facts += [(labels[k], v) for k, v in ref.attributes.items() if v]
    geometry = ref.geometry()
    extent = padded(geometry.bounds, 0.6, 0.05)
    figure = map_figure(_map_layers(data), extent, 95, _("Map of mining title {id}.").format(id=ref.id),
                        selection={ref.layer.name: [ref.row]}, legend_title=_("Legend"),
                        cache=data.map_cache)
    if figure is not None:
        out.append(figure)
    out.append(_facts(facts))
    uids = {r.uid for r in refs}
    for name, caption in (("overlaps", _("Sensitive features overlapped by title {id}")),
                          ("proximity", _("Nearest sensitive features to title {id}")),
                          ("downstream", _("Downstream of title {id}"))):
        table = data.tables[name]
        key = "concession_uid" if "concession_uid" in table.columns else "concession_id"
        values = uids if key == "concession_uid" else {ref.id}
        rows = table[table[key].astype(str).isin(values)] if key in table.columns else table.iloc[0:0]
        if name == "overlaps" and "role" in rows.columns:  # reaches have no area: in overlaps.csv
            rows = rows[rows["role"].astype(str) != "river"]
        if name == "downstream" and len(rows):
            out.append(_chain(data, rows))
            rows = rows[rows["feature_uid"].fillna("").astype(str) != ""].sort_values(["step", "feature_km"])
        if len(rows):
            out.append(pdf_table(rows, name, _, lang, caption.format(id=ref.id)))
    return out


def _chain(data: ReportData, rows: pd.DataFrame) -> Paragraph:
    """The basins downstream of a title, in order of step (from downstream.csv)."""
    steps = rows.sort_values("step").drop_duplicates("downstream_basin_code")
    names = [str(n) if str(n).strip() not in ("", "-", "nan") else str(c)
             for c, n in zip(steps["downstream_basin_code"],
                             steps.get("downstream_basin_name", steps["downstream_basin_code"]))]
    return Paragraph(data._("Basins downstream, in order: {chain}.").format(chain=" \u2192 ".join(names)),
                     size=8.5)


def findings_sections(data: ReportData) -> list[Flowable]:
    """Feature pages for every touched feature, then the focus pages."""
    index = FeatureIndex(data.vectors())
    out: list[Flowable] = []
    for row in touched_features(data).to_dict("records"):
        out += feature_page(data, row, index)
    subjects = [l for l in data.vectors() if Role(l.role) in (Role.CONCESSION, Role.PROJECT)]
    for focus in data.focus:
        refs = index.find_id(focus, subjects)
        if refs:
            out += focus_page(data, refs, index)
        else:
            out += [PageBreak(), Heading(_focus_missing_title(data), 1),
                    Paragraph(data._("No mining title or project has the identifier {id}.").format(id=focus))]
    return out


def _focus_missing_title(data: ReportData) -> str:
    return data._("Requested title not found")
