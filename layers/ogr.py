"""Reading GDAL/OGR vector formats (GeoPackage, Shapefile, GeoJSON, KML, FlatGeobuf) with
pyogrio through Arrow, and turning driver errors into plain-words LayerErrors."""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from .encoding import EncodingChoice, invalid_text_columns, rows_with_non_ascii, shapefile_encoding
from .errors import (
    EmptyLayerError,
    EncodingError,
    GeometryError,
    LayerError,
    LayerNotFoundError,
    UnreadableFileError,
)
from .model import Repair
from .shapefile import check_shapefile

__all__ = ["OgrRead", "ogr_layers", "read_ogr", "driver_message"]


@dataclass
class OgrRead:
    """What one GDAL read produced: the frame, the layer read, driver, encoding and notes."""

    frame: object
    layer: str
    driver: str
    encoding: EncodingChoice | None
    repairs: list[Repair]


_NOT_RECOGNISED = "not recognized as being in a supported file format"


_CORRUPT_WORDS = ("malformed", "corrupt", "truncat", "not a database", "unexpected end", "i/o failure",
                  "verification failed", "invalid size")


def driver_message(exc: Exception, path: Path | None = None) -> str:
    """A GDAL error in plain words (the driver hint GDAL appends is dropped)."""
    text = " ".join(str(exc).split("; It might help", 1)[0].split())
    if path is not None:
        text = text.replace(str(path), "").replace(" :", ":").strip()
    if "parsing kml" in text.lower() or "not well-formed" in text:
        detail = text.split(":", 1)[-1].strip()
        return f"the KML is not well-formed XML ({detail}); it is truncated or corrupt"
    if "Failed to read GeoJSON data" in text:
        detail = text.split(";", 1)[-1].strip()
        return f"the GeoJSON is not valid JSON ({detail}); it is truncated or corrupt"
    if "FeatureCollection" in text or "GeoJSON" in text:
        return f"the file is not valid GeoJSON ({text.rstrip('.')})"
    if _NOT_RECOGNISED in text:
        if path is not None and path.suffix.lower() in (".geojson", ".json"):
            return "the file is not GeoJSON: it is JSON without features or geometries, or it is corrupt"
        return "the file is corrupt or not in the format its name says"
    if any(word in text.lower() for word in _CORRUPT_WORDS):
        return "the file is corrupt or truncated"
    if "No such file" in text:
        return "the file does not exist"
    return f"the file cannot be read ({text})"


def _reraise(path: Path, exc: Exception) -> LayerError:
    if isinstance(exc, LayerError):
        return exc
    if isinstance(exc, UnicodeDecodeError):
        return EncodingError(path, f"attribute text cannot be decoded ({exc.encoding}: {exc.reason}); "
                                   "pass the right encoding")
    if isinstance(exc, IndexError):  # pyogrio on a dataset GDAL opens but finds no layer in
        return UnreadableFileError(path, "the file holds no readable layer; it is corrupt or truncated")
    return UnreadableFileError(path, driver_message(exc, path))


def ogr_layers(path: Path) -> list[tuple[str, str | None]]:
    """(layer name, geometry type or None for a table) of every layer in a GDAL dataset."""
    import pyogrio

    if path.suffix.lower() == ".shp":
        check_shapefile(path)
    try:
        listed = pyogrio.list_layers(path)
    except Exception as exc:  # pyogrio raises DataSourceError and plain RuntimeErrors
        raise _reraise(path, exc) from exc
    return [(str(name), None if kind is None else str(kind)) for name, kind in listed]


def _choose_layer(path: Path, layers: list[tuple[str, str | None]], wanted: str | None) -> tuple[str, list[Repair]]:
    names = [name for name, _ in layers]
    if isinstance(wanted, int) and not isinstance(wanted, bool) and 0 <= wanted < len(names):
        wanted = names[wanted]
    if wanted is not None:
        if wanted not in names:
            raise LayerNotFoundError(path, f"there is no layer {wanted!r}; the file holds: {', '.join(names) or 'none'}")
        return wanted, []
    spatial = [name for name, kind in layers if kind is not None]
    if not layers:
        raise EmptyLayerError(path, "the file holds no layers (no features, placemarks or tables)")
    if not spatial:
        raise GeometryError(path, f"the file holds only tables without geometry ({', '.join(names)})")
    if len(layers) == 1:
        return spatial[0], []
    first = _first_with_features(path, spatial)
    note = Repair("choose_layer", len(layers),
                  f"the file holds {len(layers)} layers ({', '.join(names)}); read the first with "
                  f"features, '{first}'; name another layer to read it")
    return first, [note]


def _first_with_features(path: Path, spatial: list[str]) -> str:
    """The first of several layers that holds features (else the first one)."""
    import pyogrio

    for name in spatial:
        try:
            if pyogrio.read_info(path, layer=name, force_feature_count=True).get("features", 0) != 0:
                return name
        except Exception:  # a damaged layer: let the real read report it
            return name
    return spatial[0]


#: Formats that always hold exactly one layer: read without listing (a GeoJSON parse is slow).
SINGLE_LAYER_DRIVERS = {".geojson": "GeoJSON", ".fgb": "FlatGeobuf", ".shp": "ESRI Shapefile"}


