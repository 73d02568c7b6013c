"""One entry point for any file a user opens: vector or raster, chosen by format."""
from __future__ import annotations

from .boundary import guarded
from .formats import RASTER_EXTENSIONS, SUPPORTED_EXTENSIONS, detect_format
from .model import RasterLayer, VectorLayer
from .rasters import open_raster
from .readers import existing_file, read_vector

__all__ = ["load_layer", "SUPPORTED_EXTENSIONS", "RASTER_EXTENSIONS", "file_dialog_filter"]

_RASTER_KEYWORDS = ("name", "categorical", "band")


@guarded
def load_layer(path, layer=None, **kw) -> VectorLayer | RasterLayer:
    """Read a vector layer or open a raster, by the file's format; LayerError on bad input.

    Vector keywords: ``role``, ``crs``, ``encoding``, ``name`` (see :func:`read_vector`);
    raster keywords: ``name``, ``categorical``, ``band`` (see :func:`open_raster`; ``layer``
    names the band of a raster, as its provenance records it); a raster ignores the
    vector-only ones, so a project can pass the same keywords to every layer.
    """
    source = existing_file(path)
    if detect_format(source).kind == "raster":
        if layer is not None and kw.get("band") is None:  # a raster's "layer" is its band
            kw["band"] = layer
        return open_raster(source, **{k: v for k, v in kw.items() if k in _RASTER_KEYWORDS})
    kw.pop("categorical", None)
    kw.pop("band", None)
    return read_vector(source, layer, **kw)


def file_dialog_filter() -> str:
    """A Qt-style file dialog filter listing every supported extension (English label)."""
    patterns = " ".join(f"*{ext}" for ext in SUPPORTED_EXTENSIONS)
    return f"Supported layers ({patterns})"
