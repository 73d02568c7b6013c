"""Everything the report sections read, gathered once: layers, analysis tables, language,
focus concessions, creation time and the data sources."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Sequence

import pandas as pd

from layers.model import RasterLayer, VectorLayer

__all__ = ["ReportData"]


@dataclass
class ReportData:
    """Inputs of the HTML, PDF and KMZ writers.  ``_`` is the report language's translator."""

    layers: list[VectorLayer | RasterLayer]
    analysis: Any  # explorer.analysis.AnalysisResult
    lang: str = "en"
    focus: Sequence[str] = ()
    title: str = ""
    created: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    sources: list[dict[str, Any]] = field(default_factory=list)
    registry: Any = None
    command_line: str = ""
    pages: int = 0
    #: Simplified geometry shared by the PDF map figures (see :func:`explorer.report.maps.map_figure`).
    map_cache: dict = field(default_factory=dict, repr=False)
    _tables: dict[str, pd.DataFrame] | None = field(default=None, repr=False)

    @property
    def _(self):
        """The translator of the report language (English message ids)."""
        from explorer.i18n import translator

        return translator(self.lang)

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The analysis tables, read once."""
        if self._tables is None:
            self._tables = self.analysis.tables()
        return self._tables

    def vectors(self) -> list[VectorLayer]:
        """The vector layers with features."""
        return [l for l in self.layers if isinstance(l, VectorLayer) and len(l.frame)]

    def rasters(self) -> list[RasterLayer]:
        """The raster layers."""
        return [l for l in self.layers if isinstance(l, RasterLayer)]
