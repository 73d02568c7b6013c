"""Partnership pages: what each partnership discloses, its focus areas, its projects, the
projects whose location is not disclosed, and a chart by year and disclosure."""
from __future__ import annotations

from collections import Counter

from explorer.i18n.terms import registry_term

from ..data import ReportData
from ..formatting import format_count
from ..pdf import BarChart, Flowable, Heading, PageBreak, Paragraph, Table
from ..table_specs import N_, pdf_table
from .traces import source_note

__all__ = ["partnership_sections", "disclosure_label"]

_DISCLOSURE = ("yes", "unknown", "no")


def disclosure_label(value: str, _) -> str:
    """Translated words for a ``text_public`` value."""
    labels = {"yes": _("text public"), "unknown": _("not known to be public"), "no": _("text not public")}
    return labels.get(str(value), str(value))


def _chart(registry, data: ReportData) -> BarChart | None:
    _ = data._
    counts = Counter((p.year, p.text_public) for p in registry.partnerships)
    years = sorted({year for year, _d in counts}, key=lambda y: (y is None, y or 0))
    if not years:
        return None
    values = [[counts.get((year, d), 0) for d in _DISCLOSURE] for year in years]
    names = [str(y) if y is not None else _("no date") for y in years]
    return BarChart(_("Partnerships by year and by disclosure of the text"), names, values,
                    series=[disclosure_label(d, _) for d in _DISCLOSURE],
                    fmt=lambda v: format_count(v, data.lang), colours=("#1b9e77", "#bdbdbd", "#d95f02"))


def _partnership_table(registry, data: ReportData) -> Table:
    _ = data._
    rows = [[p.id, p.name, "; ".join(p.parties), str(p.year or ""), disclosure_label(p.text_public, _),
             "; ".join(registry_term(f, _) for f in p.focus_areas), format_count(len(registry.projects_of(p.id)), data.lang)]
            for p in registry.partnerships]
    return Table([_("ID"), _("Partnership"), _("Parties"), _("Year"), _("Text"), _("Focus areas"),
                  _("Projects")], rows, align="llllllr", caption=_("Partnerships and what they disclose"),
                 continued=_("(continued)"), weights=[0.45, 2.3, 1.4, 0.55, 1.1, 2.0, 0.95])


def _project_table(projects, data: ReportData, caption: str) -> Table:
    _ = data._
    rows = [[p.id, p.name, p.operator, p.country, p.commodity, "; ".join(p.partnership_ids),
             registry_term(p.location_precision, _) if p.disclosed else _("location not disclosed")] for p in projects]
    return Table([_("ID"), _("Project"), _("Operator"), _("Country"), _("Commodity"), _("Partnerships"),
                  _("Location")], rows, align="lllllll", caption=caption, continued=_("(continued)"),
                 weights=[0.5, 2.2, 1.6, 1.0, 0.9, 0.9, 1.1])


def partnership_sections(data: ReportData) -> list[Flowable]:
    """The partnership pages (empty when the source has no registry and no table)."""
    _ = data._
    registry, table = data.registry, data.tables["partnerships"]
    if registry is None and not len(table):
        return []
    out: list[Flowable] = [PageBreak(), Heading(_("Critical-minerals partnerships"), 1)]
    if registry is not None:
        public = sum(1 for p in registry.partnerships if p.text_public == "yes")
        hidden = registry.undisclosed()
        out.append(Paragraph(_("{public} of {total} partnerships have a public text. {hidden} of "
                               "{projects} projects do not disclose their location: that absence is a "
                               "finding in itself.").format(
            public=format_count(public, data.lang), total=format_count(len(registry.partnerships), data.lang),
            hidden=format_count(len(hidden), data.lang), projects=format_count(len(registry.projects), data.lang))))
        chart = _chart(registry, data)
        if chart is not None:
            out.append(chart)
        out.append(_partnership_table(registry, data))
        out.append(_project_table(registry.projects, data, _("Projects linked to partnerships")))
        if hidden:
            out.append(_project_table(hidden, data, _("Projects whose location is not disclosed")))
    if len(table):
        out += _analysis_table(table, data)
    return out


_ANALYSIS_COLUMNS = [
    ("project_id", N_("ID"), "text"),
    ("project_name", N_("Project"), "text"),
    ("partnership", N_("Partnership"), "text"),
    ("n_overlaps", N_("Sensitive features overlapped"), "int"),
    ("n_near", N_("Sensitive features near"), "int"),
    ("nearest_km", N_("Nearest sensitive feature (km)"), "num"),
]


def _analysis_table(table, data: ReportData) -> list[Flowable]:
    """One row per (project, partnership) pair of the partnership table (the partnership
    columns are in the table above)."""
    _ = data._
    ids = table["project_id"].fillna("").astype(str).str.strip() if "project_id" in table else None
    projects = table[(ids != "") & (ids != "nan")] if ids is not None else table
    out: list[Flowable] = [Heading(_("Partnership projects near sensitive areas"), 2)]
    if not len(projects):
        out.append(Paragraph(_("No partnership project is located.")))
        return out
    out.append(pdf_table(projects, "partnerships", _, data.lang, _("Partnership analysis"),
                         columns=_ANALYSIS_COLUMNS))
    out.append(source_note(data, "partnerships.csv", [c for c, _h, _k in _ANALYSIS_COLUMNS],
                           _("Rows with a project_id; the names of the features are in the columns "
                             "overlaps and near.")))
    return out