def _layer_and_driver(path: Path, layer: str | None) -> tuple[str | None, str | None, list[Repair]]:
    driver = SINGLE_LAYER_DRIVERS.get(path.suffix.lower())
    if driver and layer is None:
        if path.suffix.lower() == ".shp":
            check_shapefile(path)
        return None, driver, []
    chosen, notes = _choose_layer(path, ogr_layers(path), layer)
    return chosen, driver, notes


def _read_frame(path: Path, layer: str | None, codec: str | None, notes: list[Repair]):
    """The layer as a GeoDataFrame; geometries the file stores broken (unclosed rings, rings of
    too few points) are rebuilt with shapely's ``from_wkb(on_invalid="fix")`` and reported."""
    import pyogrio
    from shapely.errors import GEOSException

    arrow = codec in (None, "utf-8") or path.suffix.lower() == ".shp"  # pyogrio's Arrow path is UTF-8 only
    try:
        return pyogrio.read_dataframe(path, layer=layer, use_arrow=arrow, encoding=codec)
    except GEOSException:
        frame, repair = _read_fixing_geometry(path, layer, codec)
        notes.append(repair)
        return frame


def _read_fixing_geometry(path: Path, layer: str | None, codec: str | None):
    import geopandas as gpd
    import numpy as np
    import pyogrio
    import shapely

    meta, table = pyogrio.read_arrow(path, layer=layer, encoding=codec)
    name = meta.get("geometry_name") or "wkb_geometry"
    wkb = np.asarray(table.column(name).to_pylist(), dtype=object)
    strict = shapely.from_wkb(wkb, on_invalid="ignore")
    fixed = shapely.from_wkb(wkb, on_invalid="fix")
    broken = shapely.is_missing(strict) & np.array([w is not None for w in wkb], dtype=bool)
    attributes = table.drop_columns([name]).to_pandas()
    frame = gpd.GeoDataFrame(attributes, geometry=fixed, crs=meta.get("crs"))
    repair = Repair("fix_geometry_encoding", int(broken.sum()),
                    "geometries stored broken in the file (unclosed rings or too few points) were rebuilt")
    return frame, repair


def _driver_notes(caught) -> list[Repair]:
    """GDAL's own warnings during a read (e.g. it closed an unclosed ring), one record per message."""
    counts: dict[str, int] = {}
    for item in caught:
        if issubclass(item.category, RuntimeWarning):
            text = " ".join(str(item.message).split())
            text = text.split(". To avoid", 1)[0].split(" Set the ", 1)[0][:200]
            counts[text] = counts.get(text, 0) + 1
    return [Repair("driver_warning", n, text) for text, n in counts.items()]


def _decoded(path: Path, layer: str | None, frame, choice: EncodingChoice, notes: list[Repair]):
    """Re-read with a fallback encoding when the declared one left invalid text; report it."""
    bad = invalid_text_columns(frame) if frame is not None else ["(all text)"]
    if not bad:
        return frame, choice
    if choice.source == "caller":
        raise EncodingError(path, f"text in column(s) {', '.join(bad)} is not valid {choice.codec}")
    for codec in ("cp1252", "latin-1"):
        try:
            frame = _read_frame(path, layer, codec, notes)
        except UnicodeDecodeError:
            continue
        if bad == ["(all text)"]:
            bad = [c for c in frame.columns if c != frame.geometry.name and frame[c].dtype.kind in "OT"]
        count = rows_with_non_ascii(frame, [c for c in bad if c in frame.columns])
        detail = f"text in column(s) {', '.join(bad)} is not valid {choice.codec}; decoded as {codec}"
        return frame, EncodingChoice(codec, "detected", Repair("decode", count, detail))
    raise EncodingError(path, f"text in column(s) {', '.join(bad)} cannot be decoded")


def read_ogr(path: Path, layer: str | None = None, encoding: str | None = None) -> OgrRead:
    """Read one layer of a GDAL vector dataset into a GeoDataFrame (Arrow path, fast)."""
    import pyogrio

    chosen, driver, notes = _layer_and_driver(path, layer)
    choice = shapefile_encoding(path, encoding) if path.suffix.lower() == ".shp" else None
    codec = choice.codec if choice else encoding
    if choice is None:
        choice = EncodingChoice(codec or "utf-8", "caller" if codec else "driver")
    try:
        if driver is None:
            driver = pyogrio.read_info(path, layer=chosen, encoding=codec).get("driver")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", RuntimeWarning)
            try:
                frame = _read_frame(path, chosen, codec, notes)
            except UnicodeDecodeError:
                frame = None  # undecodable with the declared encoding: try the fallbacks
            frame, choice = _decoded(path, chosen, frame, choice, notes)
        notes.extend(_driver_notes(caught))
    except Exception as exc:
        raise _reraise(path, exc) from exc
    if choice.repair is not None:
        notes.append(choice.repair)
    if getattr(frame, "_geometry_column_name", None) not in frame.columns:
        raise GeometryError(path, f"layer '{chosen}' has no geometry column")
    return OgrRead(frame, chosen or path.stem, str(driver or ""), choice, notes)
