"""The sections of the PDF report, each a function ``ReportData -> list[Flowable]``."""
from .cover import cover_section
from .summary import summary_section
from .findings import findings_sections
from .analysis import analysis_sections
from .partnerships import partnership_sections
from .method import method_section
from .sources import sources_section
from .caveats import caveats_section

__all__ = [
    "cover_section",
    "summary_section",
    "findings_sections",
    "analysis_sections",
    "partnership_sections",
    "method_section",
    "sources_section",
    "caveats_section",
]
