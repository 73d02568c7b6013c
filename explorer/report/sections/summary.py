"""Summary of findings in plain words, built from the summary and overlap tables.

"3 mining titles overlap TI Uaçá, covering 1,234.5 ha (0.26% of the territory)."
"""
from __future__ import annotations

import pandas as pd

from layers.roles import Role

from ..data import ReportData
from ..formatting import format_area, format_count, format_percent
from ..pdf import Flowable, Heading, Paragraph

__all__ = ["summary_section", "finding_sentences", "touched_features", "feature_name"]

#: Roles whose touched features get a sentence and a page of their own.
AREA_ROLES = (Role.INDIGENOUS_TERRITORY.value, Role.PROTECTED_AREA.value, Role.BASIN.value)


def touched_features(data: ReportData) -> pd.DataFrame:
    """Rows of the summary table for territories, protected areas and basins with overlaps."""
    summary = data.tables["summary"]
    if not len(summary):
        return summary
    count = pd.to_numeric(summary["n_concessions"], errors="coerce").fillna(0)
    keep = summary["role"].astype(str).isin(AREA_ROLES) & (count > 0)
    order = {role: i for i, role in enumerate(AREA_ROLES)}
    out = summary[keep].copy()
    out["_order"] = out["role"].map(order)
    out["_covered"] = pd.to_numeric(out["covered_ha"], errors="coerce").fillna(0)
    return out.sort_values(["_order", "_covered"], ascending=[True, False]).drop(columns=["_order", "_covered"])


def _sentence(row, data: ReportData) -> str:
    _, lang = data._, data.lang
    count = int(float(row["n_concessions"] or 0))
    role = str(row["role"])
    if role == Role.INDIGENOUS_TERRITORY.value:
        text = _.n("{count} mining title overlaps {feature}, covering {area} ({share} of the territory).",
                   "{count} mining titles overlap {feature}, covering {area} ({share} of the territory).", count)
    elif role == Role.PROTECTED_AREA.value:
        text = _.n("{count} mining title overlaps {feature}, covering {area} ({share} of the protected area).",
                   "{count} mining titles overlap {feature}, covering {area} ({share} of the protected area).", count)
    else:
        text = _.n("{count} mining title overlaps the basin {feature}, covering {area} ({share} of the basin).",
                   "{count} mining titles overlap the basin {feature}, covering {area} ({share} of the basin).", count)
    return text.format(count=format_count(count, lang), feature=feature_name(row),
                       area=format_area(row["covered_ha"], lang, 1),
                       share=format_percent(row["pct_covered"], lang, 2))


def feature_name(row) -> str:
    """The feature's name, or its id when the name is empty or a placeholder such as ``-``.
    A basin's name is followed by its code (several basins share a river's name)."""
    name = str(row.get("feature_name") or "").strip()
    code = str(row.get("feature_id") or "").strip()
    if name in ("", "-", "nan", "None"):
        return code or str(row.get("feature_uid") or "")
    if str(row.get("role")) == Role.BASIN.value and code and code != name:
        return f"{name} ({code})"
    return name


def finding_sentences(data: ReportData) -> list[str]:
    """One plain sentence per touched territory, protected area and basin, largest first."""
    return [_sentence(row, data) for row in touched_features(data).to_dict("records")]


def _overview(data: ReportData) -> list[str]:
    _, lang = data._, data.lang
    overlaps = data.tables["overlaps"]
    lines = []
    strong = overlaps[overlaps["role"].astype(str).isin(AREA_ROLES[:2])] if len(overlaps) else overlaps
    titles = strong["concession_uid"].nunique() if len(strong) else 0
    subjects = sum(len(l.frame) for l in data.vectors() if l.role in (Role.CONCESSION, Role.PROJECT))
    lines.append(_("{touching} of {total} mining titles and projects overlap an Indigenous territory "
                   "or a protected area.").format(
        touching=format_count(titles, lang), total=format_count(subjects, lang)))
    untouched = _untouched(data)
    if untouched:
        lines.append(_("No mining title overlaps: {names}.").format(names=", ".join(untouched)))
    return lines


def _untouched(data: ReportData) -> list[str]:
    summary = data.tables["summary"]
    if not len(summary):
        return []
    count = pd.to_numeric(summary["n_concessions"], errors="coerce").fillna(0)
    rows = summary[summary["role"].astype(str).isin(AREA_ROLES[:2]) & (count == 0)]
    return [feature_name(r) for r in rows.to_dict("records")]


def summary_section(data: ReportData) -> list[Flowable]:
    """The plain-words summary page."""
    _ = data._
    out: list[Flowable] = [Heading(_("Summary of findings"), 1)]
    out += [Paragraph(line) for line in _overview(data)]
    sentences = finding_sentences(data)
    if sentences:
        out.append(Heading(_("Sensitive areas overlapped by mining titles"), 2))
        out += [Paragraph(s, bullet="\u2022") for s in sentences]
    else:
        out.append(Paragraph(_("No mining title overlaps any territory, protected area or basin "
                               "in the data analysed.")))
    for note in data.analysis.notes:
        out.append(Paragraph(_("Note from the analysis: {note}").format(note=_(note)), italic=True))  # ENGINE_NOTES
    return out
