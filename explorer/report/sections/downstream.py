"""Downstream sections: sensitive features downstream of mining titles, and the chains of
basins from each start basin, built from the downstream table."""
from __future__ import annotations

import pandas as pd

from ..data import ReportData
from ..formatting import format_count, format_number
from ..pdf import Flowable, Heading, PageBreak, Paragraph, Table
from ..table_specs import role_text
from .traces import source_note

__all__ = ["downstream_section", "features_downstream", "basin_chains"]


def _has(table: pd.DataFrame, *columns: str) -> bool:
    return len(table) > 0 and all(c in table.columns for c in columns)


def features_downstream(table: pd.DataFrame) -> pd.DataFrame:
    """Per sensitive feature: titles upstream of it and the nearest distance along the flow."""
    if not _has(table, "feature_uid", "subject_uid", "role"):
        return pd.DataFrame()
    rows = table[table["feature_uid"].astype(str) != ""]
    if "feature_km" in rows.columns:
        rows = rows.assign(feature_km=pd.to_numeric(rows["feature_km"], errors="coerce"))
    grouped = rows.groupby(["role", "feature_uid", "feature_name"], sort=False)
    out = grouped["subject_uid"].nunique().rename("titles").reset_index()
    if "feature_km" in rows.columns:
        out["nearest_km"] = grouped["feature_km"].min().to_numpy()
    return out.sort_values("titles", ascending=False)


def basin_chains(table: pd.DataFrame) -> pd.DataFrame:
    """Per start basin: titles in it, the chain of downstream basins, and features reached."""
    if not _has(table, "basin_code", "step", "downstream_basin_code", "subject_uid"):
        return pd.DataFrame()
    records = []
    for code, group in table.groupby("basin_code", sort=True):
        steps = group.sort_values("step").drop_duplicates("downstream_basin_code")
        names = [f"{n or c}" for c, n in zip(steps["downstream_basin_code"], steps.get("downstream_basin_name", steps["downstream_basin_code"]))]
        features = sorted({str(n) for n in group.get("feature_name", pd.Series(dtype=str)) if str(n) not in ("", "nan")})
        records.append({"basin_code": str(code), "titles": group["subject_uid"].nunique(),
                        "chain": " \u2192 ".join(names), "features": "; ".join(features)})
    return pd.DataFrame(records)


def downstream_section(data: ReportData) -> list[Flowable]:
    """The downstream pages."""
    _, lang = data._, data.lang
    table = data.tables["downstream"]
    out: list[Flowable] = [PageBreak(), Heading(_("Downstream"), 1),
                           Paragraph(_("Basins downstream of each mining title, followed along the "
                                       "drainage network up to the reach set in the parameters, and "
                                       "the sensitive features they hold."))]
    if not len(table):
        out.append(Paragraph(_("No downstream results (no basin layer, or no title inside a basin).")))
        return out
    features = features_downstream(table)
    if len(features):
        rows = [[str(r["feature_name"]), role_text(r["role"], _), format_count(r["titles"], lang),
                 format_number(r.get("nearest_km"), 1, lang)] for r in features.to_dict("records")]
        out.append(Table([_("Feature"), _("Role"), _("Titles upstream"), _("Nearest along the flow (km)")],
                         rows, align="llrr", caption=_("Sensitive features downstream of mining titles"),
                         continued=_("(continued)"), weights=[2.2, 1.2, 0.8, 1.0]))
    chains = basin_chains(table)
    if len(chains):
        rows = [[r["basin_code"], format_count(r["titles"], lang), r["chain"], r["features"]]
                for r in chains.to_dict("records")]
        out.append(Table([_("Start basin"), _("Titles"), _("Downstream chain of basins"),
                          _("Sensitive features reached")], rows, align="lrll",
                         caption=_("Downstream chains"), continued=_("(continued)"),
                         weights=[0.7, 0.5, 2.6, 2.2]))
    out.append(Paragraph(_("Every row of the downstream analysis ({rows} rows) is in "
                           "downstream.csv.").format(rows=format_count(len(table), lang)),
                         italic=True, size=8.0))
    out.append(source_note(data, "downstream.csv", ["feature_uid", "subject_uid", "feature_km", "basin_code",
                                                    "step", "downstream_basin_code"],
                           _("Titles upstream are distinct subject_uid values per feature_uid; the "
                             "nearest distance is the least feature_km; chains list downstream_basin_code "
                             "in order of step per basin_code.")))
    return out
