"""The analysis engine's notes (plain English, no translation in the engine), marked here so
the extractor puts them in the report catalogues; the report shows ``_(note)``."""
from __future__ import annotations

__all__ = ["N_", "ENGINE_NOTES"]


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it now."""
    return message


#: Every note ``explorer.analysis.run_analysis`` can add to a result (a test keeps this complete).
ENGINE_NOTES = (
    N_("No concession or project features: nothing to measure."),
    N_("No basin layer: downstream analysis skipped."),
    N_("No concession or project near the rasters: raster statistics skipped."),
)
