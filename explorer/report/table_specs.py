"""How each analysis table is shown in the PDF: which columns, their headings and number kinds.

Columns the analysis does not (yet) provide are skipped; an unknown table is shown with all
its columns, numbers formatted by type.  Headings are English message ids, translated at use.
"""
from __future__ import annotations

from typing import Callable, Sequence

import pandas as pd

from explorer.i18n.terms import registry_term
from layers.roles import Role, role_label

from .formatting import format_value
from .pdf import Table

__all__ = ["N_", "COLUMNS", "pdf_table", "role_text", "ColumnSpec"]

ColumnSpec = tuple[str, str, str]  # column, heading (message id), kind


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it now."""
    return message


COLUMNS: dict[str, list[ColumnSpec]] = {
    "overlaps": [
        ("concession_id", N_("Title"), "text"),
        ("feature_name", N_("Feature"), "text"),
        ("role", N_("Role"), "role"),
        ("overlap_ha", N_("Overlap (ha)"), "ha"),
        ("pct_of_concession", N_("% of title"), "pct"),
        ("pct_of_feature", N_("% of feature"), "pct"),
    ],
    "summary": [
        ("feature_name", N_("Feature"), "text"),
        ("role", N_("Role"), "role"),
        ("feature_ha", N_("Area (ha)"), "ha"),
        ("n_concessions", N_("Titles"), "int"),
        ("covered_ha", N_("Covered (ha)"), "ha"),
        ("pct_covered", N_("% covered"), "pct"),
    ],
    "concession_totals": [
        ("concession_id", N_("Title"), "text"),
        ("concession_ha", N_("Area (ha)"), "ha"),
        ("n_features", N_("Features"), "int"),
        ("overlap_ha", N_("Overlap (ha)"), "ha"),
        ("pct_of_concession", N_("% of title"), "pct"),
    ],
    "partnerships": [
        ("partnership", N_("Partnership"), "text"),
        ("project_id", N_("ID"), "text"),
        ("project_name", N_("Project"), "text"),
        ("location_precision", N_("Location"), "term"),
        ("n_overlaps", N_("Sensitive features overlapped"), "int"),
        ("n_near", N_("Sensitive features within the rings"), "int"),
        ("nearest_km", N_("Nearest sensitive feature (km)"), "num"),
    ],
    "proximity": [
        ("concession_id", N_("Title"), "text"),
        ("feature_name", N_("Feature"), "text"),
        ("role", N_("Role"), "role"),
        ("distance_m", N_("Distance (km)"), "km"),
    ],
    "downstream": [
        ("feature_name", N_("Feature"), "text"),
        ("role", N_("Role"), "role"),
        ("downstream_basin_code", N_("Basin reached"), "text"),
        ("step", N_("Step"), "int"),
        ("feature_km", N_("Along the flow (km)"), "num"),
    ],
}


def role_text(value, _: Callable[[str], str]) -> str:
    """The translated label of a role value (or the value itself if it is not a role)."""
    try:
        return _(role_label(Role(str(value))))
    except ValueError:
        return str(value)


def _kind_of(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "text"
    if pd.api.types.is_integer_dtype(series):
        return "int"
    if pd.api.types.is_float_dtype(series):
        return "num"
    return "text"


def _specs(frame: pd.DataFrame, name: str, columns: Sequence[ColumnSpec] | None) -> list[ColumnSpec]:
    chosen = columns if columns is not None else COLUMNS.get(name)
    if chosen is None:
        return [(c, c, _kind_of(frame[c])) for c in frame.columns if c != "geometry"]
    return [spec for spec in chosen if spec[0] in frame.columns]


def pdf_table(frame: pd.DataFrame, name: str, _: Callable[[str], str], lang: str,
              caption: str = "", columns: Sequence[ColumnSpec] | None = None) -> Table:
    """A PDF :class:`~explorer.report.pdf.Table` of ``frame`` with every row kept."""
    specs = _specs(frame, name, columns)
    header = [_(heading) if heading != column else column for column, heading, _k in specs]
    rows = []
    for values in frame.to_dict("records"):
        row = []
        for column, _heading, kind in specs:
            value = values.get(column)
            if kind == "role":
                row.append(role_text(value, _))
            elif kind == "term":  # a controlled word of the partnership registry
                row.append(registry_term(format_value(value, "text", lang), _))
            else:
                row.append(format_value(value, kind, lang))
        rows.append(row)
    align = "".join("r" if kind in ("ha", "pct", "km", "int", "num") else "l" for _c, _h, kind in specs)
    return Table(header, rows, align=align, caption=caption, continued=_("(continued)"))
