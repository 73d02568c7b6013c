"""``report.pdf``: the sections laid out on A4 pages and drawn with QPdfWriter."""
from __future__ import annotations

from pathlib import Path

from explorer import __version__

from .data import ReportData
from .formatting import format_date
from .pdf import PageSpec, write_pdf
from .qt_runtime import ensure_gui_application
from .sections import (analysis_sections, caveats_section, cover_section, findings_sections,
                       method_section, partnership_sections, sources_section, summary_section)

__all__ = ["write_report_pdf", "report_flowables"]


def report_flowables(data: ReportData) -> list:
    """Every flowable of the report, in reading order."""
    return (cover_section(data) + summary_section(data) + findings_sections(data)
            + analysis_sections(data) + partnership_sections(data) + method_section(data)
            + sources_section(data) + caveats_section(data))


def write_report_pdf(data: ReportData, path: str | Path) -> int:
    """Write the report for ``data`` to ``path``; return the number of pages."""
    ensure_gui_application()
    _ = data._
    title = data.title or _("Mining impact evidence report")
    spec = PageSpec(
        header_left=title,
        header_right=format_date(data.created, data.lang),
        footer_left=_("Mining Impact Explorer {version} \u00b7 evidence pack").format(version=__version__),
        page_label=lambda page, pages: _("Page {page} of {pages}").format(page=page, pages=pages),
        title=title,
        author="Mining Impact Explorer " + __version__,
    )
    return write_pdf(path, report_flowables(data), spec)
