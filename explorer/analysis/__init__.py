"""explorer.analysis: overlap, proximity, downstream, raster and partnership metrics.

No Qt here: the engine runs in a plain process, a notebook, a server or a GUI worker.
"""
from .results import AnalysisResult, InputRecord
from .run import run_analysis
from .settings import AnalysisCancelled, AnalysisSettings

__all__ = ["run_analysis", "AnalysisSettings", "AnalysisCancelled", "AnalysisResult", "InputRecord"]
