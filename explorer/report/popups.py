"""The metric rows of each feature's popup (HTML map) and description (KMZ), from the tables.

Returned as ``{layer name: {feature id: [(label, value), ...]}}``; values are plain text and
are escaped by the writers.
"""
from __future__ import annotations

from collections import defaultdict

import pandas as pd

from .formatting import format_area, format_count, format_number, format_percent
from .table_specs import role_text

__all__ = ["popup_rows", "split_uid"]


def split_uid(uid: str, feature_id: str) -> str | None:
    """The layer name of ``uid`` (``"<layer>:<id>"``), or None if it does not end with the id."""
    uid, feature_id = str(uid), str(feature_id)
    suffix = ":" + feature_id
    return uid[: -len(suffix)] if uid.endswith(suffix) else None


def _add(out, uid, fid, rows):
    layer = split_uid(uid, fid)
    if layer is not None:
        out[layer][str(fid)].extend(rows)


def popup_rows(tables: dict[str, pd.DataFrame], _, lang: str, limit: int = 12) -> dict:
    """Metric rows for concessions (their overlaps) and sensitive features (totals)."""
    out: dict = defaultdict(lambda: defaultdict(list))
    totals = tables.get("concession_totals", pd.DataFrame())
    seen: set = set()
    for r in totals.to_dict("records"):  # one row per title and role: the area once, then each role
        area = (_("Area of the title"), format_area(r.get("concession_ha"), lang))
        first = [] if r["concession_uid"] in seen else [area]
        seen.add(r["concession_uid"])
        label = _("Overlap with sensitive features")
        if r.get("role"):
            label = _("{role}: {name}").format(role=label, name=role_text(r["role"], _))
        _add(out, r["concession_uid"], r["concession_id"], first + [
            (label, f"{format_area(r.get('overlap_ha'), lang)} ({format_percent(r.get('pct_of_concession'), lang)})"),
        ])
    overlaps = tables.get("overlaps", pd.DataFrame())
    if len(overlaps):
        _concession_overlap_rows(out, overlaps, _, lang, limit)
    summary = tables.get("summary", pd.DataFrame())
    if len(summary):
        count = pd.to_numeric(summary["n_concessions"], errors="coerce").fillna(0)
        for r in summary[count.to_numpy() > 0].to_dict("records"):  # features with metrics only
            _add(out, r["feature_uid"], r["feature_id"], _feature_rows(r, _, lang))
    return {layer: dict(rows) for layer, rows in out.items()}


def _feature_rows(r: dict, _, lang: str) -> list:
    rows = [(_("Mining titles overlapping it"), format_count(r.get("n_concessions"), lang))]
    if str(r.get("role")) == "river":
        rows.append((_("Length inside titles"), f"{format_number(r.get('covered_km'), 2, lang)} km"))
    else:
        rows.append((_("Area covered by titles"), f"{format_area(r.get('covered_ha'), lang)} "
                                                  f"({format_percent(r.get('pct_covered'), lang)})"))
    return rows


def _concession_overlap_rows(out, overlaps: pd.DataFrame, _, lang: str, limit: int) -> None:
    """Per title: its largest overlaps with areas (at most ``limit``) and one line for rivers."""
    river = overlaps["role"].astype(str).to_numpy() == "river"
    areas = overlaps[~river].sort_values("overlap_ha", ascending=False)
    for uid, group in areas.groupby("concession_uid", sort=False):
        rows = [(_("{role}: {name}").format(role=role_text(r["role"], _),
                                             name=r["feature_name"] or r["feature_id"]),
                 f"{format_area(r['overlap_ha'], lang)} ({format_percent(r['pct_of_concession'], lang)})")
                for r in group.head(limit).to_dict("records")]
        _add(out, uid, group.iloc[0]["concession_id"], rows)
    rivers = overlaps[river]
    if len(rivers):
        km = pd.to_numeric(rivers.get("overlap_km"), errors="coerce")
        grouped = rivers.assign(km=km).groupby("concession_uid", sort=False)
        for uid, group in grouped:
            _add(out, uid, group.iloc[0]["concession_id"], [
                (_("River reaches crossed"), f"{format_count(len(group), lang)} "
                                             f"({format_number(group['km'].sum(), 2, lang)} km)")])
