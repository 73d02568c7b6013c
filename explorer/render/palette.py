"""Colours of raster classes: the MapBiomas legend, and fallbacks for other rasters."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["MAPBIOMAS_CLASSES", "class_colour", "class_name", "categorical_lut", "continuous_rgba"]

#: MapBiomas (Brazil) land-cover classes: code -> (colour, English name).  Colours follow the
#: collection 6-8 legend, except mining (30), which is a brighter red so it reads as a finding.
MAPBIOMAS_CLASSES: dict[int, tuple[str, str]] = {
    3: ("#1f8d49", QT_TRANSLATE_NOOP("Render", "Forest formation")),
    4: ("#7dc975", QT_TRANSLATE_NOOP("Render", "Savanna formation")),
    5: ("#04381d", QT_TRANSLATE_NOOP("Render", "Mangrove")),
    6: ("#026975", QT_TRANSLATE_NOOP("Render", "Floodable forest")),
    9: ("#7a5900", QT_TRANSLATE_NOOP("Render", "Forest plantation")),
    11: ("#519799", QT_TRANSLATE_NOOP("Render", "Wetland")),
    12: ("#d6bc74", QT_TRANSLATE_NOOP("Render", "Grassland")),
    15: ("#edde8e", QT_TRANSLATE_NOOP("Render", "Pasture")),
    20: ("#db7093", QT_TRANSLATE_NOOP("Render", "Sugar cane")),
    21: ("#ffefc3", QT_TRANSLATE_NOOP("Render", "Mosaic of uses")),
    23: ("#ffa07a", QT_TRANSLATE_NOOP("Render", "Beach, dune and sand spot")),
    24: ("#d4271e", QT_TRANSLATE_NOOP("Render", "Urban area")),
    25: ("#db4d4f", QT_TRANSLATE_NOOP("Render", "Other non-vegetated area")),
    29: ("#ffaa5f", QT_TRANSLATE_NOOP("Render", "Rocky outcrop")),
    30: ("#e8112d", QT_TRANSLATE_NOOP("Render", "Mining")),
    31: ("#091077", QT_TRANSLATE_NOOP("Render", "Aquaculture")),
    32: ("#fc8114", QT_TRANSLATE_NOOP("Render", "Hypersaline tidal flat")),
    33: ("#2532e4", QT_TRANSLATE_NOOP("Render", "River, lake and ocean")),
    35: ("#9065d0", QT_TRANSLATE_NOOP("Render", "Palm oil")),
    39: ("#f5b3c8", QT_TRANSLATE_NOOP("Render", "Soybean")),
    40: ("#c71585", QT_TRANSLATE_NOOP("Render", "Rice")),
    41: ("#f54ca9", QT_TRANSLATE_NOOP("Render", "Other temporary crops")),
    46: ("#d68fe2", QT_TRANSLATE_NOOP("Render", "Coffee")),
    47: ("#9932cc", QT_TRANSLATE_NOOP("Render", "Citrus")),
    48: ("#e6ccff", QT_TRANSLATE_NOOP("Render", "Other perennial crops")),
    49: ("#02d659", QT_TRANSLATE_NOOP("Render", "Wooded sandbank vegetation")),
    50: ("#ad5100", QT_TRANSLATE_NOOP("Render", "Herbaceous sandbank vegetation")),
    62: ("#ff69b4", QT_TRANSLATE_NOOP("Render", "Cotton")),
}
_QUALITATIVE = ("#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f", "#e5c494", "#b3b3b3",
                "#1b9e77", "#d95f02", "#7570b3", "#e7298a")
_RAMP = np.array([[38, 115, 0], [112, 168, 0], [230, 230, 128], [201, 150, 86], [150, 100, 70], [245, 245, 245]], float)


def class_colour(code: int) -> str:
    """The ``#rrggbb`` colour of a raster class (MapBiomas colour when the code is in its legend)."""
    if int(code) in MAPBIOMAS_CLASSES:
        return MAPBIOMAS_CLASSES[int(code)][0]
    return _QUALITATIVE[int(code) % len(_QUALITATIVE)]


def class_name(code: int) -> str:
    """The translated legend text of a raster class."""
    if int(code) in MAPBIOMAS_CLASSES:
        return QCoreApplication.translate("Render", MAPBIOMAS_CLASSES[int(code)][1])
    return QCoreApplication.translate("Render", "Class {0}").format(int(code))


def _argb(hex_colour: str, alpha: int) -> int:
    value = int(hex_colour.lstrip("#"), 16)
    return (alpha << 24) | value


def categorical_lut(codes: np.ndarray, alpha: int) -> np.ndarray:
    """ARGB32 colours (uint32) for each code of ``codes``."""
    return np.array([_argb(class_colour(int(c)), alpha) for c in codes], dtype=np.uint32)


def continuous_rgba(values: np.ma.MaskedArray, alpha: int) -> np.ndarray:
    """ARGB32 pixels of a continuous raster on a hypsometric ramp between its 2nd and 98th percentiles."""
    data = np.ma.filled(values.astype(float), np.nan)
    finite = data[np.isfinite(data)]
    out = np.zeros(data.shape, dtype=np.uint32)
    if finite.size == 0:
        return out
    lo, hi = np.percentile(finite, [2, 98])
    t = np.clip((data - lo) / max(hi - lo, 1e-12), 0, 1) * (len(_RAMP) - 1)
    i = np.clip(np.floor(np.nan_to_num(t)).astype(int), 0, len(_RAMP) - 2)
    f = (np.nan_to_num(t) - i)[..., None]
    rgb = (_RAMP[i] * (1 - f) + _RAMP[i + 1] * f).astype(np.uint32)
    out = (np.uint32(alpha) << 24) | (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]
    out[~np.isfinite(data)] = 0
    return out
