"""explorer.report: the evidence pack — PDF report, offline HTML map, CSV/GeoPackage tables,
KMZ, manifest of hashes, and the zip of it all; plus :func:`verify_pack`.

No widgets here (QtGui and QPdfWriter only), so the CLI and a GUI worker share it.
"""
from .build import ReportResult, build_report
from .verify import VerifyReport, verify_pack

__all__ = ["build_report", "ReportResult", "verify_pack", "VerifyReport"]
